"""A dataset's JSON Schema turned into the editor's form fields.

The forms are derived, never written by hand: each property becomes a widget that refuses what
the schema refuses (required, enum, number, pattern), so an editor learns of a mistake in the
form, in Vietnamese, before `tnsite check` would. What a form cannot express (a source id that
exists, a figure id) is offered as a choice of the ids the data holds today.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from referencing import Registry

from tnsite.editor.labels import hint, label, text

COMMON = "urn:tnsite:data:common"
# Numbers are typed as text in the project's own widget (editor.js), which writes a number to
# the file once the text is one; the pattern decides which text the form accepts.
NUMBER_WIDGET = "tnsite-number"
NUMBER_PATTERN = r"-?[0-9]+(\.[0-9]+)?"
INTEGER_PATTERN = r"-?[0-9]+"
NUMBER_MESSAGE = (
    "cần một số viết bằng chữ số, dấu chấm trước phần thập phân (ví dụ 8500 hoặc 24.3), "
    "không có dấu cách hay dấu phân cách hàng nghìn."
)
INTEGER_MESSAGE = "cần một số nguyên viết bằng chữ số (ví dụ 12)."

Field = dict[str, Any]
TEXT_HINT = "Cùng một nội dung, viết bằng mỗi ngôn ngữ của trang web."
# The fields that name a record, in the order a summary looks for them.
NAME_KEYS = ("label", "name", "title", "short")


@dataclass(frozen=True)
class Choices:
    """Ids the data holds today, offered where the schema names a reference."""

    sources: tuple[str, ...] = ()
    figures: tuple[str, ...] = ()


class SchemaReader:
    """Follows `$ref`s and merges `allOf`s of the dataset schemas (as data/schema.py loads them)."""

    def __init__(self, registry: Registry, languages: tuple[str, ...]) -> None:
        self.registry = registry
        self.languages = languages
        self.resolver = registry.resolver()

    def ref_name(self, schema: dict[str, Any]) -> str | None:
        """'urn:tnsite:data:common#/$defs/source' → 'source' (only for the shared definitions)."""
        ref = schema.get("$ref", "")
        if isinstance(ref, str) and ref.startswith(COMMON + "#/$defs/"):
            return ref.rsplit("/", 1)[1]
        return None

    def resolve(self, schema: dict[str, Any]) -> dict[str, Any]:
        """The schema with its `$ref` and `allOf` parts merged into one object."""
        merged: dict[str, Any] = {}
        if "$ref" in schema:
            ref = schema["$ref"]
            target = self.resolver.lookup(ref).contents
            merged.update(self.resolve(_absolute(target, ref.split("#", 1)[0])))
        for part in schema.get("allOf", []):
            sub = self.resolve(part)
            merged["properties"] = _merge_properties(merged.get("properties", {}), sub)
            merged["required"] = [*merged.get("required", []), *sub.get("required", [])]
            for key, value in sub.items():
                if key not in ("properties", "required"):
                    merged.setdefault(key, value)
        for key, value in schema.items():
            if key in ("$ref", "allOf"):
                continue
            if key == "properties":
                merged["properties"] = _merge_properties(merged.get("properties", {}), schema)
            elif key == "required":
                merged["required"] = [*merged.get("required", []), *value]
            else:
                merged[key] = value
        return merged

    def is_text(self, resolved: dict[str, Any]) -> bool:
        """The `text` definition: one string per language of the site."""
        props = resolved.get("properties", {})
        return resolved.get("type") == "object" and set(props) == set(self.languages)


def _merge_properties(have: dict[str, Any], schema: dict[str, Any]) -> dict[str, Any]:
    """Properties of two schemas combined; a property both describe must satisfy both."""
    out = dict(have)
    for name, sub in schema.get("properties", {}).items():
        out[name] = {"allOf": [out[name], sub]} if name in out else sub
    return out


def _absolute(schema: Any, base: str) -> Any:
    """A schema taken out of its resource, with its `#/…` references made absolute."""
    if isinstance(schema, dict):
        return {
            k: (
                base + v
                if k == "$ref" and isinstance(v, str) and v.startswith("#")
                else _absolute(v, base)
            )
            for k, v in schema.items()
        }
    if isinstance(schema, list):
        return [_absolute(v, base) for v in schema]
    return schema


# An HTML tag begins: `<` and a letter, `/`, `!` or `?` ("Giá < 5 triệu" is not one).
MARKUP = r"<[A-Za-z!/?]"
PLAIN_TEXT_MESSAGE = (
    "chỉ được viết chữ, không để trống và không dùng thẻ HTML (như <b> hay <script>)."
)


def plain_text(required: str = r"\S") -> list[str]:
    """The pattern of text a visitor reads (a title, a label, an alt text): what `required` (an
    unanchored pattern, the schema's) asks, and no HTML tag.

    The built site shows such text as text whatever it holds (tnsite.safety escapes it), so a
    tag would be printed as typed, `<script>` and all; the form refuses it instead, where the
    editor sees why."""
    return _pattern(rf"^(?![\s\S]*{MARKUP})(?=[\s\S]*?(?:{required}))", PLAIN_TEXT_MESSAGE)


def _format_message(resolved: dict[str, Any]) -> str:
    """What a pattern expects, in the editor's words (the schema's description, translated)."""
    described = resolved.get("description")
    return f"sai cách viết; cần: {hint(described)}" if described else "sai cách viết."


def _pattern(regex: str, vi: str) -> list[str]:
    """Decap's `pattern` option: the regex and the message shown when it does not match."""
    return [regex, vi]


