"""Language names as a reader of another language writes them (CLDR, through Babel)."""

from __future__ import annotations

from functools import lru_cache

from babel import Locale


@lru_cache(maxsize=64)
def lang_name(code: str, in_lang: str) -> str:
    """'km' in English → 'Khmer'; in Vietnamese → 'tiếng Khmer' (lower case mid-sentence, as
    Vietnamese writes it); in Khmer → 'ខ្មែរ'."""
    name = Locale.parse(in_lang).languages.get(code, code)
    return name[0].lower() + name[1:] if in_lang == "vi" else name


@lru_cache(maxsize=64)
def script_name_vi(script: str) -> str:
    """'Hani' → 'chữ Hán', 'Khmr' → 'chữ Khơ-me' (CLDR's Vietnamese names, mid-sentence)."""
    name = Locale.parse("vi").scripts.get(script, script)
    return name[0].lower() + name[1:]
