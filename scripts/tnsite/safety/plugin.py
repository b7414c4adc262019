"""Safety plugin: pages carry no script the site did not write, and say so to the browser.

- Before a page is rendered, its Markdown is checked against the allowlist (content.py): a
  `<script>`, an `on…=` handler, a `style=`, a `javascript:` or `data:` link stops the build
  with one finding at the line it was written.
- Front-matter text is escaped for Material's templates (tnsite.stack.material), so a title or
  a description is shown as text wherever the theme prints it.
- Every built page is inspected (scripts.py): a script, handler or `javascript:` URL that no
  template of the theme wrote stops the build; the others are named, by hash, in the page's
  Content-Security-Policy.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from tnsite.config import Project, load_project
from tnsite.findings import BuildRefused, Finding
from tnsite.safety.config import SafetyConfig
from tnsite.safety.content import scan_content
from tnsite.safety.findings import content_finding, script_finding
from tnsite.safety.scripts import Known, add_policy, inspect_page, known_scripts
from tnsite.stack.material import escape_page_text
from tnsite.stack.versions import require_tested_stack


class UnsafeContent(BuildRefused, Abort):
    pass


class SafetyPlugin(BasePlugin[SafetyConfig]):
    project: Project
    known: tuple[Known, ...]

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        require_tested_stack()
        self.project = load_project(Path(config.config_file_path).parent)
        self.known = known_scripts(tuple(config.theme.dirs))
        return config

    def _rel(self, page: Page) -> str:
        path = Path(page.file.abs_src_path or "")
        try:
            return path.relative_to(self.project.root).as_posix()
        except ValueError:
            return page.file.src_uri

    @event_priority(1000)  # before any plugin turns directives into HTML
    def on_page_markdown(self, markdown: str, page: Page, config: MkDocsConfig, files: Files):  # type: ignore[no-untyped-def]
        if page.file.generated_by:
            return markdown
        found = scan_content(page.file.content_string)
        if found:
            raise UnsafeContent([content_finding(self._rel(page), u) for u in found])
        return markdown

    @event_priority(-1000)  # after every plugin has read the page's front matter as written
    def on_page_content(self, html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
        escape_page_text(page)
        return html

    def _secure(self, html: str, where: str) -> str:
        scripts = inspect_page(html, self.known)
        if scripts.foreign:
            raise UnsafeContent([script_finding(where, what) for what in scripts.foreign])
        return add_policy(html, scripts.hashes) if self.config.csp else html

    @event_priority(-1000)  # after every other plugin has changed the page
    def on_post_page(self, output: str, page: Page, config: MkDocsConfig) -> str:
        return self._secure(output, self._rel(page))

    @event_priority(-1000)
    def on_post_template(self, output: str, template_name: str, config: MkDocsConfig) -> str:
        if not template_name.endswith(".html"):
            return output
        return self._secure(output, f"overrides/{template_name}")


def page_findings(text: str, rel: str) -> list[Finding]:
    """The source check of one page (`tnsite check` runs it on every page)."""
    return [content_finding(rel, u) for u in scan_content(text)]
