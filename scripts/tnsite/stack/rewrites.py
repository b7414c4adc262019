"""Counted rewrites of the stack's output.

A rewrite replaces a pattern in what Material writes. Two ways it can fail silently are ruled
out here: its pattern stops matching while the markup it fixes is still there (checked on every
text with `residue`, a broader pattern that must not survive the rewrite), and it stops being
needed because the markup is gone (counted over the whole build by `Tally`: the build log
says how often each applied, and the real site's tests require every one to apply).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from mkdocs.exceptions import PluginError

HERE = "scripts/tnsite/stack"


class StackChanged(PluginError):
    """Material or static-i18n no longer look the way tnsite.stack expects."""


@dataclass(frozen=True)
class Rewrite:
    """Replace `pattern` by `replacement` (a regex template); afterwards `residue` must not
    match anywhere in the text. `where` names the module that defines it, for the message."""

    name: str
    pattern: re.Pattern[str]
    replacement: str
    residue: re.Pattern[str]
    where: str

    def apply(self, text: str) -> tuple[str, int]:
        new, count = self.pattern.subn(self.replacement, text)
        left = self.residue.search(new)
        if left is not None:
            raise StackChanged(
                f"the '{self.name}' rewrite no longer matches Material's markup "
                f"(left: {left.group(0)[:120]!r}); review {self.where}"
            )
        return new, count


@dataclass
class Tally:
    """How often each rewrite applied over a build."""

    counts: Counter[str] = field(default_factory=Counter)

    def apply(self, rewrites: tuple[Rewrite, ...], text: str) -> str:
        for rewrite in rewrites:
            text, count = rewrite.apply(text)
            self.counts[rewrite.name] += count
        return text

    def unused(self, rewrites: tuple[Rewrite, ...]) -> list[Rewrite]:
        return [r for r in rewrites if self.counts[r.name] == 0]

    def require_all_used(self, rewrites: tuple[Rewrite, ...]) -> None:
        unused = self.unused(rewrites)
        if unused:
            names = ", ".join(f"'{r.name}' ({r.where})" for r in unused)
            raise StackChanged(
                f"these rewrites of Material's output never applied in this build: {names}; "
                "Material no longer writes what they fix: remove them"
            )
