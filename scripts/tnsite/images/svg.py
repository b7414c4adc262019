"""SVG passes through unchanged, after two checks: it is well-formed, and it cannot run code
or fetch anything from another site. Its intrinsic size gives the `<img>` its width and height."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from lxml import etree

from tnsite.findings import Msg
from tnsite.images.probe import BadImage

SVG_NS = "{http://www.w3.org/2000/svg}"
LENGTH = re.compile(r"^\s*([0-9]*\.?[0-9]+)\s*(px)?\s*$")


@dataclass(frozen=True)
class SvgInfo:
    width: float | None
    height: float | None


def _length(value: str | None) -> float | None:
    match = LENGTH.match(value or "")
    return float(match.group(1)) if match else None


def inspect_svg(path: Path) -> SvgInfo:
    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)
    try:
        root = etree.fromstring(path.read_bytes(), parser)
    except (etree.XMLSyntaxError, OSError) as exc:
        raise BadImage(
            Msg(f"not a well-formed SVG file ({exc})", f"tệp SVG không hợp lệ ({exc})"),
            Msg(
                "Export it again from the drawing program.",
                "Xuất lại tệp từ phần mềm vẽ.",
            ),
        ) from None
    if root.tag != SVG_NS + "svg":
        raise BadImage(Msg("the file is not an SVG image", "tệp không phải ảnh SVG"))
    for element in root.iter():
        if not isinstance(element.tag, str):
            continue
        if element.tag in (SVG_NS + "script", SVG_NS + "foreignObject"):
            raise BadImage(_active("<" + etree.QName(element).localname + ">"))
        for name, value in element.attrib.items():
            local = etree.QName(name).localname
            if local.lower().startswith("on"):
                raise BadImage(_active(f"{local}=…"))
            if local == "href" and re.match(r"^\s*(https?:)?//", value):
                raise BadImage(
                    Msg(
                        f"it loads {value} from another site",
                        f"tệp tải {value} từ một trang web khác",
                    ),
                    Msg(
                        "Embed the resource or remove it.",
                        "Nhúng tài nguyên đó vào tệp hoặc bỏ đi.",
                    ),
                )
    width, height = _length(root.get("width")), _length(root.get("height"))
    box = (root.get("viewBox") or "").replace(",", " ").split()
    if (width is None or height is None) and len(box) == 4:
        try:
            box_w, box_h = float(box[2]), float(box[3])
        except ValueError:
            box_w = box_h = 0.0
        if box_w > 0 and box_h > 0:
            if width is None and height is None:
                width, height = box_w, box_h
            elif width is None and height is not None:
                width = height * box_w / box_h
            elif height is None and width is not None:
                height = width * box_h / box_w
    return SvgInfo(width, height)


def _active(what: str) -> Msg:
    return Msg(
        f"SVG with active content ({what}): images must not run code",
        f"SVG chứa nội dung thực thi ({what}): ảnh không được chạy mã",
    )
