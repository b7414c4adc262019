"""All three checkers on one corpus of injected faults (broken links, anchors, images, srcset
entries, CSS urls): the project's checker finds every fault, each at its Markdown (or CSS)
line, and everything LinkChecker or hyperlink finds."""

from __future__ import annotations

from pathlib import Path

import pytest

from bench.peers import available, run_hyperlink, run_linkchecker, run_ours
from bench.synthetic import inject_faults, make_synthetic_site
from tests.helpers.requires import require
from tests.links.fixture import build
from tnsite.config import load_project
from tnsite.links.checks import check_links

pytestmark = pytest.mark.xdist_group("links-peers")  # one build of the corpus per run


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    root = tmp_path_factory.mktemp("faults") / "site-project"
    site = make_synthetic_site(root, 10)
    faults = inject_faults(site)
    project = load_project(root)
    build(project)
    return project, faults


def test_every_injected_fault_is_found_at_its_line(corpus) -> None:  # type: ignore[no-untyped-def]
    project, faults = corpus
    found = {(f.path, f.line, f.rule) for f in check_links(project)}
    expected = {(f.path, f.line, f.rule) for f in faults}
    assert expected <= found, sorted(expected - found)
    assert found == expected, sorted(found - expected)  # and nothing else


def _peer(name: str) -> None:
    require(available()[name], name, "make test")


def test_ours_finds_everything_linkchecker_finds(corpus) -> None:  # type: ignore[no-untyped-def]
    _peer("LinkChecker")
    project, _ = corpus
    ours = run_ours(project.root, project.site_dir)
    peer = run_linkchecker(project.site_dir, anchors=True)
    assert peer.found, peer.stdout[-2000:] + peer.stderr[-2000:]
    assert peer.found <= ours.found, sorted(peer.found - ours.found)


def test_ours_finds_everything_hyperlink_finds(corpus) -> None:  # type: ignore[no-untyped-def]
    _peer("hyperlink")
    project, _ = corpus
    ours = run_ours(project.root, project.site_dir)
    peer = run_hyperlink(project.site_dir, project.site_url)
    assert peer.found, peer.stdout[-2000:] + peer.stderr[-2000:]
    assert peer.found <= ours.found, sorted(peer.found - ours.found)


def test_peers_are_pinned(corpus) -> None:  # type: ignore[no-untyped-def]
    """The benchmark's figures are for these versions."""
    root = Path(__file__).resolve().parents[2]
    assert "linkchecker==10.6.0" in (root / "requirements.in").read_text(encoding="utf-8")
    assert '"hyperlink": "5.0.4"' in (root / "package.json").read_text(encoding="utf-8")
