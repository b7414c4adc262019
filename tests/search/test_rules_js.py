"""The word rules the browser applies (rules.js): the same folding as Python, Khmer queries
split into the index's words, and the query and result rewriting around Material."""

from __future__ import annotations

import re
import unicodedata

from tests.conftest import ROOT
from tests.search.jsrules import run_js
from tnsite.search.plugin import KHMER_WORDS
from tnsite.search.segment import WORD_BREAK, WordSegmenter, load_words
from tnsite.text import fold_latin, normalize_tone_marks, search_key

EDGE_WORDS = [
    "Tòa", "Toà", "TOÀ", "thuỷ", "thủy", "khoẻ", "hoạ", "Hoà.", "hoàng", "ngoài", "quỷ", "quà",
    "Đầu", "đường", "Mộc", "Bài", "ខ្មែរ", "ព្រំដែន", "ច្រកព្រំដែនអន្តរជាតិ", "Bavetបាវិត",
    "naïve", "café", "x\u0300", "",
]  # fmt: skip

KHMER_TEXT = (
    "ខេត្តតៃនិញមានច្រកព្រំដែនអន្តរជាតិចំនួនបួន។ ភ្នំបាដែនជាភ្នំខ្ពស់ជាងគេនៅភាគខាងត្បូងវៀតណាម "
    "ហើយមានខ្សែកាបឡើងដល់កំពូល។ ឧទ្យានជាតិឡូហ្គោ-សាម៉ាត់មានសត្វព្រៃនិងរុក្ខជាតិច្រើនប្រភេទ។ "
    "កសិកម្មបច្ចេកវិទ្យាខ្ពស់កំពុងរីកចម្រើនក្នុងខេត្ត។ កងកម្លាំងការពារព្រំដែននៃប្រទេសទាំងពីរ។"
)


def corpus_words() -> list[str]:
    """Every word of the Vietnamese and English pages, plus tricky cases, in NFC and NFD."""
    words = set(EDGE_WORDS)
    for lang in ("vi", "en"):
        for page in sorted((ROOT / "docs" / lang).rglob("*.md")):
            words.update(re.findall(r"\w+", page.read_text(encoding="utf-8")))
    words |= {unicodedata.normalize("NFD", w) for w in list(words)}
    return sorted(words)


def test_js_folding_and_tone_rules_equal_python_on_every_word() -> None:
    words = corpus_words()
    got = run_js(
        "return data.map(w => [rules.foldLatin(w), rules.normalizeToneMarks(w),"
        " rules.searchKey(w)])",
        words,
    )
    mismatches = [
        (w, g)
        for w, g in zip(words, got, strict=True)
        if g != [fold_latin(w), normalize_tone_marks(w), search_key(w)]
    ]
    assert not mismatches, mismatches[:10]
    assert len(words) > len(EDGE_WORDS)


def test_js_folding_keeps_khmer_vowel_signs_and_coeng() -> None:
    nfd = unicodedata.normalize("NFD", KHMER_TEXT)
    assert run_js("return [rules.foldLatin(data[0]), rules.foldLatin(data[1])]", [KHMER_TEXT, nfd])[
        0
    ] == unicodedata.normalize("NFC", KHMER_TEXT)
    mixed = "ច្រកព្រំដែន Mộc Bài – បាវិត"
    assert run_js("return rules.foldLatin(data)", mixed) == "ច្រកព្រំដែន Moc Bai – បាវិត"


def marked_docs(text: str) -> list[dict[str, str]]:
    segmenter = WordSegmenter(load_words(KHMER_WORDS))
    return [{"location": "", "title": "", "text": segmenter.mark(text)}]


def test_query_typed_without_spaces_is_split_like_the_index() -> None:
    """Each Khmer phrase of the index, typed without its word breaks, comes back as the words
    the build marked (the query is split with the index's own vocabulary)."""
    docs = marked_docs(KHMER_TEXT)
    runs = [r.strip(WORD_BREAK) for r in re.split(r"[\s។\-]+", docs[0]["text"])]
    runs = [r for r in runs if WORD_BREAK in r]
    got = run_js(
        "const v = rules.vocabulary(data.docs);"
        "return data.runs.map(r => v.split(r.split('\\u200b').join(''), false).map(p => p.text))",
        {"docs": docs, "runs": runs},
    )
    expected = [r.split(WORD_BREAK) for r in runs]
    agree = sum(g == e for g, e in zip(got, expected, strict=True))
    assert agree >= len(runs) - 1, list(zip(got, expected, strict=True))


def test_khmer_query_split_handles_prefixes_unknown_words_and_compounds() -> None:
    vocabulary = ["ខេត្ត", "តៃនិញ", "ច្រកព្រំដែន", "អន្តរជាតិ", "កង", "កម្លាំង", "កងកម្លាំង", "ការពារ"]
    got = run_js(
        """const v = new rules.Vocabulary(data);
        const show = parts => parts.map(p => p.text + (p.known ? '' : '?'));
        return {
          words: show(v.split('ខេត្តតៃនិញ', false)),
          typing: show(v.split('ច្រកព្រំដែនអន្ត', true)),
          typed: show(v.split('ច្រកព្រំដែនអន្ត', false)),
          unknown: show(v.split('សួស្តីខេត្ត', false)),
          parts: v.partsOf('កងកម្លាំង'),
          whole: v.partsOf('ខេត្ត')
        }""",
        vocabulary,
    )
    assert got == {
        "words": ["ខេត្ត", "តៃនិញ"],
        "typing": ["ច្រកព្រំដែន", "អន្ត"],  # the word being typed is a known beginning
        "typed": ["ច្រកព្រំដែន", "អន្ត?"],
        "unknown": ["សួស្តី?", "ខេត្ត"],  # unknown clusters stay together
        "parts": ["កង", "កម្លាំង"],  # a compound is also found by its parts
        "whole": [],
    }


