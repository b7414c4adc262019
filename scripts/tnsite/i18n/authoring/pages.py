"""The page as a whole: its ids, title, headings, description and text.

- duplicate-id: a heading id written twice (Markdown renames the second `visiting_1`);
- heading-id: a heading id written with a space (`{#gia ve}`: the page gets the id `gia` and an
  attribute `ve` no browser knows) or with none (`{#}`);
- duplicate-title: two pages of one language with the same title (a copied page whose title
  was not changed: two identical entries in the menu, the search results and the tab);
- unwritten-page: a page with nothing but its title, or with the stand-in sentences `make new`
  puts in its text and description;
- heading-order: a second `#` title, or a heading more than one level below the one before it
  (`##` then `####`): screen readers navigate by these levels;
- front-matter: a `{{ … }}` in the title or description, which are plain text;
- title-length (warning): a title longer than search results and browser tabs show.
"""

from __future__ import annotations

import re

from tnsite.alternates import page_address
from tnsite.explains import BROKEN_ANCHOR, EXPLAINS, STALE_TRANSLATION, explains
from tnsite.findings import Finding, Msg, Severity
from tnsite.i18n.authoring.common import readable, title_of
from tnsite.i18n.model import Model, PageDoc
from tnsite.i18n.scaffold import PLACEHOLDER, PLACEHOLDER_DESCRIPTION
from tnsite.i18n.textlang import display_width, visible_length
from tnsite.mdsource import Source
from tnsite.sourcedate import SourceDates
from tnsite.text import INVISIBLE, closest

DUPLICATE_ID = "duplicate-id"
DUPLICATE_TITLE = "duplicate-title"
UNWRITTEN = "unwritten-page"
HEADING_ORDER = "heading-order"
FRONT_MATTER = "front-matter"
TITLE_LENGTH = "title-length"
DESCRIPTION_LENGTH = "description-length"
TITLE_MAX = 70  # characters a search result or a tab shows, give or take
DESCRIPTION_SHOWN = 160  # characters a search result shows of a description
# Longer than a search result shows, by a margin: a summary a little long is cut gracefully,
# a pasted paragraph is not a description.
DESCRIPTION_MAX = 200
HEADING_LINE = re.compile(r"^#{1,6}")
HEADING_ID = "heading-id"
DESCRIPTION_MARKUP = "description-markup"
# `{#id .class key=value}` at the end of a heading; what attr_list reads as one attribute.
HEADING_ATTRS = re.compile(r"^#{1,6}.*?(\{:?[ \t]*(#[^{}]*)\})[ \t]*$")
UNCLOSED_ATTRS = re.compile(r"^#{1,6}.*?(\{:?[ \t]*[#.][^{}]*)$")
ATTR_TOKEN = re.compile(r"""#[^\s#.={}]+|\.[^\s#.={}]+|[\w-]+=(?:"[^"]*"|'[^']*'|[^\s{}]+)""")


def heading_ids(model: Model) -> list[Finding]:
    """An id is one word: `{#gia ve}` gives the heading the id `gia` (links to #gia-ve find
    nothing) and the page an attribute no browser knows."""
    findings: list[Finding] = []
    for doc in readable(model):
        for number, line in Source.of(doc.text).prose_lines():
            opened = UNCLOSED_ATTRS.match(line)
            if opened:
                findings.append(_unclosed_attrs(model, doc, number, opened))
                continue
            match = HEADING_ATTRS.match(line)
            if not match:
                continue
            left = ATTR_TOKEN.sub(" ", match.group(2)).split()
            hidden = [c for c in match.group(2) if c in INVISIBLE]
            if hidden:
                findings.append(_hidden_in_id(model, doc, number, match, hidden))
                continue
            if not left and ATTR_TOKEN.match(match.group(2)):
                continue
            words = match.group(2).lstrip("#").split()
            meant = "-".join(word for word in words if "=" not in word and word[0] not in ".#")
            findings.append(
                Finding(
                    doc.rel,
                    number,
                    HEADING_ID,
                    Msg(
                        f"the heading id {match.group(1)} is not one word: links to it would "
                        "find nothing",
                        f"id tiêu đề {match.group(1)} không phải một từ liền: liên kết tới nó sẽ "
                        "không tìm thấy gì",
                    ),
                    Severity.ERROR,
                    match.start(1) + 1,
                    Msg(
                        f"write {{#{meant}}}: lower-case letters without accents, digits and "
                        "hyphens, no spaces",
                        f"viết {{#{meant}}}: chữ thường không dấu, chữ số và dấu gạch ngang, "
                        "không có dấu cách",
                    )
                    if meant
                    else Msg(
                        "write the id after # without a space, e.g. {#gia-ve}",
                        "viết id ngay sau dấu #, không có dấu cách, ví dụ {#gia-ve}",
                    ),
                    extra={EXPLAINS: [explains(BROKEN_ANCHOR, path=doc.rel)]},
                )
            )
    return findings


