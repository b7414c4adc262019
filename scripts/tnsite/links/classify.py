"""Sort the URLs of one scanned page into fine, broken, to-check-later and external.

Runs inside the scanning workers, so only the few interesting URLs travel back to the main
process: broken links and assets, links into another language, fragments pointing at other
pages (checked once every page's ids are known), and external URLs when asked for.

Language links. A page links into another language's tree only on purpose: the theme's
language switcher and the hreflang alternates carry an `hreflang` attribute, and an editor who
wants a reader to change language marks the link the same way with attr_list, e.g.
`[Bản tiếng Việt](../le-hoi.md){hreflang=vi}` (the build points it at that language's page, see
tnsite.i18n.crosslinks). Any other link whose target page is in another language's tree is a
`cross-language-link`, and a link in a page whose `hreflang` names another language than the
one it lands in is a `hreflang-mismatch`. A page's language is its
`<html lang>` (a page built by fallback is in its build's tree, so its own links stay there).
"""

from __future__ import annotations

from dataclasses import dataclass

from tnsite.explains import (
    BROKEN_ANCHOR,
    BROKEN_LINK,
    CROSS_LANGUAGE,
    HREFLANG_MISMATCH,
    MISSING_ASSET,
)
from tnsite.langtags import site_language
from tnsite.links.resolve import EXTERNAL, MISSING, OK, Resolver
from tnsite.links.scan import LINK, PageScan

TOP_FRAGMENTS = {"", "top"}  # HTML: an empty fragment or "top" scrolls to the top


@dataclass(frozen=True)
class Languages:
    """URL prefix of each language ("" for the default one), longest first."""

    prefixes: tuple[tuple[str, str], ...]  # (prefix, code)
    default: str

    def page_language(self, page: PageScan) -> str:
        """A page's language: its `<html lang>` when that is a site language (an error page
        served at the root may be in any language), else its URL tree."""
        declared = site_language(page.html_lang, self.codes)
        return declared or self.of(page.path)

    @property
    def codes(self) -> frozenset[str]:
        return frozenset(code for _, code in self.prefixes)

    def of(self, site_path: str) -> str:
        for prefix, code in self.prefixes:
            if prefix and site_path.startswith(prefix):
                return code
        return self.default


@dataclass(frozen=True)
class Context:
    resolver: Resolver
    languages: Languages
    collect_external: bool = False
    signature: str = ""  # digest of everything above, for results kept between scans


def classify(page: PageScan, ctx: Context) -> PageScan:
    """Fill page.issues / page.anchors / page.externals from page.refs, then drop the refs."""
    resolve = ctx.resolver.resolve
    lang = ctx.languages.page_language(page)
    for ref in page.refs:
        target = resolve(page.path, ref.url)
        status = target.status
        if status == OK:
            if (
                ref.kind == LINK
                and ref.hreflang is None
                and target.is_html
                and target.path != page.path
                and ctx.languages.of(target.path) != lang
            ):
                page.issues.append((CROSS_LANGUAGE, ref, target.path))
            elif (
                ref.kind == LINK
                and ref.in_content
                and ref.hreflang
                and target.is_html
                and ref.hreflang in ctx.languages.codes
                and ctx.languages.of(target.path) != ref.hreflang
            ):
                page.issues.append((HREFLANG_MISMATCH, ref, target.path))
            fragment = target.fragment
            if fragment is not None and fragment not in TOP_FRAGMENTS and target.is_html:
                if target.path == page.path:
                    if fragment not in page.ids:
                        page.issues.append((BROKEN_ANCHOR, ref, target.path))
                else:
                    page.anchors.append((ref, target.path, fragment))
        elif status == MISSING:
            rule = BROKEN_LINK if ref.kind == LINK else MISSING_ASSET
            page.issues.append((rule, ref, target.path))
        elif status == EXTERNAL and ctx.collect_external:
            page.externals.append(ref)
    page.refs = []
    return page


def check_anchors(pages: dict[str, PageScan]) -> None:
    """Turn fragments into other pages that name no id there into broken-anchor issues."""
    for page in pages.values():
        for ref, target, fragment in page.anchors:
            other = pages.get(target)
            if other is not None and fragment not in other.ids:
                page.issues.append((BROKEN_ANCHOR, ref, target))
        page.anchors = []
