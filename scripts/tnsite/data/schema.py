"""The JSON Schemas of the datasets (files in schemas/), completed with the site's languages.

Each `schemas/<dataset>.schema.json` describes `data/<dataset>.yml`. The shared definitions
live in `common.schema.json`; its `text` definition (a name in every language) is filled in
from mkdocs.yml when the schemas are loaded, so adding a language to the site makes every
name in the data require that language too, without editing a schema.

Validation errors are turned into editor-facing messages (what is wrong and what to do, in
English and Vietnamese) with the path of the offending value, which the loader maps to a line.
"""

from __future__ import annotations

import copy
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # loaded when a dataset is validated, not by every build that reuses results
    from jsonschema import Draft202012Validator
    from jsonschema.exceptions import ValidationError
    from referencing import Registry

from tnsite import yamlread
from tnsite.findings import Msg
from tnsite.langtags import meant_language
from tnsite.slugs import slugify
from tnsite.text import closest

SCHEMA_DIR = Path(__file__).with_name("schemas")
DESCRIPTIONS_VI = Path(__file__).with_name("descriptions-vi.yml")
COMMON = "urn:tnsite:data:common"


def dataset_names() -> tuple[str, ...]:
    """Every dataset that has a schema (the file name without .schema.json)."""
    return tuple(
        sorted(p.name.removesuffix(".schema.json") for p in SCHEMA_DIR.glob("*.schema.json"))
    )


def known_datasets() -> tuple[str, ...]:
    return tuple(name for name in dataset_names() if name != "common")


def text_schema(languages: tuple[str, ...]) -> dict[str, Any]:
    return {
        "type": "object",
        "required": list(languages),
        "additionalProperties": False,
        "properties": {code: {"type": "string", "minLength": 1} for code in languages},
        "description": "The same name or label in each language: " + ", ".join(languages),
    }


@lru_cache(maxsize=8)
def registry(languages: tuple[str, ...]) -> Registry:
    from referencing import Registry, Resource

    raw = {
        name: json.loads((SCHEMA_DIR / f"{name}.schema.json").read_text(encoding="utf-8"))
        for name in dataset_names()
    }
    common = copy.deepcopy(raw.pop("common"))
    common["$defs"]["text"] = text_schema(languages)
    resources = [(COMMON, Resource.from_contents(common))]
    resources += [(schema["$id"], Resource.from_contents(schema)) for schema in raw.values()]
    return Registry().with_resources(resources)


@lru_cache(maxsize=8)
def validators(languages: tuple[str, ...]) -> dict[str, Draft202012Validator]:
    from jsonschema import Draft202012Validator

    schemas = registry(languages)
    out = {}
    for name in known_datasets():
        schema = schemas.contents(f"urn:tnsite:data:{name}")
        Draft202012Validator.check_schema(schema)
        out[name] = Draft202012Validator(schema, registry=schemas)
    return out


@lru_cache(maxsize=1)
def vietnamese_descriptions() -> dict[str, str]:
    """The schemas' English `description` of a field → its Vietnamese, for the messages of the
    checks and the web editor's forms (a test keeps every description translated)."""
    text = DESCRIPTIONS_VI.read_text(encoding="utf-8")
    return {str(k): str(v) for k, v in (yamlread.load(text) or {}).items()}


@dataclass(frozen=True)
class Problem:
    path: tuple[str | int, ...]
    message: Msg
    hint: Msg | None = None
    at_key: str | None = None  # point at this key of the object at `path`, not its value
    belongs_in: str | None = None  # the record at `path` is one of this other dataset's


TYPE_NAMES = {
    "number": ("a number", "một số"),
    "integer": ("a whole number", "một số nguyên"),
    "string": ("text", "chữ"),
    "boolean": ("true or false", "true hoặc false"),
    "object": ("fields written `key: value`", "các trường dạng `khóa: giá trị`"),
    "array": ("a list (lines starting with `- `)", "một danh sách (các dòng bắt đầu bằng `- `)"),
}


