"""Print fonts: the site's subsets each under a family of their own, per-language order, the
glyph check, and a language whose script the site's fonts lack getting its font from
configuration (a fifth language, Chinese, with no code change)."""

from __future__ import annotations

from pathlib import Path

from fontTools.fontBuilder import FontBuilder
from fontTools.pens.ttGlyphPen import TTGlyphPen

from tests.conftest import ROOT
from tnsite.publish.fonts import PrintFonts

FONTS_CSS = ROOT / "assets/stylesheets/fonts.css"


def han_font(path: Path, chars: str) -> Path:
    """A tiny TrueType font with a square glyph for each character."""
    names = [".notdef", *[f"uni{ord(c):04X}" for c in chars]]
    builder = FontBuilder(1000, isTTF=True)
    builder.setupGlyphOrder(names)
    builder.setupCharacterMap({ord(c): f"uni{ord(c):04X}" for c in chars})
    glyphs = {}
    for name in names:
        pen = TTGlyphPen(None)
        pen.moveTo((100, 0))
        pen.lineTo((100, 800))
        pen.lineTo((900, 800))
        pen.lineTo((900, 0))
        pen.closePath()
        glyphs[name] = pen.glyph()
    builder.setupGlyf(glyphs)
    builder.setupHorizontalMetrics({name: (1000, 100) for name in names})
    builder.setupHorizontalHeader(ascent=880, descent=-120)
    builder.setupNameTable({"familyName": "Test Han", "styleName": "Regular"})
    builder.setupOS2(usWeightClass=400)
    builder.setupPost()
    builder.save(str(path))
    return path


def test_each_subset_is_a_family_of_its_own_and_languages_prefer_their_script(
    tmp_path: Path,
) -> None:
    fonts = PrintFonts(FONTS_CSS, ("vi", "en", "km"), {}, tmp_path)
    aliases = {face.alias for face in fonts.faces}
    assert len(aliases) == 3  # Be Vietnam Pro vietnamese, latin; Noto Sans Khmer
    assert fonts.order["km"][0].startswith("Noto Sans Khmer")
    assert fonts.order["vi"][0].startswith("Be Vietnam Pro")
    assert set(fonts.order["vi"]) == aliases  # names in other scripts still drawn
    css = fonts.css()
    assert css.count("@font-face") == len(fonts.faces)
    assert ':lang(km) { font-family: "Noto Sans Khmer print' in css
    assert "file://" in css and "unicode-range: U+1780-17FF" in css
    assert ".woff2" not in css  # printed from the unpacked files, unpacked once
    assert len(list(tmp_path.glob("*.ttf"))) == len(fonts.faces)


def test_glyph_check_finds_characters_no_font_draws(tmp_path: Path) -> None:
    fonts = PrintFonts(FONTS_CSS, ("vi", "en", "km"), {}, tmp_path)
    text = {"vi": "Tòa Thánh Tây Ninh – 1.928 ha", "km": "ខេត្តតៃនិញ ១,៩២៨ (FDI)", "en": "a ☃ b 中"}
    gaps = fonts.gaps(text)
    assert [(gap.char, gap.lang) for gap in gaps] == [("☃", "en"), ("中", "en")]
    assert gaps[0].label == "'☃' (U+2603 SNOWMAN)"
    assert fonts.draws("\u00a0", "vi") and fonts.draws("\u200b", "km")  # spaces need no glyph


def test_a_fifth_language_names_its_print_font_in_configuration(tmp_path: Path) -> None:
    han = han_font(tmp_path / "han.ttf", "中文省")
    without = PrintFonts(FONTS_CSS, ("vi", "en", "km", "zh"), {}, tmp_path)
    assert [g.char for g in without.gaps({"zh": "中文"})] == ["中", "文"]
    fonts = PrintFonts(FONTS_CSS, ("vi", "en", "km", "zh"), {"zh": (han,)}, tmp_path)
    assert fonts.order["zh"][0] == "zh print font"
    assert fonts.gaps({"zh": "中文 Tây Ninh"}) == []
    assert [g.char for g in fonts.gaps({"zh": "国"})] == ["国"]  # not in that font either
    assert "zh print font" not in fonts.order["vi"][:3]
    assert fonts.draws("中", "vi")  # a Chinese name on a Vietnamese page still has a face
