"""Open a source image safely: every way a file can be wrong becomes a `BadImage` that names
the problem and the fix, never a traceback in the middle of a build.

Two steps, because they have different costs and different thread-safety: `inspect` reads only
the header (format, dimensions) and runs before anything is decoded, so a decompression bomb or
an absurd size is refused without allocating its pixels; `decode` then loads the pixels, applies
the EXIF orientation, converts to sRGB and returns an image that carries no metadata at all.
"""

from __future__ import annotations

import io
import struct
import warnings
from dataclasses import dataclass
from pathlib import Path

from PIL import Image, ImageCms, ImageOps, UnidentifiedImageError

from tnsite.findings import Msg

# What the extension promises, and the format names Pillow uses for them.
EXTENSIONS = {".jpg": "JPEG", ".jpeg": "JPEG", ".png": "PNG", ".webp": "WEBP"}
RASTER_SUFFIXES = frozenset(EXTENSIONS) | {
    ".gif",
    ".bmp",
    ".tif",
    ".tiff",
    ".heic",
    ".heif",
    ".avif",
    ".jxl",
}
FIX_EXPORT = Msg(
    "Open it in an image editor and export it again as an 8-bit sRGB JPEG (photos) or PNG "
    "(drawings, logos).",
    "Mở tệp bằng phần mềm chỉnh ảnh và xuất lại thành JPEG (ảnh chụp) hoặc PNG (hình vẽ, logo) "
    "8 bit, hệ màu sRGB.",
)


class BadImage(Exception):
    """A source image the site cannot publish; `message` and `hint` are for the editor."""

    def __init__(self, message: Msg, hint: Msg = FIX_EXPORT) -> None:
        super().__init__(message.en)
        self.message = message
        self.hint = hint


def sniff(data: bytes) -> str | None:
    """The real format from the file's first bytes (the extension may lie)."""
    if data.startswith(b"\xff\xd8\xff"):
        return "JPEG"
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return "PNG"
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return "WEBP"
    if data[:6] in (b"GIF87a", b"GIF89a"):
        return "GIF"
    if data[:2] == b"BM":
        return "BMP"
    if data[:4] in (b"II*\x00", b"MM\x00*"):
        return "TIFF"
    if data[4:8] == b"ftyp":
        brand = data[8:12]
        if brand in (b"avif", b"avis"):
            return "AVIF"
        return "HEIF"
    if data.startswith(b"\xff\x0a") or data[4:12] == b"jP  \r\n\x87\n"[:8]:
        return "JPEG XL/2000"
    return None


@dataclass(frozen=True)
class Limits:
    max_pixels: int
    max_side: int
    max_aspect: float


@dataclass(frozen=True)
class Inspected:
    """A source whose header passed every check; its pixels are not decoded yet."""

    data: bytes
    format: str
    width: int
    height: int


def _size(width: int, height: int) -> str:
    return f"{width}×{height}"


