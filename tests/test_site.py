"""The whole pipeline on a copy of the repository: content/ in, docs/ and site/ out."""

from __future__ import annotations

import csv
import hashlib
import json
import re
import subprocess
from pathlib import Path
from typing import Any

import pytest

from generator import site
from generator.errors import ContentErrors
from tests.conftest import REPO_URL, build_as_published, copy_project


def tree_digest(root: Path) -> dict[str, str]:
    return {
        str(path.relative_to(root)): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(root.rglob("*"))
        if path.is_file()
    }


def test_build_writes_a_page_per_article_and_theme(built_site: Path) -> None:
    articles = json.loads((built_site / "data" / "articles.json").read_text(encoding="utf-8"))
    assert len(articles) == 19
    for record in articles:
        assert (built_site / record["page"] / "index.html").is_file()
    for theme in ("idlib", "il-20", "geneva", "other"):
        assert (built_site / "themes" / theme / "index.html").is_file()


def test_export_has_every_field_sorted_by_slug(built_site: Path) -> None:
    records = json.loads((built_site / "data" / "articles.json").read_text(encoding="utf-8"))
    assert [r["slug"] for r in records] == sorted(r["slug"] for r in records)
    expected = {"slug", "title", "date", "date_source", "outlet", "author", "url", "themes", "source", "page"}
    assert all(expected <= set(r) for r in records)
    western = next(r for r in records if r["slug"].startswith("western-leaders"))
    assert western["date"] == "2016-05-01"
    assert western["date_source"] == "text"
    assert western["outlet"] == "Sputnik"
    assert western["source"] == "raw/000_10b2880c700f6c0e.txt"
    with (built_site / "data" / "articles.csv").open(encoding="utf-8") as stream:
        rows = list(csv.DictReader(stream))
    assert [row["slug"] for row in rows] == [r["slug"] for r in records]
    assert rows[0]["themes"] == ";".join(records[0]["themes"])


def test_every_article_is_listed_on_a_theme_page(built_site: Path) -> None:
    records = json.loads((built_site / "data" / "articles.json").read_text(encoding="utf-8"))
    linked = set()
    for page in (built_site / "themes").glob("*/index.html"):
        linked |= set(re.findall(r'href="\.\./\.\./articles/([a-z0-9-]+)/"', page.read_text(encoding="utf-8")))
    assert linked == {r["slug"] for r in records}


def test_article_page_shows_provenance_and_how_the_date_was_found(built_site: Path) -> None:
    html = (
        built_site
        / "articles"
        / "russian-military-assistance-to-assad-remains-the-main-stumbling-block-over-syria"
        / "index.html"
    ).read_text(encoding="utf-8")
    assert "stated in the text (“17:54, 7 September 2015”)" in html
    assert "5eba0dd171c943c91751688b9494c94d430d1350fe7be6a7a2997f5b1ac4d8b7" in html
    assert "Система Orphus" in html  # listed among the lines set aside, not in the text
    assert "lines 1–28" in html


def test_generated_pages_say_they_are_generated(built_site: Path) -> None:
    docs = built_site.parent / "docs"
    for page in [docs / "index.md", *docs.glob("themes/*.md"), *docs.glob("articles/*.md")]:
        assert "by `python -m generator generate`" in page.read_text(encoding="utf-8"), page


def test_same_content_builds_the_same_bytes(tmp_path: Path, built_site: Path) -> None:
    again = copy_project(tmp_path / "again")
    build_as_published(again)
    assert tree_digest(again.site) == tree_digest(built_site)


def test_script_in_a_source_shows_as_text(project: site.Project) -> None:
    hostile = project.content / "articles" / "hostile.md"
    hostile.write_text(
        "---\ntitle: '<script>alert(1)</script> [x](javascript:alert(2))'\noutlet: unknown\n"
        "author: '<img src=x onerror=alert(3)>'\n---\n<script>alert(4)</script>\n\n{{ config }} *not emphasis*\n",
        encoding="utf-8",
    )
    site.build(project)
    html = (project.site / "articles" / "hostile" / "index.html").read_text(encoding="utf-8")
    assert "<script>alert" not in html
    assert "<img src=x" not in html
    assert "&lt;script&gt;alert(4)&lt;/script&gt;" in html
    assert "{{ config }} *not emphasis*" in html


def test_unknown_theme_id_is_an_error_naming_the_file(project: site.Project) -> None:
    path = project.content / "articles" / "bad-theme.md"
    path.write_text("---\ntitle: T\noutlet: rt\nthemes: [idlib, aleppo-siege]\n---\nText.\n", encoding="utf-8")
    with pytest.raises(ContentErrors) as raised:
        site.load(project)
    assert [str(e) for e in raised.value.errors] == [
        "content/articles/bad-theme.md:4: themes: 'aleppo-siege' is not a theme id in content/themes.yml; use one of: "
        "idlib, il-20, geneva, chemical-weapons, air-campaign, aleppo, astana-sochi, us-russia, other"
    ]


