"""Verified rewrites of Material's JavaScript bundle.

1. The stock bundle loads a ResizeObserver polyfill (old browsers) and Mermaid (pages with
   diagrams) from unpkg.com. The site uses neither, and promises no third-party request, so
   the loader URLs are replaced by empty `data:` scripts.
2. The bundle fetches `sitemap.xml` next to every `<link rel="alternate">` of the page head,
   assuming those point at language roots. Ours point, as search engines require, at the
   absolute URL of the same page in each language, so the bundle would fetch
   `<page>/sitemap.xml` from the production origin on every page view. The language switcher
   already links each page to its translation, so that prefetch is switched off.
3. Search costs nothing until a visitor opens it. Stock Material downloads the language's
   search index (58 KB compressed for Khmer) and starts the search worker on every page view,
   which is most of a text page's weight and main-thread time on a slow phone. Material
   already defers both when a site is opened from `file://`; the rewrites make that the rule:
   the index is fetched when the search box opens (focus, click, `/` or `s`, or `?q=`), the
   worker is created with the first message it is sent, and the highlighter (`?h=` on a
   result page) asks for the index only when there is something to highlight.

Each rewrite must match exactly as often as expected: if a Material upgrade changes the bundle,
the build fails instead of silently shipping the old behaviour.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from tnsite.stack.rewrites import StackChanged

HERE = "scripts/tnsite/stack/bundle.py"

# A Worker that exists only once the page talks to it. rxjs' fromEvent accepts any object with
# addEventListener/removeEventListener, so listeners registered before the first message are
# kept and attached to the real worker when it starts.
LAZY_WORKER = (
    "function tnLazyWorker(u){let w,q=[];return{"
    "addEventListener(...a){w?w.addEventListener(...a):q.push(a)},"
    "removeEventListener(...a){w?w.removeEventListener(...a):q=q.filter(b=>b[1]!==a[1])},"
    "postMessage(d){if(!w){w=new Worker(u);for(const a of q)w.addEventListener(...a)}"
    "w.postMessage(d)}}}"
)


@dataclass(frozen=True)
class Rewrite:
    """One change to the bundle: `old` (a regex) must occur exactly `count` times."""

    name: str
    old: str
    new: str
    count: int

    def apply(self, text: str) -> tuple[str, int]:
        return re.subn(self.old, lambda _: self.new, text)


REWRITES = (
    Rewrite("third-party loaders", r'"https://unpkg\.com/[^"]*"', '"data:text/javascript,"', 2),
    Rewrite(
        "sitemap prefetch",
        re.escape('M("link[rel=alternate]")'),
        'M("link[rel=alternate][data-md-sitemap]")',
        1,
    ),
    Rewrite(
        "index on first search",
        re.escape('L($(location.protocol!=="file:"),Je("search"))'),
        'L($(!1),Je("search"))',
        1,
    ),
    Rewrite(
        "worker on first message",
        re.escape("function Mn(e,t=new Worker(e))"),
        LAZY_WORKER + "function Mn(e,t=tnLazyWorker(e))",
        1,
    ),
    Rewrite(
        "index only to highlight",
        re.escape('z([t,r.pipe(Q(we()),g(o=>!!o.searchParams.get("h")))])'),
        'r.pipe(Q(we()),g(o=>!!o.searchParams.get("h")),b(n=>t.pipe(m(o=>[o,n]))))',
        1,
    ),
)


def rewrite_bundle(text: str, name: str) -> tuple[str, int]:
    """The rewritten bundle and how many rewrites were made (0 when it already was)."""
    made = 0
    for rewrite in REWRITES:
        new, count = rewrite.apply(text)
        if count == 0 and rewrite.new in text:
            continue  # already rewritten by an earlier pass over the same output folder
        if count != rewrite.count:
            raise StackChanged(
                f"{name}: expected {rewrite.count} match(es) for the {rewrite.name} rewrite, "
                f"found {count}; Material's bundle changed, review {HERE}"
            )
        text, made = new, made + count
    return text, made


def neutralise_bundle(site_dir: Path) -> int:
    """Rewrite every Material bundle under site_dir; return the number of changes made."""
    bundles = sorted((site_dir / "assets" / "javascripts").glob("bundle.*.min.js"))
    if not bundles:
        raise StackChanged(
            f"Material's bundle.*.min.js was not found in the built site; review {HERE}"
        )
    total = 0
    for bundle in bundles:
        text, made = rewrite_bundle(bundle.read_text(encoding="utf-8"), bundle.name)
        if made:
            bundle.write_text(text, encoding="utf-8")
        total += made
    return total
