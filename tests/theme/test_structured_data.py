import datetime as dt
import json
from pathlib import Path

from tnsite.theme import structured_data as sd


def test_news_article_has_the_fields_search_engines_require() -> None:
    item = sd.news_article(
        "Tân Nam",
        "d",
        "https://x.test/tin-tuc/a/",
        "vi",
        dt.date(2025, 12, 8),
        publisher="Tây Ninh",
        publisher_url="https://x.test/",
        image="https://x.test/assets/cards/vi/tin-tuc/a.png",
    )
    assert item["@type"] == "NewsArticle"
    assert item["datePublished"] == "2025-12-08" and item["inLanguage"] == "vi"
    assert item["image"] == ["https://x.test/assets/cards/vi/tin-tuc/a.png"]
    assert item["author"]["name"] == item["publisher"]["name"] == "Tây Ninh"


def test_script_payload_cannot_close_the_script_element() -> None:
    text = sd.to_script([sd.website("a</script><script>alert(1)", "u", "km", "d")])
    assert "</script>" not in text
    assert json.loads(text.replace("<\\/", "</"))["name"].startswith("a</script>")


def test_nothing_to_say_gives_no_script() -> None:
    assert sd.to_script([]) == ""


def _jsonld(page: Path) -> list[dict]:
    from selectolax.lexbor import LexborHTMLParser

    node = LexborHTMLParser(page.read_text(encoding="utf-8")).css_first(
        'script[type="application/ld+json"]'
    )
    assert node is not None, page
    data = json.loads(node.text())
    return data if isinstance(data, list) else [data]


def test_pages_describe_what_they_present(project, built_site: Path) -> None:
    for lang in project.languages:
        root = built_site / lang.url_prefix
        (attraction,) = [
            item
            for item in _jsonld(root / "du-lich/nui-ba-den/index.html")
            if item["@type"] == "TouristAttraction"
        ]
        assert attraction["inLanguage"] == lang.code
        assert "latitude" in attraction["geo"]
        events = _jsonld(root / "su-kien/index.html")
        assert len(events) >= 8 and {e["@type"] for e in events} == {"Event"}
        orgs = _jsonld(root / "lien-he/index.html")
        assert orgs and all(o["@type"] == "GovernmentOrganization" for o in orgs)
        assert "WebSite" in {item["@type"] for item in _jsonld(root / "index.html")}
