"""Options of the editor plugin (`tnsite/editor` in mkdocs.yml)."""

from __future__ import annotations

from typing import Any

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


def editor_folder(raw_config: dict[str, Any]) -> str | None:
    """The folder of the built site the editor is written to (`folder`, "admin" by default),
    or None when mkdocs.yml does not enable the plugin. Read by the tests that keep the editor
    out of what visitors' checks measure."""
    for plugin in raw_config.get("plugins") or []:
        if plugin == PLUGIN_NAME:
            return str(EditorConfig.folder.default)
        if isinstance(plugin, dict) and PLUGIN_NAME in plugin:
            options = plugin[PLUGIN_NAME] or {}
            return str(options.get("folder", EditorConfig.folder.default))
    return None
