"""The audit's budgets (audit.yml): which page types are audited and what each may cost."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import jsonschema
import yaml

from tnsite import yamlread

SCHEMA: dict[str, Any] = {
    "type": "object",
    "required": ["page_types", "lighthouse"],
    "additionalProperties": False,
    "properties": {
        "lighthouse": {
            "type": "object",
            "required": ["min_scores"],
            "additionalProperties": False,
            "properties": {
                "runs": {"type": "integer", "minimum": 1, "maximum": 9},
                "max_runs": {"type": "integer", "minimum": 1, "maximum": 15},
                "min_scores": {
                    "type": "object",
                    "additionalProperties": {"type": "number", "minimum": 0, "maximum": 100},
                },
            },
        },
        "defaults": {"type": "object"},
        "page_types": {
            "type": "object",
            "minProperties": 1,
            "additionalProperties": {
                "type": "object",
                "required": ["path"],
                "additionalProperties": False,
                "properties": {
                    "path": {"type": "string"},
                    "max_kb": {"type": "number", "exclusiveMinimum": 0},
                    "status": {"type": "integer"},
                    "search": {"type": "object", "additionalProperties": {"type": "string"}},
                },
            },
        },
    },
}


@dataclass(frozen=True)
class PageType:
    name: str
    path: str
    max_kb: float
    status: int = 200
    search: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Budgets:
    page_types: tuple[PageType, ...]
    min_scores: dict[str, float]
    runs: int = 1  # Lighthouse runs per page; the least disturbed (best) run is judged
    max_runs: int = 1  # runs taken, at most, while the best one breaks the performance budget


def load_budgets(path: Path) -> Budgets:
    try:
        data = yamlread.load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f":{mark.line + 1}" if mark is not None else ""
        raise ValueError(f"{path.name}{where}: not valid YAML: {exc}") from None
    try:
        jsonschema.validate(data, SCHEMA)
    except jsonschema.ValidationError as exc:
        where = "/".join(str(p) for p in exc.absolute_path) or "top level"
        raise ValueError(f"{path.name}: {where}: {exc.message}") from None
    defaults = data.get("defaults") or {}
    types = tuple(
        PageType(
            name=name,
            path=spec["path"],
            max_kb=float(spec.get("max_kb", defaults.get("max_kb", 200))),
            status=int(spec.get("status", 200)),
            search=dict(spec.get("search") or {}),
        )
        for name, spec in data["page_types"].items()
    )
    lighthouse = data["lighthouse"]
    return Budgets(
        types,
        {k: float(v) for k, v in lighthouse["min_scores"].items()},
        int(lighthouse.get("runs", 1)),
        max(int(lighthouse.get("runs", 1)), int(lighthouse.get("max_runs", 1))),
    )
