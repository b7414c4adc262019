"""What visitors get, on a small fixture site built with the real theme and plugins: a page
declared pending is built visibly as a fallback and never announced as a translation."""

from __future__ import annotations

from pathlib import Path

import pytest
from babel.dates import format_date
from lxml import etree
from mkdocs.exceptions import Abort
from selectolax.lexbor import LexborHTMLParser

from tests.i18n.fixture import make_project, reload
from tnsite.build import build_site
from tnsite.i18n.scaffold import PLACEHOLDER, new_page
from tnsite.sourcedate import SourceDates
from tnsite.strings import load_strings

PARK = "dau-tu/khu-cong-nghiep.md"
NEW = "dau-tu/thu-tuc.md"
STRINGS = Path(__file__).parents[2] / "scripts/tnsite/i18n/strings.yml"
XHTML = "{http://www.w3.org/1999/xhtml}link"


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("i18n-build") / "proj"
    project = make_project(root, with_theme=True)
    (root / "docs/km" / PARK).unlink()
    (root / "i18n/pending.yml").write_text(
        f"- path: {PARK}\n  lang: km\n  reason: Chờ người dịch\n  until: 2999-12-31\n",
        encoding="utf-8",
    )
    # the build passes once the page has its text
    made = new_page(project, NEW, "Thủ tục đầu tư", description="Các bước đầu tư.")
    made.created.write_text(
        made.created.read_text(encoding="utf-8").replace(PLACEHOLDER, "Các bước."), "utf-8"
    )
    source = root / "docs/vi" / PARK  # changed after its English translation was made
    text = source.read_text(encoding="utf-8")
    source.write_text(text.replace("Phần lớn vốn", "Phần lớn nguồn vốn"), encoding="utf-8")
    return build_site(reload(root), root / "site")


def html(site: Path, url: str) -> LexborHTMLParser:
    return LexborHTMLParser((site / url / "index.html").read_text(encoding="utf-8"))


def hreflangs(doc: LexborHTMLParser) -> dict[str, str]:
    return {
        n.attributes["hreflang"]: n.attributes["href"]
        for n in doc.css('head link[rel="alternate"][hreflang]')
    }


def test_fallback_page_says_so_in_the_visitors_language(site: Path) -> None:
    strings = load_strings(STRINGS, ("vi", "en", "km"))["km"]
    doc = html(site, "km/dau-tu/khu-cong-nghiep")
    assert doc.css_first("html").attributes["lang"] == "km"
    banner = doc.css_first(".tn-i18n-fallback")
    assert banner is not None and banner.attributes["lang"] == "km"
    assert strings["fallback_notice"] in banner.text()
    assert "2999" in banner.text() or "២៩៩៩" in banner.text()
    link = banner.css_first("a")
    assert link.attributes["hreflang"] == "vi"
    target = (site / "km/dau-tu/khu-cong-nghiep" / link.attributes["href"]).resolve()
    assert target == (site / "dau-tu/khu-cong-nghiep").resolve()


def test_fallback_content_carries_its_real_language_and_is_noindex(site: Path) -> None:
    doc = html(site, "km/dau-tu/khu-cong-nghiep")
    content = doc.css_first(".tn-i18n-content")
    assert content.attributes["lang"] == "vi"
    assert "Khu công nghiệp" in content.css_first("h1").text()
    assert doc.css_first('[data-md-component="toc"]').attributes["lang"] == "vi"
    robots = doc.css_first('meta[name="robots"]')
    assert robots is not None and "noindex" in robots.attributes["content"]
    assert hreflangs(doc) == {}


