import datetime as dt
import json

from tnsite.theme import structured_data as sd


def test_news_article_has_the_fields_search_engines_require() -> None:
    item = sd.news_article(
        "Tân Nam", "d", "https://x.test/tin-tuc/a/", "vi", dt.date(2025, 12, 8), "Tây Ninh"
    )
    assert item["@type"] == "NewsArticle"
    assert item["datePublished"] == "2025-12-08" and item["inLanguage"] == "vi"


def test_script_payload_cannot_close_the_script_element() -> None:
    text = sd.to_script([sd.website("a</script><script>alert(1)", "u", "km", "d")])
    assert "</script>" not in text
    assert json.loads(text.replace("<\\/", "</"))["name"].startswith("a</script>")


def test_nothing_to_say_gives_no_script() -> None:
    assert sd.to_script([]) == ""
