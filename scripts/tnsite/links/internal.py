"""The internal link check: broken links, anchors and assets, and links into another language,
each reported once at the Markdown (or template) line that wrote it.

A broken theme link repeats on every page and a broken link in a Vietnamese file repeats on
the pages built from it by fallback; findings are grouped by where to fix them, with the
number of pages affected.
"""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urlsplit

from tnsite.alternates import BuiltPage, SourceIndex, md_candidates, split_language
from tnsite.config import Project
from tnsite.explains import EXPLAINS, GENERATED, NOT_TO_MD, explains
from tnsite.findings import Finding, Msg, sort_key
from tnsite.i18n.markdown import heading_ids as markdown_heading_ids
from tnsite.i18n.names import lang_name
from tnsite.links.classify import BROKEN_ANCHOR, BROKEN_LINK, HREFLANG_MISMATCH, MISSING_ASSET
from tnsite.links.resolve import Resolver
from tnsite.links.scan import Ref
from tnsite.links.site import SiteScan, languages_of
from tnsite.links.sourcemap import Origin, SourceMap, stylesheet_origin
from tnsite.mdsource import Source
from tnsite.slugs import slugify
from tnsite.text import closest, closest_page
from tnsite.urls import DOMAIN, md_link_for


@dataclass
class _Group:
    origin: Origin
    rule: str
    ref: Ref
    target: str
    page: str
    pages: set[str] = field(default_factory=set)


def _where(origin: Origin) -> Msg:
    if origin.kind == "theme":
        return Msg(
            " (written by the theme templates or mkdocs.yml, not by a page)",
            " (do giao diện hoặc mkdocs.yml tạo ra, không phải trang nội dung)",
        )
    if origin.kind == "generated":
        return Msg(
            " (made by a data directive or plugin on this page)",
            " (do chỉ thị dữ liệu hoặc plugin trên trang này tạo ra)",
        )
    return Msg("", "")


def heading_ids(project: Project, index: SourceIndex, target: str) -> list[str]:
    """The ids of the headings of the page a built address comes from, as its Markdown gives
    them (explicit `{#id}` or the slug of the heading)."""
    built = index.locate(target)
    if built.source is None:
        return []
    path = project.root / built.source
    return markdown_heading_ids(path.read_text(encoding="utf-8", errors="replace"), built.md or "")


def _markdown_target(project: Project, group: _Group) -> tuple[str, str] | None:
    """The file a link to a .md file names, resolved from the file that wrote it (the file,
    and the page's path in its language folder): the editor wrote a path to a file, not an
    address in the built site, and a broken one is looked for in that form."""
    origin = group.origin
    parts = urlsplit(origin.written or group.ref.url)
    path = unquote(parts.path)
    if origin.kind != "markdown" or parts.scheme or parts.netloc:
        return None
    if path.startswith("/") or not path.endswith(".md"):
        return None
    file = posixpath.normpath(posixpath.join(posixpath.dirname(origin.path), path))
    placed = _language_page(project, file)
    return (file, placed[1]) if placed else None


def _language_page(project: Project, rel: str) -> tuple[str, str] | None:
    """'docs/km/du-lich/x.md' → ('km', 'du-lich/x.md'): a file of a language folder, as its
    language and the page's path in it; None for a file outside the language folders."""
    docs = project.docs_dir.relative_to(project.root).as_posix() + "/"
    lang, _, page = rel.removeprefix(docs).partition("/")
    if not rel.startswith(docs) or lang not in project.codes or not page:
        return None
    return lang, page


PHOTO_TYPES = {"jpg", "jpeg", "png", "webp", "gif", "heic", "tif", "tiff"}
# What an editor writes for an e-mail address or another site when the scheme is left out.
EMAIL = re.compile(r"^[^\s/@:()]+@[^\s/@()]+\.[A-Za-z]{2,}$")
BROKEN_SCHEME = re.compile(r"^(https?)(?!://)[:/\\;.]+(?=[^/\\])", re.I)
MAIL_SCHEME = re.compile(r"^(?:mail|email|e-mail|maito|mailto)\s*:\s*", re.I)


def _source_link(project: Project, group: _Group, url: str) -> str | None:
    """In a translation, the link its source page writes at the same place, when a link of
    the translation leads nowhere: a translator who translated the file name
    (`festivals.md#hoi-xuan-nui-ba` for `le-hoi.md#hoi-xuan-nui-ba`). The place is the same
    anchor when the link has one, else the same rank among the page's links to pages."""
    origin = group.origin
    placed = _language_page(project, origin.path)
    if origin.kind != "markdown" or placed is None or placed[0] == project.source_code:
        return None
    source = project.lang_dir(project.source_code) / placed[1]
    mine = project.root / origin.path
    if not source.is_file() or not mine.is_file():
        return None

    def page_links(path: Path) -> list[str]:
        return [
            link.dest
            for link in Source.of(path.read_text(encoding="utf-8", errors="replace")).links
            if urlsplit(link.dest).path.endswith(".md") and not urlsplit(link.dest).scheme
        ]

    theirs, written = page_links(source), origin.written or url
    fragment = urlsplit(written).fragment
    same_anchor = [d for d in theirs if fragment and urlsplit(d).fragment == fragment]
    if same_anchor:
        return same_anchor[0] if same_anchor[0] != written else None
    ours = page_links(mine)
    if written in ours and len(ours) == len(theirs):
        meant = theirs[ours.index(written)]
        return meant if meant != written else None
    return None


