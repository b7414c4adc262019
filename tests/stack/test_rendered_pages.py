"""A page's Markdown conversion kept between builds gives MkDocs exactly what converting it
gives, logs the same warnings again, and is converted afresh when anything it reads changed."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from pathlib import Path

import pytest
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files, get_files
from mkdocs.structure.pages import Page

from tnsite import memo
from tnsite.stack import rendered_pages

PAGE = """# Chợ đêm

See [the other page](other.md#open-hours), [a missing one](missing.md) and [here](#market).

## Market {#market}

Text[^1].

[^1]: A note.
"""


@pytest.fixture
def site(tmp_path: Path) -> Iterator[Path]:
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "index.md").write_text(PAGE, encoding="utf-8")
    (docs / "other.md").write_text("# Other\n\n## Open hours\n", encoding="utf-8")
    (tmp_path / "mkdocs.yml").write_text(
        "site_name: T\nmarkdown_extensions:\n  - toc\n  - attr_list\n  - footnotes\n"
        "validation:\n  anchors: warn\n",
        encoding="utf-8",
    )
    rendered_pages._RENDERED.forget()  # nothing from another test's pages
    memo.keep_in(tmp_path / "memo")
    yield tmp_path
    memo.keep_in(None)


def render(root: Path, markdown: str | None = None, **settings: object) -> tuple[Page, Files]:
    config: MkDocsConfig = load_config(str(root / "mkdocs.yml"), **settings)
    files = get_files(config)
    page = Page(None, files.get_file_from_path("index.md"), config)
    page.read_source(config)
    if markdown is not None:
        page.markdown = markdown
    rendered_pages.keep_rendering(page)
    page.render(config, files)
    return page, files


@pytest.fixture
def conversions(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The pages MkDocs itself converted (not taken from the kept results)."""
    done: list[str] = []
    convert = Page.render

    def counted(self: Page, config: MkDocsConfig, files: Files) -> None:
        done.append(self.file.src_uri)
        convert(self, config, files)

    monkeypatch.setattr(Page, "render", counted)
    return done


def test_a_kept_page_is_what_converting_it_gives(
    site: Path, conversions: list[str], caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.INFO, logger="mkdocs"):
        first, _ = render(site)
        warned = [r.getMessage() for r in caplog.records if "missing.md" in r.getMessage()]
        caplog.clear()
        second, files = render(site)
        again = [r.getMessage() for r in caplog.records if "missing.md" in r.getMessage()]
    assert conversions == ["index.md"]  # the second came from the kept results
    assert second.content == first.content and "fnref" in (second.content or "")

    def outline(page: Page) -> list[tuple[str, str, list[str]]]:
        return [(a.title, a.id, [c.id for c in a.children]) for a in page.toc]

    assert outline(second) == outline(first) and outline(first)[0][2] == ["market"]
    assert second.title == first.title == "Chợ đêm"
    assert second.present_anchor_ids == first.present_anchor_ids and "market" in (
        second.present_anchor_ids or set()
    )
    # Links to anchors point at this build's own File objects.
    assert second.links_to_anchors is not None and first.links_to_anchors is not None
    assert {f.src_uri: a for f, a in second.links_to_anchors.items()} == {
        f.src_uri: a for f, a in first.links_to_anchors.items()
    }
    assert all(files.get_file_from_path(f.src_uri) is f for f in second.links_to_anchors)
    assert second.links_to_anchors[files.get_file_from_path("other.md")] == {
        "open-hours": "other.md#open-hours"
    }
    # The broken link is reported by the kept page too.
    assert len(warned) == 1 and again == warned


def test_a_new_link_target_converts_the_page_again(
    site: Path, conversions: list[str], caplog: pytest.LogCaptureFixture
) -> None:
    render(site)
    (site / "docs" / "missing.md").write_text("# Now here\n", encoding="utf-8")
    caplog.clear()
    with caplog.at_level(logging.INFO, logger="mkdocs"):
        page, _ = render(site)
    assert conversions == ["index.md", "index.md"]
    assert 'href="missing/"' in (page.content or "")
    assert not [r for r in caplog.records if "missing.md" in r.getMessage()]


def test_edited_text_or_settings_convert_the_page_again(site: Path, conversions: list[str]) -> None:
    render(site)
    edited, _ = render(site, markdown=PAGE.replace("Text", "Changed text"))
    assert "Changed text" in (edited.content or "")
    config = site / "mkdocs.yml"
    config.write_text(
        config.read_text(encoding="utf-8").replace(
            "  - toc\n", "  - toc:\n      permalink: true\n"
        ),
        encoding="utf-8",
    )
    linked, _ = render(site)
    assert 'class="headerlink"' in (linked.content or "")
    render(site, use_directory_urls=False)
    assert conversions == ["index.md"] * 4


def test_kept_pages_survive_the_process(site: Path, conversions: list[str]) -> None:
    first, _ = render(site)
    memo.save()
    rendered_pages._RENDERED.forget()  # a later build, in a new process
    memo.keep_in(site / "memo")
    second, _ = render(site)
    assert conversions == ["index.md"]
    assert second.content == first.content


def test_the_files_signature_follows_a_file_added_later(site: Path) -> None:
    config = load_config(str(site / "mkdocs.yml"))
    files = get_files(config)
    before = rendered_pages._files_signature(files)
    files.append(File("new.md", str(site / "docs"), config.site_dir, True))
    assert rendered_pages._files_signature(files) != before


def test_a_page_changing_its_outline_does_not_change_the_kept_one(site: Path) -> None:
    """The preview builds again in the same process: what one build does to its page's table
    of contents must not reach the next build's page."""
    first, _ = render(site)
    top = next(iter(first.toc))
    top.title = "changed by a plugin"
    top.children.clear()
    second, _ = render(site)
    kept = next(iter(second.toc))
    assert kept.title == "Chợ đêm" and [c.id for c in kept.children] == ["market"]
