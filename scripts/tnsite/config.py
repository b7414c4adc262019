"""The one reader of mkdocs.yml.

Every other module asks this one for the language list, the default language and the project's
paths, so that adding a language is a change to mkdocs.yml alone.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from tnsite import yamlread
from tnsite.findings import Finding
from tnsite.yamlerrors import explain


class _PermissiveLoader(yamlread.SafeLoader):
    """Reads mkdocs.yml without importing the Python objects its `!!python/name` tags name."""


def _ignore_tag(loader: yaml.SafeLoader, suffix: str, node: yaml.Node) -> Any:
    if isinstance(node, yaml.MappingNode):
        return loader.construct_mapping(node)
    if isinstance(node, yaml.SequenceNode):
        return loader.construct_sequence(node)
    assert isinstance(node, yaml.ScalarNode)  # YAML has no other kind of node
    return loader.construct_scalar(node)


_PermissiveLoader.add_multi_constructor("tag:yaml.org,2002:python/", _ignore_tag)
_PermissiveLoader.add_multi_constructor("!", _ignore_tag)


NEWS_DIR = "tin-tuc"  # the news plugin's default folder
# A news item is named after its day: tin-tuc/2026-02-20-tet-binh-ngo-2026.md.
DATED_NAME = re.compile(r"^(\d{4}-\d{2}-\d{2})-")


@dataclass(frozen=True)
class Language:
    code: str
    name: str
    default: bool
    site_name: str
    site_description: str

    @property
    def url_prefix(self) -> str:
        """Where the language lives in the built site: "" for the default, "km/" for Khmer."""
        return "" if self.default else f"{self.code}/"


@dataclass(frozen=True)
class Project:
    root: Path
    raw: dict[str, Any]
    languages: tuple[Language, ...]

    @property
    def default_language(self) -> Language:
        return next(lang for lang in self.languages if lang.default)

    @property
    def codes(self) -> tuple[str, ...]:
        return tuple(lang.code for lang in self.languages)

    @property
    def source_code(self) -> str:
        """The language translations are made from (the default one)."""
        return self.default_language.code

    @property
    def translation_codes(self) -> tuple[str, ...]:
        return tuple(code for code in self.codes if code != self.source_code)

    def language(self, code: str) -> Language:
        for lang in self.languages:
            if lang.code == code:
                return lang
        raise KeyError(code)

    @property
    def docs_dir(self) -> Path:
        return self.root / self.raw.get("docs_dir", "docs")

    @property
    def site_dir(self) -> Path:
        return self.root / self.raw.get("site_dir", "site")

    @property
    def data_dir(self) -> Path:
        return self.root / "data"

    @property
    def assets_dir(self) -> Path:
        return self.root / "assets"

    @property
    def reports_dir(self) -> Path:
        return self.root / "reports"

    @property
    def site_url(self) -> str:
        return str(self.raw.get("site_url", "")).rstrip("/") + "/"

    @property
    def fallback_to_default(self) -> bool:
        """Whether a page missing in a language is built from the default language's file."""
        return bool(_i18n_config(self.raw).get("fallback_to_default", True))

    @property
    def news_folder(self) -> str | None:
        """The folder of news items (the news plugin's `news_dir`), None without the plugin:
        `make new` dates a page made there, and the news check asks each item for its date."""
        options = _plugin_options(self.raw, "tnsite/news")
        return None if options is None else str(options.get("news_dir") or NEWS_DIR)

    @property
    def native_digits(self) -> frozenset[str]:
        """The languages whose pages are written with their own digits (Khmer ១២៣): the data
        plugin's `native_digits` option, which every plugin that writes a date or a figure
        follows (tnsite/numerals.py)."""
        options = _plugin_options(self.raw, "tnsite/data") or {}
        return frozenset(str(code) for code in options.get("native_digits") or [])

    def with_site(self, site: Path) -> Project:
        """The same project reading its built site from `site` (a build folder)."""
        raw = dict(self.raw)
        raw["site_dir"] = str(site.resolve())
        return Project(root=self.root, raw=raw, languages=self.languages)

    def lang_dir(self, code: str) -> Path:
        return self.docs_dir / code

    def nav(self) -> list[Any]:
        return list(self.raw.get("nav") or [])

    def nav_pages(self) -> list[str]:
        """Every page path named in the nav, in nav order."""
        out: list[str] = []

        def walk(items: list[Any]) -> None:
            for item in items:
                if isinstance(item, str):
                    out.append(item)
                elif isinstance(item, dict):
                    for value in item.values():
                        if isinstance(value, str):
                            out.append(value)
                        elif isinstance(value, list):
                            walk(value)

        walk(self.nav())
        return out


