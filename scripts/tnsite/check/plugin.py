"""Check plugin: every check runs inside the build, on the pages it renders, once.

- When the build starts (the first language), the source checks start over docs/, data/, the
  photo manifest and the translations, on the machine's other core while the pages are built
  (tnsite/background.py), unless their findings are those of the last build with the same
  inputs on the same day; MkDocs' own warnings start being collected.
- Every plugin hands its findings here (`tnsite.contracts.report`) instead of stopping at the
  first one, so one build reports every cause.
- After the last language is built and the site's hreflang and sitemap are written, the checks
  of the built site run on the folder being built (links, anchors, assets, hreflang, sitemap).
- The findings are reduced to one per cause (causes.py) and written to reports/check.json; any
  error stops the build, so the staging folder is discarded and site/ is left as it was.

`make build` and `make check` are therefore the same pass and can never disagree.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.livereload import LiveReloadServer
from mkdocs.plugins import BasePlugin, event_priority

from tnsite import memo
from tnsite.background import Background
from tnsite.check.causes import resolve
from tnsite.check.config import CheckConfig
from tnsite.check.mkdocs_log import Capture, findings_of
from tnsite.check.state import INPUTS, inputs_digest
from tnsite.checks import available_checks
from tnsite.config import Project, load_project
from tnsite.contracts import RefusedBuild
from tnsite.findings import Finding, has_errors, write_json
from tnsite.stack.i18n import FINAL_PRIORITY, is_building_other_languages, is_final_post_build
from tnsite.stack.strictness import judge_by_findings
from tnsite.stack.versions import require_tested_stack

# Inputs the preview does not watch here: MkDocs watches docs/ and mkdocs.yml, tnsite/data
# watches data/, and a change of code needs a new preview.
UNWATCHED = {"docs", "mkdocs.yml", "data", "scripts/tnsite"}
# The source checks read nothing but the build's inputs and the day (check/state.py digests
# both): a build whose sources did not change reports the same findings without reading them.
_SOURCE_FINDINGS: memo.ContentMemo[tuple[Finding, ...]] = memo.ContentMemo(4, keep="source-checks")


class CheckPlugin(BasePlugin[CheckConfig]):
    project: Project
    capture: Capture | None = None
    result: list[Finding] | None = None
    source_checks: tuple[list[str], Background[tuple[Finding, ...]]] | None = None

    def __init__(self) -> None:
        self.collected: list[Finding] = []

    def report(self, findings: Iterable[Finding]) -> None:
        self.collected.extend(findings)

    @event_priority(100)  # before the other plugins report what they find while loading
    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        require_tested_stack()
        if is_building_other_languages(config):
            return config
        self.project = load_project(Path(config.config_file_path).parent)
        kept = self.config.kept_results
        memo.keep_in(self.project.root / kept if kept else None)
        self.collected = []
        self.result = None
        # Strictness is judged here, from the findings' severities, with a message per cause
        # (MkDocs would add "Aborted with N warnings in strict mode!" and nothing else).
        judge_by_findings(config)
        self._detach()
        self.capture = Capture().attach()
        self._cancel()
        inputs = [inputs_digest(self.project)]
        known = _SOURCE_FINDINGS.known(inputs)
        if known is not None:
            self.report(known[0])
        else:
            self.source_checks = (inputs, Background(self._source_checks))
        return config

    def on_serve(
        self, server: LiveReloadServer, /, *, config: MkDocsConfig, builder: Callable[..., Any]
    ) -> LiveReloadServer:
        """The preview rebuilds when any input the checks read is saved, not only docs/ and
        data/: the fix a message asks for may be in i18n/pending.yml, the photo manifest under
        assets/, publications.yml or a template in overrides/."""
        for name in INPUTS:
            path = self.project.root / name
            if name not in UNWATCHED and path.exists():
                server.watch(str(path))
        return server

    def _source_checks(self) -> tuple[Finding, ...]:
        return tuple(
            finding
            for check in available_checks()
            if not check.needs_site
            for finding in check.run(self.project)
        )

    @event_priority(FINAL_PRIORITY - 20)  # after hreflang and the sitemap are written
    def on_post_build(self, config: MkDocsConfig) -> None:
        if not is_final_post_build(config):
            return
        if self.source_checks is not None:
            inputs, job = self.source_checks
            self.source_checks = None
            found = job.result()
            _SOURCE_FINDINGS.remember(inputs, found)
            self.report(found)
        site = Path(config.site_dir)
        if self.config.site_checks:
            built = self.project.with_site(site)
            for check in available_checks():
                if check.needs_site:
                    self.report(check.run(built))
        if self.capture is not None:
            self.report(findings_of(self.project, self.capture.records))
        self._detach()
        self.result = resolve(self.collected, self._pages())
        write_json(self.result, self.project.root / self.config.report)
        if has_errors(self.result):
            raise RefusedBuild(self.result)

    def _pages(self) -> list[str]:
        """Every page path in any language (for "did you mean" on a page that never was)."""
        docs = self.project.docs_dir
        return sorted(
            {
                p.relative_to(docs / code).as_posix()
                for code in self.project.codes
                for p in (docs / code).rglob("*.md")
            }
        )

    def on_build_error(self, error: Exception) -> None:
        self._detach()
        self._cancel()

    def _cancel(self) -> None:
        if self.source_checks is not None:
            self.source_checks[1].cancel()
            self.source_checks = None

    def on_shutdown(self) -> None:
        """Kept results are written when the command ends (the preview rebuilds on every save
        and writes once, when it stops); a refused or failed build keeps them too, since what
        was computed before the error is as valid as ever."""
        self._detach()
        self._cancel()
        memo.save()

    def _detach(self) -> None:
        if self.capture is not None:
            self.capture.detach()
            self.capture = None
