"""Results of pure functions of the sources (a page's text, data/, the built site's file set),
kept by the digest of their inputs: in memory for the life of the process, and on disk between
builds for the memos that are given a name.

`make serve` rebuilds the whole site on every save, with every plugin, while an editor changes
one page or one data file at a time: the scans, search entries, drawn figures and checks of
everything else come out exactly as before. `make build` after an edit is the same case, one
process later. Keys are digests of everything the result depends on, so a changed input is
always computed again and nothing needs invalidating; the oldest entries go first once the
memo is full.

On disk, the results of one build are kept under the digest of the code that made them (every
file of this package, every installed distribution's version, the interpreter, the `TNSITE_`
settings): a change of code or of a pinned version starts afresh instead of trusting results
the new code might not give. A build keeps only the results it used, so what an edit replaced
does not pile up. A file that cannot be read is ignored: the results are computed again.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import pickle
import sys
from collections import OrderedDict
from collections.abc import Callable, Iterable
from functools import cache
from pathlib import Path
from typing import Generic, TypeVar

from tnsite.atomic import write_atomic

T = TypeVar("T")

_KEPT: list[ContentMemo[object]] = []  # the memos with a name, which are kept on disk
_folder: Path | None = None
# Settings that choose only the language of what is printed: findings keep both languages, so
# switching between `make check` and `TNSITE_LANG=vi make check` keeps every result.
MESSAGES_ONLY = frozenset({"TNSITE_LANG"})


def digest(parts: Iterable[str]) -> str:
    """One digest of several texts (a separator between them, so parts cannot run together)."""
    sha = hashlib.sha256()
    for part in parts:
        sha.update(part.encode("utf-8", "surrogatepass") + b"\0")
    return sha.hexdigest()


@cache
def code_version() -> str:
    """What the kept results were made with: the package's own files, the installed
    distributions and their versions, the interpreter and the `TNSITE_` settings."""
    sha = hashlib.sha256()
    package = Path(__file__).parent
    for path in sorted(package.rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts:
            sha.update(path.relative_to(package).as_posix().encode() + b"\0")
            sha.update(path.read_bytes() + b"\0")
    installed = _installed_distributions()
    settings = [
        f"{k}={v}"
        for k, v in os.environ.items()
        if k.startswith("TNSITE_") and k not in MESSAGES_ONLY
    ]
    for part in (sys.version, *sorted(installed), *sorted(settings)):
        sha.update(part.encode("utf-8", "surrogatepass") + b"\0")
    return sha.hexdigest()


def _installed_distributions() -> set[str]:
    """The installed distributions with their versions, from the names of their metadata
    folders (`name-version.dist-info`): listing the folders costs a millisecond, while reading
    every distribution's metadata cost a tenth of a second in every command."""
    names: set[str] = set()
    for entry in sys.path:
        with contextlib.suppress(OSError):
            names.update(
                item.name
                for item in os.scandir(entry or ".")
                if item.name.endswith((".dist-info", ".egg-info"))
            )
    return names


def file_digest(path: Path) -> str:
    """A file's SHA-256, read once per file version in a process: font facts, unpacked print
    faces, the print fonts' digest and every publication's key name the same large font
    files by their content."""
    stat = path.stat()
    return _content_digest(path.resolve(), stat.st_size, stat.st_mtime_ns)


@cache
def _content_digest(path: Path, size: int, mtime_ns: int) -> str:
    """Keyed by the file's version, so an edited file is read again (a font's weight and cmap
    are asked for one after the other, and again on every preview rebuild)."""
    return hashlib.sha256(path.read_bytes()).hexdigest()


