"""What each chart must draw, worked out from the published export (articles.json, events.json), not the page."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from generator.render.basemap import FRAME, Place

# The coverage page charts, per theme, at most this many of the entities its articles name.
ENTITIES_PER_THEME = 10

# A fixture for the map: four places inside the Levant frame and one (Geneva) beyond it.
MAP_PLACES = [
    Place("Idlib", 35.93, 36.63, 6, "themes/idlib/"),
    Place("Damascus", 33.51, 36.29, 5, "themes/geneva/"),
    Place("Aleppo", 36.2, 37.16, 4, "themes/aleppo/"),
    Place("Latakia", 35.52, 35.79, 3, "themes/il-20/"),
    Place("Geneva", 46.2, 6.14, 2, "themes/geneva/"),
]


def entities(site: Path) -> list[dict[str, Any]]:
    """The entities as the site publishes them, each with the articles naming it."""
    return json.loads((site / "data" / "entities.json").read_text(encoding="utf-8"))  # type: ignore[no-any-return]


def records(site: Path) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """The articles and events as the site publishes them."""
    articles = json.loads((site / "data" / "articles.json").read_text(encoding="utf-8"))
    events = json.loads((site / "data" / "events.json").read_text(encoding="utf-8"))
    return articles, events


def expected_marks(site: Path) -> dict[str, int]:
    """Chart id -> number of marks: a bar per (theme, month) or (theme, outlet), a point per event and article."""
    articles, events = records(site)
    dated = [a for a in articles if a["date"]]
    marks = {
        "articles-per-month-by-theme": len({(t, a["date"][:7]) for a in dated for t in a["themes"]}),
        "articles-per-outlet-by-theme": len({(t, a["outlet_id"]) for a in articles for t in a["themes"]}),
        "events-and-articles": len(events) + len(dated),
    }
    for theme in {t for a in dated for t in a["themes"]}:
        marks[f"theme-{theme}-per-month"] = len({a["date"][:7] for a in dated if theme in a["themes"]})
    for theme, named in _entities_by_theme(site).items():
        marks[f"theme-{theme}-entities"] = min(ENTITIES_PER_THEME, len(named))
    marks["places-named"] = len(places(site, inside=True))
    return marks


def places(site: Path, inside: bool) -> list[dict[str, Any]]:
    """The places the articles name inside the map's frame (Syria and its neighbours), or beyond it."""
    west, south, east, north = FRAME
    named = [e for e in entities(site) if e["coordinates"] and e["articles"]]
    return [
        e
        for e in named
        if (west <= e["coordinates"]["lon"] <= east and south <= e["coordinates"]["lat"] <= north) == inside
    ]


def _entities_by_theme(site: Path) -> dict[str, set[str]]:
    """Theme id -> the entities its articles name."""
    articles, _ = records(site)
    named: dict[str, set[str]] = {}
    for article in articles:
        for theme in article["themes"]:
            named.setdefault(theme, set()).update(article["entities"])
    return {theme: ids for theme, ids in named.items() if ids}


def chart_pages(site: Path) -> dict[str, list[str]]:
    """Page path -> the ids of the charts it carries."""
    articles, _ = records(site)
    themes = sorted({t for a in articles if a["date"] for t in a["themes"]})
    pages = {
        "coverage/": [
            "articles-per-month-by-theme",
            "articles-per-outlet-by-theme",
            *(f"theme-{t}-entities" for t in sorted(_entities_by_theme(site))),
        ],
        "timeline/": ["events-and-articles"],
        "map/": ["places-named"],
    }
    for theme in themes:
        pages[f"themes/{theme}/"] = [f"theme-{theme}-per-month"]
    return pages
