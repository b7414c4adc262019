"""The locator map: an inline SVG of the Vietnam–Cambodia border around the province.

Shapes come from `data/geo/vietnam-cambodia.json`, a small file derived once from Natural
Earth (public domain) by `extract_geo.py`; points come from the datasets' coordinates. The map
uses no tiles and makes no request. It is `role="img"` with a title and a description, and a
`<details>` list after it names every place drawn, with its kind and approximate position, in
the page's language.
"""

from __future__ import annotations

import json
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from tnsite.data.directives import Directive
from tnsite.data.render import RenderContext, block, esc

GEO_FILE = Path("geo") / "vietnam-cambodia.json"
WIDTH = 400
LABEL_OFFSET = {
    "right": (7, 4, "start"),
    "left": (-7, 4, "end"),
    "above": (0, -8, "middle"),
    "below": (0, 15, "middle"),
}


@lru_cache(maxsize=4)
def _read(path: Path, mtime: float) -> dict[str, Any]:
    return json.loads(path.read_text(encoding="utf-8"))


def load_geo(data_dir: Path) -> dict[str, Any] | None:
    path = data_dir / GEO_FILE
    if not path.is_file():
        return None
    return _read(path, path.stat().st_mtime)


@dataclass(frozen=True)
class Projection:
    """Equirectangular, longitudes shrunk by cos(middle latitude): true shapes at this size."""

    west: float
    south: float
    east: float
    north: float

    @property
    def kx(self) -> float:
        return math.cos(math.radians((self.south + self.north) / 2))

    @property
    def scale(self) -> float:
        return WIDTH / ((self.east - self.west) * self.kx)

    @property
    def height(self) -> float:
        return round((self.north - self.south) * self.scale, 1)

    def __call__(self, lon: float, lat: float) -> tuple[float, float]:
        return (lon - self.west) * self.kx * self.scale, (self.north - lat) * self.scale


def _path(
    points_lists: Sequence[Sequence[Sequence[float]]], project: Projection, close: bool
) -> str:
    parts = []
    for points in points_lists:
        coords = [project(lon, lat) for lon, lat in points]
        if len(coords) < 2:
            continue
        head = f"M{coords[0][0]:.1f} {coords[0][1]:.1f}"
        tail = "".join(f"L{x:.1f} {y:.1f}" for x, y in coords[1:])
        parts.append(head + tail + ("Z" if close else ""))
    return "".join(parts)


@dataclass(frozen=True)
class Place:
    kind: str  # gate | destination | city | capital | centre | town
    record: Mapping[str, Any]
    name: str
    label: str


def _places(ctx: RenderContext) -> list[Place]:
    places: list[Place] = []
    for dataset, kind in (
        ("border-gates", "gate"),
        ("destinations", "destination"),
        ("map-places", None),
    ):
        found = ctx.store.get(dataset)
        for record in found.confirmed() if found else []:
            if not isinstance(record.get("location"), Mapping):
                continue
            name = ctx.name(record["name"])
            label = ctx.name(record.get("short")) or name
            places.append(Place(kind or str(record.get("kind", "city")), record, name, label))
    return places


