"""A small multilingual site for the search tests: words chosen to test folding, both
tone-mark styles, ranking of exact matches, stemming, Khmer and Chinese words inside sentences,
a data table in compact HTML, and a page missing in Khmer (built from Vietnamese by fallback)."""

from __future__ import annotations

import shutil
import textwrap
from pathlib import Path

from tests.conftest import ROOT
from tnsite.build import build_site
from tnsite.config import _load, load_project

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
  features:
    - search.highlight
markdown_extensions:
  - toc:
      permalink: false
      slugify: !!python/name:tnsite.slugs.slugify
  - attr_list
  - md_in_html
  - tables
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
        - locale: km
          name: ភាសាខ្មែរ
          build: true
        - locale: zh
          name: 简体中文
          build: true
  - tnsite/search:
      stemmed_languages: [en]
"""

PAGES = {
    "vi/index.md": "# Trang chủ\n\nTrang thử nghiệm của tỉnh.\n",
    "vi/hoa-binh.md": "# Hòa bình\n\nHòa bình và hữu nghị giữa hai nước láng giềng.\n",
    "vi/hoa-sen.md": "# Hoa sen\n\nHoa sen nở trong hồ. Hoa sen là loài hoa đẹp.\n",
    "vi/toa-do.md": "# Tọa độ\n\nTọa độ của điểm mốc trên bản đồ.\n",
    "vi/thuy-loi.md": "# Công trình thuỷ lợi\n\nHồ Dầu Tiếng là công trình thuỷ lợi lớn.\n",
    "vi/du-lich/toa-thanh.md": (
        "# Tòa Thánh Cao Đài\n\nTòa Thánh nằm ở Hòa Thành, gần Núi Bà Đen.\n\n"
        "## Kiến trúc {#architecture}\n\nMái ngói và các tháp chuông.\n"
    ),
    "vi/bien-gioi.md": (
        "# Biên giới\n\nCác cửa khẩu quốc tế của tỉnh.\n\n"
        "<table><tr><th>Cửa khẩu</th><th>Đối diện</th></tr>"
        "<tr><td>Mộc Bài</td><td>Bavet</td></tr><tr><td>Xa Mát</td><td>Trapeang Phlong</td></tr>"
        "</table>\n"
    ),
    "en/index.md": "# Home\n\nThe test site of the province.\n",
    "en/parks.md": "# Industrial parks\n\nThe province has industrial parks for investors.\n",
    "en/mountain.md": "# Bà Đen Mountain\n\nA cable car climbs Bà Đen Mountain.\n",
    "km/index.md": "# ទំព័រដើម\n\nគេហទំព័រសាកល្បងនៃខេត្តតៃនិញ។\n",
    "km/gates.md": (
        "# ច្រកទ្វារអន្តរជាតិ\n\nខេត្តតៃនិញមានច្រកព្រំដែនអន្តរជាតិចំនួនបួនជាប់នឹងប្រទេសកម្ពុជា។\n\n"
        "## មុកបៃ {#moc-bai}\n\nច្រកព្រំដែនមុកបៃទល់មុខនឹងបាវិតនៃខេត្តស្វាយរៀង។\n"
    ),
    "km/park.md": "# ឧទ្យានជាតិ\n\nឧទ្យានជាតិនេះមានសត្វព្រៃនិងរុក្ខជាតិច្រើនប្រភេទ។\n",
    "zh/index.md": "# 首页\n\n本省的测试网站。多家企业联合运营，交通方便，关系良好。\n",
    "zh/logistics.md": "# 物流\n\n物流中心提供通关服务和多式联运。\n",
    "zh/gates.md": (
        "# 国际口岸\n\n西宁省与柬埔寨接壤，设有四个国际口岸，边境贸易十分活跃。\n\n"
        "## 木排 {#moc-bai}\n\n木排口岸与柬埔寨柴桢省的巴域口岸相对。\n"
    ),
    "zh/parks.md": "# 工业园区\n\n全省工业园区吸引了大量外国直接投资，制造业发展迅速。\n",
}


def make_site(root: Path, *, extra: dict[str, str] | None = None) -> Path:
    """Write the project under `root`, build it, and return the built site folder."""
    root.mkdir(parents=True, exist_ok=True)
    (root / "mkdocs.yml").write_text(MKDOCS_YML, encoding="utf-8")
    languages = root / "overrides" / "partials" / "languages"
    languages.mkdir(parents=True, exist_ok=True)
    shutil.copy(ROOT / "overrides" / "partials" / "languages" / "km.html", languages / "km.html")
    for rel, text in {**PAGES, **(extra or {})}.items():
        path = root / ("docs" if rel.endswith(".md") else "") / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text), encoding="utf-8")
    _load.cache_clear()
    return build_site(load_project(root))
