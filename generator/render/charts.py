"""A chart as the site shows it: a static preview, the plotly figure (data in the page), a caption, a data
table and a CSV.

The generator builds each figure with plotly.py from the same records as the pages, and draws it as a static
SVG preview (preview.py) that the page shows at once. The page carries the figure as JSON in the plot's
``data-figure`` attribute; ``assets/javascripts/charts.js`` fetches the site's own plotly.js only when the
reader asks for the interactive chart (its button, or a click on the preview), and plotly draws in the
preview's place at the same height. The data table
(collapsed) is the accessible path to the same numbers and links; the CSV is the same table as a file.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import plotly.graph_objects as go

from generator.render.preview import preview_svg
from generator.render.text import attribute

# Each colour pair is (light scheme, dark scheme); every one has a contrast of at least 3:1 with its
# background (white; Material's slate, #1e2129), as WCAG asks of graphics. Theme colours follow the
# order of content/themes.yml; the catch-all theme is grey.
PALETTE: tuple[tuple[str, str], ...] = (
    ("#1f5fa8", "#7fb2f0"),
    ("#b3261e", "#f28b82"),
    ("#2e7d32", "#81c995"),
    ("#7b1fa2", "#d7aefb"),
    ("#a35200", "#fbbc6a"),
    ("#00796b", "#6fd3c6"),
    ("#ad1457", "#f48fb1"),
    ("#5d4037", "#c8a99a"),
    ("#3949ab", "#a8b4f8"),
)
GREY = ("#616161", "#bdbdbd")
EVENT_COLOURS = ("#202124", "#e8eaed")
SCHEMES = ("default", "slate")


def colours(props: dict[str, tuple[str, str]]) -> dict[str, Any]:
    """A trace's `meta`: the properties charts.js sets for each palette scheme.

    >>> colours({"marker.color": ("#000000", "#ffffff")})
    {'colors': {'default': {'marker.color': '#000000'}, 'slate': {'marker.color': '#ffffff'}}}
    """
    return {"colors": {scheme: {name: pair[i] for name, pair in props.items()} for i, scheme in enumerate(SCHEMES)}}


@dataclass(frozen=True)
class Link:
    """A table cell that links somewhere: `href` is relative to the site root (articles/x/)."""

    text: str
    href: str
    external: bool = False


Cell = str | int | Link


@dataclass(frozen=True)
class Table:
    """A chart's data as rows, for the page (HTML table) and the CSV file."""

    headers: tuple[str, ...]
    rows: tuple[tuple[Cell, ...], ...]


@dataclass(frozen=True)
class Chart:
    """One chart: its figure, what it shows in words, its data, and what it leaves out.

    `marks` is the number of data marks the figure draws (bars, points): the browser test counts them.
    """

    id: str
    caption: str
    label: str
    figure: dict[str, Any]
    table: Table
    marks: int
    notes: tuple[str, ...] = field(default=())  # raw HTML, already escaped: e.g. the undated articles named

    @property
    def csv_path(self) -> str:
        return f"data/charts/{self.id}.csv"


def figure_json(figure: go.Figure) -> dict[str, Any]:
    """plotly.py's figure as plain JSON data, without the template (charts.js styles it for the palette)."""
    data: dict[str, Any] = json.loads(figure.to_json())
    data["layout"].pop("template", None)
    return data


def base_layout(**extra: Any) -> dict[str, Any]:
    """What every chart's layout shares: transparent, the site's font, no mode bar, room for labels."""
    layout: dict[str, Any] = {
        "template": "none",
        "paper_bgcolor": "rgba(0,0,0,0)",
        "plot_bgcolor": "rgba(0,0,0,0)",
        "font": {"family": "Roboto, Helvetica, Arial, sans-serif", "size": 13},
        "margin": {"l": 48, "r": 16, "t": 16, "b": 48},
        "height": 360,
        "hoverlabel": {"namelength": -1},
        # Above the plot, clear of the axis title; plotly widens the top margin to fit it.
        "legend": {"orientation": "h", "x": 0, "xanchor": "left", "y": 1.02, "yanchor": "bottom"},
    }
    layout.update(extra)
    return layout


