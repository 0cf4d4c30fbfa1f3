"""What each chart must draw, worked out from the published export (articles.json, events.json), not the page."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any


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
    return marks


def chart_pages(site: Path) -> dict[str, list[str]]:
    """Page path -> the ids of the charts it carries."""
    articles, _ = records(site)
    themes = sorted({t for a in articles if a["date"] for t in a["themes"]})
    pages = {
        "coverage/": ["articles-per-month-by-theme", "articles-per-outlet-by-theme"],
        "timeline/": ["events-and-articles"],
    }
    for theme in themes:
        pages[f"themes/{theme}/"] = [f"theme-{theme}-per-month"]
    return pages