def _field(path: tuple[str | int, ...]) -> Msg:
    """The value a problem is about, as an editor reads it at the line the finding names:
    the field's name, not the schema's path to it (records[44].value)."""
    names = [part for part in path if isinstance(part, str)]
    name = f"`{names[-1]}`" if names else ""
    if path and isinstance(path[-1], int):
        n = path[-1] + 1
        if name:
            return Msg(f"item {n} of {name}", f"mục thứ {n} của {name}")
        return Msg(f"item {n}", f"mục thứ {n}")
    return Msg(f"field {name}", f"trường {name}") if name else Msg("the file", "tệp")


def _written(value: object) -> Msg:
    """What the editor wrote, as they would describe it: an empty value, a list, fields; text
    and numbers as written. Never Python's spelling of it (None, ['a', 'b'], {'vi': …})."""
    if value is None:
        return Msg("an empty value", "một giá trị để trống")
    if isinstance(value, bool):
        return Msg(str(value).lower(), str(value).lower())
    if isinstance(value, list):
        return Msg(
            "a list (lines starting with `- ` or [a, b])",
            "một danh sách (các dòng bắt đầu bằng `- ` hoặc [a, b])",
        )
    if isinstance(value, dict):
        return Msg("fields written `key: value`", "các trường dạng `khóa: giá trị`")
    if isinstance(value, str):
        return Msg(f"'{value}'", f"'{value}'")
    return Msg(str(value), str(value))


def _kind(wanted: object) -> Msg:
    names = [str(n) for n in wanted] if isinstance(wanted, list) else [str(wanted)]
    en = " or ".join(TYPE_NAMES.get(str(n), (str(n), str(n)))[0] for n in names)
    vi = " hoặc ".join(TYPE_NAMES.get(str(n), (str(n), str(n)))[1] for n in names)
    return Msg(en, vi)


# A number as people write it in a text: 8.536,4 (Vietnamese), 8,536.4 (English), 6,23 tỷ.
_NUMBER_IN_TEXT = re.compile(r"(?<![\w.,])(\d[\d.,]*)")
VI_SCALE = {"million": "triệu", "billion": "tỷ"}
_SCALE_WORDS = {
    "triệu": "million",
    "million": "million",
    "tỷ": "billion",
    "tỉ": "billion",
    "billion": "billion",
}


def number_meant(written: str) -> tuple[str, str | None] | None:
    """(the number to write, the scale its words name) of a number written as text: '8.536,4'
    → ('8536.4', None), '3 triệu' → ('3', 'million'), '6,23 tỷ USD' → ('6.23', 'billion');
    None when the text holds no single number."""
    found = _NUMBER_IN_TEXT.findall(written)
    if len(found) != 1:
        return None
    digits = found[0].rstrip(".,")
    if "." in digits and "," in digits:
        whole, _, part = digits.rpartition("," if digits.rfind(",") > digits.rfind(".") else ".")
        digits = re.sub(r"[.,]", "", whole) + "." + part
    elif re.fullmatch(r"\d{1,3}(?:([.,])\d{3})(?:\1\d{3})*", digits):
        digits = re.sub(r"[.,]", "", digits)  # thousands separated: 1.200, 21,284
    else:
        digits = digits.replace(",", ".")
    if digits.count(".") > 1:
        return None
    words = re.findall(r"[^\W\d_]+", written.lower())
    scale = next((_SCALE_WORDS[w] for w in words if w in _SCALE_WORDS), None)
    return digits, scale


def _description(error: ValidationError) -> str:
    schema = error.schema
    return str(schema.get("description", "")) if isinstance(schema, dict) else ""


def _in_range(number: str, written: str, schema: object) -> str:
    """'106,016' read with its comma as a decimal point (106.016), as Vietnamese writes it,
    when read as thousands (106016) it is out of the field's range: a longitude, a rate."""
    if not isinstance(schema, dict):
        return number
    low, high = schema.get("minimum"), schema.get("maximum")

    def fits(text: str) -> bool:
        value = float(text)
        return (low is None or value >= low) and (high is None or value <= high)

    decimal = re.fullmatch(r"\s*(-?\d+)[.,](\d{3})\s*", written)
    if decimal and not fits(number) and fits(f"{decimal[1]}.{decimal[2]}"):
        return f"{decimal[1]}.{decimal[2]}"
    return number


