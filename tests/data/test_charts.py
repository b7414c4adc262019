"""Charts are accessible SVG with a title, a description and a data table in the page's
language; unconfirmed figures never reach them."""

from __future__ import annotations

import pytest
from selectolax.lexbor import LexborHTMLParser

from tests.data.helpers import context, render
from tnsite.config import Project
from tnsite.data.store import load_store

TITLES = {
    "vi": "Vốn FDI đăng ký lũy kế",
    "en": "Cumulative registered FDI",
    "km": "ទុនវិនិយោគផ្ទាល់ពីបរទេស",
}


@pytest.mark.parametrize("lang", ["vi", "en", "km"])
def test_fdi_chart_is_an_accessible_svg_with_a_table(project: Project, lang: str) -> None:
    store = load_store(project)
    html = render(context(project, store, lang), "{{ chart fdi-series }}")
    doc = LexborHTMLParser(html)
    svg = doc.css_first("figure.tn-chart svg")
    assert svg.attributes["role"] == "img"
    title_id, desc_id = svg.attributes["aria-labelledby"].split()
    assert TITLES[lang] in doc.css_first(f"#{title_id}").text()
    assert doc.css_first(f"#{desc_id}").text().strip()
    assert len(doc.css("rect.tn-chart__bar")) == len(store.get("fdi-series").confirmed())
    rows = doc.css("details.tn-chart__data tbody tr")
    assert len(rows) == 6
    assert doc.css_first("details.tn-chart__data summary").text()
    last = rows[-1].text()
    assert {"vi": "hơn 24,3", "en": "over 24.3", "km": "ជាង ២៤.៣"}[lang] in last
    assert doc.css("details.tn-chart__data sup.tn-ref a")  # each row cites its source


def test_merged_province_bar_follows_the_key_figure(project: Project) -> None:
    store = load_store(project)
    store.figure("fdi-capital")["value"] = 30.5
    html = render(context(project, store, "en"), "{{ chart fdi-series }}")
    assert ">30.5</text>" in html and "over 30.5" in html


def test_unconfirmed_visitors_are_not_charted(project: Project) -> None:
    store = load_store(project)
    html = render(context(project, store, "vi"), "{{ chart visitors-series }}")
    doc = LexborHTMLParser(html)
    labels = [t.text() for t in doc.css("details tbody th")]
    assert labels == ["2024", "quý 1/2025"]
    assert "4,5" not in html  # the 2022 figure is confirmed: false
    assert doc.css("rect.tn-chart__bar--partial")  # the quarter is marked as part of a year
