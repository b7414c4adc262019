"""Run the browser's search rules (rules.js) under Node, for tests."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path
from typing import Any

from tests.helpers.requires import require
from tnsite.search import wiring

RULES = wiring.HERE / "rules.js"


def node() -> str:
    found = shutil.which("node")
    require(found is not None, "Node.js", "apt-get install nodejs")
    assert found is not None
    return found


def run_js(body: str, data: Any = None) -> Any:
    """Evaluate `body` (a function body with `rules` and `data` in scope) and return its
    JSON-decoded result."""
    program = (
        f"const rules = require({json.dumps(str(RULES))});\n"
        "const data = JSON.parse(require('fs').readFileSync(0, 'utf8'));\n"
        f"const result = (function () {{ {body} }})();\n"
        "process.stdout.write(JSON.stringify(result));\n"
    )
    done = subprocess.run(
        [node(), "-e", program],
        input=json.dumps(data, ensure_ascii=False),
        capture_output=True,
        text=True,
        check=False,
        cwd=Path(__file__).parent,
    )
    if done.returncode != 0:
        raise AssertionError(done.stderr)
    return json.loads(done.stdout)
