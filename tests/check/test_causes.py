"""The reduction to one finding per cause, fed the findings one mistake produces in several
checks at once."""

from __future__ import annotations

from tnsite.check.causes import resolve
from tnsite.explains import explains
from tnsite.findings import Finding, Msg, Severity


def f(
    path: str,
    line: int,
    rule: str,
    severity: Severity = Severity.ERROR,
    col: int = 1,
    **extra: object,
) -> Finding:
    return Finding(path, line, rule, Msg(rule, rule), severity, col, extra=extra)


def rules(findings: list[Finding]) -> list[tuple[str, int, str]]:
    return [(x.path, x.line, x.rule) for x in findings]


def test_the_same_finding_in_several_builds_is_reported_once() -> None:
    twice = [f("docs/vi/a.md", 3, "broken-link"), f("docs/vi/a.md", 3, "broken-link")]
    assert rules(resolve(twice)) == [("docs/vi/a.md", 3, "broken-link")]


def test_an_unreadable_file_replaces_what_depends_on_it() -> None:
    found = [
        f("docs/vi/a.md", 9, "data-directive", depends_on="data/x.yml"),
        f("docs/en/a.md", 9, "data-directive", depends_on="data/x.yml"),
        f("docs/vi/b.md", 4, "data-directive", depends_on="data/y.yml"),  # y.yml is readable
        f("data/x.yml", 12, "data-syntax"),
    ]
    out = resolve(found)
    assert rules(out) == [
        ("data/x.yml", 12, "data-syntax"),
        ("docs/vi/b.md", 4, "data-directive"),
        ("data/x.yml", 1, "depends-on"),
    ]
    assert out[-1].extra["pages"] == ["docs/en/a.md", "docs/vi/a.md"]
    assert "2 trang dùng tệp này" in out[-1].render("vi")


def test_every_place_pointing_at_a_deleted_page_is_one_finding() -> None:
    found = [
        f("docs/vi/index.md", 14, "broken-link", missing_page="du-lich/le-hoi.md"),
        f("data/festivals.yml", 14, "data-schema", missing_page="du-lich/le-hoi.md"),
        f("publications.yml", 50, "publication", missing_page="du-lich/le-hoi.md"),
        f("docs/vi/b.md", 2, "broken-link", missing_page="du-lich/khong-co.md"),  # one place
    ]
    out = resolve(found)
    assert rules(out) == [
        ("data/festivals.yml", 14, "missing-page"),
        ("docs/vi/b.md", 2, "broken-link"),
    ]
    assert out[0].extra["places"] == [
        "data/festivals.yml:14",
        "docs/vi/index.md:14",
        "publications.yml:50",
    ]
    assert "make delete PAGE=du-lich/le-hoi.md" in out[0].render("vi")


def test_unsafe_markup_is_reported_alone_on_its_page() -> None:
    found = [
        f("docs/vi/a.md", 9, "unsafe-html"),
        f("docs/vi/a.md", 9, "missing-alt"),
        f("docs/vi/a.md", 8, "publication"),  # the printed page fails on the same markup
        f("docs/vi/a.md", 1, "unsafe-script"),  # found again in the built page
        f("docs/vi/b.md", 1, "unsafe-script"),  # another page: its own cause
    ]
    assert rules(resolve(found)) == [
        ("docs/vi/a.md", 9, "unsafe-html"),
        ("docs/vi/b.md", 1, "unsafe-script"),
    ]


def test_a_publication_finding_on_a_line_another_check_names_is_dropped() -> None:
    found = [
        f("docs/vi/a.md", 10, "publication"),
        f("docs/vi/a.md", 10, "missing-asset", col=8),
        f("docs/vi/a.md", 12, "publication"),  # nothing else there: kept
    ]
    assert rules(resolve(found)) == [
        ("docs/vi/a.md", 10, "missing-asset"),
        ("docs/vi/a.md", 12, "publication"),
    ]


def test_a_badly_named_page_is_one_finding_for_all_its_languages() -> None:
    vi, en = "docs/vi/du-lich/Chợ đêm.md", "docs/en/du-lich/Chợ đêm.md"
    found = [
        f(en, 1, "file-name", renamed_page="du-lich/Chợ đêm.md"),
        f(vi, 1, "file-name", renamed_page="du-lich/Chợ đêm.md"),
        f("docs/km/du-lich/Chợ đêm.md", 1, "missing-translation", source=vi),
        f("docs/km/du-lich/cho.md", 1, "missing-translation", source="docs/vi/du-lich/cho.md"),
    ]
    assert rules(resolve(found)) == [
        (en, 1, "file-name"),
        ("docs/km/du-lich/cho.md", 1, "missing-translation"),
    ]


