"""Field labels for the editor's forms, in the editor's interface language.

The forms are generated from the schemas, whose keys are English YAML names (`as_of`, `source`).
An editor reads the label in Vietnamese with the key beside it, so the form and the file (and the
README's conventions) name the same thing.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from tnsite import yamlread
from tnsite.data.schema import vietnamese_descriptions

LABELS_FILE = Path(__file__).with_name("labels.yml")


def _table(path: Path) -> dict[str, Any]:
    return yamlread.load(path.read_text(encoding="utf-8")) or {}


_LABELS: dict[str, dict[str, str]] = _table(LABELS_FILE)
HINTS: dict[str, str] = vietnamese_descriptions()


def label(key: str, ui: str = "vi") -> str:
    """'as_of' → 'Ngày số liệu (as_of)'; a key without a label is shown as it is written."""
    names = _LABELS.get(key) or {}
    name = names.get(ui) or names.get("en")
    return f"{name} ({key})" if name else key


def text(key: str, ui: str = "vi") -> str:
    """A label without the key beside it (collection names, hints)."""
    names = _LABELS.get(key) or {}
    return str(names.get(ui) or names.get("en") or key)


def hint(description: str, ui: str = "vi") -> str:
    """A schema's English `description` in the interface language (data/descriptions-vi.yml);
    English as it is when the interface is English or no translation is known."""
    return HINTS.get(description, description) if ui == "vi" else description
