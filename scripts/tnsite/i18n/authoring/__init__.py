"""Rules about a page as its editor wrote it, in any language: mistakes that Markdown forgives
silently and the visitor sees. The page as a whole (`pages`), its blocks (`blocks`) and its
link addresses (`links`); each rule returns findings at the line written.
"""

from __future__ import annotations

from collections.abc import Callable

from tnsite.findings import Finding
from tnsite.i18n.authoring.blocks import (
    broken_blocks,
    footnotes,
    glued_lists,
    list_indents,
    notices,
    pasted_blocks,
    table_cells,
    table_gaps,
    unclosed_directives,
)
from tnsite.i18n.authoring.links import (
    bare_urls,
    link_forms,
    spaced_links,
    unreachable_addresses,
)
from tnsite.i18n.authoring.pages import (
    description_lengths,
    duplicate_ids,
    duplicate_titles,
    empty_pages,
    heading_ids,
    heading_order,
    plain_front_matter,
    title_lengths,
    unknown_keys,
    unwritten_pages,
)
from tnsite.i18n.model import Model

RULES: tuple[Callable[[Model], list[Finding]], ...] = (
    empty_pages,
    duplicate_ids,
    heading_ids,
    duplicate_titles,
    unwritten_pages,
    table_gaps,
    table_cells,
    glued_lists,
    pasted_blocks,
    list_indents,
    notices,
    footnotes,
    unclosed_directives,
    broken_blocks,
    link_forms,
    bare_urls,
    plain_front_matter,
    unknown_keys,
    unreachable_addresses,
    heading_order,
    spaced_links,
    title_lengths,
    description_lengths,
)

__all__ = ["RULES", "table_gaps"]
