"""Every source image of the project, processed once: checked, decoded, resized, encoded and
cached. Builds and `tnsite check` share this, so a check after a build costs nothing and both
report the same findings.

Outputs of a raster source `assets/photos/x.jpg`:
  assets/photos/x-480w.webp, x-800w.webp, …   WebP variants for `srcset`
  assets/photos/x.jpg                          the fallback: the source's own format and
                                               address, resized and stripped of metadata
"""

from __future__ import annotations

import hashlib
import os
import posixpath
from collections.abc import Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field, replace
from pathlib import Path
from urllib.parse import unquote, urlsplit

from tnsite.config import Project
from tnsite.explains import EXPLAINS, MISSING_ASSET, PUBLICATION, STRUCTURE_MISMATCH, explains
from tnsite.findings import Finding, Msg, Severity
from tnsite.images.cache import ContentCache
from tnsite.images.config import ImagesConfig
from tnsite.images.encode import FORMAT_SUFFIX, Settings, encode, is_flat, resize, target_widths
from tnsite.images.probe import (
    RASTER_SUFFIXES,
    BadImage,
    Inspected,
    Limits,
    decode,
    inspect,
)
from tnsite.images.svg import SvgInfo, inspect_svg
from tnsite.mdsource import Source
from tnsite.slugs import slugify

BAD = "bad-image"
BUDGET = "image-budget"
LOCATION = "image-location"


@dataclass(frozen=True)
class Output:
    path: str  # where it is published, relative to the site root
    file: Path  # the cached file that holds its bytes
    width: int
    height: int
    format: str
    size: int  # bytes


@dataclass(frozen=True)
class Processed:
    source: str
    source_size: int
    source_width: int
    source_height: int
    variants: tuple[Output, ...]  # WebP, narrowest first
    fallback: Output

    @property
    def width(self) -> int:
        return self.fallback.width

    @property
    def height(self) -> int:
        return self.fallback.height

    def outputs(self) -> tuple[Output, ...]:
        return (*self.variants, self.fallback)

    def at(self, path: str) -> Processed:
        """The same outputs published for a source served at `path` (a page folder's image is
        served at its MkDocs destination, not at its place in the project)."""
        if path == self.fallback.path:
            return self
        return replace(
            self,
            variants=tuple(replace(v, path=variant_path(path, v.width)) for v in self.variants),
            fallback=replace(self.fallback, path=path),
        )


@dataclass
class Result:
    images: dict[str, Processed] = field(default_factory=dict)
    svgs: dict[str, SvgInfo] = field(default_factory=dict)
    findings: list[Finding] = field(default_factory=list)
    encoded: int = 0  # sources encoded by this run
    reused: int = 0  # sources whose outputs came from the cache

    @property
    def errors(self) -> list[Finding]:
        return [f for f in self.findings if f.severity is Severity.ERROR]


def settings_of(options: ImagesConfig) -> Settings:
    return Settings(
        widths=tuple(sorted(set(options.widths))),
        fallback_width=options.fallback_width,
        webp_quality=options.webp_quality,
        jpeg_quality=options.jpeg_quality,
    )


def limits_of(options: ImagesConfig) -> Limits:
    return Limits(options.max_pixels, options.max_side, options.max_aspect)


def bad(path: str, error: BadImage) -> Finding:
    return Finding(
        path=path,
        line=1,
        rule=BAD,
        message=Msg(
            f"Cannot publish this image: {error.message.en}.",
            f"Không thể đăng ảnh này: {error.message.text('vi')}.",
        ),
        hint=error.hint,
        # Every page that shows it then lacks it, on the web and in print: this image again.
        extra={EXPLAINS: [explains(MISSING_ASSET, PUBLICATION, target=path)]},
    )


def find_sources(project: Project, options: ImagesConfig) -> list[Path]:
    """Raster and SVG files in the configured folders and in docs/ (fonts and other files are
    not images): every image the site publishes goes through the pipeline."""
    found: set[Path] = set()
    for base in [*(project.root / folder for folder in options.sources), project.docs_dir]:
        if base.is_dir():
            found.update(
                p
                for p in base.rglob("*")
                if p.is_file()
                and (p.suffix.lower() in RASTER_SUFFIXES or p.suffix.lower() == ".svg")
            )
    return sorted(found)


