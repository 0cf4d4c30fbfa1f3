"""The coverage charts: model -> Chart. Counts come from the same articles the pages list.

An article in several themes counts once in each theme, so a stacked month can be taller than the
number of articles that month; the captions say so. Undated articles cannot stand on a time axis:
each time chart counts and names them beside it, never leaves them out in silence.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

import plotly.graph_objects as go

from generator.config import OTHER_THEME_ID, SiteData
from generator.events import Event
from generator.model import Article, Theme, article_sort_key
from generator.render.charts import (
    EVENT_COLOURS,
    GREY,
    PALETTE,
    Cell,
    Chart,
    Link,
    Table,
    base_layout,
    colours,
    figure_json,
)
from generator.render.listing import date_of, periods
from generator.render.text import attribute, count_of, human_date, month_name

# A bar a little narrower than a month, in milliseconds (a date axis counts in them).
MONTH_BAR_WIDTH = 24 * 24 * 60 * 60 * 1000
# How many headlines a time chart's note names of the undated articles, and a theme chart's table of each
# month's articles: the lists below the charts have them all.
UNDATED_NAMED = 10
HEADLINES_PER_MONTH = 5
# A count axis has a tick per article while counts are small, so it never shows "0.5 articles"; past that,
# plotly's own ticks (whole numbers at that range). A tick per article drew some 1,800 labels for a theme
# at 10,000 articles: 20 seconds in Chromium to draw one chart.
TICK_PER_ARTICLE_UP_TO = 10


def theme_colours(data: SiteData, theme_id: str) -> tuple[str, str]:
    """A theme's colour pair, by its place in themes.yml; the catch-all theme is grey."""
    if theme_id == OTHER_THEME_ID:
        return GREY
    index = [t.id for t in data.themes if t.id != OTHER_THEME_ID].index(theme_id)
    return PALETTE[index % len(PALETTE)]


def month_of(date: dt.date) -> str:
    """The first day of the date's month, the x value of a monthly bar: '2015-09-01'."""
    return f"{date.year:04d}-{date.month:02d}-01"


def month_title(month: str) -> str:
    """'2015-09-01' -> 'September 2015'."""
    return month_name(int(month[:4]), int(month[5:7]))


def article_link(article: Article) -> Link:
    return Link(article.front.title, f"articles/{article.slug}/")


def undated_note(articles: Sequence[Article], where: str) -> tuple[str, ...]:
    """The sentence that counts the undated articles a time chart cannot show, and names the first few."""
    undated = sorted((a for a in articles if a.front.date is None), key=article_sort_key)
    if not undated:
        return ()
    names = first_few([f"“{attribute(a.front.title)}”" for a in undated], UNDATED_NAMED)
    verb = "is" if len(undated) == 1 else "are"
    return (f"Not in this chart: {count_of(len(undated), 'undated article')}, which {verb} {where}: {names}.",)


def _monthly_bars(months: list[str], counts: dict[str, int], name: str, pair: tuple[str, str], hover: str) -> go.Bar:
    present = [m for m in months if counts.get(m)]
    return go.Bar(
        x=present,
        y=[counts[m] for m in present],
        name=name,
        width=[MONTH_BAR_WIDTH] * len(present),
        marker={"color": pair[0]},
        meta=colours({"marker.color": pair}),
        hovertemplate=f"%{{x|%B %Y}}: %{{y}} {hover}<extra>{attribute(name)}</extra>",
    )


def _shift_month(month: str, by: int) -> str:
    """'2015-09-01' moved by `by` months: _shift_month('2015-12-01', 1) == '2016-01-01'."""
    index = int(month[:4]) * 12 + int(month[5:7]) - 1 + by
    return f"{index // 12:04d}-{index % 12 + 1:02d}-01"


def _month_axis(articles: Sequence[Article]) -> dict[str, object]:
    """A date axis over every dated article of the site, a month either side: the same on every chart by
    month, so theme pages compare at a glance (and a single month does not fill the width)."""
    months = sorted(month_of(a.front.date) for a in articles if a.front.date)
    axis: dict[str, object] = {"type": "date", "tickformat": "%b %Y", "title": {"text": "Month of publication"}}
    if months:
        axis["range"] = [_shift_month(months[0], -1), _shift_month(months[-1], 2)]
    return axis


def count_axis(title: str, largest: int) -> dict[str, object]:
    """An axis of article counts up to `largest`."""
    axis: dict[str, object] = {"title": {"text": title}}
    if largest <= TICK_PER_ARTICLE_UP_TO:
        axis["dtick"] = 1
    return axis


