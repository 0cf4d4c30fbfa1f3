"""What a reader sees, in Debian's Chromium: home -> theme -> article, search, palette, accessibility."""

from __future__ import annotations

import contextlib
import functools
import http.server
import re
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Browser, Page, expect

from generator import site
from tests.browser import SEARCH_TIMEOUT, Watch
from tests.conftest import copy_project, serve
from tests.expected_charts import MAP_PLACES, chart_pages, expected_marks, records

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
    "coverage/",
    "timeline/",
    "map/",
]
BUNDLE = "assets/javascripts/vendor/plotly-scatter-bar.min.js"


@contextlib.contextmanager
def watched_tab(browser: Browser, origin: str) -> Iterator[tuple[Page, Watch]]:
    """A fresh tab, 1280 px wide, whose console errors and requests to another origin fail the test."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    tab = context.new_page()
    watch = Watch(tab, origin.rstrip("/"))
    yield tab, watch
    context.close()
    assert watch.problems == []


@pytest.fixture
def page(browser: Browser, site_url: str) -> Iterator[tuple[Page, Watch]]:
    with watched_tab(browser, site_url) as watched:
        yield watched


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


def previews_shown(tab: Page) -> None:
    """Each chart shows its static preview, and its button once charts.js has run."""
    for figure in tab.locator("figure.chart").all():
        expect(figure.locator(".chart__preview svg.chart__svg")).to_be_visible()
        expect(figure.locator(".chart__load")).to_be_visible()


def charts_drawn(tab: Page) -> None:
    """Ask for each chart's interactive version (its button), and wait until plotly has drawn them all."""
    for button in tab.locator(".chart__load").all():
        button.click()
    tab.wait_for_function("() => [...document.querySelectorAll('.chart__plot')].every(p => p.dataset.drawn === 'true')")
    expect(tab.locator(".chart__preview")).to_have_count(0)


def bundle_requested(watch: Watch, since: int = 0) -> bool:
    """Whether the page asked for plotly.js, from the `since`-th request on."""
    return any(BUNDLE in url for url in watch.requests[since:])


@pytest.mark.parametrize("path", PAGE_TYPES)
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_page_has_no_accessibility_violations(page: tuple[Page, Watch], site_url: str, path: str, scheme: str) -> None:
    tab, _ = page
    tab.emulate_media(color_scheme=scheme)  # type: ignore[arg-type]
    tab.goto(site_url + path)
    tab.wait_for_load_state("networkidle")
    previews_shown(tab)
    results = Axe().run(tab)
    assert results.violations_count == 0, results.generate_report()
    if tab.locator("figure.chart").count():
        charts_drawn(tab)
        results = Axe().run(tab)
        assert results.violations_count == 0, "with plotly drawn:\n" + results.generate_report()


def test_each_chart_previews_then_draws_the_marks_its_data_implies(
    page: tuple[Page, Watch], site_url: str, built_site: Path
) -> None:
    tab, watch = page
    marks = expected_marks(built_site)
    for path, ids in chart_pages(built_site).items():
        since = len(watch.requests)
        tab.goto(site_url + path)
        tab.wait_for_load_state("networkidle")
        previews_shown(tab)
        for chart_id in ids:
            preview = tab.locator(f"#chart-{chart_id} .chart__preview")
            expect(preview.locator(".chart__mark"), f"{path} {chart_id} preview").to_have_count(marks[chart_id])
        assert not bundle_requested(watch, since), f"{path}: plotly.js fetched before the reader asked"
        charts_drawn(tab)
        assert bundle_requested(watch, since)
        for chart_id in ids:
            plot = tab.locator(f"#chart-{chart_id} .chart__plot")
            expect(plot.locator("svg.main-svg").first).to_be_visible()
            expect(plot.locator(".point"), f"{path} {chart_id}").to_have_count(marks[chart_id])
        # plotly draws in the preview's box: what follows the chart does not move.
        tab.goto(site_url + path)
        tab.wait_for_load_state("networkidle")
        below = tab.locator(f"#chart-{ids[0]} .chart__data")
        before = below.bounding_box()
        tab.locator(f"#chart-{ids[0]} .chart__load").click()
        tab.wait_for_function(f"() => document.querySelector('#chart-{ids[0]} .chart__plot').dataset.drawn === 'true'")
        tab.evaluate("window.scrollTo(0, 0)")
        after = below.bounding_box()
        assert before and after and before["y"] == after["y"], f"{path}: the chart's box changed height"


