"""`tnsite serve` run as the editor runs it (a process of its own), on a small project whose
build goes through the check plugin, so that a mistake is refused like on the real site."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path

from tests.i18n.fixture import make_project

PAGE = "docs/vi/dau-tu/khu-cong-nghiep.md"
URL_PATH = "/dau-tu/khu-cong-nghiep/"
TITLE = "Khu công nghiệp"
# The longest a page request may take: a refused build must never leave the browser waiting.
ANSWER_WITHIN = 5.0


def make_checked_project(root: Path) -> Path:
    """The translation tests' three-page trilingual project, built with the check plugin."""
    make_project(root, with_theme=True)
    config = root / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    config.write_text(text.replace("  - tnsite/links\n", "  - tnsite/links\n  - tnsite/check\n"))
    return root


def unclose_front_matter(root: Path) -> int:
    """Drop the line that closes the page's front matter; the line the finding names."""
    path = root / PAGE
    text = path.read_text(encoding="utf-8")
    assert "---\n\n# Khu" in text
    path.write_text(text.replace("---\n\n# Khu", "\n# Khu", 1), encoding="utf-8")
    return 4


def link_missing_page(root: Path) -> int:
    """Add a link to a page that does not exist; the line the finding names."""
    path = root / PAGE
    text = path.read_text(encoding="utf-8")
    needle = "Các khu công nghiệp là trụ cột"
    assert needle in text
    path.write_text(text.replace(needle, f"Xem [chợ đêm](cho-dem.md). {needle}", 1))
    return next(n for n, line in enumerate(text.split("\n"), 1) if needle in line)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@dataclass
class Answer:
    status: int
    body: str
    seconds: float


def get(url: str, timeout: float = ANSWER_WITHIN) -> Answer:
    """One GET; a request that takes longer than `timeout` fails the test (socket timeout)."""
    start = time.monotonic()
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:
            status, body = response.status, response.read()
    except urllib.error.HTTPError as error:
        status, body = error.code, error.read()
    return Answer(status, body.decode("utf-8"), time.monotonic() - start)


class Preview:
    """A `tnsite serve` process on a free port."""

    def __init__(self, root: Path, lang: str = "en") -> None:
        self.root = root
        self.lang = lang
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.log = root.parent / f"serve-{self.port}.log"
        # A temporary folder of its own, so the site folder it builds into can be found.
        self.tmp = root.parent / f"tmp-{self.port}"
        self.process: subprocess.Popen[bytes] | None = None

    def start(self, timeout: float = 60.0) -> None:
        tnsite = Path(sys.executable).parent / "tnsite"
        command = [str(tnsite), "--root", str(self.root), "serve", "--lang", self.lang]
        self.tmp.mkdir(exist_ok=True)
        with self.log.open("wb") as log:
            self.process = subprocess.Popen(
                [*command, "--dev-addr", f"127.0.0.1:{self.port}"],
                cwd=self.root,
                env={**os.environ, "TMPDIR": str(self.tmp)},
                stdout=log,
                stderr=subprocess.STDOUT,
            )
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            assert self.process.poll() is None, self.output()
            try:
                get(self.url + "/", timeout=2)
                return
            except OSError:
                time.sleep(0.2)
        raise AssertionError(f"tnsite serve did not start:\n{self.output()}")

    def wait_for(self, path: str, needle: str, timeout: float = 30.0) -> tuple[Answer, float]:
        """Ask for `path` until its body holds `needle`, each answer within ANSWER_WITHIN
        seconds; the answer and the seconds it took since the call."""
        start = time.monotonic()
        seen = None
        while time.monotonic() - start < timeout:
            seen = get(self.url + path)
            assert seen.seconds < ANSWER_WITHIN, seen
            if needle in seen.body:
                return seen, time.monotonic() - start
            time.sleep(0.1)
        raise AssertionError(f"{needle!r} never served at {path}: {seen}\n{self.output()}")

    def output(self) -> str:
        return self.log.read_text(encoding="utf-8", errors="replace")

    def site_dirs(self) -> list[Path]:
        """The temporary site folders the server has built into and not yet removed."""
        return sorted(self.tmp.glob("tnsite_serve_*"))

    def stop(self) -> int | None:
        """Stop the server as a process manager does (SIGTERM); its exit status."""
        if self.process is None:
            return None
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        return self.process.returncode
