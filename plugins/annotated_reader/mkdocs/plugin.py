"""The MkDocs plugin: a thin adapter that loads the corpus and hands pages to the library."""

from __future__ import annotations

import gc
from html import escape
from pathlib import Path
from typing import TYPE_CHECKING, Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation, Section
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import AnchorLink, TableOfContents
from mkdocs.utils.templates import TemplateContext

from ..assembly import load_corpus
from ..core.corpus import Corpus, Options, Paths
from ..core.files import refusal
from ..core.problems import Location, Problems, Severity
from ..core.urls import SiteUrls
from ..render.glyphs import PATH as GLYPHS_CSS
from ..render.glyphs import stylesheet as glyphs_stylesheet
from ..render.site import SiteBuilder
from ..render.templates import ASSETS
from .config import ReaderConfig

if TYPE_CHECKING:  # mkdocs.livereload pulls in watchdog: 30 ms that `mkdocs build` never needs
    from mkdocs.livereload import LiveReloadServer

log = get_plugin_logger(__name__)
ASSET_DIR = "assets/annotated-reader"


# Where a reader starts: home, the texts, then what is built across them, then the guides.
_ORDER = ("index.md", "sources/", "timeline.md", "glossary.md", "ratings/")


def _reading_order(item: Any) -> int:
    if isinstance(item, Page):
        path = item.file.src_uri
    elif isinstance(item, Section):
        first = next((c for c in item.children if isinstance(c, Page)), None)
        path = first.file.src_uri if first else ""
    else:
        return len(_ORDER)
    return next(
        (i for i, p in enumerate(_ORDER) if path == p or (p.endswith("/") and path.startswith(p))),
        len(_ORDER),
    )


def _stop_on(problems: Problems) -> None:
    """Fail the build with every problem, each as ``path: error: [code] message``."""
    if problems:
        raise PluginError("\n".join(str(p) for p in problems.sorted()))