def test_causes_come_first_then_errors_then_warnings() -> None:
    found = [
        f("docs/vi/a.md", 1, "stale-translation", Severity.WARNING),
        f("docs/vi/a.md", 5, "broken-link"),
        f("docs/vi/z.md", 2, "front-matter-syntax"),
    ]
    assert [x.rule for x in resolve(found)] == [
        "front-matter-syntax",
        "broken-link",
        "stale-translation",
    ]


def test_a_stale_record_is_one_warning_at_its_line_in_data() -> None:
    record = {
        "key": "key-figures/fdi",
        "path": "data/key-figures.yml",
        "line": 40,
        "en": "'fdi' is as of 2025-10",
        "vi": "'fdi' tính đến 2025-10",
        "hint_en": "update it",
        "hint_vi": "cập nhật",
    }
    other = dict(record, key="key-figures/area", line=12)
    found = [
        f("docs/vi/a.md", 3, "stale-figure", Severity.WARNING, stale_records=[record]),
        f("docs/en/a.md", 3, "stale-figure", Severity.WARNING, stale_records=[record, other]),
        f("docs/km/a.md", 3, "stale-figure", Severity.WARNING, stale_records=[record]),
    ]
    out = resolve(found)
    assert rules(out) == [
        ("data/key-figures.yml", 12, "stale-figure"),
        ("data/key-figures.yml", 40, "stale-figure"),
    ]
    assert out[1].extra["places"] == ["docs/en/a.md:3", "docs/km/a.md:3", "docs/vi/a.md:3"]
    assert "hiển thị ở 3 chỗ" in out[1].render("vi") and "cập nhật" in out[1].render("vi")


def test_pages_pending_together_are_one_warning_at_the_pending_file() -> None:
    def pending(path: str, lang: str, line: int, until: str = "2027-06-30") -> Finding:
        return f(
            path,
            1,
            "pending",
            Severity.WARNING,
            lang=lang,
            until=until,
            pending_line=line,
            lang_names=["Chinese", "tiếng Trung"],
        )

    found = resolve(
        [
            pending("docs/zh/a.md", "zh", 9),
            pending("docs/zh/b.md", "zh", 13),
            pending("docs/zh/c.md", "zh", 17),
            pending("docs/km/a.md", "km", 21),
        ]
    )
    assert rules(found) == [("docs/km/a.md", 1, "pending"), ("i18n/pending.yml", 9, "pending")]
    assert "3 pages not yet translated into Chinese" in found[1].message.en
    assert "docs/zh/c.md" in found[1].message.vi


def test_a_translation_is_not_asked_to_copy_an_error_of_its_source() -> None:
    found = [
        f("docs/vi/a.md", 12, "broken-link"),
        f(
            "docs/en/a.md",
            14,
            "structure-mismatch",
            Severity.WARNING,
            source_place="docs/vi/a.md:12",
        ),
        f(
            "docs/km/a.md",
            14,
            "structure-mismatch",
            Severity.WARNING,
            source_place="docs/vi/a.md:12",
        ),
        f(
            "docs/km/a.md",
            20,
            "structure-mismatch",
            Severity.WARNING,
            source_place="docs/vi/a.md:18",
        ),
    ]
    assert rules(resolve(found)) == [
        ("docs/vi/a.md", 12, "broken-link"),
        ("docs/km/a.md", 20, "structure-mismatch"),  # a link that works in the source: copy it
    ]


def test_a_link_to_a_language_the_page_lacks_is_not_also_a_link_landing_elsewhere() -> None:
    found = [
        f("docs/en/a.md", 5, "hreflang-mismatch", col=7),
        f(
            "docs/en/a.md",
            5,
            "language-link",
            col=7,
            explains=[explains("hreflang-mismatch", path="docs/en/a.md", line=5)],
        ),
        f("docs/en/b.md", 5, "hreflang-mismatch", col=7),  # written as an address: its own cause
    ]
    assert rules(resolve(found)) == [
        ("docs/en/a.md", 5, "language-link"),
        ("docs/en/b.md", 5, "hreflang-mismatch"),
    ]


