"""What a test needs from the machine. `make test` installs all of it (scripts/system-deps.sh
and npm ci), so a missing tool is a broken set-up, never a reason to skip: the test fails and
names the one command that installs it."""

from __future__ import annotations

import pytest


def require(present: bool, what: str, command: str) -> None:
    if not present:
        pytest.fail(f"{what} is not installed: run `{command}` (make test does this itself)")
