"""A synthetic trilingual site of any size, for benchmarks of the build and of the checks.

`make_synthetic_site(dest, pages_per_language)` writes `docs/<lang>/` for every language of
mkdocs.yml (same relative paths in each, like the real content), small images, a stylesheet
with CSS `url()`s, raw-HTML `srcset` images, cross-page links with anchors, tables and
admonitions, and a `mkdocs.yml` beside them. Pages are grouped ten to a section, each section
with its index page, plus the home page: 101 pages per language give the 303-page site the
project's baseline figures were measured on.
"""

from __future__ import annotations

import shutil
import struct
import zlib
from dataclasses import dataclass
from pathlib import Path

import yaml

from tnsite.config import Project, load_project
from tnsite.urls import page_url

ROOT = Path(__file__).resolve().parents[1]
PAGES_PER_SECTION = 10
IMAGES = 12

# Sample prose per language; a language without a sample gets the English one.
PROSE = {
    "vi": (
        "Tây Ninh nằm ở phía tây nam của Việt Nam, giáp Vương quốc Campuchia. "
        "Tỉnh có nhiều khu công nghiệp, cửa khẩu quốc tế và điểm du lịch nổi tiếng như "
        "núi Bà Đen và Tòa Thánh Cao Đài. Nhà đầu tư và du khách đều được chào đón."
    ),
    "en": (
        "Tây Ninh lies in south-western Vietnam on the border with the Kingdom of Cambodia. "
        "The province has many industrial parks, international border gates and well-known "
        "sights such as Bà Đen Mountain and the Cao Đài Holy See. Investors and visitors alike "
        "are welcome."
    ),
    "km": (
        "ខេត្តតៃនិញស្ថិតនៅភាគនិរតីនៃប្រទេសវៀតណាម ជាប់ព្រំដែនព្រះរាជាណាចក្រកម្ពុជា។ "
        "ខេត្តនេះមានតំបន់ឧស្សាហកម្មជាច្រើន ច្រកព្រំដែនអន្តរជាតិ និងកន្លែងទេសចរណ៍ល្បីៗ "
        "ដូចជាភ្នំបាឌិន និងវិហារកាវដាយ។ អ្នកវិនិយោគ និងភ្ញៀវទេសចរត្រូវបានស្វាគមន៍។"
    ),
}
WORDS = {"vi": ("Trang", "Mục"), "en": ("Page", "Part"), "km": ("ទំព័រ", "ផ្នែក")}


@dataclass(frozen=True)
class SyntheticSite:
    root: Path
    languages: tuple[str, ...]
    pages: tuple[str, ...]  # Markdown paths relative to docs/<lang>/

    @property
    def page_count(self) -> int:
        return len(self.pages) * len(self.languages)


def page_paths(pages_per_language: int) -> list[str]:
    """'index.md', then 'sec-01/index.md', 'sec-01/page-01.md', ... up to the count asked."""
    paths = ["index.md"]
    section = 0
    while len(paths) < pages_per_language:
        section += 1
        paths.append(f"sec-{section:02d}/index.md")
        for number in range(1, PAGES_PER_SECTION):
            if len(paths) >= pages_per_language:
                break
            paths.append(f"sec-{section:02d}/page-{number:02d}.md")
    return paths


