"""The preview rebuilds when the editor saves any input the checks read, so a fix a message
asks for (a pending declaration, the photo manifest, a publication, a template) shows."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import ROOT
from tnsite.check.plugin import CheckPlugin
from tnsite.config import load_project


class Watching:
    def __init__(self) -> None:
        self.paths: list[Path] = []

    def watch(self, path: str) -> None:
        self.paths.append(Path(path).relative_to(ROOT))


def test_every_input_besides_those_mkdocs_and_data_watch_is_watched() -> None:
    plugin = CheckPlugin()
    plugin.project = load_project(ROOT)
    server = Watching()
    assert plugin.on_serve(server, config=None, builder=lambda: None) is server  # type: ignore[arg-type]
    watched = {p.as_posix() for p in server.paths}
    assert {"i18n", "assets", "overrides", "publications.yml"} <= watched
    # Watched elsewhere (MkDocs, tnsite/data), or code, which needs a new preview.
    assert not watched & {"docs", "mkdocs.yml", "data", "scripts/tnsite"}
