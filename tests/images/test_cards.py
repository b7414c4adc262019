"""Social cards: Khmer shaped by RAQM (and a regression to basic layout fails), Khmer titles
wrapped at word boundaries, Vietnamese composed, nothing cut silently, RAQM required."""

from __future__ import annotations

import io
import unicodedata

import pytest
from PIL import Image, ImageChops, ImageDraw, ImageFont

from tests.conftest import ROOT
from tnsite.images import fonts as fonts_module
from tnsite.images.cards import TITLE_BOX, CardText, card_key, render_card
from tnsite.images.fonts import FontStack, RaqmMissing, parse_font_faces
from tnsite.images.textlayout import Style, clean, line_segments

FAMILIES = ["Be Vietnam Pro", "Noto Sans Khmer"]
KHMER = "ព្រះរាជាណាចក្រកម្ពុជា"
LONG_KHMER = "ច្រកព្រំដែនអន្តរជាតិម៉ុកបៃ–បាវិត និងកិច្ចសហប្រតិបត្តិការឆ្លងព្រំដែនរវាងខេត្តតៃនិញ និងខេត្តស្វាយរៀង"


@pytest.fixture(scope="module")
def stack() -> FontStack:
    return FontStack(parse_font_faces(ROOT / "assets/stylesheets/fonts.css"), FAMILIES)


def _draw(text: str, font: ImageFont.FreeTypeFont, **kw) -> Image.Image:  # type: ignore[no-untyped-def]
    image = Image.new("L", (900, 160))
    ImageDraw.Draw(image).text((10, 110), text, font=font, fill=255, anchor="ls", **kw)
    return image


def test_khmer_is_shaped_by_raqm_not_basic_layout(stack: FontStack) -> None:
    style = Style(stack, 64, 700, "km")
    ours = Image.new("L", (900, 160))
    style.draw(ImageDraw.Draw(ours), 10, 110, KHMER, 255)
    face = stack.face_for("ក", 700)
    assert face is not None and "noto-sans-khmer" in face.path.name
    raqm = ImageFont.truetype(str(face.path), 64, layout_engine=ImageFont.Layout.RAQM)
    basic = ImageFont.truetype(str(face.path), 64, layout_engine=ImageFont.Layout.BASIC)
    shaped, unshaped = _draw(KHMER, raqm, language="km"), _draw(KHMER, basic)
    assert ours.tobytes() == shaped.tobytes()
    moved = ImageChops.difference(ours, unshaped).point(lambda v: 255 if v > 64 else 0)
    assert moved.histogram()[255] > 2000  # whole glyphs moved, not anti-aliasing noise
    # Glyph positions: RAQM draws the coeng RO and the left part of the vowel OE before the
    # consonant they follow in memory; basic layout keeps memory order, so the advances differ.
    for cluster in ("ក្រ", "កើ", KHMER):
        assert abs(style.width(cluster) - basic.getlength(cluster)) > 5, cluster


def test_a_card_rendered_with_basic_layout_would_differ(
    stack: FontStack, monkeypatch: pytest.MonkeyPatch
) -> None:
    text = CardText(KHMER, "km", "ខេត្តតៃនិញ", "example.org")
    shaped = render_card(text, stack).png
    assert render_card(text, stack).png == shaped  # deterministic

    def basic_font(face, size):  # type: ignore[no-untyped-def]
        return ImageFont.truetype(str(face.path), size, layout_engine=ImageFont.Layout.BASIC)

    broken = FontStack(stack.faces, FAMILIES)
    monkeypatch.setattr(broken, "font", basic_font)
    monkeypatch.setattr(Style, "draw", _basic_draw)
    monkeypatch.setattr(Style, "width", _basic_width)
    monkeypatch.setattr(Style, "extent", lambda self, text: (self.size * 0.9, self.size * 0.4))
    assert render_card(text, broken).png != shaped


def _basic_draw(self, draw, x, baseline, text, fill):  # type: ignore[no-untyped-def]
    for run, face in self.runs(text):
        font = self.stack.font(face, self.size)
        draw.text((x, baseline), run, font=font, fill=fill, anchor="ls")
        x += font.getlength(run)