def stray_images(project: Project) -> list[Finding]:
    """Raster images inside docs/ are processed too, but escape the photo manifest's credit
    and alt-text checks: one warning per image asks for it to move, at the page line that
    shows it, with the photo's name and the line to write there instead. The translations are
    not told to add it meanwhile: they would copy a path about to change."""
    findings = []
    docs = project.docs_dir
    strays = [
        p
        for p in (sorted(docs.rglob("*")) if docs.is_dir() else [])
        if p.is_file() and p.suffix.lower() in RASTER_SUFFIXES
    ]
    shown = _image_places(project, strays) if strays else {}
    for path in strays:
        rel = path.relative_to(project.root).as_posix()
        name = slugify(path.stem) or "anh"
        photo = f"assets/photos/{name}{path.suffix.lower()}"
        places = shown.get(rel, [])
        where, line = places[0] if places else (rel, 1)
        instead = (
            Msg(f" in place of that image at {where}:{line}", f" thay cho ảnh đó ở {where}:{line}")
            if places
            else Msg(" where a page shows it", " ở chỗ trang cần hiện ảnh")
        )
        findings.append(
            Finding(
                path=where,
                line=line,
                rule=LOCATION,
                severity=Severity.WARNING,
                message=Msg(
                    f"the image {rel} is in docs/: images belong in assets/, stored once for "
                    "all languages, and a photo there needs its credit and description",
                    f"ảnh {rel} đang nằm trong docs/: ảnh cần đặt trong assets/, dùng chung cho "
                    "mọi ngôn ngữ, và ảnh chụp ở đó cần ghi tác giả và mô tả",
                ),
                hint=Msg(
                    f"move it to {photo}, describe it in assets/photos/manifest.yml under "
                    f"`{name}{path.suffix.lower()}:` (alt text in every language, credit, "
                    f"licence, source) and write {{{{ photo {name} }}}}{instead.en}; a drawing "
                    "or map goes to assets/images/ instead",
                    f"chuyển ảnh sang {photo}, mô tả nó trong assets/photos/manifest.yml dưới "
                    f"dòng `{name}{path.suffix.lower()}:` (mô tả ở mọi ngôn ngữ, tác giả, giấy "
                    f"phép, nguồn) rồi viết {{{{ photo {name} }}}}{instead.vi}; hình vẽ hoặc "
                    "bản đồ thì đặt vào assets/images/",
                ),
                extra={
                    EXPLAINS: [
                        explains(STRUCTURE_MISMATCH, source_place=f"{page}:{number}")
                        for page, number in places
                    ]
                },
            )
        )
    return findings


def _image_places(project: Project, images: list[Path]) -> dict[str, list[tuple[str, int]]]:
    """The Markdown lines that show each of `images` (project-relative paths → places)."""
    wanted = {p.relative_to(project.root).as_posix() for p in images}
    places: dict[str, list[tuple[str, int]]] = {}
    for page in sorted(project.docs_dir.rglob("*.md")):
        rel = page.relative_to(project.root).as_posix()
        try:
            text = page.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            continue  # the encoding check reports it
        for link in Source.of(text).links:
            dest = unquote(urlsplit(link.dest).path)
            if not dest or "://" in link.dest:
                continue
            target = posixpath.normpath(posixpath.join(posixpath.dirname(rel), dest))
            if target in wanted:
                places.setdefault(target, []).append((rel, link.line))
    return places


def variant_path(source: str, width: int) -> str:
    stem, _ext = posixpath.splitext(source)
    return f"{stem}-{width}w.webp"


def process(project: Project, options: ImagesConfig, workers: int | None = None) -> Result:
    """Process every source image; the cache makes an unchanged image free."""
    result = Result()
    result.findings.extend(stray_images(project))
    cache = ContentCache(project.root / options.cache_dir)
    settings = settings_of(options)
    limits = limits_of(options)
    digest = settings.digest()
    sources = find_sources(project, options)
    rels = {p: p.relative_to(project.root).as_posix() for p in sources}
    taken = set(rels.values())
    jobs: list[tuple[str, Inspected, str]] = []
    for path in sources:
        rel = rels[path]
        try:
            if path.suffix.lower() == ".svg":
                result.svgs[rel] = inspect_svg(path)
                continue
            inspected = inspect(path, limits)
        except BadImage as error:
            result.findings.append(bad(rel, error))
            continue
        clash = _clash(rel, inspected, settings, taken)
        if clash:
            result.findings.append(bad(rel, clash))
            continue
        key = hashlib.sha256(digest.encode() + inspected.data).hexdigest()
        meta = cache.lookup(key)
        if meta is not None:
            result.images[rel] = _from_meta(rel, inspected, meta, cache.folder(key))
            result.reused += 1
        else:
            jobs.append((rel, inspected, key))

    def run(job: tuple[str, Inspected, str]) -> tuple[str, Processed | BadImage]:
        rel, inspected, key = job
        try:
            return rel, _encode_source(rel, inspected, key, settings, cache)
        except BadImage as error:
            return rel, error

    threads = workers or options.threads or os.cpu_count() or 1
    with ThreadPoolExecutor(max_workers=max(1, min(threads, len(jobs) or 1))) as pool:
        for rel, outcome in pool.map(run, jobs):
            if isinstance(outcome, BadImage):
                result.findings.append(bad(rel, outcome))
            else:
                result.images[rel] = outcome
                result.encoded += 1
    for processed in result.images.values():
        result.findings.extend(budget_findings(processed, options))
    return result


