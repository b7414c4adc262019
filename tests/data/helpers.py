"""A render context over the real data, for view tests that need no build."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from tnsite.config import Project
from tnsite.data import views  # noqa: F401 - registers the data views
from tnsite.data.directives import get_view, parse
from tnsite.data.fmt import Formatter
from tnsite.data.geo import load_geo
from tnsite.data.render import RenderContext
from tnsite.data.store import Store
from tnsite.strings import load_strings

STRINGS = Path(__file__).parents[2] / "scripts/tnsite/data/strings.yml"


def context(project: Project, store: Store, lang: str, page_url: str = "du-lich/") -> RenderContext:
    strings = load_strings(STRINGS, project.codes)[lang]
    return RenderContext(
        store=store,
        lang=lang,
        fmt=Formatter(lang, strings, lang == "km"),
        page_url=(project.language(lang).url_prefix + page_url),
        url_prefix=project.language(lang).url_prefix,
        today=dt.date(2026, 3, 1),
        geo=load_geo(project.data_dir),
    )


def render(ctx: RenderContext, text: str) -> str:
    (directive,) = list(parse(text))
    return get_view(directive.view).render(ctx, directive)  # type: ignore[union-attr,misc]