def _basic_width(self, text):  # type: ignore[no-untyped-def]
    return sum(self.stack.font(f, self.size).getlength(r) for r, f in self.runs(text))


def test_long_khmer_title_wraps_at_word_boundaries(stack: FontStack) -> None:
    card = render_card(CardText(LONG_KHMER, "km"), stack)
    assert len(card.lines) >= 2 and not card.truncated
    assert "".join(card.lines).replace(" ", "") == LONG_KHMER.replace(" ", "")
    segments = line_segments(LONG_KHMER, "km")
    boundaries = {len("".join(segments[:i]).replace(" ", "")) for i in range(len(segments) + 1)}
    done = 0
    for line in card.lines:
        done += len(line.replace(" ", ""))
        assert done in boundaries, line  # every line ends between two words
    style = Style(stack, card.size, 700, "km")
    assert all(style.width(line) <= TITLE_BOX[2] - TITLE_BOX[0] for line in card.lines)


def test_vietnamese_is_composed_and_drawn_from_the_vietnamese_subset(stack: FontStack) -> None:
    title = "Khu kinh tế cửa khẩu Mộc Bài"
    decomposed = unicodedata.normalize("NFD", title)
    assert decomposed != title and clean(decomposed) == title
    face = stack.face_for("ộ", 700)
    assert face is not None and "vietnamese" in face.path.name
    assert stack.face_for("M", 700).path.name.startswith("be-vietnam-pro-latin-700")  # type: ignore[union-attr]
    nfc = render_card(CardText(title, "vi"), stack)
    nfd = render_card(CardText(decomposed, "vi"), stack)
    assert nfc.png == nfd.png and not nfc.missing
    assert card_key(CardText(title, "vi"), stack) == card_key(CardText(decomposed, "vi"), stack)


def test_card_is_1200_by_630(stack: FontStack) -> None:
    card = render_card(CardText("Tây Ninh", "vi", "Tây Ninh", "example.org"), stack)
    assert Image.open(io.BytesIO(card.png)).size == (1200, 630)


def test_cache_key_follows_title_language_and_design(
    stack: FontStack, monkeypatch: pytest.MonkeyPatch
) -> None:
    base = card_key(CardText("Tây Ninh", "vi"), stack)
    assert card_key(CardText("Tây Ninh", "vi"), stack) == base
    assert card_key(CardText("Tây Ninh", "en"), stack) != base
    assert card_key(CardText("Tây Ninh!", "vi"), stack) != base
    monkeypatch.setattr("tnsite.images.cards.DESIGN_VERSION", "test")
    assert card_key(CardText("Tây Ninh", "vi"), stack) != base


def test_a_title_too_long_for_any_size_is_shortened_visibly(stack: FontStack) -> None:
    card = render_card(CardText("Tây Ninh " * 60, "vi"), stack)
    assert card.truncated and card.lines[-1].endswith("…")


def test_characters_no_font_has_are_reported(stack: FontStack) -> None:
    assert render_card(CardText("Tây Ninh 中", "vi"), stack).missing == ("中",)


def test_no_raqm_no_cards(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(fonts_module.features, "check", lambda name: name != "raqm")
    faces = parse_font_faces(ROOT / "assets/stylesheets/fonts.css")
    with pytest.raises(RaqmMissing, match="libfribidi0"):
        FontStack(faces, FAMILIES)


def test_a_font_silently_loaded_with_basic_layout_is_refused(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    stack = FontStack(parse_font_faces(ROOT / "assets/stylesheets/fonts.css"), FAMILIES)
    real = ImageFont.truetype

    def fallback(path, size, **kw):  # type: ignore[no-untyped-def]
        return real(path, size, layout_engine=ImageFont.Layout.BASIC)

    monkeypatch.setattr(fonts_module.ImageFont, "truetype", fallback)
    with pytest.raises(RaqmMissing):
        render_card(CardText(KHMER, "km"), stack)
