"""The editor's own interface: every phrase in Vietnamese, and no serious or critical
accessibility fault (axe-core) on the sign-in page, the collection list and the entry editors.

/admin/ is outside the visitors' audit (audit.yml lists visitor pages only); this is its check.
axe is injected through the DevTools protocol (`page.evaluate`), which the admin page's
Content-Security-Policy does not govern, as the audit does for visitor pages. Nothing is
excluded from the scan."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import ROOT
from tests.editor.helpers import (
    FORM_TIMEOUT_MS,
    field,
    log_in,
    open_record,
    open_view,
    preview_site,
    publish,
)
from tests.helpers.project_copy import copy_project
from tnsite.audit.browser import AXE_RUN
from tnsite.config import load_project
from tnsite.editor.local import LocalEditor

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("editor")]

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
BLOCKING = ("serious", "critical")


@pytest.fixture(scope="module")
def workspace(tmp_path_factory, built_site: Path) -> Iterator[tuple[LocalEditor, Path]]:  # type: ignore[no-untyped-def]
    base = tmp_path_factory.mktemp("editor-interface")
    root = copy_project(base / "project")
    site = preview_site(built_site, base / "site")
    editor = LocalEditor(load_project(root), site, tools=ROOT)
    editor.start()
    yield editor, root
    editor.stop()


def blocking_violations(page) -> list[dict[str, Any]]:  # type: ignore[no-untyped-def]
    """axe's serious and critical findings on the page, the preview frame included (axe checks
    a frame it has been injected into)."""
    source = AXE.read_text(encoding="utf-8")
    for frame in page.frames:
        frame.evaluate(source)
    found = page.evaluate(AXE_RUN)
    return [
        {
            "id": v["id"],
            "impact": v["impact"],
            "nodes": [n["target"] for n in v["nodes"][:5]],
        }
        for v in found
        if v["impact"] in BLOCKING
    ]


def test_every_phrase_of_the_interface_is_vietnamese(browser, workspace) -> None:  # type: ignore[no-untyped-def]
    context = browser.new_context()
    tab = context.new_page()
    log_in(tab, workspace[0].url)
    missing = tab.evaluate(
        """() => {
          const out = [];
          const walk = (en, vi, path) => {
            for (const [key, value] of Object.entries(en)) {
              const here = path ? `${path}.${key}` : key;
              const mine = vi && typeof vi === 'object' ? vi[key] : undefined;
              if (value && typeof value === 'object') walk(value, mine, here);
              else if (typeof mine !== 'string' || !mine) out.push(here);
            }
          };
          walk(CMS.getLocale('en'), CMS.getLocale('vi'), '');
          return out;
        }"""
    )
    context.close()
    assert missing == []


def test_khmer_in_the_interface_is_drawn_in_the_sites_khmer_face(browser, workspace) -> None:  # type: ignore[no-untyped-def]
    """The collection list names the Khmer pages in Khmer: on a computer without a Khmer font
    (this test's Chromium has none) they show only if the site's own face draws them."""
    context = browser.new_context()
    tab = context.new_page()
    log_in(tab, workspace[0].url)
    label = tab.get_by_text("ភាសាខ្មែរ").first
    label.wait_for()
    family = label.evaluate("el => getComputedStyle(el).fontFamily")
    tab.evaluate("document.fonts.ready")
    loaded = tab.evaluate(
        "[...document.fonts].some(f => f.family.includes('Noto Sans Khmer') && "
        "f.status === 'loaded')"
    )
    context.close()
    assert "Noto Sans Khmer" in family and loaded


def test_the_editor_has_no_serious_accessibility_fault(browser, workspace, page) -> None:  # type: ignore[no-untyped-def]
    editor, _root = workspace
    found: dict[str, list[dict[str, Any]]] = {}

    signed_out = browser.new_context(reduced_motion="reduce").new_page()
    signed_out.goto(editor.url)
    signed_out.get_by_role("button", name="Đăng nhập").wait_for()
    found["sign-in"] = blocking_violations(signed_out)
    signed_out.context.close()

    open_view(page, editor.url + "#/collections/pages-vi")
    page.get_by_text("Núi Bà Đen").first.wait_for()
    found["collection list"] = blocking_violations(page)

    open_view(page, editor.url + "#/collections/pages-km/entries/du-lich/nui-ba-den")
    page.frame_locator("iframe").first.locator('article[lang="vi"] h1').wait_for()
    found["translation beside its source (and its preview)"] = blocking_violations(page)

    open_view(page, editor.url + "#/collections/photos/entries/manifest")
    page.get_by_role("button", name="Thêm ảnh (photos)").click()
    page.get_by_role("button", name="Chọn một hình").wait_for()
    found["photo manifest, a new photo"] = blocking_violations(page)
    page.get_by_role("button", name="Chọn một hình").click()
    page.get_by_role("button", name="Tải lên").wait_for()
    found["media library"] = blocking_violations(page)
    page.keyboard.press("Escape")

    # A dataset with one record open, and a new page the form refused (its messages shown).
    open_view(page, editor.url + "#/collections/data/entries/key-figures")
    open_record(page, "area — Diện tích tự nhiên: 8500")
    found["dataset, one record open"] = blocking_violations(page)
    open_view(page, editor.url + "#/collections/pages-vi/new")
    field(page, "Tiêu đề (title)").fill("<b>Chợ</b>", timeout=FORM_TIMEOUT_MS)
    publish(page)
    page.get_by_text("Bạn còn thiếu vài thông tin bắt buộc").filter(visible=True).first.wait_for()
    found["new page refused"] = blocking_violations(page)

    assert {name: v for name, v in found.items() if v} == {}
