"""No script from a source ever runs: pages built from hostile headlines, bylines, texts and outlet names, opened in
Debian's Chromium. Every payload sets window.__pwned, calls alert or loads from evil.example if it ever runs."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, Page, expect

from tests.browser import SEARCH_TIMEOUT, Watch
from tests.conftest import HostileRun, serve
from tests.hostile_cases import CASES, HOSTILE_OUTLET, HOSTILE_TITLE, SCRIPT
from tests.hostile_cases import Page as ArticlePage

# The articles built from hostile text, each with text it shows, and the pages that list them: the home page names
# the hostile outlet, the catch-all theme lists the hostile headlines.
HOSTILE_ARTICLES = {
    f"articles/{outcome.slug}/": outcome.shows
    for case in CASES
    if case.id in ("hostile", "article-hostile", "article-hostile-outlet", "invisible")
    for outcome in case.outcomes
    if isinstance(outcome, ArticlePage)
}
LISTS = {"": HOSTILE_OUTLET["name"], "themes/other/": HOSTILE_TITLE}
# What a payload would have made, had it become markup.
INJECTED = "article script, article style, article iframe, article img[src*='evil'], article a[href^='javascript:']"


@pytest.fixture(scope="module")
def hostile_url(hostile_run: HostileRun) -> Iterator[str]:
    with serve(hostile_run.project.site) as url:
        yield url


@pytest.fixture
def tab(browser: Browser, hostile_url: str) -> Iterator[Page]:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    watch = Watch(page, hostile_url.rstrip("/"))
    yield page
    context.close()
    assert watch.problems == []  # no dialog, no page error, no request to another origin


def test_there_are_hostile_pages_to_open() -> None:
    assert len(HOSTILE_ARTICLES) == 4


@pytest.mark.parametrize(("path", "shows"), sorted({**HOSTILE_ARTICLES, **LISTS}.items()))
def test_hostile_text_shows_as_text_and_nothing_runs(tab: Page, hostile_url: str, path: str, shows: str) -> None:
    tab.goto(hostile_url + path)
    tab.wait_for_load_state("load")
    expect(tab.locator("article")).to_contain_text(shows)
    assert tab.locator(INJECTED).count() == 0
    assert tab.evaluate("typeof window.__pwned") == "undefined"


def test_a_headline_with_bidi_controls_cannot_reverse_the_rest_of_its_line(tab: Page, hostile_url: str) -> None:
    tab.goto(hostile_url + "themes/other/")
    isolated = tab.locator("article li a bdi", has_text="bidi")
    expect(isolated).to_have_count(1)
    assert isolated.evaluate("element => getComputedStyle(element).unicodeBidi") == "isolate"


def test_search_shows_a_hostile_headline_as_text(tab: Page, hostile_url: str) -> None:
    tab.goto(hostile_url)
    # Typed key by key, as in test_browser: fill() fires no keyup, so on a busy machine Material sometimes never
    # read the query (its index ready after the fill).
    tab.get_by_role("textbox", name="Search").press_sequentially("Hostile headline")
    results = tab.locator(".md-search-result__item")
    expect(results.first).to_be_visible(timeout=SEARCH_TIMEOUT)
    expect(tab.locator(".md-search-result")).to_contain_text(SCRIPT)
    assert tab.locator(".md-search-result script, .md-search-result img[src*='evil']").count() == 0
    assert tab.evaluate("typeof window.__pwned") == "undefined"
