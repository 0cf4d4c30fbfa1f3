"""Long lists of articles split into a page per year, or per month in a busy year.

A theme's, an outlet's or an entity's articles, and the timeline, would otherwise grow with the corpus: a
10,000-article corpus made a timeline page of 8 MB, and adding one article re-rendered every list that
names it in full. Split by date, a page holds one period's articles, and a new article changes only its
own period's page and the counts on the list's first page.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from itertools import groupby

from generator.model import Article
from generator.render.page import page
from generator.render.text import count_of, inline, month_name

UNDATED = "undated"


@dataclass(frozen=True)
class Period:
    """One page of a split list: its file name ("2016", "2016-03", "undated"), heading and articles."""

    key: str
    title: str
    articles: Sequence[Article]


def periods(articles: Sequence[Article], limit: int) -> list[Period]:
    """`articles` (in date order, undated last) by year, a year of more than `limit` by month; undated last."""
    dated = [a for a in articles if a.front.date]
    undated = [a for a in articles if not a.front.date]
    found = []
    for year, in_year in groupby(dated, key=lambda a: date_of(a).year):
        members = list(in_year)
        if len(members) <= limit:
            found.append(Period(str(year), str(year), members))
            continue
        for month, in_month in groupby(members, key=lambda a: date_of(a).month):
            found.append(Period(f"{year}-{month:02d}", month_name(year, month), list(in_month)))
    if undated:
        found.append(Period(UNDATED, "Undated", undated))
    return found


def date_of(article: Article) -> dt.date:
    """A dated article's date (for the type checker: only dated articles are grouped or drawn by date)."""
    assert article.front.date is not None
    return article.front.date


def period_links(found: Sequence[Period], name: str) -> str:
    """The Markdown list of a split list's pages (in the folder `name` beside its first page), with counts."""
    return "\n".join(f"- [{p.title}]({name}/{p.key}.md): {count_of(len(p.articles), 'article')}" for p in found)


def neighbours(found: Sequence[Period], index: int, back: str, back_title: str) -> str:
    """The line above a period's list: the list's first page, and the periods before and after."""
    links = [f"[{inline(back_title)}]({back})"]
    if index > 0:
        links.append(f"[← {found[index - 1].title}]({found[index - 1].key}.md)")
    if index + 1 < len(found):
        links.append(f"[{found[index + 1].title} →]({found[index + 1].key}.md)")
    return " · ".join(links)


# The body of a list of articles (headings and items), given how far the page is from the site's root.
Items = Callable[[Sequence[Article], str], list[str]]


def article_list(
    articles: Sequence[Article], folder: str, list_title: str, source: str, items: Items, limit: int
) -> tuple[list[str], dict[str, str]]:
    """A list of articles for the page `folder`.md (a path under docs/: "themes/idlib"): what that page
    shows, and, when the list is longer than `limit`, the pages per period under `folder`/ it links to.
    """
    if len(articles) <= limit:
        return items(articles, "../"), {}
    found = periods(articles, limit)
    name = folder.rsplit("/", 1)[-1]
    pages = {}
    for index, period in enumerate(found):
        heading = f"{list_title}: {period.title}"
        body = [f"# {inline(heading)}", neighbours(found, index, f"../{name}.md", f"{list_title}: all years")]
        listed = count_of(len(period.articles), "article")
        dated = period.key != UNDATED
        description = f"{list_title}, {period.title if dated else 'undated'}: {listed}" + (
            " in date order." if dated else " that state no date."
        )
        pages[f"{folder}/{period.key}.md"] = page(heading, description, source, body + items(period.articles, "../../"))
    return ["## Articles by date", period_links(found, name)], pages
