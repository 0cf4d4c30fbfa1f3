"""Long lists of articles on a page per year, or per month in a busy year (generator/render/listing.py).

The seeds are built with listing_page_limit 1 (the `split_project` fixture), so every list of two or more
articles is split, and a year of two or more articles is split by month.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest

from generator import site
from generator.config import load_site_data
from generator.errors import ContentErrors
from generator.model import Article, article_sort_key

LINK = re.compile(r"\]\((?:\.\./)+articles/([a-z0-9-]+)\.md\)|href=\"(?:\.\./)+articles/([a-z0-9-]+)/\"")
PERIOD_LINK = re.compile(r"^- \[([^\]]+)\]\(([a-z0-9-]+)/([0-9-]+|undated)\.md\): (\d+) articles?$", re.M)


def linked_articles(page: Path) -> list[str]:
    """The articles a page's list links to (after its charts, whose data tables link to articles too)."""
    text = page.read_text(encoding="utf-8")
    listed = text[text.index("## ", text.index("</figure>")) if "</figure>" in text else 0 :]
    return [a or b for a, b in LINK.findall(listed)]


def period_pages(docs: Path, first_page: str) -> list[tuple[str, Path, int]]:
    """The periods the first page of a split list links to: (title, page, count), in the order it lists them."""
    folder = docs / first_page.removesuffix(".md")
    found = PERIOD_LINK.findall((docs / first_page).read_text(encoding="utf-8"))
    assert all(name == folder.name for _, name, _, _ in found)
    return [(title, folder / f"{key}.md", int(count)) for title, _, key, count in found]


@pytest.mark.parametrize(
    ("first_page", "listed"),
    [
        ("timeline.md", lambda article: True),
        ("themes/idlib.md", lambda article: "idlib" in article.theme_ids),
        ("outlets/sputnik.md", lambda article: article.front.outlet == "sputnik"),
        ("entities/idlib.md", lambda article: "idlib" in article.entity_ids),
    ],
)
def test_a_long_list_shows_each_article_once_on_the_page_of_its_period(
    split_project: site.Project, first_page: str, listed: Callable[[Article], bool]
) -> None:
    _, articles = site.load(split_project)
    expected = sorted(filter(listed, articles), key=article_sort_key)
    periods = period_pages(split_project.docs, first_page)
    assert len(periods) >= 2
    assert not linked_articles(split_project.docs / first_page)  # the first page lists periods, not articles
    shown = []
    for _, page, count in periods:
        on_page = list(dict.fromkeys(linked_articles(page)))  # an article is linked once per item
        assert len(on_page) == count, page
        shown += on_page
    assert shown == [a.slug for a in expected]


def test_a_busy_year_is_split_by_month_and_undated_articles_come_last(split_project: site.Project) -> None:
    periods = period_pages(split_project.docs, "timeline.md")
    titles = [title for title, _, _ in periods]
    assert titles[-1] == "Undated"
    assert "September 2018" in titles  # two seed articles are from September 2018: over the limit of one
    assert "2018" not in titles
    assert [page.stem for _, page, _ in periods[:-1]] == sorted(page.stem for _, page, _ in periods[:-1])


def test_a_period_page_leads_back_to_the_list_and_on_to_its_neighbours(split_project: site.Project) -> None:
    periods = period_pages(split_project.docs, "themes/idlib.md")
    first, second = periods[0][1], periods[1][1]
    text = second.read_text(encoding="utf-8")
    assert f"[Idlib: all years](../idlib.md) · [← {periods[0][0]}]({first.name})" in text
    assert f"[{periods[1][0]} →]({second.name})" in first.read_text(encoding="utf-8")
    assert "←" not in first.read_text(encoding="utf-8")
    assert "→" not in periods[-1][1].read_text(encoding="utf-8")
    assert (split_project.site / "themes" / "idlib" / second.stem / "index.html").is_file()


def test_the_seeds_fit_on_one_page_per_list_at_the_default_limit(built_site: Path) -> None:
    assert not (built_site / "timeline" / "2018").exists()
    assert not (built_site / "themes" / "idlib" / "undated").exists()
    assert "Dated articles" in (built_site / "themes" / "idlib" / "index.html").read_text(encoding="utf-8")


@pytest.mark.parametrize("value", ["0", "many", "2.5", "true"])
def test_a_listing_page_limit_that_is_not_a_positive_whole_number_is_an_error(
    project: site.Project, value: str
) -> None:
    settings = project.content / "site.yml"
    settings.write_text(re.sub(r"(?m)^listing_page_limit: \d+$", f"listing_page_limit: {value}", settings.read_text()))
    with pytest.raises(ContentErrors) as raised:
        load_site_data(project.content)
    [error] = raised.value.errors
    assert error.field == "listing_page_limit"
    assert Path(error.path).name == "site.yml"
    assert error.line == settings.read_text().splitlines().index(f"listing_page_limit: {value}") + 1
    assert "whole number of at least 1" in error.message


def test_the_timeline_chart_of_a_split_list_has_a_circle_per_outlet_and_month(split_project: site.Project) -> None:
    data, articles = site.load(split_project)
    outlet_months = {(a.front.outlet, a.front.date.strftime("%Y-%m")) for a in articles if a.front.date}
    page = (split_project.site / "timeline" / "index.html").read_text(encoding="utf-8")
    assert f'data-marks="{len(site.read_events(split_project, data)) + len(outlet_months)}"' in page
    table = page[page.index("<table>") : page.index("</table>")]
    assert "articles/" not in table  # no circle and no row per article: they lead to the month's page
    months = re.findall(r'href="\.\./timeline/([0-9-]+)/"', table)
    assert sorted(set(months)) == sorted(p.stem for _, p, _ in period_pages(split_project.docs, "timeline.md")[:-1])
