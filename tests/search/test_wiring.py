"""Connecting Material's search to the per-language indexes: each page's configuration is
rewritten and checked, and the build fails loudly when Material's markup or worker changes."""

from __future__ import annotations

import json
import re
from importlib.metadata import version
from pathlib import Path

import pytest

from tests.conftest import ROOT
from tnsite.search import wiring
from tnsite.stack.material import (
    CONFIG_SCRIPT,
    WORKERS_DIR,
    check_material_worker,
    find_material_worker,
)
from tnsite.stack.rewrites import StackChanged

MATERIAL = "search.a7633da7.min.js"
WORKER = "tnsite-search.0123abcd.js"


def page_html(base: str, search: str) -> str:
    config = {"base": base, "features": [], "search": search, "translations": {"a": "<b>"}}
    return (
        "<html><body><p>x</p>"
        f'<script id="__config" type="application/json">{json.dumps(config)}</script>'
        '<script src="bundle.js"></script></body></html>'
    )


def config_of(html: str) -> dict:
    match = CONFIG_SCRIPT.search(html)
    assert match is not None
    return json.loads(match.group(2))


def test_pages_of_a_language_point_at_its_root_and_the_sites_worker() -> None:
    html = page_html("../..", f"../../assets/javascripts/workers/{MATERIAL}")
    out = wiring.rewire(html, url_prefix="km/", material_name=MATERIAL, worker_name=WORKER)
    config = config_of(out)
    assert config["base"] == "../../km/"
    assert config["search"] == f"../../assets/javascripts/workers/{WORKER}"
    assert "\\u003cb\\u003e" in out  # still safe inside <script>
    assert out.endswith('<script src="bundle.js"></script></body></html>')


def test_default_language_and_absolute_bases() -> None:
    html = page_html(".", f"assets/javascripts/workers/{MATERIAL}")
    out = wiring.rewire(html, url_prefix="", material_name=MATERIAL, worker_name=WORKER)
    assert config_of(out)["base"] == "."
    html = page_html("/", f"/assets/javascripts/workers/{MATERIAL}")
    out = wiring.rewire(html, url_prefix="en/", material_name=MATERIAL, worker_name=WORKER)
    assert config_of(out)["base"] == "/en/"


def test_changed_configuration_markup_fails_loudly() -> None:
    html = page_html(".", MATERIAL).replace('type="application/json"', 'type="text/json"')
    with pytest.raises(StackChanged, match="configuration markup changed"):
        wiring.rewire(html, url_prefix="", material_name=MATERIAL, worker_name=WORKER)


def test_a_different_worker_fails_loudly() -> None:
    html = page_html(".", "assets/javascripts/workers/search.ffffffff.min.js")
    with pytest.raises(StackChanged, match="expected Material's"):
        wiring.rewire(html, url_prefix="", material_name=MATERIAL, worker_name=WORKER)


def test_html_without_material_configuration_is_left_alone() -> None:
    html = "<html><body>redirect</body></html>"
    assert wiring.rewire(html, url_prefix="", material_name=MATERIAL, worker_name=WORKER) == html


def test_installed_material_worker_has_the_shape_the_site_worker_relies_on() -> None:
    from mkdocs.theme import Theme

    theme = Theme(name="material")
    worker = find_material_worker(theme.dirs)
    assert worker.name == MATERIAL
    source = wiring.worker_source(worker)
    assert "importScripts(MATERIAL_WORKER)" in source and f'"{MATERIAL}"' in source
    assert worker.messages == {"SETUP": 0, "READY": 1, "QUERY": 2, "RESULT": 3}
    assert "var SETUP = 0" in source and "var RESULT = 3" in source and "@MESSAGE_" not in source
    assert "tnsiteSearchRules" in source
    assert re.fullmatch(r"tnsite-search\.[0-9a-f]{8}\.js", wiring.worker_filename(source))


def test_a_changed_material_worker_fails_loudly(tmp_path: Path) -> None:
    with pytest.raises(StackChanged, match="no longer contains"):
        check_material_worker("addEventListener('message', f)", MATERIAL)
    from mkdocs.theme import Theme

    stock = find_material_worker(Theme(name="material").dirs).path.read_text("utf-8")
    renumbered = stock.replace("{type:3,data:", "{type:4,data:")
    with pytest.raises(StackChanged, match=r"message RESULT = 3.*stack/material\.py"):
        check_material_worker(renumbered, MATERIAL)
    workers = tmp_path / WORKERS_DIR
    workers.mkdir(parents=True)
    (workers / "search.11111111.min.js").write_text("x")
    (workers / "search.22222222.min.js").write_text("y")
    with pytest.raises(StackChanged, match="found 2"):
        find_material_worker([str(tmp_path)])


def test_site_check_finds_a_page_left_on_the_stock_search(tmp_path: Path) -> None:
    (tmp_path / WORKERS_DIR).mkdir(parents=True)
    (tmp_path / WORKERS_DIR / WORKER).write_text("//")
    index = tmp_path / "search" / "search_index.json"
    index.parent.mkdir()
    index.write_text("{}")
    (tmp_path / "a.html").write_text(page_html(".", f"assets/javascripts/workers/{WORKER}"))
    assert wiring.verify_site(tmp_path, WORKER, [index]) == 1
    (tmp_path / "b.html").write_text(page_html(".", f"assets/javascripts/workers/{MATERIAL}"))
    with pytest.raises(StackChanged, match=r"b\.html still uses"):
        wiring.verify_site(tmp_path, WORKER, [index])
    with pytest.raises(StackChanged, match="was not written"):
        wiring.verify_site(tmp_path, WORKER, [tmp_path / "km" / "search" / "search_index.json"])


def test_material_stays_pinned_to_the_version_the_worker_was_checked_with() -> None:
    pins = (ROOT / "requirements.in").read_text(encoding="utf-8")
    assert re.search(r"^mkdocs-material==9\.8\.2$", pins, re.M)
    assert version("mkdocs-material") == "9.8.2"
