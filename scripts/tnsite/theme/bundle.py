"""Keep Material's JavaScript bundle from loading scripts from unpkg.com.

The stock bundle loads a ResizeObserver polyfill (old browsers) and Mermaid (pages with
diagrams) from unpkg.com. The site uses neither, and promises no third-party request, so the
built bundle's loader URLs are replaced by empty `data:` scripts. The rewrite is verified: if a
Material upgrade changes the bundle, the build fails instead of silently shipping the loads.
"""

from __future__ import annotations

import re
from pathlib import Path

from mkdocs.exceptions import PluginError

THIRD_PARTY_LOADER = re.compile(r'"https://unpkg\.com/[^"]*"')
EXPECTED_LOADERS = 2


def neutralise_bundle(site_dir: Path) -> int:
    """Rewrite every Material bundle under site_dir; return the number of loaders replaced."""
    bundles = sorted((site_dir / "assets" / "javascripts").glob("bundle.*.min.js"))
    if not bundles:
        raise PluginError("Material's bundle.*.min.js was not found in the built site")
    total = 0
    for bundle in bundles:
        text = bundle.read_text(encoding="utf-8")
        if "unpkg.com" not in text and '"data:text/javascript,"' in text:
            continue  # already rewritten by an earlier pass over the same output folder
        new, count = THIRD_PARTY_LOADER.subn('"data:text/javascript,"', text)
        if count != EXPECTED_LOADERS or "unpkg.com" in new:
            raise PluginError(
                f"{bundle.name}: expected {EXPECTED_LOADERS} unpkg.com loaders, found {count}; "
                "Material's bundle changed, review scripts/tnsite/theme/bundle.py"
            )
        bundle.write_text(new, encoding="utf-8")
        total += count
    return total
