"""A small trilingual project (three pages in vi, en and km) for the translation tests.

It is clean: every translation exists, is marked up to date, and is written in its language,
so each test breaks exactly one thing and looks for exactly one finding.
"""

from __future__ import annotations

import shutil
import textwrap
from pathlib import Path

from tests.conftest import ROOT
from tnsite.config import Project, _load, load_project
from tnsite.findings import Finding, Severity
from tnsite.i18n.mark import mark
from tnsite.i18n.model import load_model

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
markdown_extensions:
  - toc:
      permalink: false
      slugify: !!python/name:tnsite.slugs.slugify
  - attr_list
  - md_in_html
  - admonition
validation:
  nav:
    omitted_files: warn
    not_found: warn
    absolute_links: warn
  links:
    not_found: warn
    anchors: warn
    absolute_links: warn
    unrecognized_links: warn
plugins:
  - search
  - i18n:
      docs_structure: folder
      fallback_to_default: true
      reconfigure_material: true
      reconfigure_search: true
      languages:
        - locale: vi
          name: Tiếng Việt
          default: true
          build: true
        - locale: en
          name: English
          build: true
          nav_translations:
            Đầu tư: Invest
        - locale: km
          name: ភាសាខ្មែរ
          build: true
          nav_translations:
            Đầu tư: វិនិយោគ
  - tnsite/theme
  - tnsite/i18n
  - tnsite/links
nav:
  - index.md
  - Đầu tư:
      - dau-tu/index.md
      - dau-tu/khu-cong-nghiep.md
