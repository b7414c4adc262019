"""Options of the editor plugin (`tnsite/editor` in mkdocs.yml)."""

from __future__ import annotations

from mkdocs.config import config_options as c
from mkdocs.config.base import Config

PLUGIN_NAME = "tnsite/editor"


class EditorConfig(Config):
    # The GitHub repository the editor commits to ("owner/name"); empty: derived from a
    # `<owner>.github.io` site_url (a user site lives in the repository of that name).
    repo = c.Type(str, default="")
    branch = c.Type(str, default="main")
    # The OAuth gateway that signs editors in to GitHub (README: one-time setup).
    auth_url = c.Type(str, default="")
    auth_endpoint = c.Type(str, default="auth")
    # Where the editor lives in the built site.
    folder = c.Type(str, default="admin")
    # The interface language of the editor; English stays available from the editor itself.
    ui_language = c.Type(str, default="vi")
