"""`tnsite serve` after a mistake: every page request is answered at once with the findings
(file:line and message, in the editor's language), and the real page is back once the file is
fixed. Stock `mkdocs serve` leaves such requests waiting until the fix, or exits when the first
build fails."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from tests.preview.helpers import (
    PAGE,
    TITLE,
    URL_PATH,
    Preview,
    get,
    link_missing_page,
    unclose_front_matter,
)
from tnsite.findings import Finding, Msg, Severity
from tnsite.preview import failure_html
from tnsite.stack.livereload import is_page_request

FAILED = 'id="tn-build-failed"'
REAL = "md-content"  # Material's page body, absent from the findings page


def test_a_refused_rebuild_is_shown_at_once_and_the_fix_brings_the_page_back(
    preview: Preview, checked_project: Path
) -> None:
    assert TITLE in get(preview.url + URL_PATH).body
    original = (checked_project / PAGE).read_text(encoding="utf-8")

    line = link_missing_page(checked_project)
    shown, seconds = preview.wait_for(URL_PATH, f"{PAGE}:{line}")
    assert shown.status == 500
    assert FAILED in shown.body and "cho-dem.md" in shown.body
    assert "leads to no page" in shown.body
    # The livereload script stays, so the tab reloads by itself after the fix.
    assert "livereload(" in shown.body
    # Every page of the site answers with the findings, even one that was never built.
    for path in ("/", "/en/dau-tu/", "/km/", "/no-such-page/"):
        other = get(preview.url + path)
        assert other.status == 500 and f"{PAGE}:{line}" in other.body, path
    print(f"save → findings served: {seconds:.2f} s")

    # Asked again and again while the fix is built: those requests, answered during the build,
    # must not count as the build's warnings (MkDocs logs them to its own logger).
    (checked_project / PAGE).write_text(original, encoding="utf-8")
    back, seconds = preview.wait_for(URL_PATH, REAL)
    assert back.status == 200 and TITLE in back.body and FAILED not in back.body
    print(f"fix → page served: {seconds:.2f} s")


def test_a_failing_first_build_serves_the_findings_in_vietnamese(checked_project: Path) -> None:
    line = unclose_front_matter(checked_project)
    server = Preview(checked_project, lang="vi")
    server.start()
    try:
        shown, _ = server.wait_for(URL_PATH, f"{PAGE}:{line}")
        assert shown.status == 500 and '<html lang="vi">' in shown.body
        assert "Chưa dựng được trang" in shown.body
        assert "chưa được đóng" in shown.body  # the finding's Vietnamese message
        assert "lỗi" in shown.body and "[front-matter]" in shown.body
        assert server.process is not None and server.process.poll() is None
        assert len(server.site_dirs()) == 1

        path = checked_project / PAGE
        text = path.read_text(encoding="utf-8")
        path.write_text(text.replace("\n# Khu", "---\n\n# Khu", 1), encoding="utf-8")
        back, _ = server.wait_for(URL_PATH, REAL)
        assert back.status == 200 and TITLE in back.body
    finally:
        status = server.stop()
    # Stopped like Ctrl+C: a clean exit that leaves no temporary site behind.
    assert status == 0, server.output()
    assert server.site_dirs() == []


def test_assets_are_not_replaced_by_the_findings(preview: Preview, checked_project: Path) -> None:
    link_missing_page(checked_project)
    preview.wait_for(URL_PATH, FAILED)
    sitemap = get(preview.url + "/sitemap.xml")
    assert FAILED not in sitemap.body


def test_findings_are_html_escaped() -> None:
    from tnsite.contracts import RefusedBuild

    finding = Finding(
        "docs/vi/<b>.md",
        3,
        "front-matter",
        Msg("bad <script>alert(1)</script>", "sai <script>alert(1)</script>"),
        Severity.ERROR,
        hint=Msg("use & not <i>", "dùng & chứ không <i>"),
    )
    page = failure_html(RefusedBuild([finding]), "vi")
    assert "<script>" not in page and "<i>" not in page and "<b>" not in page
    assert "docs/vi/&lt;b&gt;.md:3" in page
    assert "sai &lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "dùng &amp; chứ không &lt;i&gt;" in page


def test_a_build_that_stops_outside_the_checks_shows_its_message() -> None:
    page = failure_html(ValueError("mkdocs.yml: <bad>"), "en")
    assert "mkdocs.yml: &lt;bad&gt;" in page and "maintainers" in page


def test_a_menu_saved_with_a_mistake_is_shown_at_its_line_in_the_editors_language(
    capsys: pytest.CaptureFixture[str],
) -> None:
    from mkdocs.config.base import load_config
    from mkdocs.exceptions import ConfigurationError

    from tnsite.preview import FailureReporter

    menu = "site_name: T\nnav:\n  - Du lịch:\n      - a.md\n     - b.md\n"
    with pytest.raises(ConfigurationError) as raised:  # MkDocs' own wrapping of the error
        load_config(config_file=io.StringIO(menu))
    page = FailureReporter("vi")(raised.value)
    assert "mkdocs.yml:5" in page and "thụt lề" in page and "[site-config]" in page
    assert "MkDocs" not in page and "block mapping" not in page and "maintainers" not in page
    printed = capsys.readouterr().err
    assert "mkdocs.yml:5:6: lỗi:" in printed and "Traceback" not in printed


def test_page_requests() -> None:
    assert is_page_request("/") and is_page_request("/en/dau-tu/")
    assert is_page_request("/404.html") and is_page_request("/dau-tu")
    assert not is_page_request("/assets/stylesheets/site.css")
    assert not is_page_request("/sitemap.xml")


def test_a_page_saved_in_another_encoding_is_named_in_the_preview(tmp_path: Path) -> None:
    from tests.data.fixture import make_project
    from tnsite.preview import FailureReporter

    project = make_project(tmp_path / "p")
    page = project.root / "docs" / "vi" / "a.md"
    page.parent.mkdir(parents=True, exist_ok=True)
    page.write_bytes("---\ntitle: Tây Ninh\n---\n".encode("cp1258"))
    try:
        page.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:  # what MkDocs raises, naming no file
        shown = FailureReporter("vi", project)(exc)
    assert "docs/vi/a.md:2" in shown and "[file-encoding]" in shown
    assert "utf-8&#x27; codec" not in shown and "codec" not in shown


def test_the_preview_terminal_speaks_the_editors_language() -> None:
    import logging

    from tnsite.preview import ServeLog

    def record(name: str, message: str, level: int = logging.INFO) -> logging.LogRecord:
        return logging.LogRecord(name, level, __file__, 1, message, (), None)

    vi, en = ServeLog("vi"), ServeLog("en")
    serving = record("mkdocs.commands.serve", "Serving on http://127.0.0.1:8000/")
    assert vi.filter(serving) and serving.getMessage() == "Bản xem trước ở http://127.0.0.1:8000/"
    built = record("mkdocs.commands.build", "Documentation built in 2.31 seconds")
    assert vi.filter(built) and built.getMessage() == "Đã dựng xong trong 2.31 giây"
    chatter = record("mkdocs.plugins.i18n", "mkdocs_static_i18n: Overriding 'vi' config 'x'")
    assert not vi.filter(chatter) and en.filter(chatter)
    own = record("mkdocs.plugins.tnsite.images.summary", "ảnh: 0 mã hóa lại")
    assert vi.filter(own)
    assert vi.filter(record("mkdocs", "disk full", logging.ERROR))


def test_a_menu_section_left_empty_is_named_at_its_line(tmp_path: Path) -> None:
    from mkdocs.exceptions import Abort

    from tests.data.fixture import make_project
    from tnsite.preview import FailureReporter

    project = make_project(tmp_path / "p")
    config = project.root / "mkdocs.yml"
    text = config.read_text(encoding="utf-8").rstrip("\n")
    config.write_text(text + "\nnav:\n  - index.md\n  - Ẩm thực:\n", encoding="utf-8")
    line = len(text.split("\n")) + 3
    # What MkDocs raises for it, naming no line.
    shown = FailureReporter("vi", project)(Abort("Aborted with 1 configuration errors!"))
    assert f"mkdocs.yml:{line}" in shown and "[menu-section]" in shown
    assert "Ẩm thực" in shown and "Aborted" not in shown