def _leaf_errors(error: ValidationError) -> Iterator[ValidationError]:
    """For oneOf/anyOf, the most useful error is usually the best of its context."""
    if error.validator in {"oneOf", "anyOf"} and error.context:
        from jsonschema.exceptions import best_match

        # The branch whose type matched says what is really wrong ("not in the form 2025-06"
        # rather than "expected integer"; "at least 1" for 0, not "use never"): a branch
        # whose type the value does not have is set aside with all its errors.
        mistyped = {e.relative_schema_path[0] for e in error.context if e.validator == "type"}
        typed = [e for e in error.context if e.relative_schema_path[0] not in mistyped]
        meant = number_meant(error.instance) if isinstance(error.instance, str) else None
        if meant and (meant[1] or re.search(r"\d[.,]\d", str(error.instance))):
            # '6,23 tỷ USD' where a number or a name may go: a number written in words.
            typed = [
                e
                for e in error.context
                if e.validator == "type" and e.validator_value in ("number", "integer")
            ] or typed
        yield best_match(typed or error.context)
    else:
        yield error


def problems(name: str, instance: Any, languages: tuple[str, ...]) -> list[Problem]:
    validator = validators(languages)[name]
    found: list[Problem] = []
    for error in sorted(validator.iter_errors(instance), key=lambda e: list(e.absolute_path)):
        for leaf in _leaf_errors(error):
            beside = _beside(instance, tuple(leaf.absolute_path))
            if leaf.validator in {"additionalProperties", "unevaluatedProperties"}:
                # Every unknown field of the object, each at its line: one per field written.
                found += _unknown_fields(leaf, languages)
                continue
            problem = _describe(leaf, languages, beside)
            if problem is not None:
                found.append(problem)
    found = _swapped_coordinates(validator, instance, found)
    return _moved_records(name, instance, languages, found)


def _moved_records(
    name: str, instance: Any, languages: tuple[str, ...], found: list[Problem]
) -> list[Problem]:
    """A record pasted into the wrong file (a destination among the festivals) breaks that
    file's rules field by field: fields it does not know, fields it requires. When the record
    is a valid record of another dataset, that is the one mistake, and it is said once, at the
    record."""
    records = instance.get("records") if isinstance(instance, dict) else None
    if not isinstance(records, list):
        return found
    broken = {
        p.path[1]
        for p in found
        if len(p.path) >= 2 and p.path[0] == "records" and isinstance(p.path[1], int)
    }
    for index in sorted(broken):
        record = records[index] if index < len(records) else None
        if not isinstance(record, dict) or not record:
            continue
        others = (other for other in known_datasets() if other != name)
        home = next((other for other in others if _fits(other, record, languages)), None)
        if home is None:
            continue
        rid = record.get("id")
        called = f"`{rid}`" if isinstance(rid, str) else f"#{index + 1}"
        found = [p for p in found if p.path[:2] != ("records", index)]
        found.append(
            Problem(
                ("records", index),
                Msg(
                    f"record {called} is a record of data/{home}.yml, not of data/{name}.yml "
                    "(its fields are that file's)",
                    f"bản ghi {called} là bản ghi của data/{home}.yml, không phải của "
                    f"data/{name}.yml (các trường của nó là của tệp đó)",
                ),
                Msg(
                    f"move it to data/{home}.yml, under `records:`",
                    f"chuyển nó sang data/{home}.yml, dưới dòng `records:`",
                ),
                belongs_in=home,
            )
        )
    return found


def _fits(dataset: str, record: dict[str, Any], languages: tuple[str, ...]) -> bool:
    """Whether `record` is valid as a record of `dataset` (the file's other parts aside)."""
    validator = validators(languages)[dataset]
    return not any(
        tuple(e.absolute_path)[:2] == ("records", 0)
        for e in validator.iter_errors({"records": [record]})
    )


COORDINATES = ("lat", "lon")


