"""Bad data gives a `data-schema` finding at its file, line and column, saying what to do; the
real data has none, and holds every record the content outline promises."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.data.fixture import make_project, reload
from tnsite.config import Project
from tnsite.data.checks import check_data
from tnsite.data.store import load_store
from tnsite.findings import Severity

# The key-figures ids of the content outline: writers use these in pages.
OUTLINE_FIGURES = [
    "area",
    "population",
    "commune-units",
    "communes",
    "wards",
    "border-length",
    "international-gates",
    "main-gates",
    "auxiliary-gates",
    "bgez-count",
    "industrial-parks",
    "ip-area",
    "ip-projects",
    "ip-fdi-projects",
    "ip-fdi-capital",
    "industrial-clusters",
    "ip-plan-2030-count",
    "ip-plan-2030-area",
    "fdi-projects",
    "fdi-capital",
    "fdi-new-projects-9m2025",
    "fdi-new-capital-9m2025",
    "fdi-countries",
    "china-fdi-projects",
    "china-fdi-capital",
    "china-fdi-share",
    "visitors-2024",
    "tourism-revenue-2024",
    "visitors-q1-2025",
    "ba-den-height",
    "ba-den-cable-car-passengers-2023",
    "cable-car-line1-length",
    "cable-car-station-area",
    "ba-den-statue-height",
    "lo-go-area",
    "lo-go-bird-species",
    "dau-tieng-area",
    "dau-tieng-volume",
    "hightech-agri-zones",
    "hightech-agri-area",
    "expressway-length",
    "expressway-length-tay-ninh",
    "moc-bai-bgez-area",
    "xa-mat-bgez-area",
    "long-an-bgez-area",
    "demarcation-share",
    "demarcation-markers",
    "intangible-heritage",
    "hoi-yen-attendance-2025",
    "unsc-votes",
    "old-tay-ninh-area",
    "old-tay-ninh-population-2019",
    "tan-nam-investment",
    "moc-bai-distance-hcmc",
    "tan-nam-distance-hcmc",
    "tan-nam-distance-phnom-penh",
    "old-border-length",
    "long-an-border-length",
]
OUTLINE_RECORDS = {
    "border-gates": {"moc-bai", "xa-mat", "tan-nam", "binh-hiep"},
    "economic-zones": {"moc-bai-bgez", "xa-mat-bgez", "long-an-bgez"},
    "destinations": {"ba-den", "holy-see", "lo-go-xa-mat", "dau-tieng", "central-office"},
    "festivals": {
        "hoi-xuan-nui-ba",
        "via-duc-chi-ton",
        "hoi-yen-dieu-tri-cung",
        "chol-chnam-thmay",
        "ok-om-bok",
    },
    "industrial-parks": {
        "trang-bang",
        "linh-trung-3",
        "cha-la",
        "phuoc-dong",
        "thanh-thanh-cong",
        "hiep-thanh",
    },
}


def test_the_real_data_is_valid_and_complete(project: Project) -> None:
    store = load_store(project)
    assert [f.render() for f in store.findings] == []
    assert set(OUTLINE_FIGURES) <= set(store.get("key-figures").by_id)
    for name, ids in OUTLINE_RECORDS.items():
        assert ids <= set(store.get(name).by_id), name
    records = sum(len(d.records) for n, d in store.datasets.items() if n != "sources")
    assert records >= 30
    for name, dataset in store.datasets.items():
        for record in dataset.records:
            if name != "sources":
                assert record.get("source") and record.get("as_of"), (name, record["id"])
            for key in ("name", "label"):
                if isinstance(record.get(key), dict):
                    assert set(record[key]) == set(project.codes), (name, record["id"])


def test_unconfirmed_facts_are_marked_so(project: Project) -> None:
    store = load_store(project)
    assert store.figure("old-tay-ninh-population-2022")["confirmed"] is False
    assert store.record("visitors-series", "visitors-2022")["confirmed"] is False
    assert "counterpart" not in store.record("border-gates", "binh-hiep")  # [GK] only


@pytest.fixture
def fixture_project(tmp_path: Path) -> Project:
    return make_project(tmp_path / "proj")


def edit(project: Project, name: str, old: str, new: str) -> None:
    path = project.root / "data" / name
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def line_of(project: Project, name: str, needle: str) -> int:
    lines = (project.root / "data" / name).read_text(encoding="utf-8").splitlines()
    return next(i for i, line in enumerate(lines, 1) if needle in line)


def only(project: Project) -> list:
    found = [f for f in check_data(reload(project.root)) if f.rule == "data-schema"]
    assert found, "expected a data-schema finding"
    return found


@pytest.mark.parametrize(
    ("old", "new", "needle", "message"),
    [
        ("    value: 8500\n", '    value: "8.500"\n', 'value: "8.500"', "must be a number"),
        ("    value: 8500\n", "    value: 12.5%\n", "value: 12.5%", "write 12.5 and, beside it"),
        # A number as written in a sentence: the number to write, and its scale in words.
        ("    value: 8500\n", "    value: 8.536,4 km2\n", "value: 8.536,4", "write 8536.4 ("),
        (
            "    value: 8500\n",
            "    value: 3 triệu\n",
            "value: 3 triệu",
            "write 3 and, beside it, scale: million",
        ),
        ("    unit: km2\n", "    unit: sqkm\n", "unit: sqkm", "use one of"),
        # A country's code for its language: one finding, naming the language meant.
        ("zh: 自然面积}", "cn: 自然面积}", "cn: 自然面积", "did you mean `zh`?"),
        (
            "    qualifier: over\n",
            "    qualifer: over\n",
            "qualifer: over",
            "did you mean `qualifier`?",
        ),
        ("    as_of: 2025-06\n", "    as_of: June 2025\n", "as_of: June 2025", "2025-06"),
        # One mistake, one finding: not also "`source` is missing".
        (
            "    source: vietnamnet-2025-06-merger\n",
            "    soruce: vietnamnet-2025-06-merger\n",
            "soruce: vietnamnet",
            "did you mean `source`?",
        ),
        # What was written, in words, not Python's spelling (['a', 'b']).
        (
            "    source: vietnamnet-2025-06-merger\n",
            "    source: [a, b]\n",
            "source: [a, b]",
            "not a list (lines starting with",
        ),
        (
            "    fresh_for_months: 60\n",
            "    fresh_for_months: forever\n",
            "fresh_for_months: forever",
            "write a number or never",
        ),
        (
            "    fresh_for_months: 60\n",
            "    fresh_for_months: 0\n",
            "fresh_for_months: 0",
            "1",
        ),
        (
            "    source: vietnamnet-2025-06-merger\n",
            "    source: vietnamnet\n",
            "source: vietnamnet\n",
            "did you mean",
        ),
    ],
)
def test_schema_errors_point_at_the_line(
    fixture_project: Project, old: str, new: str, needle: str, message: str
) -> None:
    edit(fixture_project, "key-figures.yml", old, new)
    findings = only(fixture_project)
    line = line_of(fixture_project, "key-figures.yml", needle.rstrip("\n"))
    assert [(f.path, f.line) for f in findings] == [("data/key-figures.yml", line)]
    rendered = findings[0].render()
    assert message in rendered and rendered.endswith("[data-schema]")
    assert findings[0].message.vi and findings[0].hint
    assert "records[" not in rendered and "records[" not in findings[0].render("vi")


def test_a_missing_language_names_it(fixture_project: Project) -> None:
    edit(fixture_project, "key-figures.yml", ", km: ផ្ទៃដីធម្មជាតិ,", ",")
    (finding,) = only(fixture_project)
    assert "no 'km' version" in finding.message.en
    assert finding.line == line_of(fixture_project, "key-figures.yml", "Diện tích tự nhiên")


def test_every_missing_language_is_named_at_once(fixture_project: Project) -> None:
    edit(fixture_project, "key-figures.yml", ", km: ផ្ទៃដីធម្មជាតិ, zh: 自然面积}", "}")
    (finding,) = set(only(fixture_project))  # one finding, whichever check saw it first
    assert "no 'km', 'zh' version" in finding.message.en
    assert "thiếu bản 'km', 'zh'" in finding.message.vi


def test_bad_yaml_duplicate_ids_and_unknown_files(fixture_project: Project) -> None:
    edit(fixture_project, "festivals.yml", "  - id: via-duc-chi-ton\n", "  - id: hoi-xuan-nui-ba\n")
    (fixture_project.root / "data/festival.yml").write_text("records: []\n", encoding="utf-8")
    edit(fixture_project, "contacts.yml", "title:\n", "title: [\n")
    found = {(f.path, f.line): f.render() for f in only(fixture_project)}
    syntax = [f for f in check_data(reload(fixture_project.root)) if f.rule == "data-syntax"]
    found.update({(f.path, f.line): f.render() for f in syntax})
    text = (fixture_project.root / "data/festivals.yml").read_text(encoding="utf-8")
    dup_lines = [i for i, line in enumerate(text.splitlines(), 1) if "id: hoi-xuan-nui-ba" in line]
    assert "duplicate id 'hoi-xuan-nui-ba'" in found[("data/festivals.yml", dup_lines[1])]
    assert "did you mean festivals.yml" in found[("data/festival.yml", 1)]
    assert any(p == "data/contacts.yml" and "[data-syntax]" in r for (p, _), r in found.items())


def test_a_reference_to_an_unconfirmed_figure_is_refused(fixture_project: Project) -> None:
    edit(
        fixture_project,
        "fdi-series.yml",
        "    projects: fdi-projects\n",
        "    projects: old-tay-ninh-population-2022\n",
    )
    (finding,) = only(fixture_project)
    assert "confirmed: false" in finding.message.en
    assert finding.line == line_of(
        fixture_project, "fdi-series.yml", "old-tay-ninh-population-2022"
    )


def test_a_figure_with_dots_between_thousands_is_questioned(fixture_project: Project) -> None:
    edit(fixture_project, "key-figures.yml", "    value: 8500\n", "    value: 8.500\n")
    found = [f for f in check_data(reload(fixture_project.root)) if f.rule == "number-separator"]
    assert [(f.path, f.line, f.col) for f in found] == [
        ("data/key-figures.yml", line_of(fixture_project, "key-figures.yml", "value: 8.500"), 12)
    ]
    assert "write 8500" in found[0].render() and "viết 8500" in found[0].render("vi")
    assert found[0].severity is Severity.ERROR  # the page would show 8,5


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("    value: 8500\n", "    value: 0.125\n"),  # a leading zero: no thousands figure
        ("    value: 8500\n", "    value: 5.625\n    scale: million\n"),  # millions' decimals
    ],
)
def test_a_decimal_that_cannot_be_thousands_is_not_questioned(
    fixture_project: Project, old: str, new: str
) -> None:
    edit(fixture_project, "key-figures.yml", old, new)
    assert not [f for f in check_data(reload(fixture_project.root)) if f.rule == "number-separator"]


def test_a_figure_that_declares_its_decimals_is_not_questioned(fixture_project: Project) -> None:
    edit(
        fixture_project,
        "key-figures.yml",
        "    value: 8500\n",
        "    value: 8.500\n    decimals: 3\n",
    )
    assert not [f for f in check_data(reload(fixture_project.root)) if f.rule == "number-separator"]


def test_a_value_in_the_wrong_form_is_explained_in_vietnamese(fixture_project: Project) -> None:
    edit(fixture_project, "key-figures.yml", "    as_of: 2025-06\n", "    as_of: June 2025\n")
    [finding] = only(fixture_project)
    assert "June 2025" in finding.render("vi") and "năm, tháng hoặc ngày" in finding.render("vi")
    assert "records[" not in finding.render("vi")


def test_an_emptied_file_says_so(fixture_project: Project) -> None:
    (fixture_project.root / "data" / "trade-events.yml").write_text("", encoding="utf-8")
    (finding,) = set(only(fixture_project))  # the file's two schemas say it alike
    assert (finding.path, finding.line) == ("data/trade-events.yml", 1)
    assert finding.message.vi == "tệp đang trống" and "None" not in finding.render("vi")


def test_a_figure_written_in_full_beside_its_scale_is_questioned(fixture_project: Project) -> None:
    edit(
        fixture_project,
        "key-figures.yml",
        "    value: 8500\n",
        "    value: 3000000\n    scale: million\n",
    )
    [found] = [f for f in check_data(reload(fixture_project.root)) if f.rule == "scaled-figure"]
    assert found.line == line_of(fixture_project, "key-figures.yml", "value: 3000000")
    assert "3.000.000 triệu" in found.render("vi") and "value: 3" in found.render("vi")
    assert found.severity is Severity.WARNING


@pytest.mark.parametrize(
    ("written", "meant"),
    [
        ("8.536,4", ("8536.4", None)),
        ("8,536.4", ("8536.4", None)),
        ("1.200 ha", ("1200", None)),
        ("1,5", ("1.5", None)),
        ("6,23 tỷ USD", ("6.23", "billion")),
        ("12 triệu lượt", ("12", "million")),
        ("khoảng 247", ("247", None)),
        ("2 hoặc 3", None),
        ("24.3.1", None),
        ("không rõ", None),
    ],
)
def test_the_number_meant_by_a_text(written: str, meant: tuple[str, str | None] | None) -> None:
    from tnsite.data.schema import number_meant

    assert number_meant(written) == meant


def test_latitude_and_longitude_written_the_other_way_round_are_one_finding(
    fixture_project: Project,
) -> None:
    edit(
        fixture_project, "map-places.yml", "lat: 10.535, lon: 106.413", "lat: 106.413, lon: 10.535"
    )
    [finding] = only(fixture_project)
    assert finding.line == line_of(fixture_project, "map-places.yml", "lat: 106.413")
    assert "lat: 10.535 và lon: 106.413" in finding.render("vi")


def test_a_latitude_out_of_range_alone_is_not_taken_for_a_swap(fixture_project: Project) -> None:
    edit(fixture_project, "map-places.yml", "lat: 10.535, lon: 106.413", "lat: 40.5, lon: 106.413")
    [finding] = only(fixture_project)
    assert "đổi chỗ" not in finding.render("vi")


def _paste_into_festivals(project: Project, rid: str, *, cut: bool) -> None:
    """A destination's record pasted among the festivals, cut from its own file or copied."""
    source = project.root / "data" / "destinations.yml"
    lines = source.read_text(encoding="utf-8").split("\n")
    start = lines.index(f"  - id: {rid}")
    end = next(i for i in range(start + 1, len(lines)) if lines[i].startswith("  - id:"))
    if cut:
        source.write_text("\n".join(lines[:start] + lines[end:]), encoding="utf-8")
    with (project.root / "data" / "festivals.yml").open("a", encoding="utf-8") as out:
        out.write("\n".join(lines[start:end]) + "\n")