def test_han_runs_are_matched_by_their_character_pairs() -> None:
    got = run_js(
        """const options = {separator: /[\\s\\u200b]+/, vocabulary: new rules.Vocabulary(data)};
        const q = s => rules.rewriteQuery(s, options).text;
        return {
          run: q('多式联运'),
          two: q('通关'),
          one: q('通'),
          mixed: q('FDI投资'),
          excluded: q('-通关'),
          join: rules.joinPair('通', '关', '\\u200b'),
          adjacent: rules.joinPair('物流', '中心', ''),
          apart: rules.joinPair('通', '关', '，'),
          latin: rules.joinPair('FDI', '投资', '')
        }""",
        ["通", "关", "投资"],
    )
    assert got == {
        "run": "+多\u2060式 +式\u2060联 +联\u2060运",  # every pair of the run, each required
        "two": "+通\u2060关",
        "one": "通",  # a single character: a word (or the start of one) being typed
        "mixed": "fdi +投\u2060资",
        "excluded": "-通\u2060关",
        "join": "通\u2060关",
        "adjacent": "流\u2060中",
        "apart": None,  # punctuation between: not a pair of the text
        "latin": None,
    }


REWRITE = """
const options = {
  separator: /[\\s\\u200b\\-,.]+/,
  vocabulary: new rules.Vocabulary(['ខេត្ត', 'តៃនិញ', 'ភ្នំ', 'បាដែន']),
  stem: data.stem ? (w => w.replace(/s$/, '')) : null
};
return rules.rewriteQuery(data.query, options).text
"""


def rewrite(query: str, stem: bool = False) -> str:
    return run_js(REWRITE, {"query": query, "stem": stem})


def test_unaccented_query_is_looked_up_folded() -> None:
    assert rewrite("toa thanh") == "toa thanh"


def test_accented_query_keeps_the_exact_form_first_in_either_tone_style() -> None:
    assert rewrite("Tòa Thánh") == "tòa toa thánh thanh"
    assert rewrite("Toà Thánh") == "tòa toa thánh thanh"
    assert rewrite(unicodedata.normalize("NFD", "Toà Thánh")) == "tòa toa thánh thanh"


def test_khmer_query_without_spaces_becomes_words() -> None:
    assert rewrite("ភ្នំបាដែនខេត្តតៃនិញ") == "ភ្នំ បាដែន ខេត្ត តៃនិញ"
    assert rewrite("Bavetភ្នំ") == "bavet ភ្នំ"


def test_query_syntax_is_kept() -> None:
    assert rewrite('"núi bà" -đen') == "+núi +bà -đen -den"
    assert rewrite("+Mộc") == "+mộc"


def test_stemmed_language_adds_the_stem() -> None:
    assert rewrite("parks", stem=True) == "parks park"
    assert rewrite("parks") == "parks"


def test_index_tokens_get_exact_folded_stemmed_and_compound_forms() -> None:
    got = run_js(
        """const v = new rules.Vocabulary(['កង', 'កម្លាំង', 'កងកម្លាំង']);
        const en = {stem: w => w.replace(/s$/, ''), vocabulary: v};
        const vi = {stem: null, vocabulary: v};
        return [rules.indexForms('toà', vi), rules.indexForms('parks', en),
                rules.indexForms('kangkong', vi), rules.indexForms('កងកម្លាំង', vi)]""",
    )
    assert got == [["tòa", "toa"], ["parks", "park"], ["kangkong"], ["កងកម្លាំង", "កង", "កម្លាំង"]]


def test_result_terms_name_the_visitors_words_and_the_words_found() -> None:
    """Material would list the folded form as matched and the exact one as missing; the
    result says instead which words of the query were found, as they are written."""
    got = run_js(
        """const q = rules.rewriteQuery('toa thanh den', {separator: /\\s+/, vocabulary: null});
        const item = {location: 'x/', title: '<mark>Tòa</mark> Thánh',
                      text: '<p><mark>Thánh</mark> &amp; co</p>',
                      terms: {toa: true, thanh: true, den: false}};
        return rules.rewriteResult({items: [[item]]}, q).items[0][0].terms""",
    )
    assert got == {"den": False, "Tòa": True, "Thánh": True}


def test_khmer_pages_typed_without_spaces_split_like_the_index() -> None:
    """On the site's own Khmer pages, at least 85 % of the phrases typed without word breaks
    are split exactly as the build split them (the rest differ where ICU's cut depends on
    the sentence around it; each word still matches as a prefix or a compound part)."""
    pages = sorted((ROOT / "docs" / "km").rglob("*.md"))
    if not pages:
        return
    text = "\n".join(p.read_text(encoding="utf-8") for p in pages)
    docs = marked_docs(text)
    runs = {
        r.strip(WORD_BREAK)
        for r in re.findall("[\u1780-\u17d3\u17dc\u17dd\u200b]+", docs[0]["text"])
        if WORD_BREAK in r.strip(WORD_BREAK)
    }
    runs_list = sorted(runs)
    got = run_js(
        "const v = rules.vocabulary(data.docs);"
        "return data.runs.map(r => v.split(r.split('\\u200b').join(''), false).map(p => p.text))",
        {"docs": docs, "runs": runs_list},
    )
    expected = [[w for w in r.split(WORD_BREAK) if w] for r in runs_list]
    agree = sum(g == e for g, e in zip(got, expected, strict=True))
    assert agree / len(runs_list) >= 0.85, f"{agree} of {len(runs_list)}"