def _swapped_coordinates(
    validator: Draft202012Validator, instance: Any, found: list[Problem]
) -> list[Problem]:
    """Latitude and longitude written the other way round (10.9, 106.1 as lat 106.1, lon 10.9):
    both out of range, and both in range once swapped. One mistake: one problem that says so."""
    places = {p.path[:-1] for p in found if p.path and p.path[-1] == "lat"}
    places &= {p.path[:-1] for p in found if p.path and p.path[-1] == "lon"}
    for place in places:
        parent = instance
        for step in place:
            parent = parent[step]
        swapped = {**parent, "lat": parent["lon"], "lon": parent["lat"]}
        trial = _replaced(instance, place, swapped)
        if any(tuple(e.absolute_path)[: len(place)] == place for e in validator.iter_errors(trial)):
            continue
        found = [p for p in found if not (p.path[:-1] == place and p.path[-1] in COORDINATES)]
        found.append(
            Problem(
                (*place, "lat"),
                Msg(
                    f"lat {parent['lat']} and lon {parent['lon']} are written the other way round",
                    f"lat {parent['lat']} và lon {parent['lon']} bị ghi đổi chỗ cho nhau",
                ),
                Msg(
                    f"write lat: {parent['lon']} and lon: {parent['lat']} (lat, the latitude, "
                    "comes first in map addresses)",
                    f"viết lat: {parent['lon']} và lon: {parent['lat']} (lat là vĩ độ, số đứng "
                    "trước trong tọa độ trên bản đồ)",
                ),
            )
        )
    return found


def _replaced(value: Any, path: tuple[Any, ...], new: Any) -> Any:
    """`value` with what is at `path` replaced by `new` (copies along the path only)."""
    if not path:
        return new
    head, rest = path[0], path[1:]
    if isinstance(value, list):
        return [_replaced(v, rest, new) if i == head else v for i, v in enumerate(value)]
    return {k: (_replaced(v, rest, new) if k == head else v) for k, v in value.items()}


def _unknown_fields(error: ValidationError, languages: tuple[str, ...]) -> list[Problem]:
    """The fields of an object its schema does not know, each at its key."""
    path = tuple(error.absolute_path)
    allowed = sorted(_allowed_keys(error.schema, registry(languages)))
    listing = ", ".join(allowed) if allowed else "—"
    found = []
    # (none: a side effect of another error in the same object)
    for key in sorted(k for k in _fields(error) if k not in allowed):
        guess = closest(key, allowed)
        if not guess and set(allowed) <= set(languages):  # a text's languages: `cn` for `zh`
            guess = meant_language(key, languages) or ""
        found.append(
            Problem(
                path,
                Msg(f"unknown field `{key}`", f"trường `{key}` không có trong loại dữ liệu này"),
                Msg(
                    (f"did you mean `{guess}`? " if guess else "")
                    + f"check the spelling; allowed fields here: {listing}",
                    (f"có phải `{guess}`? " if guess else "")
                    + f"kiểm tra chính tả; các trường được phép: {listing}",
                ),
                at_key=key,
            )
        )
    return found


def _beside(instance: Any, path: tuple[Any, ...]) -> frozenset[str]:
    """The fields written beside the value at `path` (its record's other fields)."""
    parent = instance
    for step in path[:-1]:
        try:
            parent = parent[step]
        except (KeyError, IndexError, TypeError):
            return frozenset()
    return frozenset(parent) if isinstance(parent, dict) else frozenset()


