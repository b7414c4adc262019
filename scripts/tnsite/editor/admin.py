"""Write the editor into the built site: admin/index.html, its configuration and data, the
project's script and the CMS bundle.

The admin page declares its own Content-Security-Policy (see `policy`), is `noindex`, and is not
a MkDocs page: it is written after the pages, so it is in no menu, no sitemap and no search index,
and no visitor page links to it or loads anything from it.
"""

from __future__ import annotations

import html
import json
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from tnsite import yamlread
from tnsite.config import Project
from tnsite.editor import collections as names
from tnsite.editor.bundle import copy_bundle
from tnsite.editor.cmsconfig import Backend, cms_config
from tnsite.editor.fields import NUMBER_WIDGET
from tnsite.editor.translations import translation_json
from tnsite.images.manifest import CREDIT_FIELDS
from tnsite.memo import ContentMemo

STATIC = Path(__file__).with_name("static")
STATIC_FILES = (
    "editor-boot.js",
    "editor.js",
    "formats.js",
    "yamlfile.js",
    "locale-vi.js",
    "a11y.js",
    "editor.css",
)
REVIEW_LABELS = {
    "draft": "Bản nháp (draft)",
    "machine": "Dịch máy (machine)",
    "reviewed": "Đã duyệt (reviewed)",
}


def policy(backend: Backend) -> str:
    """The admin page's Content-Security-Policy.

    - scripts only from the site itself; Decap's bundle compiles its configuration validator
      (ajv) with `new Function`, hence 'unsafe-eval', allowed on this page only;
    - styles from the site and inline (the CMS writes its styles into <style> elements);
    - connections to the site and to the one backend the configuration names (GitHub's API, or
      the local decap-server of `tnsite edit`);
    - images from the site, and the blob:/data: addresses of uploads shown before they are saved
      (and GitHub's avatars of the signed-in editor);
    - the preview is an inline frame of the admin page itself; nothing may be posted elsewhere.
    """
    images = "'self' data: blob:"
    if backend.name == "github":
        images += " https://avatars.githubusercontent.com"
    return "; ".join(
        [
            "default-src 'none'",
            "script-src 'self' 'unsafe-eval'",
            "style-src 'self' 'unsafe-inline'",
            f"connect-src 'self' blob: {backend.origin}",
            f"img-src {images}",
            "font-src 'self' data:",
            "frame-src 'self' blob:",
            "worker-src 'self' blob:",
            "base-uri 'self'",
            "form-action 'none'",
            "object-src 'none'",
        ]
    )


@dataclass(frozen=True)
class Site:
    """What the editor takes from the built site: where its stylesheets are."""

    base_path: str  # "/" (the path of site_url)
    stylesheets: tuple[str, ...]  # relative to the site root
    fonts_css: str


def key_order(config: dict[str, Any]) -> list[str]:
    """Every field name in the order the forms list it: new mappings are written in it."""
    order: list[str] = ["title", "description", "date", "translation", "source", "review"]

    def walk(fields: list[dict[str, Any]]) -> None:
        for field in fields:
            if field["name"] not in order:
                order.append(field["name"])
            walk(field.get("fields", []))

    for collection in config["collections"]:
        walk(collection.get("fields", []))
        for file in collection.get("files", []):
            walk(file.get("fields", []))
    return order


def settings(
    project: Project, config: dict[str, Any], site: Site, ui_language: str
) -> dict[str, Any]:
    return {
        "ui_language": ui_language,
        "source_language": project.source_code,
        "translation_languages": list(project.translation_codes),
        "page_collections": {names.page_collection_name(c): c for c in project.codes},
        "page_fields": [names.PAGE_SECTION_FIELD, names.PAGE_NAME_FIELD],
        "docs_dir": project.docs_dir.relative_to(project.root).as_posix(),
        "photos_folder": config["media_folder"],
        "photo_keys": ["alt", "caption", *CREDIT_FIELDS, "decorative", *project.codes],
        "key_order": key_order(config),
        "review_labels": REVIEW_LABELS,
        "preview_styles": [site.base_path + s for s in site.stylesheets],
        "formats": {
            "page": names.PAGE_FORMAT,
            "data": names.DATA_FORMAT,
            "list": names.LIST_FORMAT,
            "manifest": names.MANIFEST_FORMAT,
        },
        "widgets": {
            "page_path": names.PAGE_PATH_WIDGET,
            "translation": names.TRANSLATION_WIDGET,
            "number": NUMBER_WIDGET,
        },
    }


def index_html(project: Project, backend: Backend, site: Site, ui_language: str) -> str:
    template = (STATIC / "index.html").read_text(encoding="utf-8")
    values = {
        "ui_language": ui_language,
        "csp": policy(backend),
        "title": f"Biên tập — {project.default_language.site_name}",
        "fonts_css": site.base_path + site.fonts_css,
    }
    for key, value in values.items():
        template = template.replace("{" + key + "}", html.escape(value, quote=True))
    return template


# The configuration changes with the pages and data files; the text for it is kept by the
# configuration's own repr (exact for the plain values it holds, types included).
_CONFIG_YAML: ContentMemo[str] = ContentMemo(8, keep="editor-config")


def _config_yaml(config: dict[str, Any]) -> str:
    return _CONFIG_YAML.get(
        [repr(config)],
        lambda: yamlread.dump(config, allow_unicode=True, sort_keys=False, width=10**6),
    )


def write_admin(
    project: Project,
    dest: Path,
    backend: Backend,
    site: Site,
    ui_language: str = "vi",
    tools: Path | None = None,
) -> list[Path]:
    """Write the editor into `dest` (site/admin/); returns every file written. The CMS bundle
    comes from `tools`/node_modules (the project's own by default)."""
    if dest.exists():
        shutil.rmtree(dest)
    dest.mkdir(parents=True)
    written = copy_bundle(tools or project.root, dest)
    config = cms_config(project, backend, ui_language)
    outputs = {
        "index.html": index_html(project, backend, site, ui_language),
        "config.yml": _config_yaml(config),
        "settings.json": json.dumps(
            settings(project, config, site, ui_language), ensure_ascii=False
        ),
        "translations.json": translation_json(project),
    }
    for name, text in outputs.items():
        (dest / name).write_text(text, encoding="utf-8")
        written.append(dest / name)
    for name in STATIC_FILES:
        shutil.copyfile(STATIC / name, dest / name)
        written.append(dest / name)
    return written


def site_base_path(site_url: str) -> str:
    path = urlsplit(site_url).path or "/"
    return path if path.endswith("/") else path + "/"
