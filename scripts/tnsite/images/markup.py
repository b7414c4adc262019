"""Images in pages: the `{{ photo … }}` directive, and the rewrite of every content `<img>`
into responsive, lazily loaded, sized markup.

The directive only writes a plain `<figure>` with an `<img>`; `rewrite_images` then treats it
like any image from Markdown (`![alt](path)`) or raw HTML, so there is one place that decides
`srcset`, `sizes`, `width`/`height`, `loading` and credits.
"""

from __future__ import annotations

import html
import posixpath
import re
from collections.abc import Callable
from dataclasses import dataclass
from html.parser import HTMLParser
from urllib.parse import quote, unquote, urlsplit

from tnsite.images.manifest import Manifest, Photo, licence_name, licence_word
from tnsite.images.pipeline import Processed
from tnsite.images.svg import SvgInfo
from tnsite.mdsource import Directive, Source
from tnsite.urls import relative_href

IMG = re.compile(r"<img\b[^>]*>", re.I)
H2 = re.compile(r"<h2\b", re.I)
DECORATIVE_ROLES = {"presentation", "none"}
MANAGED = {
    "src",
    "srcset",
    "sizes",
    "width",
    "height",
    "loading",
    "decoding",
    "fetchpriority",
    "alt",
    "data-tn-photo",
    "data-tn-hero",
}


class UnknownPhoto(LookupError):
    pass


def _e(text: str) -> str:
    return html.escape(text, quote=True)


def credit_html(photo: Photo, strings: dict[str, str]) -> str:
    parts = [_e(photo.credit)] if photo.credit else []
    if photo.licence:
        word = licence_word(photo.licence)
        named = strings[word] if word else licence_name(photo.licence) or photo.licence
        parts.append(_e(named))
    if photo.source.startswith(("http://", "https://")):
        parts.append(f'<a href="{_e(photo.source)}">{_e(strings["source"])}</a>')
    elif photo.source:
        parts.append(f"{_e(strings['source'])}{strings['colon']} {_e(photo.source)}")
    colon = strings["colon"]
    return f'<span class="tn-credit">{_e(strings["photo"])}{colon} {" · ".join(parts)}</span>'


def expand_photos(
    markdown: str,
    page_url: str,
    manifest: Manifest,
    lang: str,
    strings: dict[str, str],
) -> str:
    """`{{ photo ba-den-summit }}` (on its own line) → a figure with alt text and credit."""

    def replace(directive: Directive) -> str:
        name = directive.target or ""
        photo = manifest.find(name)
        if photo is None:
            raise UnknownPhoto(name)
        options = set(directive.options) | set(directive.options.values())
        alt = "" if photo.decorative else photo.alt.get(lang, "")
        hero = " data-tn-hero" if "hero" in options else ""
        src = quote(relative_href(photo.path, page_url))
        caption = photo.caption.get(lang, "")
        caption_html = (_e(caption) + " ") if caption else ""
        return (
            f'\n<figure class="tn-photo">\n<img src="{src}" alt="{_e(alt)}" '
            f'data-tn-photo="{_e(photo.file)}"{hero}>\n'
            f"<figcaption>{caption_html}{credit_html(photo, strings)}</figcaption>\n</figure>\n"
        )

    return Source.of(markdown, front_matter=False).replace_directives({"photo": replace})