class FieldBuilder:
    def __init__(
        self,
        reader: SchemaReader,
        choices: Choices,
        language_names: dict[str, str],
        source: str,
    ) -> None:
        self.reader = reader
        self.choices = choices
        self.language_names = language_names
        self.source = source  # the language a record's summary shows its name in

    def fields(self, schema: dict[str, Any], skip: tuple[str, ...] = ()) -> list[Field]:
        resolved = self.reader.resolve(schema)
        required = set(resolved.get("required", []))
        return [
            self.field(name, sub, name in required)
            for name, sub in resolved.get("properties", {}).items()
            if name not in skip
        ]

    def field(self, name: str, schema: dict[str, Any], required: bool) -> Field:
        base: Field = {"name": name, "label": label(name), "required": required}
        ref = self.reader.ref_name(schema)
        resolved = self.reader.resolve(schema)
        if resolved.get("description"):
            base["hint"] = hint(resolved["description"])
        if ref == "source" and self.choices.sources:
            return {**base, "widget": "select", "options": list(self.choices.sources)}
        if ref == "figure" and self.choices.figures:
            return {**base, "widget": "select", "options": list(self.choices.figures)}
        if self.reader.is_text(resolved):
            # (the schema's description of a text is generated in English with the language list)
            base["hint"] = TEXT_HINT
            return {**base, **self.text_widget(name, required)}
        if "enum" in resolved:
            return {**base, "widget": "select", "options": [str(v) for v in resolved["enum"]]}
        if "oneOf" in resolved:
            return {**base, **self.one_of(resolved["oneOf"])}
        kind = resolved.get("type")
        if kind in ("number", "integer"):
            return {**base, **self.number(resolved)}
        if kind == "boolean":
            return {**base, "widget": "boolean"}
        if kind == "string":
            return {**base, **self.string(resolved)}
        if kind == "array":
            return {**base, **self.array(name, resolved)}
        if kind == "object" or "properties" in resolved:
            return {**base, "widget": "object", "collapsed": False, "fields": self.fields(resolved)}
        return {**base, "widget": "string"}

    def text_widget(self, name: str, required: bool) -> Field:
        """One input per language; all languages are required whenever the text is. Each input
        is labelled with the field and the language ("Nhãn — English"), which is what a screen
        reader announces and what a message about it names."""
        return {
            "widget": "object",
            "collapsed": False,
            "fields": [
                {
                    "name": code,
                    "label": f"{text(name)} — {self.language_names.get(code, code)}",
                    "widget": "string",
                    "required": required,
                    "pattern": plain_text(),
                }
                for code in self.reader.languages
            ],
        }

    def number(self, resolved: dict[str, Any]) -> Field:
        integer = resolved.get("type") == "integer"
        out: Field = {
            "widget": NUMBER_WIDGET,
            "pattern": _pattern(
                f"^{INTEGER_PATTERN if integer else NUMBER_PATTERN}$",
                INTEGER_MESSAGE if integer else NUMBER_MESSAGE,
            ),
        }
        if "minimum" in resolved:
            out["min"] = resolved["minimum"]
        if "maximum" in resolved:
            out["max"] = resolved["maximum"]
        return out

    def string(self, resolved: dict[str, Any]) -> Field:
        out: Field = {"widget": "string"}
        if "pattern" in resolved:
            out["pattern"] = _pattern(resolved["pattern"], _format_message(resolved))
        elif resolved.get("minLength"):
            out["pattern"] = _pattern(r"\S", "không được để trống.")
        return out

    def one_of(self, branches: list[dict[str, Any]]) -> Field:
        """Three shapes the datasets use: a date written as a year, month or day (as_of), a
        number or the id of a key figure (projects, capital, visitors), and a number or a
        word (fresh_for_months: 12 or never)."""
        resolved = [self.reader.resolve(b) for b in branches]
        kinds = {r.get("type") for r in resolved}
        strings = [r for r in resolved if r.get("type") == "string" and "pattern" in r]
        words = [str(w) for r in resolved if r.get("type") == "string" for w in r.get("enum", [])]
        if kinds <= {"string", "integer"} and strings:
            return {
                "widget": "string",
                "pattern": _pattern(strings[0]["pattern"], _format_message(strings[0])),
            }
        if kinds == {"string", "integer"} and words:
            regex = "^(" + "|".join([INTEGER_PATTERN, *map(re.escape, words)]) + ")$"
            listed = " hoặc ".join(words)
            return {
                "widget": NUMBER_WIDGET,
                "pattern": _pattern(regex, f"cần một số nguyên (ví dụ 12) hoặc {listed}."),
            }
        if kinds & {"number", "integer"}:
            ids = [r["pattern"] for r in strings]
            regex = "^(" + "|".join([NUMBER_PATTERN, *(p.strip("^$") for p in ids)]) + ")$"
            return {
                "widget": NUMBER_WIDGET,
                "pattern": _pattern(
                    regex, "cần một số (ví dụ 8500 hoặc 24.3) hoặc mã của một số liệu chính."
                ),
            }
        return {"widget": "string"}

    def summary(self, item: dict[str, Any]) -> str:
        """What a closed record shows (and what its open/close button is named after): its id,
        its name in the source language and its value, e.g. "area — Diện tích tự nhiên: 8500",
        so that an editor finds the record among a hundred."""
        properties = item.get("properties", {})
        names = [
            key
            for key in NAME_KEYS
            if key in properties and self.reader.is_text(self.reader.resolve(properties[key]))
        ]
        parts = ["{{fields.id}}"] if "id" in properties else []
        parts += [f"{{{{fields.{key}.{self.source}}}}}" for key in names[:1]]
        summary = " — ".join(parts) or "{{fields.id}}"
        return summary + (": {{fields.value}}" if "value" in properties else "")

    def array(self, name: str, resolved: dict[str, Any]) -> Field:
        items = resolved.get("items", {})
        ref = self.reader.ref_name(items)
        item = self.reader.resolve(items)
        if ref == "figure" and self.choices.figures:
            return {"widget": "select", "multiple": True, "options": list(self.choices.figures)}
        if "enum" in item:
            return {"widget": "select", "multiple": True, "options": [str(v) for v in item["enum"]]}
        if item.get("type") == "object" or "properties" in item:
            return {
                "widget": "list",
                "collapsed": True,
                "label_singular": text(name),
                "summary": self.summary(item),
                "fields": self.fields(items),
            }
        single = self.field("item", items, True)
        single["label"] = label(name)
        return {"widget": "list", "field": single}
