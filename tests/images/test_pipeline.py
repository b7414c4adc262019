"""The content-hash cache and the budgets."""

from __future__ import annotations

from tests.images import makers
from tnsite.config import Project
from tnsite.findings import Severity
from tnsite.images.config import load_options
from tnsite.images.encode import target_widths
from tnsite.images.pipeline import BAD, BUDGET, process


def test_an_unchanged_image_is_never_encoded_again(proj: Project) -> None:
    makers.tagged_red_png(proj.root / "assets/images/flat.png")
    options = load_options(proj)
    first = process(proj, options)
    assert (first.encoded, first.reused) == (2, 0)
    second = process(proj, options)
    assert (second.encoded, second.reused) == (0, 2)
    assert second.images == first.images


def test_a_changed_image_is_encoded_again(proj: Project) -> None:
    options = load_options(proj)
    process(proj, options)
    makers.jpeg_with_gps(proj.root / "assets/photos/ba-den.jpg", 1800, 1200)
    again = process(proj, options)
    assert (again.encoded, again.reused) == (1, 0)
    assert again.images["assets/photos/ba-den.jpg"].source_width == 1800


def test_widths_never_upscale() -> None:
    widths = (480, 800, 1200, 1600)
    assert target_widths(4000, widths) == [480, 800, 1200, 1600]
    assert target_widths(1000, widths) == [480, 800, 1000]
    assert target_widths(300, widths) == [300]


def test_outputs_over_budget_and_oversized_sources_get_warnings(proj: Project) -> None:
    makers.jpeg_with_gps(proj.root / "assets/photos/huge.jpg", 4000, 2500)
    options = load_options(proj)
    options["output_budget_kb"] = 20
    findings = [f for f in process(proj, options).findings if f.path == "assets/photos/huge.jpg"]
    assert findings and all(f.rule == BUDGET for f in findings)
    assert all(f.severity is Severity.WARNING and f.hint for f in findings)
    messages = " ".join(f.message.en for f in findings)
    assert "over the 20 KB budget" in messages
    assert "the source is 4000 px wide" in messages


def test_two_sources_that_would_overwrite_each_other(proj: Project) -> None:
    makers.photo(900, 600).save(proj.root / "assets/photos/ba-den.png")
    findings = [f for f in process(proj, load_options(proj)).findings if f.rule == BAD]
    assert [f.path for f in findings] == ["assets/photos/ba-den.png"]
    assert "overwrite" in findings[0].message.en


def test_webp_source_keeps_a_webp_fallback_at_its_address(proj: Project) -> None:
    makers.photo(1000, 700).save(proj.root / "assets/images/view.webp", "WEBP", quality=90)
    image = process(proj, load_options(proj)).images["assets/images/view.webp"]
    assert image.fallback.path == "assets/images/view.webp" and image.fallback.format == "WEBP"
    assert [v.width for v in image.variants] == [480, 800, 1000]
