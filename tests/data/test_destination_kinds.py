"""Every kind of destination the schema accepts can be shown: a label in every language of the
site (cards, tables and the map legend name the kind) and a bundled icon for its card. A kind
added to the schema without them would only fail when an editor first used it."""

from __future__ import annotations

import json

from tnsite.config import Project
from tnsite.data.plugin import STRINGS
from tnsite.data.render import ICONS, icon
from tnsite.data.store import load_store
from tnsite.strings import load_strings

SCHEMA = STRINGS.with_name("schemas") / "destinations.schema.json"


def _kinds() -> list[str]:
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    return list(schema["properties"]["records"]["items"]["properties"]["kind"]["enum"])


def test_every_destination_kind_has_a_label_in_every_language(project: Project) -> None:
    strings = load_strings(STRINGS, project.codes)
    for code in project.codes:
        missing = [kind for kind in _kinds() if not strings[code].get(f"kind.{kind}")]
        assert not missing, (code, missing)


def test_every_destination_kind_has_an_icon() -> None:
    for kind in _kinds():
        assert kind in ICONS, kind
        assert icon(kind).startswith("<svg "), kind


def test_the_data_uses_only_kinds_the_schema_knows(project: Project) -> None:
    kinds = set(_kinds())
    used = {record["kind"] for record in load_store(project).get("destinations").records}
    assert used <= kinds, used - kinds
    assert "wetland" in used  # the Láng Sen reserve, shown on the former Long An page
