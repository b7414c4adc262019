"""The editors' fault matrix: each mistake an editor makes, run through `tnsite check` in
Vietnamese and in English on a copy of the real site. For each: the exit status, one finding
per cause, the file and line of what the editor wrote, a Vietnamese text without an English
sentence, and site/ untouched when the build refuses."""

from __future__ import annotations

import json
import re
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from click.testing import CliRunner
from PIL import Image

from tests.helpers.project_copy import copy_project
from tnsite.cli import main
from tnsite.config import _load

PAGE = "docs/vi/du-lich/nui-ba-den.md"
KM_PAGE = "docs/km/du-lich/nui-ba-den.md"
# Words that only English uses: one of them outside code, quotes and paths means an English
# sentence reached an editor who reads Vietnamese.
ENGLISH = {
    "the", "is", "are", "and", "of", "this", "that", "which", "would", "does", "has", "was",
    "with", "for", "not", "cannot", "must", "should", "there", "your", "you", "missing", "found",
    "page", "file", "link", "error", "warning", "expected", "invalid", "line", "value",
}  # fmt: skip
QUOTED = re.compile(r"`[^`]*`|'[^']*'|\"[^\"]*\"|“[^”]*”|\{[^}]*\}|\[[^\]]*\]|\([^)]*\)")
PATHISH = re.compile(r"\S*[/.#:=_]\S*")


def english_words(text: str) -> set[str]:
    """English-only words in a line of Vietnamese output, outside code, quotes and paths."""
    bare = PATHISH.sub(" ", QUOTED.sub(" ", text))
    return {w for w in re.findall(r"[A-Za-z]+", bare) if w.lower() in ENGLISH}


def edit(root: Path, rel: str, old: str, new: str, count: int = 1) -> None:
    path = root / rel
    text = path.read_text(encoding="utf-8")
    assert old in text, (rel, old)
    path.write_text(text.replace(old, new, count), encoding="utf-8")


def line_of(root: Path, rel: str, needle: str) -> int:
    lines = (root / rel).read_text(encoding="utf-8").split("\n")
    return next(n for n, text in enumerate(lines, 1) if needle in text)


@dataclass(frozen=True)
class Fault:
    name: str
    make: Callable[[Path], None]
    errors: int  # findings of severity error (one per cause)
    where: Callable[[Path], tuple[str, int]] | None  # (file, line) of the first error
    rule: str | None = None
    warns: str | None = None  # a rule that must warn (a mistake that does not stop the build)


def _unclosed(root: Path) -> None:
    edit(root, PAGE, "---\n\n# Núi Bà Đen", "\n# Núi Bà Đen")


def _tab(root: Path) -> None:
    edit(root, PAGE, "description:", "\tdescription:")


def _indent(root: Path) -> None:
    edit(root, KM_PAGE, "  review: draft", " review: draft")


def _missing_page_link(root: Path) -> None:
    edit(
        root,
        PAGE,
        "## Tổng quan {#overview}",
        "Xem [chợ đêm](cho-dem.md).\n\n## Tổng quan {#overview}",
    )


def _missing_anchor(root: Path) -> None:
    edit(root, PAGE, "(le-hoi.md#hoi-xuan-nui-ba)", "(le-hoi.md#hoi-xuan)")


def _missing_image(root: Path) -> None:
    edit(
        root,
        PAGE,
        "## Tổng quan {#overview}",
        "![Núi](../../assets/images/khong-co.png)\n\n## Tổng quan {#overview}",
    )


def _no_alt(root: Path) -> None:
    edit(
        root,
        PAGE,
        "## Tổng quan {#overview}",
        "![](../../assets/images/illustrations/mountain.svg)\n\n## Tổng quan {#overview}",
    )


def _km_into_vi(root: Path) -> None:
    edit(root, KM_PAGE, "## ", "[Tiếng Việt](../../vi/du-lich/le-hoi.md)\n\n## ")


def _edited_section(root: Path) -> None:
    edit(root, PAGE, "Trên núi có nhiều chùa", "Trên núi Bà có rất nhiều chùa")


def _unknown_key(root: Path) -> None:
    edit(root, PAGE, "key-figures/ba-den-height", "key-figures/ba-den-heigth")


def _yaml_error(root: Path) -> None:
    edit(root, "data/key-figures.yml", "  - id: population", "\t- id: population")


def _crlf_and_bom(root: Path) -> None:
    path = root / PAGE
    text = path.read_text(encoding="utf-8")
    path.write_bytes(b"\xef\xbb\xbf" + text.replace("\n", "\r\n").encode("utf-8"))


def _hand_named(root: Path) -> None:
    (root / "docs/vi/du-lich/Chợ đêm.md").write_text(
        "---\ntitle: Chợ đêm\ndescription: Chợ đêm Tây Ninh.\n---\n\n# Chợ đêm\n\nChợ.\n",
        encoding="utf-8",
    )


def _deleted(root: Path) -> None:
    (root / "docs/vi/du-lich/le-hoi.md").unlink()


def _moved(root: Path) -> None:
    for lang in ("vi", "en", "km"):
        old = root / f"docs/{lang}/du-lich/ho-dau-tieng.md"
        old.rename(old.with_name("ho-dau-tieng-moi.md"))


def _source_moved(root: Path) -> None:
    """Only the Vietnamese file renamed (GitHub's web page renames one file at a time)."""
    old = root / "docs/vi/du-lich/ho-dau-tieng.md"
    old.rename(old.with_name("ho-dau-tieng-moi.md"))


def _language_lacking(root: Path) -> None:
    edit(root, PAGE, "# Núi Bà Đen\n", "# Núi Bà Đen\n\n[中文版](le-hoi.md){hreflang=zh}\n")


NEWS = "docs/vi/tin-tuc/2025-02-01-khai-mac-hoi-xuan-nui-ba.md"


def _value_as_text(root: Path) -> None:
    edit(root, "data/key-figures.yml", "    value: 5.6\n", "    value: 5,6\n")


def _record_block(root: Path, rel: str, rid: str) -> tuple[list[str], int, int]:
    lines = (root / rel).read_text(encoding="utf-8").split("\n")
    start = lines.index(f"  - id: {rid}")
    end = next(i for i in range(start + 1, len(lines)) if lines[i].startswith("  - id:"))
    return lines, start, end


def _record_moved(root: Path, keep: bool = False) -> None:
    """A destination cut (or copied) from destinations.yml and pasted among the festivals."""
    lines, start, end = _record_block(root, "data/destinations.yml", "dau-tieng")
    if not keep:
        text = "\n".join(lines[:start] + lines[end:])
        (root / "data/destinations.yml").write_text(text, encoding="utf-8")
    with (root / "data/festivals.yml").open("a", encoding="utf-8") as out:
        out.write("\n".join(lines[start:end]) + "\n")


def _moved_record_line(root: Path) -> tuple[str, int]:
    return ("data/festivals.yml", line_of(root, "data/festivals.yml", "id: dau-tieng"))


def _translated_id(root: Path) -> None:
    """A translator who translates a heading's id with its text; other Khmer pages link to it."""
    edit(root, "docs/km/du-lich/le-hoi.md", "{#hoi-xuan-nui-ba}", "{#បុណ្យភ្នំបា}")


