"""Freshness: a figure shown past its `fresh_for_months` is a `stale-figure` warning, and a
`{{ until milestones/ID }}` sentence whose date has passed a `passed-milestone` warning, both
at the page's directive, in English and Vietnamese, judged on an injected day."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from tests.data.fixture import make_project, reload, write_page
from tnsite.config import Project
from tnsite.data import freshness
from tnsite.data.checks import check_data, page_findings
from tnsite.data.store import Store, load_store
from tnsite.findings import Finding, Severity

# Records the tests own, appended to the fixture's copy of the real data so that the tests do
# not depend on the site's figures, which editors update.
FIGURES = """\
  - id: test-old-own
    label: {vi: Số thử nghiệm riêng, en: Test figure own, km: តួលេខសាកល្បង, zh: 测试数字}
    value: 42
    scope: province
    as_of: 2024-01
    fresh_for_months: 6
    source: vietnamnet-2025-06-merger
  - id: test-old-shared
    label: {vi: Số thử nghiệm chung, en: Test figure shared, km: តួលេខសាកល្បង, zh: 共用测试数字}
    value: 7
    scope: province
    as_of: 2024-03-15
    source: vietnamnet-2025-06-merger
  - id: test-historic
    label: {vi: Số cột thử nghiệm, en: Test columns, km: សសរសាកល្បង, zh: 测试柱子}
    value: 120
    scope: site
    as_of: 1903
    fresh_for_months: never
    source: vietnamnet-2025-06-merger
"""
MILESTONES = """\
  - id: test-opening
    label:
      vi: Cầu thử nghiệm thông xe
      en: The test bridge open to traffic
      km: ស្ពានសាកល្បងបើកឱ្យប្រើប្រាស់
      zh: 测试桥梁通车
    date: 2026-03
    source: nld-2025-10-14-ip
    as_of: 2025-10-14
    fresh_for_months: 600
  - id: test-done-early
    label:
      vi: Cảng thử nghiệm khánh thành
      en: The test port inaugurated
      km: កំពង់ផែសាកល្បងសម្ពោធ
      zh: 测试港口落成
    date: 2030
    done: true
    source: nld-2025-10-14-ip
    as_of: 2025-10-14
    fresh_for_months: 600
