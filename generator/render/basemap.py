"""The map of places: country outlines and the places the corpus names, drawn as plain plotly `scatter`.

The map is framed on Syria and its neighbours (FRAME), so that the Syrian places stand apart; the places
beyond the frame (Moscow, Washington, Geneva...) are not drawn, and the Map page lists them with links
under it (`beyond`), so none drops out unseen. No geo bundle and no geometry request: the outlines
(Natural Earth 1:50m, content/map/) are clipped here a little outside the frame (so that the cut edges
fall outside the plot, which hides them) and travel in the figure. Longitude is x, latitude y, with y
stretched by 1/cos(latitude) at the centre, so shapes near the centre look as on an equirectangular map.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import plotly.graph_objects as go

from generator.render.charts import PALETTE, Chart, Link, Table, base_layout, colours, figure_json
from generator.render.text import attribute, count_of

Point = tuple[float, float]
Ring = list[Point]
# What the map shows (west, south, east, north): Syria and its neighbours, Lebanon, Israel, Jordan,
# Iraq's west and Turkey's south.
FRAME = (32.0, 29.0, 45.0, 41.0)
# How far beyond the frame the outlines are clipped: their cut edges are then outside the plot.
CLIP_MARGIN = 0.5
LAND = ("#eceff1", "#2b2f3a")
BORDER = ("#90a4ae", "#5f6b7a")


@dataclass(frozen=True)
class Place:
    """A place the corpus names: where it is, how many articles name it, and its page under the site root."""

    name: str
    lat: float
    lon: float
    articles: int
    href: str


@dataclass(frozen=True)
class Outline:
    """A country's outline: rings of (longitude, latitude)."""

    name: str
    rings: tuple[tuple[Point, ...], ...]


def outlines_from_json(document: dict[str, Any]) -> tuple[Outline, ...]:
    """content/map/countries-50m.json -> outlines (the file's shape: see tools/vendor/basemap.py)."""
    return tuple(
        Outline(c["name"], tuple(tuple((float(x), float(y)) for x, y in ring) for ring in c["rings"]))
        for c in document["countries"]
    )


def in_frame(place: Place, frame: tuple[float, float, float, float] = FRAME) -> bool:
    """Whether the map shows the place: inside the frame, edges included."""
    return frame[0] <= place.lon <= frame[2] and frame[1] <= place.lat <= frame[3]


def beyond(places: Sequence[Place]) -> list[Place]:
    """The places outside the map's frame, most named first: the Map page lists them under the map."""
    return sorted((p for p in places if not in_frame(p)), key=lambda p: (-p.articles, p.name))


def clip(ring: Sequence[Point], box: tuple[float, float, float, float]) -> Ring:
    """The part of a closed ring inside the box (Sutherland-Hodgman, one box edge at a time).

    >>> clip([(0, 0), (4, 0), (4, 4), (0, 4)], (1, 1, 2, 2))
    [(1.0, 2.0), (1.0, 1.0), (2.0, 1.0), (2.0, 2.0)]
    """
    west, south, east, north = (float(b) for b in box)
    # Each edge: the coordinate it bounds (0: x, 1: y), its value, and whether inside is above it.
    edges = ((0, west, True), (0, east, False), (1, south, True), (1, north, False))
    points: Ring = [(float(x), float(y)) for x, y in ring]
    for axis, bound, above in edges:
        if not points:
            break
        result: Ring = []
        for i, current in enumerate(points):
            previous = points[i - 1]
            if _inside(current, axis, bound, above):
                if not _inside(previous, axis, bound, above):
                    result.append(_crossing(previous, current, axis, bound))
                result.append(current)
            elif _inside(previous, axis, bound, above):
                result.append(_crossing(previous, current, axis, bound))
        points = result
    return points


def _inside(point: Point, axis: int, bound: float, above: bool) -> bool:
    return point[axis] >= bound if above else point[axis] <= bound


def _crossing(a: Point, b: Point, axis: int, bound: float) -> Point:
    """Where the segment a-b crosses the line coordinate[axis] = bound."""
    other = 1 - axis
    t = (bound - a[axis]) / (b[axis] - a[axis])
    value = a[other] + (b[other] - a[other]) * t
    return (bound, value) if axis == 0 else (value, bound)


