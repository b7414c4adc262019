"""A small trilingual project with publications: the images fixture (real theme, fonts,
stylesheets, a credited photo) plus tnsite/publish, a publications.yml and a page that exists
only in Vietnamese, so the other languages print it by fallback."""

from __future__ import annotations

import textwrap
from pathlib import Path

from tests.images.fixture import make_project as make_images_project
from tests.images.fixture import reload, write_page
from tnsite.config import Project

PUBLICATIONS = """\
# Test publications.
publications:
  - id: cam-nang
    title:
      vi: Cẩm nang thử nghiệm
      en: Test guide
      km: មគ្គុទ្ទេសក៍សាកល្បង
    link:
      vi: Tải cẩm nang
      en: Download the guide
      km: ទាញយកមគ្គុទ្ទេសក៍
    pages:
      - du-lich/nui-ba-den.md
      - du-lich/le-hoi.md
"""

FESTIVAL = """\
---
title: Lễ hội
---

# Lễ hội Núi Bà

Hội xuân kéo dài nhiều ngày. Xem thêm [Núi Bà Đen](nui-ba-den.md#cable-car) và
[trang chủ](../index.md).
"""


def make_project(root: Path) -> Project:
    make_images_project(root)
    config = root / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    # Social cards are the images plugin's business (and slow): not drawn here.
    text = text.replace(
        "  - tnsite/images\n", "  - tnsite/images:\n      cards: false\n  - tnsite/publish\n"
    )
    text = text.replace(
        "  - du-lich/nui-ba-den.md\n", "  - du-lich/nui-ba-den.md\n  - du-lich/le-hoi.md\n"
    )
    config.write_text(text, encoding="utf-8")
    (root / "publications.yml").write_text(PUBLICATIONS, encoding="utf-8")
    write_page(root, "vi", "du-lich/le-hoi.md", FESTIVAL)
    return reload(root)


def set_publications(root: Path, text: str) -> None:
    (root / "publications.yml").write_text(textwrap.dedent(text), encoding="utf-8")
