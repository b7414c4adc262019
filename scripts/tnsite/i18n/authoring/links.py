"""Link addresses Markdown takes as written and the visitor cannot follow.

- local-link: a link copied from the preview (`http://127.0.0.1:8000/…`) or a file's path on
  the editor's computer (`C:\\Users\\…`), which lead nowhere for a visitor;
- backslash-link: a path written with Windows' `\\` (Markdown takes `\\.` for an escaped dot:
  `..\\..\\x.md` reaches the page as `....\\x.md`);
- link-space: a link whose address holds a space (Markdown cuts it there) or an invisible
  character (a zero-width space pasted with it: the address leads nowhere);
- own-site-link: a page of this site linked by its full address (`https://…/du-lich/le-hoi/`),
  which no check follows and every translation keeps in this language;
- link-scheme: `mail:` or `email:` for `mailto:` (the browser opens nothing);
- link-form: a link Markdown does not read as one (`[x]()`, `[x] (a.md)`, `[x][undefined]`);
- bare-url: a web address written as plain text (`https://…`, `www.…`), which the page shows as
  text a visitor cannot tap.
"""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urlsplit

from tnsite.explains import (
    BROKEN_LINK,
    CROSS_LANGUAGE,
    EXPLAINS,
    HREFLANG_MISMATCH,
    MISSING_ASSET,
    PUBLICATION,
    explains,
)
from tnsite.findings import Finding, Msg, Severity
from tnsite.i18n.authoring.common import readable
from tnsite.i18n.model import Model
from tnsite.mdsource import Source
from tnsite.slugs import slugify
from tnsite.text import INVISIBLE
from tnsite.urls import md_link_for

LOCAL_LINK = "local-link"
BACKSLASH_LINK = "backslash-link"
LINK_SPACE = "link-space"
LINK_SCHEME = "link-scheme"
OWN_SITE = "own-site-link"
BARE_URL = "bare-url"
CHOSEN_LANGUAGE = re.compile(r"^\)\{[^}]*\bhreflang=")
MISTYPED_MAIL = {"mail", "email", "e-mail", "maito", "mailo", "malto"}
LOCAL_HOSTS = {"localhost", "127.0.0.1", "0.0.0.0", "::1"}
# `C:\Users\…`, `D:/Ảnh/…`, `file:///…`: a path on the editor's own computer.
ON_THIS_COMPUTER = re.compile(r"^(?:[A-Za-z]:[\\/]|file:)", re.I)
# `[text](address with spaces)`: what follows the first space is not a "title" in quotes.
SPACED_LINK = re.compile(r"\]\(\s*(?P<dest>[^\s()<>]+)\s+(?P<rest>[^\s\"'(][^)\n]*)\)")


