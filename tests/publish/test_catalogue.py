"""publications.yml as editors write it, right and wrong: every mistake is one finding at the
line that holds it, in English and Vietnamese, with what to do."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from tests.publish.fixture import make_project
from tnsite.config import Project
from tnsite.findings import Finding
from tnsite.publish.catalogue import Catalogue, load_catalogue
from tnsite.publish.plugin import STRINGS
from tnsite.strings import load_strings


@pytest.fixture(scope="module")
def proj(tmp_path_factory: pytest.TempPathFactory) -> Project:
    return make_project(tmp_path_factory.mktemp("catalogue") / "proj")


def load(proj: Project, text: str) -> Catalogue:
    (proj.root / "publications.yml").write_text(textwrap.dedent(text), encoding="utf-8")
    return load_catalogue(proj, "publications.yml", load_strings(STRINGS, proj.codes))


def only(catalogue: Catalogue) -> Finding:
    assert len(catalogue.findings) == 1, [f.render() for f in catalogue.findings]
    assert catalogue.publications == []  # a file with an error publishes nothing
    finding = catalogue.findings[0]
    assert finding.path == "publications.yml" and finding.rule == "publication"
    assert finding.hint is not None and finding.hint.vi and finding.message.vi
    return finding


GOOD = """\
    fonts: {}
    publications:
      - id: cam-nang
        title: {vi: Cẩm nang, en: Guide, km: មគ្គុទ្ទេសក៍}
        link: {vi: Tải, en: Download, km: ទាញយក}
        pages:
          - du-lich/nui-ba-den.md
          - du-lich/le-hoi.md
    """


def test_a_good_file(proj: Project) -> None:
    catalogue = load(proj, GOOD)
    assert catalogue.findings == []
    (pub,) = catalogue.publications
    assert pub.id == "cam-nang" and pub.line == 3
    assert pub.titles == {"vi": "Cẩm nang", "en": "Guide", "km": "មគ្គុទ្ទេសក៍"}
    assert pub.pages == ("du-lich/nui-ba-den.md", "du-lich/le-hoi.md")
    assert pub.landing_pages() == ("du-lich/index.md",)
    assert catalogue.linking("du-lich/le-hoi.md") == [pub]
    assert catalogue.linking("index.md") == []


def test_page_that_does_not_exist(proj: Project) -> None:
    finding = only(load(proj, GOOD.replace("du-lich/le-hoi.md", "du-lich/le-hoi")))
    assert (finding.line, finding.col) == (8, 9)
    assert "page 'du-lich/le-hoi' does not exist" in finding.message.en
    assert "docs/vi/du-lich/le-hoi not found" in finding.message.en
    assert "write du-lich/le-hoi.md" in finding.hint.en  # type: ignore[union-attr]


@pytest.mark.parametrize(
    "written", ["docs/vi/du-lich/le-hoi.md", "vi/du-lich/le-hoi.md", "du-lich/le-hoii.md"]
)
def test_a_page_written_from_the_project_or_misspelt_gets_the_path_to_write(
    proj: Project, written: str
) -> None:
    finding = only(load(proj, GOOD.replace("- du-lich/le-hoi.md", f"- {written}")))
    assert finding.line == 8
    assert "viết du-lich/le-hoi.md" in finding.hint.vi  # type: ignore[union-attr]


def test_unknown_keys_at_every_level(proj: Project) -> None:
    finding = only(load(proj, GOOD.replace("fonts: {}", "font: {}")))
    assert (finding.line, finding.message.en) == (1, "unknown key 'font'")
    finding = only(load(proj, GOOD.replace("        pages:", "        pagez:")))
    assert (finding.line, finding.col) == (6, 5)
    assert finding.message.en == "unknown key 'pagez'"
    assert finding.hint is not None and finding.hint.en.startswith("did you mean 'pages'?")
    finding = only(load(proj, GOOD.replace("km: ទាញយក}", "km: ទាញយក, fr: Télécharger}")))
    assert finding.line == 5 and "unknown key 'fr'" in finding.message.en


def test_title_missing_a_language(proj: Project) -> None:
    finding = only(load(proj, GOOD.replace(", km: មគ្គុទ្ទេសក៍}", "}")))
    assert finding.line == 4
    assert "title has no text in 'km'" in finding.message.en
    assert "`km: …`" in finding.hint.en  # type: ignore[union-attr]


def test_title_as_a_key_of_the_strings_file(proj: Project) -> None:
    catalogue = load(
        proj, GOOD.replace("title: {vi: Cẩm nang, en: Guide, km: មគ្គុទ្ទេសក៍}", "title: contents")
    )
    assert catalogue.findings == []
    assert catalogue.publications[0].titles == {"vi": "Mục lục", "en": "Contents", "km": "មាតិកា"}
    finding = only(
        load(
            proj,
            GOOD.replace("title: {vi: Cẩm nang, en: Guide, km: មគ្គុទ្ទេសក៍}", "title: no-such-key"),
        )
    )
    assert finding.line == 4 and "not a known text key" in finding.message.en


def test_bad_and_duplicate_ids(proj: Project) -> None:
    finding = only(load(proj, GOOD.replace("id: cam-nang", "id: Cẩm nang")))
    assert finding.line == 3 and "not usable as a file name" in finding.message.en
    twice = GOOD.rstrip() + (
        "\n      - id: cam-nang"
        "\n        title: {vi: B, en: B, km: ខ}"
        "\n        link: {vi: B, en: B, km: ខ}"
        "\n        pages: [du-lich/le-hoi.md]\n"
    )
    catalogue = load(proj, twice)
    assert [f.line for f in catalogue.findings] == [9]
    assert "two publications have the id 'cam-nang'" in catalogue.findings[0].message.en


def test_page_listed_twice(proj: Project) -> None:
    finding = only(load(proj, GOOD.replace("du-lich/le-hoi.md", "du-lich/nui-ba-den.md")))
    assert finding.line == 8 and "listed twice" in finding.message.en


def test_file_that_is_not_yaml_names_the_line_without_parser_jargon(proj: Project) -> None:
    finding = only(load(proj, GOOD.replace("      - id: cam-nang", "      - id: [cam-nang")))
    assert finding.line >= 3
    # What is wrong and what to do, in words an editor knows: the bracket left open.
    assert "`[`" in finding.message.en and "not closed" in finding.message.en
    assert "`]`" in finding.hint.en and "`]`" in finding.hint.vi
    assert "mapping" not in finding.message.en and "flow" not in finding.message.en


def test_print_fonts_must_exist(proj: Project, tmp_path: Path) -> None:
    finding = only(
        load(proj, GOOD.replace("fonts: {}", "fonts:\n      km: assets/fonts/none.woff2"))
    )
    assert (
        finding.line == 2
        and "font file 'assets/fonts/none.woff2' does not exist" in finding.message.en
    )
    font = "assets/fonts/noto-sans-khmer/noto-sans-khmer-khmer-400-normal.woff2"
    catalogue = load(proj, GOOD.replace("fonts: {}", f"fonts:\n      km: [{font}]"))
    assert catalogue.findings == []
    assert catalogue.fonts == {"km": (proj.root / font,)}
