from pathlib import Path

import pytest
from mkdocs.exceptions import PluginError

from tnsite.theme.bundle import ALTERNATE_PREFETCH, NO_PREFETCH, neutralise_bundle

STOCK = (
    'a=_t("https://unpkg.com/resize-observer-polyfill");b=_t("https://unpkg.com/mermaid@11/x.js");'
    f"e.pipe(b(()=>{ALTERNATE_PREFETCH}))"
)


def bundle(tmp_path: Path, text: str) -> Path:
    folder = tmp_path / "assets" / "javascripts"
    folder.mkdir(parents=True)
    (folder / "bundle.abc.min.js").write_text(text)
    return folder / "bundle.abc.min.js"


def test_loaders_and_sitemap_prefetch_are_rewritten_once(tmp_path: Path) -> None:
    path = bundle(tmp_path, STOCK)
    assert neutralise_bundle(tmp_path) == 2
    text = path.read_text()
    assert "unpkg.com" not in text and NO_PREFETCH in text
    neutralise_bundle(tmp_path)  # a second pass over the same output is a no-op
    assert path.read_text() == text


def test_a_changed_bundle_fails_the_build(tmp_path: Path) -> None:
    bundle(tmp_path, STOCK.replace(ALTERNATE_PREFETCH, 'M("link")'))
    with pytest.raises(PluginError, match="bundle changed"):
        neutralise_bundle(tmp_path)


def test_the_built_bundle_has_no_third_party_loader(built_site: Path) -> None:
    (path,) = (built_site / "assets" / "javascripts").glob("bundle.*.min.js")
    text = path.read_text(encoding="utf-8")
    assert "unpkg.com" not in text and NO_PREFETCH in text
