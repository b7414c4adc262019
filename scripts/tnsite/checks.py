"""The list of content checks `tnsite check` runs.

Source checks read docs/ and data/; site checks read the built site/. Each check is a plain
function of the project returning findings, so it can be tested on a small fixture project.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from tnsite.config import Project
from tnsite.findings import Finding

CheckFn = Callable[[Project], list[Finding]]


@dataclass(frozen=True)
class Check:
    name: str
    run: CheckFn
    needs_site: bool = False


def available_checks() -> list[Check]:
    """Every check, source checks first (they are cheap and explain most site findings)."""
    from tnsite.audit.examples import check_examples
    from tnsite.check.menu import check_menu
    from tnsite.data.checks import check_data
    from tnsite.i18n.redirects import check_moves
    from tnsite.i18n.rules import check_translations
    from tnsite.images.checks import check_images
    from tnsite.links.checks import check_links
    from tnsite.news.checks import check_news
    from tnsite.publish.checks import check_catalogue
    from tnsite.safety.checks import check_safety

    checks: list[Check] = [Check("translations", check_translations)]
    checks.append(Check("safety", check_safety))
    checks.append(Check("images", check_images))
    checks.append(Check("data", check_data))
    checks.append(Check("news", check_news))
    checks.append(Check("moved pages", check_moves))
    checks.append(Check("publications", check_catalogue))
    checks.append(Check("audit pages", check_examples))
    checks.append(Check("menu", check_menu))
    checks.append(Check("links", check_links, needs_site=True))
    return checks
