"""Each translation rule fed the bad input it exists to catch: right rule, path and line."""

from __future__ import annotations

import datetime as dt

from tests.i18n.fixture import write_page
from tnsite.check.causes import resolve
from tnsite.config import Project
from tnsite.findings import Finding, Severity
from tnsite.i18n.rules import check_translations

TODAY = dt.date(2026, 11, 26)
PARK = "dau-tu/khu-cong-nghiep.md"


def findings(project: Project, on: dt.date = TODAY) -> list[Finding]:
    return check_translations(project, on)


def only(project: Project, rule: str, on: dt.date = TODAY) -> list[Finding]:
    return [f for f in findings(project, on) if f.rule == rule]


def edit(project: Project, rel: str, old: str, new: str) -> None:
    path = project.root / rel
    text = path.read_text(encoding="utf-8")
    assert old in text, (rel, old)
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def line_of(project: Project, rel: str, needle: str) -> int:
    lines = (project.root / rel).read_text(encoding="utf-8").splitlines()
    return next(i for i, line in enumerate(lines, 1) if needle in line)


def pending_file(project: Project, text: str) -> None:
    (project.root / "i18n").mkdir(exist_ok=True)
    (project.root / "i18n" / "pending.yml").write_text(text, encoding="utf-8")


def test_clean_project_has_no_finding(fixture_project: Project) -> None:
    assert findings(fixture_project) == []


# missing-translation and pending ------------------------------------------------------------


def test_deleted_khmer_page_is_a_missing_translation_error(fixture_project: Project) -> None:
    (fixture_project.root / "docs/km" / PARK).unlink()
    [finding] = findings(fixture_project)
    assert (finding.rule, finding.path, finding.line) == (
        "missing-translation",
        f"docs/km/{PARK}",
        1,
    )
    assert finding.severity is Severity.ERROR
    assert f"docs/vi/{PARK}" in finding.message.en and f"docs/vi/{PARK}" in finding.message.vi


def test_declared_pending_page_is_a_warning_until_its_date(fixture_project: Project) -> None:
    (fixture_project.root / "docs/km" / PARK).unlink()
    pending_file(
        fixture_project,
        f"# comment\n- path: {PARK}\n  lang: km\n  reason: Chờ người dịch\n  until: 2026-12-31\n",
    )
    [finding] = findings(fixture_project)
    assert (finding.rule, finding.path, finding.line, finding.severity) == (
        "pending",
        f"docs/km/{PARK}",
        1,
        Severity.WARNING,
    )
    assert "i18n/pending.yml:2" in finding.message.en
    assert "Chờ người dịch" in finding.message.vi

    # Past its date: an error at the entry, the one place the editor changes (the date, or
    # the translation it names).
    [late] = findings(fixture_project, on=dt.date(2027, 1, 1))
    assert (late.rule, late.path, late.line, late.severity) == (
        "missing-translation",
        "i18n/pending.yml",
        2,
        Severity.ERROR,
    )
    assert "2026-12-31" in late.message.en and "passed" in late.message.en
    assert f"docs/km/{PARK}" in late.message.vi and "ngày muộn hơn cho `until`" in late.hint.vi


def test_unusable_pending_entries_are_errors_at_their_line(fixture_project: Project) -> None:
    pending_file(
        fixture_project,
        f"- path: {PARK}\n  lang: fr\n  reason: x\n  until: 2026-12-31\n"
        f"- path: {PARK}\n  lang: km\n  until: 2026-12-31\n"
        f"- path: {PARK}\n  lang: km\n  reason: x\n  until: soon\n",
    )
    got = sorted((f.path, f.line, f.rule, f.severity) for f in findings(fixture_project))
    assert got == [  # the line of the value to correct; the entry's first line when one lacks
        ("i18n/pending.yml", 2, "pending", Severity.ERROR),
        ("i18n/pending.yml", 5, "pending", Severity.ERROR),
        ("i18n/pending.yml", 11, "pending", Severity.ERROR),
    ]