def render_map(ctx: RenderContext, directive: Directive) -> str:
    geo = ctx.geo
    map_id = ctx.new_id("map")
    if geo is None:
        raise ValueError(
            "data/geo/vietnam-cambodia.json is missing: run python -m tnsite.data.extract_geo"
        )
    project = Projection(*geo["bbox"])
    height = project.height
    places = _places(ctx)
    zones_ds = ctx.store.get("economic-zones")
    zones = zones_ds.confirmed() if zones_ds else []
    gates = [p for p in places if p.kind == "gate"]
    destinations = [p for p in places if p.kind == "destination"]
    title = ctx.s("map.title")
    desc = ctx.s(
        "map.desc",
        gates=ctx.fmt.number(len(gates)),
        zones=ctx.fmt.number(len(zones)),
        places=ctx.fmt.number(len(destinations)),
    )
    svg = [
        f'<svg class="tn-map__svg" viewBox="0 0 {WIDTH} {height}" role="img" '
        f'aria-labelledby="{map_id}-title {map_id}-desc" xmlns="http://www.w3.org/2000/svg">',
        f'<title id="{map_id}-title">{esc(title)}</title>',
        f'<desc id="{map_id}-desc">{esc(desc)}</desc>',
        f'<rect class="tn-map__sea" width="{WIDTH}" height="{height}"/>',
        '<path class="tn-map__land tn-map__land--kh" '
        f'd="{_path(geo["cambodia"], project, True)}"/>',
        f'<path class="tn-map__land tn-map__land--vn" d="{_path(geo["vietnam"], project, True)}"/>',
        f'<path class="tn-map__border" d="{_path(geo["border"], project, False)}"/>',
    ]
    for key, lon, lat in (("map.country.kh", 105.65, 11.87), ("map.country.vn", 106.6, 11.6)):
        x, y = project(lon, lat)
        svg.append(
            f'<text class="tn-map__country" x="{x:.1f}" y="{y:.1f}" '
            f'text-anchor="middle">{esc(ctx.s(key))}</text>'
        )
    gate_xy = {
        p.record["id"]: project(p.record["location"]["lon"], p.record["location"]["lat"])
        for p in gates
    }
    for zone in zones:
        for gate_id in zone.get("gates") or []:
            if gate_id in gate_xy:
                x, y = gate_xy[gate_id]
                svg.append(
                    f'<circle class="tn-map__zone" data-zone="{esc(zone["id"])}" '
                    f'cx="{x:.1f}" cy="{y:.1f}" r="13"/>'
                )
    for place in places:
        svg.append(
            _marker(place, project) if _inside(place, project) else _edge_arrow(place, project)
        )
    svg.append("</svg>")
    legend = _legend(ctx)
    listing = _listing(ctx, places, zones)
    # The list of places follows the figure: HTML lets a figcaption be only the first or the
    # last child of its figure.
    return block(
        f'<div class="tn-map-block" id="{map_id}"><figure class="tn-map">{"".join(svg)}'
        f"<figcaption><strong>{esc(title)}</strong>{legend}"
        f'<span class="tn-map__attribution">{esc(ctx.s("map.attribution"))}</span></figcaption>'
        f"</figure>{listing}</div>"
    )


def _marker(place: Place, project: Projection) -> str:
    location = place.record["location"]
    x, y = project(location["lon"], location["lat"])
    side = location.get("label_side", "right")
    dx, dy, anchor = LABEL_OFFSET[side]
    if place.kind == "gate":
        shape = (
            f'<rect class="tn-map__gate" x="{x - 4.5:.1f}" y="{y - 4.5:.1f}" '
            f'width="9" height="9" transform="rotate(45 {x:.1f} {y:.1f})"/>'
        )
    elif place.kind == "destination":
        shape = f'<circle class="tn-map__destination" cx="{x:.1f}" cy="{y:.1f}" r="4.5"/>'
    else:
        shape = (
            f'<circle class="tn-map__city tn-map__city--{place.kind}" '
            f'cx="{x:.1f}" cy="{y:.1f}" r="3.5"/>'
        )
    label = (
        f'<text class="tn-map__label tn-map__label--{place.kind}" '
        f'x="{x + dx:.1f}" y="{y + dy:.1f}" '
        f'text-anchor="{anchor}">{esc(place.label)}</text>'
    )
    return (
        f'<g class="tn-map__place" data-kind="{place.kind}" '
        f'data-id="{esc(place.record["id"])}">{shape}{label}</g>'
    )


def _inside(place: Place, project: Projection) -> bool:
    location = place.record["location"]
    return (
        project.west <= location["lon"] <= project.east
        and project.south <= location["lat"] <= project.north
    )