"""
# Words of the English messages and hints; none may be left in the Vietnamese text once the
# directive, quoted ids and labels, file paths and YAML keys are taken out.
ENGLISH = re.compile(
    r"\b(shows?|figures?|past|freshness|current|months|until|update|newer|published|raise|"
    r"line|anticipates|which|passed|rewrite|tense|remove|postponed|marks|the|its|in|is|of|on)\b",
    re.I,
)


def vietnamese_only(text: str) -> bool:
    rest = re.sub(r"\{\{.*?\}\}|'[^']*'|data/\S+|as_of|source|fresh_for_months|date|done", "", text)
    return ENGLISH.search(rest) is None


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Project:
    built = make_project(tmp_path_factory.mktemp("freshness") / "proj")
    for name, extra in (("key-figures", FIGURES), ("milestones", MILESTONES)):
        path = built.root / "data" / f"{name}.yml"
        text = path.read_text(encoding="utf-8")
        path.write_text(text.rstrip("\n") + "\n" + extra, encoding="utf-8")
    return reload(built.root)


@pytest.fixture(scope="module")
def store(project: Project) -> Store:
    loaded = load_store(project)
    assert [f.render() for f in loaded.findings if f.severity is Severity.ERROR] == []
    return loaded


def fresh(findings: list[Finding]) -> list[Finding]:
    return [f for f in findings if f.rule in (freshness.STALE_RULE, freshness.PASSED_RULE)]


def yaml_line(project: Project, name: str, record_id: str, key: str) -> int:
    lines = (project.root / "data" / f"{name}.yml").read_text(encoding="utf-8").splitlines()
    start = lines.index(f"  - id: {record_id}")
    return next(i for i in range(start, len(lines)) if lines[i].startswith(f"    {key}:")) + 1


PAGE = "---\ntitle: T\n---\n\n# T\n\nThe figure is {{ value key-figures/test-old-own }} today.\n"


def test_an_old_figure_is_a_warning_at_the_directive(project: Project, store: Store) -> None:
    # as of 2024-01 (the month ends 2024-02-01), fresh for 6 months: stale from 2024-08-01
    (finding,) = fresh(page_findings(PAGE, "docs/en/x.md", "en", store, dt.date(2024, 8, 1)))
    assert (finding.path, finding.line, finding.col) == ("docs/en/x.md", 7, 15)
    assert (finding.rule, finding.severity) == ("stale-figure", Severity.WARNING)
    assert "'test-old-own' in data/key-figures.yml is as of 2024-01" in finding.message.en
    assert "current for 6 months (until 2024-08-01)" in finding.message.en
    assert "tính đến 2024-01, chỉ dùng được 6 tháng (đến 2024-08-01)" in finding.message.vi
    assert finding.hint is not None
    as_of = yaml_line(project, "key-figures", "test-old-own", "as_of")
    own = yaml_line(project, "key-figures", "test-old-own", "fresh_for_months")
    assert f"update 'test-old-own' in data/key-figures.yml (as_of and source, line {as_of})" in (
        finding.hint.en
    )
    assert f"raise its fresh_for_months (line {own})" in finding.hint.en
    assert f"dòng {as_of}" in finding.hint.vi and "tăng fresh_for_months" in finding.hint.vi
    assert vietnamese_only(finding.message.vi) and vietnamese_only(finding.hint.vi)
    assert not vietnamese_only(finding.message.en) and not vietnamese_only(finding.hint.en)
    assert finding.render("vi").endswith("[stale-figure]") and ": cảnh báo: " in finding.render(
        "vi"
    )


def test_a_figure_within_its_freshness_is_not_reported(store: Store) -> None:
    assert fresh(page_findings(PAGE, "docs/en/x.md", "en", store, dt.date(2024, 7, 31))) == []


def test_the_dataset_freshness_applies_when_the_record_has_none(store: Store) -> None:
    text = "{{ value key-figures/test-old-shared }}\n"
    # key-figures.yml: fresh_for_months 12 for the file; as of 2024-03-15 → until 2025-03-16
    assert fresh(page_findings(text, "docs/vi/x.md", "vi", store, dt.date(2025, 3, 15))) == []
    (finding,) = fresh(page_findings(text, "docs/vi/x.md", "vi", store, dt.date(2025, 3, 16)))
    assert (finding.line, finding.col, finding.rule) == (1, 1, "stale-figure")
    assert finding.hint is not None
    assert "fresh_for_months at the top of data/key-figures.yml" in finding.hint.en
    assert "fresh_for_months ở đầu tệp data/key-figures.yml" in finding.hint.vi
    assert vietnamese_only(finding.message.vi) and vietnamese_only(finding.hint.vi)


def test_one_warning_per_directive_names_every_old_figure(store: Store) -> None:
    text = "{{ figures key-figures ids=area,test-old-own,test-old-shared }}\n"
    (finding,) = fresh(page_findings(text, "docs/km/x.md", "km", store, dt.date(2025, 6, 1)))
    assert finding.message.en.startswith(f"{text.strip()} shows 2 figures past their freshness")
    assert "'test-old-own'" in finding.message.en and "'test-old-shared'" in finding.message.en
    assert "'area'" not in finding.message.en
    assert "hiển thị 2 số liệu đã quá hạn" in finding.message.vi
    assert finding.extra["stale"] == ["key-figures/test-old-own", "key-figures/test-old-shared"]
    assert vietnamese_only(finding.message.vi) and finding.hint
    assert vietnamese_only(finding.hint.vi)


def test_a_passed_milestone_asks_for_the_past_tense(project: Project, store: Store) -> None:
    text = "Cầu sẽ thông xe vào tháng 3/2026. {{ until milestones/test-opening }}\n"
    # "2026-03" has not passed while March lasts
    assert fresh(page_findings(text, "docs/vi/x.md", "vi", store, dt.date(2026, 3, 31))) == []
    (finding,) = fresh(page_findings(text, "docs/vi/x.md", "vi", store, dt.date(2026, 4, 1)))
    assert (finding.path, finding.line, finding.col) == ("docs/vi/x.md", 1, 35)
    assert (finding.rule, finding.severity) == ("passed-milestone", Severity.WARNING)
    assert finding.message.en == (
        "this sentence anticipates 'The test bridge open to traffic' on 2026-03, which has passed"
    )
    assert finding.message.vi == (
        "câu này nói trước về 'Cầu thử nghiệm thông xe' vào 2026-03, thời điểm này đã qua"
    )
    assert finding.hint is not None
    assert finding.hint.en.startswith("rewrite it in the past tense")
    assert "remove {{ until milestones/test-opening }}" in finding.hint.en
    date_line = yaml_line(project, "milestones", "test-opening", "date")
    assert f"data/milestones.yml (line {date_line})" in finding.hint.en
    assert (
        "viết lại câu ở thì quá khứ" in finding.hint.vi and f"dòng {date_line}" in finding.hint.vi
    )
    assert vietnamese_only(finding.message.vi) and vietnamese_only(finding.hint.vi)


def test_an_unchecked_schedule_is_a_stale_date(store: Store) -> None:
    """milestones.yml keeps its dates fresh for 12 months: after that, is the event still
    expected then? The record's own fresh_for_months (600 here) is what counts."""
    record = store.record("milestones", "test-opening")
    assert record is not None
    try:
        del record["fresh_for_months"]
        text = "{{ until milestones/test-opening }}\n"
        # as of 2025-10-14, 12 months for the file: until 2026-10-15; the date passed before
        findings = fresh(page_findings(text, "docs/en/x.md", "en", store, dt.date(2026, 10, 15)))
        assert [f.rule for f in findings] == ["stale-figure", "passed-milestone"]
        stale = findings[0]
        assert stale.message.en.startswith(f"{text.strip()} anticipates a date past its freshness")
        assert stale.hint is not None
        assert stale.hint.en.startswith("check that the event is still expected on 2026-03")
        assert "kiểm tra sự kiện vẫn dự kiến vào 2026-03" in stale.hint.vi
        assert vietnamese_only(stale.message.vi) and vietnamese_only(stale.hint.vi)
    finally:
        record["fresh_for_months"] = 600


