"""Material's page markup corrected by counted rewrites: each applies, none leaves a trace of
what it fixes, and a change in Material's markup stops the build naming the boundary file."""

from __future__ import annotations

import pytest

from tnsite.stack.material import PageMarkup
from tnsite.stack.rewrites import StackChanged

STOCK = """<html><body>
<input class="md-toggle" data-md-toggle="drawer" type="checkbox" id="__drawer" autocomplete="off">
<input class="md-toggle" data-md-toggle="search" type="checkbox" id="__search" autocomplete="off">
<div class="md-search" data-md-component="search" role="dialog">
<nav class="md-nav" data-md-level="1" aria-labelledby="__nav_2_label" aria-expanded="false">
  <label class="md-nav__title" for="__nav_2">
<label class="md-nav__link " for="__nav_2" id="__nav_2_label" tabindex="">
<label class="md-nav__title" for="__toc">
</body></html>"""


def test_each_rewrite_fixes_what_the_nu_checker_and_axe_report() -> None:
    markup = PageMarkup()
    out = markup.fix(STOCK, "Tìm kiếm")
    assert "autocomplete" not in out
    assert 'tabindex=""' not in out
    assert 'for="__toc"' not in out and '<label class="md-nav__title">' in out
    assert 'role="dialog" aria-label="Tìm kiếm"' in out
    assert 'aria-labelledby="__nav_2_title"' in out and 'id="__nav_2_title"' in out
    markup.require_all_used()


def test_the_toc_label_is_kept_where_its_control_exists() -> None:
    page = STOCK.replace("<body>", '<body><input type="checkbox" id="__toc">')
    assert 'for="__toc"' in PageMarkup().fix(page, "Search")


@pytest.mark.parametrize(
    "changed",
    [
        STOCK.replace('id="__drawer" autocomplete="off"', 'autocomplete="off" id="__drawer"'),
        STOCK.replace('tabindex="">', 'tabindex="" data-x>'),
        STOCK.replace('role="dialog">', 'role="dialog" >'),
        STOCK.replace(
            'aria-labelledby="__nav_2_label" aria-expanded="false">',
            'aria-labelledby="__nav_2_label">\n<span></span>',
        ),
    ],
)
def test_changed_markup_stops_the_build_naming_the_boundary(changed: str) -> None:
    with pytest.raises(StackChanged, match=r"scripts/tnsite/stack/material\.py"):
        PageMarkup().fix(changed, "Search")


def test_a_rewrite_that_never_applied_is_reported() -> None:
    markup = PageMarkup()
    markup.fix(STOCK.replace(' tabindex=""', ""), "Search")
    with pytest.raises(StackChanged, match=r"never applied.*'empty tabindex'"):
        markup.require_all_used()
