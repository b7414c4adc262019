"""Options of the data plugin (mkdocs.yml: `- tnsite/data:`)."""

from mkdocs.config import config_options as c
from mkdocs.config.base import Config


class DataConfig(Config):
    # Languages whose figures use the language's native digits instead of Latin ones (see
    # tnsite/data/fmt.py for why Khmer uses Latin digits by default).
    native_digits = c.ListOfItems(c.Type(str), default=[])
    # Append the "Sources" list to every page that shows a figure.
    sources_list = c.Type(bool, default=True)
