"""`tnsite check`: missing-alt, missing-credit, unknown-photo and manifest errors, each with
its file and line."""

from __future__ import annotations

import shutil

import pytest

from tests.images import makers
from tests.images.fixture import MANIFEST, write_page
from tnsite.check.causes import resolve
from tnsite.config import Project
from tnsite.findings import Severity
from tnsite.images.checks import better_photo_name, check_images
from tnsite.images.scan import scan_markdown

MANIFEST_PATH = "assets/photos/manifest.yml"


def errors(proj: Project) -> list[tuple[str, int, str]]:
    return sorted(
        (f.path, f.line, f.rule) for f in check_images(proj) if f.severity is Severity.ERROR
    )


def test_the_fixture_is_clean(proj: Project) -> None:
    assert errors(proj) == []


def test_image_without_alt_text(proj: Project) -> None:
    write_page(
        proj.root,
        "en",
        "du-lich/x.md",
        """\
        # X

        Text ![](../../assets/images/illustrations/mountain.svg) inline.

        <img src="../../assets/images/illustrations/mountain.svg">

        ![](../../assets/images/illustrations/mountain.svg){ .decorative }
        <img src="../../assets/images/illustrations/mountain.svg" alt="" role="presentation">
        ![A mountain](../../assets/images/illustrations/mountain.svg)

        ```
        ![](example.png)
        ```
        """,
    )
    found = [f for f in check_images(proj) if f.rule == "missing-alt"]
    assert [(f.path, f.line, f.col) for f in found] == [
        ("docs/en/du-lich/x.md", 3, 6),
        ("docs/en/du-lich/x.md", 5, 1),
    ]
    assert ".decorative" in found[0].hint.en  # type: ignore[union-attr]


def test_photo_alt_text_comes_from_the_manifest_in_every_language(proj: Project) -> None:
    manifest = proj.root / "assets/photos/manifest.yml"
    manifest.write_text(MANIFEST.replace("    km: ភ្នំបាឌិននៅពេលព្រឹកព្រលឹម\n", ""))
    [finding] = [f for f in check_images(proj) if f.rule == "missing-alt"]
    assert (finding.path, finding.line) == ("assets/photos/manifest.yml", 3)
    assert "km" in finding.message.en


def test_photo_without_credit_licence_or_source(proj: Project) -> None:
    manifest = proj.root / "assets/photos/manifest.yml"
    manifest.write_text(MANIFEST.replace("  licence: CC BY 4.0\n", "").replace("  source:", "  x:"))
    [finding] = [f for f in check_images(proj) if f.rule == "missing-credit"]
    assert (finding.path, finding.line) == ("assets/photos/manifest.yml", 2)
    assert "licence, source" in finding.message.en


@pytest.mark.parametrize(
    ("licence", "refused"),
    [
        ("used with permission", False),
        ("permission", False),
        ("public-domain", False),
        ("CC BY 4.0", False),
        ("CC0 1.0", False),
        ("CC BY-NC-SA 4.0", False),
        ("CC BY 3.0 IGO", False),  # a licence of international organisations' photos
        ("CC BY-SA 3.0 DE", False),  # a port
        ("cc-by-4.0", False),  # spelt loosely: shown in its standard spelling
        ("Public Domain Mark 1.0", False),
        ("cho phép dùng", True),  # free words, shown as written on every language's page
        ("All rights reserved", True),
    ],
)
def test_a_licence_in_words_of_one_language_is_refused(
    proj: Project, licence: str, refused: bool
) -> None:
    manifest = proj.root / MANIFEST_PATH
    manifest.write_text(MANIFEST.replace("  licence: CC BY 4.0\n", f"  licence: {licence}\n"))
    found = [f for f in check_images(proj) if f.rule == "photo-licence"]
    assert bool(found) is refused
    if refused:
        assert (found[0].path, found[0].line) == (MANIFEST_PATH, 10)
        assert "licence: permission" in found[0].hint.vi  # type: ignore[union-attr]


def test_photo_file_without_manifest_entry(proj: Project) -> None:
    makers.jpeg_with_gps(proj.root / "assets/photos/new.jpg", 600, 400)
    assert ("assets/photos/new.jpg", 1, "missing-credit") in errors(proj)


def test_photo_named_with_spaces_capitals_or_accents(proj: Project) -> None:
    photos, manifest = proj.root / "assets/photos", proj.root / MANIFEST_PATH
    makers.jpeg_with_gps(photos / "Núi Bà Đen.jpg", 600, 400)
    entry = MANIFEST.split("\n", 1)[1].replace("ba-den.jpg:", "Núi Bà Đen.jpg:")
    manifest.write_text(MANIFEST + entry)
    [finding] = [f for f in check_images(proj) if f.severity is Severity.ERROR]
    line = (MANIFEST + entry).split("\n").index("Núi Bà Đen.jpg:") + 1
    assert (finding.path, finding.line, finding.rule) == (MANIFEST_PATH, line, "file-name")
    assert "'nui-ba-den.jpg'" in finding.hint.vi  # type: ignore[union-attr]
    # shown on a page by that name (cut at its first space): still the one finding
    page = write_page(proj.root, "vi", "du-lich/anh.md", "# Ảnh\n\n{{ photo Núi Bà Đen }}\n")
    assert [f.rule for f in check_images(proj) if f.severity is Severity.ERROR] == ["file-name"]
    page.unlink()
    # a file not described yet: one finding, renaming it comes first
    manifest.write_text(MANIFEST)
    (photos / "Núi Bà Đen.jpg").rename(photos / "IMG_2034 copy.JPG")
    [finding] = [f for f in check_images(proj) if f.severity is Severity.ERROR]
    assert (finding.path, finding.rule) == ("assets/photos/IMG_2034 copy.JPG", "missing-credit")
    assert "'img-2034-copy.jpg'" in finding.hint.vi  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("name", "better"),
    [
        ("ba-den.jpg", None),
        ("le-hoi/dem-hoi-2.webp", None),
        ("Nui Ba Den.jpg", "nui-ba-den.jpg"),
        ("ảnh chợ đêm.PNG", "anh-cho-dem.png"),
        ("IMG_2034.JPG", "img-2034.jpg"),
        ("Lễ hội/đêm hội.jpg", "le-hoi/dem-hoi.jpg"),
    ],
)
def test_the_name_a_photo_should_have(name: str, better: str | None) -> None:
    assert better_photo_name(name) == better


