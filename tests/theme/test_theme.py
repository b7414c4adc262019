from pathlib import Path

from selectolax.lexbor import LexborHTMLParser

from tnsite.langtags import is_language
from tnsite.theme.plugin import og_locale


def test_open_graph_locales_come_from_cldr() -> None:
    assert [og_locale(c) for c in ("vi", "en", "km", "zh")] == ["vi_VN", "en_US", "km_KH", "zh_CN"]


def test_chinese_pages_declare_simplified_characters(built_site: Path) -> None:
    """mkdocs.yml's `html_lang` gives zh pages the tag browsers need to pick simplified glyphs;
    other languages keep their code."""
    assert '<html lang="zh-Hans" ' in (built_site / "zh" / "index.html").read_text("utf-8")
    assert '<html lang="km" ' in (built_site / "km" / "index.html").read_text("utf-8")


def test_not_found_page_per_language(project, built_site: Path) -> None:
    for lang in project.languages:
        page = built_site / lang.url_prefix / "404.html"
        tree = LexborHTMLParser(page.read_text(encoding="utf-8"))
        assert is_language(tree.css_first("html").attributes["lang"], lang.code)
        assert tree.css_first('meta[name="robots"]').attributes["content"] == "noindex"
    root = (built_site / "404.html").read_text(encoding="utf-8")
    assert '"/km/": "/km/404.html"' in root and '"/en/": "/en/404.html"' in root


def test_home_pages_use_the_landing_template(project, built_site: Path) -> None:
    for lang in project.languages:
        html = (built_site / lang.url_prefix / "index.html").read_text(encoding="utf-8")
        assert 'class="tn-hero"' in html
        assert lang.site_name in html
