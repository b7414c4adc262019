"""Two verified rewrites of Material's JavaScript bundle.

1. The stock bundle loads a ResizeObserver polyfill (old browsers) and Mermaid (pages with
   diagrams) from unpkg.com. The site uses neither, and promises no third-party request, so
   the loader URLs are replaced by empty `data:` scripts.
2. The bundle fetches `sitemap.xml` next to every `<link rel="alternate">` of the page head,
   assuming those point at language roots. Ours point, as search engines require, at the
   absolute URL of the same page in each language, so the bundle would fetch
   `<page>/sitemap.xml` from the production origin on every page view. The language switcher
   already links each page to its translation, so that prefetch is switched off.

Each rewrite must match exactly as often as expected: if a Material upgrade changes the bundle,
the build fails instead of silently shipping the old behaviour.
"""

from __future__ import annotations

import re
from pathlib import Path

from mkdocs.exceptions import PluginError

THIRD_PARTY_LOADER = re.compile(r'"https://unpkg\.com/[^"]*"')
EXPECTED_LOADERS = 2
ALTERNATE_PREFETCH = 'M("link[rel=alternate]")'
NO_PREFETCH = 'M("link[rel=alternate][data-md-sitemap]")'


def neutralise_bundle(site_dir: Path) -> int:
    """Rewrite every Material bundle under site_dir; return the number of loaders replaced."""
    bundles = sorted((site_dir / "assets" / "javascripts").glob("bundle.*.min.js"))
    if not bundles:
        raise PluginError("Material's bundle.*.min.js was not found in the built site")
    total = 0
    for bundle in bundles:
        text = bundle.read_text(encoding="utf-8")
        if "unpkg.com" not in text and NO_PREFETCH in text:
            continue  # already rewritten by an earlier pass over the same output folder
        new, count = THIRD_PARTY_LOADER.subn('"data:text/javascript,"', text)
        prefetches = new.count(ALTERNATE_PREFETCH)
        if count != EXPECTED_LOADERS or "unpkg.com" in new or prefetches != 1:
            raise PluginError(
                f"{bundle.name}: expected {EXPECTED_LOADERS} unpkg.com loaders and one sitemap "
                f"prefetch, found {count} and {prefetches}; Material's bundle changed, review "
                "scripts/tnsite/theme/bundle.py"
            )
        bundle.write_text(new.replace(ALTERNATE_PREFETCH, NO_PREFETCH), encoding="utf-8")
        total += count
    return total