def test_the_button_draws_the_chart_from_the_keyboard(
    page: tuple[Page, Watch], site_url: str, built_site: Path
) -> None:
    tab, watch = page
    tab.goto(site_url + "themes/idlib/")
    tab.wait_for_load_state("networkidle")
    button = tab.get_by_role("button", name=re.compile("^Interactive chart"))
    expect(button).to_have_count(1)
    button.focus()
    tab.keyboard.press("Enter")
    plot = tab.locator("figure.chart .chart__plot")
    expect(plot).to_have_attribute("data-drawn", "true")
    expect(plot.locator(".point")).to_have_count(expected_marks(built_site)["theme-idlib-per-month"])
    expect(plot).to_have_attribute("role", "img")
    assert bundle_requested(watch)


def test_palette_switch_recolours_the_preview_without_plotly(page: tuple[Page, Watch], site_url: str) -> None:
    tab, watch = page
    tab.emulate_media(color_scheme="light")
    tab.goto(site_url + "coverage/")
    tab.wait_for_load_state("networkidle")
    preview = tab.locator("#chart-articles-per-month-by-theme .chart__preview")
    bar = preview.locator(".chart__mark").first
    tick = preview.locator(".chart__axis text").first
    swatch = preview.locator(".chart__swatch").first

    def colours() -> tuple[str, str, str]:
        return (
            bar.evaluate("e => getComputedStyle(e).fill"),
            tick.evaluate("e => getComputedStyle(e).fill"),
            swatch.evaluate("e => getComputedStyle(e).backgroundColor"),
        )

    before = colours()
    tab.get_by_title("Switch to dark mode").click()
    expect(tab.locator("body")).to_have_attribute("data-md-color-scheme", "slate")
    after = colours()
    assert all(a != b for a, b in zip(after, before, strict=True)), (before, after)
    assert after[0] == after[2]  # the bar and its legend swatch: the same dark-scheme colour
    assert not bundle_requested(watch)


def test_palette_switch_recolours_the_charts(page: tuple[Page, Watch], site_url: str) -> None:
    tab, _ = page
    tab.emulate_media(color_scheme="light")
    tab.goto(site_url + "coverage/")
    charts_drawn(tab)
    plot = tab.locator("#chart-articles-per-month-by-theme .chart__plot")
    bar = plot.locator(".point path").first
    tick = plot.locator(".xtick text").first
    before = (bar.evaluate("e => getComputedStyle(e).fill"), tick.evaluate("e => getComputedStyle(e).fill"))
    tab.get_by_title("Switch to dark mode").click()
    expect(tab.locator("body")).to_have_attribute("data-md-color-scheme", "slate")
    tab.wait_for_function("([el, fill]) => getComputedStyle(el).fill !== fill", arg=[bar.element_handle(), before[0]])
    after = (bar.evaluate("e => getComputedStyle(e).fill"), tick.evaluate("e => getComputedStyle(e).fill"))
    assert after[0] != before[0] and after[1] != before[1]
    assert plot.locator(".point").count() > 0


def test_reader_reaches_the_charts_from_the_menu_and_the_button_draws_them(
    page: tuple[Page, Watch], site_url: str, built_site: Path
) -> None:
    tab, watch = page
    tab.goto(site_url)
    marks = expected_marks(built_site)
    tab.locator("nav.md-nav--primary").get_by_role("link", name="Coverage", exact=True).click()
    expect(tab).to_have_url(site_url + "coverage/")
    previews_shown(tab)
    month = tab.locator("#chart-articles-per-month-by-theme")
    expect(month.locator(".chart__preview .chart__mark")).to_have_count(marks["articles-per-month-by-theme"])
    assert not bundle_requested(watch), "no chart asked for: no plotly.js"
    month.locator(".chart__load").click()
    expect(month.locator(".point")).to_have_count(marks["articles-per-month-by-theme"])
    tab.locator("nav.md-nav--primary").get_by_role("link", name="Timeline", exact=True).click()
    expect(tab).to_have_url(site_url + "timeline/")
    events = tab.locator("#chart-events-and-articles")
    expect(events.locator(".chart__preview .chart__mark")).to_have_count(marks["events-and-articles"])
    charts_drawn(tab)
    expect(events.locator(".point")).to_have_count(marks["events-and-articles"])
    expect(tab.get_by_label("Theme", exact=True)).to_be_visible()