def test_a_cause_drops_exactly_the_echoes_it_names() -> None:
    cause = f(
        "docs/vi/a.md",
        3,
        "backslash-link",
        explains=[
            explains("broken-link", path="docs/vi/a.md", url_has="\\"),
            explains("missing-asset", "publication", target="assets/photos/x.jpg"),
        ],
    )
    found = [
        cause,
        f("docs/vi/a.md", 9, "broken-link", url="..\\x.md"),  # its echo, at another line
        f("docs/vi/a.md", 4, "broken-link", url="../y.md"),  # another link: kept
        f("docs/vi/b.md", 4, "broken-link", url="..\\x.md"),  # another page: kept
        f("docs/km/c.md", 7, "missing-asset", target="assets/photos/x.jpg"),
        f("publications.yml", 2, "publication", target="assets/photos/x.jpg"),
        f("docs/km/c.md", 8, "missing-asset", target="assets/photos/z.jpg"),  # kept
        f("docs/km/c.md", 9, "broken-anchor", target="assets/photos/x.jpg"),  # not named: kept
    ]
    assert sorted(rules(resolve(found))) == [
        ("docs/km/c.md", 8, "missing-asset"),
        ("docs/km/c.md", 9, "broken-anchor"),
        ("docs/vi/a.md", 3, "backslash-link"),
        ("docs/vi/a.md", 4, "broken-link"),
        ("docs/vi/b.md", 4, "broken-link"),
    ]


def test_a_page_that_never_was_gets_the_close_name_that_is_and_a_deleted_one_does_not() -> None:
    typo = [
        f("mkdocs.yml", 155, "nav-missing-page", missing_page="du-lich/le-hoi-xuan.md"),
        f("data/x.yml", 4, "data-schema", missing_page="du-lich/le-hoi-xuan.md"),
    ]
    pages = ["du-lich/index.md", "du-lich/le-hoi.md", "index.md", "le-hoi.md"]
    [found] = resolve(typo, pages)
    assert found.hint is not None
    assert "make move FROM=du-lich/le-hoi-xuan.md TO=du-lich/le-hoi.md" in found.hint.en
    deleted = [
        f("mkdocs.yml", 155, "nav-missing-page", missing_page="du-lich/le-hoi.md"),
        f("docs/en/du-lich/le-hoi.md", 5, "orphan-translation", missing_page="du-lich/le-hoi.md"),
    ]
    # the English version is still there: the page was deleted, not misspelt
    [found] = resolve(deleted, ["du-lich/le-hoi-truyen-thong.md", "du-lich/le-hoi.md"])
    assert found.hint is not None and "make delete PAGE=du-lich/le-hoi.md" in found.hint.en
    [found] = resolve(deleted, ["du-lich/index.md", "du-lich/nui-ba-den.md"])
    assert found.hint is not None and "make delete PAGE=du-lich/le-hoi.md" in found.hint.en


def test_a_translation_with_an_error_or_stale_is_not_told_what_to_add() -> None:
    warning = Severity.WARNING
    found = [
        # A mistyped directive in the Chinese page: the directive is also "missing" there.
        f("docs/zh/a.md", 12, "data-directive"),
        f("docs/zh/a.md", 10, "structure-mismatch", warning, source_place="docs/vi/a.md:10"),
        # A source heading id changed: the translation is stale; its ids differ as a result.
        f("docs/km/a.md", 7, "stale-translation", warning, source="docs/vi/a.md"),
        f("docs/km/a.md", 14, "structure-mismatch", warning, source_place="docs/vi/a.md:14"),
        f("docs/km/a.md", 20, "structure-mismatch", warning, compared_with="docs/vi/a.md"),
        # A page whose translation is current and correct still hears what it lacks.
        f("docs/en/a.md", 14, "structure-mismatch", warning, source_place="docs/vi/a.md:14"),
    ]
    assert rules(resolve(found)) == [
        ("docs/zh/a.md", 12, "data-directive"),
        ("docs/en/a.md", 14, "structure-mismatch"),
        ("docs/km/a.md", 7, "stale-translation"),
    ]


def test_a_translation_is_not_told_its_source_changed_while_the_source_has_an_error() -> None:
    found = [
        f("docs/vi/a.md", 35, "notice"),
        f("docs/en/a.md", 39, "stale-translation", Severity.WARNING, source="docs/vi/a.md"),
        f("docs/en/b.md", 9, "stale-translation", Severity.WARNING, source="docs/vi/b.md"),
    ]
    assert rules(resolve(found)) == [
        ("docs/vi/a.md", 35, "notice"),
        ("docs/en/b.md", 9, "stale-translation"),
    ]