def _unclosed_attrs(model: Model, doc: PageDoc, number: int, opened: re.Match[str]) -> Finding:
    """`## Cáp treo {#cable-car` without its `}`: the page shows `{#cable-car` in the heading,
    and the heading has no id."""
    written = opened.group(1).rstrip()
    ident = written.lstrip("{:").split()[0].lstrip("#")
    address = page_address(model.project, doc.lang, doc.path) + "index.html"
    return Finding(
        doc.rel,
        number,
        HEADING_ID,
        Msg(
            f"`{written}` is not closed: the heading would show it as text and have no id",
            f"`{written}` chưa đóng: tiêu đề sẽ hiện nó thành chữ và không có id",
        ),
        Severity.ERROR,
        opened.start(1) + 1,
        Msg(f"write {written}}}", f"viết {written}}}"),
        # links to the id, from this page's language, find nothing for this reason alone
        extra={EXPLAINS: [explains(BROKEN_ANCHOR, target=address, url_has=ident)]} if ident else {},
    )


def _hidden_in_id(
    model: Model, doc: PageDoc, number: int, match: re.Match[str], hidden: list[str]
) -> Finding:
    """An id with an invisible character in it (pasted from a chat or a word processor) looks
    right and is another id: links to it find nothing, and the translations seem to lack it."""
    written = match.group(2).split()[0]
    meant = "".join(c for c in written if c not in INVISIBLE)
    names = ", ".join(sorted({INVISIBLE[c] for c in hidden}))
    address = page_address(model.project, doc.lang, doc.path) + "index.html"
    return Finding(
        doc.rel,
        number,
        HEADING_ID,
        Msg(
            f"the heading id {{{meant}}} has an invisible character in it ({names}): links to "
            f"{meant} find nothing",
            f"id tiêu đề {{{meant}}} có ký tự vô hình bên trong ({names}): liên kết tới {meant} "
            "sẽ không tìm thấy gì",
        ),
        Severity.ERROR,
        match.start(1) + 1,
        Msg(
            f"delete {{{meant}}} and type it again: {{{meant}}}",
            f"xóa {{{meant}}} rồi gõ lại: {{{meant}}}",
        ),
        extra={EXPLAINS: [explains(BROKEN_ANCHOR, target=address, url_has=meant)]},
    )


def duplicate_ids(model: Model) -> list[Finding]:
    """Links to the second heading land on the first, and translations are asked to copy an id
    nobody wrote."""
    findings: list[Finding] = []
    for doc in readable(model):
        lines = {heading.key: heading.line for heading in reversed(doc.scan.headings)}
        for heading in doc.scan.headings:
            if not heading.explicit or heading.key == heading.written:
                continue
            earlier = lines.get(heading.written, heading.line)
            findings.append(
                Finding(
                    doc.rel,
                    heading.line,
                    DUPLICATE_ID,
                    Msg(
                        f"the heading id `{heading.written}` is already used on line {earlier}",
                        f"id tiêu đề `{heading.written}` đã dùng ở dòng {earlier}",
                    ),
                    Severity.ERROR,
                    hint=Msg(
                        "give this heading an id of its own: {#…} after it, lower-case "
                        "letters, digits and hyphens",
                        "đặt cho tiêu đề này một id riêng: {#…} sau tiêu đề, chữ thường "
                        "không dấu, chữ số và dấu gạch ngang",
                    ),
                )
            )
    return findings