def _count_in_words(root: Path) -> None:
    edit(root, "docs/vi/index.md", "{{ news latest count=3 }}", "{{ news latest count=năm }}")


def _saved_as(name: str) -> Callable[[Path], None]:
    """A new page saved by an editor's program under another name than `<name>.md`."""

    def make(root: Path) -> None:
        shutil.copy(root / PAGE, root / name)

    return make


def _hidden_in_id(root: Path) -> None:
    """An invisible character pasted into an id other pages link to."""
    edit(root, "docs/vi/gioi-thieu/index.md", "{#merged-province}", "{#merged-\u200bprovince}")


def _language_attribute(written: str) -> Callable[[Path], None]:
    """A Khmer page's link to the Vietnamese festival page, its {hreflang} written wrong."""

    def make(root: Path) -> None:
        link = "(le-hoi.md#hoi-xuan-nui-ba)"
        edit(root, KM_PAGE, link, link + written)

    return make


def _unclosed_id(root: Path) -> None:
    """A heading id other pages link to, its `}` lost."""
    edit(root, "docs/vi/gioi-thieu/index.md", "{#merged-province}", "{#merged-province")


def _impossible_date(root: Path) -> None:
    edit(root, NEWS, "date: 2025-02-01", "date: 2025-02-30")


def _pending_date_unusable(root: Path) -> None:
    edit(root, "i18n/pending.yml", "until: 2027-06-30", "until: 30/06/2027")


def _pending_unreadable(root: Path) -> None:
    edit(root, "i18n/pending.yml", "until: 2027-06-30", "until: 2027-02-30")


def _menu_typo(root: Path) -> None:
    edit(root, "mkdocs.yml", "- du-lich/le-hoi.md", "- du-lich/le-hoi-xuan.md")


def _menu_indent(root: Path) -> None:
    edit(root, "mkdocs.yml", "      - du-lich/nui-ba-den.md", "     - du-lich/nui-ba-den.md")


def _utf16(root: Path) -> None:
    text = (root / PAGE).read_text(encoding="utf-8")
    (root / PAGE).write_text(text, encoding="utf-16")  # Notepad's "Unicode"


def _code_page(root: Path) -> None:
    text = (root / PAGE).read_text(encoding="utf-8")
    line = "Giá vé cáp treo thay đổi theo mùa."
    legacy = line.encode("cp1258", errors="replace")  # a line pasted from an old document
    (root / PAGE).write_bytes(text.encode("utf-8") + b"\n" + legacy + b"\n")


def _photo_without_its_file(root: Path) -> None:
    """A photo described and shown on a page in every language, whose file is not there."""
    manifest = root / "assets/photos/manifest.yml"
    manifest.write_text(
        manifest.read_text(encoding="utf-8")
        + "\ncho-dem.jpg:\n  alt:\n    vi: Chợ đêm\n    en: Night market\n    km: ផ្សាររាត្រី\n"
        "    zh: 夜市\n  credit: Nguyễn Văn A\n  licence: CC BY 4.0\n"
        "  source: https://example.org/cho-dem\n",
        encoding="utf-8",
    )
    for lang in ("vi", "en", "km", "zh"):
        page = root / "docs" / lang / "thuong-mai/index.md"
        page.write_text(page.read_text(encoding="utf-8") + "\n{{ photo cho-dem }}\n", "utf-8")


def _before_overview(text: str) -> Callable[[Path], None]:
    def make(root: Path) -> None:
        edit(root, PAGE, "## Tổng quan {#overview}", f"{text}\n\n## Tổng quan {{#overview}}")

    return make


def _written(text: str) -> Callable[[Path], tuple[str, int]]:
    return lambda root: (PAGE, line_of(root, PAGE, text))


def _duplicate_id(root: Path) -> None:
    text = (root / PAGE).read_text(encoding="utf-8")
    (root / PAGE).write_text(text + "\n## Giờ mở cửa {#visiting}\n\nHằng ngày.\n", "utf-8")


def _wrong_case(root: Path) -> None:
    edit(root, PAGE, "(le-hoi.md#", "(Le-Hoi.md#")


def _misspelt_key(root: Path) -> None:
    edit(root, KM_PAGE, "  source: du-lich/nui-ba-den.md", "  sourse: du-lich/nui-ba-den.md")


COPY = "docs/vi/du-lich/nui-ba-den-2.md"
NEW_PAGE = "docs/vi/du-lich/cho-dem.md"
MANIFEST = "assets/photos/manifest.yml"


def _copied(root: Path) -> None:
    """A page copied to start a new one, its title kept, no translation declared."""
    shutil.copy(root / PAGE, root / COPY)


def _left_unwritten(root: Path) -> None:
    _load.cache_clear()
    made = CliRunner().invoke(
        main, ["--root", str(root), "new", "du-lich/cho-dem.md", "--title", "Chợ đêm"]
    )
    assert made.exit_code == 0, made.output


def _glued_table(root: Path) -> None:
    edit(
        root,
        PAGE,
        "## Tổng quan {#overview}\n",
        "## Tổng quan {#overview}\n\nGiờ mở cửa:\n| Nơi | Giờ |\n|---|---|\n| Cáp treo | 6 giờ |\n",
    )


def _photo_with_spaces(root: Path) -> None:
    from PIL import Image

    Image.new("RGB", (1600, 1000), (90, 120, 60)).save(root / "assets/photos/Nui Ba Den.jpg")
    with (root / MANIFEST).open("a", encoding="utf-8") as manifest:
        manifest.write(
            "Nui Ba Den.jpg:\n  alt:\n    vi: Núi Bà Đen\n    en: Bà Đen Mountain\n"
            "    km: ភ្នំបាឌិន\n    zh: 黑婆山\n  credit: Trung tâm Xúc tiến Du lịch\n"
            "  licence: used with permission\n  source: own photo\n"
        )


def _exact_line(root: Path, rel: str, text: str) -> int:
    return (root / rel).read_text(encoding="utf-8").split("\n").index(text) + 1


def _menu_folder(root: Path) -> None:
    edit(root, "mkdocs.yml", "      - du-lich/ho-dau-tieng.md\n", "      - du-lich/\n")


def _backslash_link(root: Path) -> None:
    edit(
        root,
        PAGE,
        "## Tổng quan {#overview}\n",
        "Xem [ưu đãi](..\\..\\dau-tu\\uu-dai-thu-tuc.md).\n\n## Tổng quan {#overview}\n",
    )


def _curly_notice(root: Path) -> None:
    edit(
        root,
        PAGE,
        "## Tổng quan {#overview}\n",
        "## Tổng quan {#overview}\n\n!!! tip “Lưu ý”\n    Nên đi sớm.\n",
    )


def _unclosed_directive(root: Path) -> None:
    edit(
        root, PAGE, "{{ value key-figures/ba-den-height }}", "{{ value key-figures/ba-den-height }"
    )


