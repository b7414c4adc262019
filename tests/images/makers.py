"""Test images made on the spot: photo-like pictures with camera metadata, and every kind of
broken input the pipeline must refuse with a clear message."""

from __future__ import annotations

import io
import struct
import zlib
from pathlib import Path

from PIL import Image, ImageDraw

GPS_IFD = 0x8825
ORIENTATION = 0x0112


def photo(width: int = 1600, height: int = 1000, seed: int = 1) -> Image.Image:
    """Sky, hills and texture at several scales (leaves, grass, grain): detail that survives
    downscaling, so it compresses like a photograph rather than like a flat drawing."""
    sky = Image.linear_gradient("L").resize((width, height))
    image = Image.merge(
        "RGB", [sky.point(lambda v: 90 + v // 3)] * 2 + [sky.point(lambda v: 200 - v // 5)]
    )
    draw = ImageDraw.Draw(image)
    for i in range(6):
        y = int(height * (0.45 + 0.08 * i))
        peak = y - 60 + 17 * ((i * seed) % 5)
        draw.polygon(
            [(0, height), (0, y), (width // 3, peak), (width, y + 40), (width, height)],
            fill=(30 + 20 * i, 90 + 12 * i, 40 + 8 * i),
        )
    texture = Image.new("L", (width, height), 128)
    for factor, weight in ((1, 0.5), (2, 0.5), (5, 0.55), (13, 0.5), (31, 0.45)):
        size = (max(1, width // factor), max(1, height // factor))
        octave = Image.effect_noise(size, 80 + seed).resize(
            (width, height), Image.Resampling.BICUBIC
        )
        texture = Image.blend(texture, octave, weight)
    mask = Image.linear_gradient("L").resize((width, height)).point(lambda v: min(255, v * 2))
    colour = Image.merge(
        "RGB", [texture.point(lambda v: v // 2), texture, texture.point(lambda v: v // 3)]
    )
    return Image.composite(Image.blend(image, colour, 0.6), image, mask)


def jpeg_with_gps(path: Path, width: int = 1600, height: int = 1000, orientation: int = 1) -> Path:
    """A camera-like JPEG: GPS position, camera model, an orientation tag."""
    image = photo(width, height)
    draw = ImageDraw.Draw(image)
    draw.rectangle((0, 0, width // 8, height // 8), fill=(255, 0, 0))  # top-left as stored
    exif = Image.Exif()
    exif[0x010F] = "TestCam"  # Make
    exif[0x0110] = "Model 7"  # Model
    exif[ORIENTATION] = orientation
    exif[GPS_IFD] = {
        1: "N",
        2: (11.0, 22.0, 33.0),
        3: "E",
        4: (106.0, 5.0, 59.0),
    }
    path.parent.mkdir(parents=True, exist_ok=True)
    image.save(path, "JPEG", quality=92, exif=exif.tobytes())
    return path


def png_chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def png_bomb(path: Path, side: int = 60_000) -> Path:
    """A tiny file whose header claims side × side pixels (3.6 gigapixels by default)."""
    header = struct.pack(">IIBBBBB", side, side, 8, 0, 0, 0, 0)
    data = zlib.compress(b"\x00" * 1024)
    path.write_bytes(
        b"\x89PNG\r\n\x1a\n"
        + png_chunk(b"IHDR", header)
        + png_chunk(b"IDAT", data)
        + png_chunk(b"IEND", b"")
    )
    return path


def truncated_jpeg(path: Path) -> Path:
    buffer = io.BytesIO()
    photo(800, 600).save(buffer, "JPEG", quality=90)
    path.write_bytes(buffer.getvalue()[: len(buffer.getvalue()) // 2])
    return path


def cmyk_jpeg(path: Path) -> Path:
    Image.new("CMYK", (400, 300), (0, 200, 200, 0)).save(path, "JPEG")
    return path


def png16(path: Path) -> Path:
    Image.new("I;16", (300, 200), 40_000).save(path, "PNG")
    return path


def png_named_jpg(path: Path) -> Path:
    photo(400, 300).save(path, "PNG")  # path ends in .jpg
    return path


def absurd(path: Path) -> Path:
    Image.new("RGB", (12_000, 40), (0, 128, 0)).save(path, "PNG")
    return path


def garbage(path: Path) -> Path:
    path.write_bytes(b"\x00\x01not an image at all" * 50)
    return path


def gif(path: Path) -> Path:
    Image.new("P", (50, 50)).save(path, "GIF")
    return path


def swapped_primaries_profile() -> bytes:
    """An RGB ICC profile whose red and blue primaries are sRGB's blue and red.

    Pixels tagged with it and stored as pure red are really blue: only a pipeline that applies
    the embedded profile publishes them blue."""

    def s15(value: float) -> bytes:
        return struct.pack(">i", round(value * 65536))

    def xyz(x: float, y: float, z: float) -> bytes:
        return b"XYZ " + b"\0" * 4 + s15(x) + s15(y) + s15(z)

    curve = b"curv" + b"\0" * 4 + struct.pack(">I", 1) + struct.pack(">H", 256)  # gamma 1.0
    desc_text = b"swapped\0"
    desc = (
        b"desc"
        + b"\0" * 4
        + struct.pack(">I", len(desc_text))
        + desc_text
        + b"\0" * 4
        + b"\0" * 4
        + b"\0" * 2
        + b"\0"
        + b"\0" * 67
    )
    tags = [
        (b"desc", desc),
        (b"wtpt", xyz(0.9642, 1.0, 0.8249)),
        (b"rXYZ", xyz(0.1431, 0.0606, 0.7141)),  # sRGB's blue colorant (D50)
        (b"gXYZ", xyz(0.3851, 0.7169, 0.0971)),
        (b"bXYZ", xyz(0.4361, 0.2225, 0.0139)),  # sRGB's red colorant (D50)
        (b"rTRC", curve),
        (b"gTRC", curve),
        (b"bTRC", curve),
    ]
    offset = 128 + 4 + 12 * len(tags)
    table, blobs = b"", b""
    for sig, data in tags:
        while (offset + len(blobs)) % 4:
            blobs += b"\0"
        table += sig + struct.pack(">II", offset + len(blobs), len(data))
        blobs += data
    body = struct.pack(">I", len(tags)) + table + blobs
    size = 128 + len(body)
    header = (
        struct.pack(">I", size)
        + b"lcms"
        + struct.pack(">I", 0x02100000)
        + b"mntr"
        + b"RGB "
        + b"XYZ "
        + b"\0" * 12
        + b"acsp"
        + b"APPL"
        + b"\0" * 4
        + b"\0" * 8
        + b"\0" * 8
        + b"\0" * 4
        + s15(0.9642)
        + s15(1.0)
        + s15(0.8249)
        + b"lcms"
        + b"\0" * 44
    )
    assert len(header) == 128, len(header)
    return header + body


def tagged_red_png(path: Path) -> Path:
    Image.new("RGB", (64, 64), (255, 0, 0)).save(
        path, "PNG", icc_profile=swapped_primaries_profile()
    )
    return path