def duplicate_titles(model: Model) -> list[Finding]:
    """One finding per page that repeats the title of another page of its language, at its
    `title:` line, naming the page it repeats. Of two such pages one is usually a copy of the
    other: the older one (by its last commit, a file not committed yet being the newest) keeps
    the title and the newer one gets the finding."""
    findings: list[Finding] = []
    dates = SourceDates(model.project.root)
    for pages in model.pages.values():
        groups: dict[str, list[PageDoc]] = {}
        for doc in pages.values():
            if not doc.fm.error and title_of(doc):
                groups.setdefault(title_of(doc).casefold(), []).append(doc)
        for group in groups.values():
            if len(group) < 2:
                continue
            group.sort(key=lambda d: (dates.changed(model.project.root / d.rel), d.path))
            first = group[0]
            where = f"{first.rel}:{first.fm.line_of('title')}"
            for doc in group[1:]:
                title = title_of(doc)
                findings.append(
                    Finding(
                        doc.rel,
                        doc.fm.line_of("title"),
                        DUPLICATE_TITLE,
                        Msg(
                            f"the title '{title}' is already the title of {where}",
                            f"tiêu đề '{title}' trùng với tiêu đề của {where}",
                        ),
                        Severity.ERROR,
                        hint=Msg(
                            "give each page a title of its own (the menu, the search results "
                            "and the browser tab would show two identical entries)",
                            "đặt cho mỗi trang một tiêu đề riêng (nếu không, menu, kết quả tìm "
                            "kiếm và thẻ trình duyệt hiện hai mục giống hệt nhau)",
                        ),
                    )
                )
    return findings


def unwritten_pages(model: Model) -> list[Finding]:
    """A page made by `make new` builds at once so the editor can preview it; it is not
    published until the sentence standing in for its text is replaced."""
    findings: list[Finding] = []
    for doc in readable(model):
        source = Source.of(doc.text)
        written = [(number, line) for number, line in source.prose_lines() if line.strip()]
        if not [line for _n, line in written if not HEADING_LINE.match(line)]:
            findings.append(
                Finding(
                    doc.rel,
                    written[-1][0] if written else source.body_line,
                    UNWRITTEN,
                    Msg("the page has no text", "trang chưa có nội dung"),
                    Severity.ERROR,
                    hint=Msg(
                        "write the page's text under its title",
                        "viết nội dung trang dưới tiêu đề",
                    ),
                )
            )
            continue
        stand_ins = [number for number, line in written if line.strip() == PLACEHOLDER]
        described = doc.meta.get("description") != PLACEHOLDER_DESCRIPTION
        also = doc.fm.line_of("description")
        if stand_ins:
            # One page left as `make new` made it: one finding, naming both lines to write.
            findings.append(
                Finding(
                    doc.rel,
                    stand_ins[0],
                    UNWRITTEN,
                    Msg(
                        f"the page still has the sentence `make new` put in it: '{PLACEHOLDER}'",
                        f"trang vẫn còn câu mẫu do `make new` tạo: '{PLACEHOLDER}'",
                    ),
                    Severity.ERROR,
                    hint=Msg(
                        "write the page's text in place of this line"
                        + ("" if described else f", and its description on line {also}"),
                        "viết nội dung của trang thay cho dòng này"
                        + ("" if described else f", và phần mô tả ở dòng {also}"),
                    ),
                )
            )
        elif not described:
            findings.append(
                Finding(
                    doc.rel,
                    also,
                    UNWRITTEN,
                    Msg(
                        "the description is still the sentence `make new` put in it",
                        "phần mô tả vẫn là câu mẫu do `make new` tạo",
                    ),
                    Severity.ERROR,
                    hint=Msg(
                        "describe the page in one or two sentences (about 120–160 characters): "
                        "search engines and link previews show them",
                        "mô tả trang trong một hai câu (khoảng 120–160 ký tự): công cụ tìm kiếm "
                        "và bản xem trước liên kết hiện câu này",
                    ),
                )
            )
    return findings


def heading_order(model: Model) -> list[Finding]:
    findings: list[Finding] = []
    for doc in readable(model):
        previous = 0
        first_title: int | None = None
        for heading in doc.scan.headings:
            if heading.level == 1 and first_title is not None:
                message = Msg(
                    f"a second page title (`#`): the first is on line {first_title}",
                    f"tiêu đề trang (`#`) thứ hai: tiêu đề đầu ở dòng {first_title}",
                )
                hint = Msg("make it a section heading: `##`", "đổi thành tiêu đề mục: `##`")
            elif previous and heading.level > previous + 1:
                wanted = "#" * (previous + 1)
                message = Msg(
                    f"this heading skips from level {previous} to {heading.level}",
                    f"tiêu đề này nhảy từ cấp {previous} xuống cấp {heading.level}",
                )
                hint = Msg(
                    f"write it `{wanted}` (screen readers move through a page by these levels)",
                    f"viết `{wanted}` (trình đọc màn hình đi qua trang theo các cấp này)",
                )
            else:
                if heading.level == 1:
                    first_title = heading.line
                previous = heading.level
                continue
            previous = heading.level
            findings.append(
                Finding(doc.rel, heading.line, HEADING_ORDER, message, Severity.ERROR, hint=hint)
            )
    return findings