def test_a_date_outside_the_period_is_an_error_naming_the_line(project: site.Project) -> None:
    path = project.content / "articles" / "too-late.md"
    path.write_text("---\ntitle: T\noutlet: rt\ndate: 2031-05-01\ndate_source: maintainer\n---\nText.\n")
    with pytest.raises(ContentErrors) as raised:
        site.load(project)
    assert [str(e) for e in raised.value.errors] == [
        "content/articles/too-late.md:4: date: 2031-05-01 lies outside the period the site covers, "
        "2011-01-01 to 2018-12-31; correct the date, or widen the period in content/site.yml "
        "if the article belongs here"
    ]


def test_maintainer_themes_replace_the_inferred_ones(project: site.Project) -> None:
    path = project.content / "articles" / "by-hand.md"
    path.write_text("---\ntitle: T\noutlet: rt\nthemes: [geneva]\n---\nIdlib, Idlib, Idlib.\n", encoding="utf-8")
    _, articles = site.load(project)
    assert next(a for a in articles if a.slug == "by-hand").theme_ids == ("geneva",)


def test_ingest_never_overwrites_an_article_file(project: site.Project) -> None:
    article = next((project.content / "articles").glob("western-leaders-*.md"))
    article.write_text(article.read_text(encoding="utf-8").replace("title: Western", "title: Edited"), "utf-8")
    edited = article.read_bytes()
    report = site.ingest(project, [project.content / "raw" / "000_10b2880c700f6c0e.txt"])
    assert report.created == []
    assert len(report.skipped) == 1 and "never overwrites" in report.skipped[0]
    assert article.read_bytes() == edited


def test_changed_raw_capture_is_an_error(project: site.Project) -> None:
    raw = project.content / "raw" / "000_10b2880c700f6c0e.txt"
    raw.write_text(raw.read_text(encoding="utf-8").replace("Putin", "P."), encoding="utf-8")
    with pytest.raises(ContentErrors) as raised:
        site.load(project)
    assert str(raised.value.errors[0]).endswith(
        "source.sha256: does not match lines 1-23 of raw/000_10b2880c700f6c0e.txt; raw captures must not change; "
        "restore the file"
    )


def test_two_posts_with_one_headline_are_a_reported_collision(project: site.Project, tmp_path: Path) -> None:
    dump = tmp_path / "dump.txt"
    dump.write_text("Same headline\n\nFirst text.\nShare:\nSame headline\n\nSecond text.\nShare:\n", "utf-8")
    report = site.ingest(project, [dump])
    assert report.stored == ["content/raw/dump.txt"]
    assert report.created == ["content/articles/same-headline.md (lines 1-4 of raw/dump.txt)"]
    assert [str(e) for e in report.errors] == [
        f"{dump}:5: title: gives the file name content/articles/same-headline.md, which the article at line 1 has; "
        "two articles cannot share a file name: write this one by hand under another name"
    ]


def test_generate_removes_pages_of_deleted_articles_and_keeps_hand_written_ones(project: site.Project) -> None:
    site.generate(project)
    article = next((project.content / "articles").glob("western-leaders-*.md"))
    page = project.docs / "articles" / article.name
    assert page.is_file()
    article.unlink()
    site.generate(project)
    assert not page.exists()
    assert (project.docs / "method.md").is_file()


def edit_links(page: Path) -> list[str]:
    return re.findall(r'<a href="([^"]*)"[^>]*rel="edit"', page.read_text(encoding="utf-8"))


def test_edit_this_page_opens_the_file_in_content_the_page_is_made_from(built_site: Path) -> None:
    article = "video-crosstalk-on-syria-into-the-abyss"
    assert edit_links(built_site / "articles" / article / "index.html") == [
        f"{REPO_URL}/edit/main/content/articles/{article}.md"
    ]
    assert edit_links(built_site / "themes" / "idlib" / "index.html") == [f"{REPO_URL}/edit/main/content/themes.yml"]
    assert edit_links(built_site / "method" / "index.html") == [f"{REPO_URL}/edit/main/docs/method.md"]
    assert edit_links(built_site / "timeline" / "index.html") == [f"{REPO_URL}/edit/main/content/events.yml"]
    # The home and coverage pages are assembled from all of content/: there is no one file to edit.
    assert edit_links(built_site / "index.html") == []
    assert edit_links(built_site / "coverage" / "index.html") == []


