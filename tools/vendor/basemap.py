"""world-atlas's Natural Earth 1:50m country outlines (TopoJSON) -> content/map/countries-50m.json.

The map draws these outlines as plain lines and fills (plotly's `scatter`), so the site needs no geo
bundle and fetches no geometry. Coordinates are rounded to 0.01 degree (about 1 km), finer than a
pixel at the extents the map shows. Run from this folder after `npm ci`: python3 basemap.py
"""

from __future__ import annotations

import json
from pathlib import Path

SOURCE = Path("node_modules/world-atlas/countries-50m.json")
TARGET = Path("../../content/map/countries-50m.json")
DIGITS = 2


def decode_arcs(topology: dict) -> list[list[tuple[float, float]]]:
    """The topology's arcs as absolute longitude/latitude points (delta-decoded, de-quantized)."""
    (sx, sy), (tx, ty) = topology["transform"]["scale"], topology["transform"]["translate"]
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append((x * sx + tx, y * sy + ty))
        arcs.append(points)
    return arcs


def ring(indexes: list[int], arcs: list[list[tuple[float, float]]]) -> list[list[float]]:
    """One closed ring from arc indexes (a negative index ~i is arc i reversed), rounded, repeats dropped."""
    points: list[tuple[float, float]] = []
    for index in indexes:
        arc = arcs[index] if index >= 0 else arcs[~index][::-1]
        points.extend(arc if not points else arc[1:])
    rounded: list[list[float]] = []
    for lon, lat in points:
        point = [round(lon, DIGITS), round(lat, DIGITS)]
        if not rounded or rounded[-1] != point:
            rounded.append(point)
    return rounded


def main() -> None:
    topology = json.loads(SOURCE.read_text(encoding="utf-8"))
    arcs = decode_arcs(topology)
    countries = []
    for geometry in topology["objects"]["countries"]["geometries"]:
        if geometry["type"] == "Polygon":
            polygons = [geometry["arcs"]]
        elif geometry["type"] == "MultiPolygon":
            polygons = geometry["arcs"]
        else:
            continue
        rings = [r for polygon in polygons for r in (ring(i, arcs) for i in polygon) if len(r) >= 4]
        countries.append({"name": geometry["properties"]["name"], "rings": rings})
    countries.sort(key=lambda c: c["name"])
    document = {
        "source": "Natural Earth 1:50m Admin 0 countries (public domain), via world-atlas 2.0.2 (ISC)",
        "countries": countries,
    }
    TARGET.parent.mkdir(parents=True, exist_ok=True)
    TARGET.write_text(json.dumps(document, separators=(",", ":")) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
