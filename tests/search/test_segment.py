"""Khmer word boundaries marked at build time (ICU's dictionary segmentation + a word list)."""

from __future__ import annotations

import unicodedata

from tnsite.search.plugin import KHMER_WORDS
from tnsite.search.segment import (
    UNSPACED_RUN,
    WORD_BREAK,
    WordSegmenter,
    icu_words,
    is_cluster_start,
    load_words,
    mark_word_boundaries,
)


def words(marked: str) -> list[str]:
    return marked.split(WORD_BREAK)


def test_icu_splits_running_khmer_into_words() -> None:
    assert icu_words("ច្រកព្រំដែនអន្តរជាតិ") == ["ច្រកព្រំដែន", "អន្តរជាតិ"]
    assert icu_words("ខេត្តមានច្រកព្រំដែន") == ["ខេត្ត", "មាន", "ច្រកព្រំដែន"]


def test_no_word_starts_inside_a_cluster() -> None:
    """Vowel signs and the coeng stay with their consonant: every word starts a cluster."""
    text = "កសិកម្មបច្ចេកវិទ្យាខ្ពស់នៅខេត្តតៃនិញ"
    parts = icu_words(text)
    assert "".join(parts) == text
    at = 0
    for part in parts:
        assert is_cluster_start(text, at), part
        at += len(part)
    assert any("\u17d2" in p for p in parts)  # the coeng is kept inside words


def test_boundaries_are_marked_with_zero_width_space_only_in_khmer() -> None:
    marked = mark_word_boundaries("ខេត្តមានច្រកព្រំដែន Mộc Bài và Xa Mát.")
    assert words(marked)[:3] == ["ខេត្ត", "មាន", "ច្រកព្រំដែន Mộc Bài và Xa Mát."]
    assert marked.replace(WORD_BREAK, "") == "ខេត្តមានច្រកព្រំដែន Mộc Bài và Xa Mát."


def test_khmer_touching_latin_is_separated() -> None:
    assert mark_word_boundaries("Bavetបាវិត") == f"Bavet{WORD_BREAK}បាវិត"
    assert mark_word_boundaries("(បាវិត)") == "(បាវិត)"  # punctuation already separates


def test_decomposed_vietnamese_is_indexed_composed() -> None:
    nfd = unicodedata.normalize("NFD", "Tòa Thánh")
    assert mark_word_boundaries(nfd) == "Tòa Thánh"


def test_mixed_text_keeps_vowel_signs_and_coeng() -> None:
    text = "ភ្នំបាដែន (Núi Bà Đen) ខ្ពស់ជាងគេ"
    marked = mark_word_boundaries(unicodedata.normalize("NFD", text))
    assert marked.replace(WORD_BREAK, "") == text
    assert marked.count("\u17d2") == text.count("\u17d2")


def test_text_without_khmer_is_returned_as_is() -> None:
    assert mark_word_boundaries("Industrial parks in Tây Ninh") == "Industrial parks in Tây Ninh"


def test_existing_zero_width_spaces_stay_boundaries() -> None:
    typed = f"ខេត្ត{WORD_BREAK}តៃនិញ"
    assert mark_word_boundaries(typed).replace(WORD_BREAK, "|").startswith("ខេត្ត|")


def test_word_list_keeps_place_names_whole() -> None:
    assert icu_words("តៃនិញបានរួម") != ["តៃនិញ", "បាន", "រួម"]  # ICU alone cuts the name
    segmenter = WordSegmenter(["តៃនិញ", "ឡុងអាន"])
    assert segmenter.words("ខេត្តតៃនិញបានរួមបញ្ចូលជាមួយខេត្តឡុងអាន") == [
        "ខេត្ត",
        "តៃនិញ",
        "បាន",
        "រួមបញ្ចូល",
        "ជាមួយ",
        "ខេត្ត",
        "ឡុងអាន",
    ]


def test_word_list_matches_only_at_cluster_boundaries() -> None:
    """A listed word never cuts a cluster: not before a coeng, not after one."""
    assert WordSegmenter(["ខ"]).words("ខ្មែរ") == icu_words("ខ្មែរ")  # ខ carries ្ម
    assert WordSegmenter(["មែរ"]).words("ខ្មែរ") == icu_words("ខ្មែរ")  # ម is stacked under ខ


def test_shipped_word_list_is_of_unspaced_scripts_and_needed() -> None:
    listed = load_words(KHMER_WORDS)
    assert len(listed) >= 10
    for word in listed:
        assert UNSPACED_RUN.fullmatch(word), word
        assert icu_words(word) != [word], f"ICU keeps {word} whole: it needs no entry"


def test_chinese_is_split_into_words_and_listed_names_stay_whole() -> None:
    marked = WordSegmenter(load_words(KHMER_WORDS)).mark("木排口岸是西宁省的边境口岸。Mộc Bài")
    assert words(marked)[:4] == ["木排", "口岸", "是", "西宁"]
    assert marked.endswith(f"。{WORD_BREAK}Mộc Bài") or marked.endswith("。Mộc Bài")
