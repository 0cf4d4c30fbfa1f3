"""Charts: built from the same records as the pages, their data as tables and CSV, undated articles named."""

from __future__ import annotations

import csv
import html
import json
import re
from pathlib import Path

import pytest

from generator import site
from generator.render.basemap import CLIP_MARGIN, FRAME, Outline, beyond, outlines_from_json, places_map
from generator.render.charts import EVENT_COLOURS, GREY, PALETTE
from generator.render.figures import count_axis
from generator.render.preview import days, month_ticks, number_ticks, preview_svg
from tests.expected_charts import MAP_PLACES, chart_pages, expected_marks, places, records

WHITE, SLATE = "#ffffff", "#1e2129"
FIGURE = re.compile(r'<figure class="chart" id="chart-([a-z0-9-]+)">.*?</figure>', re.S)
PLOT = re.compile(
    r'class="chart__plot" data-label="([^"]+)" data-marks="(\d+)" style="height:\d+px" '
    r"data-figure='([^']*)'>(<div class=\"chart__preview.*?</svg></div>)</div>"
)


def luminance(colour: str) -> float:
    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)


def contrast(a: str, b: str) -> float:
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


@pytest.mark.parametrize("pair", [*PALETTE, GREY, EVENT_COLOURS])
def test_chart_colours_stand_out_from_both_backgrounds(pair: tuple[str, str]) -> None:
    light, dark = pair
    assert contrast(light, WHITE) >= 3 and contrast(dark, SLATE) >= 3


def charts_in(page: Path) -> dict[str, str]:
    return {m.group(1): m.group(0) for m in FIGURE.finditer(page.read_text(encoding="utf-8"))}


def test_each_chart_page_carries_its_charts_with_the_marks_the_export_implies(built_site: Path) -> None:
    marks = expected_marks(built_site)
    for path, ids in chart_pages(built_site).items():
        charts = charts_in(built_site / path / "index.html")
        assert sorted(charts) == sorted(ids), path
        for chart_id, block in charts.items():
            plot = PLOT.search(block)
            assert plot, chart_id
            assert int(plot.group(2)) == marks[chart_id], chart_id
            preview = plot.group(4)
            assert preview.count('class="chart__mark"') == marks[chart_id], chart_id
            assert f'role="img" aria-labelledby="chart-{chart_id}-caption"' in preview
            assert f'<figcaption class="chart__caption" id="chart-{chart_id}-caption">' in block
            assert '<button type="button" class="chart__load">Interactive chart' in block
            assert "<figcaption" in block and "<details" in block and "<table>" in block
            assert f'href="{"../" * path.count("/")}data/charts/{chart_id}.csv" download' in block


def test_pages_without_charts_carry_no_figure(built_site: Path) -> None:
    articles, _ = records(built_site)
    for page in ["index.html", "method/index.html", *(f"{a['page']}index.html" for a in articles)]:
        assert "data-figure=" not in (built_site / page).read_text(encoding="utf-8"), page


def test_month_csv_counts_each_article_once_per_theme(built_site: Path) -> None:
    articles, _ = records(built_site)
    with (built_site / "data/charts/articles-per-month-by-theme.csv").open(encoding="utf-8") as stream:
        rows = list(csv.DictReader(stream))
    dated = [a for a in articles if a["date"]]
    assert len(rows) == len({a["date"][:7] for a in dated})
    total = sum(int(row["Articles (each once)"]) for row in rows)
    assert total == len(dated)
    theme_cells = sum(int(v) for row in rows for k, v in row.items() if k not in ("Month", "Articles (each once)"))
    assert theme_cells == sum(len(a["themes"]) for a in dated)


def test_outlet_csv_counts_every_article_dated_or_not(built_site: Path) -> None:
    articles, _ = records(built_site)
    with (built_site / "data/charts/articles-per-outlet-by-theme.csv").open(encoding="utf-8") as stream:
        rows = list(csv.DictReader(stream))
    assert sum(int(row["Articles (each once)"]) for row in rows) == len(articles)
    assert {row["Outlet"] for row in rows} == {a["outlet"] for a in articles}


def test_undated_articles_are_named_beside_the_time_charts(built_site: Path) -> None:
    articles, _ = records(built_site)
    undated = [a for a in articles if not a["date"]]
    assert undated
    for path in ["coverage/", "timeline/"]:
        page = (built_site / path / "index.html").read_text(encoding="utf-8")
        assert f"Not in this chart: {len(undated)} undated articles" in page
        for article in undated:
            assert html.escape(article["title"], quote=False) in page, article["slug"]


def test_timeline_lists_every_article_once_with_its_themes_and_outlet(built_site: Path) -> None:
    articles, _ = records(built_site)
    page = (built_site / "timeline" / "index.html").read_text(encoding="utf-8")
    items = re.findall(r'<li data-themes="([^"]*)" data-outlet="([^"]*)">.*?href="\.\./articles/([a-z0-9-]+)/"', page)
    assert sorted(slug for _, _, slug in items) == sorted(a["slug"] for a in articles)
    by_slug = {a["slug"]: a for a in articles}
    for themes, outlet, slug in items:
        assert themes.split() == by_slug[slug]["themes"] and outlet == by_slug[slug]["outlet_id"]
    assert '<form class="timeline__filter" hidden>' in page
    assert '<label for="timeline-theme">Theme</label>' in page and '<label for="timeline-outlet">Outlet</label>' in page