def unreachable_addresses(model: Model) -> list[Finding]:
    findings: list[Finding] = []
    site_url = model.project.site_url
    prefixes = sorted(
        (lang.url_prefix for lang in model.project.languages if lang.url_prefix), key=len
    )
    for doc in readable(model):
        source = Source.of(doc.text)
        for link in source.links:
            if site_url != "/" and link.dest.startswith(site_url):
                after = source.lines[link.line - 1][link.col - 1 + len(link.dest) :]
                if not CHOSEN_LANGUAGE.match(
                    after
                ):  # `{hreflang=vi}`: another language, on purpose
                    findings.append(
                        _own_site(model, doc.rel, link.line, link.col, link.dest, prefixes)
                    )
                continue
            if ON_THIS_COMPUTER.match(link.dest):
                # A path with spaces (`C:\\Ảnh\\Núi Bà Đen.jpg`) is cut at the first by Markdown.
                spaced = SPACED_LINK.match(source.lines[link.line - 1], link.col - 3)
                written = f"{spaced['dest']} {spaced['rest']}" if spaced else link.dest
                name = re.split(r"[\\/]", written)[-1]
                stem, _, ext = name.rpartition(".")
                slug = slugify(stem or ext)
                copied = f"{slug}.{ext.lower()}" if stem else slug
                findings.append(
                    Finding(
                        doc.rel,
                        link.line,
                        LOCAL_LINK,
                        Msg(
                            f"'{written}' is a file on this computer: visitors cannot open it",
                            f"'{written}' là một tệp trên máy tính này: khách không mở được",
                        ),
                        Severity.ERROR,
                        col=link.col,
                        hint=_page_on_this_computer(model.project.root, doc.rel, written)
                        or Msg(
                            f"copy the file into assets/photos/ as {copied}, describe it in "
                            f"assets/photos/manifest.yml and show it with {{{{ photo {slug} }}}}",
                            f"chép tệp vào assets/photos/ với tên {copied}, mô tả ảnh trong "
                            f"assets/photos/manifest.yml rồi đặt {{{{ photo {slug} }}}} vào trang",
                        ),
                        # Where it then leads, and the print that cannot load it, is this again.
                        extra={
                            "url": link.dest,
                            EXPLAINS: [
                                explains(
                                    BROKEN_LINK,
                                    MISSING_ASSET,
                                    PUBLICATION,
                                    path=doc.rel,
                                    line=link.line,
                                )
                            ],
                        },
                    )
                )
                continue
            scheme = urlsplit(link.dest).scheme.lower()
            if scheme in MISTYPED_MAIL:
                better = "mailto:" + link.dest.split(":", 1)[1].strip()
                findings.append(
                    Finding(
                        doc.rel,
                        link.line,
                        LINK_SCHEME,
                        Msg(
                            f"'{link.dest}' is not an address a browser opens",
                            f"'{link.dest}' không phải địa chỉ trình duyệt mở được",
                        ),
                        Severity.ERROR,
                        col=link.col,
                        hint=Msg(f"did you mean {better}?", f"có phải {better}?"),
                    )
                )
                continue
            hidden = next((i for i, char in enumerate(link.dest) if char in INVISIBLE), None)
            if hidden is not None:
                findings.append(
                    _invisible_in_address(doc.rel, link.line, link.col, link.dest, hidden)
                )
                continue
            if "\\" in link.dest and not urlsplit(link.dest).scheme:
                better = link.dest.replace("\\", "/")
                findings.append(
                    Finding(
                        doc.rel,
                        link.line,
                        BACKSLASH_LINK,
                        Msg(
                            f"the link '{link.dest}' separates folders with `\\`",
                            f"liên kết '{link.dest}' ngăn cách thư mục bằng dấu `\\`",
                        ),
                        Severity.ERROR,
                        col=link.col,
                        hint=Msg(f"write {better}", f"viết {better}"),
                        # The built page's link, unescaped by Markdown, then leads nowhere.
                        extra={
                            "url": link.dest,
                            EXPLAINS: [explains(BROKEN_LINK, path=doc.rel, url_has="\\")],
                        },
                    )
                )
                continue
            parts = urlsplit(link.dest)
            if parts.scheme not in ("http", "https") or parts.hostname not in LOCAL_HOSTS:
                continue
            findings.append(
                Finding(
                    doc.rel,
                    link.line,
                    LOCAL_LINK,
                    Msg(
                        f"'{link.dest}' is the preview on this computer: visitors cannot open it",
                        f"'{link.dest}' là bản xem trước trên máy này: khách không mở được",
                    ),
                    Severity.ERROR,
                    col=link.col,
                    hint=Msg(
                        "link to the page's Markdown file instead, e.g. ../du-lich/le-hoi.md",
                        "hãy liên kết tới tệp Markdown của trang, ví dụ ../du-lich/le-hoi.md",
                    ),
                )
            )
    return findings


def _invisible_in_address(rel: str, line: int, col: int, dest: str, at: int) -> Finding:
    """An address pasted with a character no one sees: it looks right and leads nowhere."""
    name = INVISIBLE[dest[at]]
    shown = "".join(char for char in dest if char not in INVISIBLE)
    before = shown[:at] or shown
    return Finding(
        rel,
        line,
        LINK_SPACE,
        Msg(
            f"the address '{shown}' holds an invisible character ({name}) after '{before}': "
            "the link would lead nowhere",
            f"địa chỉ '{shown}' có một ký tự vô hình ({name}) sau '{before}': liên kết sẽ "
            "không dẫn tới đâu",
        ),
        Severity.ERROR,
        col + at,
        Msg(
            f"delete the address and type it again: {shown}",
            f"xóa địa chỉ rồi gõ lại: {shown}",
        ),
        extra={EXPLAINS: [explains(BROKEN_LINK, path=rel, line=line)]},
    )


def spaced_links(model: Model) -> list[Finding]:
    findings: list[Finding] = []
    for doc in readable(model):
        for number, line in Source.of(doc.text).prose_lines():
            for match in SPACED_LINK.finditer(line):
                if ON_THIS_COMPUTER.match(match["dest"]):
                    continue  # local-link says what to do with a file on this computer
                written = f"{match['dest']} {match['rest']}"
                joined = "".join(written.split())
                hint = (
                    Msg(f"remove the spaces: {joined}", f"bỏ các dấu cách: {joined}")
                    if re.match(r"(?i)(?:mailto|tel):", written)
                    else Msg(
                        "write each space in the address as %20",
                        "viết mỗi dấu cách trong địa chỉ thành %20",
                    )
                )
                findings.append(
                    Finding(
                        doc.rel,
                        number,
                        LINK_SPACE,
                        Msg(
                            f"the address '{written}' has a space: the link would stop at it",
                            f"địa chỉ '{written}' có dấu cách: liên kết sẽ bị cắt tại đó",
                        ),
                        Severity.ERROR,
                        col=match.start("dest") + 1,
                        hint=hint,
                        # The address cut at the space leads nowhere: this mistake again.
                        extra={EXPLAINS: [explains(BROKEN_LINK, path=doc.rel, line=number)]},
                    )
                )
    return findings