def _photo_entry_without_extension(root: Path) -> None:
    from PIL import Image

    Image.new("RGB", (1600, 1000), (90, 120, 60)).save(root / "assets/photos/cho-dem.jpg")
    with (root / MANIFEST).open("a", encoding="utf-8") as manifest:
        manifest.write(
            "cho-dem:\n  alt:\n    vi: Chợ đêm\n    en: Night market\n"
            "    km: ផ្សាររាត្រី\n    zh: 夜市\n  credit: Trung tâm Xúc tiến Du lịch\n"
            "  licence: used with permission\n  source: own photo\n"
        )
    edit(
        root,
        PAGE,
        "## Tổng quan {#overview}\n",
        "{{ photo cho-dem }}\n\n## Tổng quan {#overview}\n",
    )


def _address_links(root: Path) -> None:
    """Two links written as addresses: one relative without .md, one from the site's root."""
    edit(
        root,
        PAGE,
        "## Tổng quan {#overview}\n",
        "Xem [lễ hội](le-hoi) và [chợ](/du-lich/le-hoi/).\n\n## Tổng quan {#overview}\n",
    )


ITINERARY = "docs/vi/du-lich/lich-trinh.md"


def _glued_list(root: Path) -> None:
    edit(root, ITINERARY, "đến Tây Ninh:\n\n- **Sáng sớm:**", "đến Tây Ninh:\n- **Sáng sớm:**")


def _shallow_sublist(root: Path) -> None:
    for item in ("**Gần trưa:**", "**Chiều:**"):
        edit(root, ITINERARY, f"\n- {item}", f"\n  - {item}")


def _unused_footnote(root: Path) -> None:
    edit(root, PAGE, "\n## ", "\n[^nguon]: Theo Sở Văn hoá, Thể thao và Du lịch.\n\n## ")


def _shallow_continuation(root: Path) -> None:
    edit(root, ITINERARY, "\n- **Gần trưa:**", "\n\n   Nên mang theo nước.\n\n- **Gần trưa:**")


def _country_folder(root: Path) -> None:
    page = root / "docs/cn/dau-tu/index.md"
    page.parent.mkdir(parents=True)
    page.write_text((root / "docs/zh/dau-tu/index.md").read_text(encoding="utf-8"), "utf-8")


def _dotted_thousands(root: Path) -> None:
    edit(root, "data/key-figures.yml", "    value: 988\n", "    value: 1.012\n")


def _audited_deleted(root: Path) -> None:
    edit(root, "audit.yml", "du-lich/nui-ba-den/", "du-lich/le-hoi/")
    _deleted(root)


