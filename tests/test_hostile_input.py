"""Each broken or hostile input ends as the table in tests/hostile_cases.py says, and docs/input.md shows that table."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from tests import hostile_cases
from tests.conftest import REPO, HostileRun
from tests.hostile_cases import CASES, Case, Outcome, Page, Refused

DOCS_PAGE = REPO / "docs" / "input.md"
TABLE = re.compile(r"(?<=<!-- table: tests/hostile_cases.py -->\n\n).*?(?=\n<!-- end of table -->)", re.S)


class _ArticleText(HTMLParser):
    """The text a reader sees in the page's <article>: no markup, nothing inside <script> or <style>."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.depth = 0
        self.hidden = 0
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "article" or self.depth:
            self.depth += tag == "article"
        self.hidden += tag in ("script", "style")

    def handle_endtag(self, tag: str) -> None:
        self.depth -= tag == "article" and self.depth > 0
        self.hidden -= tag in ("script", "style") and self.hidden > 0

    def handle_data(self, data: str) -> None:
        if self.depth and not self.hidden:
            self.text.append(data)


def article_text(page: Path) -> str:
    parser = _ArticleText()
    parser.feed(page.read_text(encoding="utf-8"))
    return "".join(parser.text)


def _matches(expected: Outcome, actual: Outcome) -> bool:
    if isinstance(expected, Refused) and not expected.exact:
        return isinstance(actual, Refused) and expected.error in actual.error
    return expected.key() == actual.key()


def _param(case: Case) -> object:
    marks = [pytest.mark.xfail(strict=True, reason=case.pending)] if case.pending else []
    return pytest.param(case, id=case.id, marks=marks)


@pytest.mark.parametrize("case", [_param(case) for case in CASES])
def test_input_ends_as_the_table_says(case: Case, hostile_run: HostileRun) -> None:
    actual = hostile_run.outcomes[case.id]
    assert len(actual) == len(case.outcomes), actual
    for expected in case.outcomes:
        assert any(_matches(expected, found) for found in actual), actual
        if isinstance(expected, Page):
            assert expected.shows in article_text(hostile_run.project.site / "articles" / expected.slug / "index.html")


def test_docs_page_shows_the_table_the_tests_run(update_expected: bool) -> None:
    page = DOCS_PAGE.read_text(encoding="utf-8")
    if update_expected:
        table = hostile_cases.docs_table().rstrip("\n")
        DOCS_PAGE.write_text(TABLE.sub(lambda _: table, page), encoding="utf-8")
        page = DOCS_PAGE.read_text(encoding="utf-8")
    documented = TABLE.search(page)
    assert documented is not None, "docs/input.md lost the markers around its table"
    assert documented.group() + "\n" == hostile_cases.docs_table()


def test_a_refused_capture_leaves_content_raw_as_it_was(hostile_run: HostileRun) -> None:
    stored = {path.name for path in (hostile_run.project.content / "raw").iterdir()}
    with_an_article = {
        case.name
        for case in CASES
        if case.arrives == "ingest" and not all(isinstance(outcome, Refused) for outcome in case.outcomes)
    }
    seeds = {path.name for path in (REPO / "content" / "raw").iterdir()}
    assert stored == seeds | with_an_article


def test_the_hostile_site_passes_check(hostile_run: HostileRun) -> None:
    from generator import site

    _, articles = site.load(hostile_run.project)
    pages = {outcome.slug for case in CASES for outcome in case.outcomes if isinstance(outcome, Page)}
    assert pages <= {article.slug for article in articles}