def _plugin_options(raw: dict[str, Any], name: str) -> dict[str, Any] | None:
    for plugin in raw.get("plugins") or []:
        if isinstance(plugin, dict) and name in plugin:
            return plugin[name] or {}
        if plugin == name:
            return {}
    return None


def _i18n_config(raw: dict[str, Any]) -> dict[str, Any]:
    options = _plugin_options(raw, "i18n")
    if options is not None:
        return options
    raise ValueError("mkdocs.yml has no `i18n` plugin: the language list lives there")


def find_root(start: Path | None = None) -> Path:
    """The nearest folder at or above `start` that holds mkdocs.yml."""
    here = (start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        if (folder / "mkdocs.yml").is_file():
            return folder
    raise FileNotFoundError(f"no mkdocs.yml at or above {here}")


def load_project(root: Path | None = None) -> Project:
    root = find_root(root) if root is None or not (root / "mkdocs.yml").is_file() else root
    return _load(root.resolve())


@lru_cache(maxsize=8)
def _load(root: Path) -> Project:
    raw = yamlread.load((root / "mkdocs.yml").read_text(encoding="utf-8"), _PermissiveLoader)
    i18n = _i18n_config(raw)
    languages = tuple(
        Language(
            code=entry["locale"],
            name=entry.get("name", entry["locale"]),
            default=bool(entry.get("default", False)),
            site_name=entry.get("site_name") or raw.get("site_name", ""),
            site_description=entry.get("site_description") or raw.get("site_description", ""),
        )
        for entry in i18n.get("languages", [])
        if entry.get("build", True) and entry.get("locale") != "null"
    )
    if sum(lang.default for lang in languages) != 1:
        raise ValueError("mkdocs.yml must mark exactly one language as `default: true`")
    return Project(root=root, raw=raw, languages=languages)


CONFIG_RULE = "site-config"


def config_finding(exc: BaseException, text: str | None = None) -> Finding | None:
    """mkdocs.yml that cannot be read (a menu line indented one space too little), as the
    editor's finding at its line; None for any other error. MkDocs wraps the parser's error in
    its own English sentence; the parser's error is found behind it."""
    seen: BaseException | None = exc
    while seen is not None and not isinstance(seen, yaml.YAMLError):
        seen = seen.__cause__ or seen.__context__
    if seen is None:
        return None
    # The text read, for what the parser's words leave out (what a Tab stands for).
    mark = getattr(seen, "problem_mark", None)
    name = Path(str(getattr(mark, "name", "")))
    if text is None and name.suffix in (".yml", ".yaml") and name.is_file():
        text = name.read_text(encoding="utf-8")
    trouble = explain(seen, text)
    return Finding(
        "mkdocs.yml", trouble.line, CONFIG_RULE, trouble.message, col=trouble.col, hint=trouble.hint
    )


TODAY_ENV = "TNSITE_TODAY"


def build_date() -> dt.date:
    """Today, or SOURCE_DATE_EPOCH's day when set (reproducible builds of old commits)."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch:
        return dt.datetime.fromtimestamp(int(epoch), dt.UTC).date()
    return dt.date.today()


def today() -> dt.date:
    """The day the checks judge by (a figure's freshness, a pending translation's deadline):
    `TNSITE_TODAY` (YYYY-MM-DD) when set, so a test or an editor can ask "what will be stale on
    1 July?", else the build date (SOURCE_DATE_EPOCH or the real day), the same day the pages
    are dated with."""
    override = os.environ.get(TODAY_ENV, "").strip()
    if not override:
        return build_date()
    try:
        return dt.date.fromisoformat(override)
    except ValueError as exc:
        raise ValueError(
            f"{TODAY_ENV} must be a date written YYYY-MM-DD, not {override!r}"
        ) from exc
