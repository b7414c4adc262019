"""The external checker against a local server on 127.0.0.1 that answers 200, 301, 404, 429,
500 and never (timeout); no request leaves the machine."""

from __future__ import annotations

import json
import threading
import time
from collections import defaultdict
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from click.testing import CliRunner

from tests.links.fixture import build, line_of, make_project, page
from tnsite.cli import main
from tnsite.links.external import (
    DEAD,
    OK,
    REDIRECTED,
    UNREACHABLE,
    Cache,
    Checker,
    Options,
    check_with_cache,
    retry_after,
)


class Server:
    """Answers by path; records every request (method, time) and the most requests in flight."""

    def __init__(self) -> None:
        self.hits: dict[str, list[tuple[str, float]]] = defaultdict(list)
        self.lock = threading.Lock()
        self.in_flight = 0
        self.max_in_flight = 0
        self.stopping = threading.Event()
        server = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: object) -> None:
                pass

            def do_HEAD(self) -> None:
                self.answer()

            def do_GET(self) -> None:
                self.answer()

            def send(self, code: int, headers: dict[str, str] | None = None) -> None:
                # Leave the in-flight count before answering: the client may send its next
                # request as soon as it has the answer.
                with server.lock:
                    server.in_flight -= 1
                self.send_response(code)
                for key, value in (headers or {}).items():
                    self.send_header(key, value)
                self.send_header("Content-Length", "0")
                self.end_headers()

            def answer(self) -> None:
                path = self.path
                with server.lock:
                    server.hits[path].append((self.command, time.monotonic()))
                    count = len(server.hits[path])
                    server.in_flight += 1
                    server.max_in_flight = max(server.max_in_flight, server.in_flight)
                if path == "/ok":
                    self.send(200)
                elif path == "/moved":
                    self.send(301, {"Location": "/ok"})
                elif path == "/gone":
                    self.send(404)
                elif path == "/busy":
                    self.send(429, {"Retry-After": "1"}) if count == 1 else self.send(200)
                elif path == "/always-busy":
                    self.send(429, {"Retry-After": "1"})
                elif path == "/error":
                    self.send(500)
                elif path == "/flaky":
                    self.send(503) if count == 1 else self.send(200)
                elif path == "/no-head":
                    self.send(405 if self.command == "HEAD" else 200)
                elif path == "/slow":
                    server.stopping.wait(3)  # never answers within the client's timeout
                    self.send(200)
                elif path.startswith("/c/"):
                    time.sleep(0.1)
                    self.send(200)
                else:
                    self.send(404)

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    def url(self, path: str) -> str:
        host, port = self.httpd.server_address[:2]
        return f"http://{host}:{port}{path}"


@pytest.fixture
def server() -> Iterator[Server]:
    instance = Server()
    instance.thread.start()
    yield instance
    instance.stopping.set()
    instance.httpd.shutdown()
    instance.httpd.server_close()


FAST = Options(timeout=0.3, retries=1, backoff=0.05, per_host=4, workers=8)


def test_each_kind_of_answer(server: Server) -> None:
    paths = ["/ok", "/moved", "/gone", "/error", "/flaky", "/no-head", "/slow", "/always-busy"]
    results = Checker(FAST).check_all(server.url(p) for p in paths)
    got = {p: results[server.url(p)] for p in paths}
    assert got["/ok"].state == OK and got["/ok"].status == 200
    assert got["/moved"].state == REDIRECTED
    assert got["/moved"].redirects == [(301, server.url("/ok"))]
    assert got["/moved"].final_url == server.url("/ok")
    assert (got["/gone"].state, got["/gone"].status, got["/gone"].attempts) == (DEAD, 404, 1)
    assert (got["/error"].state, got["/error"].status, got["/error"].attempts) == (DEAD, 500, 2)
    assert (got["/flaky"].state, got["/flaky"].attempts) == (OK, 2)
    assert got["/no-head"].state == OK
    assert [m for m, _ in server.hits["/no-head"]] == ["HEAD", "GET"]
    assert got["/slow"].state == UNREACHABLE and got["/slow"].error == "timeout"
    assert got["/slow"].attempts == 2
    assert (got["/always-busy"].state, got["/always-busy"].status) == (DEAD, 429)


