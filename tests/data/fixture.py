"""A small multilingual project with the data plugin: the real data/ and theme, a page per view
in each language, and stub pages for every page the data links to."""

from __future__ import annotations

import re
import shutil
import textwrap
from pathlib import Path

from tests.conftest import ROOT
from tnsite.config import Project, _load, load_project

LANGS = ("vi", "en", "km", "zh")

MKDOCS_YML = """\
site_name: Thử nghiệm
site_url: https://example.org/
docs_dir: docs
site_dir: site
strict: true
use_directory_urls: true
theme:
  name: material
  custom_dir: overrides
  language: vi
  font: false
extra_css:
  - assets/stylesheets/fonts.css
  - assets/stylesheets/data.css
markdown_extensions:
  - toc:
      permalink: false
  - attr_list
  - md_in_html
  - pymdownx.details
plugins:
  - i18n:
      docs_structure: folder
      fallback_to_default: true
      reconfigure_material: true
      reconfigure_search: false
      languages:
        - locale: vi
          name: Tiếng Việt
          default: true
          build: true
        - locale: en
          name: English
          build: true
        - locale: km
          name: ភាសាខ្មែរ
          build: true
        - locale: zh
          name: 简体中文
          build: true
  - tnsite/theme
  - tnsite/data:
      native_digits: [km]
"""

BODY = {
    "vi": "Tỉnh có diện tích {{ value key-figures/area }} và "
    "{{ value key-figures/industrial-parks }} khu công nghiệp.",
    "en": "The province covers {{ value key-figures/area }} and "
    "has {{ value key-figures/industrial-parks }} industrial parks.",
    "km": "ខេត្តមានផ្ទៃដី {{ value key-figures/area }} "
    "និងតំបន់ឧស្សាហកម្មចំនួន {{ value key-figures/industrial-parks }}។",
    "zh": "全省面积{{ value key-figures/area }}，"
    "共有工业区{{ value key-figures/industrial-parks }}个。",
}

VIEWS_PAGE = """\
---
title: {title}
---

# {title}

{body}

```text
{{{{ value key-figures/not-checked-in-code }}}}
```

{{{{ figures key-figures ids=area,population,fdi-capital }}}}

## Bảng {{#tables}}

{{{{ table border-gates }}}}

{{{{ table festivals }}}}

{{{{ table industrial-parks }}}}

{{{{ cards destinations }}}}

{{{{ chart fdi-series }}}}

{{{{ chart visitors-series }}}}

{{{{ map }}}}

{{{{ contacts }}}}

{{{{ events upcoming }}}}
"""


def _stub_pages() -> dict[str, set[str]]:
    """Every page (and anchor) the real data links to."""
    pages: dict[str, set[str]] = {}
    for path in (ROOT / "data").glob("*.yml"):
        text = path.read_text(encoding="utf-8")
        for block in re.split(r"\n  - id: ", text):
            page = re.search(r"\n    page: (\S+)", block)
            if page:
                anchor = re.search(r"\n    anchor: (\S+)", block)
                pages.setdefault(page.group(1), set())
                if anchor:
                    pages[page.group(1)].add(anchor.group(1))
    return pages


def write_page(root: Path, lang: str, path: str, text: str) -> Path:
    file = root / "docs" / lang / path
    file.parent.mkdir(parents=True, exist_ok=True)
    file.write_text(text, encoding="utf-8")
    return file


def make_project(root: Path) -> Project:
    root.mkdir(parents=True, exist_ok=True)
    (root / "mkdocs.yml").write_text(MKDOCS_YML, encoding="utf-8")
    shutil.copytree(ROOT / "data", root / "data")
    shutil.copytree(ROOT / "overrides", root / "overrides")
    for folder in ("fonts", "stylesheets"):
        shutil.copytree(ROOT / "assets" / folder, root / "assets" / folder)
    for lang in LANGS:
        write_page(root, lang, "index.md", f"---\ntitle: Home\n---\n\n# Home\n\n{BODY[lang]}\n")
        write_page(root, lang, "views.md", VIEWS_PAGE.format(title="Views", body=BODY[lang]))
        for page, anchors in _stub_pages().items():
            headings = "".join(f"\n## {a} {{#{a}}}\n\nText.\n" for a in sorted(anchors))
            write_page(root, lang, page, f"---\ntitle: Stub\n---\n\n# Stub\n{headings}")
    return reload(root)


def set_figure(root: Path, figure_id: str, value: str) -> None:
    """Change one key figure's value in the fixture's data/key-figures.yml."""
    path = root / "data" / "key-figures.yml"
    text = path.read_text(encoding="utf-8")
    pattern = rf"(  - id: {re.escape(figure_id)}\n(?:    .*\n)*?    value: )\S+"
    new, count = re.subn(pattern, rf"\g<1>{value}", text)
    assert count == 1, figure_id
    path.write_text(new, encoding="utf-8")


def reload(root: Path) -> Project:
    _load.cache_clear()
    return load_project(root)


def dedent(text: str) -> str:
    return textwrap.dedent(text)
