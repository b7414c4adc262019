"""publications.yml: which publications exist, their titles and their pages, checked line by
line so an editor's mistake is reported where it was written.

The file is read with positions (tnsite.data.yamlpos) and checked by hand rather than with a
schema, because every message must name the editor's line and say what to do in words an
editor understands; a schema validator's messages would need translating one by one anyway.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from difflib import get_close_matches
from pathlib import Path
from typing import Any

from tnsite.config import Project
from tnsite.data.yamlpos import Located, Path_, Pos, YamlProblem, loads
from tnsite.findings import Finding, Msg
from tnsite.text import closest_page

RULE = "publication"
ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
TOP_KEYS = ("fonts", "publications")
KEYS = ("id", "title", "link", "pages")


@dataclass(frozen=True)
class Publication:
    id: str
    titles: dict[str, str]  # language → cover title
    links: dict[str, str]  # language → download link text
    pages: tuple[str, ...]  # paths in the language tree, in order
    line: int  # where the publication starts in publications.yml

    def landing_pages(self) -> tuple[str, ...]:
        """The index page of each section a page comes from (not the home page): they link to
        the publication too."""
        out: list[str] = []
        for page in self.pages:
            folder = page.rpartition("/")[0]
            if folder and f"{folder}/index.md" not in out:
                out.append(f"{folder}/index.md")
        return tuple(out)

    def linked_from(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys((*self.pages, *self.landing_pages())))


@dataclass
class Catalogue:
    path: str  # project-relative, for findings
    publications: list[Publication] = field(default_factory=list)
    fonts: dict[str, tuple[Path, ...]] = field(default_factory=dict)  # language → font files
    findings: list[Finding] = field(default_factory=list)

    def linking(self, md_path: str) -> list[Publication]:
        """The publications whose download link goes on this page."""
        return [pub for pub in self.publications if md_path in pub.linked_from()]


class _Reader:
    def __init__(self, project: Project, rel: str, located: Located) -> None:
        self.project = project
        self.rel = rel
        self.located = located
        self.findings: list[Finding] = []

    def problem(
        self,
        pos: Pos,
        en: str,
        vi: str,
        hint_en: str,
        hint_vi: str,
        extra: dict[str, object] | None = None,
    ) -> None:
        self.findings.append(
            Finding(
                self.rel,
                pos.line,
                RULE,
                Msg(en, vi),
                col=pos.col,
                hint=Msg(hint_en, hint_vi),
                extra=extra or {},
            )
        )

    def unknown_keys(self, value: dict[str, Any], path: Path_, known: tuple[str, ...]) -> set[str]:
        """Report keys that are not known; returns the known keys they were probably meant as
        (so a misspelt `pagez:` is one finding, not also "no pages")."""
        meant: set[str] = set()
        for key in value:
            if key in known:
                continue
            guess = [k for k in get_close_matches(key, known, n=1) if k not in value]
            meant.update(guess)
            prefix_en = f"did you mean '{guess[0]}'? " if guess else ""
            prefix_vi = f"có phải '{guess[0]}'? " if guess else ""
            self.problem(
                self.located.key_pos((*path, key)),
                f"unknown key '{key}'",
                f"khóa '{key}' không được dùng ở đây",
                f"{prefix_en}use only: {', '.join(known)} (check the spelling and the indentation)",
                f"{prefix_vi}chỉ dùng: {', '.join(known)} (kiểm tra chính tả và thụt lề)",
            )
        return meant

    def per_language(
        self,
        value: Any,
        path: Path_,
        what_en: str,
        what_vi: str,
        strings: dict[str, dict[str, str]],
    ) -> dict[str, str]:
        """A text per language of mkdocs.yml, written out or named by a key of strings.yml."""
        pos = self.located.pos(path)
        if isinstance(value, str) and value.strip():
            missing = [code for code in self.project.codes if value not in strings.get(code, {})]
            if missing:
                self.problem(
                    pos,
                    f"{what_en}: '{value}' is not a known text key",
                    f"{what_vi}: '{value}' không phải tên một chuỗi đã có",
                    "write the text per language instead, e.g. `vi: …`, `en: …`",
                    "hãy viết văn bản cho từng ngôn ngữ, ví dụ `vi: …`, `en: …`",
                )
                return {}
            return {code: strings[code][value] for code in self.project.codes}
        if not isinstance(value, dict):
            self.problem(
                pos,
                f"{what_en} must give a text for each language",
                f"{what_vi} phải có văn bản cho từng ngôn ngữ",
                "write one line per language: `vi: …`, `en: …`, …",
                "viết mỗi ngôn ngữ một dòng: `vi: …`, `en: …`, …",
            )
            return {}
        self.unknown_keys(value, path, self.project.codes)
        out: dict[str, str] = {}
        for code in self.project.codes:
            text = value.get(code)
            if not isinstance(text, str) or not text.strip():
                self.problem(
                    pos,
                    f"{what_en} has no text in '{code}'",
                    f"{what_vi} chưa có văn bản cho ngôn ngữ '{code}'",
                    f"add a line `{code}: …` (every language of mkdocs.yml needs one)",
                    f"thêm dòng `{code}: …` (mỗi ngôn ngữ trong mkdocs.yml cần một dòng)",
                )
                continue
            out[code] = text.strip()
        return out

    def pages(self, value: Any, path: Path_) -> tuple[str, ...]:
        if not isinstance(value, list) or not value:
            self.problem(
                self.located.pos(path),
                "a publication needs a list of pages",
                "ấn phẩm cần danh sách các trang",
                "list the pages under `pages:`, one `- path/to/page.md` per line",
                "liệt kê các trang dưới `pages:`, mỗi dòng một `- duong-dan/trang.md`",
            )
            return ()
        source = self.project.lang_dir(self.project.source_code)
        out: list[str] = []
        for index, page in enumerate(value):
            pos = self.located.pos((*path, index))
            if not isinstance(page, str) or not (source / page).is_file():
                shown = page if isinstance(page, str) else "?"
                docs = self.project.lang_dir(self.project.source_code).relative_to(
                    self.project.root
                )
                meant = self.page_meant(shown) if isinstance(page, str) else ""
                self.problem(
                    pos,
                    f"page '{shown}' does not exist ({docs.as_posix()}/{shown} not found)",
                    f"trang '{shown}' không tồn tại (không có {docs.as_posix()}/{shown})",
                    f"write {meant} (the path inside the language folder)"
                    if meant
                    else "write the path inside the language folder, e.g. dau-tu/index.md",
                    f"viết {meant} (đường dẫn trong thư mục ngôn ngữ)"
                    if meant
                    else "ghi đường dẫn trong thư mục ngôn ngữ, ví dụ dau-tu/index.md",
                    {"missing_page": shown} if isinstance(page, str) else None,
                )
                continue
            if page in out:
                self.problem(
                    pos,
                    f"page '{page}' is listed twice",
                    f"trang '{page}' được liệt kê hai lần",
                    "keep one of the two lines",
                    "giữ lại một trong hai dòng",
                )
                continue
            out.append(page)
        return tuple(out)

    def page_meant(self, written: str) -> str:
        """The page a path that names none stands for: written from the project
        (`docs/vi/du-lich/le-hoi.md`), or misspelt ("" when none is close)."""
        source = self.project.lang_dir(self.project.source_code)
        parts = written.strip().strip("/").split("/")
        if parts[:1] == ["docs"]:
            parts = parts[1:]
        if parts[:1] and parts[0] in self.project.codes:
            parts = parts[1:]
        rest = "/".join(parts)
        if rest and (source / rest).is_file():
            return rest
        pages = [p.relative_to(source).as_posix() for p in source.rglob("*.md")]
        return closest_page(rest, pages) if rest else ""

    def fonts(self, value: Any) -> dict[str, tuple[Path, ...]]:
        if value is None:
            return {}
        if not isinstance(value, dict):
            self.problem(
                self.located.pos(("fonts",)),
                "`fonts` must map a language code to its font files",
                "`fonts` phải ghi mã ngôn ngữ và các tệp phông chữ của nó",
                "e.g. `zh: [assets/fonts/x/x-400.woff2]`",
                "ví dụ `zh: [assets/fonts/x/x-400.woff2]`",
            )
            return {}
        self.unknown_keys(value, ("fonts",), self.project.codes)
        out: dict[str, tuple[Path, ...]] = {}
        for code, files in value.items():
            listed = [files] if isinstance(files, str) else files
            paths: list[Path] = []
            for index, name in enumerate(listed if isinstance(listed, list) else [None]):
                path = self.project.root / name if isinstance(name, str) else None
                if path is None or not path.is_file():
                    at = ("fonts", code, index) if isinstance(files, list) else ("fonts", code)
                    self.problem(
                        self.located.pos(at),
                        f"font file '{name}' does not exist",
                        f"không có tệp phông chữ '{name}'",
                        "give the path of a .woff2, .ttf or .otf file from the project's root",
                        "ghi đường dẫn tệp .woff2, .ttf hoặc .otf tính từ thư mục gốc dự án",
                    )
                    continue
                paths.append(path)
            if code in self.project.codes:
                out[code] = tuple(paths)
        return out


def load_catalogue(project: Project, rel: str, strings: dict[str, dict[str, str]]) -> Catalogue:
    """Read and check publications.yml; a file with findings yields no publication."""
    catalogue = Catalogue(rel)
    try:
        located = loads((project.root / rel).read_text(encoding="utf-8"))
    except FileNotFoundError:
        catalogue.findings.append(
            Finding(
                rel,
                1,
                RULE,
                Msg(f"{rel} does not exist", f"không có tệp {rel}"),
                hint=Msg(
                    "create it (see the README's section on publications) or remove "
                    "tnsite/publish from mkdocs.yml",
                    "tạo tệp này (xem phần ấn phẩm trong README) hoặc bỏ tnsite/publish khỏi "
                    "mkdocs.yml",
                ),
            )
        )
        return catalogue
    except YamlProblem as problem:
        catalogue.findings.append(
            Finding(
                rel,
                problem.pos.line,
                RULE,
                problem.message,
                col=problem.pos.col,
                hint=problem.hint,
            )
        )
        return catalogue
    reader = _Reader(project, rel, located)
    root = located.value
    if not isinstance(root, dict) or not isinstance(root.get("publications"), list):
        reader.problem(
            Pos(1, 1),
            "the file must have a `publications:` list",
            "tệp phải có danh sách `publications:`",
            "start from the example in the file's header comment",
            "làm theo ví dụ trong phần chú thích đầu tệp",
        )
        catalogue.findings = reader.findings
        return catalogue
    reader.unknown_keys(root, (), TOP_KEYS)
    catalogue.fonts = reader.fonts(root.get("fonts"))
    seen: set[str] = set()
    for index, entry in enumerate(root["publications"]):
        at: Path_ = ("publications", index)
        pos = located.pos(at)
        if not isinstance(entry, dict):
            reader.problem(
                pos,
                "each publication must be a block with id, title, link and pages",
                "mỗi ấn phẩm phải là một khối có id, title, link và pages",
                "copy an existing publication's block and change it",
                "chép khối của một ấn phẩm có sẵn rồi sửa lại",
            )
            continue
        meant = reader.unknown_keys(entry, at, KEYS)
        pub_id = entry.get("id")
        if not isinstance(pub_id, str) or not ID.match(pub_id):
            reader.problem(
                located.pos((*at, "id")),
                f"id '{pub_id}' is not usable as a file name",
                f"id '{pub_id}' không dùng được làm tên tệp",
                "use lower-case letters without accents, digits and '-', e.g. dau-tu",
                "dùng chữ thường không dấu, chữ số và '-', ví dụ dau-tu",
            )
            continue
        if pub_id in seen:
            reader.problem(
                located.pos((*at, "id")),
                f"two publications have the id '{pub_id}'",
                f"hai ấn phẩm cùng có id '{pub_id}'",
                "give each publication its own id",
                "đặt cho mỗi ấn phẩm một id riêng",
            )
            continue
        seen.add(pub_id)
        titles = links = {}
        pages: tuple[str, ...] = ()
        if "title" not in meant:
            titles = reader.per_language(
                entry.get("title"), (*at, "title"), "title", "tiêu đề (title)", strings
            )
        if "link" not in meant:
            links = reader.per_language(
                entry.get("link"), (*at, "link"), "link", "chữ liên kết (link)", strings
            )
        if "pages" not in meant:
            pages = reader.pages(entry.get("pages"), (*at, "pages"))
        catalogue.publications.append(Publication(pub_id, titles, links, pages, pos.line))
    catalogue.findings = reader.findings
    if catalogue.findings:
        catalogue.publications = []
    return catalogue
