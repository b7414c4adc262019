"""The editor's collections: what an editor may change, and the form for each.

Only content is offered: the pages of every language (`docs/<lang>/…`), the datasets
(`data/*.yml`), the photo manifest with its uploads (`assets/photos/`) and the list of pending
translations (`i18n/pending.yml`). Workflows, code and mkdocs.yml are in no collection, so the
editor cannot write them.

Everything is derived: the languages and menu sections from mkdocs.yml, the page fields from the
front-matter schema, the dataset forms from the data schemas, the photo form from the manifest's
rules. Nothing here is a copy of something kept elsewhere.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Any

import yaml

from tnsite import yamlread
from tnsite.config import Project
from tnsite.data.schema import known_datasets, registry
from tnsite.editor.fields import Choices, Field, FieldBuilder, SchemaReader, plain_text
from tnsite.editor.labels import label, text
from tnsite.i18n.pending import PENDING_FILE
from tnsite.i18n.schema import SCHEMA as FRONT_MATTER_SCHEMA
from tnsite.images.manifest import CREDIT_FIELDS
from tnsite.memo import ContentMemo

# Names the editor's own script (editor.js) registers; kept here so the two agree.
PAGE_FORMAT = "tnsite-page"
DATA_FORMAT = "tnsite-yaml"
LIST_FORMAT = "tnsite-yaml-list"
MANIFEST_FORMAT = "tnsite-photo-manifest"
PAGE_PATH_WIDGET = "tnsite-page-path"
# Where a new page goes (menu section, file name); never written to the file.
PAGE_SECTION_FIELD = "page_section"
PAGE_NAME_FIELD = "page_name"
NAME_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"
TRANSLATION_WIDGET = "tnsite-translation"
SNAPSHOT_FOLDER = "/i18n/snapshots"


@dataclass(frozen=True)
class Section:
    folder: str  # "du-lich"
    title: str  # the nav title in the source language ("Du lịch")


@dataclass(frozen=True)
class PhotoPaths:
    folder: str  # "assets/photos"
    manifest: str  # "assets/photos/manifest.yml"


def sections(project: Project) -> list[Section]:
    """The folders pages can be created in: the first folder of every page in the nav, titled
    by the nav section that lists it first."""
    found: dict[str, Section] = {}
    for item in project.nav():
        if not isinstance(item, dict):
            continue
        for title, value in item.items():
            pages = value if isinstance(value, list) else [value]
            for page in _paths(pages):
                folder = page.split("/", 1)[0] if "/" in page else ""
                if folder and folder not in found:
                    found[folder] = Section(folder, str(title))
    return list(found.values())


def _paths(items: list[Any]) -> list[str]:
    out: list[str] = []
    for item in items:
        if isinstance(item, str):
            out.append(item)
        elif isinstance(item, dict):
            for value in item.values():
                out.extend(_paths(value if isinstance(value, list) else [value]))
    return out


def _front_matter_schema() -> dict[str, Any]:
    return json.loads(FRONT_MATTER_SCHEMA.read_text(encoding="utf-8"))


def _read_dataset(path: Path) -> Any:
    """The data file, or {} when it cannot be read: the build's data check reports it at its
    line and refuses the build, and the editor's configuration must not fail before it can.
    Kept by the file's text (read-only: every caller only looks up ids and titles)."""
    text = path.read_text(encoding="utf-8")
    return _DATASETS.get((text,), partial(_parse_dataset, text))


_DATASETS: ContentMemo[Any] = ContentMemo(256, keep="editor-datasets")


def _parse_dataset(text: str) -> Any:
    try:
        return yamlread.load(text) or {}
    except yaml.YAMLError:
        return {}


def _ids(project: Project, dataset: str) -> tuple[str, ...]:
    path = project.data_dir / f"{dataset}.yml"
    if not path.is_file():
        return ()
    data = _read_dataset(path)
    records = data.get("records") if isinstance(data, dict) else None
    return tuple(
        str(r["id"]) for r in records or [] if isinstance(r, dict) and isinstance(r.get("id"), str)
    )


def page_collection_name(code: str) -> str:
    return f"pages-{code}"