def test_pending_entry_for_an_existing_translation_asks_to_remove_it(
    fixture_project: Project,
) -> None:
    pending_file(fixture_project, f"- path: {PARK}\n  lang: en\n  reason: x\n  until: 2026-12-31\n")
    [finding] = findings(fixture_project)
    assert (finding.path, finding.line, finding.rule) == ("i18n/pending.yml", 1, "pending")
    assert "remove this entry" in finding.message.en


def test_broken_pending_yaml_is_reported_at_its_line(fixture_project: Project) -> None:
    pending_file(fixture_project, "- path: a.md\n  lang: [km\n")
    [finding] = findings(fixture_project)
    assert (finding.path, finding.rule, finding.severity) == (
        "i18n/pending.yml",
        "pending",
        Severity.ERROR,
    )
    assert finding.line >= 2


# orphan-translation ---------------------------------------------------------------------------


def test_translation_without_source_is_an_orphan(fixture_project: Project) -> None:
    write_page(
        fixture_project.root,
        "en",
        "dau-tu/cu.md",
        "---\ntitle: Old\ndescription: An old page.\ntranslation:\n  source: dau-tu/cu.md\n"
        "  review: draft\n---\n\n# Old\n\nThis page lost its source.\n",
    )
    [finding] = findings(fixture_project)
    assert (finding.rule, finding.path, finding.line, finding.severity) == (
        "orphan-translation",
        "docs/en/dau-tu/cu.md",
        5,
        Severity.ERROR,
    )
    assert "docs/vi/dau-tu/cu.md" in finding.message.en


# stale-translation ----------------------------------------------------------------------------


def test_editing_one_paragraph_names_only_its_heading(fixture_project: Project) -> None:
    edit(
        fixture_project,
        f"docs/vi/{PARK}",
        "Nhiều khu đã lấp đầy phần lớn diện tích và đang mở rộng.",
        "Nhiều khu đã lấp đầy gần hết diện tích.",
    )
    got = only(fixture_project, "stale-translation")
    assert sorted((f.path, f.line) for f in got) == [
        (f"docs/en/{PARK}", line_of(fixture_project, f"docs/en/{PARK}", "{#occupancy}")),
        (f"docs/km/{PARK}", line_of(fixture_project, f"docs/km/{PARK}", "{#occupancy}")),
    ]
    for finding in got:
        assert finding.severity is Severity.WARNING
        assert [s["id"] for s in finding.extra["sections"]] == ["occupancy"]
        assert "Tỷ lệ lấp đầy" in finding.message.en and "#overview" not in finding.message.en
        assert f'make mark PAGES="{finding.path}"' in finding.hint.en
    assert len(findings(fixture_project)) == 2


def test_translation_without_recorded_version_is_stale(fixture_project: Project) -> None:
    rel = f"docs/en/{PARK}"
    text = (fixture_project.root / rel).read_text(encoding="utf-8")
    lines = [line for line in text.splitlines(True) if "source_version" not in line]
    (fixture_project.root / rel).write_text("".join(lines), encoding="utf-8")
    [finding] = findings(fixture_project)
    assert (finding.rule, finding.path, finding.line) == ("stale-translation", rel, 4)
    assert "no source version" in finding.message.en


# structure-mismatch ---------------------------------------------------------------------------


def test_structure_differences_are_reported_where_they_are(fixture_project: Project) -> None:
    en = f"docs/en/{PARK}"
    edit(fixture_project, en, "## Planning {#planning}", "## Planning")
    edit(
        fixture_project,
        en,
        "Many parks have let most of their land",
        "![Map](../img/map.svg)\n\nMany parks have let most of their land",
    )
    edit(fixture_project, en, "Back to [investment](index.md).", "Back to investment.")
    vi = f"docs/vi/{PARK}"
    edit(
        fixture_project,
        vi,
        "Phần lớn vốn đầu tư nước ngoài",
        "{{ table industrial-parks }}\n\nPhần lớn vốn đầu tư nước ngoài",
    )
    model_findings = only(fixture_project, "structure-mismatch")
    got = {(f.path, f.line, f.message.en.split(" `")[0]) for f in model_findings}
    planning = line_of(fixture_project, en, "## Planning")
    km = f"docs/km/{PARK}"
    assert got == {
        (en, planning, "heading id"),  # the heading that lost its id
        (en, line_of(fixture_project, en, "![Map]"), "image"),  # an image the source lacks
        (en, line_of(fixture_project, en, "{#overview}"), "data block"),  # in that section
        (km, line_of(fixture_project, km, "{#overview}"), "data block"),
        (en, planning, "link to page"),  # the link to index.md of the planning section
    }, model_findings
    assert all(f.severity is Severity.WARNING for f in model_findings)


