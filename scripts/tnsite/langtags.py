"""Language codes of mkdocs.yml against the BCP 47 tags pages declare.

A site language is named by a short code (`zh`: folder, URL prefix, hreflang) while its pages
may declare a more precise tag (`<html lang="zh-Hans">`, theme option `html_lang`). Every check
that compares a page's declared language with a site language goes through `is_language`, so
the two never disagree."""

from __future__ import annotations

from babel import Locale, UnknownLocaleError
from babel.core import get_global


def is_language(tag: str | None, code: str) -> bool:
    """Whether a BCP 47 tag names the language `code`: 'zh-Hans' and 'zh' are Chinese; 'zh' is
    not Chinese (Simplified) when the code is 'zh-Hans'. Case-insensitive, as BCP 47 is."""
    if not tag:
        return False
    tag, code = tag.lower(), code.lower()
    return tag == code or tag.startswith(code + "-")


def site_language(tag: str | None, codes: frozenset[str] | tuple[str, ...]) -> str | None:
    """The site language a declared tag belongs to (the longest matching code), if any."""
    matches = [code for code in codes if is_language(tag, code)]
    return max(matches, key=len) if matches else None


def meant_language(name: str, codes: tuple[str, ...]) -> str | None:
    """The site language a folder name was probably meant for: a tag of it (`zh-CN`), a country
    taken for the language (`cn`, `kh`, `vn`: the most spoken of the site's languages there, by
    CLDR) or a language's name (`chinese`, `khmer`)."""
    tag = name.strip().replace("_", "-").lower()
    found = site_language(tag, codes)
    if found:
        return found
    if tag in Locale.parse("en").languages:
        return None  # a language of its own (`fr`), not a country taken for one
    spoken = get_global("territory_languages").get(tag.upper(), {})
    ranked = sorted(spoken.items(), key=lambda item: -item[1].get("population_percent", 0))
    for language, _facts in ranked:
        found = site_language(language.replace("_", "-"), codes)
        if found:
            return found
    for code in codes:
        for reader in ("en", code):
            try:
                names = Locale.parse(reader).languages
            except (UnknownLocaleError, ValueError):
                continue
            if names.get(code, "").lower() == tag:
                return code
    return None
