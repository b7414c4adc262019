import re
from pathlib import Path

import pytest
from mkdocs.exceptions import PluginError

from tnsite.stack.bundle import REWRITES, neutralise_bundle

# The fragments of Material's bundle the rewrites rely on, as the pinned version ships them.
STOCK = (
    'a=_t("https://unpkg.com/resize-observer-polyfill");b=_t("https://unpkg.com/mermaid@11/x.js");'
    'e.pipe(b(()=>M("link[rel=alternate]")));'
    'function Ei(e,t){let r=Mn(e);return L($(location.protocol!=="file:"),Je("search"))}'
    "function Mn(e,t=new Worker(e)){let r=Wa(t)}"
    "function Ai(e,{index$:t,location$:r}){return "
    'z([t,r.pipe(Q(we()),g(o=>!!o.searchParams.get("h")))])}'
)


def bundle(tmp_path: Path, text: str) -> Path:
    folder = tmp_path / "assets" / "javascripts"
    folder.mkdir(parents=True)
    (folder / "bundle.abc.min.js").write_text(text)
    return folder / "bundle.abc.min.js"


def test_every_rewrite_is_made_once_and_a_second_pass_changes_nothing(tmp_path: Path) -> None:
    path = bundle(tmp_path, STOCK)
    assert neutralise_bundle(tmp_path) == sum(r.count for r in REWRITES)
    text = path.read_text()
    assert "unpkg.com" not in text and "new Worker(e))" not in text
    assert 'protocol!=="file:"' not in text and "z([t," not in text
    assert all(r.new in text for r in REWRITES)
    assert neutralise_bundle(tmp_path) == 0
    assert path.read_text() == text


@pytest.mark.parametrize("rewrite", REWRITES, ids=lambda r: r.name)
def test_a_changed_bundle_fails_the_build(tmp_path: Path, rewrite) -> None:
    changed = re.sub(rewrite.old, "changedByAnUpgrade()", STOCK)
    bundle(tmp_path, changed)
    with pytest.raises(PluginError, match=f"{rewrite.name}.*bundle changed"):
        neutralise_bundle(tmp_path)


def test_the_built_bundle_is_rewritten(built_site: Path) -> None:
    (path,) = (built_site / "assets" / "javascripts").glob("bundle.*.min.js")
    text = path.read_text(encoding="utf-8")
    assert "unpkg.com" not in text
    assert all(text.count(r.new) == r.count for r in REWRITES)