# untranslated-text ----------------------------------------------------------------------------


def test_vietnamese_paragraph_in_a_khmer_page_is_reported_at_its_line(
    fixture_project: Project,
) -> None:
    km = f"docs/km/{PARK}"
    edit(
        fixture_project,
        km,
        "ការវិនិយោគបរទេសភាគច្រើនស្ថិតនៅក្នុងតំបន់ឧស្សាហកម្ម។",
        "ការវិនិយោគបរទេសភាគច្រើនស្ថិតនៅក្នុងតំបន់ឧស្សាហកម្ម។\n\n"
        "Các khu công nghiệp đã thu hút phần lớn vốn đầu tư nước ngoài vào tỉnh.",
    )
    [finding] = only(fixture_project, "untranslated-text")
    assert (finding.path, finding.line) == (km, line_of(fixture_project, km, "Các khu công"))


def test_khmer_page_left_in_vietnamese_is_one_finding(fixture_project: Project) -> None:
    vi_text = (fixture_project.root / f"docs/vi/{PARK}").read_text(encoding="utf-8")
    km = f"docs/km/{PARK}"
    head = (fixture_project.root / km).read_text(encoding="utf-8").split("\n---\n", 1)[0]
    body = vi_text.split("\n---\n", 1)[1]
    (fixture_project.root / km).write_text(head + "\n---\n" + body, encoding="utf-8")
    [finding] = only(fixture_project, "untranslated-text")
    assert finding.path == km
    assert finding.line == line_of(fixture_project, km, "# Khu công nghiệp")
    assert "mostly not in Khmer script" in finding.message.en


def test_vietnamese_sentence_in_an_english_page_is_reported(fixture_project: Project) -> None:
    en = f"docs/en/{PARK}"
    edit(
        fixture_project,
        en,
        "Most foreign investment is located in the industrial parks.",
        "Most foreign investment is located in the industrial parks. Phần lớn vốn "
        "đầu tư nước ngoài nằm trong các khu công nghiệp.",
    )
    [finding] = only(fixture_project, "untranslated-text")
    assert (finding.path, finding.line) == (en, line_of(fixture_project, en, "Phần lớn"))
    assert "Phần lớn" in finding.message.en


def test_vietnamese_names_and_terms_in_english_are_fine(fixture_project: Project) -> None:
    en = f"docs/en/{PARK}"
    edit(
        fixture_project,
        en,
        "Most foreign investment is located in the industrial parks.",
        "Visitors combine Bà Đen Mountain, the Cao Đài Holy See in Hòa Thành and Mộc Bài. "
        "Try the dew-dried rice paper of Trảng Bàng (bánh tráng phơi sương) and chili salt "
        '(muối ớt). The signature dish is bánh tráng phơi sương, "rice paper dried in the '
        'dew", served with herbs.',
    )
    assert only(fixture_project, "untranslated-text") == []


# front-matter ---------------------------------------------------------------------------------


def test_malformed_yaml_is_reported_at_its_file_line(fixture_project: Project) -> None:
    rel = f"docs/en/{PARK}"
    edit(fixture_project, rel, "description: The province's", "description: Parks: the province's")
    [finding] = only(fixture_project, "front-matter")
    assert (finding.path, finding.line, finding.severity) == (rel, 3, Severity.ERROR)
    assert "a value contains a colon" in finding.message.en
    assert finding.hint is not None and "ngoặc kép" in finding.hint.vi


def test_unclosed_front_matter_is_reported(fixture_project: Project) -> None:
    rel = "docs/vi/index.md"
    text = (fixture_project.root / rel).read_text(encoding="utf-8")
    (fixture_project.root / rel).write_text(text.replace("---\n\n#", "\n#", 1), encoding="utf-8")
    got = only(fixture_project, "front-matter")
    assert [(f.path, f.line) for f in got] == [(rel, 4)]  # where the closing `---` goes
    assert "---" in got[0].hint.vi and "đóng phần thông tin" in got[0].hint.vi