def test_article_page_loads_no_chart_library(page: tuple[Page, Watch], site_url: str) -> None:
    tab, watch = page
    tab.goto(site_url + ARTICLE)
    tab.wait_for_load_state("networkidle")
    assert watch.requests and not any("plotly" in url for url in watch.requests)


def test_selecting_an_article_on_the_timeline_opens_it(
    page: tuple[Page, Watch], site_url: str, built_site: Path
) -> None:
    tab, _ = page
    articles, _ = records(built_site)
    first = min((a for a in articles if a["date"]), key=lambda a: (a["date"], a["slug"]))
    tab.goto(site_url + "timeline/")
    charts_drawn(tab)
    point = tab.locator("#chart-events-and-articles .scatterlayer .trace").nth(1).locator(".point").first
    box = point.bounding_box()
    assert box is not None
    # plotly listens on the plot area above the point, so the click goes to where the point is drawn.
    tab.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    expect(tab).to_have_url(site_url + first["page"])
    expect(tab.locator("h1")).to_have_text(first["title"])


def test_timeline_narrows_by_theme_and_outlet_from_the_keyboard(
    page: tuple[Page, Watch], site_url: str, built_site: Path
) -> None:
    tab, _ = page
    articles, _ = records(built_site)
    tab.goto(site_url + "timeline/")
    items = tab.locator(".timeline__list li")
    status = tab.get_by_role("status")
    expect(status).to_have_text(f"Showing all {len(articles)} articles.")
    theme = tab.get_by_label("Theme", exact=True)
    theme.focus()
    tab.keyboard.press("ArrowDown")
    chosen = theme.input_value()
    in_theme = [a for a in articles if chosen in a["themes"]]
    expect(status).to_have_text(f"Showing {len(in_theme)} articles of {len(articles)}.")
    expect(items.locator("visible=true")).to_have_count(len(in_theme))
    outlet = in_theme[0]["outlet_id"]
    tab.get_by_label("Outlet", exact=True).select_option(outlet)
    both = [a for a in in_theme if a["outlet_id"] == outlet]
    expect(items.locator("visible=true")).to_have_count(len(both))
    noun = "article" if len(both) == 1 else "articles"
    expect(status).to_have_text(f"Showing {len(both)} {noun} of {len(articles)}.")


def test_without_javascript_the_timeline_lists_everything(browser: Browser, site_url: str, built_site: Path) -> None:
    articles, _ = records(built_site)
    context = browser.new_context(java_script_enabled=False)
    tab = context.new_page()
    tab.goto(site_url + "timeline/")
    expect(tab.locator(".timeline__list li").locator("visible=true")).to_have_count(len(articles))
    expect(tab.locator("form.timeline__filter")).to_be_hidden()
    context.close()


@pytest.fixture(scope="module")
def map_site_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The site built with a small fixture of places standing in for the entities' coordinates."""
    project = copy_project(tmp_path_factory.mktemp("map") / "project")
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(site, "places_named", lambda articles, data: MAP_PLACES)
        site.build(project)
    with serve(project.site) as url:
        yield url


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_map_draws_the_places_from_geometry_the_site_serves(browser: Browser, map_site_url: str, scheme: str) -> None:
    context = browser.new_context(viewport={"width": 1280, "height": 900}, color_scheme=scheme)  # type: ignore[arg-type]
    tab = context.new_page()
    watch = Watch(tab, map_site_url.rstrip("/"))
    tab.goto(map_site_url + "map/")
    inside = [p for p in MAP_PLACES if p.name != "Geneva"]
    preview = tab.locator("#chart-places-named .chart__preview")
    expect(preview.locator(".chart__mark")).to_have_count(len(inside))
    expect(preview.locator("text").first).to_have_text("Idlib")
    # Geneva lies beyond the frame of Syria and its neighbours: listed under the map, with its link.
    expect(tab.locator("#beyond-the-map + p + ul a")).to_have_text(["Geneva"])
    preview_results = Axe().run(tab)
    charts_drawn(tab)
    plot = tab.locator("#chart-places-named .chart__plot")
    expect(plot.locator(".point")).to_have_count(len(inside))
    expect(plot.locator(".textpoint").first).to_have_text("Idlib")
    assert plot.locator(".scatterlayer .trace").first.locator("path.js-fill").count() == 1
    table = tab.locator("#chart-places-named table")
    assert table.locator("a").count() == len(MAP_PLACES)  # in the collapsed <details>
    results = Axe().run(tab)
    context.close()
    assert watch.problems == []
    assert preview_results.violations_count == 0, preview_results.generate_report()
    assert results.violations_count == 0, results.generate_report()


