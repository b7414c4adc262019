"""Script injection through everything an editor can type: a page title, a description, a data
label and a photo's alt text are shown as text in every built page; script in a page body stops
the build with one finding at its line."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import yaml
from selectolax.lexbor import LexborHTMLParser

from tests.helpers.project_copy import copy_project
from tests.images.makers import photo
from tnsite.build import build_site
from tnsite.config import _load, load_project
from tnsite.findings import BuildRefused, Severity

TITLE = "Hồ <script>alert(1)</script> Dầu Tiếng"
DESCRIPTION = '"><img src=x onerror=alert(2)>'
LABEL = "<script>alert(3)</script> Diện tích"
ALT = "<img src=x onerror=alert(4)> Núi"


def _set_front_matter(page: Path, **values: str) -> None:
    text = page.read_text(encoding="utf-8")
    for key, value in values.items():
        line = f"{key}: {json.dumps(value, ensure_ascii=False)}"
        text = re.sub(rf"(?m)^{key}: .*$", lambda _, new=line: new, text, count=1)
    page.write_text(text, encoding="utf-8")


def _inject(root: Path) -> None:
    _set_front_matter(
        root / "docs/vi/du-lich/ho-dau-tieng.md", title=TITLE, description=DESCRIPTION
    )
    figures = root / "data/key-figures.yml"
    text = figures.read_text(encoding="utf-8")
    figures.write_text(text.replace("vi: Diện tích tự nhiên", f"vi: {LABEL!r}", 1), "utf-8")
    photo(800, 600).save(root / "assets/photos/nui.jpg", quality=80)
    manifest = root / "assets/photos/manifest.yml"
    entry = {
        "nui.jpg": {
            "alt": {code: ALT for code in load_project(root).codes},
            "credit": "Thử nghiệm",
            "licence": "CC BY 4.0",
            "source": "https://example.org/nui",
        }
    }
    manifest.write_text(
        manifest.read_text(encoding="utf-8") + "\n" + yaml.safe_dump(entry, allow_unicode=True),
        "utf-8",
    )
    home = root / "docs/vi/index.md"
    home.write_text(home.read_text(encoding="utf-8") + "\n{{ photo nui }}\n", encoding="utf-8")


def test_typed_text_is_escaped_in_every_built_page(tmp_path: Path) -> None:
    root = copy_project(tmp_path / "src")
    _inject(root)
    _load.cache_clear()
    out = build_site(load_project(root), tmp_path / "out")
    pages = sorted(out.rglob("*.html"))
    assert len(pages) > 100
    shown = {"title": 0, "alt": 0}
    for page in pages:
        tree = LexborHTMLParser(page.read_text(encoding="utf-8"))
        for script in tree.css("script"):
            assert "alert(" not in (script.text() or "") or script.attributes.get("type") in (
                "application/ld+json",
                "application/json",
            ), page
        for node in tree.css("*"):
            assert not any(name.startswith("on") for name in node.attributes), (page, node.tag)
        text = tree.body.text() if tree.body else ""
        shown["title"] += TITLE in text
        shown["alt"] += any((img.attributes.get("alt") or "") == ALT for img in tree.css("img"))
    assert shown["title"] > 40  # in every page's navigation, as text
    assert shown["alt"] >= 1
    page = (out / "du-lich/ho-dau-tieng/index.html").read_text(encoding="utf-8")
    head = LexborHTMLParser(page).head
    assert head.css_first("title").text().startswith(TITLE)
    assert head.css_first('meta[name="description"]').attributes["content"] == DESCRIPTION
    assert head.css_first('meta[property="og:title"]').attributes["content"] == TITLE


def test_script_in_a_page_body_stops_the_build_at_its_line(tmp_path: Path) -> None:
    root = copy_project(tmp_path / "src")
    page = root / "docs/vi/du-lich/ho-dau-tieng.md"
    lines = page.read_text(encoding="utf-8").split("\n")
    lines.insert(8, "Đẹp lắm <img src=x onerror=alert(5)>")
    page.write_text("\n".join(lines), encoding="utf-8")
    _load.cache_clear()
    with pytest.raises(BuildRefused) as refused:
        build_site(load_project(root), tmp_path / "out")
    errors = [f for f in refused.value.findings if f.severity is Severity.ERROR]
    print("\n".join(f.render() for f in errors))
    (finding,) = errors
    assert (finding.path, finding.line, finding.rule) == (
        "docs/vi/du-lich/ho-dau-tieng.md",
        9,
        "unsafe-html",
    )
    assert not (tmp_path / "out").exists()