def test_schema_violations_name_the_key_and_line(fixture_project: Project) -> None:
    vi = "docs/vi/dau-tu/index.md"
    edit(
        fixture_project,
        vi,
        "description: Vì sao nên đầu tư vào tỉnh Tây Ninh và bắt đầu từ đâu.\n",
        "",
    )
    en = "docs/en/dau-tu/index.md"
    edit(fixture_project, en, "  review: draft", "  review: final")
    km = "docs/km/dau-tu/index.md"
    edit(fixture_project, km, "  source: dau-tu/index.md", "  source: dau-tu/khu-cong-nghiep.md")
    home = "docs/vi/index.md"
    edit(
        fixture_project,
        home,
        "---\n\n# Trang chủ",
        "translation:\n  source: index.md\n---\n\n# Trang chủ",
    )
    got = {(f.path, f.line) for f in only(fixture_project, "front-matter")}
    assert got == {
        (vi, 1),
        (en, line_of(fixture_project, en, "review: final")),
        (km, line_of(fixture_project, km, "source: dau-tu/khu")),
        (home, line_of(fixture_project, home, "translation:")),
    }


def test_missing_translation_record_is_a_front_matter_error(fixture_project: Project) -> None:
    rel = "docs/en/index.md"
    text = (fixture_project.root / rel).read_text(encoding="utf-8")
    start = text.index("translation:")
    end = text.index("---", start)
    (fixture_project.root / rel).write_text(text[:start] + text[end:], encoding="utf-8")
    got = [f for f in findings(fixture_project) if f.rule == "front-matter"]
    assert [(f.path, f.line) for f in got] == [(rel, 1)]
    assert "translation" in got[0].message.en


def test_messages_are_bilingual(fixture_project: Project) -> None:
    (fixture_project.root / "docs/km" / PARK).unlink()
    [finding] = findings(fixture_project)
    assert finding.message.vi and finding.message.vi != finding.message.en
    assert finding.hint and finding.hint.vi != finding.hint.en
    assert "thiếu bản tiếng Khmer" in finding.render("vi")


def test_a_notice_box_dropped_or_changed_is_reported_unless_the_section_is_adapted(
    fixture_project: Project,
) -> None:
    vi, en, km = (f"docs/{lang}/{PARK}" for lang in ("vi", "en", "km"))
    edit(
        fixture_project,
        vi,
        "## Quy hoạch {#planning}",
        '## Quy hoạch {#planning}\n\n!!! warning "Lưu ý"\n    Quy hoạch có thể thay đổi.\n',
    )
    edit(
        fixture_project,
        en,
        "## Planning {#planning}",
        '## Planning {#planning}\n\n!!! tip "Note"\n    Plans may change.\n',
    )
    found = {
        (f.path, f.line, f.message.en.split(" `")[0])
        for f in only(fixture_project, "structure-mismatch")
    }
    assert found == {
        (en, line_of(fixture_project, en, "## Planning"), "notice box"),  # the warning, missing
        (en, line_of(fixture_project, en, "!!! tip"), "notice box"),  # a tip the source lacks
        (km, line_of(fixture_project, km, "{#planning}"), "notice box"),  # missing in Khmer too
    }
    # The English page says its planning section is written for its readers, and why.
    edit(
        fixture_project,
        en,
        "  review: draft\n",
        "  review: draft\n  adapted:\n    - section: planning\n"
        "      reason: Written for investors abroad.\n",
    )
    assert {f.path for f in only(fixture_project, "structure-mismatch")} == {km}


def test_an_adapted_section_the_source_does_not_have_is_reported(fixture_project: Project) -> None:
    en = f"docs/en/{PARK}"
    edit(
        fixture_project,
        en,
        "  review: draft\n",
        "  review: draft\n  adapted:\n    - section: '#planing'\n      reason: For investors.\n",
    )
    [finding] = only(fixture_project, "structure-mismatch")
    assert (finding.path, finding.line) == (en, line_of(fixture_project, en, "adapted:"))
    assert "#planing" in finding.message.en and "#planing" in finding.message.vi


