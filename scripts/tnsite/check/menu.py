"""The site's menu (`nav` in mkdocs.yml) as the editor wrote it, read with its lines.

- menu-section (error, before the build): a section title with nothing under it
  (`- Ẩm thực:`). MkDocs refuses the whole configuration with a sentence that names no line,
  so this is found first and the build is not started.
- menu-twice (warning): a page listed twice; the menu shows it twice.
- menu-title (warning): a section title that a language's `nav_translations` does not
  translate; that language's menu shows it in the source language. A title renamed in the
  menu and not in the translations is the usual cause.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import yaml

from tnsite import yamlread
from tnsite.config import Project
from tnsite.findings import Finding, Msg, Severity

EMPTY_SECTION = "menu-section"
LISTED_TWICE = "menu-twice"
UNTRANSLATED_TITLE = "menu-title"


@dataclass(frozen=True)
class Entry:
    """One line of the menu: a section (title, no page) or a page (its .md path)."""

    line: int
    title: str | None
    page: str | None
    empty: bool = False  # a section with nothing under it


def _mapping_value(node: yaml.Node, key: str) -> yaml.Node | None:
    if not isinstance(node, yaml.MappingNode):
        return None
    return next((v for k, v in node.value if getattr(k, "value", None) == key), None)


def _entries(node: yaml.Node | None) -> Iterator[Entry]:
    if not isinstance(node, yaml.SequenceNode):
        return
    for item in node.value:
        line = item.start_mark.line + 1
        if isinstance(item, yaml.ScalarNode):
            yield Entry(line, None, str(item.value))
        elif isinstance(item, yaml.MappingNode) and len(item.value) == 1:
            key, value = item.value[0]
            title = str(key.value)
            line = key.start_mark.line + 1
            if isinstance(value, yaml.SequenceNode):
                yield Entry(line, title, None, empty=not value.value)
                yield from _entries(value)
            elif isinstance(value, yaml.ScalarNode) and value.tag.endswith(":null"):
                yield Entry(line, title, None, empty=True)
            elif isinstance(value, yaml.ScalarNode):
                yield Entry(line, title, str(value.value))


def _menu(project: Project) -> tuple[yaml.Node | None, list[Entry]]:
    """mkdocs.yml's composed nodes and its menu's lines ([] when it cannot be read: the
    configuration check says why)."""
    try:
        root = yamlread.compose((project.root / "mkdocs.yml").read_text(encoding="utf-8"))
    except (yaml.YAMLError, OSError, UnicodeError):
        return None, []
    return root, list(_entries(_mapping_value(root, "nav") if root is not None else None))


def empty_sections(project: Project) -> list[Finding]:
    """Sections with nothing under them: MkDocs would refuse the configuration."""
    _root, entries = _menu(project)
    return [
        Finding(
            "mkdocs.yml",
            entry.line,
            EMPTY_SECTION,
            Msg(
                f"the menu section '{entry.title}' has nothing under it",
                f"mục menu '{entry.title}' chưa có trang nào bên dưới",
            ),
            Severity.ERROR,
            hint=Msg(
                "list its pages under it, each on a line `- folder/page.md` indented 4 spaces "
                "more, or remove this line",
                "ghi các trang của mục bên dưới nó, mỗi trang một dòng `- thu-muc/trang.md` thụt "
                "vào thêm 4 dấu cách, hoặc xóa dòng này",
            ),
        )
        for entry in entries
        if entry.empty
    ]


def check_menu(project: Project) -> list[Finding]:
    """A page listed twice, and section titles a language's menu would show untranslated."""
    root, entries = _menu(project)
    findings: list[Finding] = []
    first: dict[str, int] = {}
    for entry in entries:
        if entry.page is None or not entry.page.endswith(".md"):
            continue
        if entry.page in first:
            findings.append(
                Finding(
                    "mkdocs.yml",
                    entry.line,
                    LISTED_TWICE,
                    Msg(
                        f"{entry.page} is already in the menu at line {first[entry.page]}: the "
                        "menu would show it twice",
                        f"{entry.page} đã có trong menu ở dòng {first[entry.page]}: menu sẽ hiện "
                        "trang này hai lần",
                    ),
                    Severity.WARNING,
                    hint=Msg("remove one of the two lines", "xóa một trong hai dòng"),
                )
            )
        else:
            first[entry.page] = entry.line
    return findings + _untranslated_titles(project, root, entries)


def _untranslated_titles(
    project: Project, root: yaml.Node | None, entries: list[Entry]
) -> list[Finding]:
    translations: dict[str, tuple[set[str], int]] = {}
    for plugin in _sequence(_mapping_value(root, "plugins") if root is not None else None):
        options = _mapping_value(plugin, "i18n")
        for language in _sequence(_mapping_value(options, "languages") if options else None):
            code = _mapping_value(language, "locale")
            titles = _mapping_value(language, "nav_translations")
            if code is None or isinstance(language, yaml.ScalarNode):
                continue
            where = titles if titles is not None else language
            names = (
                {str(k.value) for k, _ in titles.value}
                if isinstance(titles, yaml.MappingNode)
                else set()
            )
            translations[str(code.value)] = (names, where.start_mark.line + 1)
    findings: list[Finding] = []
    others = [code for code in project.codes if code != project.source_code]
    for entry in entries:
        if entry.title is None:
            continue
        lacking = [
            code for code in others if entry.title not in translations.get(code, (set(), 0))[0]
        ]
        if not lacking:
            continue
        lines = ", ".join(str(translations[c][1]) for c in lacking if c in translations)
        key = f'"{entry.title}"' if ":" in entry.title else entry.title
        # A page's entry can do without its title: the menu then shows the page's own title.
        alone = (
            Msg(
                f"write the entry as `- {entry.page}` alone (each language's menu then shows its "
                "page's own title), or ",
                f"chỉ ghi `- {entry.page}` (menu của mỗi ngôn ngữ sẽ hiện tiêu đề trang của ngôn "
                "ngữ đó), hoặc ",
            )
            if entry.page and entry.page.endswith(".md")
            else Msg("", "")
        )
        findings.append(
            Finding(
                "mkdocs.yml",
                entry.line,
                UNTRANSLATED_TITLE,
                Msg(
                    f"the menu {'entry' if entry.page else 'section'} '{entry.title}' has no "
                    "translation for "
                    f"{', '.join(lacking)}: those menus would show it in Vietnamese",
                    f"{'mục' if entry.page else 'nhóm'} menu '{entry.title}' chưa có bản dịch "
                    f"{', '.join(lacking)}: menu của "
                    "các ngôn ngữ đó sẽ hiện tiếng Việt",
                ),
                Severity.WARNING,
                hint=Msg(
                    alone.en + f"add a line `{key}: …` with the translated title under "
                    f"`nav_translations:` of each of those languages (mkdocs.yml, line {lines})",
                    alone.vi
                    + f"thêm dòng `{key}: …` với tiêu đề đã dịch dưới `nav_translations:` của "
                    f"từng ngôn ngữ đó (mkdocs.yml, dòng {lines})",
                ),
            )
        )
    return findings


def _sequence(node: yaml.Node | None) -> list[yaml.Node]:
    return list(node.value) if isinstance(node, yaml.SequenceNode) else []
