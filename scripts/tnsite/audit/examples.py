"""The page each audited page type is measured on, as audit.yml names it.

`make audit` opens `path:` of every page type in every language; a page renamed or deleted
by hand would leave the audit measuring an error page. The build checks here that every
example (other than one that must answer 404) is a page of the site, and `make move` and
`make delete` read the same places to follow or refuse.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import yaml

from tnsite import yamlread
from tnsite.config import Project
from tnsite.findings import Finding, Msg, Severity
from tnsite.urls import address_key, page_url

AUDIT_FILE = "audit.yml"
RULE = "audit-page"


@dataclass(frozen=True)
class Example:
    page_type: str
    address: str  # as written, in the language's site: "du-lich/nui-ba-den/"
    line: int
    col: int


def _value(node: yaml.Node | None, key: str) -> yaml.Node | None:
    if not isinstance(node, yaml.MappingNode):
        return None
    return next((v for k, v in node.value if k.value == key), None)


def examples(text: str) -> Iterator[Example]:
    """The page types measured on a page of the site (not those that must answer an error).
    A file that cannot be read names no page: `make audit` reports it."""
    try:
        root = yamlread.compose(text)
    except yaml.YAMLError:
        return
    types = _value(root, "page_types")
    if not isinstance(types, yaml.MappingNode):
        return
    for name, spec in types.value:
        path, status = _value(spec, "path"), _value(spec, "status")
        if not isinstance(path, yaml.ScalarNode):
            continue
        if isinstance(status, yaml.ScalarNode) and status.value != "200":
            continue
        mark = path.start_mark
        yield Example(str(name.value), str(path.value), mark.line + 1, mark.column + 1)


def check_examples(project: Project) -> list[Finding]:
    file = project.root / AUDIT_FILE
    if not file.is_file():
        return []
    source = project.docs_dir / project.source_code
    pages = {p.relative_to(source).as_posix() for p in source.rglob("*.md")}
    addresses = {address_key(page_url(p)) for p in pages}
    findings = []
    for example in examples(file.read_text(encoding="utf-8")):
        key = address_key(example.address)
        if key in addresses:
            continue
        stem = key.rstrip("/")
        page = (
            "index.md"
            if not stem
            else (f"{stem}/index.md" if (source / stem).is_dir() else f"{stem}.md")
        )
        findings.append(
            Finding(
                AUDIT_FILE,
                example.line,
                RULE,
                Msg(
                    f"the audit measures its page type '{example.page_type}' on "
                    f"'{example.address}', and no page has that address ({page} does not "
                    "exist)",
                    f"bước kiểm định đo loại trang '{example.page_type}' trên "
                    f"'{example.address}', nhưng không trang nào có địa chỉ đó ({page} không "
                    "tồn tại)",
                ),
                Severity.ERROR,
                example.col,
                Msg(
                    "write in `path:` the address of an existing page of the same kind",
                    "ghi vào `path:` địa chỉ của một trang có thật cùng loại",
                ),
                extra={"missing_page": page},
            )
        )
    return findings
