"""The date a publication carries (cover, PDF metadata): its sources' date
(tnsite.sourcedate), so the same sources always give the same bytes."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from pathlib import Path

from tnsite.sourcedate import source_date


def edition_date(root: Path, sources: Iterable[Path]) -> dt.datetime:
    return source_date(root, sources)


def w3c(moment: dt.datetime) -> str:
    return moment.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%S+00:00")
