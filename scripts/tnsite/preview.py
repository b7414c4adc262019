"""`tnsite serve`: the live preview an editor keeps open while writing.

A build the checks refuse is shown in the browser, in the editor's language, as the list of
findings (file:line and what is wrong), because the editor looks at the browser, not at the
terminal; the page reloads by itself to the real page once the file is fixed and saved. The
development server itself is MkDocs' (tnsite.stack.livereload).
"""

from __future__ import annotations

import html
import logging
import re
import signal
import sys
import threading
import traceback
from types import FrameType

from mkdocs.exceptions import Abort

from tnsite.check.gate import before_build
from tnsite.config import Project, config_finding
from tnsite.findings import BuildRefused, Finding, Msg, Severity, emit

TITLE = Msg("The page could not be built", "Chưa dựng được trang")
INTRO = Msg(
    "The site was not rebuilt because of the mistakes below. Fix them and save the file: "
    "this page reloads by itself.",
    "Trang web chưa được dựng lại vì các lỗi dưới đây. Hãy sửa rồi lưu tệp: trang này sẽ tự "
    "tải lại.",
)
STOPPED = Msg(
    "The build stopped with a message that names no file of yours; if it does not go away, "
    "ask the site's maintainers:",
    "Quá trình dựng trang bị dừng vì một lỗi không chỉ ra tệp nào của bạn; nếu lỗi vẫn còn, "
    "hãy báo người bảo trì trang web:",
)
SEVERITY = {
    Severity.ERROR: Msg("error", "lỗi"),
    Severity.WARNING: Msg("warning", "cảnh báo"),
    Severity.NOTICE: Msg("notice", "ghi chú"),
}
STYLE = """
body{font:16px/1.5 system-ui,sans-serif;margin:2rem auto;max-width:60rem;padding:0 1rem;
color:#1b1b1b}
h1{color:#a4000f;font-size:1.5rem}
ol{padding-left:1.25rem}
li{margin:.75rem 0}
code{font:.95em ui-monospace,monospace;background:#f3f3f3;padding:.1em .3em}
.error .sev{color:#a4000f;font-weight:700}
.warning .sev{color:#7a4b00;font-weight:700}
.rule{color:#555}
pre{white-space:pre-wrap;background:#f3f3f3;padding:.75rem}
"""


def _item(finding: Finding, lang: str) -> str:
    text = finding.message.text(lang)
    if finding.hint:
        text += " — " + finding.hint.text(lang)
    where = f"{finding.path}:{finding.line}"
    return (
        f'<li class="{finding.severity.value}"><code class="where">{html.escape(where)}</code> '
        f'<span class="sev">{html.escape(SEVERITY[finding.severity].text(lang))}</span>: '
        f'<span class="msg">{html.escape(text)}</span> '
        f'<span class="rule">[{html.escape(finding.rule)}]</span></li>'
    )


def failure_html(exc: Exception, lang: str) -> str:
    """The page shown for every page of the site while its last build failed: the findings,
    errors first, or the build's own message when it stopped outside the checks."""
    if isinstance(exc, BuildRefused):
        ordered = sorted(exc.findings, key=lambda f: f.severity is not Severity.ERROR)
        body = "<ol>" + "".join(_item(f, lang) for f in ordered) + "</ol>"
    else:
        text = str(exc).strip() or type(exc).__name__
        body = f"<p>{html.escape(STOPPED.text(lang))}</p><pre>{html.escape(text)}</pre>"
    title = html.escape(TITLE.text(lang))
    return (
        f'<!doctype html><html lang="{lang}"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width,initial-scale=1">'
        f"<title>{title}</title><style>{STYLE}</style></head><body>"
        f'<main id="tn-build-failed"><h1>{title}</h1><p>{html.escape(INTRO.text(lang))}</p>'
        f"{body}</main></body></html>"
    )


# What the preview's terminal says while it works, in Vietnamese; the stack's other lines
# (which plugin overrides which setting, which search language lunr.js lacks) are for
# maintainers and stay out of an editor's terminal.
SERVE_LINES = (
    (re.compile(r"^Building documentation"), "Đang dựng trang…"),
    (re.compile(r"^Serving on (\S+)"), "Bản xem trước ở {0}"),
    (re.compile(r"^Detected file changes"), "Có tệp vừa thay đổi"),
    (re.compile(r"^Reloading browsers"), "Đang tải lại trang trong trình duyệt"),
    (re.compile(r"^Documentation built in ([\d.]+) seconds"), "Đã dựng xong trong {0} giây"),
    (re.compile(r"^Shutting down"), "Đang dừng…"),
)
OWN = "mkdocs.plugins.tnsite"  # the project's own lines come in the editor's language already


class ServeLog(logging.Filter):
    """The preview's terminal in the editor's language: the lines an editor needs, translated;
    the stack's English chatter left out (English keeps everything)."""

    def __init__(self, lang: str) -> None:
        super().__init__()
        self.lang = lang

    def filter(self, record: logging.LogRecord) -> bool:
        if self.lang != "vi" or record.name.startswith(OWN):
            return True
        message = record.getMessage()
        for pattern, said in SERVE_LINES:
            found = pattern.match(message)
            if found:
                record.msg, record.args = said.format(*found.groups()), ()
                return True
        return record.levelno >= logging.ERROR


class FailureReporter:
    """Prints a failed build to the terminal and returns its page for the browser."""

    def __init__(self, lang: str, project: Project | None = None) -> None:
        self.lang = lang
        self.project = project

    def __call__(self, exc: Exception) -> str:
        unreadable = config_finding(exc)
        if unreadable is not None:  # mkdocs.yml saved with a mistake: the editor's, at its line
            exc = BuildRefused([unreadable])
        elif self.project is not None and (found := before_build(self.project)):
            # A page saved in another encoding, a menu section with nothing under it, a page
            # the build cannot place: which file and line, not the stack's own words.
            exc = BuildRefused(found)
        if isinstance(exc, BuildRefused):
            emit(exc.findings, sys.stderr, self.lang)
        elif isinstance(exc, Abort):
            print(str(exc), file=sys.stderr)
        else:  # a bug, not an editor's mistake: the maintainers need the traceback
            traceback.print_exception(exc, file=sys.stderr)
        return failure_html(exc, self.lang)


def serve(project: Project, dev_addr: str, lang: str) -> None:
    """Serve the site on `dev_addr`, rebuilding on every save, until interrupted."""
    from tnsite.stack.livereload import serve as livereload_serve

    if threading.current_thread() is threading.main_thread():
        # Stopped by a terminal's Ctrl+C or by a process manager's SIGTERM alike, the server
        # shuts down the same way and removes its temporary site folder.
        signal.signal(signal.SIGTERM, _interrupt)
    livereload_serve(str(project.root / "mkdocs.yml"), dev_addr, FailureReporter(lang, project))


def _interrupt(signum: int, frame: FrameType | None) -> None:
    raise KeyboardInterrupt
