"""One message per root cause.

Checks look at one thing at a time, so one mistake can surface in many places: a data file
that cannot be read makes every directive that uses it fail; a page deleted by hand leaves
links, menu entries, data records and translations pointing at nothing; a Vietnamese page built
in two other languages repeats its broken link three times. Here the findings of a build are
reduced to their causes before an editor sees them:

- the same finding at the same place is reported once;
- findings that depend on a file that could not be read (`extra["depends_on"]`) are replaced
  by one line at that file: how many pages use it, checked again once it is fixed;
- every place that still points at a page that no longer exists (`extra["missing_page"]`)
  becomes one finding listing them all, with the command that removes them; likewise every
  place that still shows a record no data file has (`extra["unknown_record"]`);
- a file whose name cannot be an address is reported once for all its languages, and what
  follows from its name (its translations, missing under that name) waits for the rename;
- what the publications find in a page's content, on a line another check already names, is
  that check's finding seen again in print;
- a figure past its freshness is one warning at its record in data/, listing the pages that
  show it, not one per page and language;
- pages declared pending in one language until one date are one warning at i18n/pending.yml
  listing them: a language added with its first pages would otherwise fill the screen with
  one warning per page still to translate;
- a translation is not asked to copy what is an error in its source (a broken link there
  is fixed there, not added to every translation), nor to remove what its source lacks while
  the source has an error; nor to add or remove anything while it has an error of its own or
  is stale, nor told its source changed while the source has an error;
- what a cause makes other checks report is dropped where the cause names it
  (`extra["explains"]`, tnsite/explains.py): a link asking for a language the page has no
  version in, not also where it lands; a link written with `\\`, not also the broken link
  the built page then has; a photo described without its extension, not also the missing
  image of every page showing it; a link written from the site's root, not also where it leads
  in each language; a broken link, not also MkDocs' warning that it names no .md file; a menu
  entry that is not a page, not also its link from every page into the source language; a
  footnote nothing refers to, not also its ↩ link to nowhere;
- causes come first: files that cannot be read, then other errors, then warnings.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence

from tnsite.explains import (
    GENERATED,
    PUBLICATION,
    STALE_TRANSLATION,
    STRUCTURE_MISMATCH,
    UNKNOWN_RECORD,
    without_echoes,
)
from tnsite.findings import Finding, Msg, Severity
from tnsite.text import closest_page

UNREADABLE_RULES = {"front-matter-syntax", "data-syntax", "photo-manifest-syntax"}
DEPENDS = "depends-on"
UNSAFE_SOURCE_RULES = {"unsafe-html", "unsafe-url"}
# Findings about what was made from the built page (its scripts, the publication printed from
# it): on a page whose source holds unsafe markup, they are that markup's consequence.
FROM_BUILT_PAGE = {"unsafe-script", PUBLICATION}
MISSING_PAGE = "missing-page"
FILE_NAME = "file-name"
STALE_FIGURE = "stale-figure"
PENDING = "pending"
PENDING_FILE = "i18n/pending.yml"
LISTED = 8  # places named in one message; the rest are counted


def _rank(finding: Finding) -> int:
    if finding.rule in UNREADABLE_RULES or finding.extra.get("unreadable"):
        return 0
    return {Severity.ERROR: 1, Severity.WARNING: 2}.get(finding.severity, 3)


def order(findings: Iterable[Finding]) -> list[Finding]:
    return sorted(findings, key=lambda f: (_rank(f), f.path, f.line, f.col, f.rule))


def _unique(findings: Iterable[Finding]) -> list[Finding]:
    seen: dict[tuple[str, int, int, str], Finding] = {}
    for finding in findings:
        seen.setdefault((finding.path, finding.line, finding.col, finding.rule), finding)
    return list(seen.values())


def _dependents(findings: list[Finding]) -> list[Finding]:
    """Findings that only say "this uses an unreadable file" become one line at that file."""
    unreadable = {f.path for f in findings if _rank(f) == 0}
    users: dict[str, set[str]] = defaultdict(set)
    kept: list[Finding] = []
    for finding in findings:
        cause = finding.extra.get("depends_on")
        if isinstance(cause, str) and cause in unreadable:
            users[cause].add(finding.path)
            continue
        kept.append(finding)
    for cause, paths in sorted(users.items()):
        count = len(paths)
        kept.append(
            Finding(
                cause,
                1,
                DEPENDS,
                Msg(
                    f"{count} page(s) use this file; they are checked again once it is fixed",
                    f"{count} trang dùng tệp này; các trang đó sẽ được kiểm tra lại khi tệp "
                    "được sửa xong",
                ),
                Severity.NOTICE,
                extra={"pages": sorted(paths)},
            )
        )
    return kept


def _meant(page: str, pages: Sequence[str]) -> str:
    """The existing page a name that never existed was most likely meant to be. A page that
    exists in another language was deleted or moved, not misspelt: `pages` holds the paths of
    every language, and such a page gets no guess."""
    return "" if page in pages else closest_page(page, pages)


def _missing_pages(findings: list[Finding], pages: Sequence[str] = ()) -> list[Finding]:
    """Everything that points at one page that does not exist becomes one finding. `pages`
    are the source pages that do: one close to the missing name is most likely what was meant
    (a typo in a menu entry or a data record), and `make move` corrects every place to it."""
    places: dict[str, list[Finding]] = defaultdict(list)
    kept: list[Finding] = []
    for finding in findings:
        page = finding.extra.get("missing_page")
        if isinstance(page, str):
            places[page].append(finding)
        else:
            kept.append(finding)
    for page, found in sorted(places.items()):
        if len(found) == 1:  # one link to a page that never was: a broken link, not a deletion
            kept += found
            continue
        found = order(found)
        # A translation missing under a page's new name is no place pointing at the old one.
        found = [f for f in found if not f.extra.get("follows_move")] or found
        # A link a directive drew from a record's `page:` was written in that record.
        found = [f for f in found if not f.extra.get(GENERATED)] or found
        first = found[0]
        where = list(dict.fromkeys(f"{f.path}:{f.line}" for f in found))
        listed = ", ".join(where)
        moved = next((str(f.extra["moved_to"]) for f in found if f.extra.get("moved_to")), None)
        meant = "" if moved else _meant(page, pages)
        extra: dict[str, object] = {"places": where, "page": page}
        if moved:
            extra["moved_to"] = moved
        hint = (
            Msg(
                f"the page was moved by hand to {moved}: run `make move FROM={page} "
                f"TO={moved}` to finish the move (it updates every place listed)",
                f"trang đã được chuyển bằng tay sang {moved}: chạy `make move FROM={page} "
                f"TO={moved}` để hoàn tất (lệnh sửa mọi chỗ nêu trên)",
            )
            if moved
            else Msg(
                f"did you mean {meant}? run `make move FROM={page} TO={meant}` to correct every "
                "place listed",
                f"có phải {meant}? chạy `make move FROM={page} TO={meant}` để sửa mọi chỗ nêu trên",
            )
            if meant
            else Msg(
                f"restore the page, or run `make delete PAGE={page}` to remove what points "
                f"at it, or `make move FROM={page} TO=…` if it was renamed",
                f"khôi phục trang, hoặc chạy `make delete PAGE={page}` để gỡ mọi chỗ trỏ "
                f"tới nó, hoặc `make move FROM={page} TO=…` nếu trang đã được đổi tên",
            )
        )
        kept.append(
            Finding(
                first.path,
                first.line,
                MISSING_PAGE,
                Msg(
                    f"the page {page} does not exist, but {len(where)} place(s) still point at "
                    f"it: {listed}",
                    f"trang {page} không tồn tại, nhưng {len(where)} chỗ vẫn trỏ tới nó: {listed}",
                ),
                Severity.ERROR,
                first.col,
                hint,
                extra=extra,
            )
        )
    return kept


def _missing_records(findings: list[Finding]) -> list[Finding]:
    """A record the pages still show but no data file has (deleted, or renamed in the file):
    one finding at its first place listing the others. A guess at another record would put
    another figure on every one of those pages, so none is offered for more than one place."""
    places: dict[str, list[Finding]] = defaultdict(list)
    kept: list[Finding] = []
    for finding in findings:
        record = finding.extra.get(UNKNOWN_RECORD)
        if isinstance(record, str):
            places[record].append(finding)
        else:
            kept.append(finding)
    for record, found in sorted(places.items()):
        if len(found) == 1:
            kept += found
            continue
        found = order(found)
        first = found[0]
        dataset, _, record_id = record.partition("/")
        where = list(dict.fromkeys(f"{f.path}:{f.line}" for f in found))
        listed = ", ".join(where[:LISTED]) + (
            f", … (+{len(where) - LISTED})" if len(where) > LISTED else ""
        )
        kept.append(
            Finding(
                first.path,
                first.line,
                first.rule,
                Msg(
                    f"data/{dataset}.yml has no record '{record_id}', but {len(where)} places "
                    f"show it: {listed}",
                    f"data/{dataset}.yml không có bản ghi '{record_id}', nhưng {len(where)} chỗ "
                    f"vẫn hiển thị nó: {listed}",
                ),
                Severity.ERROR,
                first.col,
                Msg(
                    f"if the record was deleted or renamed, put it back in data/{dataset}.yml "
                    "with its id; otherwise change or remove the directive in each place",
                    f"nếu bản ghi vừa bị xóa hoặc đổi mã, hãy đưa nó trở lại data/{dataset}.yml "
                    "với đúng mã đó; nếu không, sửa hoặc bỏ chỉ thị ở từng chỗ",
                ),
                extra={"places": where, UNKNOWN_RECORD: record},
            )
        )
    return kept


def _unsafe_first(findings: list[Finding]) -> list[Finding]:
    """Markup that may not stay in a page is the cause of whatever else is wrong with it on
    that line (its missing alt text, its broken address) and of what is wrong with the built
    page (its scripts, the publication printed from it): it is reported alone."""
    unsafe = {(f.path, f.line) for f in findings if f.rule in UNSAFE_SOURCE_RULES}
    unsafe_files = {path for path, _ in unsafe}
    return [
        f
        for f in findings
        if f.rule in UNSAFE_SOURCE_RULES
        or (
            (f.path, f.line) not in unsafe
            and not (f.rule in FROM_BUILT_PAGE and f.path in unsafe_files)
        )
    ]


def _badly_named(findings: list[Finding]) -> list[Finding]:
    """One finding per badly named page, whatever the languages it was written in; the
    translations said to be missing under that name are not, once it is renamed."""
    named: dict[object, Finding] = {}
    for finding in order(f for f in findings if f.rule == FILE_NAME):
        named.setdefault(finding.extra.get("renamed_page", finding.path), finding)
    files = {f.path for f in findings if f.rule == FILE_NAME}
    kept = [f for f in findings if f.rule != FILE_NAME and f.extra.get("source") not in files]
    return kept + list(named.values())


def _errors_not_copied(findings: list[Finding]) -> list[Finding]:
    """A translation missing something its source has, at a place the source has an error:
    the error is the cause, and copying it would spread it."""
    wrong = {f"{f.path}:{f.line}" for f in findings if f.severity is Severity.ERROR}
    # Something the translation has and its source has not, while the source has an error (a
    # broken link, a table Markdown cannot read, a mistyped directive): the translation is
    # right, and its source is the one to correct.
    broken = {f.path for f in findings if f.severity is Severity.ERROR}
    return [
        f
        for f in findings
        if f.extra.get("source_place") not in wrong and f.extra.get("compared_with") not in broken
    ]


def _translations_wait(findings: list[Finding]) -> list[Finding]:
    """What a translation should add or remove to match its source is judged once the page is
    right and current: not while the translation has an error (a directive or link it
    mistyped is then "missing" too, and a section it holds is "extra"), nor while it is
    stale (the stale warning names the sections to bring over, and what they contain comes
    with them), nor, for the stale warning itself, while its source has an error (the
    translation would copy it)."""
    broken = {f.path for f in findings if f.severity is Severity.ERROR}
    stale = {f.path for f in findings if f.rule == STALE_TRANSLATION}
    return [
        f
        for f in findings
        if not (f.rule == STRUCTURE_MISMATCH and (f.path in broken or f.path in stale))
        and not (f.rule == STALE_TRANSLATION and f.extra.get("source") in broken)
    ]


def _printed_echoes(findings: list[Finding]) -> list[Finding]:
    """A publication's finding on a line another check already reports is the same cause."""
    named = {
        (f.path, f.line) for f in findings if f.rule != PUBLICATION and f.severity is Severity.ERROR
    }
    return [f for f in findings if f.rule != PUBLICATION or (f.path, f.line) not in named]


