"""static-i18n's fallback rule, read from static-i18n during the build and compared with the
rule the checks apply to a built site (tnsite.alternates)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.i18n.fixture import make_project, reload
from tnsite.alternates import SourceIndex
from tnsite.build import build_site
from tnsite.stack.i18n import verify_fallback_rule
from tnsite.stack.rewrites import StackChanged
from tnsite.urls import page_url


def test_a_disagreement_names_the_boundary() -> None:
    with pytest.raises(StackChanged, match=r"du-lich/x\.md.*stack/i18n\.py"):
        verify_fallback_rule("km", {"du-lich/x.md": "vi"}, {"du-lich/x.md": None})


@pytest.mark.parametrize("fallback", [True, False])
def test_the_build_agrees_with_static_i18n_with_and_without_fallback(
    tmp_path: Path, fallback: bool
) -> None:
    project = make_project(tmp_path / "src", with_theme=True)
    config = project.root / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    if not fallback:
        text = text.replace("fallback_to_default: true", "fallback_to_default: false")
        assert "fallback_to_default: false" in text
        config.write_text(text, encoding="utf-8")
    dropped = sorted((project.root / "docs" / "km").rglob("*.md"))[-1]
    dropped.unlink()
    project = reload(project.root)
    assert project.fallback_to_default is fallback
    out = build_site(project, tmp_path / "out", strict=False)
    index = SourceIndex(project)
    missing_in_km = sorted(index.files["vi"] - index.files["km"])
    assert missing_in_km, "the fixture has a page without a Khmer file"
    built = (out / "km" / page_url(missing_in_km[0]) / "index.html").is_file()
    assert built is fallback
