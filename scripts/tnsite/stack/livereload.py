"""What the project knows of MkDocs 1.6.1's development server (`mkdocs.commands.serve` and
`mkdocs.livereload`), so that `tnsite serve` can show a refused build instead of hanging.

Stock `mkdocs serve` exits when the first build fails, and after a failed rebuild it keeps
`_visible_epoch` behind `_wanted_epoch`: every page request waits on that condition until a
later build succeeds, so the editor's browser spins and shows nothing. Here a failed build is a
finished build whose result is a page of findings: the epoch moves on (open tabs reload to the
findings at once), every page request is answered with that page, and the page keeps MkDocs'
livereload script, so the next build that succeeds reloads the tab to the real page.

The server's private members used here (`_serve_request`, `_inject_js_into_html`,
`_epoch_cond`, `_visible_epoch`, `_wanted_epoch`, `_serve_url`) are those of MkDocs 1.6.1,
checked by `require_tested_stack`; `serve` follows `mkdocs.commands.serve.serve` step by step.
"""

from __future__ import annotations

import logging
import shutil
import tempfile
import threading
from collections.abc import Callable, Iterable
from os.path import isdir, isfile, join
from typing import Any
from urllib.parse import urlsplit

from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.livereload import LiveReloadServer, _Handler, _serve_url

from tnsite.stack.versions import require_tested_stack

log = logging.getLogger("mkdocs.commands.serve")
REQUESTS = logging.getLogger("tnsite.serve")
"""Where the server logs the requests it answers. MkDocs logs them to `mkdocs.livereload` (a
warning for any answer but 200), and a request answered while a build runs would then count
as one of that build's warnings: the strict build would abort on it, and the check plugin
would report it as a finding about the site."""

FailurePage = Callable[[Exception], str]
"""The HTML page that stands for the site while its last build failed (without the
livereload script, which the server adds)."""

StartResponse = Callable[..., Any]


def is_page_request(path: str) -> bool:
    """A request for a page (a folder URL, an .html file or a suffix-less path), as opposed to
    a stylesheet, script or image: only pages are replaced by the findings, so a request for
    an asset still gets the asset or a plain 404."""
    last = path.rsplit("/", 1)[-1]
    return path.endswith("/") or last.endswith(".html") or "." not in last


class _RequestLog(_Handler):
    """MkDocs' request handler, logging to REQUESTS: the findings page (500) and plain 200s
    quietly, any other answer as a warning."""

    def log_request(self, code: int | str = "-", size: int | str = "-") -> None:
        level = logging.DEBUG if str(code) in ("200", "500") else logging.WARNING
        REQUESTS.log(level, f'"{self.requestline}" code {code}')


class PreviewServer(LiveReloadServer):
    """MkDocs' livereload server that answers page requests with the findings page while the
    last build failed."""

    def __init__(self, *args: Any, failure_page: FailurePage, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.RequestHandlerClass = _RequestLog
        self.failure_page = failure_page
        self._failure: bytes | None = None
        self._failure_lock = threading.Lock()

    @property
    def failure(self) -> bytes | None:
        """The findings page of the last build, None when it succeeded."""
        with self._failure_lock:
            return self._failure

    def build_once(self, run: Callable[[], None]) -> None:
        """Run one build; a failure becomes the page to show, never an exception, so that
        MkDocs' build loop moves the epoch on (the loop would otherwise leave every request
        waiting for a build that never comes)."""
        try:
            run()
        except Exception as exc:  # every failure must become a page, never a hang
            page = self.failure_page(exc).encode("utf-8")
            with self._failure_lock:
                self._failure = page
            return
        with self._failure_lock:
            self._failure = None

    def _serve_request(
        self, environ: dict[str, Any], start_response: StartResponse
    ) -> Iterable[bytes] | None:
        path = environ["PATH_INFO"].encode("latin-1").decode("utf-8", "ignore")
        if path.startswith("/livereload/") or not is_page_request(path):
            return super()._serve_request(environ, start_response)
        # While the last build failed, its findings are the answer even during the next build
        # (the page's epoch is the failed build's, so the tab reloads when that one ends);
        # otherwise MkDocs waits for the build under way, never serving half a site.
        with self._epoch_cond:
            epoch = self._visible_epoch
            page = self.failure
        if page is None:
            return super()._serve_request(environ, start_response)
        content = self._inject_js_into_html(page, epoch)
        start_response(
            "500 Internal Server Error",
            [
                ("Content-Type", "text/html; charset=utf-8"),
                ("Content-Length", str(len(content))),
                ("Cache-Control", "no-store"),
            ],
        )
        return [content]


def serve(
    config_file: str,
    dev_addr: str,
    failure_page: FailurePage,
) -> None:
    """`mkdocs serve` with livereload, where a failed build (the first one included) shows
    `failure_page` instead of stopping the server or leaving requests waiting."""
    require_tested_stack()
    site_dir = tempfile.mkdtemp(prefix="tnsite_serve_")

    def get_config() -> MkDocsConfig:
        return load_config(config_file=config_file, site_dir=site_dir, dev_addr=dev_addr)

    config = get_config()
    config.plugins.on_startup(command="serve", dirty=False)
    host, port = config.dev_addr
    mount_path = urlsplit(config.site_url or "/").path
    config.site_url = serve_url = _serve_url(host, port, mount_path)

    server: PreviewServer

    def run(first: MkDocsConfig | None = None) -> None:
        log.info("Building documentation...")
        current = first or get_config()
        current.site_url = serve_url
        build(current, serve_url=serve_url, dirty=False)

    def builder(first: MkDocsConfig | None = None) -> None:
        server.build_once(lambda: run(first))

    server = PreviewServer(
        builder=builder,
        host=host,
        port=port,
        root=site_dir,
        mount_path=mount_path,
        failure_page=failure_page,
    )

    def error_handler(code: int) -> bytes | None:
        if code in (404, 500):
            error_page = join(site_dir, f"{code}.html")
            if isfile(error_page):
                with open(error_page, "rb") as f:
                    return f.read()
        return None

    server.error_handler = error_handler
    try:
        builder(config)
        server.watch(config.docs_dir)
        if config.config_file_path:
            server.watch(config.config_file_path)
        # Plugins watch their own folders (tnsite/data watches data/).
        served = config.plugins.on_serve(server, config=config, builder=builder)
        for item in config.watch:
            served.watch(item)
        try:
            served.serve()
        except KeyboardInterrupt:
            log.info("Shutting down...")
        finally:
            served.shutdown()
    finally:
        config.plugins.on_shutdown()
        if isdir(site_dir):
            shutil.rmtree(site_dir)
