"""The issue's done-when: a broken link in a Khmer page, a missing anchor in an English page, a
missing image in a Vietnamese page and a km→vi link make `tnsite check` exit 1 with four
findings naming the Markdown files and lines."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from tests.links.fixture import PNG, line_of, make_project, page
from tnsite.cli import main

LINK_RULES = {"broken-link", "broken-anchor", "missing-asset", "cross-language-link"}
SITE_URL = "https://tayninh.github.io/"


def trilingual(extra: dict[str, str] | None = None) -> dict[str, str | bytes]:
    files: dict[str, str | bytes] = {"vi/images/anh.png": PNG}
    for lang in ("vi", "en", "km"):
        translated = {} if lang == "vi" else {"translation": "{source: index.md, review: draft}"}
        files[f"{lang}/index.md"] = page(
            f"Home {lang}",
            """
            Intro. [Page A](a.md) · [its section](a.md#muc)

            ![photo](images/anh.png)
            """,
            **translated,
        )
        translated = {} if lang == "vi" else {"translation": "{source: a.md, review: draft}"}
        files[f"{lang}/a.md"] = page(
            f"A {lang}",
            """
            Text. [home](index.md)

            ## Section {#muc}

            More text.
            """,
            **translated,
        )
    files["vi/b.md"] = page("B", "Only in Vietnamese: built by fallback in en and km.")
    files.update(extra or {})
    return files


def declare_pending(root: Path) -> None:
    """b.md is only in Vietnamese on purpose: its translations are declared pending."""
    (root / "i18n").mkdir(exist_ok=True)
    (root / "i18n" / "pending.yml").write_text(
        "".join(
            f"- path: b.md\n  lang: {lang}\n  reason: waiting\n  until: 2999-01-01\n"
            for lang in ("en", "km")
        ),
        encoding="utf-8",
    )


def run_check(root: Path) -> tuple[int, list[dict]]:  # type: ignore[type-arg]
    """`tnsite check` (every check of the project); its exit code and its findings."""
    declare_pending(root)
    result = CliRunner().invoke(main, ["--root", str(root), "check"], catch_exceptions=False)
    findings = json.loads((root / "reports" / "check.json").read_text(encoding="utf-8"))
    return result.exit_code, findings


def links_exit_code(root: Path) -> int:
    """`tnsite check-links` alone: the exit code owed to the link checks (other checks of
    `tnsite check`, such as translation bookkeeping, also judge these fixture pages)."""
    return CliRunner().invoke(main, ["--root", str(root), "check-links"]).exit_code


def test_clean_fixture_has_no_link_findings(tmp_path: Path) -> None:
    make_project(tmp_path / "p", trilingual())
    _, findings = run_check(tmp_path / "p")
    ours = [
        f
        for f in findings
        if f["rule"] in LINK_RULES or f["rule"].startswith(("hreflang", "sitemap"))
    ]
    assert ours == []
    assert links_exit_code(tmp_path / "p") == 0


def test_four_injected_faults_make_check_fail_with_four_findings(tmp_path: Path) -> None:
    files = trilingual()
    files["km/a.md"] += "\n[ខូច](khong-co.md)\n"
    files["en/index.md"] += "\nSee [the missing part](a.md#khong-co).\n"
    files["vi/index.md"] += "\n![ảnh thiếu](images/khong-co.png)\n"
    files["km/index.md"] += f"\n[ភាសាវៀតណាម]({SITE_URL}a/)\n"
    project = make_project(tmp_path / "p", files)

    code, findings = run_check(project.root)

    ours = sorted((f["path"], f["line"], f["rule"]) for f in findings if f["rule"] in LINK_RULES)
    assert code == 1 and links_exit_code(project.root) == 1
    assert ours == sorted(
        [
            ("docs/km/a.md", line_of(project, "km/a.md", "khong-co.md"), "broken-link"),
            ("docs/en/index.md", line_of(project, "en/index.md", "#khong-co"), "broken-anchor"),
            (
                "docs/vi/index.md",
                line_of(project, "vi/index.md", "khong-co.png"),
                "missing-asset",
            ),
        ]
    ), json.dumps(findings, ensure_ascii=False, indent=1)
    # The Khmer page's link to the Vietnamese page by its full address: one error at its line,
    # with the link to write (not where it lands in each language's copy of the page).
    [own] = [f for f in findings if f["rule"] == "own-site-link"]
    assert (own["path"], own["line"]) == (
        "docs/km/index.md",
        line_of(project, "km/index.md", SITE_URL),
    )
    assert "[…](a.md){hreflang=vi}" in own["hint"] and "[…](a.md){hreflang=vi}" in own["hint_vi"]
    assert not [f for f in findings if f["rule"] == "cross-language-link"]
    messages = {f["rule"]: (f["message"], f["message_vi"]) for f in findings}
    assert "khong-co" in messages["broken-anchor"][0]
    # looked for as the file the editor named, from the file that names it
    assert "(looked for docs/km/khong-co.md)" in messages["broken-link"][0]
    assert messages["missing-asset"][1] != messages["missing-asset"][0]  # bilingual


def test_check_sees_the_sources_as_they_are_and_keeps_the_last_good_site(tmp_path: Path) -> None:
    """The check is the build: it sees the current sources (never an older site), and a build
    its checks refuse leaves the last good site/ as it was."""
    files = trilingual()
    project = make_project(tmp_path / "p", files)
    assert [f for f in run_check(project.root)[1] if f["rule"] in LINK_RULES] == []
    target = project.docs_dir / "km" / "a.md"
    target.write_text(target.read_text(encoding="utf-8") + "\n[x](mat.md)\n", encoding="utf-8")
    before = (project.site_dir / "km" / "a" / "index.html").read_bytes()
    code, findings = run_check(project.root)
    assert code == 1
    assert [(f["path"], f["rule"]) for f in findings if f["rule"] in LINK_RULES] == [
        ("docs/km/a.md", "broken-link")
    ]
    assert (project.site_dir / "km" / "a" / "index.html").read_bytes() == before
    assert links_exit_code(project.root) == 0  # the published site is still the good one
