"""Options shared by every command of the command line."""

from __future__ import annotations

import os
from collections.abc import Sequence

import click

LANG_OPTION = click.option(
    "--lang",
    "ui_lang",
    type=click.Choice(["en", "vi"]),
    default=lambda: os.environ.get("TNSITE_LANG", "en"),
    show_default="TNSITE_LANG or en",
    help="Language of the messages (Vietnamese for the department's editors).",
)


def requested_language(args: Sequence[str]) -> str:
    """The language a command's `--lang` asks for, read before the command is parsed: a
    mistake in mkdocs.yml stops every command before its options are (the project they all
    need is read first), and its message still comes in the language asked for."""
    for index, arg in enumerate(args):
        if arg.startswith("--lang="):
            return "vi" if arg.removeprefix("--lang=") == "vi" else "en"
        if arg == "--lang" and index + 1 < len(args):
            return "vi" if args[index + 1] == "vi" else "en"
    return "vi" if os.environ.get("TNSITE_LANG") == "vi" else "en"
