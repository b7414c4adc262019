"""Front matter checked against front-matter.schema.json, with messages an editor can act on.

The schema is data (JSON Schema), so a new key is one edit there; this module only turns
jsonschema's errors into findings at the line of the key concerned.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from tnsite.findings import Finding, Msg, Severity
from tnsite.i18n.frontmatter import FrontMatter, to_json
from tnsite.i18n.names import lang_name
from tnsite.memo import ContentMemo
from tnsite.text import closest, iso_date

if TYPE_CHECKING:  # loaded when front matter is validated, not by every build reusing results
    from jsonschema import Draft202012Validator
    from jsonschema.exceptions import ValidationError

SCHEMA = Path(__file__).with_name("front-matter.schema.json")
RULE = "front-matter"
_VALIDATED: ContentMemo[tuple[Finding, ...]] = ContentMemo(keep="front-matter-schema")
REVIEW_STATES = ("draft", "machine", "reviewed")


@lru_cache(maxsize=1)
def _schema() -> dict[str, Any]:
    return json.loads(SCHEMA.read_text(encoding="utf-8"))


@lru_cache(maxsize=2)
def validator(kind: str) -> Draft202012Validator:
    """`kind` is "source" or "translation"."""
    from jsonschema import Draft202012Validator, FormatChecker

    schema = dict(_schema())
    schema["$ref"] = f"#/$defs/{kind}"
    return Draft202012Validator(schema, format_checker=FormatChecker())


def _listed(error: ValidationError) -> list[Any]:
    """The keyword's list (the names of `required`, the values of `enum`); jsonschema types
    every error attribute as possibly unset, though validation always sets them."""
    return error.validator_value if isinstance(error.validator_value, list) else []


def _fields(error: ValidationError) -> dict[str, Any]:
    """The object the error is about (empty when the failing value is not an object)."""
    return error.instance if isinstance(error.instance, dict) else {}


def _key(path: list[str | int]) -> str:
    return ".".join(str(p) for p in path) or "front matter"


def _message(error: ValidationError, source_code: str) -> tuple[Msg, list[str | int]]:
    path = list(error.absolute_path)
    where = _key(path)
    kind = error.validator
    if kind == "required":
        missing = next((name for name in _listed(error) if name not in _fields(error)), "?")
        key = _key([*path, missing])
        hints = {
            "title": ("the page title", "tiêu đề trang"),
            "description": (
                "one or two sentences for search engines and link previews",
                "một hai câu cho công cụ tìm kiếm và bản xem trước liên kết",
            ),
            "translation": (
                "`translation:` with `source:` (the Vietnamese page's path) and `review: draft`",
                "`translation:` với `source:` (đường dẫn trang tiếng Việt) và `review: draft`",
            ),
            "source": ("the path of the page it translates", "đường dẫn của trang được dịch"),
            "review": ("draft, machine or reviewed", "draft, machine hoặc reviewed"),
        }.get(missing, ("", ""))
        return (
            Msg(
                f"front matter lacks `{key}`; add it ({hints[0]}).",
                f"phần thông tin đầu trang thiếu `{key}`; hãy thêm ({hints[1]}).",
            ),
            path,
        )
    if kind == "not":
        return (
            Msg(
                f"{lang_name(source_code, 'en')} pages are the sources of translations: remove "
                "`translation:` from this page.",
                f"Trang {lang_name(source_code, 'vi')} là bản gốc: xóa `translation:` khỏi trang "
                "này.",
            ),
            ["translation"],
        )
    if kind == "enum":
        allowed = ", ".join(str(v) for v in _listed(error))
        return (
            Msg(
                f"`{where}` is '{error.instance}'; write one of: {allowed}.",
                f"`{where}` đang là '{error.instance}'; hãy ghi một trong: {allowed}.",
            ),
            path,
        )
    if kind == "additionalProperties":
        schema = error.schema if isinstance(error.schema, Mapping) else {}
        extra = sorted(set(_fields(error)) - set(schema.get("properties", {})))
        names = ", ".join(extra)
        return (
            Msg(
                f"unknown key(s) under `{where}`: {names}; remove or correct them.",
                f"khóa không hợp lệ trong `{where}`: {names}; xóa hoặc sửa lại.",
            ),
            [*path, extra[0]] if extra else path,
        )
    if kind == "format" and error.validator_value == "date":
        meant = iso_date(error.instance)
        return (
            Msg(
                f"`{where}` must be a date written YYYY-MM-DD"
                + (f": write {where}: {meant}." if meant else "."),
                f"`{where}` phải là ngày dạng YYYY-MM-DD"
                + (f": viết {where}: {meant}." if meant else "."),
            ),
            path,
        )
    if kind in ("minLength", "pattern") and where in ("title", "description"):
        return (Msg(f"`{where}` is empty; write it.", f"`{where}` đang trống; hãy viết."), path)
    if kind == "pattern" and where == "translation.source":
        return (
            Msg(
                "`translation.source` must be a page path relative to the source language "
                "folder, ending in .md (e.g. dau-tu/index.md).",
                "`translation.source` phải là đường dẫn trang trong thư mục ngôn ngữ gốc, kết "
                "thúc bằng .md (ví dụ dau-tu/index.md).",
            ),
            path,
        )
    if kind == "pattern" and where == "translation.source_version":
        return (
            Msg(
                "`translation.source_version` is not a version recorded by `make mark`; run "
                "`make mark` on this page once it is up to date.",
                "`translation.source_version` không phải phiên bản do `make mark` ghi; chạy "
                "`make mark` cho trang này khi bản dịch đã cập nhật.",
            ),
            path,
        )
    return (
        Msg(
            f"`{where}`: {error.message}.",
            f"`{where}` không đúng mẫu của phần thông tin đầu trang; so sánh với một trang khác "
            "cùng loại.",
        ),
        path,
    )


def schema_findings(fm: FrontMatter, rel: str, kind: str, source_code: str = "vi") -> list[Finding]:
    """Findings for front matter that parsed but breaks the schema (kept by the front matter's
    text: every build validates every page's)."""
    key = ("schema", fm.raw, str(fm.first_line), str(fm.present), rel, kind, source_code)
    return list(_VALIDATED.get(key, lambda: tuple(_schema_findings(fm, rel, kind, source_code))))


def _misspelt(errors: list[ValidationError]) -> list[tuple[tuple[str | int, ...], str, str]]:
    """Keys written wrong for a key that is required (`sourse:` for `source:`): one mistake,
    which the schema reports twice (an unknown key, a missing one). Each is (the path of the
    mapping it is in, the key written, the key meant)."""
    found = []
    for error in errors:
        if error.validator != "required":
            continue
        # The keys written that the schema does not name here (the page's top level allows
        # the theme's own keys too, so this is not only what `additionalProperties` reports):
        # `Title:` or `tittle:` is the missing `title:` written wrong.
        schema = error.schema if isinstance(error.schema, Mapping) else {}
        unknown = sorted(set(_fields(error)) - set(schema.get("properties", {})))
        for name in _listed(error):
            guess = closest(str(name), unknown) if name not in _fields(error) else ""
            if guess:
                found.append((tuple(error.absolute_path), guess, str(name)))
    return found


def _schema_findings(fm: FrontMatter, rel: str, kind: str, source_code: str) -> list[Finding]:
    data = to_json(fm.data)
    findings = []
    errors = sorted(validator(kind).iter_errors(data), key=lambda e: list(e.absolute_path))
    misspelt = _misspelt(errors)
    for where, wrong, right in misspelt:
        key = _key([*where, wrong])
        findings.append(
            Finding(
                path=rel,
                line=fm.line_of(*where, wrong) if fm.present else 1,
                rule=RULE,
                message=Msg(
                    f"`{key}` is not a key of the front matter: did you mean `{right}`?",
                    f"`{key}` không phải khóa của phần thông tin đầu trang: có phải `{right}`?",
                ),
                severity=Severity.ERROR,
            )
        )
    corrected = {where for where, _, _ in misspelt}
    for error in errors:
        if error.validator == "$ref":
            continue
        corrects = error.validator in ("required", "additionalProperties")
        if corrects and tuple(error.absolute_path) in corrected:
            continue  # said once, as the misspelt key
        message, path = _message(error, source_code)
        findings.append(
            Finding(
                path=rel,
                line=fm.line_of(*path) if fm.present else 1,
                rule=RULE,
                message=message,
                severity=Severity.ERROR,
            )
        )
    return findings


def syntax_finding(fm: FrontMatter, rel: str) -> Finding:
    """The finding for front matter that is not valid YAML (MkDocs would silently drop it)."""
    return Finding(
        path=rel,
        line=fm.error_line,
        col=fm.error_col,
        rule=RULE,
        message=Msg(
            f"page information (front matter): {fm.error.en if fm.error else ''}",
            f"phần thông tin đầu trang: {fm.error.vi if fm.error else ''}",
        ),
        hint=fm.error_hint,
        severity=Severity.ERROR,
        extra={"unreadable": True},
    )