def _edge_arrow(place: Place, project: Projection) -> str:
    """A place beyond the frame: an arrow on the edge, pointing towards it, with its name."""
    location = place.record["location"]
    lon = min(max(location["lon"], project.west), project.east)
    lat = min(max(location["lat"], project.south), project.north)
    x, y = project(lon, lat)
    height = project.height
    if location["lon"] < project.west:
        arrow, text = f"M2 {y:.1f}l9 -6v12z", f'x="14" y="{y + 4:.1f}" text-anchor="start"'
    elif location["lon"] > project.east:
        arrow = f"M{WIDTH - 2} {y:.1f}l-9 -6v12z"
        text = f'x="{WIDTH - 14}" y="{y + 4:.1f}" text-anchor="end"'
    elif location["lat"] > project.north:
        arrow, text = f"M{x:.1f} 2l-6 9h12z", f'x="{x:.1f}" y="24" text-anchor="middle"'
    else:
        arrow = f"M{x:.1f} {height - 2:.1f}l-6 -9h12z"
        text = f'x="{x:.1f}" y="{height - 14:.1f}" text-anchor="middle"'
    return (
        f'<g class="tn-map__place tn-map__place--beyond" data-kind="{place.kind}" '
        f'data-id="{esc(place.record["id"])}"><path class="tn-map__arrow" d="{arrow}"/>'
        f'<text class="tn-map__label tn-map__label--{place.kind}" '
        f"{text}>{esc(place.label)}</text></g>"
    )


def _legend(ctx: RenderContext) -> str:
    items = [
        ("gate", ctx.s("map.legend.gate")),
        ("zone", ctx.s("map.legend.zone")),
        ("destination", ctx.s("map.legend.destination")),
        ("city", ctx.s("map.legend.city")),
        ("border", ctx.s("map.legend.border")),
    ]
    return (
        '<ul class="tn-map__legend">'
        + "".join(
            f'<li><span class="tn-map__key tn-map__key--{k}" '
            f'aria-hidden="true"></span>{esc(t)}</li>'
            for k, t in items
        )
        + "</ul>"
    )


def _coords(ctx: RenderContext, location: Mapping[str, Any]) -> str:
    lat = ctx.fmt.number(round(location["lat"], 2))
    lon = ctx.fmt.number(round(location["lon"], 2))
    return f"{lat}° N, {lon}° E"


def _listing(
    ctx: RenderContext, places: Sequence[Place], zones: Sequence[Mapping[str, Any]]
) -> str:
    groups: dict[str, list[str]] = {"gate": [], "zone": [], "destination": [], "city": []}
    for place in places:
        extra = ""
        if place.kind == "gate" and place.record.get("counterpart"):
            extra = " — " + ctx.s("map.counterpart", name=ctx.name(place.record["counterpart"]))
        coords = _coords(ctx, place.record["location"])
        text = f"{esc(place.name)}{esc(extra)} ({esc(coords)}, {esc(ctx.s('map.approximate'))})"
        group = place.kind if place.kind in groups else "city"
        groups[group].append(f'<li data-id="{esc(place.record["id"])}">{text}</li>')
    for zone in zones:
        names = [
            ctx.name((ctx.store.record("border-gates", g) or {}).get("short"))
            for g in zone.get("gates") or []
        ]
        text = (
            ctx.name(zone["name"])
            + " — "
            + ctx.s("map.zone_of", gates=", ".join(n for n in names if n))
        )
        groups["zone"].append(f'<li data-id="{esc(zone["id"])}">{esc(text)}</li>')
    sections = "".join(
        f'<p class="tn-map__group">{esc(ctx.s(f"map.legend.{key}"))}</p><ul>{"".join(items)}</ul>'
        for key, items in groups.items()
        if items
    )
    summary = esc(ctx.s("map.list"))
    return f'<details class="tn-map__list"><summary>{summary}</summary>{sections}</details>'
