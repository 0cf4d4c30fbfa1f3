"""The Timeline page: the key events and the articles on one time axis, then every article by date.

The list is plain HTML that shows in full without JavaScript; `assets/javascripts/timeline.js` reveals a
labelled theme and outlet filter that narrows it (progressive enhancement). Each item carries its theme
ids and outlet id as data attributes for that script.
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import groupby

from generator.config import SiteData
from generator.events import Event
from generator.model import Article, article_sort_key
from generator.render.charts import Chart, chart_files, chart_html
from generator.render.figures import events_and_articles
from generator.render.listing import article_list
from generator.render.page import page
from generator.render.text import attribute, count_of, human_date


def _item(article: Article, data: SiteData, prefix: str) -> str:
    front = article.front
    themes = " ".join(article.theme_ids)
    names = ", ".join(data.theme(t).title for t in article.theme_ids)
    date = f'<time datetime="{front.date.isoformat()}">{human_date(front.date)}</time>: ' if front.date else ""
    return (
        f'<li data-themes="{attribute(themes)}" data-outlet="{attribute(front.outlet)}">{date}'
        f'<a href="{prefix}articles/{article.slug}/">{attribute(front.title)}</a> — '
        f'{attribute(data.outlet(front.outlet).name)} <span class="timeline__themes">({attribute(names)})</span></li>'
    )


def _group(heading: str, articles: Sequence[Article], data: SiteData, prefix: str) -> str:
    items = "".join(_item(a, data, prefix) for a in articles)
    return f'<section class="timeline__group"><h3>{attribute(heading)}</h3><ul>{items}</ul></section>'


def _filtered_list(articles: Sequence[Article], data: SiteData, prefix: str) -> list[str]:
    """The filter form and the list it narrows, by year, undated last; `prefix` leads to the site's root."""
    dated = [a for a in articles if a.front.date]
    undated = [a for a in articles if not a.front.date]
    groups = [
        _group(str(year), list(members), data, prefix)
        for year, members in groupby(dated, key=lambda a: a.front.date.year if a.front.date else 0)
    ]
    if undated:
        groups.append(_group("Undated articles", undated, data, prefix))
    return [
        "## Every article by date",
        _filter(articles, data),
        '<div class="timeline__list">' + "".join(groups) + "</div>",
    ]


def _filter(articles: Sequence[Article], data: SiteData) -> str:
    """The filter form, hidden until timeline.js shows it: two labelled selects and a live count."""
    used_themes = {t for a in articles for t in a.theme_ids}
    used_outlets = {a.front.outlet for a in articles}
    theme_options = "".join(
        f'<option value="{attribute(t.id)}">{attribute(t.title)}</option>' for t in data.themes if t.id in used_themes
    )
    outlets = sorted((data.outlet(o) for o in used_outlets), key=lambda o: (o.name, o.id))
    outlet_options = "".join(f'<option value="{attribute(o.id)}">{attribute(o.name)}</option>' for o in outlets)
    return (
        '<form class="timeline__filter" hidden>'
        '<label for="timeline-theme">Theme</label> '
        f'<select id="timeline-theme" name="theme"><option value="">All themes</option>{theme_options}</select> '
        '<label for="timeline-outlet">Outlet</label> '
        f'<select id="timeline-outlet" name="outlet"><option value="">All outlets</option>{outlet_options}</select>'
        f'<p class="timeline__count" role="status">Showing all {count_of(len(articles), "article")}.</p>'
        "</form>"
    )


def timeline_pages(
    articles: Sequence[Article], data: SiteData, events: Sequence[Event], chart: Chart | None, limit: int
) -> dict[str, str]:
    """The chart of events and articles, then the filterable list of every article (a page per period when long)."""
    ordered = sorted(articles, key=article_sort_key)
    undated = [a for a in ordered if not a.front.date]
    listed, pages = article_list(
        ordered,
        "timeline",
        "Timeline",
        "content/events.yml",
        lambda some, prefix: _filtered_list(some, data, prefix),
        limit,
    )
    body = [
        "# Timeline",
        f"The {count_of(len(events), 'key event')} of the period and the {count_of(len(ordered), 'article')}, in "
        f"date order. {count_of(len(undated), 'article')} state no date; they are listed last. The events, with "
        "their sources, are also published as [data/events.json](data/events.json).",
        "## Key events and coverage",
        chart_html(chart, "../") if chart else "There are no key events and no dated articles yet.",
        *listed,
    ]
    description = "Every article by date beside the key events of the period."
    return {"timeline.md": page("Timeline", description, "content/events.yml", body), **pages}


def render_timeline(articles: Sequence[Article], data: SiteData, events: Sequence[Event]) -> dict[str, str]:
    """timeline.md (and its pages per period), and its chart's CSV, by path under docs/."""
    chart = events_and_articles(articles, events, data)
    pages = timeline_pages(articles, data, events, chart, data.listing_page_limit)
    return {**pages, **chart_files([chart] if chart else [])}
