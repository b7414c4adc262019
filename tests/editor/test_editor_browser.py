"""The web editor driven in Chromium against its local backend (decap-server writing into a
temporary copy of the project): what an editor does in the forms ends up on disk exactly as the
README's conventions write it, and `tnsite check` passes on the result; the mistakes an editor
makes in a form are refused there, in Vietnamese."""

from __future__ import annotations

import re
import shutil
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml

from tests.editor.helpers import (
    copy_project,
    log_in,
    open_view,
    preview_site,
    publish,
    tnsite,
    type_body,
)
from tests.images.makers import jpeg_with_gps
from tnsite.config import load_project
from tnsite.editor.local import LocalEditor

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("editor")]

# A change to a Vietnamese source made after its Khmer translation was marked: the translator
# sees which section changed and marks the translation again.
STALE_PAGE = "du-lich/nui-ba-den.md"
ADDED_SENTENCE = "\nCáp treo mở cửa từ sáng sớm.\n"


def wait_for_file(path: Path, seconds: float = 15.0, changed_from: bytes | None = None) -> bytes:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if path.is_file():
            data = path.read_bytes()
            time.sleep(0.3)  # decap-server writes in place: read it once it stops changing
            if data and data == path.read_bytes() and data != changed_from:
                return data
        time.sleep(0.2)
    raise AssertionError(f"{path} was not written")


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


@pytest.fixture
def page(browser, workspace):  # type: ignore[no-untyped-def]
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    tab = context.new_page()
    errors: list[str] = []
    tab.on("pageerror", lambda exc: errors.append(str(exc)))
    log_in(tab, workspace[0].url)
    yield tab
    context.close()
    assert not errors, errors


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

    # 2. Its Khmer and English translations, each naming its source, as a draft.
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

    # 4. A photo uploaded with its alt text in three languages, credit, licence and source.
    upload = jpeg_with_gps(tmp_path / "cho-moc-bai.jpg")
    manifest = root / "assets/photos/manifest.yml"
    manifest_before = manifest.read_bytes()
    open_view(page, editor.url + "#/collections/photos/entries/manifest")
    page.get_by_role("button", name="Add ảnh (photos)").click()
    page.get_by_role("button", name="Chọn một hình").click()
    page.locator("input[type=file]").set_input_files(str(upload))
    page.get_by_role("button", name="Lấy những cái đã chọn").click()
    # alt (first) and caption (second) each have one input per language
    for code, text in (
        ("vi", "Quầy vải ở chợ Mộc Bài"),
        ("en", "A cloth stall at Mộc Bài market"),
        ("km", "តូបក្រណាត់នៅផ្សារមុកបៃ"),
    ):
        page.locator(f"input[id^='{code}-field']").first.fill(text)
    page.get_by_label("Tác giả (credit)").fill("Nguyễn Văn A")
    page.get_by_label("Giấy phép (licence)").fill("CC BY 4.0")
    page.get_by_label("Nguồn (source)").fill("Ảnh của Sở")
    publish(page)
    written = wait_for_file(manifest, changed_from=manifest_before).decode()
    assert written.startswith(manifest_before.decode().split("\n\n")[0])  # the header comments
    entry = yaml.safe_load(written)["cho-moc-bai.jpg"]
    assert entry == {
        "alt": {
            "vi": "Quầy vải ở chợ Mộc Bài",
            "en": "A cloth stall at Mộc Bài market",
            "km": "តូបក្រណាត់នៅផ្សារមុកបៃ",
        },
        "credit": "Nguyễn Văn A",
        "licence": "CC BY 4.0",
        "source": "Ảnh của Sở",
    }
    assert (root / "assets/photos/cho-moc-bai.jpg").read_bytes() == upload.read_bytes()

    # 5. The result passes every check.
    shutil.rmtree(root / "site", ignore_errors=True)
    result = tnsite(root, "check")
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-2000:]