class AnnotatedReaderPlugin(BasePlugin[ReaderConfig]):  # type: ignore[no-untyped-call]
    def __init__(self) -> None:
        self.builder: SiteBuilder | None = None
        self.problems = Problems()
        self._search_docs: dict[str, str] = {}  # page path → search_view document
        self._lent: str | None = None  # the page's own content while search reads ours

    def _paths(self, config: MkDocsConfig) -> Paths:
        root = Path(config.config_file_path or ".").resolve().parent
        return Paths(root, self.config.annotations_dir, self.config.seeds_dir)

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig | None:
        self._search_docs.clear()
        if not self.config.enabled:
            return config
        paths = self._paths(config)
        if not (paths.root / paths.annotations).is_dir():
            raise PluginError(
                f"annotated-reader: no folder '{paths.annotations}' beside mkdocs.yml; "
                "set annotations_dir in the plugin's options"
            )
        templates = paths.root / self.config.templates_dir if self.config.templates_dir else None
        try:
            options = Options(
                link_terms=self.config.link_terms,
                site_url=config.site_url or "",
                site_name=config.site_name,
                directory_urls=config.use_directory_urls,
                templates_dir=templates,
                cache_dir=paths.root / self.config.cache_dir if self.config.cache else None,
            )
            corpus, self.problems = load_corpus(paths, options)
        except OSError as exc:
            raise PluginError(f"annotated-reader: cannot read editorial data: {exc}") from exc
        self.builder = SiteBuilder(
            corpus, SiteUrls(config.use_directory_urls), search_view=self.config.search_view
        )
        if options.cache_dir is not None and corpus.templates.bytecode_cache is None:
            log.info(
                f"annotated-reader: cannot write to cache_dir '{self.config.cache_dir}'; "
                "templates are compiled on every build (set cache_dir to a writable folder)"
            )
        for problem in self.problems.sorted():
            (log.error if problem.severity is Severity.ERROR else log.warning)(str(problem))
        # The corpus stays alive until the build ends: keep the cyclic collector from scanning
        # it again on every collection while MkDocs builds the pages (undone after the build).
        gc.freeze()
        for asset in sorted(ASSETS.iterdir()):
            if asset.suffix == ".css":
                config.extra_css.append(f"{ASSET_DIR}/{asset.name}")
            elif asset.suffix == ".js":
                config.extra_javascript.append(f"{ASSET_DIR}/{asset.name}")
        config.extra_css.append(f"{ASSET_DIR}/{GLYPHS_CSS}")
        return config

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files | None:
        if self.builder is None:
            return files
        self._refuse_outside_docs(files, config)

        def add(file: File) -> None:
            # A hand-written file at a generated path would be silently replaced, or hide ours.
            if files.get_file_from_path(file.src_uri) is not None:
                raise PluginError(
                    f"annotated-reader: docs/{file.src_uri} has the path of a file the plugin "
                    "generates; rename or remove it"
                )
            files.append(file)

        # Empty: a page's title is editorial text and must not pass through Markdown
        # (on_page_markdown gives it to MkDocs as text).
        for path in self.builder.pages():
            add(File.generated(config, path, content=""))
        for path, text in self.builder.files().items():
            add(File.generated(config, path, content=text))
        for asset in sorted(ASSETS.iterdir()):
            add(File.generated(config, f"{ASSET_DIR}/{asset.name}", abs_src_path=str(asset)))
        add(File.generated(config, f"{ASSET_DIR}/{GLYPHS_CSS}", content=glyphs_stylesheet(self.builder.corpus.features)))
        return files

    def _refuse_outside_docs(self, files: Files, config: MkDocsConfig) -> None:
        """A hand-written file that leads outside the project (``docs/x.md -> /etc/passwd``)
        would be published; links inside it (``docs/README.md -> ../README.md``) are fine."""
        paths = self._paths(config)
        docs, real = Path(config.docs_dir), Path(config.docs_dir).resolve()
        if not real.is_relative_to(paths.root):
            return  # docs_dir is the site's choice; only what is in the project is checked
        problems = Problems()
        for file in files:
            source = Path(file.abs_src_path or "")
            if file.generated_by is None and source.is_relative_to(docs):
                path = real / source.relative_to(docs)
                refused = refusal(paths, path, links=True)
                if refused is not None:
                    refused.report(Location(paths.rel(path)), problems)
        _stop_on(problems)

    def on_nav(self, nav: Navigation, *, config: MkDocsConfig, files: Files) -> Navigation | None:
        """Sources are listed by short title, not by file name; beyond ``nav_sources_limit``
        only their index is listed (the pages are still built, and the index links them all)."""
        if self.builder is None:
            return nav
        titles = self.builder.nav_titles()
        sources = self.builder.corpus.sources
        unlisted = (
            {f"sources/{s.id}.md" for s in sources}
            if len(sources) > self.config.nav_sources_limit
            else set()
        )
        for item in nav.items:
            if isinstance(item, Section) and any(
                isinstance(c, Page) and c.file.src_uri in titles for c in item.children
            ):
                if unlisted:
                    item.children = [
                        c
                        for c in item.children
                        if not (isinstance(c, Page) and c.file.src_uri in unlisted)
                    ]
                item.children.sort(
                    key=lambda c: (
                        not (isinstance(c, Page) and c.file.src_uri == "sources/index.md"),
                        titles.get(c.file.src_uri, "").casefold() if isinstance(c, Page) else "",
                    )
                )
        if not config.nav:  # an explicit nav in mkdocs.yml is the editor's order
            nav.items.sort(key=_reading_order)
        return nav

    def on_page_markdown(
        self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str | None:
        """A generated page's title, as text. MkDocs and the theme treat a page title as
        HTML (Material writes ``page.meta.title`` as it is, and ``page.title`` through
        ``striptags``, which decodes entities): so it is given escaped, as ``meta.title``
        (the full title) for the title bar and the header, and as ``title`` for the
        navigation and breadcrumbs (a source's short title)."""
        title = self.builder.pages().get(page.file.src_uri) if self.builder else None
        if title is None or self.builder is None:
            return markdown
        page.meta["title"] = escape(title, quote=False)
        page.title = escape(self.builder.nav_titles()[page.file.src_uri], quote=False)
        return ""

    def on_page_content(
        self, html: str, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str | None:
        if self.builder is None:
            return html
        rendered = self.builder.titled(page.file.src_uri, page.url)
        if rendered is None:
            return html
        if rendered.search is not None:
            self._search_docs[page.file.src_uri] = rendered.search
        heading = [AnchorLink(escape(rendered.title, quote=False), rendered.heading, 1)]
        page.toc = TableOfContents(heading if rendered.heading else [])
        page.present_anchor_ids = set(rendered.anchors)  # what MkDocs checks links against
        return rendered.html

    # The search plugin indexes ``page.content`` in on_page_context, and the theme renders
    # it right after: lend search the page's lean document first, take the page back last.
    @event_priority(100)
    def _lend_search_document(
        self, context: TemplateContext, *, page: Page, config: MkDocsConfig, nav: Navigation
    ) -> TemplateContext | None:
        document = self._search_docs.pop(page.file.src_uri, None)
        if document is not None and page.content is not None:
            self._lent, page.content = page.content, document
        return context

    @event_priority(-100)
    def _take_page_back(
        self, context: TemplateContext, *, page: Page, config: MkDocsConfig, nav: Navigation
    ) -> TemplateContext | None:
        if self._lent is not None:
            page.content, self._lent = self._lent, None
        return context

    on_page_context = CombinedEvent(_lend_search_document, _take_page_back)

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        gc.unfreeze()

    def on_build_error(self, *, error: Exception) -> None:
        gc.unfreeze()

    def on_serve(
        self, server: LiveReloadServer, *, config: MkDocsConfig, builder: Any
    ) -> LiveReloadServer | None:
        if self.builder is not None:
            for path in self.builder.corpus.watched_paths():
                server.watch(str(path))
        return server

    @property
    def corpus(self) -> Corpus | None:
        return self.builder.corpus if self.builder else None
