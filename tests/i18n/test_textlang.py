import pytest

from tnsite.i18n.markdown import ProseBlock
from tnsite.i18n.textlang import (
    display_width,
    expected_script,
    foreign_script_blocks,
    script_share,
    vietnamese_sentences,
    visible_length,
)


def block(text: str, line: int = 1) -> ProseBlock:
    return ProseBlock(line, text, ((0, line),))


@pytest.mark.parametrize(
    "sentence",
    [
        "Tỉnh có nhiều khu công nghiệp và cụm công nghiệp.",
        "Khu kinh tế cửa khẩu Mộc Bài nằm trên quốc lộ 22.",
        "Du khách nên mang theo hộ chiếu khi qua cửa khẩu.",
        "Khu công nghiệp Tây Ninh",
    ],
)
def test_vietnamese_sentences_are_found(sentence: str) -> None:
    assert [h.text for h in vietnamese_sentences([block(sentence)])] == [sentence]


@pytest.mark.parametrize(
    "sentence",
    [
        "Bà Đen Mountain rises above the plain near Tây Ninh.",
        "Visit Tây Ninh, Mộc Bài, Bà Đen and Dầu Tiếng.",
        "Chili salt (muối ớt) is a local craft.",
        "Đờn ca tài tử, the amateur chamber music of southern Vietnam, is played at festivals.",
        "Kỳ yên festival of Gia Lộc",
        "The café serves breakfast.",
    ],
)
def test_english_with_vietnamese_names_is_not_flagged(sentence: str) -> None:
    assert vietnamese_sentences([block(sentence)]) == []


def test_the_sentence_line_is_where_it_starts() -> None:
    text = "An English sentence here. Đây là một câu tiếng Việt còn sót lại."
    b = ProseBlock(10, text, ((0, 10), (26, 11)))
    [hit] = vietnamese_sentences([b])
    assert hit.line == 11


def test_decomposed_input_is_read_like_composed() -> None:
    import unicodedata

    sentence = unicodedata.normalize("NFD", "Tỉnh có nhiều khu công nghiệp mới.")
    assert len(vietnamese_sentences([block(sentence)])) == 1


def test_script_of_a_language_comes_from_cldr() -> None:
    assert expected_script("km") == "Khmr"
    assert expected_script("en") == "Latn"


def test_khmer_share_counts_vowel_signs_and_coeng_as_khmer() -> None:
    khmer = "តំបន់ឧស្សាហកម្មគឺជាសសរស្តម្ភនៃសេដ្ឋកិច្ច"
    assert script_share([block(khmer)], "Khmr") == 1.0
    mixed = f"{khmer} (Mộc Bài)"
    assert 0.7 < script_share([block(mixed)], "Khmr") < 1.0


def test_non_khmer_blocks() -> None:
    blocks = [
        block("ខេត្តតៃនិញស្ថិតនៅជាប់ព្រំដែនកម្ពុជា ហើយមានច្រកទ្វារព្រំដែនអន្តរជាតិ។", 3),
        block("Tỉnh Tây Ninh nằm ở phía tây nam, giáp Vương quốc Campuchia.", 5),
        block("Mộc Bài", 7),  # too short to judge
    ]
    assert [h.line for h in foreign_script_blocks(blocks, "Khmr")] == [5]


def test_chinese_with_latin_names_is_chinese_but_a_latin_paragraph_is_not() -> None:
    """A Han character is a word or syllable: a Latin name counts as one unit beside it."""
    blocks = [
        block("Tân Nam—Meun Chey国际口岸已于2025年12月8日开通；", 3),
        block(
            "The Mộc Bài border gate is the main crossing between Hồ Chí Minh City and Phnom Penh.",
            5,
        ),
        block("木排口岸是胡志明市与金边之间的主要通道。", 7),
    ]
    assert expected_script("zh") == "Hani"
    assert [h.line for h in foreign_script_blocks(blocks, "Hani")] == [5]


@pytest.mark.parametrize(
    ("text", "length"),
    [
        ("ទិដ្ឋភាពទូទៅ", 7),  # vowel signs and subscript consonants sit on their letters
        ("Việt Nam", 8),
        ("Vie\u0323\u0302t Nam", 8),  # the same, with its marks typed apart
        ("黑婆山", 3),
    ],
)
def test_length_counts_what_a_reader_sees(text: str, length: int) -> None:
    assert visible_length(text) == length


def test_a_chinese_character_takes_the_room_of_two_letters() -> None:
    assert display_width("黑婆山全景") == 10
    assert display_width("ទិដ្ឋភាពទូទៅ") == 7 and display_width("Tây Ninh") == 8