class ContentMemo(Generic[T]):
    def __init__(self, size: int = 4096, *, keep: str | None = None) -> None:
        """`keep`: the file name under which a build keeps these results on disk (the results
        must then pickle); without it they live in memory only."""
        self.size = size
        self.keep = keep
        self._items: OrderedDict[str, T] = OrderedDict()
        self._used: set[str] = set()
        self._on_disk: set[str] = set()  # the keys of the file as last read or written
        self._fresh = False  # a result was computed since then
        self._read_from: Path | None = None
        if keep is not None:
            _KEPT.append(self)  # type: ignore[arg-type]

    def get(self, parts: Iterable[str], compute: Callable[[], T]) -> T:
        """The result for these inputs: remembered, or computed now and remembered."""
        key = digest(parts)
        found = self._known(key)
        if found is not None:
            return found[0]
        value = compute()
        self._remember(key, value)
        return value

    def known(self, parts: Iterable[str]) -> tuple[T] | None:
        """The remembered result for these inputs, in a 1-tuple (None: not known), for a caller
        that computes what is missing in a batch (see `remember`)."""
        return self._known(digest(parts))

    def remember(self, parts: Iterable[str], value: T) -> None:
        self._remember(digest(parts), value)

    def forget(self) -> None:
        """Drop the results held in memory; the next use reads the kept file again, as a later
        process would."""
        self._items.clear()
        self._read_from = None

    def _known(self, key: str) -> tuple[T] | None:
        if self.keep is not None:
            if _folder is not None and self._read_from != _folder:
                self._read(_folder)
            self._used.add(key)
        if key in self._items:
            self._items.move_to_end(key)
            return (self._items[key],)
        return None

    def _remember(self, key: str, value: T) -> None:
        self._items[key] = value
        self._fresh = True
        if len(self._items) > self.size:
            self._items.popitem(last=False)

    def _file(self, folder: Path) -> Path:
        return folder / f"{self.keep}.pickle"

    def _read(self, folder: Path) -> None:
        self._read_from = folder
        self._on_disk = set()
        try:
            with self._file(folder).open("rb") as handle:
                if pickle.load(handle) != code_version():
                    return
                items = pickle.load(handle)
        except Exception:  # a damaged file can fail in many ways; each means: compute again
            return
        if not isinstance(items, dict):
            return
        self._on_disk = set(items)
        for key, value in items.items():
            self._items.setdefault(key, value)
        while len(self._items) > self.size:
            self._items.popitem(last=False)

    def _write(self, folder: Path) -> None:
        """A build that used exactly what the file holds (no edit since) leaves it as it is."""
        kept = {key: self._items[key] for key in self._used if key in self._items}
        self._used = set()
        if not self._fresh and set(kept) == self._on_disk:
            return
        self._on_disk, self._fresh = set(kept), False
        version = pickle.dumps(code_version(), protocol=pickle.HIGHEST_PROTOCOL)
        write_atomic(self._file(folder), version + pickle.dumps(kept, pickle.HIGHEST_PROTOCOL))


def keep_in(folder: Path | None) -> None:
    """From now on, named memos read their results from `folder` and `save` writes them there
    (None: memory only)."""
    global _folder
    _folder = folder
    for memo in _KEPT:
        memo._used = set()
        memo._fresh = False


def used_results() -> dict[str, dict[str, object]]:
    """The results each named memo used since `keep_in`: what a process forked to do part of
    the work hands back, so that the build keeps them as if it had computed them."""
    return {
        memo.keep: {key: memo._items[key] for key in memo._used if key in memo._items}
        for memo in _KEPT
        if memo.keep is not None and memo._used
    }


def take_results(results: dict[str, dict[str, object]]) -> None:
    """Results another process used (`used_results`), remembered and counted as used here."""
    named = {memo.keep: memo for memo in _KEPT}
    for name, items in results.items():
        memo = named.get(name)
        if memo is None:
            continue
        for key, value in items.items():
            if key not in memo._items:
                memo._remember(key, value)
            memo._used.add(key)


def save() -> None:
    """Write each named memo's results used since `keep_in` (or the last save); a memo that
    was not used keeps its file as it is."""
    if _folder is None:
        return
    for memo in _KEPT:
        if memo._used:
            with contextlib.suppress(OSError):  # not written: computed again next time
                memo._write(_folder)