def test_a_page_view_fetches_no_list_of_pages_and_no_search_index_until_a_search(
    page: tuple[Page, Watch], site_url: str
) -> None:
    tab, _ = page
    fetched: list[str] = []
    tab.on("requestfinished", lambda request: fetched.append(request.url))
    tab.goto(site_url + ARTICLE, wait_until="networkidle")
    # Nothing that grows with the corpus: Material reads the sitemap (overrides/sitemap.xml), an index of one
    # sitemap, not the list of every page.
    assert not [url for url in fetched if "sitemap-pages" in url]
    for sitemap in [url for url in fetched if url.endswith("sitemap.xml")]:
        assert "<url>" not in tab.request.get(sitemap).text()
    # Material's own index is empty (every page is excluded from it); Pagefind's is not touched yet.
    assert not [url for url in fetched if "/pagefind/" in url]
    index = next(url for url in fetched if url.endswith("search/search_index.json"))
    assert '"docs":[]' in tab.request.get(index).text()
    tab.get_by_role("textbox", name="Search").press_sequentially("Lavrov")
    expect(tab.locator(".md-search-result__item").first).to_be_visible()
    assert [url for url in fetched if url.endswith("/pagefind/pagefind.js")]


def test_search_shows_a_hostile_headline_as_text(browser: Browser, tmp_path_factory: pytest.TempPathFactory) -> None:

    from generator import site
    from tests.conftest import _QuietHandler, copy_project

    project = copy_project(tmp_path_factory.mktemp("hostile") / "project")
    (project.content / "articles" / "hostile.md").write_text(
        "---\ntitle: '<img src=x onerror=alert(1)> Zzhostile &amp; <b>bold</b>'\noutlet: unknown\n---\n"
        "Zzhostile text <script>alert(2)</script> in Idlib.\n",
        encoding="utf-8",
    )
    site.build(project)
    server = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(_QuietHandler, directory=str(project.site))
    )
    threading.Thread(target=server.serve_forever, daemon=True).start()
    origin = f"http://127.0.0.1:{server.server_address[1]}"
    context = browser.new_context()
    tab = context.new_page()
    watch = Watch(tab, origin)
    try:
        tab.goto(origin + "/")
        tab.get_by_role("textbox", name="Search").press_sequentially("Zzhostile")
        result = tab.locator(".md-search-result__item").first
        expect(result.locator("h1")).to_have_text("<img src=x onerror=alert(1)> Zzhostile &amp; <b>bold</b>")
        expect(result.locator("mark").first).to_have_text("Zzhostile")
        assert tab.locator(".md-search-result img, .md-search-result b, .md-search-result script").count() == 0
        assert watch.problems == []
    finally:
        context.close()
        server.shutdown()


def test_a_preview_search_finds_the_added_article_and_not_the_removed_one(
    browser: Browser, tmp_path_factory: pytest.TempPathFactory
) -> None:
    from tests.conftest import serve

    project = copy_project(tmp_path_factory.mktemp("preview") / "project")
    site.build(project)

    def results(origin: str, query: str) -> list[str]:
        context = browser.new_context()
        tab = context.new_page()
        watch = Watch(tab, origin.rstrip("/"))
        try:
            tab.goto(origin)
            tab.get_by_role("textbox", name="Search").press_sequentially(query)
            meta = tab.locator(".md-search-result__meta")
            expect(meta).to_contain_text("matching", timeout=SEARCH_TIMEOUT)
            # Typed key by key, a prefix's answer may show first: let the whole query's answer arrive.
            tab.wait_for_load_state("networkidle")
            tab.wait_for_timeout(1000)
            found = tab.locator(".md-search-result__item h1").all_inner_texts()
            assert watch.problems == []
            return found
        finally:
            context.close()

    articles = project.content / "articles"
    removed = next(articles.glob("western-leaders-*.md"))
    with serve(project.site) as origin:
        assert results(origin, "emphasizedthat")[0].startswith("Western Leaders")  # its own typo
        (articles / "added.md").write_text(
            "---\ntitle: Zzpreview jets strike near Idlib\noutlet: rt\ndate: 2018-09-04\ndate_source: maintainer\n---\n"
            "Russian jets struck targets near Idlib, the ministry said.\n",
            encoding="utf-8",
        )
        removed.unlink()
        site.build(project, dirty=True)
        assert results(origin, "Zzpreview")[0] == "Zzpreview jets strike near Idlib"
        assert not [title for title in results(origin, "emphasizedthat") if title.startswith("Western Leaders")]