def coverage_by_month(articles: Sequence[Article], data: SiteData) -> Chart | None:
    """Articles per month, stacked by theme; None when no article has a date."""
    dated = [a for a in articles if a.front.date]
    if not dated:
        return None
    months = sorted({month_of(a.front.date) for a in dated if a.front.date})
    per_theme = {t.id: Counter(month_of(a.front.date) for a in dated if a.front.date and t.id in a.theme_ids)
                 for t in data.themes}  # fmt: skip
    traces = [
        _monthly_bars(months, per_theme[t.id], t.title, theme_colours(data, t.id), "articles")
        for t in data.themes
        if per_theme[t.id]
    ]
    shown = [t for t in data.themes if per_theme[t.id]]
    totals = Counter(month_of(a.front.date) for a in dated if a.front.date)
    rows: tuple[tuple[Cell, ...], ...] = tuple(
        (month_title(m), *(per_theme[t.id][m] for t in shown), totals[m]) for m in months
    )
    figure = go.Figure(
        data=traces,
        layout=base_layout(
            barmode="stack",
            xaxis=_month_axis(articles),
            yaxis=count_axis("Articles", max(sum(per_theme[t.id][m] for t in shown) for m in months)),
        ),
    )
    return Chart(
        id="articles-per-month-by-theme",
        caption=(
            f"Articles per month of publication, stacked by theme: {count_of(len(dated), 'dated article')} in "
            f"{count_of(len(months), 'month')}. An article in several themes counts once in each, so a bar can be "
            "taller than the number of articles that month (the table's last column gives that number)."
        ),
        label="Articles per month by theme",
        figure=figure_json(figure),
        table=Table(("Month", *(t.title for t in shown), "Articles (each once)"), rows),
        marks=sum(len(trace.x) for trace in traces),
        notes=undated_note(articles, "listed below as undated"),
    )


def coverage_by_outlet(articles: Sequence[Article], data: SiteData) -> Chart | None:
    """Articles per outlet, dated or not, stacked by theme; None when there are no articles."""
    if not articles:
        return None
    totals = Counter(a.front.outlet for a in articles)
    # Most articles at the top: plotly draws the first category at the bottom.
    outlets = sorted(totals, key=lambda o: (totals[o], data.outlet(o).name), reverse=True)
    names = [data.outlet(o).name for o in outlets]
    traces, shown = [], []
    for theme in data.themes:
        counts = Counter(a.front.outlet for a in articles if theme.id in a.theme_ids)
        present = [o for o in outlets if counts[o]]
        if not present:
            continue
        pair = theme_colours(data, theme.id)
        shown.append((theme, counts))
        traces.append(
            go.Bar(
                y=[data.outlet(o).name for o in reversed(present)],
                x=[counts[o] for o in reversed(present)],
                orientation="h",
                name=theme.title,
                marker={"color": pair[0]},
                meta=colours({"marker.color": pair}),
                hovertemplate=f"%{{y}}: %{{x}} articles<extra>{attribute(theme.title)}</extra>",
            )
        )
    rows: tuple[tuple[Cell, ...], ...] = tuple(
        (name, *(counts[o] for _, counts in shown), totals[o]) for o, name in zip(outlets, names, strict=True)
    )
    figure = go.Figure(
        data=traces,
        layout=base_layout(
            barmode="stack",
            height=max(280, 80 + 28 * len(outlets)),
            margin={"l": 150, "r": 16, "t": 16, "b": 48},
            yaxis={"type": "category", "categoryorder": "array", "categoryarray": list(reversed(names))},
            xaxis=count_axis("Articles", max(sum(counts[o] for _, counts in shown) for o in outlets)),
        ),
    )
    return Chart(
        id="articles-per-outlet-by-theme",
        caption=(
            f"Articles per outlet, stacked by theme: all {count_of(len(articles), 'article')}, dated or not, from "
            f"{count_of(len(outlets), 'outlet')}. An article in several themes counts once in each."
        ),
        label="Articles per outlet by theme",
        figure=figure_json(figure),
        table=Table(("Outlet", *(t.title for t, _ in shown), "Articles (each once)"), rows),
        marks=sum(len(trace.x) for trace in traces),
    )


