"""Small trilingual fixture projects built in tmp_path (the project's languages, Material, the
i18n and links plugins only), so the link checks are tested on sites whose every link is known."""

from __future__ import annotations

import logging
import textwrap
from pathlib import Path

from bench.synthetic import write_minimal_config
from tnsite.build import build_site
from tnsite.config import Project, load_project

PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    "1f15c4890000000d49444154789c6360000002000100e221bc330000000049454e44ae426082"
)


def page(title: str, body: str = "", **front: str) -> str:
    meta = "".join(f"{key}: {value}\n" for key, value in front.items())
    return f"---\ntitle: {title}\ndescription: {title} page.\n{meta}---\n# {title}\n\n" + (
        textwrap.dedent(body).strip() + "\n"
    )


# Three of the site's languages: the source, and two translations, so every link rule across
# languages has a case; tests/foundation/test_fifth_language.py covers a language added later.
LANGUAGES = ("vi", "en", "km")


def make_project(root: Path, files: dict[str, str | bytes]) -> Project:
    """Write mkdocs.yml and `files` (paths relative to docs/) into `root`."""
    root.mkdir(parents=True, exist_ok=True)
    write_minimal_config(root, languages=LANGUAGES)
    for rel, content in files.items():
        target = root / "docs" / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            target.write_bytes(content)
        else:
            target.write_text(content, encoding="utf-8")
    return load_project(root)


def build(project: Project, strict: bool = False) -> Path:
    """Build the fixture; a non-strict build keeps MkDocs' warnings out of the test output (a
    strict one must not: MkDocs counts the warnings it logs to decide to abort)."""
    logger = logging.getLogger("mkdocs")
    level = logger.level
    if not strict:
        logger.setLevel(logging.ERROR)
    try:
        return build_site(project, project.site_dir, strict=strict)
    finally:
        logger.setLevel(level)


def line_of(project: Project, rel: str, needle: str) -> int:
    """1-based line of the first occurrence of `needle` in docs/<rel>."""
    lines = (project.docs_dir / rel).read_text(encoding="utf-8").split("\n")
    return next(i for i, text in enumerate(lines, start=1) if needle in text)
