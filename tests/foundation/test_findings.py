import io
import json

from tnsite.findings import Finding, Msg, Severity, emit, exit_status, write_json


def sample() -> list[Finding]:
    return [
        Finding("docs/km/a.md", 3, "broken-link", Msg("Broken link", "Liên kết hỏng"), col=5),
        Finding("docs/en/b.md", 1, "stale", Msg("Old"), severity=Severity.WARNING),
    ]


def test_text_format_is_path_line_col_severity_message_rule() -> None:
    assert sample()[0].render() == "docs/km/a.md:3:5: error: Broken link [broken-link]"
    assert sample()[0].render("vi") == "docs/km/a.md:3:5: lỗi: Liên kết hỏng [broken-link]"


def test_exit_status_is_one_only_with_errors() -> None:
    assert exit_status(sample()) == 1
    assert exit_status(sample()[1:]) == 0
    assert exit_status([]) == 0


def test_json_report(tmp_path) -> None:
    out = tmp_path / "reports" / "check.json"
    write_json(sample(), out)
    data = json.loads(out.read_text())
    assert {d["path"] for d in data} == {"docs/km/a.md", "docs/en/b.md"}
    assert all({"path", "line", "severity", "rule", "message"} <= set(d) for d in data)


def test_github_annotations_only_under_actions(monkeypatch) -> None:
    buf = io.StringIO()
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    emit(sample(), buf)
    assert "::error" not in buf.getvalue()
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    buf = io.StringIO()
    emit(sample(), buf)
    assert "::error file=docs/km/a.md,line=3,col=5,title=broken-link::Broken link" in buf.getvalue()
    assert "::warning file=docs/en/b.md,line=1" in buf.getvalue()