def _broken_link_hint(
    project: Project, index: SourceIndex, group: _Group, url: str, written: tuple[str, str] | None
) -> Msg:
    """What to write instead: an address of another site needs its https://; a page path with
    the wrong letter case or a misspelt name has a page that was most likely meant."""
    written_url = group.origin.written or url
    if EMAIL.match(written_url) or MAIL_SCHEME.match(written_url):
        address = MAIL_SCHEME.sub("", written_url)
        return Msg(
            f"an e-mail address is written with mailto: in front: write mailto:{address}",
            f"địa chỉ thư điện tử phải có mailto: ở đầu: viết mailto:{address}",
        )
    scheme = BROKEN_SCHEME.match(written_url)
    if scheme:  # https//…, https:/…, http:\\…: an address of another site, mistyped
        meant = f"{scheme[1].lower()}://{written_url[scheme.end() :]}"
        return Msg(
            f"an address on another site starts with {scheme[1].lower()}:// : write {meant}",
            f"địa chỉ của trang web khác bắt đầu bằng {scheme[1].lower()}:// : viết {meant}",
        )
    if url.startswith("www.") or DOMAIN.match(written_url):
        return Msg(
            f"an address on another site starts with https://: write https://{written_url}",
            f"địa chỉ của trang web khác phải bắt đầu bằng https://: viết https://{written_url}",
        )
    if written:
        file, page = written
        lang_dir = file.removesuffix(page)  # "docs/vi/"
        lang = posixpath.basename(lang_dir.rstrip("/"))
        source = index.files.get(project.source_code, frozenset())
        meant = closest_page(page, index.files.get(lang, frozenset()) | source)
        if meant:
            link = posixpath.relpath(lang_dir + meant, posixpath.dirname(group.origin.path))
            fragment = url.partition("#")[2]
            link += f"#{fragment}" if fragment else ""
            case = Msg(" (upper and lower case count)", " (chữ hoa và chữ thường khác nhau)")
            same_case = meant.lower() == page.lower()
            return Msg(
                f"did you mean {link}?" + (case.en if same_case else ""),
                f"có phải {link}?" + (case.vi if same_case else ""),
            )
    origin = group.origin
    kept = _source_link(project, group, url)
    if kept:
        return Msg(
            f"the source page links here to {kept}: write ({kept}) (a page's file name is the "
            "same in every language)",
            f"bản gốc liên kết ở chỗ này tới {kept}: hãy viết ({kept}) (tên tệp của trang giống "
            "nhau ở mọi ngôn ngữ)",
        )
    if origin.kind == "markdown":
        meant_file = md_link_for(url, origin.path, lambda path: (project.root / path).is_file())
        if meant_file:
            return Msg(
                f"link to the page's file: write {meant_file}",
                f"hãy liên kết tới tệp của trang: viết {meant_file}",
            )
    name = posixpath.basename(urlsplit(url).path)
    if posixpath.splitext(name)[1].lower() not in ("", ".md", ".html"):
        # A document (a PDF, a spreadsheet), not a page.
        return Msg(
            f"put {name} into the project (assets/…) and link to it there, or correct the path",
            f"đặt tệp {name} vào dự án (thư mục assets/…) rồi liên kết tới đó, hoặc sửa đường dẫn",
        )
    return Msg(
        "Correct the path (link to the .md file, e.g. ../dau-tu/index.md) or create the page.",
        "Sửa đường dẫn (liên kết tới tệp .md, ví dụ ../dau-tu/index.md) hoặc tạo trang.",
    )


