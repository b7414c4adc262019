"""A temporary copy of the project with the editor running against it (decap-server writing into
the copy), and the steps an editor takes in the browser."""

from __future__ import annotations

import shutil
import subprocess
import sys
import time
from pathlib import Path


def preview_site(built: Path, dest: Path) -> Path:
    """What the admin page needs of the built site: its stylesheets and fonts."""
    for part in ("assets/stylesheets", "assets/fonts"):
        shutil.copytree(built / part, dest / part)
    return dest


def tnsite(root: Path, *args: str) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "tnsite.cli", "--root", str(root), *args]
    return subprocess.run(command, capture_output=True, text=True, check=False, cwd=root)


def log_in(page, url: str) -> None:  # type: ignore[no-untyped-def]
    page.goto(url)
    page.get_by_role("button", name="Đăng nhập").click()
    page.get_by_text("Bộ sưu tập").first.wait_for()


def publish(page) -> None:  # type: ignore[no-untyped-def]
    page.get_by_role("button", name="Công bố").first.click()
    page.get_by_role("menuitem", name="Công bố ngay").click()


def type_body(page, text: str) -> None:  # type: ignore[no-untyped-def]
    body = page.locator('[data-slate-editor="true"]').first
    body.click()
    page.keyboard.press("Control+A")
    page.keyboard.press("Delete")
    page.keyboard.type(text)


def open_view(page, url: str) -> None:  # type: ignore[no-untyped-def]
    """Open a view of the editor afresh (the CMS keeps the sign-in in the browser)."""
    page.goto(url)
    page.reload()
    page.wait_for_load_state("networkidle")


# The dataset forms hold every record of a file (a hundred in key-figures.yml): they take longer
# than a page to open on a busy machine.
FORM_TIMEOUT_MS = 90_000


def open_record(page, summary: str) -> None:  # type: ignore[no-untyped-def]
    """Open one record of a list by the button named after its summary."""
    page.get_by_role("button", name=f"Mở: {summary}", exact=True).click(timeout=FORM_TIMEOUT_MS)
    page.get_by_role("button", name=f"Thu gọn: {summary}", exact=True).wait_for()


def field(page, label: str):  # type: ignore[no-untyped-def]
    """The one visible input labelled `label` (closed records hide theirs)."""
    return page.get_by_label(label, exact=True).filter(visible=True)


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
