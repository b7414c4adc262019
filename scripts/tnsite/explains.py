"""A cause names the findings it explains.

One mistake is often seen by several checks: a link written with `\\` is refused at its line by
the source checks, and then the built page has a broken link as well; a photo described under a
name without its extension leaves every page that shows it with a missing image. The check
that sees the cause knows what else its mistake will make other checks report, so it says so
on its finding (`extra["explains"]`: the rules of those findings, and the place or values they
carry), and check/causes.py drops what a cause explains, whichever check made it.

The rules named here are the ones whose findings are most often such echoes (the built site's
link checks, the publications), named in this ground module so that a check of any capability
can name them without depending on the capability that makes them.
"""

from __future__ import annotations

from collections.abc import Iterable

from tnsite.findings import Finding

BROKEN_LINK, BROKEN_ANCHOR, MISSING_ASSET = "broken-link", "broken-anchor", "missing-asset"
CROSS_LANGUAGE = "cross-language-link"
HREFLANG_MISMATCH = "hreflang-mismatch"
NOT_TO_MD = "link-not-to-md"
PUBLICATION = "publication"
STALE_TRANSLATION, STRUCTURE_MISMATCH = "stale-translation", "structure-mismatch"
DATA_DIRECTIVE = "data-directive"
# The extra key of a directive naming a record no data file has; check/causes.py makes the
# places that show one such record one finding.
UNKNOWN_RECORD = "unknown_record"
# The extra key of a link a data directive drew (from a record's `page:`): the record is the
# place it was written.
GENERATED = "generated"
EXPLAINS = "explains"
CONTAINS = "_has"  # `url_has="\\"`: the finding's `url` contains `\\`
PLACE = ("path", "line")


def explains(*rules: str, **values: object) -> dict[str, object]:
    """An echo: a finding of one of `rules` whose `path` and `line` (when given) and whose extra
    values are those given; a name ending in `_has` asks for a value containing the text."""
    return {"rules": sorted(rules), **values}


def _matches(echo: dict[str, object], finding: Finding) -> bool:
    if finding.rule not in echo["rules"]:  # type: ignore[operator]
        return False
    for name, wanted in echo.items():
        if name == "rules":
            continue
        if name.endswith(CONTAINS):
            if str(wanted) not in str(finding.extra.get(name.removesuffix(CONTAINS), "")):
                return False
        elif (getattr(finding, name) if name in PLACE else finding.extra.get(name)) != wanted:
            return False
    return True


def without_echoes(findings: Iterable[Finding]) -> list[Finding]:
    """The findings no other finding explains."""
    findings = list(findings)
    echoes = [
        (cause, echo)
        for cause in findings
        for echo in cause.extra.get(EXPLAINS, ())  # type: ignore[attr-defined]
    ]
    return [
        f for f in findings if not any(cause is not f and _matches(e, f) for cause, e in echoes)
    ]
