"""The date a publication carries (cover, PDF metadata) is its sources' date
(tnsite.sourcedate), so the same sources always give the same bytes; written here as W3C."""

from __future__ import annotations

import datetime as dt


def w3c(moment: dt.datetime) -> str:
    return moment.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%S+00:00")