def test_a_heading_id_translated_with_its_heading_is_one_error_naming_the_id_to_keep(
    fixture_project: Project,
) -> None:
    page = f"docs/km/{PARK}"
    edit(fixture_project, page, "{#occupancy}", "{#ការកាន់កាប់\u200b}")
    found = [f for f in resolve(findings(fixture_project)) if f.path == page]
    [error] = [f for f in found if f.severity is Severity.ERROR]
    assert error.rule == "heading-id" and error.line == line_of(fixture_project, page, "ការកាន់")
    assert "viết lại {#occupancy}" in error.hint.vi  # type: ignore[union-attr]
    assert "{#ការកាន់កាប់\u200b}" in error.message.vi  # the id as written, to its end
    assert not [f for f in found if f.rule == "structure-mismatch"]


def test_a_heading_id_the_source_changed_is_left_to_the_stale_warning(
    fixture_project: Project,
) -> None:
    edit(fixture_project, f"docs/vi/{PARK}", "{#occupancy}", "{#ty-le-lap-day}")
    assert not [f for f in findings(fixture_project) if f.rule == "heading-id"]
    assert only(fixture_project, "stale-translation")


def test_a_vietnamese_sentence_left_in_a_khmer_passage_is_found_and_names_are_not(
    fixture_project: Project,
) -> None:
    page = f"docs/km/{PARK}"
    left = " Doanh nghiệp Tây Ninh cần chứng minh xuất xứ hàng hóa để hưởng ưu đãi thuế quan."
    edit(fixture_project, page, "ហើយកំពុងពង្រីក។", "ហើយកំពុងពង្រីក។" + left)
    # A name kept in Vietnamese, in parentheses after its translation, is no sentence left.
    edit(fixture_project, page, "ខេត្តគ្រោង", "ខេត្ត (Ủy ban nhân dân tỉnh Tây Ninh) គ្រោង")
    found = [f for f in only(fixture_project, "untranslated-text") if f.path == page]
    assert [(f.line, "Doanh nghiệp" in f.message.vi) for f in found] == [
        (line_of(fixture_project, page, "Doanh nghiệp"), True)
    ]


def test_a_translation_left_in_vietnamese_is_one_warning_listing_its_lines(
    fixture_project: Project,
) -> None:
    page = f"docs/en/{PARK}"
    source = (fixture_project.root / f"docs/vi/{PARK}").read_text(encoding="utf-8")
    body = source.split("\n---\n", 1)[1]
    sentences = "\n\n".join(
        f"Các doanh nghiệp trong tỉnh đã được hỗ trợ thêm lần thứ {n} trong năm nay."
        for n in range(5)
    )
    text = (fixture_project.root / page).read_text(encoding="utf-8")
    head = text.split("\n---\n", 1)[0]
    (fixture_project.root / page).write_text(f"{head}\n---\n{body}\n{sentences}\n", "utf-8")
    found = resolve([f for f in findings(fixture_project) if f.path == page])
    left = [f for f in found if f.rule == "untranslated-text"]
    assert len(left) == 1 and "câu tiếng Việt còn sót" in left[0].message.vi, left


def test_a_table_translated_with_a_column_fewer_is_a_warning_at_it(
    fixture_project: Project,
) -> None:
    table = "| Khu | Diện tích | Năm |\n|---|---|---|\n| A | 10 | 2020 |\n"
    short = "| Zone | Area |\n|---|---|\n| A | 10 |\n"
    for lang, text in (("vi", table), ("en", short), ("km", table)):
        rel = f"docs/{lang}/{PARK}"
        path = fixture_project.root / rel
        path.write_text(path.read_text(encoding="utf-8") + "\n" + text, "utf-8")
    # (found by the rule; while the translation is stale, the stale warning comes first)
    found = [f for f in only(fixture_project, "structure-mismatch") if "cột" in f.message.vi]
    assert [(f.path, f.line) for f in found] == [
        (f"docs/en/{PARK}", line_of(fixture_project, f"docs/en/{PARK}", "| Zone | Area |"))
    ]
    assert "bảng này có 2 cột" in found[0].message.vi
