import unicodedata

from tnsite.slugs import slugify


def test_vietnamese_letters_stay_readable() -> None:
    assert slugify("Đầu tư") == "dau-tu"
    assert slugify("Khu kinh tế cửa khẩu Mộc Bài") == "khu-kinh-te-cua-khau-moc-bai"


def test_old_and_new_tone_placement_give_the_same_id() -> None:
    assert slugify("Toà Thánh") == slugify("Tòa Thánh") == "toa-thanh"


def test_nfd_input_gives_the_same_id() -> None:
    assert slugify(unicodedata.normalize("NFD", "Núi Bà Đen")) == "nui-ba-den"


def test_khmer_headings_get_non_empty_ids_with_vowels_and_coeng() -> None:
    slug = slugify("ច្រកព្រំដែន អន្តរជាតិ")
    assert slug == "ច្រកព្រំដែន-អន្តរជាតិ"
    assert "\u17d2" in slug  # coeng survives


def test_punctuation_is_dropped() -> None:
    assert slugify("Why Tây Ninh?") == "why-tay-ninh"
    assert slugify("A — B") == "a-b"
