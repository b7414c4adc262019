"""Options shared by every command of the command line."""

from __future__ import annotations

import os

import click

LANG_OPTION = click.option(
    "--lang",
    "ui_lang",
    type=click.Choice(["en", "vi"]),
    default=lambda: os.environ.get("TNSITE_LANG", "en"),
    show_default="TNSITE_LANG or en",
    help="Language of the messages (Vietnamese for the department's editors).",
)