def _stale_records(findings: list[Finding]) -> list[Finding]:
    """One warning per stale record, at its line in data/, with every place that shows it."""
    causes: dict[str, dict[str, object]] = {}
    places: dict[str, list[str]] = defaultdict(list)
    kept: list[Finding] = []
    for finding in findings:
        records = finding.extra.get("stale_records")
        if finding.rule != STALE_FIGURE or not isinstance(records, list):
            kept.append(finding)
            continue
        for record in records:
            key = str(record["key"])
            causes.setdefault(key, record)
            places[key].append(f"{finding.path}:{finding.line}")
    for key, record in sorted(causes.items()):
        where = sorted(set(places[key]))
        shown = ", ".join(where[:LISTED]) + (
            f", … (+{len(where) - LISTED})" if len(where) > LISTED else ""
        )
        kept.append(
            Finding(
                str(record["path"]),
                int(str(record["line"])),
                STALE_FIGURE,
                Msg(
                    f"{record['en']}; shown in {len(where)} place(s): {shown}",
                    f"{record['vi']}; hiển thị ở {len(where)} chỗ: {shown}",
                ),
                Severity.WARNING,
                hint=Msg(str(record["hint_en"]), str(record["hint_vi"])),
                extra={"places": where, "record": key},
            )
        )
    return kept


