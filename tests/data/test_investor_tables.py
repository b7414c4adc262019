"""The investor tables: the procedure, the incentives and the trade events render in every
language from the real data, bad records are refused with a finding, and an event counts as
upcoming until the last day its date can mean."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from selectolax.lexbor import LexborHTMLParser

from tnsite.config import Project
from tnsite.data import schema
from tnsite.data.investor_tables import is_upcoming
from tnsite.data.store import load_store

PAGES = {
    "trade-events": "su-kien/index.html",
    "investment-steps": "dau-tu/uu-dai-thu-tuc/index.html",
    "incentives": "dau-tu/uu-dai-thu-tuc/index.html",
}


def test_every_record_of_the_investor_tables_is_a_row_in_every_language(
    project: Project, built_site: Path
) -> None:
    store = load_store(project)
    for dataset, page in PAGES.items():
        ids = {r["id"] for r in store.get(dataset).confirmed()}
        assert ids, dataset
        for lang in project.languages:
            doc = LexborHTMLParser((built_site / lang.url_prefix / page).read_text("utf-8"))
            rows = {n.attributes["id"].removeprefix("row-") for n in doc.css("table tr[id]")}
            assert ids <= rows, (dataset, lang.code, ids - rows)


def test_incentive_periods_read_as_words_with_the_pages_digits(
    project: Project, built_site: Path
) -> None:
    page = "dau-tu/uu-dai-thu-tuc/index.html"
    html = {
        lang.code: (built_site / lang.url_prefix / page).read_text("utf-8")
        for lang in project.languages
    }
    assert "10% trong 15 năm" in html["vi"]
    assert "10% for 15 years" in html["en"]
    assert "exempt for 4 years; 50% off for the next 9 years" in html["en"]
    assert "១០% រយៈពេល ១៥ ឆ្នាំ" in html["km"]


def test_a_trade_event_of_an_unknown_kind_or_without_a_date_is_refused(project: Project) -> None:
    record = {
        "id": "fair",
        "name": dict.fromkeys(project.codes, "Fair"),
        "place": dict.fromkeys(project.codes, "Tân An"),
        "kind": "party",
        "source": "x",
        "as_of": "2025",
    }
    found = schema.problems("trade-events", {"records": [record]}, project.codes)
    messages = " ".join(p.message.en for p in found)
    assert "'party' is not an allowed value" in messages
    assert "the required field `start` is missing" in messages


def test_an_event_is_upcoming_until_the_end_of_the_period_its_date_names() -> None:
    today = dt.date(2026, 12, 4)
    assert is_upcoming({"start": "2026-12"}, today)
    assert is_upcoming({"start": "2026"}, today)
    assert is_upcoming({"start": "2026-11-30", "end": "2026-12-04"}, today)
    assert not is_upcoming({"start": "2026-11"}, today)
    assert not is_upcoming({"start": "2026-12-03"}, today)
    assert not is_upcoming({"start": "2025-10-26", "end": "2025-11-04"}, today)
