"""What a reader sees, in Debian's Chromium: home -> theme -> article, search, palette, accessibility."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Browser, Page, expect

from tests.browser import SEARCH_TIMEOUT, Watch

ARTICLE = "articles/russian-military-assistance-to-assad-remains-the-main-stumbling-block-over-syria/"
PUTIN_ON_IDLIB = "articles/driving-out-militants-from-syrias-idlib-now-top-priority-putin/"
PAGE_TYPES = [
    "",
    "themes/idlib/",
    ARTICLE,
    "method/",
    "input/",
    "entities/",
    "entities/idlib/",
    "outlets/",
    "outlets/rt/",
]


@pytest.fixture
def page(browser: Browser, site_url: str) -> Iterator[tuple[Page, Watch]]:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    watch = Watch(page, site_url.rstrip("/"))
    yield page, watch
    context.close()
    assert watch.problems == []


def test_reader_goes_from_home_to_a_theme_to_an_article(page: tuple[Page, Watch], site_url: str) -> None:
    tab, _ = page
    tab.goto(site_url)
    expect(tab.locator("h1")).to_have_text("Russia in the Syrian war: the coverage")
    expect(tab.locator("article")).to_contain_text("19 articles")
    tab.locator("article").get_by_role("link", name="Idlib", exact=True).click()
    expect(tab).to_have_url(site_url + "themes/idlib/")
    expect(tab.locator("h1")).to_have_text("Idlib")
    expect(tab.get_by_role("heading", name="Undated articles")).to_be_visible()
    tab.get_by_role("link", name="Driving out militants from Syria’s Idlib now top priority – Putin").click()
    expect(tab.locator("h1")).to_have_text("Driving out militants from Syria’s Idlib now top priority – Putin")
    article = tab.locator("article")
    expect(article).to_contain_text("Outlet: RT (Russia)")
    expect(article).to_contain_text("Date: not established; the capture states none")
    expect(article).to_contain_text("Original URL: https://www.rt.com/news/437877-putin-idlib-syria-summit/")
    expect(article.get_by_role("heading", name="Provenance")).to_be_visible()
    expect(article).to_contain_text("raw/004_9f957575f5bd210e.txt, lines 441–460")


def test_article_page_shows_date_source_and_themes_as_links(page: tuple[Page, Watch], site_url: str) -> None:
    tab, _ = page
    tab.goto(site_url + ARTICLE)
    expect(tab.locator("article")).to_contain_text("Date: 7 September 2015, stated in the text")
    tab.locator("article").get_by_role("link", name="US-Russian diplomacy").first.click()
    expect(tab.locator("h1")).to_have_text("US-Russian diplomacy")


def test_reader_follows_an_entity_and_an_outlet_from_an_article(page: tuple[Page, Watch], site_url: str) -> None:
    tab, _ = page
    tab.goto(site_url + PUTIN_ON_IDLIB)
    tab.locator("h2#named-in-this-article + ul").get_by_role("link", name="Idlib", exact=True).click()
    expect(tab).to_have_url(site_url + "entities/idlib/")
    expect(tab.locator("article")).to_contain_text("Driving out militants from Syria’s Idlib now top priority – Putin")
    expect(tab.get_by_role("heading", name="Outlets that name it most")).to_be_visible()
    tab.locator("article").get_by_role("link", name="RT", exact=True).first.click()
    expect(tab).to_have_url(site_url + "outlets/rt/")
    expect(tab.locator("article")).to_contain_text("Ownership or affiliation:")


def test_article_has_related_articles_with_reasons_and_a_citation(page: tuple[Page, Watch], site_url: str) -> None:
    tab, _ = page
    tab.goto(site_url + PUTIN_ON_IDLIB)
    related = tab.locator("h2#related-articles + ul > li")
    expect(related.first).to_contain_text("Both ")
    assert 1 <= related.count() <= 5
    tab.get_by_text("Citation formats").click()
    expect(tab.locator("details.cite")).to_contain_text("@online{")
    json_ld = tab.locator('script[type="application/ld+json"]').text_content() or ""
    assert '"@type":"NewsArticle"' in json_ld and '"isBasedOn":"http' in json_ld


def test_search_finds_an_article_by_a_word_in_its_text(page: tuple[Page, Watch], site_url: str) -> None:
    tab, _ = page
    tab.goto(site_url)
    # Typed key by key: Material reads the query on keyup (or when its index is ready, or on focus), and
    # fill() fires none of them once the index is ready, so the query was sometimes never read.
    tab.get_by_role("textbox", name="Search").press_sequentially("Bsanqul")
    result = tab.locator(".md-search-result__item").first
    expect(result).to_contain_text("Chlorine delivered", timeout=SEARCH_TIMEOUT)


def test_palette_switch_turns_the_page_dark(page: tuple[Page, Watch], site_url: str) -> None:
    tab, _ = page
    tab.goto(site_url)
    scheme = tab.locator("body").get_attribute("data-md-color-scheme")
    tab.get_by_title("Switch to dark mode").click()
    expect(tab.locator("body")).not_to_have_attribute("data-md-color-scheme", scheme or "")


def test_edit_link_and_repository_link_fetch_nothing_from_another_origin(
    page: tuple[Page, Watch], site_url: str
) -> None:
    tab, _ = page
    tab.goto(site_url + ARTICLE, wait_until="networkidle")
    edit = tab.get_by_role("link", name="Edit this page: content/articles/")
    expect(edit).to_have_attribute("href", re.compile(r"/edit/main/content/articles/[a-z0-9-]+\.md$"))
    expect(tab.get_by_role("link", name="GitHub").first).to_be_visible()
    # Material would fetch stars and forks from api.github.com and show them here; the fixture checks no request left.
    expect(tab.locator(".md-source__facts")).to_have_count(0)


@pytest.mark.parametrize("path", PAGE_TYPES)
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_page_has_no_accessibility_violations(page: tuple[Page, Watch], site_url: str, path: str, scheme: str) -> None:
    tab, _ = page
    tab.emulate_media(color_scheme=scheme)  # type: ignore[arg-type]
    tab.goto(site_url + path)
    results = Axe().run(tab)
    assert results.violations_count == 0, results.generate_report()