def inspect(path: Path, limits: Limits) -> Inspected:
    """Check what can be checked without decoding pixels; raise BadImage otherwise."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise BadImage(
            Msg(f"cannot read the file ({exc.strerror})", f"không đọc được tệp ({exc.strerror})")
        ) from None
    suffix = path.suffix.lower()
    expected = EXTENSIONS.get(suffix)
    real = sniff(data)
    if not data:
        raise BadImage(Msg("the file is empty", "tệp rỗng"))
    if real is None:
        raise BadImage(
            Msg(
                "not an image, or damaged beyond recognition",
                "không phải tệp ảnh, hoặc đã hỏng đến mức không nhận ra",
            )
        )
    if real not in EXTENSIONS.values():
        raise BadImage(
            Msg(
                f"{real} images are not supported: the site publishes JPEG, PNG and WebP",
                f"Không hỗ trợ ảnh {real}: trang web chỉ dùng JPEG, PNG và WebP",
            )
        )
    if expected != real:
        right = {"JPEG": ".jpg", "PNG": ".png", "WEBP": ".webp"}[real]
        raise BadImage(
            Msg(
                f"the file is a {real} image but its name ends in '{suffix}'",
                f"tệp là ảnh {real} nhưng tên lại có đuôi '{suffix}'",
            ),
            Msg(f"Rename it to end in '{right}'.", f"Đổi tên tệp cho đuôi là '{right}'."),
        )
    if real == "PNG" and len(data) > 24 and data[12:16] == b"IHDR" and data[24] == 16:
        raise BadImage(
            Msg(
                "16-bit PNG: the web shows 8 bits per channel and the file is twice as heavy",
                "PNG 16 bit: web chỉ hiển thị 8 bit mỗi kênh màu và tệp nặng gấp đôi",
            )
        )
    with warnings.catch_warnings():
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        try:
            image = Image.open(io.BytesIO(data), formats=[real])
        except (Image.DecompressionBombError, Image.DecompressionBombWarning):
            width, height = _header_size(data, real)
            raise BadImage(
                Msg(
                    f"decompression bomb: the header claims {_size(width, height)} pixels",
                    f"ảnh 'bom giải nén': phần đầu tệp khai báo {_size(width, height)} điểm ảnh",
                )
            ) from None
        except (UnidentifiedImageError, OSError, SyntaxError, ValueError, struct.error):
            raise BadImage(
                Msg(
                    f"damaged {real} file: its header cannot be read",
                    f"tệp {real} bị hỏng: không đọc được phần đầu tệp",
                )
            ) from None
    width, height = image.size
    if width < 1 or height < 1 or max(width, height) > limits.max_side:
        raise BadImage(
            Msg(
                f"absurd dimensions {_size(width, height)} (at most {limits.max_side} px a side)",
                f"kích thước bất thường {_size(width, height)} "
                f"(tối đa {limits.max_side} px mỗi cạnh)",
            )
        )
    if max(width, height) / min(width, height) > limits.max_aspect:
        raise BadImage(
            Msg(
                f"absurd dimensions {_size(width, height)}: more than "
                f"{limits.max_aspect:g} times wider than high (or higher than wide)",
                f"kích thước bất thường {_size(width, height)}: tỉ lệ các cạnh vượt quá "
                f"{limits.max_aspect:g} lần",
            ),
            Msg("Crop it to a normal shape.", "Cắt ảnh về tỉ lệ bình thường."),
        )
    if width * height > limits.max_pixels:
        raise BadImage(
            Msg(
                f"{_size(width, height)} is {width * height / 1e6:.0f} megapixels, more than "
                f"the {limits.max_pixels / 1e6:.0f} this site accepts",
                f"{_size(width, height)} là {width * height / 1e6:.0f} megapixel, quá mức "
                f"{limits.max_pixels / 1e6:.0f} megapixel trang web nhận",
            ),
            Msg(
                "Resize it to at most 3200 px wide before adding it.",
                "Thu nhỏ ảnh còn tối đa 3200 px chiều ngang rồi mới thêm vào.",
            ),
        )
    if getattr(image, "n_frames", 1) > 1:
        raise BadImage(
            Msg("animated images are not supported", "không hỗ trợ ảnh động"),
            Msg("Export a single frame.", "Xuất lại một khung hình duy nhất."),
        )
    if image.mode == "CMYK":
        raise BadImage(
            Msg(
                "CMYK colours (made for print): screens show RGB",
                "hệ màu CMYK (dành cho in ấn): màn hình hiển thị RGB",
            )
        )
    if image.mode.startswith(("I", "F")):
        raise BadImage(
            Msg(
                f"{image.mode} pixels (16-bit or floating point)",
                f"điểm ảnh kiểu {image.mode} (16 bit hoặc số thực)",
            )
        )
    return Inspected(data=data, format=real, width=width, height=height)


def _header_size(data: bytes, fmt: str) -> tuple[int, int]:
    """Dimensions read straight from a PNG header (what a bomb claims), else 0×0."""
    if fmt == "PNG" and len(data) >= 24:
        return struct.unpack(">II", data[16:24])
    return (0, 0)


SRGB = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB"))


def decode(source: Inspected) -> Image.Image:
    """Pixels, upright, in sRGB, RGB or RGBA, and nothing else: no EXIF, GPS, XMP or ICC."""
    try:
        image = Image.open(io.BytesIO(source.data), formats=[source.format])
        image.load()
    except (OSError, SyntaxError, ValueError, struct.error, Image.DecompressionBombError):
        raise BadImage(
            Msg(
                "truncated or damaged: the image data ends early or is corrupt",
                "tệp bị cắt cụt hoặc hỏng: dữ liệu ảnh kết thúc sớm hoặc sai",
            ),
            Msg(
                "Copy the original file again (the copy was probably interrupted).",
                "Sao chép lại tệp gốc (có thể lần sao chép trước bị gián đoạn).",
            ),
        ) from None
    icc = image.info.get("icc_profile")
    try:
        upright = ImageOps.exif_transpose(image)
    except Exception:
        upright = image
    if icc:
        if upright.mode not in ("L", "RGB", "RGBA"):
            upright = _to_rgb(upright)
        upright = _to_srgb(upright, icc)
    upright = _to_rgb(upright)
    if upright.mode == "RGBA" and upright.getchannel("A").getextrema() == (255, 255):
        upright = upright.convert("RGB")
    # A new image from the raw pixels: no `info`, so no encoder can copy metadata into outputs.
    return Image.frombytes(upright.mode, upright.size, upright.tobytes())


def _to_rgb(image: Image.Image) -> Image.Image:
    if image.mode in ("RGB", "RGBA"):
        return image
    if image.mode in ("LA", "PA", "RGBa", "La") or (
        image.mode in ("P", "L", "RGB") and "transparency" in image.info
    ):
        return image.convert("RGBA")
    return image.convert("RGB")


def _to_srgb(image: Image.Image, icc: bytes) -> Image.Image:
    try:
        profile = ImageCms.ImageCmsProfile(io.BytesIO(icc))
        converted = ImageCms.profileToProfile(
            image,
            profile,
            SRGB,
            renderingIntent=ImageCms.Intent.PERCEPTUAL,
            outputMode="RGBA" if image.mode == "RGBA" else "RGB",
        )
    except (ImageCms.PyCMSError, OSError, ValueError):
        raise BadImage(
            Msg(
                "its embedded colour profile is broken or does not match its colours",
                "hồ sơ màu (ICC) nhúng trong tệp bị hỏng hoặc không khớp với hệ màu của ảnh",
            )
        ) from None
    assert converted is not None  # Pillow returns None only for an in-place conversion
    return converted