# The front matter keys something reads: the site's own, and Material's for a page.
PAGE_KEYS = ("title", "description", "date", "translation")
THEME_KEYS = ("hide", "icon", "status", "subtitle", "template", "search", "tags", "social")
FRONT_MATTER_KEY = "front-matter-key"


def unknown_keys(model: Model) -> list[Finding]:
    """A key nothing reads (`ngay_su_kien:`, `tittle:` beside `title:`) does nothing: the
    editor believes the page says what it does not."""
    findings: list[Finding] = []
    known = PAGE_KEYS + THEME_KEYS
    for doc in readable(model):
        data = doc.fm.data if isinstance(doc.fm.data, dict) else {}
        for key in data:
            if not isinstance(key, str) or key in known:
                continue
            required = closest(key, list(PAGE_KEYS))
            if key.lower() in known or (required and required not in data):
                continue  # a required key misspelt: the schema's finding names it
            guess = closest(key, list(known))
            findings.append(
                Finding(
                    doc.rel,
                    doc.fm.line_of(key),
                    FRONT_MATTER_KEY,
                    Msg(
                        f"`{key}:` is not read by the site: it changes nothing on the page",
                        f"`{key}:` không được trang web đọc: nó không thay đổi gì trên trang",
                    ),
                    Severity.WARNING,
                    hint=Msg(
                        (f"did you mean `{guess}:`? " if guess else "")
                        + f"a page's front matter has {', '.join(PAGE_KEYS)}; remove this line",
                        (f"có phải `{guess}:`? " if guess else "")
                        + f"phần thông tin đầu trang gồm {', '.join(PAGE_KEYS)}; hãy xóa dòng này",
                    ),
                )
            )
    return findings


def plain_front_matter(model: Model) -> list[Finding]:
    """The title and description go into the tab, the menu, search results and link previews
    as they are written: a `{{ … }}` there is never drawn."""
    findings: list[Finding] = []
    for doc in readable(model):
        for key in ("title", "description"):
            value = doc.meta.get(key)
            if isinstance(value, str) and ("{{" in value or "}}" in value):
                findings.append(
                    Finding(
                        doc.rel,
                        doc.fm.line_of(key),
                        FRONT_MATTER,
                        Msg(
                            f"`{key}` is plain text: a {{{{ … }}}} there would be shown as it is "
                            "written (in the browser tab, search results and link previews)",
                            f"`{key}` chỉ là chữ: {{{{ … }}}} ở đây sẽ hiện nguyên như đã viết "
                            "(trên thẻ trình duyệt, kết quả tìm kiếm và bản xem trước liên kết)",
                        ),
                        Severity.ERROR,
                        hint=Msg(
                            f"write `{key}` without the figure; the page's text can show it",
                            f"viết `{key}` không kèm số liệu; phần nội dung trang có thể hiện số "
                            "đó",
                        ),
                    )
                )
    return findings


def title_lengths(model: Model) -> list[Finding]:
    return [
        finding
        for doc in readable(model)
        if (finding := _too_long(doc, "title", title_of(doc), TITLE_MAX, TITLE_MAX)) is not None
    ]


def description_lengths(model: Model) -> list[Finding]:
    """A description longer than a search result shows, or with markup shown as written."""
    findings: list[Finding] = []
    for doc in readable(model):
        text = doc.fm.data.get("description")
        if not isinstance(text, str):
            continue
        for found in (
            _too_long(doc, "description", text, DESCRIPTION_MAX, DESCRIPTION_SHOWN),
            _marked_up(doc, text),
        ):
            if found is not None:
                findings.append(found)
    return findings


MARKUP = re.compile(r"\[[^\]]*\]\([^)]*\)|\*\*[^*]+\*\*|`[^`]+`|<[a-z][^>]*>", re.I)


