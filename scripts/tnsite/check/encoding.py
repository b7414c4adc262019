"""Text files that are not UTF-8: one finding per file, at the first line that cannot be read.

A page saved as UTF-16 (Windows Notepad's "Unicode") or in a legacy Vietnamese code page
(Windows-1258, TCVN3) stops MkDocs with a Python decoding error that names no file. Every text
file the site is built from is read here first, so the editor learns which file, which line and
how to save it, and the build is not started on sources it cannot read.
"""

from __future__ import annotations

import codecs

from tnsite.config import Project
from tnsite.findings import Finding, Msg, Severity

RULE = "file-encoding"
FOLDERS = ("docs", "data", "i18n")
FILES = ("mkdocs.yml", "publications.yml", "audit.yml")
SUFFIXES = (".md", ".yml", ".yaml")
HINT = Msg(
    "open the file and save it again as UTF-8 (in Notepad: `Save As` → `Encoding`: UTF-8; in "
    "VS Code: the encoding in the status bar → `Save with Encoding` → UTF-8)",
    "mở tệp rồi lưu lại với bảng mã UTF-8 (Notepad: `Lưu thành…` → `Mã hóa`: UTF-8; VS Code: "
    "bấm tên bảng mã ở thanh trạng thái → `Save with Encoding` → UTF-8)",
)


def unreadable_texts(project: Project) -> list[Finding]:
    """The source texts that are not UTF-8 (a UTF-8 byte order mark is fine)."""
    paths = [project.root / name for name in FILES]
    for folder in FOLDERS:
        base = project.root / folder
        if base.is_dir():
            paths += sorted(p for p in base.rglob("*") if p.suffix in SUFFIXES)
    found = []
    for path in paths:
        if not path.is_file():
            continue
        finding = _unreadable(path.read_bytes(), path.relative_to(project.root).as_posix())
        if finding is not None:
            found.append(finding)
    return found


def _unreadable(data: bytes, rel: str) -> Finding | None:
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return Finding(
            rel,
            1,
            RULE,
            Msg(
                "the file is saved as UTF-16, not UTF-8",
                "tệp được lưu dạng UTF-16, không phải UTF-8",
            ),
            Severity.ERROR,
            hint=HINT,
        )
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as exc:
        before = data[: exc.start]
        line = before.count(b"\n") + 1
        col = len(before) - (before.rfind(b"\n") + 1) + 1
        return Finding(
            rel,
            line,
            RULE,
            Msg(
                "the file is not saved as UTF-8: this line has characters that cannot be read "
                "(saved in another encoding, such as Windows-1258 or TCVN3)",
                "tệp không được lưu với bảng mã UTF-8: dòng này có ký tự không đọc được (lưu "
                "theo bảng mã khác, như Windows-1258 hay TCVN3)",
            ),
            Severity.ERROR,
            col,
            HINT,
        )
    return None
