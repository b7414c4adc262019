"""The mistakes an editor makes in the web editor's forms, driven in Chromium against the local
backend: each is refused in the form with a Vietnamese message read out with its field, and
nothing is written. The form is the editor's guide, not the site's defence: what it refuses,
sent to the backend by a client that skips it, is built into pages as text, never as markup."""

from __future__ import annotations

import base64
import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from lxml import html as lxml_html
from playwright.sync_api import expect

from tests.editor.helpers import (
    field,
    open_record,
    open_view,
    preview_site,
    publish,
    type_body,
)
from tests.helpers.project_copy import copy_project
from tests.helpers.server import SiteServer
from tests.images.makers import jpeg_with_gps
from tnsite.build import build_site
from tnsite.config import load_project
from tnsite.editor.local import LocalEditor

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("editor")]

TITLE = "Chợ đêm <script>alert('title')</script>"
ALT = "Chợ đêm \"><img src=x onerror=\"alert('alt')\"> <script>alert('alt')</script>"
TITLE_FIELD = "Tiêu đề (title)"
ALT_VI = "Mô tả ảnh cho người không nhìn thấy — Tiếng Việt"
PLAIN_TEXT = "chỉ được viết chữ, không để trống và không dùng thẻ HTML (như <b> hay <script>)."


@pytest.fixture
def workspace(tmp_path: Path, built_site: Path) -> Iterator[tuple[LocalEditor, Path]]:
    root = copy_project(tmp_path / "project")
    site = preview_site(built_site, tmp_path / "site")
    editor = LocalEditor(load_project(root), site, tools=Path(__file__).resolve().parents[2])
    editor.start()
    yield editor, root
    editor.stop()


def _refused(page, label: str, message: str) -> None:  # type: ignore[no-untyped-def]
    """The field is marked invalid and read out with `message`, which the form shows."""
    control = field(page, label)
    expect(control).to_have_attribute("aria-invalid", "true")
    expect(control).to_have_accessible_description(message)
    shown = page.locator("#" + str(control.get_attribute("aria-describedby")))
    expect(shown).to_be_visible()
    assert shown.text_content() == message


def _snapshot(root: Path) -> dict[str, bytes]:
    """Every file an editor's form can write."""
    return {
        p.relative_to(root).as_posix(): p.read_bytes()
        for folder in ("docs", "data", "assets/photos", "i18n")
        for p in sorted((root / folder).rglob("*"))
        if p.is_file()
    }


def test_form_mistakes_are_refused_in_vietnamese_and_nothing_is_written(  # type: ignore[no-untyped-def]
    page, workspace, tmp_path
) -> None:
    editor, root = workspace
    before = _snapshot(root)

    # A title with a <script> in it, on a new page.
    open_view(page, editor.url + "#/collections/pages-vi/new")
    page.get_by_label("Mục trên menu (section)").select_option("du-lich")
    page.get_by_label("Tên tệp (không dấu) (file_name)").fill("cho-dem")
    field(page, TITLE_FIELD).fill(TITLE)
    field(page, "Mô tả ngắn (description)").fill("Chợ đêm ở Tây Ninh.")
    type_body(page, "Chợ họp từ chiều tối.")
    publish(page)
    _refused(page, TITLE_FIELD, f"{TITLE_FIELD}: {PLAIN_TEXT}")

    # A photo uploaded without its Vietnamese alt text.
    upload = jpeg_with_gps(tmp_path / "cho-dem.jpg")
    open_view(page, editor.url + "#/collections/photos/entries/manifest")
    page.get_by_role("button", name="Thêm ảnh (photos)").click()
    page.get_by_role("button", name="Chọn một hình").click()
    page.locator("input[type=file]").set_input_files(str(upload))
    page.get_by_role("button", name="Lấy những cái đã chọn").click()
    field(page, "Mô tả ảnh cho người không nhìn thấy — English").fill("The night market")
    field(page, "Mô tả ảnh cho người không nhìn thấy — ភាសាខ្មែរ").fill("ផ្សាររាត្រី")
    field(page, "Tác giả (credit)").fill("Nguyễn Văn A")
    field(page, "Giấy phép (licence)").fill("CC BY 4.0")
    field(page, "Nguồn (source)").fill("Ảnh của Sở")
    publish(page)
    _refused(page, ALT_VI, f"{ALT_VI} bắt buộc nhập.")

    # A figure that is not a number, and a record whose as-of date was deleted.
    open_view(page, editor.url + "#/collections/data/entries/key-figures")
    open_record(page, "population — Dân số: 3")
    field(page, "Giá trị (value)").fill("hơn 3 triệu")
    field(page, "Ngày số liệu (as_of)").fill("")
    publish(page)
    _refused(
        page,
        "Giá trị (value)",
        "Giá trị (value): cần một số viết bằng chữ số, dấu chấm trước phần thập phân "
        "(ví dụ 8500 hoặc 24.3), không có dấu cách hay dấu phân cách hàng nghìn.",
    )
    _refused(page, "Ngày số liệu (as_of)", "Ngày số liệu (as_of) bắt buộc nhập.")

    # Nothing was written: no page, no photo, no manifest entry, no changed figure.
    assert _snapshot(root) == before


