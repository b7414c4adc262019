"""`tnsite check` for images: `bad-image`, `missing-alt`, `missing-credit`, `unknown-photo`,
`remote-image`, `photo-manifest`, `file-name` (errors) and `image-budget` (warnings).

Sources are read, never MkDocs: the Markdown of every language, the photo manifest and the image
files themselves (through the same cached pipeline the build uses, so a check right after a
build decodes nothing).
"""

from __future__ import annotations

import posixpath
import re
from urllib.parse import urlsplit

from tnsite.config import Project
from tnsite.explains import EXPLAINS, MISSING_ASSET, PUBLICATION, explains
from tnsite.findings import Finding, Msg
from tnsite.images.config import load_options, plugin_enabled
from tnsite.images.manifest import CREDIT_FIELDS, Manifest, licence_known, load_manifest
from tnsite.images.pipeline import BAD, process
from tnsite.images.probe import RASTER_SUFFIXES
from tnsite.images.scan import ImageRef, scan_markdown, site_path
from tnsite.slugs import slugify
from tnsite.text import closest

MISSING_ALT = "missing-alt"
MISSING_CREDIT = "missing-credit"
LICENCE = "photo-licence"
UNKNOWN_PHOTO = "unknown-photo"
PHOTO_STEM = "photo_stem"  # the extra of an unknown photo: the name a page wrote, no extension
REMOTE_IMAGE = "remote-image"
FILE_NAME = "file-name"  # the pages' rule of the same name (tnsite.i18n.rules)
PHOTO_NAME = re.compile(r"^[a-z0-9][a-z0-9-]*(/[a-z0-9][a-z0-9-]*)*\.[a-z0-9]+$")

ALT_HINT = Msg(
    "Describe what the image shows for someone who cannot see it: ![description](path). If it "
    "only decorates, say so: ![](path){ .decorative }.",
    "Mô tả nội dung ảnh cho người không nhìn thấy: ![mô tả](đường-dẫn). Nếu ảnh chỉ để trang "
    "trí, ghi rõ: ![](đường-dẫn){ .decorative }.",
)


def check_images(project: Project) -> list[Finding]:
    if not plugin_enabled(project):
        return []
    options = load_options(project)
    manifest = load_manifest(project.root, options.manifest, options.photos_dir)
    findings = list(manifest.findings)
    findings.extend(process(project, options).findings)
    findings.extend(check_manifest(project, manifest, options.photos_dir))
    findings.extend(check_pages(project, manifest))
    return findings


def better_photo_name(name: str) -> str | None:
    """The usable name for a photo file named `name`, or None when `name` is usable: a photo is
    named in a page as `{{ photo NAME }}` (a space would end the name) and its file name becomes
    part of the published address, like a page's."""
    if PHOTO_NAME.match(name):
        return None
    stem, suffix = posixpath.splitext(name)
    parts = [slugify(part).replace("_", "-").strip("-") for part in stem.split("/")]
    return "/".join(parts) + suffix.lower()


def _rename_hint(better: str) -> Msg:
    return Msg(
        f"rename the file to '{better}', this entry with it, and use that name in the pages",
        f"đổi tên tệp thành '{better}', đổi tên mục này theo, và dùng tên đó trong các trang",
    )


def _named_without_suffix(project: Project, photo_path: str) -> str | None:
    """The photo file an entry names without its extension (`cho-dem` for cho-dem.jpg)."""
    path = project.root / photo_path
    if path.suffix or not path.parent.is_dir():
        return None
    found = sorted(
        f for f in path.parent.glob(path.name + ".*") if f.suffix.lower() in RASTER_SUFFIXES
    )
    return found[0].name if len(found) == 1 else None


