from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.preview.helpers import Preview, make_checked_project


@pytest.fixture
def checked_project(tmp_path: Path) -> Path:
    """A clean copy of the small trilingual project, built through the check plugin."""
    return make_checked_project(tmp_path / "proj")


@pytest.fixture
def preview(checked_project: Path) -> Iterator[Preview]:
    """`tnsite serve` in English on the clean project, started."""
    server = Preview(checked_project)
    server.start()
    yield server
    server.stop()
