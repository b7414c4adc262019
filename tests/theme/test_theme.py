from pathlib import Path

from selectolax.lexbor import LexborHTMLParser

from tnsite.theme.plugin import og_locale


def test_open_graph_locales_come_from_cldr() -> None:
    assert [og_locale(c) for c in ("vi", "en", "km")] == ["vi_VN", "en_US", "km_KH"]


def test_not_found_page_per_language(project, built_site: Path) -> None:
    for lang in project.languages:
        page = built_site / lang.url_prefix / "404.html"
        tree = LexborHTMLParser(page.read_text(encoding="utf-8"))
        assert tree.css_first("html").attributes["lang"] == lang.code
        assert tree.css_first('meta[name="robots"]').attributes["content"] == "noindex"
    root = (built_site / "404.html").read_text(encoding="utf-8")
    assert '"/km/": "/km/404.html"' in root and '"/en/": "/en/404.html"' in root


def test_home_pages_use_the_landing_template(project, built_site: Path) -> None:
    for lang in project.languages:
        html = (built_site / lang.url_prefix / "index.html").read_text(encoding="utf-8")
        assert 'class="tn-hero"' in html
        assert lang.site_name in html