def check_manifest(project: Project, manifest: Manifest, photos_dir: str) -> list[Finding]:
    findings = []
    completed: set[str] = set()  # files an entry names without the extension
    for photo in manifest.photos.values():
        full = _named_without_suffix(project, photo.path)
        if full:
            # One finding: the entry, the file and the page's `{{ photo … }}` all follow it.
            completed.add(posixpath.join(photos_dir, full))
            findings.append(
                Finding(
                    manifest.path,
                    photo.line,
                    "photo-manifest",
                    Msg(
                        f"the entry '{photo.file}' must be the photo's whole file name",
                        f"tên mục '{photo.file}' phải là tên tệp đầy đủ của ảnh",
                    ),
                    hint=Msg(f"write '{full}:'", f"viết '{full}:'"),
                    # Every page showing the photo, on the web and in print, misses it as well.
                    extra={EXPLAINS: [explains(MISSING_ASSET, PUBLICATION, target=photo.path)]},
                )
            )
            continue
        better = better_photo_name(photo.file)
        if better:
            findings.append(
                Finding(
                    manifest.path,
                    photo.line,
                    FILE_NAME,
                    Msg(
                        f"the photo name '{photo.file}' cannot be used in a page or an address "
                        "(spaces, capitals or accents)",
                        f"tên ảnh '{photo.file}' không dùng được trong trang và địa chỉ web (có "
                        "dấu cách, chữ hoa hoặc dấu tiếng Việt)",
                    ),
                    hint=_rename_hint(better),
                )
            )
        if not (project.root / photo.path).is_file():
            findings.append(
                Finding(
                    manifest.path,
                    photo.line,
                    BAD,
                    Msg(
                        f"'{photo.file}' is described here but there is no such file in "
                        f"{photos_dir}/.",
                        f"'{photo.file}' được mô tả ở đây nhưng không có tệp này trong "
                        f"{photos_dir}/.",
                    ),
                    hint=Msg(
                        "Add the photo, or correct the file name (names are case-sensitive).",
                        "Thêm ảnh vào, hoặc sửa lại tên tệp (phân biệt chữ hoa, chữ thường).",
                    ),
                    # Every page showing it then lacks the image: this mistake again.
                    extra={
                        EXPLAINS: [explains(MISSING_ASSET, PUBLICATION, url_has=f"/{photo.path}")]
                    },
                )
            )
        missing_alt = [code for code in project.codes if not photo.alt.get(code)]
        if missing_alt and not photo.decorative:
            findings.append(
                Finding(
                    manifest.path,
                    photo.line_of("alt"),
                    MISSING_ALT,
                    Msg(
                        f"'{photo.file}' has no alt text in {', '.join(missing_alt)}.",
                        f"'{photo.file}' thiếu mô tả (alt) bằng {', '.join(missing_alt)}.",
                    ),
                    hint=Msg(
                        "Under alt:, write one line per language saying what the photo shows "
                        "(or `decorative: true` if it carries no information).",
                        "Dưới alt:, viết mỗi ngôn ngữ một dòng mô tả nội dung ảnh (hoặc "
                        "`decorative: true` nếu ảnh không mang thông tin).",
                    ),
                )
            )
        missing = [name for name in CREDIT_FIELDS if not getattr(photo, name)]
        if missing:
            findings.append(
                Finding(
                    manifest.path,
                    photo.line,
                    MISSING_CREDIT,
                    Msg(
                        f"'{photo.file}' lacks {', '.join(missing)}: a photo is published only "
                        "with its author, licence and source.",
                        f"'{photo.file}' thiếu {', '.join(missing)}: ảnh chỉ được đăng khi ghi "
                        "rõ tác giả, giấy phép và nguồn.",
                    ),
                    hint=Msg(
                        "Add credit: (photographer or owner), licence: (e.g. CC BY 4.0, or "
                        "permission) and source: (address or archive).",
                        "Thêm credit: (tác giả hoặc chủ sở hữu), licence: (ví dụ CC BY 4.0, "
                        "hoặc permission) và source: (địa chỉ hoặc nơi lưu trữ).",
                    ),
                )
            )
        elif not licence_known(photo.licence):
            findings.append(
                Finding(
                    manifest.path,
                    photo.line_of("licence"),
                    LICENCE,
                    Msg(
                        f"the licence '{photo.licence}' would be shown as written on the pages "
                        "of every language",
                        f"giấy phép '{photo.licence}' sẽ hiện nguyên văn trên trang của mọi "
                        "ngôn ngữ",
                    ),
                    hint=Msg(
                        "write `licence: permission` (shown as 'used with permission' in each "
                        "language), `licence: public-domain`, or a Creative Commons licence "
                        "such as CC BY 4.0",
                        "ghi `licence: permission` (hiện là 'được phép sử dụng' bằng ngôn ngữ "
                        "của từng trang), `licence: public-domain`, hoặc một giấy phép Creative "
                        "Commons như CC BY 4.0",
                    ),
                )
            )
    folder = project.root / photos_dir
    described = {p.path for p in manifest.photos.values()}
    for path in sorted(folder.rglob("*")) if folder.is_dir() else []:
        rel = path.relative_to(project.root).as_posix()
        if path.suffix.lower() in RASTER_SUFFIXES and rel not in described | completed:
            name = path.relative_to(folder).as_posix()
            better = better_photo_name(name)
            # The pages that show it by name find no photo for this one reason.
            shown = explains(UNKNOWN_PHOTO, **{PHOTO_STEM: _photo_stem(name)})
            findings.append(
                Finding(
                    rel,
                    1,
                    MISSING_CREDIT,
                    Msg(
                        f"This photo has no entry in {manifest.path}: no credit, licence, "
                        "source or alt text.",
                        f"Ảnh này chưa có mục trong {manifest.path}: thiếu tác giả, giấy phép, "
                        "nguồn và mô tả.",
                    ),
                    hint=Msg(
                        f"Add an entry named '{name}' to the manifest (its first lines show how).",
                        f"Thêm mục '{name}' vào manifest (các dòng đầu tệp đó chỉ cách ghi).",
                    )
                    if not better
                    else Msg(
                        f"Rename the file to '{better}' (spaces, capitals and accents cannot "
                        f"be used), then add an entry named '{better}' to the manifest.",
                        f"Đổi tên tệp thành '{better}' (không dùng được dấu cách, chữ hoa và "
                        f"dấu tiếng Việt), rồi thêm mục '{better}' vào manifest.",
                    ),
                    extra={EXPLAINS: [shown]},
                )
            )
    return findings


