"""Language codes of mkdocs.yml against the BCP 47 tags pages declare.

A site language is named by a short code (`zh`: folder, URL prefix, hreflang) while its pages
may declare a more precise tag (`<html lang="zh-Hans">`, theme option `html_lang`). Every check
that compares a page's declared language with a site language goes through `is_language`, so
the two never disagree."""

from __future__ import annotations


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
