"""The site's inline SVG (charts, the locator map) made printable by WeasyPrint, still as
vectors.

Two things WeasyPrint 70 does not do for SVG inside HTML:

- apply the page's stylesheets to it (the charts take their colours and type sizes from
  data.css, partly through CSS variables): the declarations that match each SVG element are
  computed here with cssselect2 (WeasyPrint's own selector engine), variables resolved, and
  written as presentation attributes;
- shape its text: WeasyPrint draws SVG text one character at a time, which breaks Khmer
  (vowels before their consonant, loose subscripts). Each `<text>` becomes outlines drawn with
  the site's fonts after HarfBuzz has shaped it, exactly as a browser shapes it; the figure
  keeps its text alternative (`<title>`, `<desc>`, the figure caption and the data list).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

import cssselect2
import tinycss2
from lxml import etree

from tnsite.publish.fonts import PrintFonts

if TYPE_CHECKING:
    import uharfbuzz as hb

SVG_PROPERTIES = (
    "fill",
    "fill-opacity",
    "stroke",
    "stroke-width",
    "stroke-opacity",
    "stroke-dasharray",
    "stroke-linejoin",
    "stroke-linecap",
    "opacity",
    "font-size",
    "font-weight",
    "letter-spacing",
    "paint-order",
    "display",
    "visibility",
)
VAR = re.compile(r"var\(\s*(--[\w-]+)\s*(?:,\s*([^)]*))?\)")
PX = re.compile(r"^\s*(-?[\d.]+)\s*(px)?\s*$")


class SvgStyles:
    """The site's rules for SVG elements, matched against a composed document."""

    def __init__(self, stylesheets: Iterable[str]) -> None:
        self.matcher = cssselect2.Matcher()
        self.variables: dict[str, str] = {}
        order = 0
        for css in stylesheets:
            rules = tinycss2.parse_stylesheet(css, skip_comments=True, skip_whitespace=True)
            for rule in rules:
                if rule.type != "qualified-rule":
                    continue  # @media (screen layouts), @font-face: not for SVG
                declarations = [
                    (d.lower_name, tinycss2.serialize(d.value).strip())
                    for d in tinycss2.parse_blocks_contents(
                        rule.content, skip_comments=True, skip_whitespace=True
                    )
                    if d.type == "declaration"
                ]
                prelude = tinycss2.serialize(rule.prelude)
                if ":root" in prelude:
                    self.variables.update((n, v) for n, v in declarations if n.startswith("--"))
                wanted = [(n, v) for n, v in declarations if n in SVG_PROPERTIES]
                if not wanted:
                    continue
                try:
                    selectors = cssselect2.compile_selector_list(rule.prelude)
                except cssselect2.SelectorError:
                    continue
                for selector in selectors:
                    if selector.pseudo_element is None and not selector.never_matches:
                        self.matcher.add_selector(selector, (order, wanted))
                order += 1

    def resolve(self, value: str) -> str:
        for _ in range(5):  # variables may name variables
            if "var(" not in value:
                break
            value = VAR.sub(lambda m: self.variables.get(m[1], m[2] or "").strip(), value)
        return value

    def apply(self, root: etree._Element) -> None:
        """Write the matching declarations of every element inside an `<svg>` as presentation
        attributes (later and more specific rules win, as in a browser)."""
        wrapper = cssselect2.ElementWrapper.from_html_root(root)
        for element in wrapper.iter_subtree():
            if not _inside_svg(element.etree_element):
                continue
            matches = sorted(
                (specificity, payload[0], payload[1])
                for specificity, _order, _pseudo, payload in self.matcher.match(element)
            )
            style: dict[str, str] = {}
            for _specificity, _rule, declarations in matches:
                style.update(declarations)
            for name, value in style.items():
                resolved = self.resolve(value)
                if resolved and resolved != "inherit":
                    element.etree_element.set(name, resolved)


def _inside_svg(element: etree._Element) -> bool:
    node: etree._Element | None = element
    while node is not None:
        if isinstance(node.tag, str) and node.tag.lower() == "svg":
            return True
        node = node.getparent()
    return False


@dataclass(frozen=True)
class _Face:
    hb_font: hb.Font
    upem: int


@cache
def _face(path: Path) -> _Face:
    """A HarfBuzz font from a TrueType/OpenType file (PrintFonts.file unpacks WOFF2)."""
    import uharfbuzz as hb  # loaded only when a publication is outlined anew

    face = hb.Face(path.read_bytes())
    return _Face(hb.Font(face), face.upem)


