"""`make lint` runs mypy with the configuration in pyproject.toml; these feed that configuration
the mistakes it is there to catch, so a setting lost in an edit fails here."""

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

BAD = """\
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import Files


def untyped(value):
    count = len(value)
    return count + "one"


def hidden() -> int:
    return 1  # type: ignore[return-value]


class Plugin(BasePlugin):
    def on_files(self, files: Files, config: MkDocsConfig, extra: int) -> Files:
        return files
"""


def test_mypy_configuration_catches_what_it_is_for(tmp_path: Path) -> None:
    sample = tmp_path / "sample.py"
    sample.write_text(BAD, encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "mypy", "--cache-dir", str(tmp_path / "cache"), str(sample)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    out = result.stdout
    assert result.returncode == 1, out + result.stderr
    # check_untyped_defs: the body of a function without annotations is checked.
    assert "sample.py:8: error: Unsupported operand types" in out
    # warn_unused_ignores: an ignore that hides nothing is reported.
    assert 'sample.py:12: error: Unused "type: ignore" comment' in out
    # A plugin event that does not match MkDocs' BasePlugin signature.
    assert 'sample.py:16: error: Signature of "on_files" incompatible' in out
