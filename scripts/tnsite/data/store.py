"""All datasets of data/, validated, cross-checked and indexed, with findings that name lines.

One `Store` is what every view renders from and what the `data` check reports on. Loading
never raises for bad data: each problem becomes a `data-schema` finding at the file, line and
column of the offending value, and the records that are still usable stay available, so one
typo does not hide every other problem.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tnsite.config import Project
from tnsite.data import schema
from tnsite.data.yamlpos import Located, Pos, YamlProblem, loads
from tnsite.explains import BROKEN_ANCHOR, BROKEN_LINK, DATA_DIRECTIVE, EXPLAINS, explains
from tnsite.findings import Finding, Msg, Severity
from tnsite.i18n.markdown import heading_ids
from tnsite.memo import ContentMemo, digest
from tnsite.slugs import slugify
from tnsite.text import closest, closest_page

RULE = "data-schema"
SYNTAX_RULE = "data-syntax"  # a data file that cannot be read at all
# Fields holding the id of a record of key-figures.yml (a string; numbers are literal values).
FIGURE_FIELDS = ("area", "occupancy", "capital", "projects", "visitors", "revenue")
FIGURE_LISTS = ("figures", "distances")


@dataclass
class Dataset:
    name: str
    rel: str  # project-relative path, e.g. data/key-figures.yml
    located: Located
    meta: dict[str, Any]
    records: list[dict[str, Any]]
    by_id: dict[str, dict[str, Any]] = field(default_factory=dict)
    index: dict[str, int] = field(default_factory=dict)  # id → position in records

    def pos(self, path: tuple[str | int, ...]) -> Pos:
        return self.located.pos(path)

    def record_pos(self, record_id: str, key: str | None = None) -> Pos:
        index = self.index.get(record_id)
        if index is None:
            return Pos(1, 1)
        path: tuple[str | int, ...] = ("records", index) + ((key,) if key else ())
        return self.located.pos(path)

    def confirmed(self) -> list[dict[str, Any]]:
        return [r for r in self.records if r.get("confirmed", True)]


@dataclass
class Store:
    project: Project
    datasets: dict[str, Dataset]
    findings: list[Finding]
    unreadable: dict[str, str] = field(default_factory=dict)  # dataset → file that cannot be read
    # Data files with a value of the wrong kind (text where a number belongs): their records
    # are read, but nothing is drawn from them until the schema's finding is fixed.
    invalid: frozenset[str] = frozenset()
    # Digest of everything the store was made from (empty when made by hand): results computed
    # from the store and a page are kept under it.
    signature: str = ""

    def get(self, name: str) -> Dataset | None:
        return self.datasets.get(name)

    def record(self, dataset: str, record_id: str) -> dict[str, Any] | None:
        found = self.datasets.get(dataset)
        return found.by_id.get(record_id) if found else None

    def figure(self, record_id: str) -> dict[str, Any] | None:
        return self.record("key-figures", record_id)

    def source(self, source_id: str) -> dict[str, Any] | None:
        return self.record("sources", source_id)

    def amount(self, value: Any) -> tuple[float, dict[str, Any] | None]:
        """A series value: a literal number, or the value of the key figure it names."""
        if isinstance(value, str):
            record = self.figure(value)
            return (float(record["value"]) if record else float("nan")), record
        return float(value), None


def _finding(rel: str, pos: Pos, message: Msg, hint: Msg | None) -> Finding:
    return Finding(rel, pos.line, RULE, message, Severity.ERROR, pos.col, hint)


# Schema problems by dataset, file content and languages: the build validates data/ for the
# checks and again for the pages, and a preview session on every save, while a file changes
# far less often than that.
_VALIDATED: ContentMemo[tuple[schema.Problem, ...]] = ContentMemo(256, keep="data-schema")


def _schema_problems(
    name: str, text: str, value: Any, languages: tuple[str, ...]
) -> tuple[schema.Problem, ...]:
    return _VALIDATED.get(
        (name, text, *languages), lambda: tuple(schema.problems(name, value, languages))
    )


_STORES: ContentMemo[Store] = ContentMemo(8)


def load_store(project: Project, data_dir: Path | None = None) -> Store:
    """data/ read, validated and cross-checked; kept while nothing it depends on changes (the
    project's settings, every data file's text, the set of source pages records point to),
    since the checks and the pages ask for it on every build and every preview rebuild."""
    data_dir = data_dir or project.data_dir
    docs = project.lang_dir(project.source_code)
    pages = (
        sorted(p.relative_to(docs).as_posix() for p in docs.rglob("*.md")) if docs.is_dir() else []
    )
    files = [
        f"{path.name}\0{path.read_text(encoding='utf-8', errors='replace')}"
        for path in _data_files(data_dir)
    ]
    signature = digest(
        [str(project.root), str(data_dir), repr(project.raw), *files, "\0pages", *pages]
    )
    return _STORES.get([signature], lambda: _load_store(project, data_dir, signature))


def _data_files(data_dir: Path) -> list[Path]:
    return sorted(data_dir.glob("*.yml")) + sorted(data_dir.glob("*.yaml"))


def _load_store(project: Project, data_dir: Path, signature: str) -> Store:
    languages = project.codes
    findings: list[Finding] = []
    datasets: dict[str, Dataset] = {}
    unreadable: dict[str, str] = {}
    invalid: set[str] = set()
    misplaced: list[tuple[int, str, str | None]] = []  # (finding, the dataset it belongs in, id)
    known = schema.known_datasets()
    for path in _data_files(data_dir):
        rel = (
            path.relative_to(project.root).as_posix()
            if path.is_relative_to(project.root)
            else str(path)
        )
        name = path.name.rsplit(".", 1)[0]
        if name not in known:
            guess = closest(name, known)
            findings.append(
                _finding(
                    rel,
                    Pos(1, 1),
                    Msg(
                        f"'{path.name}' is not a known dataset",
                        f"'{path.name}' không phải tập dữ liệu đã biết",
                    ),
                    Msg(
                        (f"did you mean {guess}.yml? " if guess else "")
                        + "known datasets: "
                        + ", ".join(known),
                        (f"có phải {guess}.yml? " if guess else "")
                        + "các tập dữ liệu: "
                        + ", ".join(known),
                    ),
                )
            )
            continue
        text = path.read_text(encoding="utf-8")
        try:
            located = loads(text)
        except YamlProblem as problem:
            unreadable[name] = rel
            finding = _finding(rel, problem.pos, problem.message, problem.hint)
            findings.append(dataclasses.replace(finding, rule=SYNTAX_RULE))
            continue
        for found in _schema_problems(name, text, located.value, languages):
            invalid.add(rel)
            pos = (
                located.key_pos((*found.path, found.at_key))
                if found.at_key
                else located.pos(found.path)
            )
            finding = _finding(rel, pos, found.message, found.hint)
            # The references to the id as it should be written (a misformed id), or to the
            # record in the file it belongs in, find no record because of this mistake alone.
            home, meant = name, _id_meant(located.value, found.path)
            if found.belongs_in:
                home, meant = found.belongs_in, _record_id(located, found)
                misplaced.append((len(findings), home, meant))
            if meant is not None:
                finding = dataclasses.replace(
                    finding,
                    extra={
                        EXPLAINS: [
                            explains(RULE, unknown_id=meant),
                            explains(DATA_DIRECTIVE, unknown_record=f"{home}/{meant}"),
                        ]
                    },
                )
            findings.append(finding)
        value = located.value if isinstance(located.value, dict) else {}
        listed = value.get("records")
        raw_records = listed if isinstance(listed, list) else []
        records = [r for r in raw_records if isinstance(r, dict)]
        dataset = Dataset(
            name, rel, located, {k: v for k, v in value.items() if k != "records"}, records
        )
        for index, record in enumerate(raw_records):
            if not isinstance(record, dict) or not isinstance(record.get("id"), str):
                continue
            rid = record["id"]
            if rid in dataset.by_id:
                findings.append(
                    _finding(
                        rel,
                        located.pos(("records", index, "id")),
                        Msg(f"duplicate id '{rid}'", f"id '{rid}' bị trùng"),
                        Msg(
                            "the first record with this id is at "
                            f"line {dataset.record_pos(rid).line}; "
                            "give each record its own id",
                            f"bản ghi đầu tiên có id này ở dòng {dataset.record_pos(rid).line}; "
                            "mỗi bản ghi cần một id riêng",
                        ),
                    )
                )
                continue
            dataset.by_id[rid] = record
            dataset.index[rid] = index
        datasets[name] = dataset
    for at, home, rid in misplaced:
        kept = datasets.get(home)
        if rid and kept is not None and rid in kept.by_id:
            findings[at] = dataclasses.replace(findings[at], hint=_copy_hint(kept, rid))
    store = Store(project, datasets, findings, unreadable, frozenset(invalid), signature)
    findings.extend(_cross_references(store))
    return store


def _record_id(located: Located, found: schema.Problem) -> str | None:
    record = located.value["records"][found.path[1]]
    rid = record.get("id")
    return rid if isinstance(rid, str) and rid else None


def _copy_hint(home: Dataset, rid: str) -> Msg:
    """A record copied (not moved) into the wrong file: the right one has it already."""
    line = home.record_pos(rid).line
    return Msg(
        f"{home.rel} already has this record (line {line}): delete this copy",
        f"{home.rel} đã có bản ghi này (dòng {line}): xóa bản sao này",
    )


def _id_meant(value: Any, path: tuple[str | int, ...]) -> str | None:
    """The id a record's misformed `id` stands for ('Moc-Bai-bgez-area' → 'moc-bai-bgez-area'),
    when the problem at `path` is that id."""
    if len(path) != 3 or path[0] != "records" or path[2] != "id" or not isinstance(value, dict):
        return None
    records = value.get("records")
    index = path[1]
    if not isinstance(records, list) or not isinstance(index, int) or index >= len(records):
        return None
    record = records[index]
    written = record.get("id") if isinstance(record, dict) else None
    meant = slugify(written) if isinstance(written, str) else ""
    return meant if meant and meant != written else None


def _cross_references(store: Store) -> list[Finding]:
    """Ids that point at other records must exist (sources, key figures, gates, pages)."""
    out: list[Finding] = []
    sources = store.get("sources")
    figures = store.get("key-figures")
    gates = store.get("border-gates")
    docs = store.project.lang_dir(store.project.source_code)

    def missing(
        dataset: Dataset, path: tuple[str | int, ...], kind: str, value: str, options: list[str]
    ) -> None:
        guess = closest(value, options)
        target = {
            "source": "data/sources.yml",
            "figure": "data/key-figures.yml",
            "gate": "data/border-gates.yml",
        }[kind]
        out.append(
            dataclasses.replace(
                _finding(
                    dataset.rel,
                    dataset.pos(path),
                    Msg(
                        f"'{value}' is not an id in {target}", f"'{value}' không có trong {target}"
                    ),
                    Msg(
                        (f"did you mean '{guess}'? " if guess else "")
                        + f"add it to {target} or fix the id",
                        (f"có phải '{guess}'? " if guess else "")
                        + f"thêm vào {target} hoặc sửa id",
                    ),
                ),
                extra={"unknown_id": value},
            )
        )

    def check_figure(dataset: Dataset, path: tuple[str | int, ...], value: Any) -> None:
        if not isinstance(value, str) or figures is None:
            return
        record = figures.by_id.get(value)
        if record is None:
            missing(dataset, path, "figure", value, list(figures.by_id))
        elif not record.get("confirmed", True):
            out.append(
                _finding(
                    dataset.rel,
                    dataset.pos(path),
                    Msg(
                        f"key figure '{value}' is marked confirmed: false",
                        f"số liệu '{value}' chưa được xác nhận (confirmed: false)",
                    ),
                    Msg(
                        "refer to a confirmed figure, or confirm this one with a second source",
                        "dùng số liệu đã xác nhận, hoặc xác nhận số liệu này bằng nguồn thứ hai",
                    ),
                )
            )

    for dataset in store.datasets.values():
        top = dataset.located.value if isinstance(dataset.located.value, dict) else {}
        for i, item in enumerate(top.get("summary") or []):
            check_figure(dataset, ("summary", i), item)
        listed = top.get("records")
        raw = listed if isinstance(listed, list) else []
        for index, record in enumerate(raw):
            if not isinstance(record, dict):
                continue
            base: tuple[str | int, ...] = ("records", index)
            if dataset.name != "sources" and sources is not None:
                refs = [((*base, "source"), record.get("source"))]
                location = record.get("location")
                if isinstance(location, dict):
                    refs.append(((*base, "location", "source"), location.get("source")))
                for path, value in refs:
                    if isinstance(value, str) and value not in sources.by_id:
                        missing(dataset, path, "source", value, list(sources.by_id))
            for key in FIGURE_FIELDS:
                check_figure(dataset, (*base, key), record.get(key))
            for key in FIGURE_LISTS:
                for i, item in enumerate(record.get(key) or []):
                    check_figure(dataset, (*base, key, i), item)
            for i, gate in enumerate(record.get("gates") or []):
                if gates is not None and isinstance(gate, str) and gate not in gates.by_id:
                    missing(dataset, (*base, "gates", i), "gate", gate, list(gates.by_id))
            page = record.get("page")
            if isinstance(page, str) and docs.is_dir() and not (docs / page).is_file():
                finding = _finding(
                    dataset.rel,
                    dataset.pos((*base, "page")),
                    Msg(
                        f"page '{page}' does not exist in "
                        f"{docs.relative_to(store.project.root).as_posix()}/",
                        f"không có trang '{page}' trong "
                        f"{docs.relative_to(store.project.root).as_posix()}/",
                    ),
                    _page_hint(docs, page),
                )
                extra: dict[str, object] = {"missing_page": page}
                anchor = record.get("anchor")
                if isinstance(anchor, str) and anchor:
                    # The record's place on its page (its anchor) is drawn on no page while
                    # its page is wrong: the links to it elsewhere are this mistake again.
                    extra[EXPLAINS] = [explains(BROKEN_LINK, BROKEN_ANCHOR, url_has=f"#{anchor}")]
                out.append(dataclasses.replace(finding, extra=extra))
            elif isinstance(page, str) and docs.is_dir():
                anchor = record.get("anchor")
                ids = _heading_ids(docs, page)
                if isinstance(anchor, str) and anchor and ids and anchor not in ids:
                    meant = closest(anchor, ids)
                    out.append(
                        dataclasses.replace(
                            _finding(
                                dataset.rel,
                                dataset.pos((*base, "anchor")),
                                Msg(
                                    f"{page} has no heading with the id '{anchor}'",
                                    f"{page} không có tiêu đề nào mang id '{anchor}'",
                                ),
                                Msg(f"did you mean {meant}?", f"có phải {meant}?")
                                if meant
                                else Msg(
                                    f"write the id of one of its headings ({{#…}} in {page})",
                                    f"ghi id của một tiêu đề trong trang ({{#…}} trong {page})",
                                ),
                            ),
                            # The links drawn to it on every page showing the record are
                            # this mistake again.
                            extra={EXPLAINS: [explains(BROKEN_ANCHOR, url_has=f"#{anchor}")]},
                        )
                    )
    if sources is None and any(d.name != "sources" for d in store.datasets.values()):
        out.append(
            Finding(
                "data/sources.yml",
                1,
                RULE,
                Msg(
                    "data/sources.yml is missing: every record names its source there",
                    "thiếu data/sources.yml: mọi bản ghi ghi nguồn của nó ở đó",
                ),
                Severity.ERROR,
                1,
                Msg(
                    "create data/sources.yml with a `records:` list of sources",
                    "tạo data/sources.yml với danh sách `records:` các nguồn",
                ),
            )
        )
    return out


def _heading_ids(docs: Path, page: str) -> list[str]:
    """The ids the headings of a page get (explicit `{#id}` or the slug of the heading)."""
    return heading_ids((docs / page).read_text(encoding="utf-8", errors="replace"), page)


def _page_hint(docs: Path, page: str) -> Msg:
    """The page a record most likely means, else how its path is written."""
    pages = [p.relative_to(docs).as_posix() for p in docs.rglob("*.md")]
    meant = closest_page(page, pages)
    if meant:
        return Msg(f"did you mean {meant}?", f"có phải {meant}?")
    return Msg(
        "give the path of the Vietnamese page relative to its language folder",
        "ghi đường dẫn trang tiếng Việt, tính từ thư mục ngôn ngữ",
    )
