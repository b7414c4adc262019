"""Images plugin: events only. The work is in pipeline.py (sources → cached outputs),
markup.py (pages), cards.py (social cards) and checks.py (`tnsite check`).

Order within a build: `on_files` processes every source once (first language pass) and stops
the build on any bad image before a page is written; each pass then publishes the processed
files in place of the originals, pages get responsive markup, and each page's social card is
rendered (or taken from the cache) after its language's pages are written.
"""

from __future__ import annotations

import logging
import os
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from urllib.parse import quote, unquote, urlsplit

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils.templates import TemplateContext

from tnsite.config import Project, load_project
from tnsite.contracts import SiteContext, report, site_context
from tnsite.findings import Msg, output_language
from tnsite.images.cache import ContentCache
from tnsite.images.cards import CardText, card_key, render_card
from tnsite.images.checks import UNKNOWN_PHOTO, page_image_findings
from tnsite.images.config import ImagesConfig
from tnsite.images.fonts import CARD_FONTS, FontStack, RaqmMissing, file_faces, parse_font_faces
from tnsite.images.manifest import Manifest, load_manifest
from tnsite.images.markup import Layout, UnknownPhoto, expand_photos, rewrite_images
from tnsite.images.pipeline import Processed, Result, process
from tnsite.images.svg import SvgInfo
from tnsite.stack.i18n import (
    FINAL_PRIORITY,
    current_language,
    is_building_other_languages,
    is_final_post_build,
    page_language,
)
from tnsite.stack.material import plain
from tnsite.stack.versions import require_tested_stack
from tnsite.strings import load_strings

STRINGS = Path(__file__).with_name("strings.yml")
CARD_NAME = "card.png"

# The build's summary lines (what was encoded, what came from the cache) are shown even when
# the command line hides MkDocs' other INFO lines; they never count as strict-mode warnings.
summary = logging.getLogger("mkdocs.plugins.tnsite.images.summary")
summary.setLevel(logging.INFO)