def _marked_up(doc: PageDoc, text: str) -> Finding | None:
    """A description is shown as written (in search results, link previews, the feed): a
    Markdown link or bold in it shows its brackets and stars."""
    found = MARKUP.search(text)
    if found is None:
        return None
    plain = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", found.group(0)).strip("*`")
    plain = re.sub(r"<[^>]*>", "", plain)
    return Finding(
        doc.rel,
        doc.fm.line_of("description"),
        DESCRIPTION_MARKUP,
        Msg(
            f"the description is shown as written, so `{found.group(0)}` would appear with its "
            "signs in search results, link previews and the feed",
            f"phần mô tả được hiện nguyên văn, nên `{found.group(0)}` sẽ hiện cả các ký hiệu "
            "trong kết quả tìm kiếm, khung xem trước liên kết và bản tin RSS",
        ),
        Severity.WARNING,
        hint=Msg(
            f"write plain text: {plain} (links go in the page itself)",
            f"viết chữ thường: {plain} (liên kết đặt trong nội dung trang)",
        ),
    )


LENGTH_TEXTS = {
    "title": (
        TITLE_LENGTH,
        Msg("the title", "tiêu đề"),
        Msg(
            "search results and browser tabs cut it after about",
            "kết quả tìm kiếm và thẻ trình duyệt cắt bớt sau khoảng",
        ),
        Msg(
            "shorten it; the page's first paragraph can say the rest",
            "rút gọn tiêu đề; phần còn lại có thể viết ở đoạn đầu của trang",
        ),
    ),
    "description": (
        DESCRIPTION_LENGTH,
        Msg("the description", "phần mô tả"),
        Msg(
            "search results and link previews show about",
            "kết quả tìm kiếm và khung xem trước liên kết chỉ hiện khoảng",
        ),
        Msg(
            "say what the page offers in one sentence; the page itself says the rest",
            "viết một câu nói trang có gì; phần còn lại để trong trang",
        ),
    ),
}


def _too_long(doc: PageDoc, field: str, text: str, limit: int, shown: int) -> Finding | None:
    """A title or description wider than a search result shows, by the room it takes (a
    Chinese character takes two letters' room), with its length as a reader counts it."""
    width = display_width(text)
    if width <= limit:
        return None
    rule, what, cut, hint = LENGTH_TEXTS[field]
    length = visible_length(text)
    wide = (
        Msg(f", as wide as {width} Latin letters", f", rộng bằng {width} chữ Latinh")
        if width != length
        else Msg("", "")
    )
    return Finding(
        doc.rel,
        doc.fm.line_of(field),
        rule,
        Msg(
            f"{what.en} has {length} characters{wide.en}: {cut.en} {shown}",
            f"{what.vi} dài {length} ký tự{wide.vi}: {cut.vi} {shown} ký tự",
        ),
        Severity.WARNING,
        hint=hint,
    )


EMPTY_PAGE = "empty-page"


def empty_pages(model: Model) -> list[Finding]:
    """A page file with nothing in it (emptied by mistake, or saved before it was written):
    one finding, not "no title", "no text" and a changed source for every translation."""
    findings: list[Finding] = []
    for lang, pages in model.pages.items():
        for doc in pages.values():
            if doc.text.strip():
                continue
            source = lang == model.source_code
            findings.append(
                Finding(
                    doc.rel,
                    1,
                    EMPTY_PAGE,
                    Msg("this page file is empty", "tệp trang này đang trống"),
                    Severity.ERROR,
                    hint=Msg(
                        "undo the change that emptied it, or delete the page with "
                        f"`make delete PAGE={doc.path}`",
                        "hoàn tác thay đổi đã xóa trắng tệp, hoặc xóa trang bằng "
                        f"`make delete PAGE={doc.path}`",
                    )
                    if source
                    else Msg(
                        "undo the change that emptied it, or delete the file: the source page is "
                        "then shown with a notice",
                        "hoàn tác thay đổi đã xóa trắng tệp, hoặc xóa tệp: khi đó khách xem trang "
                        "gốc kèm thông báo",
                    ),
                    extra={
                        EXPLAINS: [
                            explains(FRONT_MATTER, UNWRITTEN, path=doc.rel),
                            explains(STALE_TRANSLATION, source=doc.rel),
                        ]
                    },
                )
            )
    return findings
