"""A static server on 127.0.0.1 that answers like GitHub Pages, for tests and audits.

It serves `index.html` for directories, the site's root `404.html` with status 404 for any
missing path, and gzip-compressed text when the browser asks for it, so page weights measured
through it are the weights a visitor on GitHub Pages downloads.
"""

from __future__ import annotations

import functools
import gzip
import os
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import unquote

COMPRESSIBLE = (".html", ".css", ".js", ".json", ".svg", ".xml", ".txt", ".ics", ".webmanifest")
# The types GitHub Pages sends where Python's own guess differs or is missing.
CONTENT_TYPES = {
    ".js": "text/javascript",
    ".woff2": "font/woff2",
    ".webp": "image/webp",
    ".ics": "text/calendar",
}
HOST = "127.0.0.1"


class _Handler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass

    def guess_type(self, path: str | os.PathLike[str]) -> str:
        return CONTENT_TYPES.get(Path(path).suffix.lower()) or super().guess_type(path)

    def _send_body(self, code: int, path: Path) -> None:
        body = path.read_bytes()
        gz = path.suffix in COMPRESSIBLE and "gzip" in self.headers.get("Accept-Encoding", "")
        if gz:
            body = gzip.compress(body, compresslevel=6, mtime=0)
        self.send_response(code)
        self.send_header("Content-Type", self.guess_type(str(path)))
        if gz:
            self.send_header("Content-Encoding", "gzip")
            self.send_header("Vary", "Accept-Encoding")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "max-age=600")
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def _serve(self) -> None:
        root = Path(self.directory)
        rel = self.path.split("?", 1)[0].split("#", 1)[0]
        target = (root / unquote(rel).lstrip("/")).resolve()
        if root.resolve() not in (target, *target.parents):
            self.send_error(403)
            return
        if target.is_dir():
            if not rel.endswith("/"):
                self.send_response(301)
                self.send_header("Location", rel + "/")
                self.end_headers()
                return
            target = target / "index.html"
        if target.is_file():
            self._send_body(200, target)
        elif (root / "404.html").is_file():
            self._send_body(404, root / "404.html")
        else:
            self.send_error(404)

    def do_GET(self) -> None:
        self._serve()

    def do_HEAD(self) -> None:
        self._serve()


class SiteServer:
    def __init__(self, root: Path, port: int = 0) -> None:
        handler = functools.partial(_Handler, directory=str(root))
        self.httpd = ThreadingHTTPServer((HOST, port), handler)
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    @property
    def origin(self) -> str:
        return f"http://{HOST}:{self.httpd.server_port}"

    def url(self, path: str = "/") -> str:
        return self.origin + "/" + path.lstrip("/")

    def start(self) -> SiteServer:
        self.thread.start()
        return self

    def stop(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()
