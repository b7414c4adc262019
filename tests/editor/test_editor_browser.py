"""The web editor driven in Chromium against its local backend (decap-server writing into a
temporary copy of the project): what an editor does in the forms ends up on disk exactly as the
README's conventions write it, and `tnsite check` passes on the result; the mistakes an editor
makes in a form are refused there, in Vietnamese."""

from __future__ import annotations

import difflib
import re
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml

from tests.editor.helpers import (
    field,
    open_record,
    open_view,
    preview_site,
    publish,
    tnsite,
    type_body,
    wait_for_file,
)
from tests.helpers.project_copy import copy_project
from tests.images.makers import jpeg_with_gps
from tnsite.config import load_project
from tnsite.editor.local import LocalEditor

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("editor")]

# A change to a Vietnamese source made after its Khmer translation was marked: the translator
# sees which section changed and marks the translation again.
STALE_PAGE = "du-lich/nui-ba-den.md"
ADDED_SENTENCE = "\nCáp treo mở cửa từ sáng sớm.\n"


def change_source(root: Path) -> None:
    page = root / "docs/vi" / STALE_PAGE
    text = page.read_text(encoding="utf-8")
    second = [m.start() for m in re.finditer(r"^## ", text, re.M)][1]
    page.write_text(text[:second] + ADDED_SENTENCE.lstrip("\n") + "\n" + text[second:], "utf-8")


@pytest.fixture
def workspace(tmp_path: Path, built_site: Path) -> Iterator[tuple[LocalEditor, Path]]:
    root = copy_project(tmp_path / "project")
    change_source(root)
    site = preview_site(built_site, tmp_path / "site")
    editor = LocalEditor(load_project(root), site, tools=Path(__file__).resolve().parents[2])
    editor.start()
    yield editor, root
    editor.stop()