def _outline_xy(outlines: Sequence[Outline], box: tuple[float, float, float, float]) -> tuple[list[Any], list[Any]]:
    """Every ring inside the box as one line, rings parted by None; rounded to about a pixel, repeats dropped."""
    # About a kilometre: finer than a pixel on a map of a few hundred pixels for thirteen degrees.
    digits = 2 if box[2] - box[0] <= 20 else 1
    xs: list[Any] = []
    ys: list[Any] = []
    for outline in outlines:
        for ring in outline.rings:
            lons, lats = [p[0] for p in ring], [p[1] for p in ring]
            if max(lons) < box[0] or min(lons) > box[2] or max(lats) < box[1] or min(lats) > box[3]:
                continue
            kept: Ring = []
            for x, y in clip(ring, box):
                point = (round(x, digits), round(y, digits))
                if not kept or kept[-1] != point:
                    kept.append(point)
            if len(kept) >= 3:
                xs += [p[0] for p in kept] + [kept[0][0], None]
                ys += [p[1] for p in kept] + [kept[0][1], None]
    return xs, ys


def labelled(places: Sequence[Place], box: tuple[float, float, float, float]) -> list[str]:
    """Each place's label on the map, or '' where it would overprint a bigger place's (its name shows on hover
    and in the table): a label needs 8% of the map's width and 5% of its height clear of the labels before it.
    """
    width, height = box[2] - box[0], box[3] - box[1]
    shown: list[Place] = []
    labels = []
    for place in places:
        clear = all(
            abs(place.lon - other.lon) / width >= 0.08 or abs(place.lat - other.lat) / height >= 0.05 for other in shown
        )
        labels.append(attribute(place.name) if clear else "")
        if clear:
            shown.append(place)
    return labels


def places_map(places: Sequence[Place], outlines: Sequence[Outline]) -> Chart | None:
    """The places in the frame on their outlines, each sized by the articles naming it and linking to its page.

    The table lists every place, those beyond the frame too; None when no place is in the frame.
    """
    everywhere = sorted(places, key=lambda p: (-p.articles, p.name))
    ordered = [p for p in everywhere if in_frame(p)]
    if not ordered:
        return None
    box = FRAME
    clipped = (box[0] - CLIP_MARGIN, box[1] - CLIP_MARGIN, box[2] + CLIP_MARGIN, box[3] + CLIP_MARGIN)
    xs, ys = _outline_xy(outlines, clipped)
    largest = max(p.articles for p in ordered)
    land = go.Scatter(
        x=xs,
        y=ys,
        mode="lines",
        fill="toself",
        fillcolor=LAND[0],
        line={"color": BORDER[0], "width": 0.8},
        hoverinfo="skip",
        name="Countries",
        meta=colours({"fillcolor": LAND, "line.color": BORDER}),
    )
    marks = go.Scatter(
        x=[p.lon for p in ordered],
        y=[p.lat for p in ordered],
        mode="markers+text",
        name="Places",
        text=labelled(ordered, box),
        hovertext=[attribute(p.name) for p in ordered],
        textposition="top center",
        marker={
            "size": [p.articles for p in ordered],
            "sizemode": "area",
            "sizeref": 2.0 * largest / 40**2,
            "sizemin": 6,
            "color": PALETTE[1][0],
            "line": {"width": 1, "color": "#ffffff"},
        },
        textfont={"color": "#202124"},
        meta={
            **colours({"marker.color": PALETTE[1], "textfont.color": ("#202124", "#e8eaed")}),
            "links": [p.href for p in ordered],
        },
        hovertemplate="%{hovertext}: named in %{marker.size} articles<extra></extra>",
    )
    middle = math.radians((box[1] + box[3]) / 2)
    axis = {"visible": False, "showgrid": False, "zeroline": False}
    figure = go.Figure(
        data=[land, marks],
        layout=base_layout(
            height=520,
            showlegend=False,
            hovermode="closest",
            margin={"l": 8, "r": 8, "t": 8, "b": 8},
            xaxis={**axis, "range": [box[0], box[2]], "constrain": "domain"},
            yaxis={**axis, "range": [box[1], box[3]], "scaleanchor": "x", "scaleratio": 1 / math.cos(middle)},
        ),
    )
    rows = tuple((Link(p.name, p.href), p.articles, f"{p.lat:.2f}", f"{p.lon:.2f}") for p in everywhere)
    outside = len(everywhere) - len(ordered)
    elsewhere = f"; the {count_of(outside, 'place')} beyond it are listed under the map" if outside else ""
    return Chart(
        id="places-named",
        caption=(
            f"Syria and its neighbours: {count_of(len(ordered), 'place')} the articles name, each circle's area "
            f"proportional to the number of articles naming it{elsewhere}. Select a place to open its page; the "
            "table lists every place, with links."
        ),
        label="Map of the places the articles name",
        figure=figure_json(figure),
        table=Table(("Place", "Articles naming it", "Latitude", "Longitude"), rows),
        marks=len(ordered),
    )
