"""What the project knows of mkdocs-static-i18n 1.3.1's internals.

static-i18n builds the default language, then, from its own `on_post_build` (priority -100),
builds every other language by running MkDocs' build again with the language's files. The
project's plugins need four things from it, all answered here:

- which language is being built now (`current_language`), and whether the last language's
  build has finished (`is_final_post_build`; plugins that act on the whole multilingual site
  listen at `FINAL_PRIORITY`, below static-i18n's own post-build);
- which language a page's file is really written in (`file_language`: it differs from the build
  language when a missing translation falls back to the default language's file);
- how to mark a file the project generates so static-i18n treats it as a page of one language
  (`adopt_generated_file`);
- the fallback rule itself: `record_choices` notes which file static-i18n chose for each page of
  each language, and `verify_fallback_rule` compares that with the rule the checks apply to a
  built site (tnsite.alternates), so the two can never drift apart silently.
"""

from __future__ import annotations

from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files

from tnsite.stack.rewrites import StackChanged

FINAL_PRIORITY = -200  # below static-i18n's on_post_build (-100), which runs the other languages
PLUGIN = "i18n"
HERE = "scripts/tnsite/stack/i18n.py"


def i18n_plugin(config: MkDocsConfig) -> Any:
    return config.plugins.get(PLUGIN)


def current_language(config: MkDocsConfig) -> str:
    """The language being built now (Material's theme language follows static-i18n)."""
    plugin = i18n_plugin(config)
    if plugin is not None and plugin.current_language:
        return str(plugin.current_language)
    return str(config.theme.get("language", "en"))


def is_building_other_languages(config: MkDocsConfig) -> bool:
    """True while static-i18n runs the builds of the languages after the first."""
    plugin = i18n_plugin(config)
    return plugin is not None and bool(plugin.building)


def is_final_post_build(config: MkDocsConfig) -> bool:
    """True in the `on_post_build` that follows the last language's build."""
    return not is_building_other_languages(config)


def file_language(file: File) -> str | None:
    """The language folder static-i18n took this file from (None for files it did not handle)."""
    locale = getattr(file, "locale", None)
    return str(locale) if locale else None


def page_language(page: Any, config: MkDocsConfig) -> str:
    """The language the page's file is really written in (differs from the build on fallback)."""
    return file_language(page.file) or current_language(config)


def adopt_generated_file(file: File, language: str) -> File:
    """Give a generated page the attributes static-i18n sets on the files it handles, so its
    page events treat it as a page of `language` with no translations."""
    file.locale = language  # type: ignore[attr-defined]
    file.locale_alternate_of = language  # type: ignore[attr-defined]
    file.localization = None  # type: ignore[attr-defined]
    file.norm_src_uri = file.src_uri  # type: ignore[attr-defined]
    file.alternates = {language: file}  # type: ignore[attr-defined]
    return file


def chosen_sources(files: Files, languages: tuple[str, ...]) -> dict[str, str]:
    """For the language being built: page path in the language tree → the language folder
    static-i18n took its file from."""
    out: dict[str, str] = {}
    for file in files.documentation_pages():
        source = file_language(file)
        if source is None or file.generated_by:
            continue
        head, _, rest = file.src_uri.partition("/")
        out[rest if head in languages and rest else file.src_uri] = source
    return out


def verify_fallback_rule(
    build_language: str,
    chosen: dict[str, str],
    expected: dict[str, str | None],
) -> None:
    """static-i18n's choices (`chosen`) against the rule tnsite.alternates applies (`expected`,
    page → language folder, None when it would not build the page)."""
    wrong = sorted(
        f"{path}: static-i18n took '{source}', tnsite.alternates says '{expected.get(path)}'"
        for path, source in chosen.items()
        if expected.get(path) != source
    )
    if wrong:
        raise StackChanged(
            f"static-i18n chose other files than the project's fallback rule for the "
            f"'{build_language}' pages ({'; '.join(wrong[:5])}); review {HERE} and "
            "scripts/tnsite/alternates.py"
        )
