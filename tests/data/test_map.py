"""The locator map: every gate, zone and destination from the data, labels in the page's
language, a list alternative, and positions that agree with the boundary file."""

from __future__ import annotations

import math

import pytest
from selectolax.lexbor import LexborHTMLParser

from tests.data.helpers import context, render
from tnsite.config import Project
from tnsite.data.geo import load_geo
from tnsite.data.store import load_store


@pytest.mark.parametrize("lang", ["vi", "en", "km"])
def test_map_contains_every_gate_zone_and_destination(project: Project, lang: str) -> None:
    store = load_store(project)
    doc = LexborHTMLParser(render(context(project, store, lang), "{{ map }}"))
    svg = doc.css_first("figure.tn-map svg")
    assert svg.attributes["role"] == "img"
    assert svg.css_first("title").text() and svg.css_first("desc").text()
    drawn = {g.attributes["data-id"] for g in svg.css("g.tn-map__place")}
    for dataset in ("border-gates", "destinations"):
        assert set(store.get(dataset).by_id) <= drawn
    zones = {c.attributes["data-zone"] for c in svg.css("circle.tn-map__zone")}
    assert zones == set(store.get("economic-zones").by_id)
    listed = {li.attributes["data-id"] for li in doc.css("details.tn-map__list li")}
    assert set(store.get("border-gates").by_id) | set(store.get("economic-zones").by_id) <= listed
    labels = [t.text() for t in svg.css("text.tn-map__label--gate")]
    for gate in store.get("border-gates").records:
        assert gate["short"][lang] in labels
    assert "https://" not in svg.html and "<image" not in svg.html  # no tiles, no request


def test_places_beyond_the_frame_become_edge_arrows(project: Project) -> None:
    store = load_store(project)
    doc = LexborHTMLParser(render(context(project, store, "en"), "{{ map }}"))
    beyond = doc.css_first('g.tn-map__place--beyond[data-id="phnom-penh"]')
    assert beyond is not None and "Phnom Penh" in beyond.text()


def _distance_km(a: tuple[float, float], b: tuple[float, float]) -> float:
    kx = math.cos(math.radians(a[1]))
    return math.hypot((a[0] - b[0]) * kx, a[1] - b[1]) * 111.2


def _inside(point: tuple[float, float], ring: list[list[float]]) -> bool:
    x, y = point
    inside = False
    for (x1, y1), (x2, y2) in zip(ring, ring[1:] + ring[:1], strict=True):
        if (y1 > y) != (y2 > y) and x < x1 + (y - y1) * (x2 - x1) / (y2 - y1):
            inside = not inside
    return inside


def test_gates_lie_on_the_border_and_destinations_in_vietnam(project: Project) -> None:
    store = load_store(project)
    geo = load_geo(project.data_dir)
    border = [tuple(p) for line in geo["border"] for p in line]
    for gate in store.get("border-gates").records:
        here = (gate["location"]["lon"], gate["location"]["lat"])
        assert min(_distance_km(here, p) for p in border) < 3, gate["id"]
    for place in store.get("destinations").records:
        here = (place["location"]["lon"], place["location"]["lat"])
        assert any(_inside(here, ring) for ring in geo["vietnam"]), place["id"]
        assert not any(_inside(here, ring) for ring in geo["cambodia"]), place["id"]