def _asset_path_hint(
    project: Project, group: _Group, url: str, site_files: frozenset[str]
) -> Msg | None:
    """A file of assets/ written with the wrong path from a page ('assets/images/logo.svg'
    from a page two folders down, or the path from the project's root): the path that works.
    It is given as a Markdown image, which the build points at the file from every language's
    page, where an HTML `<img src>` is read from the page's address and so differs by page."""
    origin = group.origin
    placed = _language_page(project, origin.path)
    if origin.kind != "markdown" or placed is None or not origin.path.endswith(".md"):
        return None
    page = "/".join(placed)  # vi/du-lich/nui-ba-den.md
    parts = [part for part in unquote(urlsplit(url).path).split("/") if part not in ("", ".", "..")]
    if not parts:
        return None
    tail = "/".join(parts)
    assets = [f for f in site_files if f.startswith("assets/")]
    found = sorted((f for f in assets if f == tail or f.endswith("/" + tail)), key=len)
    if not found:
        # A misspelt name in the right folder: the file most likely meant.
        folder, name = posixpath.split(tail)
        beside = {posixpath.basename(f): f for f in assets if posixpath.dirname(f).endswith(folder)}
        guess = closest(name, sorted(beside))
        if not guess:
            return None
        path = posixpath.relpath(beside[guess], posixpath.dirname(page))
        return Msg(f"did you mean ({path})?", f"có phải ({path})?")
    path = posixpath.relpath(found[0], posixpath.dirname(page))
    lines = (project.root / origin.path).read_text(encoding="utf-8").split("\n")
    line = lines[origin.line - 1] if 0 < origin.line <= len(lines) else ""
    if line[: origin.col - 1].endswith("]("):
        return Msg(
            f"the file is {found[0]}: from this page write ({path})",
            f"tệp nằm ở {found[0]}: từ trang này hãy viết ({path})",
        )
    return Msg(
        f"the file is {found[0]}: write it as a Markdown image, ![text]({path}) with "
        "the image's description as text, which the build points at the file from every "
        "language's page",
        f"tệp nằm ở {found[0]}: hãy viết thành ảnh Markdown ![mô tả]({path}) với mô tả "
        "ảnh thay cho chữ 'mô tả'; khi dựng, đường dẫn đó đúng từ trang của mọi ngôn ngữ",
    )


def _message(
    project: Project,
    index: SourceIndex,
    group: _Group,
    anchors: list[str] | None = None,
    site_files: frozenset[str] = frozenset(),
) -> tuple[Msg, Msg]:
    url, target, page = group.origin.written or group.ref.url, group.target, group.page
    where = _where(group.origin)
    fragment = url.split("#", 1)[1] if "#" in url else ""
    if group.rule == BROKEN_LINK:
        written = _markdown_target(project, group)
        wanted = written[0] if written else target
        return (
            Msg(
                f"link '{url}' leads to no page (looked for {wanted})" + where.en,
                f"liên kết '{url}' không dẫn tới trang nào (đã tìm {wanted})" + where.vi,
            ),
            _broken_link_hint(project, index, group, url, written),
        )
    if group.rule == BROKEN_ANCHOR:
        # The page as the editor knows it, its Markdown file, not the built file.
        shown = index.locate(target).source or target
        return (
            Msg(
                f"link '{url}': {shown} has no heading or element with id '{fragment}'" + where.en,
                f"liên kết '{url}': {shown} không có tiêu đề hay phần tử nào mang id "
                f"'{fragment}'" + where.vi,
            ),
            Msg(
                "Use an id that exists on that page (the {#id} after its headings) or add "
                "that id to the heading." + (f" Its ids: {', '.join(anchors)}." if anchors else ""),
                "Dùng id có trên trang đó (phần {#id} sau tiêu đề) hoặc thêm id đó vào tiêu đề."
                + (f" Các id của trang: {', '.join(anchors)}." if anchors else ""),
            ),
        )
    if group.rule == MISSING_ASSET:
        name = posixpath.basename(urlsplit(url).path)
        stem, _, ext = name.rpartition(".")
        photo = ext.lower() in PHOTO_TYPES and group.origin.kind == "markdown"
        return (
            Msg(
                f"'{url}' (image, stylesheet, script or other file) does not exist in the built "
                f"site (looked for {target})" + where.en,
                f"'{url}' (ảnh, tệp CSS, script hoặc tệp khác) không có trong trang đã dựng "
                f"(đã tìm {target})" + where.vi,
            ),
            # A photo written as a path: the site shows photos by name, in every language
            # (a path that works from one language's page does not from another's).
            Msg(
                f"show a photo by its name: {{{{ photo {slugify(stem)} }}}} (the file in "
                "assets/photos/, described in assets/photos/manifest.yml)",
                f"đặt ảnh bằng tên của nó: {{{{ photo {slugify(stem)} }}}} (tệp nằm trong "
                "assets/photos/, mô tả trong assets/photos/manifest.yml)",
            )
            if photo
            else _asset_path_hint(project, group, url, site_files)
            or Msg(
                "Add the file, or correct the path and its spelling (upper/lower case counts).",
                "Thêm tệp, hoặc sửa đường dẫn và chính tả (phân biệt chữ hoa, chữ thường).",
            ),
        )
    langs = languages_of(project)
    here, there = langs.of(page), langs.of(target)
    if group.rule == HREFLANG_MISMATCH:
        claimed = group.ref.hreflang or here
        return (
            Msg(
                f"link '{url}' says it leads to the {lang_name(claimed, 'en')} page (hreflang="
                f"{claimed}) but lands on the {lang_name(there, 'en')} page {target}" + where.en,
                f"liên kết '{url}' ghi là dẫn tới trang {lang_name(claimed, 'vi')} (hreflang="
                f"{claimed}) nhưng lại tới trang {lang_name(there, 'vi')} {target}" + where.vi,
            ),
            Msg(
                "write the page's path as for a link in this page's own language (the .md "
                f"file, not an address or another language's folder) and keep "
                f"{{hreflang={claimed}}}: the build points it at the "
                f"{lang_name(claimed, 'en')} page",
                "viết đường dẫn của trang như một liên kết trong chính ngôn ngữ của trang này "
                f"(tệp .md, không phải địa chỉ web hay thư mục của ngôn ngữ khác) và giữ "
                f"{{hreflang={claimed}}}: khi dựng, liên kết sẽ trỏ tới trang "
                f"{lang_name(claimed, 'vi')}",
            ),
        )
    return (
        Msg(
            f"link '{url}' on a {lang_name(here, 'en')} page leads into "
            f"{lang_name(there, 'en')} content ({target})" + where.en,
            f"liên kết '{url}' trên trang {lang_name(here, 'vi')} dẫn sang nội dung "
            f"{lang_name(there, 'vi')} ({target})" + where.vi,
        ),
        Msg(
            f"Link to the {lang_name(here, 'en')} version of the page; if the reader should "
            f"really switch language, mark the link with {{hreflang={there}}} after it.",
            f"Liên kết tới bản {lang_name(here, 'vi')} của trang; nếu thật sự muốn chuyển ngôn "
            f"ngữ, thêm {{hreflang={there}}} ngay sau liên kết.",
        ),
    )


