"""What a visitor's browser sees: bytes, requests, accessibility, language, fonts, layout.

Each page is loaded in a fresh mobile context (390 px wide) so the weight is a first visit's.
"""

from __future__ import annotations

import contextlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from playwright.sync_api import TimeoutError as PlaywrightTimeout

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-quic",
    "--disable-sync",
]
MOBILE = {
    "viewport": {"width": 390, "height": 844},
    "device_scale_factor": 3,
    "is_mobile": True,
    "has_touch": True,
}
# Marks the first text in the page's own script (a Unicode script property such as Khmr or
# Hani) so the fonts that draw it can be asked for.
SCRIPT_SAMPLE = r"""(script) => {
  const pattern = new RegExp("\\p{Script=" + script + "}", "u");
  const walker = document.createTreeWalker(document.querySelector('article') || document.body,
    NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) {
    if (pattern.test(walker.currentNode.textContent)) {
      walker.currentNode.parentElement.setAttribute('data-audit-script', '1');
      return true;
    }
  }
  return false;
}"""


# axe-core's default rules plus WCAG 2.2's target size (24 px), off by default in axe 4.x: the
# site is read on phones, where a link too small to tap is a link that does not work.
AXE_RUN = """async () => (await axe.run(document, {
  resultTypes: ['violations'], rules: {'target-size': {enabled: true}}})).violations"""
OPEN_MENU = "label.md-header__button[for='__drawer']"
MENU_LINKS = ".md-sidebar--primary a.md-nav__link[href]"
TAPPABLE = """a => {
  if (a.href.split('#')[0] === location.href.split('#')[0]) return false;
  const r = a.getBoundingClientRect();
  if (!r.width || !r.height) return false;
  const hit = document.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2);
  return !!hit && a.contains(hit);
}"""


NOINDEX = """() => Array.from(document.querySelectorAll('meta[name="robots"]'))
  .some(m => /noindex/i.test(m.content))"""


@dataclass
class PageResult:
    url: str
    status: int = 0
    transfer_bytes: int = 0
    requests: list[str] = field(default_factory=list)
    outside: list[str] = field(default_factory=list)
    console_errors: list[str] = field(default_factory=list)
    csp_violations: list[str] = field(default_factory=list)
    axe: list[dict[str, Any]] = field(default_factory=list)
    html_lang: str = ""
    noindex: bool = (
        False  # <meta name="robots" content="noindex">: a page shown from another language
    )
    script_fonts: list[str] = field(default_factory=list)  # fonts drawing the page's script
    horizontal_overflow: int = 0
    search_results: int | None = None
    switched_to: dict[str, dict[str, Any]] = field(default_factory=dict)
    menu_reached: str = ""


def _is_outside(url: str, origin: str) -> bool:
    parts = urlsplit(url)
    if parts.scheme in ("data", "blob", "about", "chrome-extension"):
        return False
    return f"{parts.scheme}://{parts.netloc}" != origin


def follow_menu_link(page: Any, url: str) -> str:
    """Load `url`, open the site menu as a phone visitor does and tap the first link it shows
    that leads to another page; the address reached, or "" when no link could be tapped or it
    led to an error."""
    page.goto(url, wait_until="networkidle")
    page.locator(OPEN_MENU).click()
    page.wait_for_timeout(400)  # the drawer slides in
    links = page.locator(MENU_LINKS)
    for i in range(links.count()):
        link = links.nth(i)
        if link.evaluate(TAPPABLE):
            with page.expect_navigation() as navigation:
                link.tap()
            response = navigation.value
            return page.url if response is not None and response.ok else ""
    return ""


def audit_page(
    browser: Any,
    url: str,
    origin: str,
    axe_js: Path,
    search_query: str | None = None,
    switch_language: bool = True,
    script: str | None = None,
) -> PageResult:
    """`script`: the page language's script when it is not Latin (ISO 15924, as Unicode's
    Script property names it), whose fonts are reported."""
    result = PageResult(url)
    context = browser.new_context(**MOBILE)
    page = context.new_page()
    cdp = context.new_cdp_session(page)
    cdp.send("Network.enable")
    sizes: dict[str, int] = {}
    cdp.on(
        "Network.loadingFinished",
        lambda ev: sizes.__setitem__(ev["requestId"], int(ev["encodedDataLength"])),
    )
    page.on("request", lambda req: result.requests.append(req.url))

    def on_console(msg: Any) -> None:
        if msg.type != "error":
            return
        result.console_errors.append(msg.text)
        if "Content Security Policy" in msg.text:  # how Chromium reports a violation
            result.csp_violations.append(f"{urlsplit(page.url).path}: {msg.text[:160]}")

    page.on("console", on_console)
    try:
        response = page.goto(url, wait_until="networkidle")
        result.status = response.status if response else 0
        first = response.request.redirected_from if response else None
        if first is not None:
            result.status = first.response().status if first.response() else result.status
        page.wait_for_timeout(200)
        result.transfer_bytes = sum(sizes.values())
        result.html_lang = page.locator("html").get_attribute("lang") or ""
        result.noindex = bool(page.evaluate(NOINDEX))
        result.horizontal_overflow = int(
            page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        )
        if script is not None and page.evaluate(SCRIPT_SAMPLE, script):
            cdp.send("DOM.enable")
            cdp.send("CSS.enable")
            doc = cdp.send("DOM.getDocument")
            node = cdp.send(
                "DOM.querySelector",
                {"nodeId": doc["root"]["nodeId"], "selector": "[data-audit-script]"},
            )
            fonts = cdp.send("CSS.getPlatformFontsForNode", {"nodeId": node["nodeId"]})
            result.script_fonts = [f["familyName"] for f in fonts["fonts"]]
        if search_query is not None:
            page.locator("label.md-search__icon, label[for='__search']").first.click()
            box = page.locator("input.md-search__input")
            box.fill(search_query)
            box.press("End")  # Material reads the box on keyup, not on input
            with contextlib.suppress(PlaywrightTimeout):  # judged as "search found nothing"
                page.wait_for_selector(".md-search-result__item", timeout=15_000)
            result.search_results = page.locator(".md-search-result__item").count()
        # Evaluated through the DevTools protocol, which the page's Content-Security-Policy
        # does not govern: the page itself may run only its own scripts.
        page.evaluate(axe_js.read_text(encoding="utf-8"))
        report = page.evaluate(AXE_RUN)
        result.axe = [
            {"id": v["id"], "impact": v.get("impact"), "nodes": len(v["nodes"])} for v in report
        ]
        languages = page.eval_on_selector_all(
            ".md-select a[hreflang]", "els => els.map(a => [a.hreflang, a.href])"
        )
        result.menu_reached = follow_menu_link(page, url)
        if switch_language:
            for code, target in languages:
                response = page.goto(target, wait_until="networkidle")
                result.switched_to[code] = {
                    "path": urlsplit(page.url).path,
                    "status": response.status if response else 0,
                    "lang": page.locator("html").get_attribute("lang") or "",
                }
    finally:
        context.close()
    result.outside = sorted({u for u in result.requests if _is_outside(u, origin)})
    return result
