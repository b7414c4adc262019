"""The `{{ VIEW DATASET[/RECORD] [option=value ...] }}` construct in page Markdown.

Directives are found by the project's one Markdown scanner (tnsite.mdsource); this module
keeps the registry of views. The data package registers its own views (value, figures,
table, cards, chart, map, contacts); another package can register more with `register_view`.
A view registered without a renderer is *foreign*: it belongs to another plugin (the news
plugin's `events` and `news`, the images plugin's `photo`), is left untouched here and is not
reported as unknown.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from tnsite.mdsource import Directive, Source

__all__ = ["Directive", "View", "get_view", "parse", "register_view", "views"]


@dataclass(frozen=True)
class View:
    """How a view is used: its datasets, whether it needs a record, its options."""

    name: str
    render: Callable[..., str] | None = None  # None: a foreign view, rendered elsewhere
    block: bool = True  # must stand alone on its line
    datasets: tuple[str, ...] = ()  # datasets it can show; () = takes no dataset
    record: str = "no"  # "no" | "required" | "optional"
    options: tuple[str, ...] = ()
    required_options: tuple[str, ...] = ()
    default_dataset: str | None = None
    extra: dict[str, Any] = field(default_factory=dict)


_VIEWS: dict[str, View] = {}
_signature: list[str] = []  # the registry's signature, described once per change of it


def register_view(view: View) -> None:
    """Add or replace a view (another module can add views the pages may use)."""
    _VIEWS[view.name] = view
    _signature.clear()


def views() -> dict[str, View]:
    return dict(_VIEWS)


def registry_signature() -> str:
    """Which views are registered and how: results kept for a page's directives depend on
    them (a module may add or replace a view). A renderer is named by where it is defined, so
    the signature is the same in every process and results can be kept on disk. Every page
    asks for it, so it is described again only after a view is registered."""
    if not _signature:
        _signature.append(repr(sorted((name, _described(view)) for name, view in _VIEWS.items())))
    return _signature[0]


def _described(view: View) -> str:
    render = view.render
    where = (
        f"{getattr(render, '__module__', '')}.{getattr(render, '__qualname__', repr(render))}"
        if render is not None
        else ""
    )
    return repr((dataclasses.replace(view, render=None), where))


def get_view(name: str) -> View | None:
    return _VIEWS.get(name)


for _foreign in ("events", "news", "photo"):
    register_view(View(_foreign))


def parse(text: str, *, front_matter: bool = True) -> tuple[Directive, ...]:
    """Every `{{ … }}` outside code, in order (`front_matter=False` for a page body)."""
    return Source.of(text, front_matter=front_matter).directives
