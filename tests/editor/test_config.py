"""The editor's generated configuration agrees with the schemas it is generated from: every
required schema field is a required form field with a matching widget, and the reverse."""

from __future__ import annotations

import json
import re
from typing import Any

import pytest

from tnsite.config import Project
from tnsite.data.schema import SCHEMA_DIR, known_datasets, registry
from tnsite.editor.cmsconfig import Backend, cms_config
from tnsite.editor.collections import page_collections
from tnsite.editor.fields import (
    INTEGER_PATTERN,
    NUMBER_PATTERN,
    NUMBER_WIDGET,
    SchemaReader,
    plain_text,
)
from tnsite.editor.labels import HINTS
from tnsite.i18n.schema import SCHEMA
from tnsite.images.manifest import CREDIT_FIELDS


def _by_name(fields: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    return {f["name"]: f for f in fields}


def _agree(reader: SchemaReader, schema: dict[str, Any], fields: list[dict[str, Any]], where: str):
    resolved = reader.resolve(schema)
    properties = resolved.get("properties", {})
    required = set(resolved.get("required", []))
    form = _by_name(fields)
    assert set(form) == set(properties), f"{where}: fields differ from the schema"
    for name, sub in properties.items():
        field, spec = form[name], reader.resolve(sub)
        here = f"{where}.{name}"
        assert field["required"] == (name in required), f"{here}: required differs"
        if reader.is_text(spec):
            assert field["widget"] == "object", here
            assert [f["name"] for f in field["fields"]] == list(reader.languages), here
            assert all(f["required"] == field["required"] for f in field["fields"]), here
            assert all(f["pattern"] == plain_text() for f in field["fields"]), here
        elif "enum" in spec:
            assert field["widget"] == "select" and field["options"] == spec["enum"], here
        elif spec.get("type") in ("number", "integer"):
            assert field["widget"] == NUMBER_WIDGET, here
            digits = INTEGER_PATTERN if spec["type"] == "integer" else NUMBER_PATTERN
            assert field["pattern"][0] == f"^{digits}$", here
            assert field.get("min") == spec.get("minimum"), here
            assert field.get("max") == spec.get("maximum"), here
        elif spec.get("type") == "boolean":
            assert field["widget"] == "boolean", here
        elif spec.get("type") == "string" and "pattern" in spec:
            if field["widget"] == "select":  # a reference: the ids the data holds today
                assert field["options"], here
                assert all(re.match(spec["pattern"], o) for o in field["options"]), here
            else:
                assert field["pattern"][0] == spec["pattern"], here
        elif spec.get("type") == "array" and "properties" in reader.resolve(spec["items"]):
            assert field["widget"] == "list", here
            _agree(reader, spec["items"], field["fields"], here)
        elif spec.get("type") == "object":
            _agree(reader, sub, field["fields"], here)


@pytest.fixture(scope="module")
def config(project: Project) -> dict[str, Any]:
    return cms_config(project, Backend("github", repo="owner/site"))


def test_every_dataset_form_agrees_with_its_schema(project: Project, config) -> None:  # type: ignore[no-untyped-def]
    reader = SchemaReader(registry(project.codes), project.codes)
    data = next(c for c in config["collections"] if c["name"] == "data")
    files = _by_name(data["files"])
    present = {n for n in known_datasets() if (project.data_dir / f"{n}.yml").is_file()}
    assert set(files) == present
    for name in present:
        schema = reader.registry.contents(f"urn:tnsite:data:{name}")
        _agree(reader, schema, files[name]["fields"], name)
        records = _by_name(files[name]["fields"])["records"]
        record = _by_name(records["fields"])
        if name != "sources":  # a source is cited; it has no as-of date or source itself
            assert record["as_of"]["required"] and record["as_of"]["pattern"], name
            assert record["source"]["required"] and record["source"]["widget"] == "select"


def test_the_check_would_catch_a_form_that_drifted(project: Project, config) -> None:  # type: ignore[no-untyped-def]
    reader = SchemaReader(registry(project.codes), project.codes)
    data = next(c for c in config["collections"] if c["name"] == "data")
    figures = json.loads(json.dumps(_by_name(data["files"])["key-figures"]["fields"]))
    record = _by_name(_by_name(figures)["records"]["fields"])
    record["as_of"]["required"] = False
    schema = reader.registry.contents("urn:tnsite:data:key-figures")
    with pytest.raises(AssertionError, match="as_of: required differs"):
        _agree(reader, schema, figures, "key-figures")


def test_page_forms_follow_the_front_matter_schema(project: Project) -> None:
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))["$defs"]
    required = set(schema["common"]["required"])
    review = schema["translation"]["properties"]["translation"]["properties"]["review"]["enum"]
    collections = page_collections(project)
    assert [c["folder"] for c in collections] == [
        f"docs/{code}" for code in (project.source_code, *project.translation_codes)
    ]
    for collection in collections:
        fields = _by_name(collection["fields"])
        for name in required:
            assert fields[name]["required"], name
            assert fields[name]["pattern"] == plain_text(schema["text"]["pattern"])
        is_source = collection["folder"] == f"docs/{project.source_code}"
        assert ("translation" in fields) is not is_source
        if not is_source:
            assert fields["translation"]["review"] == review


