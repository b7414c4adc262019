"""The audit's static server sends the content types GitHub Pages sends."""

import urllib.request
from pathlib import Path

import pytest

from tnsite.audit.server import SiteServer


@pytest.fixture
def server(tmp_path: Path):
    for name in ("app.js", "SHOUT.JS", "face.woff2", "photo.webp", "events.ics", "page.html"):
        (tmp_path / name).write_bytes(b"x")
    (tmp_path / "404.html").write_text("<p>missing</p>", encoding="utf-8")
    site = SiteServer(tmp_path).start()
    yield site
    site.stop()


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("app.js", "text/javascript"),
        ("SHOUT.JS", "text/javascript"),
        ("face.woff2", "font/woff2"),
        ("photo.webp", "image/webp"),
        ("events.ics", "text/calendar"),
        ("page.html", "text/html"),
    ],
)
def test_content_types(server: SiteServer, name: str, expected: str) -> None:
    with urllib.request.urlopen(server.url(name)) as response:
        assert response.headers["Content-Type"] == expected


def test_origin_is_the_loopback_address_and_bound_port(server: SiteServer) -> None:
    assert server.origin == f"http://127.0.0.1:{server.httpd.server_address[1]}"
    with urllib.request.urlopen(server.url("page.html")) as response:
        assert response.status == 200
