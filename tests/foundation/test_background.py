"""Work done in a forked child while the build goes on: the same result as in-process, the
child's memo results kept, and the build's own process doing it whenever the child cannot.

Each case runs in a fresh interpreter: a fork is made only while a process runs one thread,
and a test worker may hold threads other tests left running."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from tests.conftest import ROOT
from tnsite import memo
from tnsite.background import Background

_SQUARES: memo.ContentMemo[int] = memo.ContentMemo(keep="test-background-squares")


def _pid_and_square() -> tuple[int, int]:
    return os.getpid(), _SQUARES.get(["7"], lambda: 49)


def computed_in_a_child_and_kept(folder: str) -> None:
    memo.keep_in(Path(folder))
    pid, square = Background(_pid_and_square).result()
    assert pid != os.getpid() and square == 49  # computed in another process
    assert _SQUARES.known(["7"]) == (49,)  # ... and remembered here, as if computed here
    memo.save()
    _SQUARES.forget()
    assert _SQUARES.known(["7"]) == (49,)  # kept on disk by this process


def done_in_process_beside_other_threads() -> None:
    stop = threading.Event()
    thread = threading.Thread(target=stop.wait)
    thread.start()
    try:
        job = Background(_pid_and_square)
        assert job._pid is None and job.result()[0] == os.getpid()
    finally:
        stop.set()
        thread.join()


def left_to_the_build_when_the_child_fails() -> None:
    parent = os.getpid()

    def failing() -> int:
        if os.getpid() != parent:
            raise RuntimeError("only in the child")
        return 1

    assert Background(failing).result() == 1

    def killed() -> int:
        if os.getpid() != parent:
            signal.pause()
        return 2

    job = Background(killed)
    assert job._pid is not None
    os.kill(job._pid, signal.SIGKILL)
    assert job.result() == 2


def stopped_and_reaped_when_cancelled() -> None:
    job = Background(signal.pause)
    pid = job._pid
    assert pid is not None
    job.cancel()
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return
    raise AssertionError(f"process {pid} still exists")


@pytest.mark.parametrize(
    "case",
    [
        "computed_in_a_child_and_kept",
        "done_in_process_beside_other_threads",
        "left_to_the_build_when_the_child_fails",
        "stopped_and_reaped_when_cancelled",
    ],
)
def test_background_work(case: str, tmp_path: Path) -> None:
    args = repr(str(tmp_path)) if case == "computed_in_a_child_and_kept" else ""
    code = f"from tests.foundation.test_background import {case}; {case}({args})"
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr
