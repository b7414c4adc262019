"""Extract the small boundary file the locator map is drawn from (run once, by hand).

The build never downloads anything, so the map's shapes live in the repository as a small
derived file, `data/geo/vietnam-cambodia.json`. This script makes it from the Natural Earth
1:10m countries (public domain) as packaged in the npm registry's `world-atlas` (TopoJSON):

    python -m tnsite.data.extract_geo                       # runs `npm pack world-atlas@2.0.2`
    python -m tnsite.data.extract_geo --topojson countries-10m.json

It keeps Vietnam and Cambodia clipped to the map's frame, the land border they share (the
TopoJSON arcs both countries use), simplified to about 200 m, with coordinates rounded to
0.001°. Re-running it with the same package version gives the same file.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import tarfile
import tempfile
from collections.abc import Iterable, Sequence
from pathlib import Path

from tnsite.config import load_project

PACKAGE = "world-atlas@2.0.2"
MEMBER = "package/countries-10m.json"
COUNTRIES = {"vietnam": "704", "cambodia": "116"}  # ISO 3166-1 numeric ids
# The province's neighbourhood, from the Cambodian side of the border to Ho Chi Minh City.
BBOX = (105.35, 10.3, 106.95, 11.95)
TOLERANCE = 0.002  # degrees, about 200 m
DIGITS = 3

Point = tuple[float, float]


def fetch_topojson(workdir: Path) -> Path:
    """`npm pack` the pinned package into workdir and unpack its 1:10m countries file."""
    subprocess.run(
        ["npm", "pack", PACKAGE, "--silent", "--pack-destination", str(workdir)], check=True
    )
    tarball = next(workdir.glob("world-atlas-*.tgz"))
    with tarfile.open(tarball) as archive:
        archive.extract(MEMBER, workdir, filter="data")
    return workdir / MEMBER


def decode_arcs(topology: dict) -> list[list[Point]]:
    """TopoJSON arcs are delta-encoded integers; undo the quantisation transform."""
    (sx, sy), (tx, ty) = topology["transform"]["scale"], topology["transform"]["translate"]
    arcs: list[list[Point]] = []
    for arc in topology["arcs"]:
        x = y = 0
        points: list[Point] = []
        for dx, dy in arc:
            x += dx
            y += dy
            points.append((x * sx + tx, y * sy + ty))
        arcs.append(points)
    return arcs


def arc_points(arcs: list[list[Point]], index: int) -> list[Point]:
    return arcs[index] if index >= 0 else list(reversed(arcs[~index]))


def ring(arcs: list[list[Point]], indexes: Iterable[int]) -> list[Point]:
    out: list[Point] = []
    for index in indexes:
        points = arc_points(arcs, index)
        out.extend(points if not out else points[1:])
    return out


def polygons(geometry: dict) -> list[list[list[int]]]:
    if geometry["type"] == "Polygon":
        return [geometry["arcs"]]
    if geometry["type"] == "MultiPolygon":
        return list(geometry["arcs"])
    return []


def clip_ring(points: Sequence[Point], bbox: tuple[float, float, float, float]) -> list[Point]:
    """Sutherland–Hodgman against the frame (convex), enough for filled shapes."""
    west, south, east, north = bbox
    edges = [
        (lambda p: p[0] >= west, lambda a, b: _at_x(a, b, west)),
        (lambda p: p[0] <= east, lambda a, b: _at_x(a, b, east)),
        (lambda p: p[1] >= south, lambda a, b: _at_y(a, b, south)),
        (lambda p: p[1] <= north, lambda a, b: _at_y(a, b, north)),
    ]
    out = list(points)
    for inside, cross in edges:
        if not out:
            break
        source, out = out, []
        prev = source[-1]
        for point in source:
            if inside(point):
                if not inside(prev):
                    out.append(cross(prev, point))
                out.append(point)
            elif inside(prev):
                out.append(cross(prev, point))
            prev = point
    return out


def _at_x(a: Point, b: Point, x: float) -> Point:
    t = (x - a[0]) / (b[0] - a[0])
    return (x, a[1] + t * (b[1] - a[1]))


def _at_y(a: Point, b: Point, y: float) -> Point:
    t = (y - a[1]) / (b[1] - a[1])
    return (a[0] + t * (b[0] - a[0]), y)


def clip_line(
    points: Sequence[Point], bbox: tuple[float, float, float, float]
) -> list[list[Point]]:
    """Split a polyline into the runs that lie inside the frame (vertex test is enough here:
    the frame is far wider than the distance between two vertices)."""
    west, south, east, north = bbox
    runs: list[list[Point]] = []
    current: list[Point] = []
    for x, y in points:
        if west <= x <= east and south <= y <= north:
            current.append((x, y))
        elif current:
            runs.append(current)
            current = []
    if current:
        runs.append(current)
    return [run for run in runs if len(run) > 1]


def simplify(points: Sequence[Point], tolerance: float) -> list[Point]:
    """Douglas–Peucker, iterative; a closed ring is split at its farthest vertex first."""
    if len(points) < 3:
        return list(points)
    if points[0] == points[-1]:
        x0, y0 = points[0]
        far = max(
            range(len(points)), key=lambda i: (points[i][0] - x0) ** 2 + (points[i][1] - y0) ** 2
        )
        head = simplify(points[: far + 1], tolerance)
        return head + simplify(points[far:], tolerance)[1:]
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    while stack:
        first, last = stack.pop()
        ax, ay = points[first]
        bx, by = points[last]
        length = ((bx - ax) ** 2 + (by - ay) ** 2) ** 0.5 or 1e-12
        worst, index = 0.0, -1
        for i in range(first + 1, last):
            px, py = points[i]
            distance = abs((bx - ax) * (ay - py) - (ax - px) * (by - ay)) / length
            if distance > worst:
                worst, index = distance, i
        if worst > tolerance and index > 0:
            keep[index] = True
            stack += [(first, index), (index, last)]
    return [p for p, k in zip(points, keep, strict=True) if k]


def rounded(points: Iterable[Point]) -> list[list[float]]:
    out: list[list[float]] = []
    for x, y in points:
        point = [round(x, DIGITS), round(y, DIGITS)]
        if not out or out[-1] != point:
            out.append(point)
    return out


def extract(topology: dict, bbox: tuple[float, float, float, float] = BBOX) -> dict:
    arcs = decode_arcs(topology)
    geometries = {g.get("id"): g for g in topology["objects"]["countries"]["geometries"]}
    result: dict = {
        "bbox": list(bbox),
        "source": (
            "Natural Earth 1:10m Admin 0 countries (public domain), via the npm package "
            f"{PACKAGE} (ISC); clipped and simplified by tnsite.data.extract_geo"
        ),
    }
    used: dict[str, set[int]] = {}
    for name, code in COUNTRIES.items():
        geometry = geometries[code]
        shapes = []
        used[name] = set()
        for polygon in polygons(geometry):
            for indexes in polygon:
                used[name].update(i if i >= 0 else ~i for i in indexes)
                clipped = clip_ring(simplify(ring(arcs, indexes), TOLERANCE), bbox)
                if len(clipped) >= 3:
                    shapes.append(rounded(clipped))
        result[name] = shapes
    shared = sorted(used["vietnam"] & used["cambodia"])
    result["border"] = [
        rounded(run)
        for index in shared
        for run in clip_line(simplify(arcs[index], TOLERANCE), bbox)
    ]
    return result


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--topojson", type=Path, help="countries-10m.json of world-atlas")
    parser.add_argument("--out", type=Path, help="default: data/geo/vietnam-cambodia.json")
    args = parser.parse_args(argv)
    out = args.out or load_project().data_dir / "geo" / "vietnam-cambodia.json"
    with tempfile.TemporaryDirectory() as tmp:
        source = args.topojson or fetch_topojson(Path(tmp))
        topology = json.loads(source.read_text(encoding="utf-8"))
    data = extract(topology)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(data, separators=(",", ":")) + "\n", encoding="utf-8")
    points = sum(len(r) for key in ("vietnam", "cambodia", "border") for r in data[key])
    print(f"{out}: {points} points, {out.stat().st_size} bytes")


if __name__ == "__main__":
    main()