def test_a_photo_upload_asks_for_what_the_manifest_requires(project: Project, config) -> None:  # type: ignore[no-untyped-def]
    photos = next(c for c in config["collections"] if c["name"] == "photos")
    item = _by_name(_by_name(photos["files"][0]["fields"])["photos"]["fields"])
    assert item["file"]["widget"] == "image" and item["file"]["required"]
    assert [f["name"] for f in item["alt"]["fields"]] == list(project.codes)
    assert all(f["required"] for f in item["alt"]["fields"])
    assert not any(f["required"] for f in item["caption"]["fields"])
    for key in CREDIT_FIELDS:
        assert item[key]["required"], key


def test_only_content_is_editable(config) -> None:  # type: ignore[no-untyped-def]
    paths = []
    for collection in config["collections"]:
        paths += [collection["folder"]] if "folder" in collection else []
        paths += [f["file"] for f in collection.get("files", [])]
    assert all(p.startswith(("docs/", "data/", "assets/photos/", "i18n/")) for p in paths), paths
    assert config["media_folder"] == "assets/photos"
    assert config["publish_mode"] == "editorial_workflow"


def test_numbers_are_refused_unless_written_as_the_files_write_them() -> None:
    number = re.compile(f"^{NUMBER_PATTERN}$")
    integer = re.compile(f"^{INTEGER_PATTERN}$")
    assert all(number.search(s) for s in ("8500", "24.3", "-1", "0.05"))
    assert not any(number.search(s) for s in ("tám nghìn", "8,5", "8 500", "24.", "", "1e3"))
    assert integer.search("12") and not integer.search("2.5")


def test_text_a_visitor_reads_refuses_html_tags_and_emptiness() -> None:
    pattern = re.compile(plain_text()[0])
    for good in ("Chợ Mộc Bài", "Giá < 5 triệu", "ផ្សារ", "a > b"):
        assert pattern.search(good), good
    for bad in ("", "   ", "<script>alert(1)</script>", "Chợ <b>đêm</b>", "x</p>", "<!-- -->"):
        assert not pattern.search(bad), bad


def test_every_schema_description_has_a_vietnamese_hint() -> None:
    """The forms, like the checks, show the data schemas' explanations in Vietnamese
    (data/descriptions-vi.yml)."""
    found: set[str] = set()

    def walk(node: Any) -> None:
        if isinstance(node, dict):
            if isinstance(node.get("description"), str):
                found.add(node["description"])
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    for path in sorted(SCHEMA_DIR.glob("*.json")):
        walk(json.loads(path.read_text(encoding="utf-8")))
    assert found
    assert sorted(found - set(HINTS)) == []
    assert sorted(set(HINTS) - found) == []  # and none kept for a description that is gone


def test_the_forms_show_no_english_schema_text(config) -> None:  # type: ignore[no-untyped-def]
    english = set(HINTS)

    def walk(fields: list[dict[str, Any]]) -> list[str]:
        out = [f["hint"] for f in fields if f.get("hint") in english]
        out += [f["pattern"][1] for f in fields if "pattern" in f and f["pattern"][1] in english]
        for f in fields:
            out += walk(f.get("fields", []))
        return out

    data = next(c for c in config["collections"] if c["name"] == "data")
    assert [text for file in data["files"] for text in walk(file["fields"])] == []


def test_a_closed_record_shows_its_id_name_and_value(project: Project, config) -> None:  # type: ignore[no-untyped-def]
    data = _by_name(next(c for c in config["collections"] if c["name"] == "data")["files"])
    source = project.source_code
    figures = _by_name(data["key-figures"]["fields"])["records"]
    assert (
        figures["summary"]
        == f"{{{{fields.id}}}} — {{{{fields.label.{source}}}}}: {{{{fields.value}}}}"
    )
    gates = _by_name(data["border-gates"]["fields"])["records"]
    assert gates["summary"] == f"{{{{fields.id}}}} — {{{{fields.name.{source}}}}}"


def test_a_freshness_is_a_number_of_months_or_never(config) -> None:  # type: ignore[no-untyped-def]
    data = next(c for c in config["collections"] if c["name"] == "data")
    figures = _by_name(_by_name(data["files"])["key-figures"]["fields"])
    record = _by_name(figures["records"]["fields"])
    for field in (figures["fresh_for_months"], record["fresh_for_months"]):
        assert field["widget"] == NUMBER_WIDGET
        pattern = re.compile(field["pattern"][0])
        assert all(pattern.match(v) for v in ("12", "600", "never"))
        assert not any(pattern.match(v) for v in ("forever", "12 months", "", "never!"))
        assert "never" in field["pattern"][1]
