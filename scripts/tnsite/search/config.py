"""Options of the search plugin."""

from mkdocs.config import config_options as c
from mkdocs.config.base import Config

# Where Material's tokenizer splits words, in every language: white space, U+200B (which the
# build puts between Khmer words; JavaScript's \s does not match it), Khmer punctuation (khan,
# bariyoosan, the repetition sign ៗ, colon signs) and common punctuation. Apostrophes stay
# inside words ("Ninh's"). No "|": Material's highlighter splits this expression at "|".
SEPARATOR = r"[\s\u200b\u17d4-\u17da\-–—,.;:!?()\[\]{}\"“”‘«»…/]+"


class SearchConfig(Config):
    separator = c.Type(str, default=SEPARATOR)
    # Languages whose words also get lunr's Porter stemmer and English stop-word filter, both
    # written for English only.
    stemmed_languages = c.ListOfItems(c.Type(str), default=["en"])
    # Khmer words never split (place names ICU does not know); a path from the project root,
    # empty for the list shipped with the plugin.
    khmer_words = c.Type(str, default="")
