"""Typing into Material's search box in headless Chromium and reading the results."""

from __future__ import annotations

import json
from dataclasses import dataclass
from urllib.parse import parse_qs, urlsplit


@dataclass(frozen=True)
class Result:
    path: str  # the result page's path, e.g. "/km/du-lich/nui-ba-den/"
    title: str
    marks: list[str]  # words highlighted in the result
    highlight: str  # the words the result page will highlight (?h=)


READ_RESULTS = """els => els.map(li => {
  const a = li.querySelector('a');
  return [a.href, (li.querySelector('h1') || li.querySelector('h2')).innerText,
          Array.from(li.querySelectorAll('mark')).map(m => m.innerText)];
})"""


def open_search(page, url: str) -> str:
    """Load `url`, open the search box and wait until the index is ready; returns the
    'type to start searching' text."""
    page.goto(url)
    config = json.loads(page.locator("#__config").text_content() or "{}")
    ready = config["translations"]["search.result.placeholder"]
    page.locator("label[for='__search']").first.dispatch_event("click")
    page.locator("input.md-search__input").focus()
    page.wait_for_function(
        "text => document.querySelector('.md-search-result__meta').innerText === text", arg=ready
    )
    return ready


def search(page, url: str, query: str) -> list[Result]:
    """The results for `query` typed on the page at `url`, best first."""
    ready = open_search(page, url)
    box = page.locator("input.md-search__input")
    box.fill(query)
    box.press("End")  # a key event: Material reads the box on keyup
    page.wait_for_function(
        "text => document.querySelector('.md-search-result__meta').innerText !== text", arg=ready
    )
    page.wait_for_timeout(50)
    rows = page.eval_on_selector_all(".md-search-result__item", READ_RESULTS)
    out = []
    for href, title, marks in rows:
        parts = urlsplit(href)
        out.append(
            Result(
                path=parts.path,
                title=title.replace("\u200b", ""),
                marks=[m.replace("\u200b", "") for m in marks],
                highlight=parse_qs(parts.query).get("h", [""])[0],
            )
        )
    return out