def test_a_milestone_marked_done_is_reported_before_its_date(store: Store) -> None:
    text = "{{ until milestones/test-done-early }}\n"
    (finding,) = fresh(page_findings(text, "docs/en/x.md", "en", store, dt.date(2026, 1, 1)))
    assert finding.rule == "passed-milestone" and "marks as done" in finding.message.en
    assert vietnamese_only(finding.message.vi)


def test_tnsite_check_reports_at_the_page_line_on_the_injected_day(
    project: Project, monkeypatch: pytest.MonkeyPatch
) -> None:
    write_page(
        project.root, "en", "fresh.md", PAGE + "\nSoon. {{ until milestones/test-opening }}\n"
    )
    monkeypatch.setenv("TNSITE_TODAY", "2026-04-01")
    assert freshness.today() == dt.date(2026, 4, 1)
    found = [f for f in fresh(check_data(reload(project.root))) if f.path == "docs/en/fresh.md"]
    assert [(f.line, f.col, f.rule, f.severity) for f in found] == [
        (7, 15, "stale-figure", Severity.WARNING),
        (9, 7, "passed-milestone", Severity.WARNING),
    ]
    monkeypatch.setenv("TNSITE_TODAY", "2024-02-01")
    assert [f for f in fresh(check_data(project)) if f.path == "docs/en/fresh.md"] == []
    (Path(project.root) / "docs/en/fresh.md").unlink()


