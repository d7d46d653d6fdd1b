"""Convert Natural Earth's 1:110m country outlines (TopoJSON from the ``world-atlas`` npm
package) into the world map the web app draws under its map marks.

Natural Earth (https://www.naturalearthdata.com/) is in the public domain; ``world-atlas``
2.0.2 (ISC licence, Michael Bostock) ships it as TopoJSON. The output is a static SVG in the
plate carrée projection that every page map shares: x = longitude + 180, y = 90 - latitude,
so a mark is placed with the same two sums (:func:`parley.web.charts.project`). Coordinates
are rounded to a tenth of a degree, which is finer than the 1:110m outlines themselves.

Usage::

    python -m parley.convert.world tests/browser/node_modules/world-atlas/countries-110m.json \\
        parley/web/static/world-110m.svg

The same input gives byte-identical output.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

WIDTH, HEIGHT = 360, 180
SOURCE = "Natural Earth 1:110m Admin 0 countries (public domain), via world-atlas 2.0.2 (ISC)"


class TopologyError(ValueError):
    """The input is not a TopoJSON topology with a ``countries`` object."""


def decode_arcs(topology: dict) -> list[list[tuple[float, float]]]:
    """Return every arc of a quantized TopoJSON ``topology`` as (longitude, latitude) points.

    :raises TopologyError: the topology has no quantization transform.
    """
    transform = topology.get("transform")
    if not transform:
        raise TopologyError("the topology is not quantized (no 'transform')")
    (sx, sy), (tx, ty) = transform["scale"], transform["translate"]
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append((x * sx + tx, y * sy + ty))
        arcs.append(points)
    return arcs


def _ring(indexes: list[int], arcs: list[list[tuple[float, float]]]) -> list[tuple[float, float]]:
    points: list[tuple[float, float]] = []
    for index in indexes:
        arc = arcs[index] if index >= 0 else arcs[~index][::-1]
        points.extend(arc if not points else arc[1:])
    return points


def _path(rings: list[list[tuple[float, float]]]) -> str:
    parts = []
    for ring in rings:
        coords: list[tuple[float, float]] = []
        for lon, lat in ring:
            point = (round(lon + 180, 1), round(90 - lat, 1))
            if not coords or coords[-1] != point:
                coords.append(point)
        if len(coords) < 3:
            continue        # a ring that rounds to a point or a line draws nothing
        parts.append("M" + "L".join(f"{x:g} {y:g}" for x, y in coords) + "Z")
    return "".join(parts)


def world_svg(topology: dict) -> str:
    """Return the SVG text of the country outlines in ``topology`` (one ``path`` per country).

    :raises TopologyError: there is no ``countries`` geometry collection.
    """
    countries = (topology.get("objects") or {}).get("countries")
    if not countries or countries.get("type") != "GeometryCollection":
        raise TopologyError("the topology has no 'countries' geometry collection")
    arcs = decode_arcs(topology)
    paths = []
    for geometry in sorted(countries["geometries"], key=lambda g: (str(g.get("id")), g["properties"]["name"])):
        polygons = geometry["arcs"] if geometry["type"] == "MultiPolygon" else [geometry["arcs"]]
        d = _path([_ring(ring, arcs) for polygon in polygons for ring in polygon])
        if d:
            name = geometry["properties"]["name"].replace("&", "&amp;").replace("<", "&lt;").replace('"', "&quot;")
            paths.append(f'<path data-iso="{geometry.get("id") or ""}" data-name="{name}" d="{d}"/>')
    return (f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {HEIGHT}" '
            f'width="{WIDTH * 4}" height="{HEIGHT * 4}">\n<!-- {SOURCE}; converted by parley.convert.world -->\n'
            f'<rect width="{WIDTH}" height="{HEIGHT}" fill="#eef4f8"/>\n'
            '<g fill="#d9d6cc" stroke="#ffffff" stroke-width="0.15" stroke-linejoin="round">\n'
            + "\n".join(paths) + "\n</g>\n</svg>\n")


def convert(source: Path, target: Path) -> int:
    """Write the world map of the TopoJSON file ``source`` to ``target``; return its country count.

    :raises TopologyError: with the file name, when ``source`` is not such a topology.
    """
    try:
        topology = json.loads(Path(source).read_text(encoding="utf-8"))
        svg = world_svg(topology)
    except (json.JSONDecodeError, TopologyError, KeyError, TypeError) as error:
        raise TopologyError(f"{source}: {error}") from error
    Path(target).write_text(svg, encoding="utf-8")
    return svg.count("<path ")


def main(argv: list[str] | None = None) -> None:
    """Command line: ``python -m parley.convert.world SOURCE.json TARGET.svg``."""
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 2:
        sys.exit("usage: python -m parley.convert.world countries-110m.json world-110m.svg")
    try:
        print(f"{args[1]}: {convert(Path(args[0]), Path(args[1]))} countries")
    except (OSError, TopologyError) as error:
        sys.exit(str(error))


if __name__ == "__main__":
    main()