LINK_FORM = "link-form"
LINK_FORMS = {
    "empty": (
        Msg(
            "{text} has no address: the page would show a link to itself",
            "{text} không có địa chỉ: trang sẽ hiện một liên kết dẫn về chính nó",
        ),
        Msg(
            "write the address in the brackets, e.g. [text](le-hoi.md), or remove the brackets",
            "viết địa chỉ vào trong ngoặc, ví dụ [chữ](le-hoi.md), hoặc bỏ các dấu ngoặc",
        ),
    ),
    "spaced": (
        Msg(
            "{text} has a space between `]` and `(`: the page would show it as written, not as "
            "a link",
            "{text} có dấu cách giữa `]` và `(`: trang sẽ hiện nguyên văn, không thành liên kết",
        ),
        Msg("write {joined}", "viết liền: {joined}"),
    ),
    "undefined": (
        Msg(
            "{text} names an address the page does not define: the page would show it as written",
            "{text} dùng một tên địa chỉ mà trang không có: trang sẽ hiện nguyên văn",
        ),
        Msg(
            "write the address in round brackets, e.g. [text](le-hoi.md), or add a line "
            "`[name]: address` at the end of the page",
            "viết địa chỉ trong ngoặc tròn, ví dụ [chữ](le-hoi.md), hoặc thêm dòng "
            "`[tên]: địa-chỉ` ở cuối trang",
        ),
    ),
}


def link_forms(model: Model) -> list[Finding]:
    """Links Markdown does not read as links (see `Source.link_forms`)."""
    findings: list[Finding] = []
    for doc in readable(model):
        for line, col, kind, text in Source.of(doc.text).link_forms:
            message, hint = LINK_FORMS[kind]
            joined = re.sub(r"\]\s+\(", "](", text)
            findings.append(
                Finding(
                    doc.rel,
                    line,
                    LINK_FORM,
                    Msg(message.en.format(text=text), message.vi.format(text=text)),
                    Severity.ERROR,
                    col,
                    Msg(hint.en.format(joined=joined), hint.vi.format(joined=joined)),
                )
            )
    return findings


def bare_urls(model: Model) -> list[Finding]:
    """Web addresses written as text: a warning, since the page still reads, but a visitor on a
    phone has to copy the address by hand."""
    findings: list[Finding] = []
    for doc in readable(model):
        for line, col, url in Source.of(doc.text).bare_urls:
            full = url if "://" in url else f"https://{url}"
            findings.append(
                Finding(
                    doc.rel,
                    line,
                    BARE_URL,
                    Msg(
                        f"'{url}' is written as text, not as a link: a visitor cannot tap it",
                        f"'{url}' được viết như chữ thường, không thành liên kết: người xem "
                        "không bấm vào được",
                    ),
                    Severity.WARNING,
                    col,
                    Msg(
                        f"write <{full}>, or [the site's name]({full})",
                        f"viết <{full}>, hoặc [tên trang web]({full})",
                    ),
                )
            )
    return findings


def _page_on_this_computer(root: Path, origin: str, written: str) -> Msg | None:
    """A page of this project linked by its path on the editor's computer: the relative link."""
    path = "/" + re.sub(r"^(?:[A-Za-z]:|file:)", "", written.replace("\\", "/")).lstrip("/")
    meant = md_link_for(path, origin, lambda rel: (root / rel).is_file())
    if not meant or not path.lower().endswith(".md"):
        return None
    return Msg(
        f"link to the page's file: write {meant}", f"hãy liên kết tới tệp của trang: viết {meant}"
    )


def _own_site(
    model: Model, rel: str, line: int, col: int, url: str, prefixes: list[str]
) -> Finding:
    """A page of this site linked by its full address: on every other language's copy of the
    page it still leads to this language, and no check follows it to its page file."""
    project = model.project
    path = url[len(project.site_url) :]
    lang = project.source_code
    for prefix in reversed(prefixes):  # `en/…`: the page file is named the same in every folder
        if path.startswith(prefix):
            path = path[len(prefix) :]
            lang = next(lg.code for lg in project.languages if lg.url_prefix == prefix)
            break
    meant = md_link_for("/" + path, rel, lambda p: (project.root / p).is_file())
    here = rel.split("/")[1] if rel.count("/") > 1 else project.source_code
    if meant and lang != here:  # the reader is sent to another language on purpose
        meant = f"[…]({meant}){{hreflang={lang}}}"
    return Finding(
        rel,
        line,
        OWN_SITE,
        Msg(
            f"'{url}' is an address of this site written in full: it is not checked, and a "
            "translation of this page would still lead to this language",
            f"'{url}' là địa chỉ đầy đủ của chính trang web này: liên kết không được kiểm tra, và "
            "bản dịch của trang này vẫn dẫn về ngôn ngữ này",
        ),
        Severity.ERROR,
        col,
        Msg(f"write {meant}", f"viết {meant}")
        if meant
        else Msg(
            "link to the page's .md file by its relative path (e.g. ../du-lich/le-hoi.md)",
            "hãy liên kết tới tệp .md của trang bằng đường dẫn tương đối (ví dụ "
            "../du-lich/le-hoi.md)",
        ),
        extra={
            "url": url,
            EXPLAINS: [
                explains(CROSS_LANGUAGE, HREFLANG_MISMATCH, BROKEN_LINK, path=rel, line=line)
            ],
        },
    )