def _clash(rel: str, inspected: Inspected, settings: Settings, taken: set[str]) -> BadImage | None:
    """Two sources whose outputs would overwrite each other (x.jpg and x.png → x-480w.webp)."""
    for width in target_widths(inspected.width, settings.widths):
        out = variant_path(rel, width)
        if out in taken:
            return BadImage(
                Msg(
                    f"its resized copy {out} would overwrite another file",
                    f"bản thu nhỏ {out} của ảnh sẽ ghi đè lên một tệp khác",
                ),
                Msg(
                    "Give the two images different names.",
                    "Đặt tên khác nhau cho hai ảnh.",
                ),
            )
    for width in target_widths(inspected.width, settings.widths):
        taken.add(variant_path(rel, width))
    return None


def _encode_source(
    rel: str, inspected: Inspected, key: str, settings: Settings, cache: ContentCache
) -> Processed:
    image = decode(inspected)
    flat = inspected.format == "PNG" and is_flat(image)
    files: dict[str, bytes] = {}
    variants = []
    for width in target_widths(image.width, settings.widths):
        scaled = resize(image, width)
        name = f"{width}w.webp"
        files[name] = encode(scaled, "WEBP", settings.webp_quality, lossless=flat)
        variants.append({"name": name, "width": scaled.width, "height": scaled.height})
    fallback = resize(image, min(settings.fallback_width, image.width))
    fallback_name = "fallback" + FORMAT_SUFFIX[inspected.format]
    quality = settings.jpeg_quality if inspected.format == "JPEG" else settings.webp_quality
    files[fallback_name] = encode(fallback, inspected.format, quality, lossless=flat)
    meta = {
        "width": image.width,
        "height": image.height,
        "variants": variants,
        "fallback": {"name": fallback_name, "width": fallback.width, "height": fallback.height},
    }
    folder = cache.store(key, files, meta)
    return _from_meta(rel, inspected, meta, folder)


def _from_meta(rel: str, inspected: Inspected, meta: dict, folder: Path) -> Processed:
    def output(entry: dict, path: str, fmt: str) -> Output:
        file = folder / entry["name"]
        return Output(path, file, entry["width"], entry["height"], fmt, file.stat().st_size)

    variants = tuple(
        output(v, variant_path(rel, v["width"]), "WEBP")
        for v in sorted(meta["variants"], key=lambda v: v["width"])
    )
    return Processed(
        source=rel,
        source_size=len(inspected.data),
        source_width=inspected.width,
        source_height=inspected.height,
        variants=variants,
        fallback=output(meta["fallback"], rel, inspected.format),
    )


def budget_findings(image: Processed, options: ImagesConfig) -> Iterable[Finding]:
    """Warnings with what to do: an output over its byte budget, a source larger than needed."""
    budget = options.output_budget_kb * 1024
    for out in image.outputs():
        if out.size > budget:
            yield _budget(
                image.source,
                Msg(
                    f"its {out.width} px {out.format} copy weighs {out.size // 1024} KB, over the "
                    f"{options.output_budget_kb} KB budget",
                    f"bản {out.format} rộng {out.width} px nặng {out.size // 1024} KB, vượt mức "
                    f"{options.output_budget_kb} KB",
                ),
                Msg(
                    "Crop to the subject, or save photos as JPEG rather than PNG; very noisy "
                    "images (night shots, foliage) compress badly.",
                    "Cắt sát chủ thể, hoặc lưu ảnh chụp dạng JPEG thay vì PNG; ảnh nhiễu nhiều "
                    "(chụp đêm, tán lá) khó nén nhỏ.",
                ),
            )
    largest = max(options.widths, default=image.source_width)
    if image.source_width > options.max_source_width:
        yield _budget(
            image.source,
            Msg(
                f"the source is {image.source_width} px wide; the site never shows more than "
                f"{largest} px",
                f"ảnh gốc rộng {image.source_width} px; trang web không bao giờ hiển thị quá "
                f"{largest} px",
            ),
            Msg(
                f"Resize it to {options.max_source_width} px wide before adding it.",
                f"Thu nhỏ ảnh còn {options.max_source_width} px chiều ngang trước khi thêm vào.",
            ),
        )
    if image.source_size > options.source_budget_kb * 1024:
        yield _budget(
            image.source,
            Msg(
                f"the source file weighs {image.source_size / 1048576:.1f} MB, over the "
                f"{options.source_budget_kb / 1024:.1f} MB budget for sources",
                f"tệp gốc nặng {image.source_size / 1048576:.1f} MB, vượt mức "
                f"{options.source_budget_kb / 1024:.1f} MB cho ảnh gốc",
            ),
            Msg(
                "Export it again as JPEG at quality 85–90.",
                "Xuất lại thành JPEG với chất lượng 85–90.",
            ),
        )


def _budget(path: str, message: Msg, hint: Msg) -> Finding:
    return Finding(
        path=path, line=1, rule=BUDGET, message=message, hint=hint, severity=Severity.WARNING
    )