def embedded_json(value: Any) -> str:
    """JSON that is safe inside a <script> element: no '<', '>' or '&' that HTML would read.

    >>> embedded_json({"t": "</script><b>"})
    '{"t":"\\\\u003c/script\\\\u003e\\\\u003cb\\\\u003e"}'
    """
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def _cell_html(cell: Cell, prefix: str) -> str:
    if isinstance(cell, Link):
        href = cell.href if cell.external else prefix + cell.href
        rel = ' rel="nofollow"' if cell.external else ""
        return f'<a href="{attribute(href)}"{rel}>{attribute(cell.text)}</a>'
    return attribute(str(cell))


def table_html(table: Table, prefix: str) -> str:
    """The data table; the first column heads each row."""
    head = "".join(f'<th scope="col">{attribute(h)}</th>' for h in table.headers)
    body = "".join(
        "<tr>"
        + "".join(
            f'<th scope="row">{_cell_html(c, prefix)}</th>' if i == 0 else f"<td>{_cell_html(c, prefix)}</td>"
            for i, c in enumerate(row)
        )
        + "</tr>"
        for row in table.rows
    )
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def chart_html(chart: Chart, prefix: str) -> str:
    """The chart as a raw HTML block for a Markdown page; `prefix` leads from the page to the site root.

    Links in the figure (customdata) are written relative to the page, like the table's.
    """
    figure = _with_prefix(chart.figure, prefix)
    notes = "".join(f'<p class="chart__note">{note}</p>' for note in chart.notes)
    caption = f"chart-{chart.id}-caption"
    label = attribute(chart.label)
    return (
        f'<figure class="chart" id="chart-{chart.id}">\n'
        f'<figcaption class="chart__caption" id="{caption}">{attribute(chart.caption)}</figcaption>\n'
        f'<div class="chart__plot" data-label="{label}" data-marks="{chart.marks}" '
        f'style="height:{int(chart.figure["layout"].get("height", 360))}px" '
        f"data-figure='{embedded_json(figure)}'>{preview_svg(chart.figure, caption)}</div>\n"
        # Shown by charts.js (visibility, so that nothing moves): without a script it could do nothing.
        f'<p class="chart__actions"><button type="button" class="chart__load">Interactive chart'
        f'<span class="chart__hidden">: {label}</span></button></p>\n'
        f"{notes}"
        f'<details class="chart__data"><summary>Data table: {attribute(chart.label)}</summary>'
        f"{table_html(chart.table, prefix)}</details>\n"
        f'<p class="chart__download"><a href="{prefix}{chart.csv_path}" download>Download the data (CSV)</a></p>\n'
        "</figure>"
    )


def _with_prefix(figure: dict[str, Any], prefix: str) -> dict[str, Any]:
    """Trace customdata holding site-relative links ("articles/x/"), made relative to the page."""
    data = []
    for trace in figure["data"]:
        links = trace.get("meta", {}).get("links")
        if links:
            trace = {**trace, "customdata": [prefix + link if link else None for link in links]}
            trace["meta"] = {k: v for k, v in trace["meta"].items() if k != "links"}
        data.append(trace)
    return {**figure, "data": data}


def chart_csv(table: Table) -> str:
    """The table as CSV; a column of links gets a second column with the page address."""
    linked = [any(isinstance(row[i], Link) for row in table.rows) for i in range(len(table.headers))]
    headers: list[str] = []
    for header, has_links in zip(table.headers, linked, strict=True):
        headers += [header, f"{header} (page)"] if has_links else [header]
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(headers)
    for row in table.rows:
        cells: list[str | int] = []
        for cell, has_links in zip(row, linked, strict=True):
            if has_links:
                cells += [cell.text, cell.href] if isinstance(cell, Link) else [str(cell), ""]
            else:
                cells.append(cell.text if isinstance(cell, Link) else cell)
        writer.writerow(cells)
    return buffer.getvalue()


def chart_files(charts: Sequence[Chart]) -> dict[str, str]:
    """The CSV file of each chart, by path under docs/."""
    return {chart.csv_path: chart_csv(chart.table) for chart in charts}
