"""The pages that show the coverage: Coverage (charts), Map, and each theme's chart section.

`render_coverage` returns pages, chart CSVs and the events export by path under docs/; `theme_sections`
returns the Markdown each theme page carries above its list of articles.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence

from generator.config import SiteData
from generator.events import Event
from generator.model import Article, article_sort_key
from generator.render.basemap import FRAME, Outline, Place, beyond, places_map
from generator.render.charts import Chart, chart_files, chart_html
from generator.render.figures import (
    coverage_by_month,
    coverage_by_outlet,
    entities_per_theme,
    theme_over_time,
)
from generator.render.page import page
from generator.render.text import count_of, human_date, inline

# For each theme id, the entities its articles name: (name, articles naming it, page under the site root).
NamedEntities = Mapping[str, Sequence[tuple[str, int, str]]]


def undated_list(articles: Sequence[Article], data: SiteData, prefix: str) -> str:
    """The undated articles as a Markdown list of links, with their outlets."""
    undated = sorted((a for a in articles if a.front.date is None), key=article_sort_key)
    return "\n".join(
        f"- [{inline(a.front.title)}]({prefix}articles/{a.slug}.md) — {inline(data.outlet(a.front.outlet).name)}"
        for a in undated
    )


def coverage_page(
    articles: Sequence[Article], data: SiteData, charts: Sequence[Chart | None], named: NamedEntities
) -> str:
    """Charts of the coverage by month and outlet, the entities per theme, and the undated articles named."""
    by_month, by_outlet, *per_theme = charts
    dated = [a for a in articles if a.front.date]
    undated = len(articles) - len(dated)
    body = [
        "# Coverage",
        f"What the {count_of(len(articles), 'article')} cover, and when: {len(dated)} carry a date, {undated} do "
        "not. Each chart has a caption, a data table (open it under the chart) and its data as CSV. "
        "The [timeline](timeline.md) sets the articles beside the key events of the period.",
        "## Articles per month",
        chart_html(by_month, "../") if by_month else "No article has a date yet, so there is no chart over time.",
        "## Articles per outlet",
        chart_html(by_outlet, "../") if by_outlet else "There are no articles yet.",
        "## Entities named most, per theme",
    ]
    drawn = [c for c in per_theme if c]
    if drawn:
        body += [chart_html(c, "../") for c in drawn]
    elif not named:
        body.append(
            "The site does not yet list the people, places and organisations the articles name; this section "
            "shows, for each theme, the ones named most once that list exists."
        )
    else:
        body.append("No theme's articles name any listed entity.")
    if undated:
        body += [
            "## Undated articles",
            "These articles state no date, so the charts over time leave them out; the chart by outlet counts them.",
            undated_list(articles, data, "")
            if undated <= data.listing_page_limit
            else f"The timeline lists all {undated} on [a page of their own](timeline/undated.md).",
        ]
    return page("Coverage", "Charts of the coverage: articles per month and per outlet, by theme.", "content/", body)


def beyond_list(places: Sequence[Place]) -> str:
    """The places beyond the map's frame, as a section with a list of links: none is left out unseen.

    The links are to the Markdown pages, from map.md ("entities/moscow/" -> "entities/moscow.md").
    """
    outside = beyond(places)
    if not outside:
        return ""
    west, south, east, north = FRAME
    items = "\n".join(
        f"- [{inline(p.name)}]({p.href.rstrip('/')}.md) — named in {count_of(p.articles, 'article')} "
        f"({p.lat:.2f}, {p.lon:.2f})"
        for p in outside
    )
    return (
        "## Beyond the map\n\n"
        f"The map shows Syria and its neighbours ({south:g}° to {north:g}° north, {west:g}° to {east:g}° east), so "
        f"that the Syrian places stand apart. These {count_of(len(outside), 'place')} the articles name lie "
        "beyond it:\n\n" + items
    )


def map_page(chart: Chart | None, places: Sequence[Place] = ()) -> str:
    body = [
        "# Map",
        "The places the articles name, from the site's list of entities and their coordinates; a circle's area "
        "shows how many articles name the place. The outlines are Natural Earth's (public domain), served "
        "with the site.",
    ]
    if chart:
        body.append(chart_html(chart, "../"))
    elif places:
        body.append("None of the places the articles name lies in the map's frame; they are listed below.")
    else:
        body.append(
            "**No places yet.** The site does not yet list the places the articles name with their coordinates "
            "(`content/entities.yml`), so there is nothing to put on the map."
        )
    if beyond(places):
        body.append(beyond_list(places))
    return page("Map", "A map of the places the articles name, sized by how often they are named.", "content/", body)


def theme_sections(articles: Sequence[Article], data: SiteData) -> dict[str, str]:
    """For each theme: its chart over time (or why there is none) and its feed, as Markdown."""
    sections = {}
    for theme in data.themes:
        chart = theme_over_time(theme, articles, data)
        feed = f'<a href="../../feed-{theme.id}.xml" type="application/atom+xml">Atom feed of this theme</a>'
        parts = ["## Over time"]
        parts.append(chart_html(chart, "../../") if chart else "None of these articles has a date: no chart over time.")
        parts.append(f'<p class="feed-link">Follow new articles: {feed} (dated articles only).</p>')
        sections[theme.id] = "\n\n".join(parts)
    return sections


def events_export(events: Sequence[Event]) -> str:
    """data/events.json: the events as the timeline uses them."""
    records = [{**e.model_dump(mode="json"), "date_text": human_date(e.date)} for e in events]
    return json.dumps(records, ensure_ascii=False, indent=2) + "\n"


def render_coverage(
    articles: Sequence[Article],
    data: SiteData,
    events: Sequence[Event],
    outlines: Sequence[Outline],
    places: Sequence[Place],
    named: NamedEntities,
) -> dict[str, str]:
    """coverage.md, map.md, every chart's CSV and data/events.json, by path under docs/."""
    per_theme = [entities_per_theme(t, named.get(t.id, ()), data) for t in data.themes]
    coverage_charts = [coverage_by_month(articles, data), coverage_by_outlet(articles, data), *per_theme]
    place_chart = places_map(places, outlines)
    charts = [
        *coverage_charts,
        place_chart,
        *(theme_over_time(t, articles, data) for t in data.themes),
    ]
    return {
        "coverage.md": coverage_page(articles, data, coverage_charts, named),
        "map.md": map_page(place_chart, places),
        "data/events.json": events_export(events),
        **chart_files([c for c in charts if c]),
    }
