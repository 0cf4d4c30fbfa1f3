"""A chart's static preview: an inline SVG drawn here from the plotly figure, shown until the reader asks for plotly.

The page shows the preview at once, with no script and no download; `assets/javascripts/charts.js` fetches
plotly.js only when the reader asks for the interactive chart, and plotly then draws in its place, in a box of
the same height. The preview draws the figure's own data: bars (stacked or not, on a date or a number axis),
markers on a date axis by category, and the map's outlines and places.

Positions are percentages of the plot area, so the preview fills any column width; the axis labels sit in the
plot's margins (the SVG's CSS margins, with overflow visible). Colours are CSS custom properties, a pair per
trace from its `meta.colors` (see charts.colours), switched by site.css on Material's palette attribute: the
palette switch recolours the preview without a script. Marks have the class `chart__mark`: the browser test
counts them.
"""

from __future__ import annotations

import datetime as dt
import html
import math
from collections.abc import Iterable, Sequence
from typing import Any

from generator.render.text import attribute

MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
DAY_MS = 24 * 60 * 60 * 1000
# The CSS custom property each coloured trace property sets: fill, stroke, text.
VARIABLES = {"marker.color": "c", "fillcolor": "c", "line.color": "s", "textfont.color": "t"}


def text(value: object) -> str:
    """Figure text for SVG: some figure strings are escaped already (plotly reads HTML), some not.

    >>> text("&lt;b&gt; & <i>")
    '&lt;b&gt; &amp; &lt;i&gt;'
    """
    return attribute(html.unescape(str(value)))


def number(value: float) -> str:
    """A coordinate, short and the same on every machine: 12.5, 3, -0.25."""
    rounded = f"{value:.2f}".rstrip("0").rstrip(".")
    return "0" if rounded in ("-0", "") else rounded


def percent(value: float) -> str:
    """A fraction as an SVG percentage: percent(0.125) == "12.5%"."""
    return number(value * 100) + "%"


def trace_style(trace: dict[str, Any]) -> str:
    """The trace's colour pair as custom properties: --c (fill), --s (stroke), --t (text), each with a -dark."""
    colors = trace.get("meta", {}).get("colors", {})
    light, dark = colors.get("default", {}), colors.get("slate", {})
    parts = []
    for prop in sorted(light, key=lambda p: VARIABLES.get(p, p)):
        name = VARIABLES.get(prop)
        if name and prop in dark:
            parts.append(f"--{name}:{light[prop]};--{name}-dark:{dark[prop]}")
    return f' style="{";".join(parts)}"' if parts else ""


def days(value: str) -> float:
    """A plotly date ('2015-09-01', or with a time) as days since 1970."""
    return (dt.date.fromisoformat(value[:10]) - dt.date(1970, 1, 1)).days