def test_markup_sent_past_the_form_is_built_as_text(page, workspace, tmp_path) -> None:  # type: ignore[no-untyped-def]
    """A client that skips the form (the same backend request the editor's save makes) stores a
    title with a <script> and an alt text with an <img onerror>: the built page shows both as
    text, and no script of theirs runs in a visitor's browser."""
    editor, root = workspace
    page_path = "docs/vi/du-lich/le-hoi.md"
    text = (root / page_path).read_text(encoding="utf-8")
    front, body = text.split("\n---\n", 1)
    front = "\n".join(
        f"title: {json.dumps(TITLE, ensure_ascii=False)}" if line.startswith("title:") else line
        for line in front.splitlines()
    )
    heading = body.index("\n## ")
    body = body[:heading] + "\n\n{{ photo cho-dem }}\n" + body[heading:]
    manifest = (root / "assets/photos/manifest.yml").read_text(encoding="utf-8")
    manifest += (
        "\ncho-dem.jpg:\n  alt:\n"
        f"    vi: {json.dumps(ALT, ensure_ascii=False)}\n"
        "    en: The night market\n    km: ផ្សាររាត្រី\n    zh: 夜市\n"
        "  credit: Nguyễn Văn A\n  licence: CC BY 4.0\n  source: Ảnh của Sở\n"
    )
    photo = jpeg_with_gps(tmp_path / "cho-dem.jpg").read_bytes()
    request = {  # as the editor's own save sends it (captured from the form's request)
        "branch": "main",
        "action": "persistEntry",
        "params": {
            "branch": "main",
            "dataFiles": [
                {"slug": "du-lich/le-hoi", "path": page_path, "raw": f"{front}\n---\n{body}"},
                {"slug": "manifest", "path": "assets/photos/manifest.yml", "raw": manifest},
            ],
            "assets": [
                {
                    "path": "assets/photos/cho-dem.jpg",
                    "content": base64.b64encode(photo).decode(),
                    "encoding": "base64",
                }
            ],
            "options": {
                "newEntry": False,
                "commitMessage": "Sửa trang “du-lich/le-hoi”",
                "collectionName": "pages-vi",
                "useWorkflow": False,
                "hasSubfolders": True,
                "unpublished": False,
                "status": "draft",
            },
        },
    }
    answer = page.evaluate(
        """async ([url, body]) => (await fetch(url, {method: 'POST',
             headers: {'Content-Type': 'application/json'}, body: JSON.stringify(body)})).status""",
        [editor.backend_url, request],
    )
    assert answer == 200
    assert TITLE in (root / page_path).read_text(encoding="utf-8")

    site = build_site(load_project(root), tmp_path / "built")
    built = (site / "du-lich/le-hoi/index.html").read_text(encoding="utf-8")
    tree = lxml_html.fromstring(built)
    assert tree.findtext(".//title").startswith(TITLE)
    assert tree.xpath("//img[@alt=$alt]", alt=ALT)
    assert not tree.xpath("//script[contains(., 'alert(')]")
    assert not tree.xpath("//img[@src='x'] | //*[@onerror]")

    dialogs: list[str] = []
    server = SiteServer(site).start()
    try:
        visitor = page.context.new_page()
        visitor.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
        visitor.goto(server.url("du-lich/le-hoi/"), wait_until="networkidle")
        assert visitor.title().startswith(TITLE)
        assert visitor.locator("img").evaluate_all(
            "(imgs, alt) => imgs.filter(i => i.alt === alt).length", ALT
        )
        visitor.close()
    finally:
        server.stop()
    assert dialogs == []
