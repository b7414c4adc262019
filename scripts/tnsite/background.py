"""Work that needs only the sources, done on the machine's other core while the build goes on.

MkDocs builds on one core. What the project adds to a first build that reads nothing but the
sources (the source checks: every page, data file and translation) can run beside it in a
forked process, whose result the build takes when it needs it. A fork copies the process as it
is, so the child needs nothing passed to it and nothing set up again; it is made only while the
process runs a single thread (a fork copies a lock another thread holds, and the preview's
server runs threads), and anything that goes wrong in the child (an exception, a child killed)
falls back to doing the work in the build's own process. The result comes back pickled, with
the memos' results the child used (tnsite/memo.py), so that the build keeps them on disk as if
it had computed them: the next build after an edit finds them, and no file is written twice.
"""

from __future__ import annotations

import contextlib
import os
import pickle
import signal
import threading
from collections.abc import Callable
from typing import Generic, TypeVar

from tnsite import memo

T = TypeVar("T")


class Background(Generic[T]):
    """`compute()`, started now in a child process when that is safe; `result()` waits for it."""

    def __init__(self, compute: Callable[[], T]) -> None:
        self._compute = compute
        self._pid: int | None = None
        self._fd: int | None = None
        if threading.active_count() != 1 or not hasattr(os, "fork"):
            return
        read, write = os.pipe()
        pid = os.fork()
        if pid == 0:  # the child: compute, send the result and what the memos learned, end
            os.close(read)
            try:
                value = compute()
                payload = pickle.dumps((True, value, memo.used_results()), pickle.HIGHEST_PROTOCOL)
            except BaseException:  # any failure: the build computes it itself
                payload = pickle.dumps((False, None, {}))
            with os.fdopen(write, "wb") as out:
                out.write(payload)
            os._exit(0)  # no cleanup of the parent's state: it is not the child's
        os.close(write)
        self._pid, self._fd = pid, read

    def result(self) -> T:
        if self._fd is None:
            return self._compute()
        with os.fdopen(self._fd, "rb") as inp:
            data = inp.read()
        self._fd = None
        self._reap()
        try:
            ok, value, results = pickle.loads(data)
        except Exception:  # nothing usable came back (a child killed)
            ok, value, results = False, None, {}
        memo.take_results(results)
        return value if ok else self._compute()

    def cancel(self) -> None:
        """The build stopped: the child's work is not needed."""
        if self._pid is not None:
            with contextlib.suppress(OSError):
                os.kill(self._pid, signal.SIGKILL)
        if self._fd is not None:
            os.close(self._fd)
            self._fd = None
        self._reap()

    def _reap(self) -> None:
        if self._pid is not None:
            with contextlib.suppress(ChildProcessError):
                os.waitpid(self._pid, 0)
            self._pid = None