def month_ticks(start: float, end: float, most: int = 5) -> list[tuple[float, str]]:
    """First days of months inside [start, end] (days since 1970), at most `most`, on a round step: 'Jan 2016'."""
    first = dt.date(1970, 1, 1) + dt.timedelta(days=math.ceil(start))
    index = first.year * 12 + first.month - 1 + (first.day > 1)
    last = dt.date(1970, 1, 1) + dt.timedelta(days=math.floor(end))
    stop = last.year * 12 + last.month - 1
    step = next(s for s in (1, 2, 3, 6, 12, 24, 60, 120) if (stop - index) // s + 1 <= most)
    ticks = []
    for month in range(index, stop + 1):
        if month % step == 0:
            date = dt.date(month // 12, month % 12 + 1, 1)
            ticks.append((float((date - dt.date(1970, 1, 1)).days), f"{MONTHS[date.month - 1]} {date.year}"))
    return ticks


def number_ticks(top: float, most: int = 6) -> tuple[float, list[int]]:
    """An axis from 0 to a round number at or above `top`, and its ticks: number_ticks(7) == (8, [0, 2, 4, 6, 8])."""
    step = next(s for s in (1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10**4, 10**5) if top / s <= most)
    upper = max(step, math.ceil(top / step) * step)
    return float(upper), list(range(0, upper + 1, step))


def _x_tick(x: float, label: str) -> str:
    return f'<text x="{percent(x)}" y="100%" dy="18" text-anchor="middle">{attribute(label)}</text>'


def _y_tick(y: float, label: str) -> str:
    return f'<text x="0" dx="-6" y="{percent(y)}" dy="4" text-anchor="end">{text(label)}</text>'


def _grid_y(y: float) -> str:
    return f'<line x1="0" x2="100%" y1="{percent(y)}" y2="{percent(y)}"/>'


def _grid_x(x: float) -> str:
    return f'<line x1="{percent(x)}" x2="{percent(x)}" y1="0" y2="100%"/>'


def _titles(layout: dict[str, Any], bottom: int) -> str:
    title = layout.get("xaxis", {}).get("title", {}).get("text")
    if not title:
        return ""
    return f'<text class="chart__title" x="50%" y="100%" dy="{bottom - 6}" text-anchor="middle">{text(title)}</text>'


def _plot(grid: str, axis: str, traces: Sequence[str]) -> str:
    """Grid lines under the axis labels under the traces' marks."""
    return f'<g class="chart__grid">{grid}</g><g class="chart__axis">{axis}</g>{"".join(traces)}'


def _categories(layout: dict[str, Any], traces: Sequence[dict[str, Any]]) -> list[str]:
    """The y categories bottom to top: the layout's order, else first appearance, as plotly orders them."""
    given = layout.get("yaxis", {}).get("categoryarray")
    if given:
        return [str(c) for c in given]
    seen: dict[str, None] = {}
    for trace in traces:
        for y in trace.get("y", []):
            seen.setdefault(str(y), None)
    return list(seen)


def _band(index: int, count: int) -> float:
    """The centre of category `index` (0 at the bottom) as a fraction of the height from the top."""
    return (count - index - 0.5) / count


def _date_bars(traces: Sequence[dict[str, Any]], layout: dict[str, Any], bottom: int) -> str:
    """Vertical bars on a date axis, stacked when the layout says so."""
    xaxis = layout.get("xaxis", {})
    starts = [days(x) for trace in traces for x in trace["x"]]
    start, end = (days(v) for v in xaxis["range"]) if "range" in xaxis else (min(starts) - 31, max(starts) + 31)
    stack = layout.get("barmode") == "stack"
    totals: dict[str, float] = {}
    for trace in traces:
        for x, y in zip(trace["x"], trace["y"], strict=True):
            totals[x] = totals.get(x, 0) + y if stack else max(totals.get(x, 0), y)
    upper, ticks = number_ticks(max(totals.values(), default=1))
    span = end - start
    grid = "".join(_grid_y(1 - t / upper) for t in ticks)
    labels = "".join(_y_tick(1 - t / upper, str(t)) for t in ticks)
    labels += "".join(_x_tick((d - start) / span, label) for d, label in month_ticks(start, end))
    base: dict[str, float] = {}
    groups = []
    for trace in traces:
        widths = trace.get("width") or [25 * DAY_MS] * len(trace["x"])
        rects = []
        for x, y, width in zip(trace["x"], trace["y"], widths, strict=True):
            below = base.get(x, 0.0) if stack else 0.0
            w = width / DAY_MS
            rects.append(
                f'<rect class="chart__mark" x="{percent((days(x) - w / 2 - start) / span)}" '
                f'width="{percent(w / span)}" y="{percent(1 - (below + y) / upper)}" height="{percent(y / upper)}"/>'
            )
            base[x] = below + y
        groups.append(f'<g class="chart__trace"{trace_style(trace)}>{"".join(rects)}</g>')
    return _plot(grid, labels + _titles(layout, bottom), groups)


def _category_bars(traces: Sequence[dict[str, Any]], layout: dict[str, Any], bottom: int) -> str:
    """Horizontal bars, one row per category, stacked when the layout says so."""
    categories = _categories(layout, traces)
    row = {c: i for i, c in enumerate(categories)}
    stack = layout.get("barmode") == "stack"
    totals: dict[str, float] = {}
    for trace in traces:
        for x, y in zip(trace["x"], trace["y"], strict=True):
            totals[str(y)] = totals.get(str(y), 0) + x if stack else max(totals.get(str(y), 0), x)
    upper, ticks = number_ticks(max(totals.values(), default=1))
    count = len(categories)
    grid = "".join(_grid_x(t / upper) for t in ticks)
    labels = "".join(_x_tick(t / upper, str(t)) for t in ticks)
    labels += "".join(_y_tick(_band(i, count), c) for i, c in enumerate(categories))
    base: dict[str, float] = {}
    groups = []
    for trace in traces:
        rects = []
        for x, y in zip(trace["x"], trace["y"], strict=True):
            key = str(y)
            left = base.get(key, 0.0) if stack else 0.0
            rects.append(
                f'<rect class="chart__mark" x="{percent(left / upper)}" width="{percent(x / upper)}" '
                f'y="{percent(_band(row[key], count) - 0.4 / count)}" height="{percent(0.8 / count)}"/>'
            )
            base[key] = left + x
        groups.append(f'<g class="chart__trace"{trace_style(trace)}>{"".join(rects)}</g>')
    return _plot(grid, labels + _titles(layout, bottom), groups)


def _marker(symbol: str, x: float, y: float, size: float) -> str:
    if symbol == "diamond":
        r = number(size / 2 + 1)
        return (
            f'<svg class="chart__mark" x="{percent(x)}" y="{percent(y)}" overflow="visible">'
            f'<path d="M0-{r}L{r} 0 0 {r}-{r} 0z"/></svg>'
        )
    return f'<circle class="chart__mark" cx="{percent(x)}" cy="{percent(y)}" r="{number(size / 2)}"/>'


def _date_markers(traces: Sequence[dict[str, Any]], layout: dict[str, Any], bottom: int) -> str:
    """Markers on a date axis, one row per category, with the layout's vertical lines (the events)."""
    categories = _categories(layout, traces)
    row = {c: i for i, c in enumerate(categories)}
    when = [days(x) for trace in traces for x in trace["x"]]
    pad = max(15.0, (max(when) - min(when)) * 0.05)
    start, end = min(when) - pad, max(when) + pad
    span = end - start
    count = len(categories)
    rules = "".join(
        _grid_x((days(shape["x0"]) - start) / span) for shape in layout.get("shapes", []) if shape.get("type") == "line"
    )
    labels = "".join(_x_tick((d - start) / span, label) for d, label in month_ticks(start, end))
    labels += "".join(_y_tick(_band(i, count), c) for i, c in enumerate(categories))
    groups = []
    for trace in traces:
        marker = trace.get("marker", {})
        marks = "".join(
            _marker(str(marker.get("symbol", "circle")), (days(x) - start) / span, _band(row[str(y)], count),
                    float(marker.get("size", 10)))
            for x, y in zip(trace["x"], trace["y"], strict=True)
        )  # fmt: skip
        groups.append(f'<g class="chart__trace"{trace_style(trace)}>{marks}</g>')
    return (
        f'<g class="chart__grid chart__rules">{rules}</g><g class="chart__axis">{labels}{_titles(layout, bottom)}</g>'
        f"{''.join(groups)}"
    )


def _rings(xs: Sequence[float | None], ys: Sequence[float | None]) -> Iterable[list[tuple[float, float]]]:
    ring: list[tuple[float, float]] = []
    for x, y in zip(xs, ys, strict=True):
        if x is None or y is None:
            if ring:
                yield ring
            ring = []
        else:
            ring.append((x, y))
    if ring:
        yield ring


def _map(traces: Sequence[dict[str, Any]], layout: dict[str, Any]) -> tuple[str, float]:
    """The map, and its width over its height: the outlines in a nested SVG whose user units are degrees
    (latitude stretched by the figure's scaleratio), the places over them in percentages of the map, with
    marker sizes and labels in pixels, as plotly draws them. The box keeps the map's shape (site.css)."""
    west, east = layout["xaxis"]["range"]
    south, north = layout["yaxis"]["range"]
    ratio = float(layout["yaxis"].get("scaleratio", 1))
    width_units, height_units = east - west, (north - south) * ratio
    land, places = [], []
    for trace in traces:
        style = trace_style(trace)
        if trace.get("mode") == "lines":
            path = "".join(
                "M" + "L".join(f"{number(x)} {number(-y * ratio)}" for x, y in ring) + "Z"
                for ring in _rings(trace["x"], trace["y"])
            )
            land.append(f'<g class="chart__trace chart__land"{style}><path d="{path}"/></g>')
            continue
        marker = trace.get("marker", {})
        sizes = marker.get("size", [])
        sizes = sizes if isinstance(sizes, list) else [sizes] * len(trace["x"])
        sizeref, sizemin = float(marker.get("sizeref", 1)), float(marker.get("sizemin", 0))
        marks, labels = [], []
        for x, y, size, label in zip(trace["x"], trace["y"], sizes, trace.get("text", []), strict=True):
            radius = max(sizemin, math.sqrt(size / sizeref)) / 2
            cx, cy = percent((x - west) / (east - west)), percent((north - y) / (north - south))
            marks.append(f'<circle class="chart__mark" cx="{cx}" cy="{cy}" r="{number(radius)}"/>')
            if label:
                dy = number(-radius - 4)
                labels.append(f'<text x="{cx}" y="{cy}" dy="{dy}" text-anchor="middle">{text(label)}</text>')
        places.append(f'<g class="chart__trace chart__places"{style}>{"".join(marks)}{"".join(labels)}</g>')
    view = f"{number(west)} {number(-north * ratio)} {number(width_units)} {number(height_units)}"
    outlines = f'<svg viewBox="{view}" width="100%" height="100%" preserveAspectRatio="none">{"".join(land)}</svg>'
    return outlines + "".join(places), width_units / height_units


def legend(traces: Sequence[dict[str, Any]], layout: dict[str, Any]) -> str:
    """The traces' names and colours above the plot, as plotly shows them when there is more than one trace."""
    if layout.get("showlegend") is False or len(traces) < 2:
        return ""
    items = "".join(
        f'<li><span class="chart__swatch chart__trace"{trace_style(t)}></span>{text(t.get("name", ""))}</li>'
        for t in traces
    )
    return f'<ul class="chart__legend" aria-hidden="true">{items}</ul>'


def preview_svg(figure: dict[str, Any], labelled_by: str) -> str:
    """The figure as a static preview: a legend (if the figure has one) above an SVG with role img, named by the
    element `labelled_by` (the caption)."""
    traces = figure["data"]
    layout = figure["layout"]
    margin = {"l": 48, "r": 16, "t": 16, "b": 48, **layout.get("margin", {})}
    if layout.get("yaxis", {}).get("scaleanchor"):
        body, aspect = _map(traces, layout)
        # The largest box of the map's shape in the preview (a size container: site.css), centred.
        box = f"width:min(100cqw, calc(100cqh * {aspect:.4f}));height:min(100cqh, calc(100cqw / {aspect:.4f}))"
        return (
            f'<div class="chart__preview chart__preview--map" style="padding:{margin["t"]}px {margin["r"]}px '
            f'{margin["b"]}px {margin["l"]}px">'
            f'<svg class="chart__svg chart__map" role="img" aria-labelledby="{attribute(labelled_by)}" '
            f'style="{box}">{body}</svg></div>'
        )
    if all(t.get("type") == "bar" for t in traces) and all(t.get("orientation") == "h" for t in traces):
        body = _category_bars(traces, layout, margin["b"])
    elif all(t.get("type") == "bar" for t in traces):
        body = _date_bars(traces, layout, margin["b"])
    else:
        body = _date_markers(traces, layout, margin["b"])
    box = (
        f"margin:{margin['t']}px {margin['r']}px {margin['b']}px {margin['l']}px;"
        f"width:calc(100% - {margin['l'] + margin['r']}px)"
    )
    return (
        f'<div class="chart__preview">{legend(traces, layout)}'
        f'<svg class="chart__svg" role="img" aria-labelledby="{attribute(labelled_by)}" style="{box}">{body}</svg>'
        "</div>"
    )