def theme_over_time(theme: Theme, articles: Sequence[Article], data: SiteData) -> Chart | None:
    """A theme's articles per month; None when none of them has a date."""
    members = [a for a in articles if theme.id in a.theme_ids]
    dated = [a for a in members if a.front.date]
    if not dated:
        return None
    counts = Counter(month_of(a.front.date) for a in dated if a.front.date)
    months = sorted(counts)
    trace = _monthly_bars(months, counts, theme.title, theme_colours(data, theme.id), "articles")
    figure = go.Figure(
        data=[trace],
        layout=base_layout(
            height=300,
            showlegend=False,
            xaxis=_month_axis(articles),
            yaxis=count_axis("Articles", max(counts.values())),
        ),
    )
    by_month: dict[str, list[str]] = {}
    for article in dated:
        if article.front.date:
            by_month.setdefault(month_of(article.front.date), []).append(article.front.title)
    headlines = {m: first_few(titles, HEADLINES_PER_MONTH) for m, titles in by_month.items()}
    rows = tuple((month_title(m), counts[m], headlines[m]) for m in months)
    return Chart(
        id=f"theme-{theme.id}-per-month",
        caption=f"Articles of this theme per month of publication: {count_of(len(dated), 'dated article')}.",
        label=f"{theme.title}: articles per month",
        figure=figure_json(figure),
        table=Table(("Month", "Articles", "Headlines"), rows),
        marks=len(months),
        notes=undated_note(members, "listed below as undated"),
    )


def events_and_articles(articles: Sequence[Article], events: Sequence[Event], data: SiteData) -> Chart | None:
    """The key events and the dated articles on one time axis, one row per outlet; a point links to its article."""
    dated = sorted((a for a in articles if a.front.date), key=article_sort_key)
    if not dated and not events:
        return None
    outlets = sorted({a.front.outlet for a in dated}, key=lambda o: data.outlet(o).name, reverse=True)
    event_row = "Key events"
    traces = []
    if events:
        traces.append(
            go.Scatter(
                x=[e.date.isoformat() for e in events],
                y=[event_row] * len(events),
                mode="markers",
                name="Key events",
                text=[attribute(e.title) for e in events],
                marker={"symbol": "diamond", "size": 12, "color": EVENT_COLOURS[0]},
                meta=colours({"marker.color": EVENT_COLOURS}),
                hovertemplate="%{x|%-d %B %Y}: %{text}<extra>Key event</extra>",
            )
        )
    # A circle per article while the timeline lists them all on one page; beyond that, a circle per outlet
    # and month, linked to the timeline's page for the month, so the page does not grow with the corpus.
    monthly = len(articles) > data.listing_page_limit
    points = _monthly_points(articles, data) if monthly else _article_points(dated, data)
    if points:
        pair = PALETTE[0]
        traces.append(
            go.Scatter(
                x=[p.date.isoformat() for p in points],
                y=[p.outlet for p in points],
                mode="markers",
                name="Articles",
                text=[attribute(p.link.text) for p in points],
                marker={"symbol": "circle", "size": 11, "color": pair[0]},
                meta={**colours({"marker.color": pair}), "links": [p.link.href for p in points]},
                hovertemplate=("%{x|%B %Y}" if monthly else "%{x|%-d %B %Y}")
                + ": %{text}<br>(click to open)<extra>%{y}</extra>",
            )
        )
    rows: list[tuple[dt.date, int, tuple[str, str, Link, str]]] = []
    for event in events:
        source = Link("source", event.source, external=True)
        what = f"{event.title}: {event.description}"
        rows.append((event.date, 0, (human_date(event.date), "Key event", source, what)))
    for point in points:
        when = month_title(month_of(point.date)) if monthly else human_date(point.date)
        rows.append((point.date, 1, (when, "Articles" if monthly else "Article", point.link, point.outlet)))
    rows.sort(key=lambda row: (row[0], row[1], row[2][2].href))
    categories = [*(data.outlet(o).name for o in outlets), event_row]
    figure = go.Figure(
        data=traces,
        layout=base_layout(
            height=max(260, 90 + 36 * len(categories)),
            margin={"l": 150, "r": 16, "t": 16, "b": 48},
            showlegend=False,
            hovermode="closest",
            xaxis={"type": "date", "tickformat": "%b %Y", "title": {"text": "Date"}},
            yaxis={"type": "category", "categoryorder": "array", "categoryarray": categories},
            # A dotted line down from each event, so the eye can tell what came before and after it.
            shapes=[
                {
                    "type": "line",
                    "xref": "x",
                    "yref": "paper",
                    "x0": d,
                    "x1": d,
                    "y0": 0,
                    "y1": 1,
                    "line": {"width": 1, "dash": "dot", "color": "#9e9e9e"},
                    "layer": "below",
                }
                for d in sorted({e.date.isoformat() for e in events})
            ],
        ),
    )
    return Chart(
        id="events-and-articles",
        caption=(
            f"{count_of(len(events), 'key event')} (diamonds, top row) and {count_of(len(dated), 'dated article')} "
            + (
                "(circles, one per outlet and month, one row per outlet) on one time axis: which coverage came "
                "before or after which event. Select a circle to open the timeline's page for its month; the "
                "table lists the same, with links."
                if monthly
                else "(circles, one row per outlet) on one time axis: which coverage came before or after which "
                "event. Select an article's circle to open it; the table lists the same, with links."
            )
        ),
        label="Key events and articles over time",
        figure=figure_json(figure),
        table=Table(("Date", "Kind", "What", "Outlet or event"), tuple(row[2] for row in rows)),
        marks=len(events) + len(points),
        notes=undated_note(articles, "listed below as undated"),
    )