def test_a_record_pasted_into_another_file_is_sent_back_there(fixture_project: Project) -> None:
    _paste_into_festivals(fixture_project, "dau-tieng", cut=True)
    [finding] = only(fixture_project)
    assert finding.path == "data/festivals.yml"
    assert finding.line == line_of(fixture_project, "festivals.yml", "id: dau-tieng")
    text = finding.render("vi")
    assert "bản ghi của data/destinations.yml" in text
    assert "chuyển nó sang data/destinations.yml" in text
    assert "move it to data/destinations.yml" in finding.render("en")


def test_a_record_copied_into_another_file_asks_for_the_copy_to_go(
    fixture_project: Project,
) -> None:
    _paste_into_festivals(fixture_project, "dau-tieng", cut=False)
    [finding] = only(fixture_project)
    original = line_of(fixture_project, "destinations.yml", "id: dau-tieng")
    assert f"data/destinations.yml đã có bản ghi này (dòng {original}): xóa bản sao này" in (
        finding.render("vi")
    )


def test_a_record_with_a_mistake_of_its_own_is_not_sent_elsewhere(
    fixture_project: Project,
) -> None:
    edit(fixture_project, "festivals.yml", "    community: cao-dai\n", "    comunity: cao-dai\n")
    [finding] = only(fixture_project)
    assert "có phải `community`?" in finding.render("vi")
    assert "chuyển nó sang" not in finding.render("vi")


