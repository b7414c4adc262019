"""The editor's file formats (admin/formats.js, run in Node as the browser runs them) edit files
in place: every page, dataset, the photo manifest and the pending list come back byte for byte
when a form saves them unchanged, and a value changed in a form changes that one line."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import yaml

from tests.conftest import ROOT
from tests.helpers.requires import require

# Each file read into the form's values and saved again: unchanged, then with one value changed
# (a page's title, a dataset's first figure).
SCRIPT = """
import { readFileSync } from 'node:fs';
import { formats } from '%(admin)s/formats.js';
const settings = JSON.parse(readFileSync('%(admin)s/settings.json', 'utf8'));
const all = formats(settings);
const out = {};
for (const [path, name] of JSON.parse(process.argv[1])) {
  const text = readFileSync(path, 'utf8');
  const format = all[settings.formats[name]];
  const same = format.toFile(format.fromFile(text));
  const values = format.fromFile(text);
  if (name === 'page') values.title = `${values.title} (sửa)`;
  const record = (values.records || []).find(r => typeof r.value === 'number');
  if (record) record.value += 1;
  out[path] = { same, changed: format.toFile(values) };
}
console.log(JSON.stringify(out));
"""


def _files() -> list[tuple[Path, str]]:
    """Every file the editor's collections offer, with its format."""
    pages = [(p, "page") for p in sorted((ROOT / "docs").rglob("*.md"))]
    data = [(p, "data") for p in sorted((ROOT / "data").glob("*.yml"))]
    return [
        *pages,
        *data,
        (ROOT / "assets/photos/manifest.yml", "manifest"),
        (ROOT / "i18n/pending.yml", "list"),
    ]


def _run(built_site: Path, files: list[tuple[Path, str]]) -> dict[str, dict[str, str]]:
    node = shutil.which("node")
    require(node is not None, "Node.js", "scripts/system-deps.sh test")
    script = SCRIPT % {"admin": (built_site / "admin").as_posix()}
    result = subprocess.run(
        [
            str(node),
            "--input-type=module",
            "-e",
            script,
            json.dumps([[str(p), name] for p, name in files]),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_a_file_saved_unchanged_is_the_same_file(built_site: Path) -> None:
    files = _files()
    results = _run(built_site, files)
    assert len(results) == len(files) > 100
    changed = [
        p.relative_to(ROOT).as_posix()
        for p, _ in files
        if results[str(p)]["same"] != p.read_text(encoding="utf-8")
    ]
    assert changed == []


def test_a_value_changed_in_a_form_changes_its_one_line(built_site: Path) -> None:
    files = _files()
    results = _run(built_site, files)
    lines_changed: dict[str, list[tuple[str, str]]] = {}
    for path, _name in files:
        before = path.read_text(encoding="utf-8").splitlines()
        after = results[str(path)]["changed"].splitlines()
        assert len(before) == len(after), path
        diff = [(a, b) for a, b in zip(before, after, strict=True) if a != b]
        if diff:
            lines_changed[path.relative_to(ROOT).as_posix()] = diff
    # a page: its title line, quoted as it was
    [(before, after)] = lines_changed["docs/vi/du-lich/nui-ba-den.md"]
    assert before.startswith('title: "') and after.startswith('title: "')
    assert yaml.safe_load(after)["title"] == yaml.safe_load(before)["title"] + " (sửa)"
    assert all(len(diff) == 1 for diff in lines_changed.values()), {
        p: d for p, d in lines_changed.items() if len(d) != 1
    }
    figure = lines_changed["data/key-figures.yml"][0]
    assert figure == ("    value: 8500", "    value: 8501")