def test_a_malformed_today_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TNSITE_TODAY", "5/12/2026")
    with pytest.raises(ValueError, match="YYYY-MM-DD"):
        freshness.today()


def test_a_directive_with_an_error_gets_no_freshness_warning(store: Store) -> None:
    text = "{{ figures key-figures ids=test-old-own,nope }}\n"
    findings = page_findings(text, "docs/en/x.md", "en", store, dt.date(2030, 1, 1))
    assert [f.rule for f in findings] == ["data-directive"]


@pytest.mark.parametrize(
    ("day", "months", "expected"),
    [
        (dt.date(2025, 1, 31), 1, dt.date(2025, 2, 28)),
        (dt.date(2024, 11, 30), 3, dt.date(2025, 2, 28)),
        (dt.date(2025, 6, 1), 600, dt.date(2075, 6, 1)),
    ],
)
def test_add_months_keeps_to_the_month(day: dt.date, months: int, expected: dt.date) -> None:
    assert freshness.add_months(day, months) == expected


def test_the_real_site_today_gets_warnings_only() -> None:
    """On the real pages and data, 2026-12-05: the checks run, and whatever they find is a
    warning, so the real build still passes."""
    from tests.conftest import ROOT

    real = reload(ROOT)
    findings = check_data(real, dt.date(2026, 12, 5))
    found = fresh(findings)
    assert found, "expected the checks to run over the real pages"
    assert {f.severity for f in found} == {Severity.WARNING}
    assert all(f.path.startswith("docs/") and f.line >= 1 for f in found)
    assert all(vietnamese_only(f.message.vi) for f in found)
    assert [f.render() for f in findings if f.severity is Severity.ERROR] == []


def test_a_figure_dated_after_today_is_warned_at_its_as_of(project: Project) -> None:
    figures = Path(project.root) / "data/key-figures.yml"
    text = figures.read_text(encoding="utf-8")
    figures.write_text(text.replace("as_of: 2025-06", "as_of: 2027-06", 1), encoding="utf-8")
    try:
        found = [
            f
            for f in check_data(reload(project.root), dt.date(2026, 12, 7))
            if f.rule == "future-date"
        ]
        line = figures.read_text(encoding="utf-8").split("\n").index("    as_of: 2027-06") + 1
        assert [(f.path, f.line, f.severity) for f in found] == [
            ("data/key-figures.yml", line, Severity.WARNING)
        ]
        assert "2026-12-07" in found[0].message.vi
        # the same month as today has begun: it may be as_of
        assert not [
            f
            for f in check_data(reload(project.root), dt.date(2027, 6, 1))
            if f.rule == "future-date"
        ]
    finally:
        figures.write_text(text, encoding="utf-8")


def test_a_fact_that_cannot_change_never_goes_stale(store: Store) -> None:
    text = "{{ value key-figures/test-historic }}\n"
    # The file's 12 months do not apply to it either: `never` is the record's own word.
    assert fresh(page_findings(text, "docs/vi/x.md", "vi", store, dt.date(2126, 1, 1))) == []


def test_the_hint_offers_never_for_a_fact_that_cannot_change(store: Store) -> None:
    (finding,) = fresh(page_findings(PAGE, "docs/en/x.md", "en", store, dt.date(2024, 8, 1)))
    assert finding.hint is not None
    assert "`fresh_for_months: never`" in finding.hint.en
    assert "`fresh_for_months: never`" in finding.hint.vi


def test_a_freshness_written_wrong_is_not_judged_by_the_files(store: Store) -> None:
    """`fresh_for_months: 5 năm` is the schema's error; the file's 12 months are no answer to
    what the editor meant, so no stale warning is added to it."""
    dataset = store.datasets["key-figures"]
    record = {**dataset.by_id["test-historic"], "fresh_for_months": "5 năm"}
    assert freshness.fresh_for(dataset, record) is None
    assert freshness.stale(dataset, record, dt.date(2126, 1, 1)) is None