def _pending_together(findings: list[Finding]) -> list[Finding]:
    """One warning per language and date for the pages declared pending together."""
    groups: dict[tuple[str, str], list[Finding]] = defaultdict(list)
    kept: list[Finding] = []
    for finding in findings:
        if finding.rule == PENDING and "pending_line" in finding.extra:
            groups[(str(finding.extra["lang"]), str(finding.extra["until"]))].append(finding)
        else:
            kept.append(finding)
    for (_lang, until), group in sorted(groups.items()):
        if len(group) == 1:
            kept.extend(group)
            continue
        names = group[0].extra["lang_names"]
        name_en, name_vi = (str(n) for n in names) if isinstance(names, list) else ("", "")
        pages = sorted(f.path for f in group)
        shown = ", ".join(pages[:LISTED]) + (
            f", … (+{len(pages) - LISTED})" if len(pages) > LISTED else ""
        )
        line = min(int(str(f.extra["pending_line"])) for f in group)
        kept.append(
            Finding(
                PENDING_FILE,
                line,
                PENDING,
                Msg(
                    f"{len(pages)} pages not yet translated into {name_en}, declared pending "
                    f"until {until}; visitors get the source page with a notice: {shown}",
                    f"{len(pages)} trang chưa có bản {name_vi}, đã khai báo chờ dịch đến {until}; "
                    f"khách xem trang gốc kèm thông báo: {shown}",
                ),
                Severity.WARNING,
                extra={"places": pages, "lang": group[0].extra["lang"], "until": until},
            )
        )
    return kept


def resolve(findings: Iterable[Finding], pages: Sequence[str] = ()) -> list[Finding]:
    """The findings an editor should read, one per cause, causes first; `pages` are the source
    pages that exist (for "did you mean")."""
    reduced = without_echoes(_unsafe_first(_unique(findings)))
    reduced = _translations_wait(_errors_not_copied(reduced))
    reduced = _badly_named(_printed_echoes(reduced))
    reduced = _missing_records(_missing_pages(_dependents(reduced), pages))
    return order(_pending_together(_stale_records(reduced)))
