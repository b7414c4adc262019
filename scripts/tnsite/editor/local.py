"""The editor on one machine, without GitHub: decap-server (the npm package's local backend)
writes straight into a working tree, and the admin page is served beside the built site.

Used by `tnsite edit` (an editor who has the repository on their computer) and by the browser
tests, which drive exactly this against a temporary copy of the project.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import time
from pathlib import Path

from tnsite.audit.server import SiteServer
from tnsite.config import Project
from tnsite.editor.admin import Site, site_base_path, write_admin
from tnsite.editor.bundle import NPM_STAMP_COMMAND, BundleMissing
from tnsite.editor.cmsconfig import Backend
from tnsite.findings import Msg

SERVER_SCRIPT = Path("node_modules") / "decap-server" / "dist" / "index.js"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _wait_for(port: int, process: subprocess.Popen[bytes], seconds: float = 20.0) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"decap-server stopped at start (exit {process.returncode})")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                return
        except OSError:
            time.sleep(0.1)
    raise RuntimeError(f"decap-server did not listen on port {port} within {seconds:.0f} s")


class LocalEditor:
    """decap-server writing into `project.root`, and `site` (a built site) served with the
    editor configured for that server at /<folder>/."""

    def __init__(self, project: Project, site: Path, tools: Path, folder: str = "admin") -> None:
        self.project = project
        self.site = site
        self.tools = tools  # the folder holding node_modules/
        self.folder = folder
        self.process: subprocess.Popen[bytes] | None = None
        self.server: SiteServer | None = None
        self.proxy_port = 0

    @property
    def backend_url(self) -> str:
        """decap-server's API, which the editor's page calls."""
        return f"http://127.0.0.1:{self.proxy_port}/api/v1"

    @property
    def url(self) -> str:
        assert self.server is not None
        return self.server.url(f"{self.folder}/")

    def start(self) -> LocalEditor:
        script = self.tools / SERVER_SCRIPT
        if not script.is_file():
            raise BundleMissing(
                Msg(
                    f"{script} is missing: run `{NPM_STAMP_COMMAND}`",
                    f"thiếu {script}: chạy `{NPM_STAMP_COMMAND}`",
                )
            )
        self.proxy_port = free_port()
        env = {
            **os.environ,
            "PORT": str(self.proxy_port),
            "BIND_HOST": "127.0.0.1",
            "MODE": "fs",
            "GIT_REPO_DIRECTORY": str(self.project.root),
            "LOG_LEVEL": "warn",
        }
        node = shutil.which("node") or "node"
        self.process = subprocess.Popen([node, str(script)], env=env, cwd=self.project.root)
        _wait_for(self.proxy_port, self.process)
        backend = Backend(name="proxy", proxy_url=self.backend_url)
        css = tuple(
            p.relative_to(self.site).as_posix()
            for p in sorted((self.site / "assets/stylesheets").glob("*.css"))
        )
        fonts = next((s for s in css if s.endswith("fonts.css")), "")
        site = Site(site_base_path(self.project.site_url), css, fonts)
        write_admin(self.project, self.site / self.folder, backend, site, tools=self.tools)
        self.server = SiteServer(self.site)
        self.server.start()
        return self

    def stop(self) -> None:
        if self.server is not None:
            self.server.stop()
            self.server = None
        if self.process is not None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
            self.process = None

    def __enter__(self) -> LocalEditor:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()