FAULTS = [
    Fault("unclosed front matter", _unclosed, 1, lambda r: (PAGE, 4), "front-matter"),
    Fault("tab in front matter", _tab, 1, lambda r: (PAGE, 3), "front-matter"),
    Fault("indented block", _indent, 1, lambda r: (KM_PAGE, 6), "front-matter"),
    # One space too many: YAML reads it as more of the value above, with a colon in it.
    Fault(
        "line indented deeper than the one above",
        lambda r: edit(r, KM_PAGE, "  review: draft", "   review: draft"),
        1,
        lambda r: (KM_PAGE, line_of(r, KM_PAGE, "   review: draft")),
        "front-matter",
    ),
    Fault(
        "link to a missing page",
        _missing_page_link,
        1,
        lambda r: (PAGE, line_of(r, PAGE, "cho-dem.md")),
        "broken-link",
    ),
    Fault(
        "missing anchor",
        _missing_anchor,
        1,
        lambda r: (PAGE, line_of(r, PAGE, "#hoi-xuan)")),
        "broken-anchor",
    ),
    Fault(
        "missing image",
        _missing_image,
        1,
        lambda r: (PAGE, line_of(r, PAGE, "khong-co.png")),
        None,
    ),
    Fault(
        "image without alt",
        _no_alt,
        1,
        lambda r: (PAGE, line_of(r, PAGE, "mountain.svg")),
        "missing-alt",
    ),
    Fault(
        "Khmer page linking into Vietnamese",
        _km_into_vi,
        1,
        lambda r: (KM_PAGE, line_of(r, KM_PAGE, "../../vi/")),
        "language-link",
    ),
    # Into a language the page has no version in: one error, and it says so.
    Fault(
        "Vietnamese page linking into a Chinese version that does not exist",
        _before_overview("Xem [节日](../../zh/du-lich/le-hoi.md)."),
        1,
        _written("../../zh/du-lich/le-hoi.md"),
        "language-link",
    ),
    Fault("section edited after marking", _edited_section, 0, None, None, "stale-translation"),
    Fault(
        "unknown data key",
        _unknown_key,
        1,
        lambda r: (PAGE, line_of(r, PAGE, "ba-den-heigth")),
        "data-directive",
    ),
    Fault(
        "YAML error in data",
        _yaml_error,
        1,
        lambda r: ("data/key-figures.yml", line_of(r, "data/key-figures.yml", "\t- id")),
        "data-syntax",
    ),
    Fault("CRLF and BOM", _crlf_and_bom, 0, None, None),
    Fault(
        "hand-named file",
        _hand_named,
        1,
        lambda r: ("docs/vi/du-lich/Chợ đêm.md", 1),
        "file-name",
    ),
    Fault("deleted page with translations", _deleted, 1, None, "missing-page"),
    Fault("page moved by hand", _moved, 1, None, "missing-page"),
    Fault("source page alone moved by hand", _source_moved, 1, None, "missing-page"),
    Fault(
        "link to a language the page lacks",
        _language_lacking,
        1,
        lambda r: (PAGE, line_of(r, PAGE, "hreflang=zh")),
        "language-link",
    ),
    Fault("deleted page the audit measures", _audited_deleted, 1, None, "missing-page"),
    Fault(
        "data value written as text",
        _value_as_text,
        1,
        lambda r: ("data/key-figures.yml", line_of(r, "data/key-figures.yml", "value: 5,6")),
        "data-schema",
    ),
    Fault(
        "data record pasted into another file",
        _record_moved,
        1,
        _moved_record_line,
        "data-schema",
    ),
    Fault(
        "data record copied into another file",
        lambda root: _record_moved(root, keep=True),
        1,
        _moved_record_line,
        "data-schema",
    ),
    Fault(
        "heading id translated",
        _translated_id,
        1,
        lambda r: ("docs/km/du-lich/le-hoi.md", line_of(r, "docs/km/du-lich/le-hoi.md", "{#បុណ្យ")),
        "heading-id",
    ),
    Fault(
        "news list count in words",
        _count_in_words,
        1,
        lambda r: ("docs/vi/index.md", line_of(r, "docs/vi/index.md", "count=năm")),
        "news-directive",
    ),
    Fault(
        "page saved as .markdown",
        _saved_as("docs/vi/du-lich/cho-dem.markdown"),
        1,
        lambda r: ("docs/vi/du-lich/cho-dem.markdown", 1),
        "file-name",
    ),
    Fault(
        "page saved as .md.txt",
        _saved_as("docs/vi/du-lich/Chợ đêm.md.txt"),
        1,
        lambda r: ("docs/vi/du-lich/Chợ đêm.md.txt", 1),
        "file-name",
    ),
    Fault(
        "page saved outside the language folders",
        _saved_as("docs/cho-dem.md"),
        1,
        lambda r: ("docs/cho-dem.md", 1),
        "language-folder",
    ),
    Fault(
        "invisible character in a heading id",
        _hidden_in_id,
        1,
        lambda r: (
            "docs/vi/gioi-thieu/index.md",
            line_of(r, "docs/vi/gioi-thieu/index.md", "{#merged-"),
        ),
        "heading-id",
    ),
    Fault(
        "language code misspelt in hreflang",
        _language_attribute("{hreflang=vn}"),
        1,
        lambda r: (KM_PAGE, line_of(r, KM_PAGE, "hreflang=vn")),
        "language-link",
    ),
    Fault(
        "space before a link's hreflang",
        _language_attribute(" {hreflang=vi}"),
        1,
        lambda r: (KM_PAGE, line_of(r, KM_PAGE, "hreflang=vi")),
        "language-link",
    ),
    Fault(
        "heading id without its closing brace",
        _unclosed_id,
        1,
        lambda r: (
            "docs/vi/gioi-thieu/index.md",
            line_of(r, "docs/vi/gioi-thieu/index.md", "{#merged"),
        ),
        "heading-id",
    ),
    Fault(
        "impossible date",
        _impossible_date,
        1,
        lambda r: (NEWS, line_of(r, NEWS, "2025-02-30")),
        "front-matter",
    ),
    Fault(
        "pending date in another form",
        _pending_date_unusable,
        1,
        lambda r: ("i18n/pending.yml", line_of(r, "i18n/pending.yml", "30/06/2027")),
        "pending",
    ),
    Fault(
        "pending file unreadable",
        _pending_unreadable,
        1,
        lambda r: ("i18n/pending.yml", line_of(r, "i18n/pending.yml", "2027-02-30")),
        "pending",
    ),
    Fault(
        "duplicate heading id",
        _duplicate_id,
        1,
        lambda r: (PAGE, line_of(r, PAGE, "Giờ mở cửa {#visiting}")),
        "duplicate-id",
    ),
    Fault(
        "link in the wrong letter case",
        _wrong_case,
        1,
        lambda r: (PAGE, line_of(r, PAGE, "Le-Hoi.md#")),
        "broken-link",
    ),
    Fault(
        "front matter key misspelt",
        _misspelt_key,
        1,
        lambda r: (KM_PAGE, line_of(r, KM_PAGE, "sourse:")),
        "front-matter",
    ),
    Fault(
        "menu entry misspelt",
        _menu_typo,
        1,
        lambda r: ("mkdocs.yml", line_of(r, "mkdocs.yml", "le-hoi-xuan.md")),
        "missing-page",
    ),
    # Two causes: the title kept, and no translation declared.
    Fault("page copied to start another", _copied, 2, lambda r: (COPY, 2), None),
    Fault(
        "page left as make new made it",
        _left_unwritten,
        1,
        lambda r: (NEW_PAGE, line_of(r, NEW_PAGE, "Nội dung trang")),
        "unwritten-page",
    ),
    Fault(
        "table under a paragraph",
        _glued_table,
        1,
        lambda r: (PAGE, line_of(r, PAGE, "| Nơi | Giờ |")),
        "table-blank-line",
    ),
    Fault(
        "menu entry naming a folder",
        _menu_folder,
        1,
        lambda r: ("mkdocs.yml", _exact_line(r, "mkdocs.yml", "      - du-lich/")),
        "nav-not-a-page",
    ),
    Fault(
        "link with backslashes",
        _backslash_link,
        1,
        lambda r: (PAGE, line_of(r, PAGE, "dau-tu\\uu-dai")),
        "backslash-link",
    ),
    Fault(
        "admonition title in curly quotes",
        _curly_notice,
        1,
        lambda r: (PAGE, line_of(r, PAGE, "“Lưu ý”")),
        "notice",
    ),
    Fault(
        "figure missing a closing brace",
        _unclosed_directive,
        1,
        lambda r: (PAGE, line_of(r, PAGE, "ba-den-height }")),
        "unclosed-directive",
    ),
    Fault(
        "photo described without its extension",
        _photo_entry_without_extension,
        1,
        lambda r: (MANIFEST, _exact_line(r, MANIFEST, "cho-dem:")),
        "photo-manifest",
    ),
    # Two links, two errors; neither also a warning, nor an error in each language.
    Fault(
        "links written as addresses",
        _address_links,
        2,
        lambda r: (PAGE, line_of(r, PAGE, "(le-hoi)")),
        "absolute-link",
    ),
    Fault(
        "list under a sentence",
        _glued_list,
        1,
        lambda r: (ITINERARY, line_of(r, ITINERARY, "- **Sáng sớm:**")),
        "list-blank-line",
    ),
    # Text meant for the item above, indented 3 spaces: the page ends the list before it.
    Fault(
        "text under a list item indented by 3 spaces",
        _shallow_continuation,
        1,
        lambda r: (ITINERARY, line_of(r, ITINERARY, "Nên mang theo nước.")),
        "list-indent",
    ),
    # A translation in a folder named for the country: one error, naming docs/zh.
    Fault(
        "translation saved in docs/cn",
        _country_folder,
        1,
        lambda r: ("docs/cn/dau-tu/index.md", 1),
        "language-folder",
    ),
    # The page would show 1,012 projects: an error, not a warning among sixty.
    Fault(
        "figure written with a dot between thousands",
        _dotted_thousands,
        1,
        lambda r: ("data/key-figures.yml", line_of(r, "data/key-figures.yml", "value: 1.012")),
        "number-separator",
    ),
    # One error at the footnote, not also its ↩ link to nowhere in every language.
    Fault(
        "footnote nothing refers to",
        _unused_footnote,
        1,
        lambda r: (PAGE, line_of(r, PAGE, "[^nguon]:")),
        "footnote",
    ),
    Fault(
        "sub-list indented by 2 spaces",
        _shallow_sublist,
        1,
        lambda r: (ITINERARY, line_of(r, ITINERARY, "  - **Gần trưa:**")),
        "list-indent",
    ),
    # The information block as a word processor or a keyboard leaves it: one error at the line.
    Fault(
        "empty line above the opening ---",
        lambda r: (r / PAGE).write_text("\n" + (r / PAGE).read_text("utf-8"), "utf-8"),
        1,
        lambda r: (PAGE, 2),
        "front-matter",
    ),
    Fault(
        "information block opened with an em dash",
        lambda r: (r / PAGE).write_text("———" + (r / PAGE).read_text("utf-8")[3:], "utf-8"),
        1,
        lambda r: (PAGE, 1),
        "front-matter",
    ),
    Fault(
        "title written Title",
        lambda r: edit(r, PAGE, "\ntitle:", "\nTitle:"),
        1,
        lambda r: (PAGE, 2),
        "front-matter",
    ),
    Fault(
        "title written twice",
        lambda r: edit(r, PAGE, "\ndescription:", "\ntitle: Núi Bà\ndescription:"),
        1,
        lambda r: (PAGE, 3),
        "front-matter",
    ),
    Fault(
        "title in curly quotes",
        lambda r: edit(r, PAGE, 'title: "Núi Bà Đen"', "title: “Núi Bà Đen”"),
        1,
        lambda r: (PAGE, 2),
        "front-matter",
    ),
    Fault(
        "description with a colon in curly quotes",
        lambda r: edit(
            r,
            PAGE,
            'description: "Núi Bà Đen, ngọn núi cao nhất Nam Bộ:',
            "description: “Núi Bà Đen:",
        ),
        1,
        lambda r: (PAGE, 3),
        "front-matter",
    ),
    Fault(
        "no space after the colon",
        lambda r: edit(r, PAGE, 'title: "Núi Bà Đen"', 'title:"Núi Bà Đen"'),
        1,
        lambda r: (PAGE, 2),
        "front-matter",
    ),
    Fault(
        "zero-width space before a name",
        lambda r: edit(r, PAGE, "\ndescription:", "\n\u200bdescription:"),
        1,
        lambda r: (PAGE, 3),
        "front-matter",
    ),
    Fault(
        "non-breaking space after the colon",
        lambda r: edit(r, PAGE, "title: ", "title:\u00a0"),
        1,
        lambda r: (PAGE, 2),
        "front-matter",
    ),
    Fault(
        "page file emptied",
        lambda r: (r / PAGE).write_text("", encoding="utf-8"),
        1,
        lambda r: (PAGE, 1),
        "empty-page",
    ),
    # Markdown that prints wrong without a word: one error at the line written.
    Fault(
        "``` never closed",
        _before_overview("```"),
        1,
        lambda r: (PAGE, _exact_line(r, PAGE, "```")),
        "unclosed-fence",
    ),
    Fault(
        "table line with a column too few",
        _before_overview("| Tuyến | Giá |\n|---|\n| Cáp treo | 1 |"),
        1,
        _written("|---|"),
        "table-cells",
    ),
    Fault("heading with no text", _before_overview("## "), 1, _written("## "), "empty-heading"),
    Fault(
        "link with no address",
        _before_overview("Xem [lễ hội]()."),
        1,
        _written("[lễ hội]()"),
        "link-form",
    ),
    Fault(
        "space between ] and (",
        _before_overview("Xem [lễ hội] (le-hoi.md)."),
        1,
        _written("[lễ hội] (le-hoi.md)"),
        "link-form",
    ),
    Fault(
        "reference link never defined",
        _before_overview("Xem [lễ hội][le-hoi]."),
        1,
        _written("[lễ hội][le-hoi]"),
        "link-form",
    ),
    Fault(
        "<!-- note never closed",
        _before_overview("<!-- ghi chú cho người biên tập"),
        1,
        _written("<!-- ghi chú"),
        "unclosed-comment",
    ),
    # A festival's rule written as the editor would say it, or with a day no year has: one
    # error at the rule (the events list, the calendar and the table leave the festival out).
    Fault(
        "festival recurrence written in words",
        lambda r: edit(
            r,
            "data/festivals.yml",
            "recurrence: {calendar: lunar, month: 1, day: 4}",
            "recurrence: mùng 4 tháng Giêng âm lịch",
        ),
        1,
        lambda r: ("data/festivals.yml", line_of(r, "data/festivals.yml", "mùng 4 tháng")),
        "data-schema",
    ),
    Fault(
        "festival on 30 February",
        lambda r: edit(
            r,
            "data/festivals.yml",
            "recurrence: {calendar: lunar, month: 1, day: 4}",
            "recurrence: {calendar: solar, month: 2, day: 30}",
        ),
        1,
        lambda r: ("data/festivals.yml", line_of(r, "data/festivals.yml", "day: 30}")),
        "impossible-date",
    ),
    Fault(
        "news date written day first",
        lambda r: edit(r, NEWS, "date: 2025-02-01", "date: 01/02/2025"),
        1,
        lambda r: (NEWS, line_of(r, NEWS, "date: 01/02/2025")),
        "front-matter",
    ),
    Fault(
        "a festival's place on its page misspelt in data",
        lambda r: edit(
            r, "data/festivals.yml", "anchor: hoi-xuan-nui-ba\n", "anchor: hoi-xuan-nui-ba-den\n"
        ),
        1,
        lambda r: ("data/festivals.yml", line_of(r, "data/festivals.yml", "hoi-xuan-nui-ba-den")),
        "data-schema",
    ),
    Fault(
        "a series value written as in a sentence",
        lambda r: edit(
            r, "data/fdi-series.yml", "    capital: 6.23\n", "    capital: 6,23 tỷ USD\n"
        ),
        1,
        lambda r: ("data/fdi-series.yml", line_of(r, "data/fdi-series.yml", "6,23 tỷ USD")),
        "data-schema",
    ),
    # A record's id written with capitals: one error at the id; the record and the page that
    # name it by its proper id find nothing because of this mistake alone.
    Fault(
        "a record id with capitals",
        lambda r: edit(
            r, "data/key-figures.yml", "  - id: moc-bai-bgez-area\n", "  - id: Moc-Bai-bgez-area\n"
        ),
        1,
        lambda r: ("data/key-figures.yml", line_of(r, "data/key-figures.yml", "Moc-Bai-bgez-area")),
        "data-schema",
    ),
    Fault(
        "a photo shown on pages but its file not there",
        _photo_without_its_file,
        1,
        lambda r: (
            "assets/photos/manifest.yml",
            line_of(r, "assets/photos/manifest.yml", "cho-dem.jpg:"),
        ),
        "bad-image",
    ),
    Fault(
        "heading id with a space",
        _before_overview("## Giá vé {#gia ve}\n\nBa mươi nghìn đồng."),
        1,
        _written("{#gia ve}"),
        "heading-id",
    ),
    Fault(
        "<div> never closed",
        _before_overview('<div class="luu-y">'),
        1,
        _written('<div class="luu-y">'),
        "unclosed-html",
    ),
    Fault(
        "zero-width space pasted inside a link address",
        lambda r: edit(r, PAGE, "(le-hoi.md#hoi-xuan-nui-ba)", "(le-\u200bhoi.md#hoi-xuan-nui-ba)"),
        1,
        _written("le-\u200bhoi.md"),
        "link-space",
    ),
    Fault(
        "photo linked from the editor's computer",
        _before_overview("![Núi Bà](C:\\Users\\Lan\\Pictures\\Núi Bà Đen.jpg)"),
        1,
        _written("C:\\Users"),
        "local-link",
    ),
    # A record's page misspelt: one error at the record (the pages drawing its link, and the
    # links to its place on the page, are this mistake again).
    Fault(
        "a festival's page misspelt in data",
        lambda r: edit(
            r, "data/festivals.yml", "page: du-lich/le-hoi.md", "page: du-lich/le-hoii.md"
        ),
        1,
        lambda r: ("data/festivals.yml", line_of(r, "data/festivals.yml", "le-hoii.md")),
        "data-schema",
    ),
    # Addresses of the world written without their scheme, or with a wrong one.
    Fault(
        "e-mail address without mailto:",
        _before_overview("Gửi thư cho [ban quản lý](bqlnuibaden@tayninh.gov.vn)."),
        1,
        _written("(bqlnuibaden@"),
        "broken-link",
    ),
    Fault(
        "another site without https://",
        _before_overview("Đặt vé tại [Sun World](sunworld.vn/ba-den)."),
        1,
        _written("(sunworld.vn"),
        "broken-link",
    ),
    Fault(
        "mail: for mailto:",
        _before_overview("Gửi thư cho [ban quản lý](mail:bql@tayninh.gov.vn)."),
        1,
        _written("(mail:"),
        "link-scheme",
    ),
    Fault(
        "a page linked by its path on the editor's computer",
        _before_overview("Xem [lễ hội](C:\\Users\\Lan\\site\\docs\\vi\\du-lich\\le-hoi.md)."),
        1,
        _written("C:\\Users"),
        "local-link",
    ),
    Fault(
        "a page of this site linked by its full address",
        _before_overview("Xem [lễ hội](https://tayninh.github.io/du-lich/le-hoi/)."),
        1,
        _written("https://tayninh.github.io/du-lich/le-hoi/"),
        "own-site-link",
    ),
    # Not UTF-8: the file and the line, not a decoding error that names no file.
    Fault("page saved as UTF-16", _utf16, 1, lambda r: (PAGE, 1), "file-encoding"),
    Fault(
        "a line in the Windows-1258 code page",
        _code_page,
        1,
        lambda r: (PAGE, (r / PAGE).read_bytes().count(b"\n")),
        "file-encoding",
    ),
    # mkdocs.yml unreadable: one finding at the menu line, not a Python traceback.
    Fault(
        "menu line indented one space too little",
        _menu_indent,
        1,
        lambda r: ("mkdocs.yml", line_of(r, "mkdocs.yml", "     - du-lich/nui-ba-den.md")),
        "site-config",
    ),
    Fault(
        "menu section with nothing under it",
        lambda r: edit(r, "mkdocs.yml", "  - Thương mại:\n", "  - Ẩm thực:\n  - Thương mại:\n"),
        1,
        lambda r: ("mkdocs.yml", line_of(r, "mkdocs.yml", "- Ẩm thực:")),
        "menu-section",
    ),
    Fault(
        "photo named with spaces",
        _photo_with_spaces,
        1,
        lambda r: (MANIFEST, line_of(r, MANIFEST, "Nui Ba Den.jpg:")),
        "file-name",
    ),
]


