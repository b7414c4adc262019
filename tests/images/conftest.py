from __future__ import annotations

from pathlib import Path

import pytest

from tests.images.fixture import make_project
from tnsite.config import Project


@pytest.fixture
def proj(tmp_path: Path) -> Project:
    """A fresh fixture project (with its own image cache) for each test."""
    return make_project(tmp_path / "proj")
