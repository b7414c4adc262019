"""Results of pure functions of the sources (a page's text, data/, the built site's file set),
kept for the life of the process by the digest of their inputs.

`make serve` rebuilds the whole site on every save, with every plugin, while an editor changes
one page or one data file at a time: the scans, search entries, drawn figures and checks of
everything else come out exactly as before. Keys are digests of everything the result depends on,
so a changed input is always computed again and nothing needs invalidating; the oldest entries
go first once the memo is full.
"""

from __future__ import annotations

import hashlib
from collections import OrderedDict
from collections.abc import Callable, Iterable
from typing import Generic, TypeVar

T = TypeVar("T")


def digest(parts: Iterable[str]) -> str:
    """One digest of several texts (a separator between them, so parts cannot run together)."""
    sha = hashlib.sha256()
    for part in parts:
        sha.update(part.encode("utf-8", "surrogatepass") + b"\0")
    return sha.hexdigest()


class ContentMemo(Generic[T]):
    def __init__(self, size: int = 4096) -> None:
        self.size = size
        self._items: OrderedDict[str, T] = OrderedDict()

    def get(self, parts: Iterable[str], compute: Callable[[], T]) -> T:
        """The result for these inputs: remembered, or computed now and remembered."""
        key = digest(parts)
        if key in self._items:
            self._items.move_to_end(key)
            return self._items[key]
        value = compute()
        self._items[key] = value
        if len(self._items) > self.size:
            self._items.popitem(last=False)
        return value
