"""Run the project's link checker and its peers (LinkChecker from PyPI, hyperlink from npm) on
one built site, measuring wall time and peak memory, and reading what each found into one
comparable shape: (referring page, target) pairs, site-relative.

Used by bench/links.py (speed) and tests/links/test_peers.py (nothing a peer finds is missed).
"""

from __future__ import annotations

import csv
import functools
import io
import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import unquote, urlsplit

ROOT = Path(__file__).resolve().parents[1]
PYTHON = Path(sys.executable)
LINKCHECKER = PYTHON.with_name("linkchecker")
HYPERLINK = ROOT / "node_modules" / ".bin" / "hyperlink"


@dataclass
class Run:
    tool: str
    seconds: float
    peak_rss: int  # bytes, whole process tree
    returncode: int
    stdout: str
    stderr: str
    found: set[tuple[str, str]] = field(default_factory=set)  # (page, target)


def _children(pid: int) -> list[int]:
    out: list[int] = []
    try:
        tasks = os.listdir(f"/proc/{pid}/task")
    except OSError:
        return out
    for tid in tasks:
        try:
            with open(f"/proc/{pid}/task/{tid}/children") as handle:
                out.extend(int(x) for x in handle.read().split())
        except OSError:
            pass
    return out


def _rss(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/statm") as handle:
            return int(handle.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, IndexError, ValueError):
        return 0


def _tree_rss(pid: int) -> int:
    total, stack = 0, [pid]
    while stack:
        current = stack.pop()
        total += _rss(current)
        stack.extend(_children(current))
    return total


def measure(tool: str, cmd: list[str], cwd: Path | None = None, env=None) -> Run:  # type: ignore[no-untyped-def]
    """Run `cmd`; wall time, and peak RSS of its process tree sampled every 10 ms (and never
    below the kernel's own peak for the largest single process)."""
    start = time.perf_counter()
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        proc = subprocess.Popen(cmd, cwd=cwd, env=env, stdout=out, stderr=err)
        peak = 0
        done = threading.Event()

        def sample() -> None:
            nonlocal peak
            while not done.is_set():
                peak = max(peak, _tree_rss(proc.pid))
                done.wait(0.01)

        sampler = threading.Thread(target=sample, daemon=True)
        sampler.start()
        _, status, usage = os.wait4(proc.pid, 0)
        seconds = time.perf_counter() - start
        done.set()
        sampler.join()
        proc.returncode = os.waitstatus_to_exitcode(status)
        peak = max(peak, usage.ru_maxrss * 1024)
        out.seek(0)
        err.seek(0)
        stdout = out.read().decode("utf-8", "replace")
        stderr = err.read().decode("utf-8", "replace")
    return Run(tool, seconds, peak, proc.returncode, stdout, stderr)


def _norm(path: str) -> str:
    """Comparable target: no leading slash, no 'index.html', no trailing slash."""
    path = unquote(path).lstrip("/")
    fragment = ""
    if "#" in path:
        path, fragment = path.split("#", 1)
        fragment = "#" + fragment
    if path.endswith("index.html"):
        path = path[: -len("index.html")]
    return path.rstrip("/") + fragment


def page_of(url_path: str) -> str:
    path = unquote(url_path).lstrip("/")
    if path == "" or path.endswith("/"):
        path += "index.html"
    return path


# -- the project's checker ---------------------------------------------------------------------


def run_ours(project_root: Path, site: Path) -> Run:
    run = measure(
        "tnsite",
        [
            str(PYTHON.with_name("tnsite")),
            "--root",
            str(project_root),
            "check-links",
            "--site-dir",
            str(site),
            "--format",
            "pairs",
        ],
    )
    for line in run.stdout.splitlines():
        if "\t" in line:
            page, target = line.split("\t", 1)
            run.found.add((page, _norm(target)))
    return run


# -- LinkChecker -------------------------------------------------------------------------------


class _Handler(SimpleHTTPRequestHandler):
    """Static files; the `LinkChecker` header lifts LinkChecker's default limit of about ten
    requests per second per host, which would otherwise make it wait, not work."""

    def end_headers(self) -> None:
        self.send_header("LinkChecker", "local benchmark")
        super().end_headers()

    def log_message(self, format: str, *args: object) -> None:
        pass


class LocalServer:
    def __init__(self, root: Path) -> None:
        handler = functools.partial(_Handler, directory=str(root))
        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    @property
    def origin(self) -> str:
        host, port = self.httpd.server_address[:2]
        return f"http://{host}:{port}"

    def __enter__(self) -> LocalServer:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


LINKCHECKER_CONFIG = """[checking]
threads=10
maxrequestspersecond=1000
[filtering]
checkextern=0
"""


def run_linkchecker(site: Path, anchors: bool) -> Run:
    with tempfile.TemporaryDirectory() as tmp, LocalServer(site) as server:
        config = Path(tmp) / "linkcheckerrc"
        config.write_text(LINKCHECKER_CONFIG + ("[AnchorCheck]\n" if anchors else ""))
        os.chmod(tmp, 0o755)
        os.chmod(config, 0o644)
        run = measure(
            "LinkChecker" + (" (anchors)" if anchors else ""),
            [str(LINKCHECKER), "-f", str(config), "--no-status", "-o", "csv", server.origin + "/"],
        )
    rows = [line for line in run.stdout.splitlines() if line and not line.startswith("#")]
    for row in csv.DictReader(io.StringIO("\n".join(rows)), delimiter=";"):
        parent = urlsplit(row.get("parentname") or "").path
        target = urlsplit(row.get("url") or "")
        if row.get("valid") == "False":
            run.found.add((page_of(parent), _norm(target.path)))
        warning = row.get("warningstring") or ""
        match = re.search(r"Anchor `([^']*)'.*?not found", warning)
        if match:
            run.found.add((page_of(parent), _norm(target.path + "#" + match.group(1))))
    return run


# -- hyperlink ---------------------------------------------------------------------------------

NOT_OK = re.compile(r"^not ok \d+ (\S+) (.*)$")
AT = re.compile(r"^\s+at: (?:\")?(\S+?):\d+:\d+")


def run_hyperlink(site: Path, site_url: str) -> Run:
    run = measure(
        "hyperlink",
        [
            str(HYPERLINK),
            "--root",
            str(site),
            "--canonicalroot",
            site_url,
            "--internal",
            "--recursive",
            str(site / "index.html"),
        ],
        cwd=site,
    )
    lines = run.stdout.splitlines()
    from tnsite.links.resolve import Resolver

    resolver = Resolver(frozenset(), site_url)
    for number, line in enumerate(lines):
        match = NOT_OK.match(line)
        if not match:
            continue
        operator, rest = match.groups()
        if operator == "fragment-check" and " --> " in rest:
            page, href = rest.split(" --> ", 1)
            page = _site_rel(page, site)
            target = resolver.resolve(page, href.strip())
            run.found.add((page, _norm(target.path + "#" + (target.fragment or ""))))
            continue
        target = _site_rel(rest.strip(), site)
        for follow in lines[number + 1 : number + 40]:
            if follow.startswith(("ok ", "not ok ")):
                break
            at = AT.match(follow)
            if at:
                run.found.add((_site_rel(at.group(1), site), _norm(target)))
    return run


def _site_rel(path: str, site: Path) -> str:
    for prefix in (str(site) + "/", site.name + "/", "file://" + str(site) + "/"):
        if path.startswith(prefix):
            return path[len(prefix) :]
    return path


def available() -> dict[str, bool]:
    return {
        "LinkChecker": LINKCHECKER.is_file(),
        "hyperlink": HYPERLINK.is_file() and shutil.which("node") is not None,
    }