def test_manifest_entry_without_file(proj: Project) -> None:
    manifest = proj.root / "assets/photos/manifest.yml"
    manifest.write_text(MANIFEST.replace("ba-den.jpg:", "ba-den.jpeg:"))
    assert ("assets/photos/manifest.yml", 2, "bad-image") in errors(proj)


def test_unknown_photo_in_a_page(proj: Project) -> None:
    write_page(proj.root, "vi", "du-lich/y.md", "# Y\n\nChữ.\n\n{{ photo khong-co }}\n")
    assert ("docs/vi/du-lich/y.md", 5, "unknown-photo") in errors(proj)


@pytest.mark.parametrize(
    ("written", "meant"),
    [("Ba-Den", "ba-den"), ("ba-dem", "ba-den"), ("ba-den.JPG", "ba-den.jpg"), ("zzzz", None)],
)
def test_an_unknown_photo_gets_the_name_meant(
    proj: Project, written: str, meant: str | None
) -> None:
    write_page(proj.root, "vi", "du-lich/y.md", f"# Y\n\nChữ.\n\n{{{{ photo {written} }}}}\n")
    [finding] = [f for f in check_images(proj) if f.rule == "unknown-photo"]
    hint = finding.hint.vi  # type: ignore[union-attr]
    assert (f"có phải {{{{ photo {meant} }}}}?" in hint) if meant else ("assets/photos/" in hint)


@pytest.mark.parametrize("written", ["cho-dem.jpg", "cho-dem", "Cho-Dem.JPG"])
def test_a_photo_no_file_has_says_where_to_put_it_and_how_to_name_it(
    proj: Project, written: str
) -> None:
    write_page(proj.root, "vi", "du-lich/y.md", f"# Y\n\nChữ.\n\n{{{{ photo {written} }}}}\n")
    [finding] = [f for f in check_images(proj) if f.rule == "unknown-photo"]
    hint = finding.hint.vi  # type: ignore[union-attr]
    assert "assets/photos/ với tên cho-dem." in hint and "{{ photo cho-dem }}" in hint, hint


def test_a_photo_without_its_entry_is_one_error_at_the_photo(proj: Project) -> None:
    """The page that shows it by name finds no photo for that reason alone."""
    shutil.copy(proj.root / "assets/photos/ba-den.jpg", proj.root / "assets/photos/cho-dem.jpg")
    write_page(proj.root, "vi", "du-lich/y.md", "# Y\n\nChữ.\n\n{{ photo cho-dem }}\n")
    found = resolve(check_images(proj), [])
    assert [(f.path, f.rule) for f in found if f.severity is Severity.ERROR] == [
        ("assets/photos/cho-dem.jpg", "missing-credit")
    ]


def test_broken_manifest_yaml(proj: Project) -> None:
    (proj.root / "assets/photos/manifest.yml").write_text("a.jpg:\n  alt: [unclosed\n")
    assert any(rule == "photo-manifest" for _p, _l, rule in errors(proj))


def test_bad_image_is_reported_by_the_check_too(proj: Project) -> None:
    makers.truncated_jpeg(proj.root / "assets/images/cut.jpg")
    assert ("assets/images/cut.jpg", 1, "bad-image") in errors(proj)


def test_scanner_reads_reference_images_and_skips_code_spans() -> None:
    refs = list(
        scan_markdown("`![](a.png)` and ![Alt][r]\n\n[r]: ../b.png\n<IMG SRC='c.svg' alt='C'>")
    )
    assert [(r.line, r.kind, r.src, r.alt) for r in refs] == [
        (1, "markdown", "../b.png", "Alt"),
        (4, "html", "c.svg", "C"),
    ]


def test_an_image_on_another_website_is_refused(proj: Project) -> None:
    write_page(
        proj.root,
        "vi",
        "du-lich/z.md",
        "# Z\n\nChữ.\n\n![Hồ Dầu Tiếng](https://upload.example.org/ho-dau-tieng.jpg)\n",
    )
    assert ("docs/vi/du-lich/z.md", 5, "remote-image") in errors(proj)


def test_a_photo_described_twice_is_one_error_at_the_second(proj: Project) -> None:
    manifest = proj.root / MANIFEST_PATH
    second = MANIFEST.split("\n", 1)[1].replace("Nguyễn Văn A", "Trần Thị C")
    manifest.write_text(MANIFEST + second, encoding="utf-8")
    [finding] = [f for f in check_images(proj) if f.severity is Severity.ERROR]
    assert (finding.path, finding.line, finding.rule) == (MANIFEST_PATH, 12, "photo-manifest")
    assert "dòng 2" in finding.message.vi and "ghi công" in finding.message.vi


def test_a_field_written_twice_for_a_photo_is_named(proj: Project) -> None:
    manifest = proj.root / MANIFEST_PATH
    manifest.write_text(MANIFEST + "  credit: Trần Thị C\n", encoding="utf-8")
    [finding] = [f for f in check_images(proj) if f.severity is Severity.ERROR]
    assert (finding.path, finding.line) == (MANIFEST_PATH, 12)
    assert "`credit`" in finding.message.vi