def test_the_timeline_csv_lists_events_and_articles_in_date_order(built_site: Path) -> None:
    articles, events = records(built_site)
    with (built_site / "data/charts/events-and-articles.csv").open(encoding="utf-8") as stream:
        rows = list(csv.DictReader(stream))
    assert [r["Kind"] for r in rows].count("Key event") == len(events)
    assert [r["Kind"] for r in rows].count("Article") == len([a for a in articles if a["date"]])
    assert {r["What (page)"] for r in rows if r["Kind"] == "Article"} == {a["page"] for a in articles if a["date"]}


def test_source_text_in_charts_and_the_timeline_is_shown_not_run(project: site.Project) -> None:
    hostile = project.content / "articles" / "hostile.md"
    hostile.write_text(
        "---\ntitle: '</script><script>alert(1)</script> <b>bold</b>'\noutlet: rt\ndate: 2016-06-01\n"
        "date_source: maintainer\nthemes: [idlib]\n---\nText.\n",
        encoding="utf-8",
    )
    site.build(project)
    for path in ["coverage", "timeline", "themes/idlib"]:
        page = (project.site / path / "index.html").read_text(encoding="utf-8")
        assert "<script>alert" not in page, path
        assert "<b>bold" not in page, path
    timeline = (project.site / "timeline" / "index.html").read_text(encoding="utf-8")
    figure = PLOT.search(timeline)
    assert figure
    texts = json.loads(figure.group(3))["data"][1]["text"]
    assert "&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt; &lt;b&gt;bold&lt;/b&gt;" in texts


def outlines() -> tuple[Outline, ...]:
    path = Path(__file__).resolve().parent.parent / "content" / "map" / "countries-50m.json"
    return outlines_from_json(json.loads(path.read_text(encoding="utf-8")))


def test_map_draws_the_places_in_its_frame_over_outlines_clipped_just_beyond_it() -> None:
    chart = places_map(MAP_PLACES, outlines())
    assert chart is not None
    inside = [p for p in MAP_PLACES if p.name != "Geneva"]
    assert chart.marks == len(inside)
    land, drawn = chart.figure["data"]
    west, south, east, north = FRAME
    assert chart.figure["layout"]["xaxis"]["range"] == [west, east]
    assert chart.figure["layout"]["yaxis"]["range"] == [south, north]
    xs = [x for x in land["x"] if x is not None]
    ys = [y for y in land["y"] if y is not None]
    # Clipped half a degree beyond the frame, so the cut edges fall outside the plot (give or take rounding).
    assert xs and min(xs) >= west - CLIP_MARGIN - 0.01 and max(xs) <= east + CLIP_MARGIN + 0.01
    assert min(ys) >= south - CLIP_MARGIN - 0.01 and max(ys) <= north + CLIP_MARGIN + 0.01
    assert min(xs) < west and max(ys) > north  # the outlines reach past the frame: no edge drawn inside it
    assert drawn["text"][0] == "Idlib" and drawn["marker"]["size"][0] == 6
    assert drawn["meta"]["links"] == [p.href for p in inside]
    # The table lists every place, Geneva too.
    assert [row[0].href for row in chart.table.rows] == [p.href for p in MAP_PLACES]
    assert "the 1 place beyond it are listed under the map" in chart.caption


def test_places_beyond_the_frame_are_listed_under_the_map_with_links(built_site: Path) -> None:
    far = places(built_site, inside=False)
    assert far, "the corpus names places beyond Syria's neighbours (Moscow, Washington...)"
    page = (built_site / "map" / "index.html").read_text(encoding="utf-8")
    section = page[page.index('id="beyond-the-map"') :]
    for entity in far:
        assert f'href="../{entity["page"]}"' in section, entity["id"]
    assert section.count("<li>") >= len(far)
    assert [p.name for p in beyond(MAP_PLACES)] == ["Geneva"]


def test_map_keeps_the_detail_of_the_outlines_and_the_preview_stays_small() -> None:
    chart = places_map(MAP_PLACES, outlines())
    assert chart is not None
    land = chart.figure["data"][0]
    # Two decimals (about 1 km) on a map of a few degrees, and Lebanon's coast among the outlines.
    assert any(x is not None and round(x, 1) != x for x in land["x"])
    assert len(preview_svg(chart.figure, "caption")) < 60_000


def test_preview_shows_figure_text_as_text() -> None:
    hostile = "</text><script>alert(1)</script>"
    figure = {
        "data": [{"type": "bar", "orientation": "h", "x": [2], "y": [hostile], "name": hostile}],
        "layout": {"height": 200},
    }
    svg = preview_svg(figure, 'x" onload="alert(1)')
    assert "<script" not in svg and "&lt;/text&gt;&lt;script&gt;alert(1)&lt;/script&gt;" in svg
    assert 'aria-labelledby="x&quot; onload=&quot;alert(1)"' in svg


def test_preview_axes_take_round_steps() -> None:
    assert number_ticks(7) == (8.0, [0, 2, 4, 6, 8])
    assert number_ticks(1) == (1.0, [0, 1])
    assert number_ticks(0) == (1.0, [0, 1])
    start, end = days("2015-08-01"), days("2018-11-01")
    assert [label for _, label in month_ticks(start, end)] == ["Jan 2016", "Jan 2017", "Jan 2018"]


def test_a_count_axis_has_a_tick_per_article_only_while_counts_are_small() -> None:
    # Small counts: no "0.5 articles". Large ones: plotly's own ticks, not 1,800 labels measured one by one.
    assert count_axis("Articles", 10)["dtick"] == 1
    assert "dtick" not in count_axis("Articles", 1800)
