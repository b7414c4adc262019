"""Preview benchmark: from saving a page to seeing it in the browser, the project's `tnsite
serve` beside stock `mkdocs serve` on the same content, in one run.

    .venv/bin/python bench/preview.py [--edits 5]

Both servers run on a copy of the real site (stock as in bench/build.py: MkDocs + Material +
static-i18n + search). Each edit appends a new sentence to a Vietnamese page; the time counted
is from the save to the first answer of the server whose page holds that sentence (polled every
50 ms, as a browser's live reload would ask). Timings are wall-clock on a shared machine:
compare the columns of one run.
"""

from __future__ import annotations

import argparse
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.build import ENV_NOTE, make_ours_real, make_stock  # noqa: E402

BIN = Path(sys.executable).parent
PAGE = "docs/vi/du-lich/le-hoi.md"
URL_PATH = "/du-lich/le-hoi/"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def body(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=30) as response:
            return str(response.read().decode("utf-8", errors="replace"))
    except urllib.error.HTTPError as error:
        return str(error.read().decode("utf-8", errors="replace"))
    except OSError:
        return ""


def wait_for(url: str, needle: str, timeout: float = 600.0) -> float:
    start = time.perf_counter()
    while time.perf_counter() - start < timeout:
        if needle in body(url):
            return time.perf_counter() - start
        time.sleep(0.05)
    raise SystemExit(f"{needle!r} never appeared at {url}")


class Server:
    def __init__(self, name: str, command: list[str], site: Path) -> None:
        self.name = name
        self.site = site
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.log = site.parent / f"{name}-serve.log"
        self.started = time.perf_counter()
        with self.log.open("wb") as log:
            self.process = subprocess.Popen(
                [*command, "--dev-addr", f"127.0.0.1:{self.port}"],
                cwd=site,
                stdout=log,
                stderr=subprocess.STDOUT,
                env={**os.environ, **ENV_NOTE},
            )

    def ready(self) -> float:
        """Seconds from the start of the server to the first page it serves."""
        wait_for(self.url + URL_PATH, "<html")
        return time.perf_counter() - self.started

    def edit(self, number: int) -> float:
        sentence = f"Câu thử số {number} của {self.name}."
        page = self.site / PAGE
        page.write_text(page.read_text(encoding="utf-8") + f"\n{sentence}\n", encoding="utf-8")
        return wait_for(self.url + URL_PATH, sentence)

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.process.kill()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--edits", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-preview-") as tmp:
        work = Path(tmp)
        make_ours_real(work / "ours")
        make_stock(work / "ours", work / "stock")
        ours = [str(BIN / "tnsite"), "--root", str(work / "ours"), "serve"]
        commands = {"stock": [str(BIN / "mkdocs"), "serve"], "ours": ours}
        servers: list[Server] = []
        first: dict[str, float] = {}
        rows = [f"| preview | first build | save → page shown (median of {args.edits}) | ratio |"]
        rows.append("|---|---:|---:|---|")
        try:
            for name, command in commands.items():  # one first build at a time
                servers.append(Server(name, command, work / name))
                first[name] = servers[-1].ready()
            times: dict[str, list[float]] = {s.name: [] for s in servers}
            for number in range(args.edits):
                for server in servers:  # one server rebuilds at a time: no contention
                    times[server.name].append(server.edit(number))
                    time.sleep(1.0)
        finally:
            for server in servers:
                server.stop()
        stock = statistics.median(times["stock"])
        for server in servers:
            median = statistics.median(times[server.name])
            rows.append(
                f"| {server.name} | {first[server.name]:.1f} s | {median:.1f} s "
                f"({min(times[server.name]):.1f}–{max(times[server.name]):.1f}) | "
                f"{median / stock:.2f}× |"
            )
    print("\n".join(rows))


if __name__ == "__main__":
    main()