class TextOutliner:
    """Replaces SVG `<text>` with shaped outlines drawn from the print fonts."""

    def __init__(self, fonts: PrintFonts) -> None:
        self.fonts = fonts

    def face_for(self, char: str, lang: str, weight: int) -> Path | None:
        for alias in self.fonts.order.get(lang, ()):
            files = [f for f in self.fonts.faces if f.alias == alias and f.in_range(ord(char))]
            if files and self.fonts.draws_with(char, files):
                return self.fonts.file(min(files, key=lambda f: abs(f.weight - weight)))
        return None

    def outline(self, root: etree._Element) -> int:
        """Outline every `<text>` in every `<svg>` of the document; the number outlined."""
        count = 0
        for text in list(root.iter("text")):
            if not _inside_svg(text):
                continue
            self._replace(text)
            count += 1
        return count

    def _replace(self, text: etree._Element) -> None:
        lang = _lang(text)
        size = _number(_inherited(text, "font-size"), 16.0)
        weight = _weight(_inherited(text, "font-weight"))
        anchor = _inherited(text, "text-anchor") or "start"
        x = _number(_first(text.get("x")), 0.0)
        y = _number(_first(text.get("y")), 0.0)
        chunks: list[tuple[float, float, str]] = []  # (x, y, text) of each anchored chunk
        if text.text and text.text.strip():
            chunks.append((x, y, text.text))
        for span in text:
            if not isinstance(span.tag, str) or span.tag.lower() != "tspan":
                continue
            if span.get("x") is not None:
                x = _number(_first(span.get("x")), x)
            if span.get("y") is not None:
                y = _number(_first(span.get("y")), y)
            x += _number(_first(span.get("dx")), 0.0)
            y += _number(_first(span.get("dy")), 0.0)
            if span.text:
                chunks.append((x, y, span.text))
        paths: list[tuple[str, str]] = []  # (outline, transform)
        for cx, cy, chunk in chunks:
            d, width = self._path(chunk, lang, size, weight)
            shift = {"middle": width / 2, "end": width}.get(anchor, 0.0)
            if d:
                paths.append((d, f"translate({_fmt(cx - shift)} {_fmt(cy)})"))
        group = etree.Element("g")
        if text.get("class"):
            group.set("class", text.get("class") or "")
        group.set("aria-hidden", "true")
        fill = _inherited(text, "fill") or "#000"
        stroke = _inherited(text, "stroke")
        layers = [{"fill": fill, "stroke": "none"}]
        if stroke and stroke != "none":
            # A halo (stroke painted under the fill): two layers, since WeasyPrint's SVG has no
            # paint-order.
            halo = {
                "fill": "none",
                "stroke": stroke,
                "stroke-width": _inherited(text, "stroke-width") or "1",
                "stroke-linejoin": _inherited(text, "stroke-linejoin") or "miter",
            }
            under = (_inherited(text, "paint-order") or "normal").startswith("stroke")
            layers = [halo, *layers] if under else [*layers, halo]
        for attributes in layers:
            layer = etree.SubElement(group, "g")
            for name, value in attributes.items():
                layer.set(name, value)
            for d, transform in paths:
                path = etree.SubElement(layer, "path")
                path.set("d", d)
                path.set("transform", transform)
        group.tail = text.tail
        parent = text.getparent()
        assert parent is not None
        parent.replace(text, group)

    def _path(self, chunk: str, lang: str, size: float, weight: int) -> tuple[str, float]:
        """Outline of one line of text at the origin (baseline y=0) and its advance width."""
        import uharfbuzz as hb  # loaded only when a publication is outlined anew
        from fontTools.pens.svgPathPen import SVGPathPen
        from fontTools.pens.transformPen import TransformPen

        runs: list[tuple[Path | None, str]] = []
        for char in chunk:
            path = self.face_for(char, lang, weight)
            if runs and runs[-1][0] == path:
                runs[-1] = (path, runs[-1][1] + char)
            else:
                runs.append((path, char))
        parts: list[str] = []
        pen_x = 0.0
        for path, run in runs:
            if path is None:
                continue  # reported by the glyph check before anything is drawn
            face = _face(path)
            scale = size / face.upem
            buffer = hb.Buffer()
            buffer.add_str(run)
            buffer.guess_segment_properties()
            hb.shape(face.hb_font, buffer)
            for info, pos in zip(buffer.glyph_infos, buffer.glyph_positions, strict=True):
                svg_pen = SVGPathPen(None, ntos=_fmt)
                origin_x = pen_x + pos.x_offset * scale
                origin_y = -pos.y_offset * scale
                pen = TransformPen(svg_pen, (scale, 0, 0, -scale, origin_x, origin_y))
                face.hb_font.draw_glyph_with_pen(info.codepoint, pen)
                commands = svg_pen.getCommands()
                if commands:
                    parts.append(commands)
                pen_x += pos.x_advance * scale
        return " ".join(parts), pen_x


def _fmt(value: float) -> str:
    text = f"{value:.2f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def _first(value: str | None) -> str | None:
    if value is None:
        return None
    parts = value.replace(",", " ").split()
    return parts[0] if parts else None


def _number(value: str | None, default: float) -> float:
    match = PX.match(value or "")
    return float(match[1]) if match else default


def _weight(value: str | None) -> int:
    if value in (None, "", "normal"):
        return 400
    if value in ("bold", "bolder"):
        return 700
    return int(value) if value and value.isdigit() else 400


def _inherited(element: etree._Element, name: str) -> str | None:
    node: etree._Element | None = element
    while node is not None:
        value = node.get(name)
        if value is not None and value != "inherit":
            return str(value)
        if isinstance(node.tag, str) and node.tag.lower() == "svg":
            return None
        node = node.getparent()
    return None


def _lang(element: etree._Element) -> str:
    node: etree._Element | None = element
    while node is not None:
        value = node.get("lang")
        if value:
            return str(value).split("-")[0].lower()
        node = node.getparent()
    return ""