def check_pages(project: Project, manifest: Manifest) -> list[Finding]:
    findings = []
    for code in project.codes:
        folder = project.lang_dir(code)
        for page in sorted(folder.rglob("*.md")) if folder.is_dir() else []:
            rel = page.relative_to(project.root).as_posix()
            src_uri = page.relative_to(project.docs_dir).as_posix()
            text = page.read_text(encoding="utf-8", errors="replace")
            findings += page_image_findings(text, rel, src_uri, manifest)
    return findings


def page_image_findings(text: str, rel: str, src_uri: str, manifest: Manifest) -> list[Finding]:
    """The image findings of one page (`rel` is project-relative, `src_uri` docs-relative)."""
    if "![" not in text and "<img" not in text.lower() and "photo" not in text:
        return []
    return [f for ref in scan_markdown(text) for f in _check_ref(ref, rel, src_uri, manifest)]


def _misnamed(written: str, manifest: Manifest) -> bool:
    """Whether `written` (cut at its first space by the directive) names a photo whose own
    file name is unusable."""
    return any(
        better_photo_name(photo.file) is not None
        and (photo.file.startswith(written) or photo.id.startswith(written))
        for photo in manifest.photos.values()
    )


def _photo_meant(name: str, manifest: Manifest) -> Msg:
    """`did you mean toa-thanh-cao-dai?`, written the way the page names the photo (with or
    without the extension)."""
    stem = _photo_stem(name)
    by_id = {p.id: p for p in manifest.photos.values()}
    guess = closest(stem, sorted(by_id))
    if guess:
        shown = guess if stem == name else by_id[guess].file
        return Msg(f"did you mean {{{{ photo {shown} }}}}?", f"có phải {{{{ photo {shown} }}}}?")
    stem, file = _photo_stem(name), slugify(_photo_stem(name)) or "anh"
    suffix = name[len(stem) :].lower() or ".jpg"
    return Msg(
        f"put the photo into assets/photos/ as {file}{suffix}, describe it in {manifest.path} "
        f"under `{file}{suffix}:` (its first lines show how), then write {{{{ photo {file} }}}}",
        f"đặt tệp ảnh vào assets/photos/ với tên {file}{suffix}, mô tả nó trong "
        f"{manifest.path} dưới dòng `{file}{suffix}:` (các dòng đầu tệp đó chỉ cách ghi), "
        f"rồi viết {{{{ photo {file} }}}}",
    )


def _photo_stem(name: str) -> str:
    """The photo's name without the extension of an image file ('cho-dem.jpg' → 'cho-dem'),
    the way a page may write it either way."""
    stem, dot, suffix = name.rpartition(".")
    return stem if dot and f".{suffix.lower()}" in RASTER_SUFFIXES else name


def _check_ref(ref: ImageRef, rel: str, src_uri: str, manifest: Manifest) -> list[Finding]:
    if ref.kind == "photo":
        if manifest.find(ref.photo) is None:
            if _misnamed(ref.photo, manifest):
                # A photo named with spaces or accents ('Chợ Đêm.JPG'), shown by that name:
                # its file-name error says to rename it and use the new name in the pages.
                return []
            return [
                Finding(
                    rel,
                    ref.line,
                    UNKNOWN_PHOTO,
                    Msg(
                        f"No photo named '{ref.photo}' in {manifest.path}.",
                        f"Không có ảnh tên '{ref.photo}' trong {manifest.path}.",
                    ),
                    col=ref.col,
                    hint=_photo_meant(ref.photo, manifest),
                    extra={PHOTO_STEM: _photo_stem(ref.photo)},
                )
            ]
        return []  # its alt text and credit are checked on the manifest entry
    if urlsplit(ref.src).scheme in ("http", "https") or ref.src.startswith("//"):
        # The site loads nothing from other sites (its content security policy allows images
        # from itself only): the visitor would see a broken image, and the other site a visit.
        return [
            Finding(
                rel,
                ref.line,
                REMOTE_IMAGE,
                Msg(
                    f"the image '{ref.src}' is on another website: the site shows only images "
                    "stored in the project",
                    f"ảnh '{ref.src}' nằm trên một trang web khác: trang web chỉ hiện ảnh lưu "
                    "trong dự án",
                ),
                col=ref.col,
                hint=Msg(
                    "save the photo into assets/photos/ (with its credit and licence in the "
                    "manifest) and place it with {{ photo … }}",
                    "lưu ảnh vào assets/photos/ (ghi tác giả và giấy phép trong manifest) rồi "
                    "đặt vào trang bằng {{ photo … }}",
                ),
            )
        ]
    if ref.alt or ref.decorative:
        return []
    target = site_path(ref.src, src_uri)
    if target and manifest.by_path(target) is not None:
        return []  # the manifest gives the alt text (checked there)
    return [
        Finding(
            rel,
            ref.line,
            MISSING_ALT,
            Msg(
                f"Image '{ref.src}' has no alt text and is not marked decorative.",
                f"Ảnh '{ref.src}' không có mô tả (alt) và không được đánh dấu là ảnh trang trí.",
            ),
            col=ref.col,
            hint=ALT_HINT,
        )
    ]
