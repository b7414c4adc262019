"""Which pages matter most, so translators start where visitors arrive.

Order: the home page, then the section landing pages (in navigation order), then the pages
those link to, breadth first (what a visitor reaches in one click comes before what takes
two), then every other page in navigation order.
"""

from __future__ import annotations

from collections import deque

from tnsite.i18n.model import Model

HOME = "index.md"


def is_landing(path: str) -> bool:
    """'dau-tu/index.md' is a section landing page; 'index.md' is the home page."""
    return path.endswith("/index.md") and path.count("/") == 1


def importance_order(model: Model) -> list[str]:
    sources = model.sources
    nav = [p for p in model.project.nav_pages() if p in sources]
    rest = nav + sorted(p for p in sources if p not in nav)
    order: list[str] = []
    seen: set[str] = set()

    def add(path: str) -> None:
        if path in sources and path not in seen:
            seen.add(path)
            order.append(path)

    add(HOME)
    for path in rest:
        if is_landing(path):
            add(path)
    queue = deque(order)
    while queue:
        page = queue.popleft()
        for ref in sources[page].scan.refs:
            if ref.kind == "link" and ref.target in sources and ref.target not in seen:
                add(ref.target)
                queue.append(ref.target)
    for path in rest:
        add(path)
    return order
