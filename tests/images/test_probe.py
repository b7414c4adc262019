"""Bad input: every kind gets a `bad-image` error naming the file and saying what to do, and
the good input comes out upright, in sRGB, without any camera metadata."""

from __future__ import annotations

import io
from collections.abc import Callable
from pathlib import Path

import pytest
from PIL import Image

from tests.images import makers
from tnsite.config import Project
from tnsite.findings import Severity
from tnsite.images.config import load_options
from tnsite.images.pipeline import BAD, LOCATION, process
from tnsite.images.probe import BadImage, Limits, inspect

LIMITS = Limits(max_pixels=40_000_000, max_side=12_000, max_aspect=8.0)

BAD_INPUTS: list[tuple[str, Callable[[Path], Path], str]] = [
    ("bomb.png", makers.png_bomb, "decompression bomb"),
    ("cut.jpg", makers.truncated_jpeg, "truncated"),
    ("print.jpg", makers.cmyk_jpeg, "CMYK"),
    ("deep.png", makers.png16, "16-bit PNG"),
    ("liar.jpg", makers.png_named_jpg, "PNG image but its name ends in '.jpg'"),
    ("strip.png", makers.absurd, "absurd dimensions"),
    ("noise.jpg", makers.garbage, "not an image"),
    ("anim.gif", makers.gif, "GIF images are not supported"),
]


@pytest.mark.parametrize(("name", "make", "expected"), BAD_INPUTS)
def test_each_bad_input_is_a_clear_error_naming_the_file(
    proj: Project, name: str, make: Callable[[Path], Path], expected: str
) -> None:
    make(proj.root / "assets/photos" / name)
    result = process(proj, load_options(proj))
    [finding] = [f for f in result.findings if f.rule == BAD]
    assert finding.path == f"assets/photos/{name}"
    assert finding.line == 1
    assert expected in finding.message.en
    assert finding.message.text("vi") != finding.message.en  # Vietnamese for the editors
    assert finding.hint is not None
    assert f"assets/photos/{name}" not in result.images  # nothing half-done is published
    assert "assets/photos/ba-den.jpg" in result.images  # the good photo still is


def test_bomb_is_refused_from_its_header_alone(tmp_path: Path) -> None:
    bomb = makers.png_bomb(tmp_path / "bomb.png", side=200_000)
    assert bomb.stat().st_size < 2_000
    with pytest.raises(BadImage, match="decompression bomb"):
        inspect(bomb, LIMITS)


def test_too_many_pixels_below_pillows_own_limit(tmp_path: Path) -> None:
    path = makers.png_bomb(tmp_path / "big.png", side=7_000)  # 49 MP: Pillow would open it
    with pytest.raises(BadImage, match="megapixels"):
        inspect(path, LIMITS)


def _published(result, rel: str) -> dict[str, bytes]:  # type: ignore[no-untyped-def]
    return {out.path: out.file.read_bytes() for out in result.images[rel].outputs()}


def test_gps_and_camera_data_are_removed_from_every_output(proj: Project) -> None:
    source = (proj.root / "assets/photos/ba-den.jpg").read_bytes()
    assert b"TestCam" in source and Image.open(io.BytesIO(source)).getexif().get_ifd(0x8825)
    result = process(proj, load_options(proj))
    outputs = _published(result, "assets/photos/ba-den.jpg")
    assert set(outputs) == {
        "assets/photos/ba-den.jpg",
        "assets/photos/ba-den-480w.webp",
        "assets/photos/ba-den-800w.webp",
        "assets/photos/ba-den-1200w.webp",
        "assets/photos/ba-den-1600w.webp",
    }
    for path, data in outputs.items():
        image = Image.open(io.BytesIO(data))
        assert not image.getexif(), path
        assert b"Exif" not in data and b"TestCam" not in data, path
        assert "icc_profile" not in image.info and "xmp" not in image.info, path


def test_orientation_is_applied_before_the_metadata_goes(proj: Project) -> None:
    # Stored 1200×800 with the red corner top-left; orientation 6 = rotate 90° clockwise.
    makers.jpeg_with_gps(proj.root / "assets/photos/turned.jpg", 1200, 800, orientation=6)
    result = process(proj, load_options(proj))
    image = result.images["assets/photos/turned.jpg"]
    assert (image.source_width, image.width, image.height) == (1200, 800, 1200)
    fallback = Image.open(image.fallback.file).convert("RGB")
    red, green, blue = fallback.getpixel((fallback.width - 10, 10))  # now top-right
    assert red > 200 and green < 60 and blue < 60
    assert not Image.open(image.fallback.file).getexif()


def test_colours_are_converted_to_srgb_from_the_embedded_profile(proj: Project) -> None:
    makers.tagged_red_png(proj.root / "assets/images/tagged.png")
    result = process(proj, load_options(proj))
    image = result.images["assets/images/tagged.png"]
    for out in image.outputs():
        red, green, blue = Image.open(out.file).convert("RGB").getpixel((5, 5))
        assert blue > 200 and red < 40, (out.path, red, green, blue)  # really blue
        assert "icc_profile" not in Image.open(out.file).info


def test_same_input_gives_the_same_bytes(proj: Project, tmp_path: Path) -> None:
    first = _published(process(proj, load_options(proj)), "assets/photos/ba-den.jpg")
    options = load_options(proj)
    options["cache_dir"] = str(tmp_path / "other-cache")
    second = process(proj, options)
    assert second.encoded == 1  # really encoded again, not read from the first cache
    assert _published(second, "assets/photos/ba-den.jpg") == first


def test_svg_with_script_or_remote_resource_is_refused(proj: Project) -> None:
    folder = proj.root / "assets/images"
    (folder / "evil.svg").write_text(
        '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'
    )
    (folder / "remote.svg").write_text(
        '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink">'
        '<image xlink:href="https://example.com/x.png"/></svg>'
    )
    (folder / "broken.svg").write_text("<svg")
    findings = {f.path: f for f in process(proj, load_options(proj)).findings}
    assert "active content" in findings["assets/images/evil.svg"].message.en
    assert "another site" in findings["assets/images/remote.svg"].message.en
    assert "well-formed" in findings["assets/images/broken.svg"].message.en


def test_raster_images_inside_docs_are_processed_with_a_warning(proj: Project) -> None:
    makers.jpeg_with_gps(proj.root / "docs/vi/du-lich/anh.jpg", 400, 300)
    result = process(proj, load_options(proj))
    [finding] = [f for f in result.findings if f.path == "docs/vi/du-lich/anh.jpg"]
    assert finding.rule == LOCATION and finding.severity is Severity.WARNING
    assert "assets/photos" in finding.hint.en  # type: ignore[union-attr]
    image = result.images["docs/vi/du-lich/anh.jpg"]
    assert not Image.open(image.fallback.file).getexif()
    moved = image.at("du-lich/anh.jpg")
    assert [v.path for v in moved.variants] == ["du-lich/anh-400w.webp"]
    assert moved.fallback.path == "du-lich/anh.jpg"
