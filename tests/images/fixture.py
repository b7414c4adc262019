"""A small trilingual project with the images plugin: the real theme, fonts and stylesheets,
one photo with camera metadata and its manifest entry, an illustration, and three pages."""

from __future__ import annotations

import shutil
import textwrap
from pathlib import Path

from tests.conftest import ROOT
from tests.images.makers import jpeg_with_gps
from tnsite.config import Project, _load, load_project

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
  - assets/stylesheets/site.css
markdown_extensions:
  - attr_list
  - md_in_html
validation:
  links:
    not_found: warn
    absolute_links: warn
    unrecognized_links: warn
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
          site_name: Tây Ninh
        - locale: en
          name: English
          build: true
          site_name: Tây Ninh Province
        - locale: km
          name: ភាសាខ្មែរ
          build: true
          site_name: ខេត្តតៃនិញ
  - tnsite/theme
  - tnsite/images
nav:
  - index.md
  - du-lich/nui-ba-den.md
"""

MANIFEST = """\
# Photos of the test site.
ba-den.jpg:
  alt:
    vi: Núi Bà Đen lúc bình minh
    en: Bà Đen Mountain at dawn
    km: ភ្នំបាឌិននៅពេលព្រឹកព្រលឹម
  caption:
    vi: Núi Bà Đen
  credit: Nguyễn Văn A
  licence: CC BY 4.0
  source: https://example.org/ba-den
"""

PAGES = {
    "vi": {
        "index.md": """\
            ---
            title: Trang chủ
            ---

            # Trang chủ

            Chào mừng.

            ![](../assets/images/illustrations/mountain.svg){ .decorative }
            """,
        "du-lich/nui-ba-den.md": """\
            ---
            title: Núi Bà Đen – nóc nhà Nam Bộ
            ---

            # Núi Bà Đen

            {{ photo ba-den hero }}

            Núi cao nhất Nam Bộ.

            ## Cáp treo {#cable-car}

            ![Núi Bà Đen nhìn từ xa](../../assets/photos/ba-den.jpg)
            """,
    },
    "en": {
        "index.md": """\
            ---
            title: Home
            ---

            # Home

            Welcome.
            """,
        "du-lich/nui-ba-den.md": """\
            ---
            title: Bà Đen Mountain
            ---

            # Bà Đen Mountain

            {{ photo ba-den.jpg }}

            The highest mountain in southern Vietnam.
            """,
    },
    "km": {
        "index.md": """\
            ---
            title: ទំព័រដើម
            ---

            # ទំព័រដើម

            សូមស្វាគមន៍។
            """,
        "du-lich/nui-ba-den.md": """\
            ---
            title: ភ្នំបាឌិន ដែលជាភ្នំខ្ពស់បំផុតនៅភាគខាងត្បូងប្រទេសវៀតណាម
            ---

            # ភ្នំបាឌិន

            {{ photo ba-den }}

            ភ្នំខ្ពស់បំផុត។
            """,
    },
}


def write_page(root: Path, lang: str, path: str, text: str) -> Path:
    file = root / "docs" / lang / path
    file.parent.mkdir(parents=True, exist_ok=True)
    file.write_text(textwrap.dedent(text), encoding="utf-8")
    return file


def make_project(root: Path) -> Project:
    root.mkdir(parents=True, exist_ok=True)
    (root / "mkdocs.yml").write_text(MKDOCS_YML, encoding="utf-8")
    for lang, pages in PAGES.items():
        for path, text in pages.items():
            write_page(root, lang, path, text)
    shutil.copytree(ROOT / "overrides", root / "overrides")
    for folder in ("fonts", "stylesheets"):
        shutil.copytree(ROOT / "assets" / folder, root / "assets" / folder)
    illustrations = root / "assets/images/illustrations"
    illustrations.mkdir(parents=True)
    shutil.copy(ROOT / "assets/images/illustrations/mountain.svg", illustrations)
    photos = root / "assets/photos"
    jpeg_with_gps(photos / "ba-den.jpg", 2000, 1250, orientation=1)
    (photos / "manifest.yml").write_text(MANIFEST, encoding="utf-8")
    return reload(root)


def reload(root: Path) -> Project:
    _load.cache_clear()
    return load_project(root)