class _Tag(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.attrs: list[tuple[str, str | None]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.attrs = attrs

    handle_startendtag = handle_starttag


def parse_tag(tag: str) -> dict[str, str | None]:
    parser = _Tag()
    parser.feed(tag)
    parser.close()
    return dict(parser.attrs)


def is_decorative(attrs: dict[str, str | None]) -> bool:
    classes = (attrs.get("class") or "").split()
    return (
        "decorative" in classes
        or (attrs.get("role") or "").strip().lower() in DECORATIVE_ROLES
        or (attrs.get("aria-hidden") or "").strip().lower() == "true"
    )


def resolve(src: str, page_url: str, base_path: str = "/") -> str | None:
    """The site path an `<img src>` points at, or None when it is not on this site."""
    parts = urlsplit(src)
    if parts.scheme or parts.netloc or not parts.path:
        return None
    path = unquote(parts.path)
    if path.startswith("/"):
        if not path.startswith(base_path):
            return None
        path = path[len(base_path) :]
    else:
        folder = page_url if page_url.endswith("/") else posixpath.dirname(page_url) + "/"
        path = posixpath.join(folder.lstrip("/"), path)
    path = posixpath.normpath(path)
    return None if path.startswith("..") or path == "." else path


@dataclass(frozen=True)
class Layout:
    sizes: str  # content column beside Material's side bars
    wide_sizes: str  # pages that hide both side bars (the home page)
    wide: bool = False

    @property
    def chosen(self) -> str:
        return self.wide_sizes if self.wide else self.sizes


Lookup = Callable[[str], "Processed | SvgInfo | None"]


def rewrite_images(
    content: str,
    page_url: str,
    lookup: Lookup,
    manifest: Manifest,
    lang: str,
    strings: dict[str, str],
    layout: Layout,
    base_path: str = "/",
) -> str:
    """Every `<img>` of a page's content: sized and responsive; eager above the first `<h2>`
    (the fold, near enough), lazy below it; the hero (marked, or else the first photo above the
    fold) is fetched first."""
    matches = list(IMG.finditer(content))
    if not matches:
        return content
    first_h2 = H2.search(content)
    fold = first_h2.start() if first_h2 else len(content)
    explicit = [m for m in matches if "data-tn-hero" in parse_tag(m.group(0))]
    above = [m for m in matches if m.start() < fold and _is_raster(m, page_url, lookup, base_path)]
    hero = explicit[0] if explicit else (above[0] if above else None)

    def href(path: str) -> str:
        return quote(relative_href(path, page_url))

    out: list[str] = []
    last = 0
    for match in matches:
        out.append(content[last : match.start()])
        last = match.end()
        attrs = parse_tag(match.group(0))
        target = resolve(attrs.get("src") or "", page_url, base_path)
        found = lookup(target) if target else None
        if found is None:
            out.append(match.group(0))
            continue
        is_hero = match is hero
        eager = is_hero or match.start() < fold
        photo = manifest.by_path(target) if target else None
        decorative = is_decorative(attrs) or bool(photo and photo.decorative)
        alt = attrs.get("alt") or ""
        if not alt and photo and not decorative:
            alt = photo.alt.get(lang, "")
        managed: dict[str, str] = {"alt": "" if decorative and not alt else alt}
        if isinstance(found, SvgInfo):
            managed["src"] = attrs.get("src") or ""
            if found.width and found.height:
                managed["width"] = f"{found.width:g}"
                managed["height"] = f"{found.height:g}"
        else:
            managed["src"] = href(found.fallback.path)
            managed["width"] = str(found.width)
            managed["height"] = str(found.height)
        managed["loading"] = "eager" if eager else "lazy"
        managed["decoding"] = "async"
        if is_hero:
            managed["fetchpriority"] = "high"
        sizes = layout.chosen
        srcset = ""
        if isinstance(found, Processed):
            srcset = ", ".join(f"{href(v.path)} {v.width}w" for v in found.variants)
            if found.fallback.format == "WEBP":
                managed["srcset"] = srcset
                managed["sizes"] = sizes
        rest = {k: v for k, v in attrs.items() if k not in MANAGED}
        order = ["src", "srcset", "sizes", "alt", "width", "height", "loading", "decoding"]
        ordered: list[tuple[str, str | None]] = [
            (k, managed[k]) for k in [*order, "fetchpriority"] if k in managed
        ]
        ordered += list(rest.items())
        img = "<img " + " ".join(k if v is None else f'{k}="{_e(v)}"' for k, v in ordered) + ">"
        if isinstance(found, Processed) and found.fallback.format != "WEBP":
            img = (
                f'<picture><source type="image/webp" srcset="{_e(srcset)}" '
                f'sizes="{_e(sizes)}">{img}</picture>'
            )
        if photo and "data-tn-photo" not in attrs:
            img += credit_html(photo, strings)
        out.append(img)
    out.append(content[last:])
    return "".join(out)


def _is_raster(match: re.Match[str], page_url: str, lookup: Lookup, base_path: str) -> bool:
    target = resolve(parse_tag(match.group(0)).get("src") or "", page_url, base_path)
    if not target:
        return False
    return isinstance(lookup(target), Processed)