def _missing_page(project: Project, index: SourceIndex, group: _Group) -> str | None:
    """The page a broken link leads to when the source language has no such page (it was
    deleted or renamed): every place that still points at it is then one cause."""
    if group.rule != BROKEN_LINK:
        return None
    written = _markdown_target(project, group)
    target = group.target.split("#", 1)[0]
    _lang, rest = split_language(project, target)
    if written:
        rest = written[1]
    if rest.endswith(".md"):
        candidates: tuple[str, ...] = (rest,)
    else:
        candidates = md_candidates(rest if rest.endswith("index.html") else rest + "index.html")
    source = index.files.get(project.source_code, frozenset())
    if not candidates or any(c in source for c in candidates):
        return None
    return candidates[0]


def link_findings(project: Project, scan: SiteScan, index: SourceIndex) -> list[Finding]:
    """Findings for every issue of the scan, grouped by the line that wrote them."""
    resolver = Resolver(scan.files, project.site_url)
    sources = SourceMap(project, resolver)
    groups: dict[tuple[str, int, str, int, str], _Group] = {}

    def add(origin: Origin, rule: str, ref: Ref, target: str, page: str) -> None:
        # A line of Markdown built into several languages is one mistake, reported once.
        where = (origin.col, "") if origin.kind == "markdown" else (0, target)
        key = (origin.path, origin.line, rule, *where)
        group = groups.setdefault(key, _Group(origin, rule, ref, target, page))
        group.pages.add(page)

    located: dict[str, BuiltPage] = {}
    for path in sorted(scan.pages):
        page = scan.pages[path]
        for rule, ref, target in page.issues:
            built = located.setdefault(path, index.locate(path))
            for origin in sources.origins(built, ref, target):
                add(origin, rule, ref, target, path)
    for css, issues in scan.stylesheets.items():
        for rule, ref, target in issues:
            add(stylesheet_origin(project, css, ref.line), rule, ref, target, css)

    findings = []
    for group in groups.values():
        anchors = heading_ids(project, index, group.target) if group.rule == BROKEN_ANCHOR else None
        message, hint = _message(project, index, group, anchors, scan.files)
        pages = sorted(group.pages)
        extra: dict[str, object] = {"url": group.ref.url, "target": group.target, "pages": pages}
        missing = _missing_page(project, index, group)
        if missing:
            extra["missing_page"] = missing
        if group.origin.kind == "generated":
            extra[GENERATED] = True  # drawn by a directive from data, not written on the page
        if group.rule == BROKEN_LINK:
            # MkDocs' warning that the same link names no .md file says less than this one.
            place = {"path": group.origin.path, "line": group.origin.line, "url": group.ref.url}
            extra[EXPLAINS] = [explains(NOT_TO_MD, **place)]
        findings.append(
            Finding(
                path=group.origin.path,
                line=group.origin.line,
                col=group.origin.col,
                rule=group.rule,
                message=message,
                hint=hint,
                extra=extra,
            )
        )
    return sorted(findings, key=sort_key)
