from pathlib import Path

import jinja2
from mkdocs.config import load_config
from mkdocs.structure.files import Files

from tnsite.stack.theme_listing import StaticListingLoader, list_static_files_quickly

ROOT = Path(__file__).resolve().parents[2]


def static_files(env: jinja2.Environment, config) -> list[str]:
    files = Files([])
    files.add_files_from_theme(env, config)
    return sorted(f.src_uri for f in files)


def test_the_site_theme_gives_mkdocs_the_same_static_files(tmp_path: Path) -> None:
    config = load_config(str(ROOT / "mkdocs.yml"), site_dir=str(tmp_path / "site"))
    stock = config.theme.get_env()
    list_static_files_quickly(config)
    list_static_files_quickly(config)  # a second language's build: installed once
    quick = config.theme.get_env()
    assert type(quick.loader) is StaticListingLoader
    assert static_files(quick, config) == static_files(stock, config)
    assert "assets/javascripts/workers" in " ".join(static_files(quick, config))
    # Material's icons are not listed, and still load by name.
    assert not any(".icons" in name for name in quick.list_templates())
    assert any(".icons" in name for name in stock.list_templates())
    assert quick.get_template(".icons/material/home.svg") is not None


def test_dot_folders_at_any_depth_are_skipped_and_nothing_else(tmp_path: Path) -> None:
    theme = tmp_path / "theme"
    for rel in (
        "main.html",
        "css/site.css",
        ".hidden/icon.svg",
        "css/.cache/x.css",
        "deep/a/b/c.js",
        "deep/a/.b/c.js",
        ".dotfile",
    ):
        (theme / rel).parent.mkdir(parents=True, exist_ok=True)
        (theme / rel).write_text("x")
    listed = StaticListingLoader([str(theme)]).list_templates()
    stock = jinja2.FileSystemLoader([str(theme)]).list_templates()
    assert listed == [".dotfile", "css/site.css", "deep/a/b/c.js", "main.html"]
    assert set(stock) - set(listed) == {".hidden/icon.svg", "css/.cache/x.css", "deep/a/.b/c.js"}