def page_collections(project: Project) -> list[dict[str, Any]]:
    """One collection per language folder (docs/<lang>/), the source language first.

    Decap's own i18n mode (`multiple_folders`) takes the folder just above a file for its
    language, so it cannot read docs/<lang>/<section>/<page>.md; each language is therefore its
    own collection, and the translation view (preview beside the form) shows the source page.
    """
    schema = _front_matter_schema()["$defs"]
    common = schema["common"]["properties"]
    translation = schema["translation"]["properties"]["translation"]
    text_pattern = schema["text"]["pattern"]
    required = set(schema["common"]["required"])
    docs = project.docs_dir.relative_to(project.root).as_posix()
    found = []
    for lang in sorted(project.languages, key=lambda lang: not lang.default):
        hint = (
            "Mục trên menu và tên tệp (không dấu) của trang mới; trang đã có giữ nguyên."
            if lang.default
            else "Trang gốc mà trang này dịch: cùng mục, cùng tên tệp."
        )
        fields: list[Field] = [
            {
                "name": PAGE_SECTION_FIELD,
                "label": label("section"),
                "widget": PAGE_PATH_WIDGET,
                "part": "section",
                "required": False,
                "options": [
                    {"value": s.folder, "label": f"{s.title} ({s.folder}/)"}
                    for s in sections(project)
                ],
                "hint": hint,
            },
            {
                "name": PAGE_NAME_FIELD,
                "label": label("file_name"),
                "widget": PAGE_PATH_WIDGET,
                "part": "name",
                "required": False,
                "pattern": [NAME_PATTERN, "Chỉ chữ thường không dấu, chữ số và dấu gạch ngang."],
            },
        ]
        for name in ("title", "description"):
            fields.append(
                {
                    "name": name,
                    "label": label(name),
                    "widget": "string" if name == "title" else "text",
                    "required": name in required,
                    "pattern": plain_text(text_pattern),
                }
            )
        if common.get("date", {}).get("format") == "date":
            fields.append(
                {
                    "name": "date",
                    "label": label("date"),
                    "widget": "datetime",
                    "required": "date" in required,
                    "format": "YYYY-MM-DD",
                    "date_format": "YYYY-MM-DD",
                    "time_format": False,
                    "picker_utc": True,
                    "hint": "Chỉ cho tin tức (YYYY-MM-DD).",
                }
            )
        if not lang.default:
            fields.append(
                {
                    "name": "translation",
                    "label": label("translation"),
                    "widget": TRANSLATION_WIDGET,
                    "required": False,
                    "media_folder": SNAPSHOT_FOLDER,
                    "public_folder": SNAPSHOT_FOLDER,
                    "review": list(translation["properties"]["review"]["enum"]),
                }
            )
        fields.append(
            {
                "name": "body",
                "label": label("body"),
                "widget": "markdown",
                "modes": ["raw"],
                "sanitize_preview": True,
                "required": True,
            }
        )
        source = " (bản gốc)" if lang.default else ""
        found.append(
            {
                "name": page_collection_name(lang.code),
                "label": f"{text('pages')} — {lang.name}{source}",
                "label_singular": f"trang ({lang.name})",
                "folder": f"{docs}/{lang.code}",
                "extension": "md",
                "format": PAGE_FORMAT,
                "create": True,
                "delete": False,
                "path": "{{" + PAGE_SECTION_FIELD + "}}/{{slug}}",
                "slug": "{{slug}}",
                "identifier_field": PAGE_NAME_FIELD,
                "summary": "{{title}} — {{dirname}}/{{filename}}.md",
                "sortable_fields": ["title"],
                "editor": {"preview": True},
                "fields": fields,
            }
        )
    return found


def data_collection(project: Project) -> dict[str, Any]:
    """One form per dataset, from its schema with the site's languages filled in."""
    codes = project.codes
    reader = SchemaReader(registry(codes), codes)
    names = {lang.code: lang.name for lang in project.languages}
    choices = Choices(sources=_ids(project, "sources"), figures=_ids(project, "key-figures"))
    builder = FieldBuilder(reader, choices, names, project.source_code)
    files = []
    for name in known_datasets():
        path = project.data_dir / f"{name}.yml"
        if not path.is_file():
            continue
        schema = reader.registry.contents(f"urn:tnsite:data:{name}")
        files.append(
            {
                "name": name,
                "label": f"{_dataset_title(path, project.source_code)} ({name}.yml)",
                "file": path.relative_to(project.root).as_posix(),
                "fields": builder.fields(schema),
            }
        )
    return {
        "name": "data",
        "label": text("data"),
        "format": DATA_FORMAT,
        "extension": "yml",
        "delete": False,
        "editor": {"preview": False},
        "files": files,
    }


def _dataset_title(path: Path, code: str) -> str:
    data = _read_dataset(path)
    title = data.get("title") if isinstance(data, dict) else None
    if isinstance(title, dict) and title.get(code):
        return str(title[code])
    return path.stem


