from tnsite.langtags import is_language, site_language


def test_a_more_precise_tag_names_the_same_language() -> None:
    assert is_language("zh-Hans", "zh") and is_language("ZH-hans", "zh")
    assert is_language("km", "km")
    assert not is_language("zh", "zh-Hans")
    assert not is_language("zhx", "zh")
    assert not is_language(None, "zh")
    assert not is_language("", "zh")


def test_the_longest_site_language_wins() -> None:
    assert site_language("pt-BR", ("pt", "pt-BR", "vi")) == "pt-BR"
    assert site_language("zh-Hans", ("vi", "zh")) == "zh"
    assert site_language("fr", ("vi", "zh")) is None