class ImagesPlugin(BasePlugin[ImagesConfig]):
    project: Project
    strings: dict[str, dict[str, str]]
    manifest: Manifest
    result: Result | None = None
    stack: FontStack | None = None

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        require_tested_stack()
        self.project = load_project(Path(config.config_file_path).parent)
        self.strings = load_strings(STRINGS, self.project.codes)
        if self.result is None or not is_building_other_languages(config):
            # First (source-language) pass: read and process everything once for all languages.
            self.result = None
            self.cards_rendered = 0
            self.cards_reused = 0
            self.card_notes: list[str] = []
            self.card_jobs: dict[str, CardText] = {}
            self.manifest = load_manifest(
                self.project.root, self.config.manifest, self.config.photos_dir
            )
            if self.config.cards:
                self.stack = self._font_stack()
        return config

    def _font_stack(self) -> FontStack:
        css = self.project.root / self.config.fonts_css
        try:
            faces = parse_font_faces(css)
            families = list(self.config.card_families)
            if self.config.card_fonts:
                faces += file_faces([self.project.root / f for f in self.config.card_fonts])
                families.append(CARD_FONTS)
            return FontStack(faces, families)
        except RaqmMissing as exc:
            raise Abort(f"Social cards: {exc}") from None
        except (OSError, ValueError) as exc:
            raise Abort(f"Social cards: cannot load the site's fonts from {css}: {exc}") from None

    @event_priority(-120)  # after the theme (50) has added assets/ and static-i18n (-100)
    def on_files(self, files: Files, /, *, config: MkDocsConfig) -> Files:
        if self.result is None:
            self.result = process(self.project, self.config)
            report(config, [*self.result.errors, *self.manifest.findings])
        self._publish(files, config)
        return files

    def _publish(self, files: Files, config: MkDocsConfig) -> None:
        """Processed copies replace the originals at the address each original would have had
        (assets/… as they are; a page folder's image where static-i18n serves it); the
        manifest itself is not published."""
        assert self.result is not None
        root = self.project.root
        photos = self.config.photos_dir.rstrip("/") + "/"
        self.published: dict[str, Processed | SvgInfo] = {}
        seen: set[str] = set()

        def publish(image: Processed) -> None:
            self.published[image.fallback.path] = image
            for out in image.outputs():
                files.append(File.generated(config, out.path, abs_src_path=str(out.file)))

        for file in list(files):
            rel = _project_path(file, root)
            if rel is None:
                continue
            seen.add(rel)
            if rel in self.result.svgs:
                self.published[file.dest_uri] = self.result.svgs[rel]
            elif rel in self.result.images:
                files.remove(file)
                publish(self.result.images[rel].at(file.dest_uri))
            elif rel.startswith(photos):
                files.remove(file)  # the manifest, notes: not for the public
        docs = self.project.docs_dir.relative_to(root).as_posix() + "/"
        for rel, image in self.result.images.items():
            # A source folder the theme does not serve; docs/ is static-i18n's, per language.
            if rel not in seen and not rel.startswith(docs):
                publish(image)

    def _lookup(self, path: str) -> Processed | SvgInfo | None:
        return self.published.get(path)

    @event_priority(20)  # before the data and news directives see `{{ … }}`
    def on_page_markdown(
        self, markdown: str, /, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str:
        if "{{" not in markdown or "photo" not in markdown:
            return markdown
        lang = page_language(page, config)
        try:
            return expand_photos(markdown, page.url, self.manifest, lang, self.strings[lang])
        except UnknownPhoto:
            docs = self.project.docs_dir.relative_to(self.project.root).as_posix()
            rel = f"{docs}/{page.file.src_uri}"
            found = page_image_findings(
                page.file.content_string, rel, page.file.src_uri, self.manifest
            )
            report(config, [f for f in found if f.rule == UNKNOWN_PHOTO])
            return markdown

    def on_page_content(
        self, html: str, /, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str:
        lang = page_language(page, config)
        return rewrite_images(
            html,
            page.url,
            self._lookup,
            self.manifest,
            lang,
            self.strings[lang],
            Layout(self.config.sizes, self.config.wide_sizes, _hides_side_bars(page)),
            urlsplit(self.project.site_url).path or "/",
        )

    def on_page_context(
        self,
        mkdocs_context: TemplateContext,
        /,
        *,
        page: Page,
        config: MkDocsConfig,
        nav: Navigation,
    ) -> SiteContext:
        context = site_context(mkdocs_context)
        if not self.config.cards:
            return context
        build = self.project.language(current_language(config))
        lang = page_language(page, config)
        home = page.is_homepage or page.url == build.url_prefix
        title = build.site_name if home else plain(page.meta.get("title") or page.title)
        if not title:
            return context
        rel = (
            page.url[len(build.url_prefix) :] if page.url.startswith(build.url_prefix) else page.url
        )
        # page.url is percent-encoded; the card is a file named like the page, linked encoded.
        out = f"{self.config.cards_dir}/{build.code}/{unquote(rel).strip('/') or 'index'}.png"
        self.card_jobs[out] = CardText(
            title=title,
            lang=lang,
            brand="" if home else build.site_name,
            host=urlsplit(self.project.site_url).netloc,
            lead=build.site_description if home else "",
        )
        context["tn_card"] = {
            "url": self.project.site_url + quote(out),
            "width": 1200,
            "height": 630,
            "type": "image/png",
            "alt": title,
        }
        return context

    def _write_cards(self, config: MkDocsConfig) -> None:
        """This language's cards: from the cache, or rendered (in parallel) and cached."""
        if not self.card_jobs or self.stack is None:
            return
        stack = self.stack
        cache = ContentCache(self.project.root / self.config.cache_dir / "cards")
        site = Path(config.site_dir)

        def one(item: tuple[str, CardText]) -> tuple[bool, str | None]:
            out, text = item
            key = card_key(text, stack)
            meta = cache.lookup(key)
            rendered = meta is None
            if meta is None:
                card = render_card(text, stack)
                meta = {"lines": list(card.lines), "note": None}
                if card.truncated:
                    meta["note"] = {
                        "en": f"title shortened with '…' on the card: {text.title}",
                        "vi": f"tiêu đề trên ảnh chia sẻ bị rút gọn bằng '…': {text.title}",
                    }
                if card.missing:
                    missing = "".join(card.missing)
                    meta["note"] = {
                        "en": f"no font of the site has {missing!r}",
                        "vi": f"không phông chữ nào của trang web có {missing!r}",
                    }
                cache.store(key, {CARD_NAME: card.png}, meta)
            cache.place(key, CARD_NAME, site / out)
            note = meta.get("note")
            if isinstance(note, dict):
                note = note.get(output_language()) or note.get("en")
            return rendered, (f"{out}: {note}" if note else None)

        jobs, self.card_jobs = sorted(self.card_jobs.items()), {}
        workers = self.config.threads or os.cpu_count() or 1
        with ThreadPoolExecutor(max_workers=workers) as pool:
            for rendered, note in pool.map(one, jobs):
                self.cards_rendered += rendered
                self.cards_reused += not rendered
                if note:
                    self.card_notes.append(note)

    @event_priority(FINAL_PRIORITY)
    def _report(self, config: MkDocsConfig) -> None:
        if not is_final_post_build(config) or self.result is None:
            return
        result = self.result
        counts = (
            len(result.images),
            result.encoded,
            result.reused,
            len(result.svgs),
            self.cards_rendered,
            self.cards_reused,
        )
        # (The images' own warnings are findings of the checks, printed with the others.)
        summary.info(
            Msg(
                "images: %d raster sources, %d re-encoded, %d from the cache, %d SVG passed "
                "through; social cards: %d rendered, %d from the cache",
                "ảnh: %d ảnh gốc, %d mã hóa lại, %d lấy từ bộ nhớ đệm, %d SVG giữ nguyên; ảnh "
                "chia sẻ: %d vẽ mới, %d lấy từ bộ nhớ đệm",
            ).text(output_language()),
            *counts,
        )
        warning = Msg("images: warning: %s", "ảnh: cảnh báo: %s").text(output_language())
        for note in self.card_notes:
            summary.info(warning, note)

    on_post_build = CombinedEvent(_write_cards, _report)


def _hides_side_bars(page: Page) -> bool:
    hidden = page.meta.get("hide") or []
    return "navigation" in hidden and "toc" in hidden


def _project_path(file: File, root: Path) -> str | None:
    """The file's path in the project ('assets/photos/x.jpg', 'docs/vi/x.png'), if it has one."""
    if not file.abs_src_path:
        return None
    path = Path(file.abs_src_path)
    return path.relative_to(root).as_posix() if path.is_relative_to(root) else None