def check(root: Path, lang: str) -> tuple[int, str, list[dict]]:  # type: ignore[type-arg]
    _load.cache_clear()
    result = CliRunner().invoke(
        main, ["--root", str(root), "check", "--lang", lang], catch_exceptions=False
    )
    report = json.loads((root / "reports" / "check.json").read_text(encoding="utf-8"))
    return result.exit_code, result.output, report


@pytest.fixture(scope="module")
def clean_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real project, built once: every fault starts from this state."""
    root = copy_project(tmp_path_factory.mktemp("clean") / "p")
    code, output, _ = check(root, "en")
    assert code == 0, output
    return root


@pytest.mark.parametrize("fault", FAULTS, ids=[f.name for f in FAULTS])
def test_each_mistake_gets_one_message_per_cause_in_both_languages(
    fault: Fault, clean_site: Path, tmp_path: Path
) -> None:
    root = tmp_path / "p"
    shutil.copytree(clean_site, root, symlinks=True)
    site_before = (root / "site" / "index.html").read_bytes()
    fault.make(root)

    code, output_vi, report = check(root, "vi")
    errors = [f for f in report if f["severity"] == "error"]
    assert len(errors) == fault.errors, output_vi
    assert code == (1 if fault.errors else 0), output_vi
    if fault.where is not None:
        assert (errors[0]["path"], errors[0]["line"]) == fault.where(root), output_vi
    if fault.rule is not None:
        assert errors[0]["rule"] == fault.rule, output_vi
    if fault.warns is not None:
        warned = {(f["path"], f["rule"]) for f in report if f["severity"] == "warning"}
        assert {
            (p.replace("/vi/", f"/{lang}/"), fault.warns) for lang in ("en", "km") for p in [PAGE]
        } <= warned, output_vi
    for line in output_vi.splitlines():
        assert not english_words(line), (sorted(english_words(line)), line)
    if fault.errors:
        assert (root / "site" / "index.html").read_bytes() == site_before  # nothing published

    code_en, output_en, report_en = check(root, "en")  # the same build's findings, in English
    assert code_en == code and report_en == report
    assert "error(s)" in output_en and output_en != output_vi


@pytest.mark.parametrize("move", [_moved, _source_moved], ids=["every language", "source only"])
def test_a_page_moved_by_hand_is_finished_by_the_command_its_message_names(
    move: Callable[[Path], None], clean_site: Path, tmp_path: Path
) -> None:
    root = tmp_path / "p"
    shutil.copytree(clean_site, root, symlinks=True)
    move(root)
    code, output, _ = check(root, "en")
    old, new = "du-lich/ho-dau-tieng.md", "du-lich/ho-dau-tieng-moi.md"
    command = f"make move FROM={old} TO={new}"
    assert code == 1 and command in output, output

    _load.cache_clear()
    moved = CliRunner().invoke(main, ["--root", str(root), "move", old, new])
    assert moved.exit_code == 0, moved.output
    code, output, _ = check(root, "en")
    assert code == 0, output
    assert not (root / "docs/vi" / old).exists() and (root / "docs/vi" / new).is_file()
    pending = (root / "i18n/pending.yml").read_text(encoding="utf-8")
    assert f"path: {new}" in pending and f"path: {old}" not in pending
    # the published old address keeps working
    stub = (root / "site/km/du-lich/ho-dau-tieng/index.html").read_text(encoding="utf-8")
    assert 'url=../ho-dau-tieng-moi/"' in stub


def test_a_deleted_page_lists_every_place_naming_it_once_the_audit_included(
    clean_site: Path, tmp_path: Path
) -> None:
    root = tmp_path / "p"
    shutil.copytree(clean_site, root, symlinks=True)
    _audited_deleted(root)
    code, output, report = check(root, "en")
    [error] = [f for f in report if f["severity"] == "error"]
    audit_line = line_of(root, "audit.yml", "du-lich/le-hoi/")
    assert code == 1 and f"audit.yml:{audit_line}" in error["extra"]["places"], output
    assert "make delete PAGE=du-lich/le-hoi.md" in output


def test_a_misspelt_page_name_is_corrected_by_the_command_its_message_names(
    clean_site: Path, tmp_path: Path
) -> None:
    root = tmp_path / "p"
    shutil.copytree(clean_site, root, symlinks=True)
    _menu_typo(root)
    code, output, _ = check(root, "en")
    old, new = "du-lich/le-hoi-xuan.md", "du-lich/le-hoi.md"
    assert code == 1 and f"did you mean {new}?" in output, output
    assert f"make move FROM={old} TO={new}" in output
    _load.cache_clear()
    moved = CliRunner().invoke(main, ["--root", str(root), "move", old, new])
    assert moved.exit_code == 0, moved.output
    code, output, _ = check(root, "en")
    assert code == 0, output


def test_a_link_in_the_wrong_case_names_the_page_and_spares_the_translations(
    clean_site: Path, tmp_path: Path
) -> None:
    root = tmp_path / "p"
    shutil.copytree(clean_site, root, symlinks=True)
    _wrong_case(root)
    code, output, report = check(root, "en")
    [error] = [f for f in report if f["severity"] == "error"]
    assert code == 1 and "did you mean le-hoi.md#" in error["hint"], output
    assert "upper and lower case count" in error["hint"]
    # the translations link to the right page: no one is asked to remove or copy a link
    mismatches = [f for f in report if f["rule"] == "structure-mismatch"]
    assert not [f for f in mismatches if "le-hoi" in f["message"].lower()], mismatches


def test_a_copied_page_is_finished_by_the_command_its_message_names(
    clean_site: Path, tmp_path: Path
) -> None:
    root = tmp_path / "p"
    shutil.copytree(clean_site, root, symlinks=True)
    _copied(root)
    code, output, report = check(root, "en")
    rules = sorted(f["rule"] for f in report if f["severity"] == "error")
    assert rules == ["duplicate-title", "missing-translation"], output
    assert "make new PAGE=du-lich/nui-ba-den-2.md" in output
    assert f"{PAGE}:2" in output  # the title it repeats
    _load.cache_clear()
    made = CliRunner().invoke(main, ["--root", str(root), "new", "du-lich/nui-ba-den-2.md"])
    assert made.exit_code == 0, made.output
    edit(root, COPY, 'title: "Núi Bà Đen"', 'title: "Núi Bà Đen mùa lễ hội"')
    code, output, _ = check(root, "en")
    assert code == 0, output
    assert "du-lich/nui-ba-den-2.md" in (root / "mkdocs.yml").read_text(encoding="utf-8")


def test_a_mistyped_table_in_a_source_page_sends_no_translator_to_undo_their_work(
    clean_site: Path, tmp_path: Path
) -> None:
    root = tmp_path / "p"
    shutil.copytree(clean_site, root, symlinks=True)
    page = "docs/vi/bien-gioi/cua-khau-quoc-te.md"
    edit(root, page, "{{ table border-gates }}", "{{ table border-gate }}")
    code, output, report = check(root, "vi")
    [error] = [f for f in report if f["severity"] == "error"]
    assert code == 1 and (error["path"], error["rule"]) == (page, "data-directive"), output
    echoes = [
        f
        for f in report
        if f["rule"] in ("stale-translation", "structure-mismatch")
        and "cua-khau-quoc-te" in f["path"]
    ]
    assert echoes == [], output


def test_a_link_to_a_pages_address_is_a_warning_at_its_line_not_an_aborted_build(
    clean_site: Path, tmp_path: Path
) -> None:
    root = tmp_path / "p"
    shutil.copytree(clean_site, root, symlinks=True)
    edit(root, PAGE, "(le-hoi.md#hoi-xuan-nui-ba)", "(../le-hoi/)")
    code, output, report = check(root, "vi")
    assert code == 0 and "build-stopped" not in output, output
    [warning] = [f for f in report if f["rule"] == "link-not-to-md"]
    assert (warning["path"], warning["line"]) == (PAGE, line_of(root, PAGE, "(../le-hoi/)"))
    assert "viết le-hoi.md" in warning["hint_vi"]
    mismatches = [f for f in report if f["rule"] == "structure-mismatch"]
    assert not [f for f in mismatches if "nui-ba-den" in f["path"]], mismatches


def test_a_link_into_a_missing_version_does_not_ask_for_that_version(
    clean_site: Path, tmp_path: Path
) -> None:
    root = tmp_path / "p"
    shutil.copytree(clean_site, root, symlinks=True)
    _before_overview("Xem [节日](../../zh/du-lich/le-hoi.md).")(root)
    _code, output, report = check(root, "vi")
    [error] = [f for f in report if f["severity"] == "error"]
    assert "hreflang" not in error["hint_vi"] and "chưa có bản zh" in error["hint_vi"], output


@pytest.mark.parametrize(
    ("written", "meant"),
    [
        ("bqlnuibaden@tayninh.gov.vn", "mailto:bqlnuibaden@tayninh.gov.vn"),
        ("sunworld.vn/ba-den", "https://sunworld.vn/ba-den"),
        ("mailto: bql@tayninh.gov.vn", "mailto:bql@tayninh.gov.vn"),
        ("https//dulich.tayninh.gov.vn", "viết https://dulich.tayninh.gov.vn"),
    ],
)
def test_an_address_of_the_world_gets_its_scheme_in_the_hint(
    clean_site: Path, tmp_path: Path, written: str, meant: str
) -> None:
    root = tmp_path / "p"
    shutil.copytree(clean_site, root, symlinks=True)
    _before_overview(f"Xem [trang]({written}).")(root)
    _code, output, report = check(root, "vi")
    [error] = [f for f in report if f["severity"] == "error"]
    assert meant in error["hint_vi"] and "assets" not in error["hint_vi"], output


def test_a_record_deleted_while_pages_show_it_is_one_error_without_a_guess(
    clean_site: Path, tmp_path: Path
) -> None:
    root = tmp_path / "p"
    shutil.copytree(clean_site, root, symlinks=True)
    text = (root / "data/key-figures.yml").read_text(encoding="utf-8")
    start = text.index("  - id: communes\n")
    end = text.index("  - id: ", start + 1)
    (root / "data/key-figures.yml").write_text(text[:start] + text[end:], encoding="utf-8")
    code, output, report = check(root, "vi")
    [error] = [f for f in report if f["severity"] == "error"]
    assert code == 1 and "không có bản ghi 'communes'" in error["message_vi"], output
    assert "có phải" not in error["hint_vi"] and "đưa nó trở lại" in error["hint_vi"]
    assert len(error["extra"]["places"]) > 3  # in every language that shows it
    for line in output.splitlines():
        assert not english_words(line), line


def test_a_line_indented_too_deep_is_told_so_not_to_quote_a_colon(
    clean_site: Path, tmp_path: Path
) -> None:
    root = tmp_path / "p"
    shutil.copytree(clean_site, root, symlinks=True)
    edit(root, KM_PAGE, "  review: draft", "   review: draft")
    _code, output, report = check(root, "vi")
    [error] = [f for f in report if f["severity"] == "error"]
    assert "thụt lề sâu hơn dòng ngay trên" in error["message_vi"], output
    assert "ngoặc kép" not in error["hint_vi"]


@pytest.mark.parametrize(
    "written",
    [
        "le-hoi.html",
        "le-hoi.MD",
        "docs/vi/du-lich/le-hoi.md",
        "C:\\Users\\Lan\\docs\\vi\\du-lich\\le-hoi.md",
    ],
)
def test_a_page_named_another_way_gets_its_file_in_the_hint(
    clean_site: Path, tmp_path: Path, written: str
) -> None:
    root = tmp_path / "p"
    shutil.copytree(clean_site, root, symlinks=True)
    _before_overview(f"Xem [lễ hội]({written}).")(root)
    _code, output, report = check(root, "vi")
    [error] = [f for f in report if f["severity"] == "error"]
    assert "viết le-hoi.md" in error["hint_vi"] or "có phải le-hoi.md" in error["hint_vi"], output


def test_an_address_written_as_text_is_a_warning_with_the_link_to_write(
    clean_site: Path, tmp_path: Path
) -> None:
    root = tmp_path / "p"
    shutil.copytree(clean_site, root, symlinks=True)
    _before_overview("Đặt vé tại www.sunworld.vn/ba-den.")(root)
    code, output, report = check(root, "vi")
    assert code == 0, output
    [warning] = [f for f in report if f["rule"] == "bare-url"]
    assert (warning["path"], warning["line"]) == (PAGE, line_of(root, PAGE, "www.sunworld"))
    assert "<https://www.sunworld.vn/ba-den>" in warning["hint_vi"], output


def test_a_page_listed_twice_and_a_renamed_section_are_warnings_at_their_lines(
    clean_site: Path, tmp_path: Path
) -> None:
    root = tmp_path / "p"
    shutil.copytree(clean_site, root, symlinks=True)
    edit(
        root,
        "mkdocs.yml",
        "      - du-lich/lich-trinh.md\n",
        "      - du-lich/lich-trinh.md\n      - du-lich/le-hoi.md\n",
    )
    edit(root, "mkdocs.yml", "  - Hội nhập:\n", '  - "Hội nhập: Kinh tế quốc tế":\n')
    code, output, report = check(root, "vi")
    assert code == 0, output
    warned = {f["rule"]: f for f in report if f["path"] == "mkdocs.yml"}
    assert set(warned) == {"menu-twice", "menu-title"}, output
    lines = (root / "mkdocs.yml").read_text(encoding="utf-8").split("\n")
    listed = [n for n, text in enumerate(lines, 1) if text.strip() == "- du-lich/le-hoi.md"]
    assert warned["menu-twice"]["line"] == listed[1], output
    assert f"dòng {listed[0]}" in warned["menu-twice"]["message_vi"]
    assert warned["menu-title"]["line"] == line_of(root, "mkdocs.yml", "Kinh tế quốc tế")
    assert '`"Hội nhập: Kinh tế quốc tế": …`' in warned["menu-title"]["hint_vi"], output


LEAF = "../../assets/images/illustrations/leaf.svg"


@pytest.mark.parametrize(
    ("written", "meant"),
    [
        # The path from the project's root, and one folder too few: the path that works.
        ("![Lá](assets/images/illustrations/leaf.svg)", f"({LEAF})"),
        ("![Lá](../assets/images/illustrations/lef.svg)", f"có phải ({LEAF})"),
        # An HTML image, whose path would differ by page: the Markdown image that works.
        ('<img src="assets/images/logo.svg" alt="Logo">', "![mô tả](../../assets/images/logo.svg)"),
    ],
)  # fmt: skip
def test_a_file_of_assets_written_with_the_wrong_path_gets_the_path_that_works(
    clean_site: Path, tmp_path: Path, written: str, meant: str
) -> None:
    root = tmp_path / "p"
    shutil.copytree(clean_site, root, symlinks=True)
    _before_overview(written)(root)
    _code, output, report = check(root, "vi")
    [error] = [f for f in report if f["severity"] == "error"]
    assert error["rule"] == "missing-asset", output
    assert error["line"] == line_of(root, PAGE, written), output
    assert meant in error["hint_vi"] and "Thêm tệp" not in error["hint_vi"], output


def test_a_photo_dropped_beside_a_page_is_one_warning_saying_where_it_goes(
    clean_site: Path, tmp_path: Path
) -> None:
    root = tmp_path / "p"
    shutil.copytree(clean_site, root, symlinks=True)
    _code, _output, before = check(root, "vi")
    Image.new("RGB", (640, 480), (120, 80, 40)).save(root / "docs/vi/du-lich/Chợ Đêm.jpg")
    _before_overview("![Chợ đêm](Chợ%20Đêm.jpg)")(root)
    code, output, report = check(root, "vi")
    assert code == 0, output
    new = [f for f in report if f not in before and f["rule"] != "stale-translation"]
    [warning] = new  # the translations are not asked to add the image meanwhile
    assert (warning["path"], warning["line"]) == (PAGE, line_of(root, PAGE, "![Chợ đêm]"))
    assert warning["rule"] == "image-location"
    assert "assets/photos/cho-dem.jpg" in warning["hint_vi"], output
    assert "{{ photo cho-dem }}" in warning["hint_vi"], output


def test_a_menu_entry_titled_in_vietnamese_and_an_address_without_https(
    clean_site: Path, tmp_path: Path
) -> None:
    root = tmp_path / "p"
    shutil.copytree(clean_site, root, symlinks=True)
    titled = "      - Núi Bà Đen, nóc nhà Nam Bộ: du-lich/nui-ba-den.md\n"
    edit(root, "mkdocs.yml", "      - du-lich/nui-ba-den.md\n", titled)
    _code, output, report = check(root, "vi")
    [warning] = [f for f in report if f["path"] == "mkdocs.yml"]
    assert (warning["rule"], warning["line"]) == ("menu-title", line_of(root, "mkdocs.yml", "Núi"))
    assert "chỉ ghi `- du-lich/nui-ba-den.md`" in warning["hint_vi"], output
    edit(root, "mkdocs.yml", titled, "      - Dịch vụ công: dichvucong.tayninh.gov.vn\n")
    code, output, report = check(root, "vi")
    errors = [f for f in report if f["severity"] == "error"]
    assert code == 1 and [(f["rule"], f["path"]) for f in errors] == [
        ("nav-not-a-page", "mkdocs.yml")
    ], output
    assert "viết https://dichvucong.tayninh.gov.vn" in errors[0]["hint_vi"], output


def test_a_tab_in_the_menu_is_told_the_spaces_it_stands_for(
    clean_site: Path, tmp_path: Path
) -> None:
    root = tmp_path / "p"
    shutil.copytree(clean_site, root, symlinks=True)
    entry = "      - du-lich/vung-long-an-cu.md\n"
    edit(root, "mkdocs.yml", entry, "\t- du-lich/vung-long-an-cu.md\n")
    code, output, report = check(root, "vi")
    [error] = report
    assert code == 1 and error["rule"] == "site-config", output
    assert "thay phím Tab bằng 6 dấu cách" in error["hint_vi"], output
    edit(root, "mkdocs.yml", "\t- du-lich/vung-long-an-cu.md\n", entry)  # as the hint says
    code, output, _report = check(root, "vi")
    assert code == 0, output


def test_a_link_whose_file_name_was_translated_gets_the_source_s_link(
    clean_site: Path, tmp_path: Path
) -> None:
    root = tmp_path / "p"
    shutil.copytree(clean_site, root, symlinks=True)
    page = "docs/en/du-lich/nui-ba-den.md"
    edit(root, page, "(le-hoi.md#hoi-xuan-nui-ba)", "(festivals.md#hoi-xuan-nui-ba)")
    code, output, report = check(root, "vi")
    [error] = [f for f in report if f["severity"] == "error"]
    assert code == 1 and (error["path"], error["rule"]) == (page, "broken-link"), output
    assert "hãy viết (le-hoi.md#hoi-xuan-nui-ba)" in error["hint_vi"], output