"""

PAGES: dict[str, dict[str, str]] = {
    "vi": {
        "index.md": """\
            ---
            title: Trang chủ
            description: Trang chủ thử nghiệm giới thiệu tỉnh Tây Ninh với nhà đầu tư và du khách.
            ---

            # Trang chủ

            Chào mừng bạn đến với trang giới thiệu tỉnh. Hãy đọc về [đầu tư](dau-tu/index.md).

            ## Vì sao chọn Tây Ninh {#why-tay-ninh}

            Tỉnh nằm ở cửa ngõ phía tây bắc của vùng kinh tế phía nam và giáp với Campuchia.
            """,
        "dau-tu/index.md": """\
            ---
            title: Đầu tư
            description: Vì sao nên đầu tư vào tỉnh Tây Ninh và bắt đầu từ đâu.
            ---

            # Đầu tư

            Tỉnh có nhiều lợi thế cho nhà đầu tư. Xem thêm về [khu công nghiệp](khu-cong-nghiep.md).

            ## Lợi thế {#advantages}

            Đất đai rộng, giao thông thuận tiện và lao động dồi dào.
            """,
        "dau-tu/khu-cong-nghiep.md": """\
            ---
            title: Khu công nghiệp
            description: Các khu công nghiệp của tỉnh, diện tích và quy hoạch đến năm 2030.
            ---

            # Khu công nghiệp

            Các khu công nghiệp là trụ cột của nền kinh tế tỉnh.

            ## Tổng quan {#overview}

            Phần lớn vốn đầu tư nước ngoài nằm trong các khu công nghiệp.

            ## Tỷ lệ lấp đầy {#occupancy}

            Nhiều khu đã lấp đầy phần lớn diện tích và đang mở rộng.

            ## Quy hoạch {#planning}

            Tỉnh dự kiến mở thêm khu mới. Trở về trang [đầu tư](index.md).
            """,
    },
    "en": {
        "index.md": """\
            ---
            title: Home
            description: A test home page introducing Tây Ninh province to investors and visitors.
            translation:
              source: index.md
              review: reviewed
            ---

            # Home

            Welcome to the province's site. Read about [investment](dau-tu/index.md).

            ## Why Tây Ninh {#why-tay-ninh}

            The province is the north-western gateway of the southern economic region.
            """,
        "dau-tu/index.md": """\
            ---
            title: Invest
            description: Why invest in Tây Ninh province and where to start.
            translation:
              source: dau-tu/index.md
              review: draft
            ---

            # Invest

            The province has many advantages for investors.
            See the [industrial parks](khu-cong-nghiep.md).

            ## Advantages {#advantages}

            Plenty of land, good transport links and a large workforce.
            """,
        "dau-tu/khu-cong-nghiep.md": """\
            ---
            title: Industrial parks
            description: The province's industrial parks, their area and plans to 2030.
            translation:
              source: dau-tu/khu-cong-nghiep.md
              review: draft
            ---

            # Industrial parks

            Industrial parks are the backbone of the province's economy.

            ## Overview {#overview}

            Most foreign investment is located in the industrial parks.

            ## Occupancy {#occupancy}

            Many parks have let most of their land and are expanding.

            ## Planning {#planning}

            The province plans to open new parks. Back to [investment](index.md).
            """,
    },
    "km": {
        "index.md": """\
            ---
            title: ទំព័រដើម
            description: ទំព័រដើមសាកល្បងដែលណែនាំខេត្តតៃនិញដល់វិនិយោគិន និងភ្ញៀវទេសចរ។
            translation:
              source: index.md
              review: draft
            ---

            # ទំព័រដើម

            សូមស្វាគមន៍មកកាន់គេហទំព័ររបស់ខេត្ត។ សូមអានអំពី[ការវិនិយោគ](dau-tu/index.md)។

            ## ហេតុអ្វីជ្រើសរើសខេត្តតៃនិញ {#why-tay-ninh}

            ខេត្តនេះជាច្រកទ្វារភាគពាយ័ព្យនៃតំបន់សេដ្ឋកិច្ចភាគខាងត្បូង ហើយជាប់ព្រំដែនកម្ពុជា។
            """,
        "dau-tu/index.md": """\
            ---
            title: ការវិនិយោគ
            description: ហេតុអ្វីគួរវិនិយោគនៅខេត្តតៃនិញ និងចាប់ផ្តើមពីណា។
            translation:
              source: dau-tu/index.md
              review: draft
            ---

            # ការវិនិយោគ

            ខេត្តនេះមានគុណសម្បត្តិច្រើនសម្រាប់វិនិយោគិន។ សូមមើល[តំបន់ឧស្សាហកម្ម](khu-cong-nghiep.md)។

            ## គុណសម្បត្តិ {#advantages}

            ដីធ្លីទូលំទូលាយ ការដឹកជញ្ជូនងាយស្រួល និងកម្លាំងពលកម្មច្រើន។
            """,
        "dau-tu/khu-cong-nghiep.md": """\
            ---
            title: តំបន់ឧស្សាហកម្ម
            description: តំបន់ឧស្សាហកម្មរបស់ខេត្ត ផ្ទៃដី និងផែនការដល់ឆ្នាំ២០៣០។
            translation:
              source: dau-tu/khu-cong-nghiep.md
              review: draft
            ---

            # តំបន់ឧស្សាហកម្ម

            តំបន់ឧស្សាហកម្មគឺជាសសរស្តម្ភនៃសេដ្ឋកិច្ចរបស់ខេត្ត។

            ## ទិដ្ឋភាពទូទៅ {#overview}

            ការវិនិយោគបរទេសភាគច្រើនស្ថិតនៅក្នុងតំបន់ឧស្សាហកម្ម។

            ## អត្រាកាន់កាប់ {#occupancy}

            តំបន់ជាច្រើនបានជួលដីភាគច្រើនរួចហើយ ហើយកំពុងពង្រីក។

            ## ផែនការ {#planning}

            ខេត្តគ្រោងបើកតំបន់ថ្មីបន្ថែម។ ត្រឡប់ទៅទំព័រ[ការវិនិយោគ](index.md)។
            """,
    },
}


def write_page(root: Path, lang: str, path: str, text: str) -> Path:
    file = root / "docs" / lang / path
    file.parent.mkdir(parents=True, exist_ok=True)
    file.write_text(textwrap.dedent(text), encoding="utf-8")
    return file


def make_project(root: Path, *, with_theme: bool = False) -> Project:
    """Write the fixture project into `root` and mark every translation up to date.

    `with_theme` copies the real theme overrides, needed to build the fixture site."""
    root.mkdir(parents=True, exist_ok=True)
    (root / "mkdocs.yml").write_text(MKDOCS_YML, encoding="utf-8")
    for lang, pages in PAGES.items():
        for path, text in pages.items():
            write_page(root, lang, path, text)
    if with_theme:
        shutil.copytree(ROOT / "overrides", root / "overrides")
    project = reload(root)
    model = load_model(project)
    mark(model, model.translations())
    return project


def reload(root: Path) -> Project:
    """The project as mkdocs.yml says now (load_project caches per folder)."""
    _load.cache_clear()
    return load_project(root)


def undeclared(findings: list[Finding]) -> list[Finding]:
    """Translation findings other than pages declared pending (a warning by design: the page
    is shown from its source with a notice until its date)."""
    return [f for f in findings if not (f.rule == "pending" and f.severity == Severity.WARNING)]
