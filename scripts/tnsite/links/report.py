"""The external-links report: findings at the Markdown lines, and a Markdown table for the
weekly workflow's summary."""

from __future__ import annotations

import json
import time
from pathlib import Path
from typing import TypedDict

from tnsite.findings import Finding, Msg, Severity, sort_key
from tnsite.links.external import DEAD, OK, REDIRECTED, UNREACHABLE, Result
from tnsite.links.sourcemap import Origin


class ReportRow(TypedDict):
    """One link in reports/external-links.json, which the weekly workflow's summary reads."""

    url: str
    state: str
    status: int | None
    final_url: str | None
    error: str | None
    checked_at: float
    age_s: int
    where: list[str]


def human_age(seconds: float) -> str:
    if seconds < 90:
        return "just now"
    if seconds < 5400:
        return f"{round(seconds / 60)} min ago"
    if seconds < 36 * 3600:
        return f"{round(seconds / 3600)} h ago"
    return f"{round(seconds / 86400)} days ago"


def _describe(result: Result) -> tuple[str, Msg, Msg]:
    url = result.url
    if result.state == DEAD:
        status = result.error or f"HTTP {result.status}"
        return (
            "external-dead",
            Msg(f"external link {url} is dead ({status})", f"liên kết ngoài {url} hỏng ({status})"),
            Msg(
                "Find the page's new address, or remove the link.",
                "Tìm địa chỉ mới của trang, hoặc bỏ liên kết.",
            ),
        )
    if result.state == UNREACHABLE:
        return (
            "external-unreachable",
            Msg(
                f"external link {url} did not answer ({result.error})",
                f"liên kết ngoài {url} không phản hồi ({result.error})",
            ),
            Msg(
                "It may be down for a while; if it stays so next week, replace the link.",
                "Có thể trang tạm ngừng; nếu tuần sau vẫn vậy, hãy thay liên kết.",
            ),
        )
    return (
        "external-redirect",
        Msg(
            f"external link {url} redirects to {result.final_url}",
            f"liên kết ngoài {url} chuyển hướng tới {result.final_url}",
        ),
        Msg(
            "Link to the final address directly.",
            "Hãy liên kết thẳng tới địa chỉ cuối cùng.",
        ),
    )


def external_findings(
    results: dict[str, Result], origins: dict[str, list[Origin]]
) -> list[Finding]:
    findings = []
    for url, result in results.items():
        if result.state == OK:
            continue
        rule, message, hint = _describe(result)
        for origin in origins.get(url, []):
            findings.append(
                Finding(
                    path=origin.path,
                    line=origin.line,
                    col=origin.col,
                    rule=rule,
                    message=message,
                    hint=hint,
                    severity=Severity.WARNING,
                    extra={"status": result.status, "age_s": round(result.age())},
                )
            )
    return sorted(findings, key=sort_key)


def write_reports(
    reports: Path,
    results: dict[str, Result],
    origins: dict[str, list[Origin]],
    requested: int,
) -> None:
    now = time.time()
    reports.mkdir(parents=True, exist_ok=True)
    rows: list[ReportRow] = []
    for url, result in sorted(results.items()):
        rows.append(
            {
                "url": url,
                "state": result.state,
                "status": result.status,
                "final_url": result.final_url,
                "error": result.error,
                "checked_at": result.checked_at,
                "age_s": round(result.age(now)),
                "where": [f"{o.path}:{o.line}" for o in origins.get(url, [])],
            }
        )
    (reports / "external-links.json").write_text(
        json.dumps(rows, indent=1, ensure_ascii=False) + "\n", encoding="utf-8"
    )
    bad = [r for r in rows if r["state"] != OK]
    counts = {state: sum(r["state"] == state for r in rows) for state in (DEAD, UNREACHABLE)}
    counts[REDIRECTED] = sum(r["state"] == REDIRECTED for r in rows)
    lines = [
        "# External links",
        "",
        f"{len(rows)} links checked ({requested} requested now, {len(rows) - requested} from "
        f"the cache): {counts[DEAD]} dead, {counts[UNREACHABLE]} not answering, "
        f"{counts[REDIRECTED]} redirected.",
        "",
    ]
    if bad:
        lines += ["| state | link | result | written at | checked |", "|---|---|---|---|---|"]
        for row in bad:
            outcome = row["error"] or (f"HTTP {row['status']}" if row["status"] else "")
            if row["state"] == REDIRECTED:
                outcome = f"→ {row['final_url']}"
            where = "<br>".join(row["where"]) or "-"
            lines.append(
                f"| {row['state']} | {row['url']} | {outcome} | {where} | "
                f"{human_age(row['age_s'])} |"
            )
    (reports / "external-links.md").write_text("\n".join(lines) + "\n", encoding="utf-8")