def photo_collection(project: Project, paths: PhotoPaths) -> dict[str, Any]:
    """The photo manifest as a list of photos; an upload lands in the photos folder and asks for
    what the manifest requires (alt text in every language, credit, licence, source)."""
    names = {lang.code: lang.name for lang in project.languages}

    def per_language(key: str, required: bool) -> Field:
        return {
            "name": key,
            "label": label(key),
            "widget": "object",
            "collapsed": False,
            "required": required,
            "fields": [
                {
                    "name": code,
                    "label": f"{text(key)} — {names[code]}",
                    "widget": "string",
                    "required": required,
                    "pattern": plain_text(),
                }
                for code in project.codes
            ],
        }

    fields: list[Field] = [
        {
            "name": "file",
            "label": label("file"),
            "widget": "image",
            "required": True,
            "choose_url": False,
            "media_folder": "/" + paths.folder,
            "public_folder": "/" + paths.folder,
            "hint": "JPEG, PNG hoặc WebP. Trang web tự thu nhỏ ảnh và xóa vị trí GPS.",
        },
        per_language("alt", True),
        per_language("caption", False),
    ]
    for key in CREDIT_FIELDS:
        field: Field = {
            "name": key,
            "label": label(key),
            "widget": "string",
            "required": True,
            "pattern": plain_text(),
        }
        if key == "licence":
            field["hint"] = (
                "CC BY 4.0 (hoặc giấy phép Creative Commons khác), permission (được phép sử "
                "dụng) hoặc public-domain: trang web ghi bằng ngôn ngữ của từng trang."
            )
        fields.append(field)
    fields.append(
        {"name": "decorative", "label": label("decorative"), "widget": "boolean", "required": False}
    )
    return {
        "name": "photos",
        "label": text("photos"),
        "format": MANIFEST_FORMAT,
        "extension": "yml",
        "delete": False,
        "editor": {"preview": False},
        "files": [
            {
                "name": "manifest",
                "label": f"{text('manifest')} ({paths.manifest})",
                "file": paths.manifest,
                "media_folder": "/" + paths.folder,
                "public_folder": "/" + paths.folder,
                "fields": [
                    {
                        "name": "photos",
                        "label": label("photos"),
                        "widget": "list",
                        "collapsed": True,
                        "summary": "{{fields.file}}",
                        "fields": fields,
                    }
                ],
            }
        ],
    }


def pending_collection(project: Project) -> dict[str, Any]:
    """`i18n/pending.yml`: a page not yet translated, declared with a reason and a date."""
    page_pattern = r"^[a-z0-9][a-z0-9/-]*\.md$"
    return {
        "name": "pending",
        "label": text("pending"),
        "format": LIST_FORMAT,
        "extension": "yml",
        "delete": False,
        "editor": {"preview": False},
        "files": [
            {
                "name": "pending",
                "label": f"{text('pending')} ({PENDING_FILE.as_posix()})",
                "file": PENDING_FILE.as_posix(),
                "fields": [
                    {
                        "name": "entries",
                        "label": label("entries"),
                        "widget": "list",
                        "required": False,
                        "summary": "{{fields.path}} ({{fields.lang}})",
                        "fields": [
                            {
                                "name": "path",
                                "label": label("path"),
                                "widget": "string",
                                "pattern": [
                                    page_pattern,
                                    "Đường dẫn trang trong thư mục ngôn ngữ, "
                                    "ví dụ du-lich/le-hoi.md",
                                ],
                            },
                            {
                                "name": "lang",
                                "label": label("lang"),
                                "widget": "select",
                                "options": list(project.translation_codes),
                            },
                            {
                                "name": "reason",
                                "label": label("reason"),
                                "widget": "string",
                                "pattern": [r"\S", "không được để trống."],
                            },
                            {
                                "name": "until",
                                "label": label("until"),
                                "widget": "datetime",
                                "format": "YYYY-MM-DD",
                                "date_format": "YYYY-MM-DD",
                                "time_format": False,
                                "picker_utc": True,
                            },
                        ],
                    }
                ],
            }
        ],
    }


def photo_paths(project: Project) -> PhotoPaths:
    from tnsite.images.config import load_options

    options = load_options(project)
    return PhotoPaths(folder=options.photos_dir.strip("/"), manifest=options.manifest)


def collections(project: Project) -> list[dict[str, Any]]:
    return [
        *page_collections(project),
        data_collection(project),
        photo_collection(project, photo_paths(project)),
        pending_collection(project),
    ]
