from __future__ import annotations

from pathlib import Path

import pytest

from tests.i18n.fixture import make_project
from tnsite.config import Project


@pytest.fixture
def fixture_project(tmp_path: Path) -> Project:
    """A clean trilingual project of three pages, every translation up to date."""
    return make_project(tmp_path / "proj")