def test_every_unknown_field_of_a_record_is_named_at_its_line(fixture_project: Project) -> None:
    edit(
        fixture_project,
        "contacts.yml",
        "    website: https://dulich.tayninh.gov.vn\n",
        "    website: https://dulich.tayninh.gov.vn\n    phone: 0276 000\n    email: a@b.vn\n",
    )
    found = only(fixture_project)
    assert {(f.line, f.message.en) for f in found} == {
        (line_of(fixture_project, "contacts.yml", "email: a@b.vn"), "unknown field `email`"),
        (line_of(fixture_project, "contacts.yml", "phone: 0276"), "unknown field `phone`"),
    }


def test_an_event_that_ends_before_it_starts_is_an_error_at_its_end(
    fixture_project: Project,
) -> None:
    edit(fixture_project, "trade-events.yml", "    end: 2025-11-04\n", "    end: 2025-04-11\n")
    found = [f for f in check_data(reload(fixture_project.root)) if f.rule == "impossible-date"]
    assert [(f.path, f.line) for f in found] == [
        ("data/trade-events.yml", line_of(fixture_project, "trade-events.yml", "end: 2025-04-11"))
    ]
    assert "trước ngày bắt đầu" in found[0].message.vi


@pytest.mark.parametrize(
    ("name", "old", "new", "meant"),
    [
        # A Vietnamese decimal comma where thousands would leave the field's range.
        ("border-gates.yml", "      lon: 106.016\n", "      lon: 106,016\n", "viết 106.016"),
        # A rate is a percentage already: no unit to add.
        ("incentives.yml", "    rate: 17\n", "    rate: 17%\n", "viết 17 (trường này đã tính"),
    ],
)
def test_a_number_written_the_vietnamese_way_gets_the_number_the_field_takes(
    fixture_project: Project, name: str, old: str, new: str, meant: str
) -> None:
    edit(fixture_project, name, old, new)
    [finding] = only(fixture_project)
    assert meant in finding.render("vi")


def test_an_invisible_space_after_a_colon_in_data_is_named(fixture_project: Project) -> None:
    edit(fixture_project, "trade-events.yml", "    end: 2025-11-04\n", "    end:\u00a02025-11-04\n")
    found = [f for f in check_data(reload(fixture_project.root)) if f.severity is Severity.ERROR]
    assert [(f.rule, f.line) for f in found] == [
        ("data-syntax", line_of(fixture_project, "trade-events.yml", "end:\u00a0"))
    ]
    assert "ký tự vô hình (U+00A0)" in found[0].message.vi
