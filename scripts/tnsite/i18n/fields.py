"""A translation's title, description and headings left in another language.

These few words are what a visitor sees first and elsewhere: the browser tab, a search
result, a link shared in a chat, the page's contents. They are too short for the check of
paragraphs (tnsite.i18n.rules.untranslated, which needs a sentence or twenty letters), so a
translator who translated the text and kept the Vietnamese description got no word of it.
Names are written alike in every language ("Bình Hiệp", "RCEP"), so a short text is taken for
left untranslated only when it cannot be a name:

- on a page in a language with its own script (Khmer, Chinese): no letter of that script, and
  a word in lower case (a phrase, not a name: "Cáp treo", "Border gates"; a name or an acronym
  alone, "Tân Nam – Meun Chey", "ASEAN", is written alike in every language);
- on a page in a Latin-script language: the source's own words, with a lower-case word
  carrying a Vietnamese letter ("Lễ hội"), or a description that is a Vietnamese sentence.
"""

from __future__ import annotations

from collections.abc import Iterator

from tnsite.findings import Finding, Msg, Severity
from tnsite.i18n import textlang
from tnsite.i18n.markdown import ProseBlock
from tnsite.i18n.model import Model, PageDoc
from tnsite.i18n.names import lang_name

FIELDS = {
    "title": Msg("the title (`title`)", "tiêu đề (`title`)"),
    "description": Msg("the description (`description`)", "phần mô tả (`description`)"),
    "heading": Msg("this heading", "tiêu đề mục này"),
}
SHOWN = Msg(
    "Translate it: search results and link previews show it.",
    "Hãy dịch: kết quả tìm kiếm và khung xem trước liên kết hiện đúng dòng này.",
)
HEADING_HINT = Msg("Translate it.", "Hãy dịch.")


def untranslated_fields(model: Model) -> list[Finding]:
    findings: list[Finding] = []
    for code in model.project.translation_codes:
        script = textlang.expected_script(code)
        latin = script == textlang.expected_script(model.source_code)
        if latin and model.source_code != "vi":
            continue  # Vietnamese is what the Latin-script check recognises
        for doc in model.pages.get(code, {}).values():
            source = model.sources.get(doc.path)
            if doc.fm.error or source is None or source.fm.error:
                continue
            if not latin and textlang.script_share(doc.scan.prose, script) < textlang.SCRIPT_SHARE:
                continue  # the whole page is in another script: the one finding of the page
            for field, line, text, theirs in _fields(doc, source):
                if latin:
                    left = _vietnamese_left(field, text, theirs)
                else:
                    left = _other_script(text, script)
                if left:
                    findings.append(_finding(doc, code, field, line, text))
    return findings


def _fields(doc: PageDoc, source: PageDoc) -> Iterator[tuple[str, int, str, str]]:
    """(field, line, the translation's text, the source's text) of the title, the description
    and each heading the source has under the same id."""
    for field in ("title", "description"):
        value, theirs = doc.fm.data.get(field), source.fm.data.get(field)
        if isinstance(value, str) and value.strip():
            yield field, doc.fm.line_of(field), value.strip(), str(theirs or "").strip()
    headings = {h.key: h.text for h in source.scan.headings}
    for heading in doc.scan.headings:
        yield "heading", heading.line, heading.text, headings.get(heading.key, "")


def _lower_words(text: str) -> list[str]:
    return [w for w in textlang.WORD.findall(text) if w[0].islower()]


def _other_script(text: str, script: str) -> bool:
    if script in textlang.script_units(text):
        return False
    return any(textlang.script_units(w) == ("Latn",) for w in _lower_words(text))


def _vietnamese_left(field: str, text: str, source: str) -> bool:
    if text == source and any(textlang.has_vietnamese_letter(w) for w in _lower_words(text)):
        return True
    return field == "description" and bool(textlang.vietnamese_sentences([ProseBlock(1, text)]))


def _finding(doc: PageDoc, code: str, field: str, line: int, text: str) -> Finding:
    what = FIELDS[field]
    name_en, name_vi = lang_name(code, "en"), lang_name(code, "vi")
    shown = textlang.excerpt(text)
    return Finding(
        doc.rel,
        line,
        textlang.UNTRANSLATED,
        Msg(
            f"{what.en} is not in {name_en}: “{shown}”",
            f"{what.vi} chưa viết bằng {name_vi}: “{shown}”",
        ),
        Severity.WARNING,
        hint=HEADING_HINT if field == "heading" else SHOWN,
        extra={"field": field},
    )
