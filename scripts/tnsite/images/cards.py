"""Social cards: a 1200×630 image per page per language with the page's title in its own
language over the site's design (the home page hero's green and mountains).

The title is fitted, not cut: it is set as large as possible between 76 and 40 px, wrapped at
the language's word boundaries. Only a title that fits in no size is shortened with '…', and
that is reported (`Card.truncated`), never silent.
"""

from __future__ import annotations

import hashlib
import io
import json
from dataclasses import asdict, dataclass

import icu
import PIL
from PIL import Image, ImageDraw, features

from tnsite.images.fonts import FontStack
from tnsite.images.textlayout import Style, clean, ellipsize, wrap

# Bump when the drawing below changes: every card is then rendered again.
DESIGN_VERSION = "1"
WIDTH, HEIGHT = 1200, 630
MARGIN = 80
TITLE_BOX = (MARGIN, 180, WIDTH - MARGIN, 520)  # left, top, right, bottom
TITLE_SIZES = (76, 70, 64, 58, 52, 46, 40)
MAX_LINES = 4
LEAD_SIZE = 32
LEAD_LINES = 3
LEAD_GAP = 28

BACKGROUND = (11, 93, 75)  # --md-primary-fg-color
HILL_FAR = (18, 108, 88)
HILL_NEAR = (24, 120, 98)
SUN = (255, 213, 79)
BRAND = (214, 238, 230)
TITLE = (255, 255, 255)
HOST = (255, 213, 79)


@dataclass(frozen=True)
class CardText:
    title: str
    lang: str
    brand: str = ""  # the site's name in the page's language, above the title
    host: str = ""  # the site's address, at the bottom
    lead: str = ""  # a sentence under the title (the home page's site description)

    def normalised(self) -> CardText:
        return CardText(
            clean(self.title), self.lang, clean(self.brand), clean(self.host), clean(self.lead)
        )


@dataclass(frozen=True)
class Card:
    png: bytes
    truncated: bool
    lines: tuple[str, ...]
    size: int
    missing: tuple[str, ...] = ()  # characters no font of the site has (drawn as boxes)


def card_key(text: CardText, stack: FontStack) -> str:
    """Everything that decides a card's pixels: text, language, design, fonts, libraries."""
    payload = {
        "design": DESIGN_VERSION,
        "text": asdict(text.normalised()),
        "fonts": stack.digest,
        "families": stack.families,
        "pillow": PIL.__version__,
        "raqm": features.version("raqm"),
        "freetype": features.version("freetype2"),
        "icu": icu.ICU_VERSION,
    }
    return hashlib.sha256(json.dumps(payload, sort_keys=True).encode()).hexdigest()


def _background() -> Image.Image:
    image = Image.new("RGB", (WIDTH, HEIGHT), BACKGROUND)
    draw = ImageDraw.Draw(image)
    # The hero's mountains (overrides/home.html), scaled to the card's lower right corner.
    draw.polygon(
        [(560, 630), (860, 300), (985, 455), (1095, 355), (1200, 470), (1200, 630)], HILL_FAR
    )
    draw.polygon(
        [(690, 630), (940, 400), (1035, 505), (1130, 435), (1200, 490), (1200, 630)], HILL_NEAR
    )
    draw.ellipse((1040, 70, 1120, 150), fill=SUN)
    draw.rectangle((MARGIN, 72, MARGIN + 96, 80), fill=SUN)
    return image


def fit_title(
    title: str, stack: FontStack, lang: str, box_h: float
) -> tuple[Style, list[str], bool]:
    """The largest size at which the title fits the box; '…' only when none does."""
    box_w = TITLE_BOX[2] - TITLE_BOX[0]
    for size in TITLE_SIZES:
        style = Style(stack, size, 700, lang)
        lines = wrap(title, box_w, style.width, lang)
        if len(lines) <= MAX_LINES and _block_height(style, lines) <= box_h:
            return style, lines, False
    style = Style(stack, TITLE_SIZES[-1], 700, lang)
    lines = wrap(title, box_w, style.width, lang)
    while len(lines) > 1 and (len(lines) > MAX_LINES or _block_height(style, lines) > box_h):
        lines.pop()
    lines[-1] = ellipsize(lines[-1], box_w, style.width, lang)
    return style, lines, True


def _pitch(style: Style, lines: list[str]) -> tuple[float, float, float]:
    extents = [style.extent(line) for line in lines] or [style.extent("")]
    above = max(a for a, _ in extents)
    below = max(b for _, b in extents)
    pitch = max(above + below, style.size * 1.2) + style.size * 0.1
    return above, below, pitch


def _block_height(style: Style, lines: list[str]) -> float:
    above, below, pitch = _pitch(style, lines)
    return above + below + pitch * (len(lines) - 1)


def render_card(text: CardText, stack: FontStack) -> Card:
    text = text.normalised()
    image = _background()
    draw = ImageDraw.Draw(image)
    if text.brand:
        Style(stack, 34, 400, text.lang).draw(draw, MARGIN, 140, text.brand, BRAND)
    left, top, right, bottom = TITLE_BOX
    lead_style = Style(stack, LEAD_SIZE, 400, text.lang)
    lead_lines = wrap(text.lead, right - left, lead_style.width, text.lang) if text.lead else []
    lead_cut = len(lead_lines) > LEAD_LINES
    if lead_cut:
        lead_lines = lead_lines[:LEAD_LINES]
        lead_lines[-1] = ellipsize(lead_lines[-1], right - left, lead_style.width, text.lang)
    lead_h = _block_height(lead_style, lead_lines) + LEAD_GAP if lead_lines else 0
    style, lines, truncated = fit_title(text.title, stack, text.lang, bottom - top - lead_h)
    title_h = _block_height(style, lines)
    y = top + (bottom - top - title_h - lead_h) / 2
    for block_style, block, fill in ((style, lines, TITLE), (lead_style, lead_lines, BRAND)):
        if not block:
            continue
        above, _below, pitch = _pitch(block_style, block)
        baseline = y + above
        for line in block:
            block_style.draw(draw, left, baseline, line, fill)
            baseline += pitch
        y += title_h + LEAD_GAP  # the lead follows the title
    if text.host:
        Style(stack, 28, 700, text.lang).draw(draw, MARGIN, HEIGHT - 56, text.host, HOST)
    # Flat colours and anti-aliased text: 64 colours look the same and weigh a third.
    palette = image.quantize(64, method=Image.Quantize.FASTOCTREE, dither=Image.Dither.NONE)
    out = io.BytesIO()
    palette.save(out, "PNG", compress_level=6)
    missing = style.unsupported(text.title) | lead_style.unsupported(text.lead)
    return Card(
        out.getvalue(), truncated or lead_cut, tuple(lines), style.size, tuple(sorted(missing))
    )