def test_an_editor_s_work_lands_on_disk_as_the_conventions_say(page, workspace, tmp_path) -> None:  # type: ignore[no-untyped-def]
    editor, root = workspace
    # 1. A new Vietnamese page in the "Du lịch" section.
    open_view(page, editor.url + "#/collections/pages-vi/new")
    page.get_by_label("Mục trên menu (section)").select_option("du-lich")
    page.get_by_label("Tên tệp (không dấu) (file_name)").fill("cho-bien-gioi")
    page.get_by_label("Tiêu đề (title)").fill("Chợ biên giới Mộc Bài")
    page.get_by_label("Mô tả ngắn (description)").fill("Chợ ở cửa khẩu Mộc Bài: hàng hóa hai bên.")
    type_body(page, "Chợ họp mỗi sáng.\n\n## Hàng hóa {#hang-hoa}\n\nVải, đồ gia dụng.")
    publish(page)
    source = wait_for_file(root / "docs/vi/du-lich/cho-bien-gioi.md").decode()
    assert source == (
        "---\n"
        "title: Chợ biên giới Mộc Bài\n"
        'description: "Chợ ở cửa khẩu Mộc Bài: hàng hóa hai bên."\n'
        "---\n\n"
        "Chợ họp mỗi sáng.\n\n## Hàng hóa {#hang-hoa}\n\nVải, đồ gia dụng.\n"
    )

    # 2. Its translations, each naming its source, as a draft.
    for code, title, description, body in (
        (
            "km",
            "ផ្សារព្រំដែនមុកបៃ",
            "ផ្សារនៅច្រកទ្វារមុកបៃ។",
            "ផ្សារបើករៀងរាល់ព្រឹក។\n\n## ទំនិញ {#hang-hoa}\n\nក្រណាត់។",
        ),
        (
            "en",
            "Mộc Bài border market",
            "The market at the Mộc Bài gate.",
            "Open every morning.\n\n## Goods {#hang-hoa}\n\nCloth.",
        ),
        (
            "zh",
            "木排边境市场",
            "木排口岸的市场。",
            "市场每天早上开市。\n\n## 商品 {#hang-hoa}\n\n布料。",
        ),
    ):
        open_view(page, editor.url + f"#/collections/pages-{code}/new")
        page.get_by_label("Mục trên menu (section)").select_option("du-lich")
        page.get_by_label("Tên tệp (không dấu) (file_name)").fill("cho-bien-gioi")
        page.get_by_label("Tiêu đề (title)").fill(title)
        page.get_by_label("Mô tả ngắn (description)").fill(description)
        type_body(page, body)
        publish(page)
        written = wait_for_file(root / f"docs/{code}/du-lich/cho-bien-gioi.md").decode()
        assert written == (
            f"---\ntitle: {title}\ndescription: {description}\n"
            "translation:\n  source: du-lich/cho-bien-gioi.md\n  review: draft\n"
            f"---\n\n{body}\n"
        )

    # 3. A translator marks the Khmer page of a changed source: the panel names the section
    #    that changed, the preview shows the Vietnamese beside it, and the result on disk is what
    #    `tnsite mark` writes.
    target = root / "docs/km" / STALE_PAGE
    before = target.read_bytes()
    open_view(page, editor.url + "#/collections/pages-km/entries/" + STALE_PAGE.removesuffix(".md"))
    panel = page.locator(".tnsite-translation")
    panel.get_by_text("Bản gốc đã thay đổi từ khi dịch").wait_for()
    assert panel.locator(".tnsite-changes li").count() == 1
    preview = page.frame_locator("iframe").first
    preview.locator('article[lang="vi"] h1').wait_for()
    assert preview.locator('article[lang="km"]').count() == 1
    panel.get_by_role("button", name="Đánh dấu bản dịch đã cập nhật theo bản gốc").click()
    publish(page)
    marked = wait_for_file(target, changed_from=before)
    reference = copy_project(tmp_path / "reference")
    change_source(reference)
    result = tnsite(reference, "mark", f"docs/km/{STALE_PAGE}")
    assert result.returncode == 0, result.stderr
    assert marked == (reference / "docs/km" / STALE_PAGE).read_bytes()
    version = yaml.safe_load(marked.decode().split("---")[1])["translation"]["source_version"]
    snapshot = root / "i18n/snapshots" / f"{version}.json"
    assert (
        wait_for_file(snapshot) == (reference / "i18n/snapshots" / f"{version}.json").read_bytes()
    )

    # 4. A photo uploaded with its alt text in every language, credit, licence and source.
    upload = jpeg_with_gps(tmp_path / "cho-moc-bai.jpg")
    manifest = root / "assets/photos/manifest.yml"
    manifest_before = manifest.read_bytes()
    open_view(page, editor.url + "#/collections/photos/entries/manifest")
    page.get_by_role("button", name="Thêm ảnh (photos)").click()
    page.get_by_role("button", name="Chọn một hình").click()
    page.locator("input[type=file]").set_input_files(str(upload))
    page.get_by_role("button", name="Lấy những cái đã chọn").click()
    for language, text in (
        ("Tiếng Việt", "Quầy vải ở chợ Mộc Bài"),
        ("English", "A cloth stall at Mộc Bài market"),
        ("ភាសាខ្មែរ", "តូបក្រណាត់នៅផ្សារមុកបៃ"),
        ("简体中文", "木排市场的布摊"),
    ):
        field(page, f"Mô tả ảnh cho người không nhìn thấy — {language}").fill(text)
    field(page, "Tác giả (credit)").fill("Nguyễn Văn A")
    field(page, "Giấy phép (licence)").fill("CC BY 4.0")
    field(page, "Nguồn (source)").fill("Ảnh của Sở")
    publish(page)
    written = wait_for_file(manifest, changed_from=manifest_before).decode()
    assert written.startswith(manifest_before.decode().split("\n\n")[0])  # the header comments
    entry = yaml.safe_load(written)["cho-moc-bai.jpg"]
    assert entry == {
        "alt": {
            "vi": "Quầy vải ở chợ Mộc Bài",
            "en": "A cloth stall at Mộc Bài market",
            "km": "តូបក្រណាត់នៅផ្សារមុកបៃ",
            "zh": "木排市场的布摊",
        },
        "credit": "Nguyễn Văn A",
        "licence": "CC BY 4.0",
        "source": "Ảnh của Sở",
    }
    assert (root / "assets/photos/cho-moc-bai.jpg").read_bytes() == upload.read_bytes()

    # 5. A figure changed in its dataset's form: the record is found by its summary, and the
    #    file changes on that one line; its as-of date and source stay beside it.
    figures = root / "data/key-figures.yml"
    figures_before = figures.read_text(encoding="utf-8")
    open_view(page, editor.url + "#/collections/data/entries/key-figures")
    # (">3.3 million", VietNamNet, the record's own source: FACTS.md)
    open_record(page, "population — Dân số: 3")
    field(page, "Giá trị (value)").fill("3.3")
    publish(page)
    figures_after = wait_for_file(figures, changed_from=figures_before.encode()).decode()
    changed = [
        line
        for line in difflib.unified_diff(
            figures_before.splitlines(), figures_after.splitlines(), lineterm="", n=0
        )
        if line[:1] in "+-" and not line.startswith(("+++", "---"))
    ]
    assert changed == ["-    value: 3", "+    value: 3.3"]
    record = next(r for r in yaml.safe_load(figures_after)["records"] if r["id"] == "population")
    assert record["value"] == 3.3
    assert record["as_of"] == "2025-06" and record["source"] == "vietnamnet-2025-06-merger"

    # 6. The result passes every check.
    shutil.rmtree(root / "site", ignore_errors=True)
    result = tnsite(root, "check")
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-2000:]