def test_no_page_announces_the_fallback_as_a_translation(site: Path) -> None:
    for url in ("dau-tu/khu-cong-nghiep", "en/dau-tu/khu-cong-nghiep"):
        alternates = hreflangs(html(site, url))
        assert "km" not in alternates and {"vi", "en", "x-default"} <= set(alternates), url
    assert "km" in hreflangs(html(site, "dau-tu"))
    tree = etree.parse(str(site / "sitemap.xml"))
    locs = [loc.text for loc in tree.iter("{*}loc")]
    hrefs = [link.get("href") for link in tree.iter(XHTML)]
    fallback = "https://example.org/km/dau-tu/khu-cong-nghiep/"
    assert fallback not in locs and fallback not in hrefs
    assert "https://example.org/km/dau-tu/" in locs


def test_new_page_is_built_with_fallbacks(site: Path) -> None:
    assert html(site, "dau-tu/thu-tuc").css_first("h1").text() == "Thủ tục đầu tư"
    for lang in ("en", "km"):
        assert html(site, f"{lang}/dau-tu/thu-tuc").css_first(".tn-i18n-fallback") is not None


def test_unreviewed_translations_carry_a_discreet_note(site: Path) -> None:
    strings = load_strings(STRINGS, ("vi", "en", "km"))
    note = html(site, "km/dau-tu").css_first(".tn-i18n-review")
    assert note is not None and note.text().strip() == strings["km"]["review_note"]
    assert html(site, "en/dau-tu").css_first(".tn-i18n-review") is not None
    assert html(site, "en").css_first(".tn-i18n-review") is None  # review: reviewed
    assert html(site, "dau-tu").css_first(".tn-i18n-review") is None  # the source


def test_a_translation_behind_its_source_says_since_when_and_links_to_it(site: Path) -> None:
    strings = load_strings(STRINGS, ("vi", "en", "km"))
    root = site.parent
    changed = SourceDates(root).date([root / "docs/vi" / PARK]).date()
    note = html(site, "en/dau-tu/khu-cong-nghiep").css_first(".tn-i18n-stale")
    assert note is not None
    expected = strings["en"]["stale_note"].format(
        source_language="Vietnamese", date=format_date(changed, format="long", locale="en")
    )
    assert note.text().strip().startswith(expected)
    link = note.css_first("a")
    assert link.attributes == {"href": "../../../dau-tu/khu-cong-nghiep/", "hreflang": "vi"}
    assert link.text() == "Read the current Vietnamese page"
    for up_to_date in ("en/dau-tu", "km/dau-tu", "dau-tu/khu-cong-nghiep"):
        assert html(site, up_to_date).css_first(".tn-i18n-stale") is None, up_to_date


def test_editors_status_page_is_built_out_of_nav_and_noindex(site: Path) -> None:
    doc = html(site, "bien-tap/ban-dich")
    assert doc.css_first("html").attributes["lang"] == "vi"
    assert "noindex" in doc.css_first('meta[name="robots"]').attributes["content"]
    assert hreflangs(doc) == {}
    text = doc.css_first("article").text()
    assert "Tình trạng bản dịch" in text and "chờ dịch đến 2999-12-31" in text
    rows = [row.text() for row in doc.css("article table")[-1].css("tbody tr")]
    assert "Khu công nghiệp" in rows[-1] or any("Khu công nghiệp" in r for r in rows)
    assert "bien-tap" not in (site / "sitemap.xml").read_text(encoding="utf-8")
    nav = html(site, "").css_first("nav.md-nav--primary").html
    assert "bien-tap" not in nav


def test_broken_front_matter_stops_the_build_naming_file_and_line(tmp_path: Path) -> None:
    project = make_project(tmp_path / "proj", with_theme=True)
    page = project.root / "docs/en/index.md"
    page.write_text(
        page.read_text(encoding="utf-8").replace("title: Home", "title: Home: [the start"),
        encoding="utf-8",
    )
    with pytest.raises(Abort) as raised:
        build_site(project, tmp_path / "site")
    assert "docs/en/index.md:2:12: error: page information (front matter): a value contains a " in (
        str(raised.value)
    )
    assert not (tmp_path / "site").exists()
