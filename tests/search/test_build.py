"""The fixture site built with the search plugin: one index per language, every page wired,
and a build that stops when Material's search cannot be connected."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from mkdocs.exceptions import Abort

from tests.search.fixture import make_site
from tnsite.search import wiring
from tnsite.stack.material import CONFIG_SCRIPT


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_site(tmp_path_factory.mktemp("search") / "proj")


def index(site: Path, prefix: str) -> dict:
    return json.loads((site / prefix / "search" / "search_index.json").read_text("utf-8"))


def locations(site: Path, prefix: str) -> set[str]:
    return {doc["location"].split("#")[0] for doc in index(site, prefix)["docs"]}


def test_each_language_has_its_own_index_with_only_its_pages(site: Path) -> None:
    assert locations(site, "") == {
        "",
        "hoa-binh/",
        "hoa-sen/",
        "toa-do/",
        "thuy-loi/",
        "du-lich/toa-thanh/",
        "bien-gioi/",
    }
    assert locations(site, "en") == {"", "parks/", "mountain/"}
    # Khmer: its own pages only, not the Vietnamese pages built by fallback under /km/
    assert locations(site, "km") == {"", "gates/", "park/"}
    assert (site / "km" / "hoa-sen" / "index.html").is_file()


def test_indexes_carry_their_language_rules(site: Path) -> None:
    assert index(site, "en")["config"]["tnsite"] == {"language": "en", "stem": True}
    km = index(site, "km")
    assert km["config"]["tnsite"] == {"language": "km", "stem": False}
    assert "\\u200b" in km["config"]["separator"]
    gates = next(d for d in km["docs"] if d["location"] == "gates/")
    assert "ខេត្ត\u200bតៃនិញ\u200bមាន" in gates["text"]


def test_indexes_are_utf8_not_escaped(site: Path) -> None:
    raw = (site / "km" / "search" / "search_index.json").read_text("utf-8")
    assert "ច្រកទ្វារ" in raw.replace("\u200b", "")
    assert "\\u17" not in raw.split('"docs"')[1]


def test_every_page_uses_its_language_index_and_the_sites_worker(site: Path) -> None:
    workers = sorted((site / wiring.WORKERS_DIR).glob("tnsite-search.*.js"))
    assert len(workers) == 1
    for rel, base in [
        ("index.html", "."),
        ("hoa-sen/index.html", ".."),
        ("en/parks/index.html", "../../en/"),
        ("km/gates/index.html", "../../km/"),
        ("km/hoa-sen/index.html", "../../km/"),
    ]:
        html = (site / rel).read_text("utf-8")
        match = CONFIG_SCRIPT.search(html)
        assert match is not None, rel
        config = json.loads(match.group(2))
        assert config["base"] == base, rel
        assert config["search"].endswith(workers[0].name), rel


def test_build_stops_when_the_page_configuration_names_another_worker(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """A theme override (or a Material upgrade) that changes the worker must not ship a site
    whose search silently falls back to the stock one."""
    override = {
        "overrides/main.html": """\
            {% extends "base.html" %}
            {% block config %}
              <script id="__config" type="application/json">{"base": "{{ base_url }}",
              "features": [], "search": "assets/javascripts/workers/search.00000000.min.js",
              "translations": {}}</script>
            {% endblock %}
            """,
    }
    with pytest.raises(Abort):
        make_site(tmp_path / "proj", extra=override)
    assert "expected Material's search" in caplog.text
