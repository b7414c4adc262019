"""Vietnamese folding and tone-mark normalisation (tnsite.text), the rules search matches by."""

from __future__ import annotations

import unicodedata

import pytest

from tnsite.text import fold_latin, normalize_tone_marks, search_key

KHMER_WITH_SIGNS = "ព្រំដែន អន្តរជាតិ ខ្មែរ"  # vowel signs, the coeng (U+17D2), a bantoc


def nfd(text: str) -> str:
    return unicodedata.normalize("NFD", text)


@pytest.mark.parametrize(
    ("text", "folded"),
    [
        ("Tòa Thánh", "Toa Thanh"),
        ("Mộc Bài", "Moc Bai"),
        ("Núi Bà Đen", "Nui Ba Den"),
        ("cửa khẩu", "cua khau"),
        ("đường Xuyên Á", "duong Xuyen A"),
    ],
)
def test_vietnamese_folds_to_plain_latin(text: str, folded: str) -> None:
    assert fold_latin(text) == folded


def test_khmer_vowel_signs_and_coeng_survive_folding() -> None:
    assert fold_latin(KHMER_WITH_SIGNS) == KHMER_WITH_SIGNS
    assert "\u17d2" in fold_latin("ខ្មែរ")
    assert fold_latin("ខេត្ត") == "ខេត្ត"  # the vowel sign U+17C1 and the coeng stay
    assert fold_latin(nfd(KHMER_WITH_SIGNS)) == KHMER_WITH_SIGNS


def test_decomposed_input_folds_like_composed_input() -> None:
    for word in ("Tòa Thánh", "Mộc Bài", "Đầu Tiếng", "thuỷ"):
        assert nfd(word) != word
        assert fold_latin(nfd(word)) == fold_latin(word)
        assert search_key(nfd(word)) == search_key(word)


def test_mixed_khmer_and_latin_text_folds_only_the_latin() -> None:
    mixed = "ច្រកព្រំដែន Mộc Bài – បាវិត (Bavet)"
    assert fold_latin(mixed) == "ច្រកព្រំដែន Moc Bai – បាវិត (Bavet)"
    assert fold_latin(nfd(mixed)) == fold_latin(mixed)


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("hoà", "hòa"),
        ("Toà", "Tòa"),
        ("TOÀ", "TÒA"),
        ("thuỷ", "thủy"),
        ("khoẻ", "khỏe"),
        ("hoạ", "họa"),
        ("Hoà.", "Hòa."),
    ],
)
def test_old_and_new_tone_placement_meet(old: str, new: str) -> None:
    assert normalize_tone_marks(old) == new
    assert normalize_tone_marks(new) == new
    assert normalize_tone_marks(nfd(old)) == new
    assert search_key(old) == search_key(new)


@pytest.mark.parametrize("word", ["hoàng", "ngoài", "thuyết", "quỷ", "quà", "toán", "xoáy"])
def test_tone_placement_is_kept_where_both_styles_agree(word: str) -> None:
    assert normalize_tone_marks(word) == word


def test_tone_normalisation_leaves_khmer_alone() -> None:
    assert normalize_tone_marks(KHMER_WITH_SIGNS) == KHMER_WITH_SIGNS
    assert search_key("Toà ខ្មែរ") == "tòa ខ្មែរ"


def test_search_key_is_lower_case_nfc() -> None:
    key = search_key(nfd("TOÀ THÁNH"))
    assert key == "tòa thánh"
    assert unicodedata.is_normalized("NFC", key)
