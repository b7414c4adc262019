from pathlib import Path

import pytest

from tnsite.audit.browser import PageResult
from tnsite.audit.budgets import Budgets, PageType, load_budgets
from tnsite.audit.lighthouse import LighthouseResult
from tnsite.audit.run import Row, judge

ROOT = Path(__file__).resolve().parents[2]
TEXT = PageType("long", "du-lich/nui-ba-den/", 200)
BUDGETS = Budgets((TEXT,), {"performance": 95, "accessibility": 100})
PATHS = {"vi": "/du-lich/nui-ba-den/", "km": "/km/du-lich/nui-ba-den/"}
KHMER_FACE = frozenset({"Noto Sans Khmer"})


def clean(lang: str = "km") -> PageResult:
    return PageResult(
        url="http://127.0.0.1/km/",
        status=200,
        transfer_bytes=150 * 1024,
        html_lang=lang,
        script_fonts=["Noto Sans Khmer"],
        menu_reached="http://127.0.0.1/km/du-lich/",
        switched_to={
            code: {"path": path, "status": 200, "lang": code} for code, path in PATHS.items()
        },
    )


def test_the_real_budget_file_loads() -> None:
    budgets = load_budgets(ROOT / "audit.yml")
    names = {t.name for t in budgets.page_types}
    assert {"home", "section", "long", "data", "news", "not_found", "search"} <= names
    assert budgets.min_scores["accessibility"] == 100


def test_a_malformed_budget_file_is_refused(tmp_path: Path) -> None:
    bad = tmp_path / "audit.yml"
    bad.write_text("lighthouse: {min_scores: {seo: 150}}\npage_types: {home: {max_kb: 3}}\n")
    with pytest.raises(ValueError, match=r"audit\.yml"):
        load_budgets(bad)


def test_a_clean_page_passes() -> None:
    row = Row(
        "long", "km", "u", clean(), LighthouseResult({"performance": 97, "accessibility": 100})
    )
    assert judge(row, TEXT, BUDGETS, "km", PATHS, KHMER_FACE) == []


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        ({"transfer_bytes": 260 * 1024}, "weight 260 KB > budget 200 KB"),
        ({"outside": ["https://fonts.gstatic.com/x.woff2"]}, "third-party requests"),
        ({"axe": [{"id": "color-contrast", "nodes": 2}]}, "axe: color-contrast (2)"),
        ({"html_lang": "vi"}, 'expected "km"'),
        ({"script_fonts": ["DejaVu Sans"]}, "not the site's face (Noto Sans Khmer)"),
        ({"script_fonts": []}, "no Khmer text found"),
        ({"horizontal_overflow": 24}, "horizontal scroll of 24px"),
        ({"status": 404}, "HTTP status 404"),
        ({"console_errors": ["Failed to load resource"]}, "console errors"),
        ({"csp_violations": ["/: Refused to execute inline script"]}, "Content-Security-Policy"),
        ({"menu_reached": ""}, "the menu at 390px shows no link"),
        ({"switched_to": {"km": {"path": "/km/", "status": 200, "lang": "km"}}}, "no link to 'vi'"),
        (
            {
                "switched_to": {
                    **clean().switched_to,
                    "vi": {"path": "/", "status": 200, "lang": "vi"},
                }
            },
            "the 'vi' link leads to /, not /du-lich/nui-ba-den/",
        ),
        (
            {
                "switched_to": {
                    **clean().switched_to,
                    "vi": {"path": "/x/", "status": 404, "lang": "vi"},
                }
            },
            "HTTP 404",
        ),
    ],
)
def test_each_budget_fires(change: dict, expected: str) -> None:
    result = clean()
    for key, value in change.items():
        setattr(result, key, value)
    problems = judge(Row("long", "km", "u", result, None), TEXT, BUDGETS, "km", PATHS, KHMER_FACE)
    assert any(expected in p for p in problems), problems


def test_lighthouse_scores_below_the_minimum_fail() -> None:
    lh = LighthouseResult(
        {"performance": 80, "accessibility": 100}, {"performance": ["largest-contentful-paint"]}
    )
    problems = judge(Row("long", "km", "u", clean(), lh), TEXT, BUDGETS, "km", PATHS, KHMER_FACE)
    assert problems == ["Lighthouse performance 80 < 95 (largest-contentful-paint)"]


def test_a_page_kept_out_of_search_engines_may_fail_only_the_crawlable_audit() -> None:
    """A page shown from Vietnamese under /zh/ carries noindex on purpose."""
    budgets = Budgets((TEXT,), {"seo": 100})
    fallback = clean()
    fallback.noindex = True
    only = LighthouseResult({"seo": 69}, {"seo": ["is-crawlable"]})
    more = LighthouseResult({"seo": 60}, {"seo": ["is-crawlable", "meta-description"]})
    assert judge(Row("long", "km", "u", fallback, only), TEXT, budgets, "km", PATHS) == []
    assert judge(Row("long", "km", "u", fallback, more), TEXT, budgets, "km", PATHS)
    assert judge(Row("long", "km", "u", clean(), only), TEXT, budgets, "km", PATHS)


def test_a_language_left_to_system_fonts_needs_its_script_drawn_and_its_tag() -> None:
    """Chinese: any system CJK face will do, but the page must hold Chinese text, and
    lang="zh-Hans" names the language zh (the language menu's links too)."""
    paths = {"zh": "/zh/dau-tu/"}
    result = clean("zh-Hans")
    result.script_fonts = ["Noto Sans CJK SC"]
    result.switched_to = {"zh": {"path": "/zh/dau-tu/", "status": 200, "lang": "zh-Hans"}}
    row = Row("long", "zh", "u", result, None)
    assert judge(row, TEXT, BUDGETS, "zh", paths) == []
    result.script_fonts = []
    assert judge(row, TEXT, BUDGETS, "zh", paths) == ["no Han text found on a 'zh' page"]
    result.script_fonts = ["Noto Sans CJK SC"]
    result.html_lang = "zhx"
    assert judge(row, TEXT, BUDGETS, "zh", paths) == ['<html lang="zhx">, expected "zh"']


def test_the_site_stylesheet_names_the_khmer_face_and_none_for_chinese() -> None:
    from tnsite.audit.run import web_font_families
    from tnsite.config import load_project

    project = load_project(ROOT)
    assert web_font_families(project, "km") == {"Noto Sans Khmer"}
    assert web_font_families(project, "zh") == frozenset()