@pytest.fixture(scope="module")
def split_site_url(split_project: site.Project) -> Iterator[str]:
    """The site built with every list of two or more articles split into pages per period, served."""
    with serve(split_project.site) as url:
        yield url


@pytest.fixture
def split_page(browser: Browser, split_site_url: str) -> Iterator[tuple[Page, Watch]]:
    with watched_tab(browser, split_site_url) as watched:
        yield watched


def test_reader_goes_from_a_theme_to_a_period_and_on_to_the_next_one(
    split_page: tuple[Page, Watch], split_site_url: str
) -> None:
    tab, _ = split_page
    tab.goto(split_site_url + "themes/idlib/")
    listing = tab.locator("article")
    expect(listing.get_by_role("heading", name="Articles by date")).to_be_visible()
    expect(listing.get_by_role("heading", name="Undated articles")).to_have_count(0)  # on a page of its own
    listing.get_by_role("link", name="2018", exact=True).click()
    expect(tab).to_have_url(split_site_url + "themes/idlib/2018/")
    expect(tab.locator("h1")).to_have_text("Idlib: 2018")
    tab.locator("article").get_by_role("link", name="Undated →").click()
    expect(tab.locator("h1")).to_have_text("Idlib: Undated")
    tab.get_by_role("link", name="Driving out militants from Syria’s Idlib now top priority – Putin").click()
    expect(tab.locator("h1")).to_have_text("Driving out militants from Syria’s Idlib now top priority – Putin")
    tab.go_back()
    tab.locator("article").get_by_role("link", name="Idlib: all years").click()
    expect(tab).to_have_url(split_site_url + "themes/idlib/")


def test_the_timeline_filter_narrows_a_period_page(split_page: tuple[Page, Watch], split_site_url: str) -> None:
    tab, _ = split_page
    tab.goto(split_site_url + "timeline/undated/")
    items = tab.locator(".timeline__list li")
    total = items.count()
    assert total > 1
    expect(tab.get_by_role("status")).to_have_text(f"Showing all {total} articles.")
    tab.get_by_label("Outlet", exact=True).select_option("rt")
    shown = items.locator("visible=true")
    expect(shown).not_to_have_count(total)
    for text in shown.all_inner_texts():
        assert "— RT (" in text


@pytest.mark.parametrize(
    "path", ["themes/idlib/", "themes/idlib/undated/", "timeline/2018-09/", "entities/syria/2018-09/"]
)
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_pages_of_a_split_list_have_no_accessibility_violations(
    split_page: tuple[Page, Watch], split_site_url: str, path: str, scheme: str
) -> None:
    tab, _ = split_page
    tab.emulate_media(color_scheme=scheme)  # type: ignore[arg-type]
    tab.goto(split_site_url + path)
    tab.wait_for_load_state("networkidle")
    results = Axe().run(tab)
    assert results.violations_count == 0, results.generate_report()


@pytest.mark.parametrize("path", ["", ARTICLE, "timeline/", "coverage/", "entities/idlib/"])
def test_no_text_is_smaller_than_12px_on_a_phone(browser: Browser, site_url: str, path: str) -> None:
    """Lighthouse's legible-text audit wants 60% of a page's text at 12px or more; ours keeps all of it there,
    collapsed data tables included (the audit counts them too)."""
    context = browser.new_context(viewport={"width": 412, "height": 823}, is_mobile=True)
    tab = context.new_page()
    tab.goto(site_url + path)
    small = tab.evaluate(
        """() => [...document.querySelectorAll("body *:not(svg *):not(script):not(style)")]
            .filter(e => [...e.childNodes].some(n => n.nodeType === 3 && n.textContent.trim()))
            .map(e => [e.tagName + "." + e.className, parseFloat(getComputedStyle(e).fontSize)])
            .filter(([, size]) => size < 12)"""
    )
    context.close()
    assert small == []