def test_pages_are_written_without_indentation_except_where_it_shows(built_site: Path) -> None:
    page = (built_site / "articles" / "chlorine-delivered-idlib-militants-readying-false-flag-attack-in-syrian-village"
            / "index.html").read_text(encoding="utf-8")  # fmt: skip
    outside = re.sub(r"<(pre|textarea|script)\b.*?</\1>", "<kept>", page, flags=re.DOTALL)
    assert "<nav" in outside and not re.search(r"\n\s", outside)
    assert "\n  title = {" in page  # the BibTeX citation's own indentation, in its <pre>


def test_the_repository_link_does_not_ask_github_for_its_stars(built_site: Path) -> None:
    html = (built_site / "index.html").read_text(encoding="utf-8")
    assert f'<a href="{REPO_URL}" title="Go to repository" class="md-source">' in html
    assert 'data-md-component="source"' not in html


def test_without_repo_url_there_are_no_edit_links(project: site.Project) -> None:
    site.build(project)
    assert edit_links(project.site / "method" / "index.html") == []
    assert "md-source" not in (project.site / "index.html").read_text(encoding="utf-8")


def test_a_dirty_build_after_adding_and_removing_articles_matches_a_full_build(tmp_path: Path) -> None:
    def edit(project: site.Project) -> None:
        articles = project.content / "articles"
        (articles / "added.md").write_text(
            "---\ntitle: Russian jets strike near Idlib\noutlet: rt\ndate: 2018-09-04\ndate_source: maintainer\n---\n"
            "Russian jets struck targets near Idlib, the ministry said. Turkey objected.\n",
            encoding="utf-8",
        )
        next(articles.glob("western-leaders-*.md")).unlink()

    previewed = copy_project(tmp_path / "previewed")
    site.build(previewed)
    edit(previewed)
    site.build(previewed, dirty=True)
    full = copy_project(tmp_path / "full")
    edit(full)
    site.build(full)

    def pages(root: Path) -> dict[str, str]:
        return {path: digest for path, digest in tree_digest(root).items() if not path.startswith("pagefind")}

    assert pages(previewed.site) == pages(full.site)
    assert (full.site / "articles" / "added" / "index.html").is_file()
    # The search: the full build's index of every page, and the preview's index of what it rendered and removed.
    preview = json.loads((previewed.site / site.PREVIEW_MANIFEST).read_text(encoding="utf-8"))
    assert "/articles/added/" in preview["pages"]
    assert [url for url in preview["removed"] if url.startswith("/articles/western-leaders-")]
    assert (previewed.site / site.PREVIEW_INDEX / "pagefind.js").is_file()
    assert json.loads((full.site / site.PREVIEW_MANIFEST).read_text(encoding="utf-8")) == {"pages": [], "removed": []}
    assert not (full.site / site.PREVIEW_INDEX).exists()


def test_git_ignores_every_file_the_generator_owns() -> None:
    from tests.conftest import REPO

    # A file inside each folder: git matches a folder pattern ("docs/articles/") only to what is in it.
    examples = [name.replace("*", "idlib") if "." in name else f"{name}/example.md" for name in site.GENERATED]
    checked = subprocess.run(
        ["git", "check-ignore", "--no-index", *(f"docs/{name}" for name in examples)],
        cwd=REPO,
        capture_output=True,
        text=True,
        check=False,
    )
    assert sorted(checked.stdout.split()) == sorted(f"docs/{name}" for name in examples)


def test_a_second_generate_reuses_the_enrichment_memo_and_writes_the_same_pages(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    project = copy_project(tmp_path / "project")
    site.generate(project)
    first = tree_digest(project.docs)
    assert len(json.loads(project.enrichment_memo.read_text(encoding="utf-8"))["entries"]) == 19

    def not_again(*args: object) -> None:
        raise AssertionError("an unchanged article was scanned again")

    monkeypatch.setattr(site, "find_entities", not_again)
    monkeypatch.setattr(site, "assign_themes", not_again)
    site.generate(project)
    assert tree_digest(project.docs) == first


def test_the_memo_is_not_trusted_after_a_data_file_changes_or_when_unreadable(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from generator.enrich.entities import find_entities

    project = copy_project(tmp_path / "project")
    site.generate(project)
    scanned: list[str] = []

    def counted(article: Any, finder: Any) -> Any:
        scanned.append(article.slug)
        return find_entities(article, finder)

    monkeypatch.setattr(site, "find_entities", counted)
    project.enrichment_memo.write_text("{not json", encoding="utf-8")
    site.generate(project)
    assert len(scanned) == 19
    scanned.clear()
    entities = project.content / "entities.yml"
    entities.write_text(entities.read_text(encoding="utf-8") + "\n", encoding="utf-8")  # same data: same memo
    site.generate(project)
    assert scanned == []
    entities.write_text(
        entities.read_text(encoding="utf-8").replace("    name: Idlib\n", "    name: Idleb\n"), encoding="utf-8"
    )
    site.generate(project)
    assert len(scanned) == 19
