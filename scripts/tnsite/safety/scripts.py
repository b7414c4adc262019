"""The scripts a built page may run, and the Content-Security-Policy that allows only those.

A page runs Material's bundle, the search worker and a few short inline scripts that the
theme's own templates write (Material's partials, the project's overrides). The inline
scripts are recognised by the templates they come from: each `<script>` of the theme folders
becomes a pattern in which a template expression (`{{ base_url }}`) may stand for a URL or a
JSON value and nothing else. Any other script, any event-handler attribute and any
`javascript:` URL in a built page is something the project did not put there, and the build
stops. The policy then names each allowed inline script by its hash, so a browser refuses
anything injected later, too.
"""

from __future__ import annotations

import base64
import hashlib
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from selectolax.lexbor import LexborHTMLParser

from tnsite.memo import ContentMemo
from tnsite.safety.content import is_forbidden_url
from tnsite.stack.theme_listing import theme_files

SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)(?![^>]*\btype=)[^>]*>(.*?)</script>", re.S)
JINJA_EXPRESSION = re.compile(r"\\\{\\\{.*?\\\}\\\}")
DATA_TYPES = {"application/json", "application/ld+json"}
CSP_META = '<meta http-equiv="Content-Security-Policy" content="{policy}">'


@dataclass(frozen=True)
class Known:
    pattern: re.Pattern[str]
    template: str


def _pattern(body: str) -> re.Pattern[str]:
    """A template's script as a pattern: its text exactly, each `{{ … }}` a URL or JSON."""
    escaped = re.escape(body)

    def expression(match: re.Match[str]) -> str:
        return r"[^<]*?" if "tojson" in match.group(0) else r"[A-Za-z0-9._~/:%#?&=+-]*"

    return re.compile(JINJA_EXPRESSION.sub(expression, escaped), re.S)


@cache
def known_scripts(theme_dirs: tuple[str, ...]) -> tuple[Known, ...]:
    """Every inline script written by a template of the theme folders."""
    out: list[Known] = []
    for folder in theme_dirs:
        for template in _templates(Path(folder)):
            text = template.read_text(encoding="utf-8", errors="replace")
            for match in SCRIPT.finditer(text):
                body = match.group(1).strip()
                if body and "{%" not in body:
                    out.append(Known(_pattern(body), template.name))
    return tuple(out)


def _templates(folder: Path) -> list[Path]:
    """The theme folder's templates. Hidden folders hold none (Material keeps its 14,000 icons
    in `.icons`), and walking them cost more than reading every template."""
    return sorted(folder / rel for rel in theme_files(str(folder)) if rel.endswith(".html"))


def sha256_source(script: str) -> str:
    digest = hashlib.sha256(script.encode("utf-8")).digest()
    return "'sha256-" + base64.b64encode(digest).decode("ascii") + "'"


@dataclass(frozen=True)
class PageScripts:
    """What a built page runs, and what it carries that no template of the theme wrote."""

    hashes: tuple[str, ...]
    foreign: tuple[str, ...]  # short descriptions of each script, handler or URL not allowed


_INSPECTED: ContentMemo[PageScripts] = ContentMemo(keep="script-audit")


def inspect_page(html: str, known: Iterable[Known]) -> PageScripts:
    patterns = tuple(known)
    keys = (html, *(k.pattern.pattern for k in patterns))
    return _INSPECTED.get(keys, lambda: _inspect(html, patterns))


def _inspect(html: str, known: tuple[Known, ...]) -> PageScripts:
    tree = LexborHTMLParser(html)
    hashes: list[str] = []
    foreign: list[str] = []
    patterns = tuple(known)
    for node in tree.css("script"):
        attrs = node.attributes
        body = node.text(deep=True) or ""
        kind = (attrs.get("type") or "").lower()
        if "src" in attrs:
            src = attrs.get("src") or ""
            if "://" in src or src.startswith("//") or is_forbidden_url(src):
                foreign.append(f"<script src={src!r}>")
            continue
        if kind in DATA_TYPES:
            continue  # data, never executed
        if any(k.pattern.fullmatch(body.strip()) for k in patterns):
            if sha256_source(body) not in hashes:
                hashes.append(sha256_source(body))
            continue
        foreign.append(f"<script>{body.strip()[:60]}</script>")
    for node in tree.css("*"):
        for name, value in node.attributes.items():
            if name.lower().startswith("on"):
                foreign.append(f"<{node.tag} {name}=…>")
            elif (
                name.lower() in ("href", "src", "action", "formaction")
                and value
                and is_forbidden_url(value)
                and not value.startswith("data:image/")
            ):
                foreign.append(f"<{node.tag} {name}={value[:40]!r}>")
    return PageScripts(tuple(hashes), tuple(foreign))


def policy(hashes: Iterable[str]) -> str:
    """Only the site's own scripts, styles, fonts, images, index fetches and workers."""
    scripts = " ".join(["'self'", *hashes])
    return "; ".join(
        [
            "default-src 'self'",
            f"script-src {scripts}",
            "style-src 'self'",
            "img-src 'self' data:",
            "font-src 'self'",
            "connect-src 'self'",
            "worker-src 'self'",
            "object-src 'none'",
            "base-uri 'self'",
            "form-action 'self'",
        ]
    )


def add_policy(html: str, hashes: Iterable[str]) -> str:
    """The page with its policy as the first element of <head> (it covers what follows)."""
    meta = CSP_META.format(policy=policy(hashes))
    head = re.search(r"<head[^>]*>", html)
    if head is None:
        return html
    return html[: head.end()] + meta + html[head.end() :]
