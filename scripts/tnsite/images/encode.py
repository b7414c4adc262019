"""Resize and encode: the same pixels and settings always give the same bytes.

Determinism comes from three choices: the decoded image carries no metadata (see probe.py),
every encoder option is fixed here, and the cache key includes Pillow's and libwebp's versions,
so a different encoder is a different key rather than a silent change of bytes.
"""

from __future__ import annotations

import hashlib
import io
import json
from dataclasses import asdict, dataclass

import PIL
from PIL import Image, features

# Bump when the encoding below changes in a way the settings do not capture.
ENCODER_VERSION = "1"
FORMAT_SUFFIX = {"JPEG": ".jpg", "PNG": ".png", "WEBP": ".webp"}


@dataclass(frozen=True)
class Settings:
    widths: tuple[int, ...]
    fallback_width: int
    webp_quality: int
    jpeg_quality: int

    def digest(self) -> str:
        """Everything besides the source bytes that decides the output bytes."""
        payload = {
            **asdict(self),
            "encoder": ENCODER_VERSION,
            "pillow": PIL.__version__,
            "webp": features.version("webp"),
            "jpeg": features.version("jpg"),
            "zlib": features.version("zlib"),
        }
        return hashlib.sha256(json.dumps(payload, sort_keys=True).encode()).hexdigest()


def target_widths(width: int, widths: tuple[int, ...]) -> list[int]:
    """Each configured width below the source's, plus the source's own width when it is
    narrower than the largest: never an upscaled copy, always the sharpest one available."""
    chosen = sorted({w for w in widths if 0 < w < width})
    if not widths or width <= max(widths):
        chosen.append(width)
    return sorted(set(chosen))


def resize(image: Image.Image, width: int) -> Image.Image:
    if width >= image.width:
        return image
    height = max(1, round(image.height * width / image.width))
    return image.resize((width, height), Image.Resampling.LANCZOS, reducing_gap=3.0)


def is_flat(image: Image.Image) -> bool:
    """Drawings, logos, screenshots: few colours, better kept lossless."""
    return image.getcolors(256) is not None


def encode(image: Image.Image, fmt: str, quality: int, lossless: bool = False) -> bytes:
    out = io.BytesIO()
    if fmt == "WEBP":
        if lossless:
            image.save(out, "WEBP", lossless=True, quality=100, method=4, exact=False)
        else:
            image.save(out, "WEBP", quality=quality, method=4, exact=False)
    elif fmt == "JPEG":
        flat = image.convert("RGB") if image.mode != "RGB" else image
        flat.save(out, "JPEG", quality=quality, optimize=True, progressive=True, subsampling=2)
    elif fmt == "PNG":
        image.save(out, "PNG", optimize=True)
    else:  # pragma: no cover - probe.py only lets the three formats through
        raise ValueError(fmt)
    return out.getvalue()