def test_retry_after_is_honoured(server: Server) -> None:
    result = Checker(FAST).check(server.url("/busy"))
    assert result.state == OK and result.attempts == 2
    (_, first), (_, second) = server.hits["/busy"]
    assert second - first >= 0.95  # Retry-After: 1


def test_retry_after_forms() -> None:
    assert retry_after("7") == 7.0
    assert retry_after("Wed, 21 Oct 2015 07:28:00 GMT", now=1445412470.0) == 10.0
    assert retry_after("soon") is None and retry_after(None) is None


def test_per_host_limit(server: Server) -> None:
    urls = [server.url(f"/c/{n}") for n in range(8)]
    options = Options(timeout=2, retries=0, per_host=2, workers=8)
    results = Checker(options).check_all(urls)
    assert all(r.state == OK for r in results.values())
    assert server.max_in_flight == 2


def test_cache_spares_the_host_and_knows_its_age(server: Server, tmp_path: Path) -> None:
    urls = [server.url("/ok"), server.url("/gone")]
    cache_file = tmp_path / "cache.json"
    cache = Cache(cache_file, FAST)
    _, requested = check_with_cache(urls, cache, Checker(FAST))
    cache.save()
    assert requested == 2
    hits = sum(len(v) for v in server.hits.values())
    again = Cache(cache_file, FAST)
    results, requested = check_with_cache(urls, again, Checker(FAST))
    assert requested == 0 and sum(len(v) for v in server.hits.values()) == hits
    assert results[server.url("/gone")].state == DEAD
    assert 0 <= results[server.url("/ok")].age() < 60
    again.entries[server.url("/gone")].checked_at -= 2 * 86400  # failures expire after a day
    _, requested = check_with_cache(urls, again, Checker(FAST))
    assert requested == 1


def test_check_external_reports_markdown_lines(server: Server, tmp_path: Path) -> None:
    files = {}
    for lang in ("vi", "en", "km"):
        files[f"{lang}/index.md"] = page("Home", "Text.")
    files["km/index.md"] = page(
        "Home",
        f"""
        [ok]({server.url("/ok")})

        [gone]({server.url("/gone")})

        [moved]({server.url("/moved")})
        """,
    )
    project = make_project(tmp_path / "p", files)
    build(project)
    args = ["--root", str(project.root), "check-external", "--site-dir", str(project.site_dir)]
    args += ["--only", server.url("/")]  # nothing but the local server, whatever the theme adds
    result = CliRunner().invoke(main, [*args, "--timeout", "2", "--retries", "0"])
    assert result.exit_code == 0, result.output  # never blocks
    gone_line = line_of(project, "km/index.md", "/gone")
    moved_line = line_of(project, "km/index.md", "/moved")
    assert f"docs/km/index.md:{gone_line}:" in result.output
    assert "[external-dead]" in result.output and "[external-redirect]" in result.output
    report = (project.reports_dir / "external-links.md").read_text(encoding="utf-8")
    assert f"docs/km/index.md:{gone_line}" in report
    assert f"docs/km/index.md:{moved_line}" in report
    rows = json.loads((project.reports_dir / "external-links.json").read_text(encoding="utf-8"))
    assert {r["state"] for r in rows if "127.0.0.1" in r["url"]} == {OK, DEAD, REDIRECTED}
    # A second run within the cache's lifetime asks nothing of the host.
    hits = sum(len(v) for v in server.hits.values())
    result = CliRunner().invoke(main, [*args, "--fail"])
    assert result.exit_code == 1  # --fail: a dead link fails the run
    assert sum(len(v) for v in server.hits.values()) == hits
