"""The version gate: an untested MkDocs, Material or static-i18n stops the build with a message
naming the boundary file."""

from __future__ import annotations

import pytest
from mkdocs.exceptions import Abort

from tnsite.stack import versions


def test_the_installed_stack_is_the_tested_one() -> None:
    assert versions.untested() == []


def test_an_untested_static_i18n_stops_the_build(monkeypatch: pytest.MonkeyPatch, tmp_path) -> None:
    real = versions.installed
    monkeypatch.setattr(
        versions,
        "installed",
        lambda name: "1.3.2" if name == "mkdocs-static-i18n" else real(name),
    )
    versions.require_tested_stack.cache_clear()
    try:
        with pytest.raises(Abort, match=r"mkdocs-static-i18n 1\.3\.2 \(tested: 1\.3\.1\)") as err:
            versions.require_tested_stack()
        assert "scripts/tnsite/stack/versions.py" in str(err.value)
    finally:
        versions.require_tested_stack.cache_clear()


def test_a_build_on_an_untested_material_stops_before_writing(
    monkeypatch: pytest.MonkeyPatch, tmp_path
) -> None:
    from tests.i18n.fixture import make_project
    from tnsite.build import build_site

    project = make_project(tmp_path / "site-src", with_theme=True)
    real = versions.installed
    monkeypatch.setattr(
        versions,
        "installed",
        lambda name: "9.9.0" if name == "mkdocs-material" else real(name),
    )
    versions.require_tested_stack.cache_clear()
    try:
        with pytest.raises(Abort, match=r"stack/versions\.py"):
            build_site(project, tmp_path / "out")
    finally:
        versions.require_tested_stack.cache_clear()
    assert not (tmp_path / "out").exists()