@dataclass(frozen=True)
class _Point:
    """A circle on the events-and-articles chart: where it stands, and where selecting it leads."""

    date: dt.date
    outlet: str
    link: Link


def _article_points(dated: Sequence[Article], data: SiteData) -> list[_Point]:
    return [_Point(date_of(a), data.outlet(a.front.outlet).name, article_link(a)) for a in dated]


def _monthly_points(articles: Sequence[Article], data: SiteData) -> list[_Point]:
    """A point per outlet and month, on the month's first day, linked to the timeline's page that lists it."""
    ordered = sorted(articles, key=article_sort_key)
    page_of = {
        month_of(date_of(a)): period.key
        for period in periods(ordered, data.listing_page_limit)
        for a in period.articles
        if a.front.date
    }
    counts = Counter((month_of(date_of(a)), a.front.outlet) for a in ordered if a.front.date)
    points = []
    for (month, outlet_id), count in sorted(counts.items()):
        outlet = data.outlet(outlet_id).name
        text = f"{count_of(count, 'article')} from {outlet} in {month_title(month)}"
        points.append(_Point(dt.date.fromisoformat(month), outlet, Link(text, f"timeline/{page_of[month]}/")))
    return points


def first_few(texts: Sequence[str], limit: int) -> str:
    """Up to `limit` texts, and how many more: so that a note or a cell does not grow with the corpus.

    >>> first_few(["a", "b", "c"], 2)
    'a; b; and 1 more'
    """
    return "; ".join(texts[:limit]) + (f"; and {len(texts) - limit} more" if len(texts) > limit else "")


def entities_per_theme(
    theme: Theme, named: Sequence[tuple[str, int, str]], data: SiteData, limit: int = 10
) -> Chart | None:
    """The entities a theme's articles name most: (name, articles naming it, page under the site root).

    For the lead's entities: `named` is, for one theme, each entity with the number of the theme's
    articles that name it and its page ("entities/<id>/"), in any order.
    """
    top = sorted(named, key=lambda item: (-item[1], item[0]))[:limit]
    if not top:
        return None
    pair = theme_colours(data, theme.id)
    trace = go.Bar(
        y=[attribute(name) for name, _, _ in reversed(top)],
        x=[count for _, count, _ in reversed(top)],
        orientation="h",
        name=theme.title,
        marker={"color": pair[0]},
        meta={**colours({"marker.color": pair}), "links": [href for _, _, href in reversed(top)]},
        hovertemplate="%{y}: named in %{x} articles<extra></extra>",
    )
    figure = go.Figure(
        data=[trace],
        layout=base_layout(
            height=max(200, 60 + 26 * len(top)),
            showlegend=False,
            margin={"l": 170, "r": 16, "t": 8, "b": 40},
            xaxis=count_axis("Articles naming it", top[0][1]),
        ),
    )
    return Chart(
        id=f"theme-{theme.id}-entities",
        caption=f"{theme.title}: the {len(top)} entit{'y' if len(top) == 1 else 'ies'} its articles name most, "
        "by the number of articles naming each.",
        label=f"{theme.title}: entities named most",
        figure=figure_json(figure),
        table=Table(("Entity", "Articles naming it"), tuple((Link(name, href), count) for name, count, href in top)),
        marks=len(top),
    )