def _png(seed: int) -> bytes:
    """A valid 4×4 PNG, different per seed, without needing an image library."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    row = bytes([0]) + bytes([(seed * 37) % 256, (seed * 91) % 256, 128]) * 4
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", struct.pack(">IIBBBBB", 4, 4, 8, 2, 0, 0, 0))
        + chunk(b"IDAT", zlib.compress(row * 4))
        + chunk(b"IEND", b"")
    )


SOURCE_LANG = "vi"


def _rel(from_md: str, to_md: str) -> str:
    """Relative Markdown link from one docs-relative file to another."""
    depth = from_md.count("/")
    return "../" * depth + to_md


def _page(lang: str, prefix: str, path: str, index: int, pages: list[str]) -> str:
    page_word, part_word = WORDS.get(lang, WORDS["en"])
    prose = PROSE.get(lang, PROSE["en"])
    title = f"{page_word} {index}"
    lines = [
        "---",
        f"title: {title}",
        f"description: {prose[:150]}",
        # A translation says what it translates (the translation rules require it).
        *([] if lang == SOURCE_LANG else ["translation:", f"  source: {path}", "  review: draft"]),
        "---",
        f"# {title}",
        "",
        prose,
        "",
    ]
    depth = path.count("/")
    if path.endswith("index.md"):
        section = path.rsplit("/", 1)[0] + "/" if "/" in path else ""
        children = [p for p in pages if p != path and p.startswith(section)]
        children = [p for p in children if p.count("/") <= depth + 1 and p.endswith(".md")]
        if section == "":
            children = [p for p in pages if p.endswith("/index.md")]
        for child in children:
            lines.append(f"- [{page_word} {pages.index(child)}]({_rel(path, child)})")
        lines.append("")
    for part in range(1, 5):
        lines += [f"## {part_word} {part} {{#part-{part}}}", "", prose, ""]
        target = pages[(index * 7 + part * 13) % len(pages)]
        lines.append(
            f"{prose[:60]} [{page_word} {pages.index(target)}]({_rel(path, target)}#part-{part})."
        )
        lines.append("")
        if part == 2:
            image = (index + part) % IMAGES
            lines += [f"![{part_word} {part}]({'../' * depth}images/photo-{image:02d}.png)", ""]
        if part == 3 and index % 3 == 0:
            # Raw HTML is not rewritten by MkDocs: climb from the page's URL to the site root.
            up = "../" * (prefix + page_url(path)).count("/")
            a, b = index % IMAGES, (index + 5) % IMAGES
            lines += [
                f'<img src="{up}images/photo-{a:02d}.png" '
                f'srcset="{up}images/photo-{a:02d}.png 1x, {up}images/photo-{b:02d}.png 2x" '
                f'alt="{part_word} {part}" width="4" height="4">',
                "",
            ]
        if part == 4:
            lines += [
                f"| {part_word} | {page_word} |",
                "| --- | --- |",
                f"| {part} | [{index}](#part-1) |",
                "",
                f'!!! note "{part_word}"',
                f"    {prose[:80]}",
                "",
            ]
    return "\n".join(lines)


def write_minimal_config(
    dest: Path,
    project: Project | None = None,
    extra_css: tuple[str, ...] = (),
    languages: tuple[str, ...] | None = None,
) -> Path:
    """mkdocs.yml for a site in `dest`: the project's languages (or those of them named in
    `languages`), Markdown settings and validation, Material with the project's UI-strings
    partials, and only the i18n, search and links plugins, so the result depends on nothing
    else being finished."""
    project = project or load_project(ROOT)
    raw = project.raw
    i18n = next(p["i18n"] for p in raw["plugins"] if isinstance(p, dict) and "i18n" in p)
    if languages is not None:
        kept = [lang for lang in i18n["languages"] if lang["locale"] in languages]
        i18n = {**i18n, "languages": kept}
    config = {
        "site_name": raw.get("site_name", "Synthetic"),
        "site_url": project.site_url,
        "docs_dir": "docs",
        "site_dir": "site",
        "use_directory_urls": True,
        "theme": {
            "name": "material",
            "custom_dir": "overrides",
            "language": project.source_code,
            "font": False,
        },
        "extra_css": list(extra_css),
        "markdown_extensions": [
            "attr_list",
            "md_in_html",
            "admonition",
            "tables",
        ],
        "validation": raw.get("validation", {}),
        "extra": {"generator": False},  # no "Made with Material" link: no external URL at all
        "plugins": ["search", {"i18n": i18n}, "tnsite/links"],
    }
    text = yaml.safe_dump(config, allow_unicode=True, sort_keys=False)
    toc = "- toc:\n    permalink: false\n    slugify: !!python/name:tnsite.slugs.slugify\n"
    text = text.replace("markdown_extensions:\n", "markdown_extensions:\n" + toc, 1)
    path = dest / "mkdocs.yml"
    path.write_text(text, encoding="utf-8")
    partials = project.root / "overrides" / "partials" / "languages"
    target = dest / "overrides" / "partials" / "languages"
    target.mkdir(parents=True, exist_ok=True)
    for partial in partials.glob("*.html"):
        shutil.copy(partial, target / partial.name)
    return path


def write_project_config(dest: Path, project: Project | None = None) -> Path:
    """The real mkdocs.yml (every plugin, theme overrides, assets and data), without its nav."""
    project = project or load_project(ROOT)
    text = (project.root / "mkdocs.yml").read_text(encoding="utf-8")
    head, _, _ = text.partition("\nnav:")
    (dest / "mkdocs.yml").write_text(head + "\n", encoding="utf-8")
    for name in ("overrides", "assets", "data"):
        if (project.root / name).is_dir():
            shutil.copytree(project.root / name, dest / name, dirs_exist_ok=True)
    if (project.root / "publications.yml").is_file():  # tnsite/publish's pages are real pages
        shutil.copy(project.root / "publications.yml", dest / "publications.yml")
    modules = project.root / "node_modules"  # the web editor's bundle is copied from it
    if modules.is_dir() and not (dest / "node_modules").exists():
        (dest / "node_modules").symlink_to(modules)
    return dest / "mkdocs.yml"


def make_synthetic_site(
    dest: Path, pages_per_language: int = 101, *, config: str = "minimal"
) -> SyntheticSite:
    """Write docs/<lang>/ with `pages_per_language` pages per language, and mkdocs.yml.

    config="minimal" writes a mkdocs.yml with only the i18n, search and links plugins;
    config="project" copies the real mkdocs.yml (all plugins) with overrides/, assets/, data/.
    """
    project = load_project(ROOT)
    dest.mkdir(parents=True, exist_ok=True)
    pages = page_paths(pages_per_language)
    for lang in project.languages:
        base = dest / "docs" / lang.code
        for index, path in enumerate(pages):
            target = base / path
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(
                _page(lang.code, lang.url_prefix, path, index, pages), encoding="utf-8"
            )
    media = dest / "docs" / project.source_code
    (media / "images").mkdir(parents=True, exist_ok=True)
    for number in range(IMAGES):
        (media / "images" / f"photo-{number:02d}.png").write_bytes(_png(number))
    (media / "stylesheets").mkdir(parents=True, exist_ok=True)
    (media / "stylesheets" / "synthetic.css").write_text(
        ".md-header { background-image: url(../images/photo-00.png); }\n"
        '.md-footer { background: url("../images/photo-01.png") no-repeat; }\n',
        encoding="utf-8",
    )
    if config == "project":
        write_project_config(dest, project)
    else:
        write_minimal_config(dest, project, extra_css=("stylesheets/synthetic.css",))
    return SyntheticSite(dest, project.codes, tuple(pages))


@dataclass(frozen=True)
class Fault:
    """A fault written into a synthetic site, and where the checker must report it."""

    rule: str
    path: str  # project-relative file that holds it
    line: int
    url: str  # the URL as written


def _append(file: Path, text: str) -> int:
    """Append `text` as a new paragraph; return the 1-based line it starts on."""
    body = file.read_text(encoding="utf-8").rstrip("\n") + "\n\n"
    line = body.count("\n") + 1
    file.write_text(body + text + "\n", encoding="utf-8")
    return line


def inject_faults(site: SyntheticSite) -> list[Fault]:
    """Break links, anchors, images, srcset entries and CSS urls in a synthetic site, one
    kind per file, in every language; return the faults with their lines."""
    project = load_project(ROOT)
    langs = [lang for lang in project.languages]
    root = site.root
    faults: list[Fault] = []
    pages = [p for p in site.pages if p.startswith("sec-") and not p.endswith("index.md")]

    def add(lang_index: int, page: str, rule: str, url: str, markdown: str) -> None:
        lang = langs[lang_index % len(langs)]
        rel = f"docs/{lang.code}/{page}"
        line = _append(root / rel, markdown)
        faults.append(Fault(rule, rel, line, url))

    up = "../"  # pages sit one folder down in their language tree
    add(2, pages[0], "broken-link", "khong-co.md", "[broken](khong-co.md)")
    add(1, pages[1], "broken-anchor", "page-01.md#khong-co", "[anchor](page-01.md#khong-co)")
    add(
        0,
        pages[2],
        "missing-asset",
        f"{up}images/khong-co.png",
        f"![gone]({up}images/khong-co.png)",
    )
    lang = langs[1]
    depth = "../" * (lang.url_prefix + page_url(pages[3])).count("/")
    srcset = f"{depth}images/missing-2x.png"
    add(
        1,
        pages[3],
        "missing-asset",
        srcset,
        f'<img src="{depth}images/photo-01.png" '
        f'srcset="{depth}images/photo-01.png 1x, {srcset} 2x" alt="x">',
    )
    lang = langs[0]
    depth = "../" * (lang.url_prefix + page_url(pages[4])).count("/")
    add(
        0,
        pages[4],
        "missing-asset",
        f"{depth}images/missing-inline.png",
        f'<div style="background: url({depth}images/missing-inline.png)">x</div>',
    )
    add(0, pages[5], "broken-link", f"{depth}khong-co/", f'<a href="{depth}khong-co/">raw</a>')
    lang = langs[2 % len(langs)]
    other = next(lg for lg in langs if lg.code != lang.code)
    target = project.site_url + other.url_prefix + page_url(pages[0])
    add(2, pages[6], "cross-language-link", target, f"[other language]({target})")
    add(2, pages[7], "broken-anchor", "#khong-co", '<a href="#khong-co">top</a>')
    css = root / "docs" / project.source_code / "stylesheets" / "synthetic.css"
    line = _append(css, ".md-main { background: url(../images/missing-bg.png); }")
    faults.append(
        Fault("missing-asset", css.relative_to(root).as_posix(), line, "../images/missing-bg.png")
    )
    return faults
