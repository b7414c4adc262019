"""Options of the search plugin."""

from mkdocs.config import config_options as c
from mkdocs.config.base import Config

# Where Material's tokenizer splits words, in every language: white space, U+200B (which the
# build puts between the words of unspaced scripts; JavaScript's \s does not match it), Khmer
# punctuation (khan, bariyoosan, the repetition sign ៗ, colon signs), CJK punctuation
# (U+3000–U+303F: 、。「」《》【】 and the ideographic space), full-width punctuation
# (，：；！？（）; the full-width letters and digits between them are kept),
# the middle dot and common punctuation. Apostrophes stay inside words ("Ninh's").
# No ASCII "|": Material's highlighter splits this expression at "|".
SEPARATOR = (
    r"[\s\u200b\u17d4-\u17da\u3000-\u303f\uff01-\uff0f\uff1a-\uff20\uff3b-\uff40"
    r"\uff5b-\uff65\u00b7\-–—,.;:!?()\[\]{}\"“”‘«»…/]+"
)


class SearchConfig(Config):
    separator = c.Type(str, default=SEPARATOR)
    # Languages whose words also get lunr's Porter stemmer and English stop-word filter, both
    # written for English only (mkdocs.yml lists `en`).
    stemmed_languages = c.ListOfItems(c.Type(str), default=[])
    # Khmer words never split (place names ICU does not know); a path from the project root,
    # empty for the list shipped with the plugin.
    khmer_words = c.Type(str, default="")