def _describe(
    error: ValidationError, languages: tuple[str, ...], beside: frozenset[str] = frozenset()
) -> Problem | None:
    path = tuple(error.absolute_path)
    field = _field(path)
    kind = error.validator
    value = error.instance
    limit = error.validator_value
    if kind == "required":
        missing = [k for k in _listed(error) if k not in _fields(error)]
        key = missing[0] if missing else "?"
        # `soruce:` written for `source:` is one mistake: the unknown field's finding names
        # the field meant ("did you mean `source`?"); "source is missing" would repeat it.
        known = _allowed_keys(error.schema, registry(languages))
        unknown = [k for k in _fields(error) if k not in known]
        if unknown and all(closest(k, unknown) for k in missing):
            return None
        # `cn:` written for `zh:`: the unknown key's finding names the language meant.
        if unknown and set(missing) <= {meant_language(k, languages) for k in unknown}:
            return None
        if set(_listed(error)) == set(languages):
            keys = ", ".join(f"'{k}'" for k in missing) or "'?'"
            lines = " ".join(f"`{k}: …`" for k in missing)
            return Problem(
                path,
                Msg(f"this text has no {keys} version", f"đoạn chữ này thiếu bản {keys}"),
                Msg(
                    f"add {lines} beside the other languages ({', '.join(languages)})",
                    f"thêm {lines} cạnh các ngôn ngữ khác ({', '.join(languages)})",
                ),
            )
        return Problem(
            path,
            Msg(
                f"the required field `{key}` is missing here",
                f"thiếu trường bắt buộc `{key}` ở đây",
            ),
            Msg(f"add `{key}:` to this record", f"thêm `{key}:` vào bản ghi này"),
        )
    if kind in {"additionalProperties", "unevaluatedProperties"}:
        found = _unknown_fields(error, languages)
        return found[0] if found else None
    if kind == "enum":
        options = ", ".join(str(v) for v in _listed(error))
        # A word offered beside a number (fresh_for_months: 12 or never) is named with it.
        parent = error.parent
        branches = parent.validator_value if parent is not None else []
        numeric = isinstance(branches, list) and any(
            isinstance(b, dict) and b.get("type") in ("integer", "number") for b in branches
        )
        return Problem(
            path,
            Msg(
                f"{field.en}: '{value}' is not an allowed value",
                f"{field.vi}: '{value}' không phải giá trị được phép",
            ),
            Msg(f"write a number or {options}", f"viết một số hoặc {options}")
            if numeric
            else Msg(f"use one of: {options}", f"dùng một trong: {options}"),
        )
    if kind == "type" and not path and value is None:
        return Problem(
            path,
            Msg("the file is empty", "tệp đang trống"),
            Msg(
                "write its title and records again (undo the change that emptied it), or "
                "delete the file if the site no longer needs it",
                "viết lại tiêu đề và các bản ghi của tệp (hoàn tác thay đổi đã xóa trắng nó), "
                "hoặc xóa tệp nếu trang web không còn cần đến",
            ),
        )
    if kind == "type" and limit in ("number", "integer") and isinstance(value, str):
        share = re.fullmatch(r"\s*(-?[0-9]+(?:[.,][0-9]+)?)\s*%\s*", value)
        if share:
            number = share[1].replace(",", ".")
            return Problem(
                path,
                Msg(
                    f"{field.en} must be a number, not '{value}'",
                    f"{field.vi} phải là một số, không phải '{value}'",
                ),
                Msg(
                    f"write {number} (this field is a percentage already)",
                    f"viết {number} (trường này đã tính theo phần trăm)",
                )
                if "percent" in _description(error).lower() or path[-1:] != ("value",)
                else Msg(
                    f"write {number} and, beside it, unit: percent",
                    f"viết {number} và thêm dòng unit: percent",
                ),
            )
    if kind == "type" and limit in ("number", "integer") and isinstance(value, str):
        meant = number_meant(value)
        if meant:
            number, scale = meant
            number = _in_range(number, value, error.schema)
            # Only a figure's `value` has a `scale:` beside it; a series' values are in the
            # unit its file names at the top.
            figure = bool(path) and path[-1] == "value"
            if figure and scale and "scale" in beside:
                how = Msg(
                    f" (the line scale: {scale} already says {scale})",
                    f" (dòng scale: {scale} đã ghi phần '{VI_SCALE[scale]}')",
                )
            elif figure and scale:
                how = Msg(f" and, beside it, scale: {scale}", f" và thêm dòng scale: {scale}")
            elif figure:
                how = Msg(
                    " (digits only; the unit goes in `unit:`)",
                    " (chỉ chữ số; đơn vị ghi ở `unit:`)",
                )
            else:
                how = Msg(
                    " (digits only, in the unit the file's first lines name)",
                    " (chỉ chữ số, theo đơn vị ghi ở đầu tệp)",
                )
            return Problem(
                path,
                Msg(
                    f"{field.en} must be a number, not '{value}'",
                    f"{field.vi} phải là một số, không phải '{value}'",
                ),
                Msg(f"write {number}{how.en}", f"viết {number}{how.vi}"),
            )
    if kind == "type":
        wanted = _kind(limit)
        numeric = limit in ("number", "integer")
        return Problem(
            path,
            Msg(
                f"{field.en} must be {wanted.en}, not {_written(value).en}",
                f"{field.vi} phải là {wanted.vi}, không phải {_written(value).vi}",
            ),
            Msg(
                "write a plain number without quotes or thousands separators (8500, 24.3)"
                if numeric
                else f"write {wanted.en} here",
                "viết số không có dấu ngoặc kép hay dấu phân cách hàng nghìn (8500, 24.3)"
                if numeric
                else f"viết {wanted.vi} ở đây",
            ),
        )
    if kind == "pattern":
        schema = error.schema if isinstance(error.schema, dict) else {}
        described = str(schema.get("description") or "")
        en = described or "the form the other records use"
        vi = vietnamese_descriptions().get(described) or "cách viết của các bản ghi khác trong tệp"
        # A name written with accents or spaces ('xuất khẩu gạo') has a form that fits.
        pattern, slug = str(schema.get("pattern") or ""), slugify(str(value))
        fits = bool(pattern and slug and slug != value and re.search(pattern, slug))
        return Problem(
            path,
            Msg(
                f"{field.en}: '{value}' is not in the expected form",
                f"{field.vi}: '{value}' sai dạng",
            ),
            Msg(
                f"expected: {en.rstrip('.')}; write '{slug}'" if fits else f"expected: {en}",
                f"dạng đúng: {vi.rstrip('.')}; viết '{slug}'" if fits else f"dạng đúng: {vi}",
            ),
        )
    bounds = {
        "minimum": (f"must be at least {limit}", f"phải từ {limit} trở lên"),
        "maximum": (f"must be at most {limit}", f"không được lớn hơn {limit}"),
        "exclusiveMinimum": (f"must be more than {limit}", f"phải lớn hơn {limit}"),
        "minLength": ("must not be empty", "không được để trống")
        if limit == 1
        else (f"needs at least {limit} characters", f"cần ít nhất {limit} ký tự"),
        "maxLength": (f"takes at most {limit} characters", f"tối đa {limit} ký tự"),
        "minItems": (f"needs at least {limit} item(s)", f"cần ít nhất {limit} mục"),
        "maxItems": (f"takes at most {limit} item(s)", f"tối đa {limit} mục"),
    }
    if kind in bounds:
        en, vi = bounds[str(kind)]
        return Problem(
            path,
            Msg(f"{field.en} {en}", f"{field.vi} {vi}"),
            Msg("correct the value", "sửa lại giá trị"),
        )
    return Problem(
        path,
        Msg(f"{field.en}: {error.message}", f"{field.vi} có giá trị không đúng loại dữ liệu này"),
        Msg(
            "compare it with the other records of the file",
            "so sánh với các bản ghi khác trong tệp",
        ),
    )


def _listed(error: ValidationError) -> list[Any]:
    """The keyword's list (the names of `required`, the values of `enum`); jsonschema types
    every error attribute as possibly unset, though validation always sets them."""
    return error.validator_value if isinstance(error.validator_value, list) else []


def _fields(error: ValidationError) -> dict[str, Any]:
    """The object the error is about (empty when the failing value is not an object)."""
    return error.instance if isinstance(error.instance, dict) else {}


def _allowed_keys(schema: Any, schemas: Registry) -> set[str]:
    """The properties an object may have, including those of the schemas it is combined with."""
    keys: set[str] = set()
    resolver = schemas.resolver()

    def collect(part: Any, depth: int = 0) -> None:
        if not isinstance(part, dict) or depth > 6:
            return
        keys.update(part.get("properties", {}))
        for sub in part.get("allOf", []):
            collect(resolver.lookup(sub["$ref"]).contents if "$ref" in sub else sub, depth + 1)

    collect(schema)
    return keys
