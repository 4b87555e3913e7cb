"""Every page and file the reader adds to a site, as items any site generator can take.

This is the one producer of the generated site: the MkDocs plugin hands these items to
MkDocs, and ``annotated-reader render`` writes them as a folder of ordinary documentation
files for any other engine (Zensical). A page is its HTML body with its title as plain
text; a file is its bytes (or a packaged file to copy). Nothing here knows an engine.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import partial
from pathlib import Path, PurePosixPath

from ..core.corpus import Corpus
from ..core.fields import ID_PATTERN
from ..core.files import ANY
from ..core.lazy import Keyed
from ..core.urls import SiteUrls
from .glyphs import PATH as GLYPHS_CSS
from .glyphs import stylesheet as glyphs_stylesheet
from .items import GeneratedFile, GeneratedPage
from .navigation import NavEntry, navigation
from .site import KeptCuts, SiteBuilder
from .templates import ASSETS

ASSET_DIR = "assets/annotated-reader"  # where the style sheets and scripts are published


class GeneratedSite:
    """The generated part of a site, from a loaded corpus; pages are rendered when asked
    for (one at a time, so a large corpus is never held as HTML all at once)."""

    def __init__(
        self,
        corpus: Corpus,
        urls: SiteUrls,
        *,
        search_view: bool = True,
        context: str = "",
        kept: KeptCuts | None = None,
    ) -> None:
        """``context``: what shapes every page besides the editorial data (see ``replay``),
        given to key the corpus-wide pages for a later build to take as made; ``kept``: a
        build's :meth:`cuts`, taken when that build was made of the same."""
        self.builder = SiteBuilder(corpus, urls, search_view, context, kept)

    @property
    def corpus(self) -> Corpus:
        return self.builder.corpus

    @property
    def urls(self) -> SiteUrls:
        return self.builder.urls

    def titles(self) -> dict[str, str]:
        """Every generated page's path → its title (known before any page is rendered)."""
        return self.builder.pages()

    def nav_titles(self) -> dict[str, str]:
        return self.builder.nav_titles()

    def head(self, path: str, page_url: str) -> str:
        """``<link>`` elements for a page's head (a source's notes as Web Annotations); an
        engine that lets pages add to their head writes them."""
        return self.builder.head(path, page_url)

    def page_url(self, path: str, *, file_relative: bool = False) -> str:
        """The address (relative to the site's root) a page's path is published at. With
        ``file_relative``, the base its links are written from instead: its Markdown file's
        folder (``glossary`` for ``glossary/``), for generators that rewrite the relative
        links of a page as links of its file, as Zensical does (its index pages' folder is
        their address already)."""
        url = self.urls.page(path.removesuffix(".md"))
        stem = PurePosixPath(path).stem
        if file_relative and self.urls.directory_urls and stem not in ("index", "README"):
            return url.rstrip("/")
        return url

    def page(self, path: str, page_url: str | None = None) -> GeneratedPage | None:
        """One generated page, rendered for its address (``page_url``: the engine's, when it
        knows it), or None when ``path`` is not a generated page."""
        titled = self.builder.titled(path, self.page_url(path) if page_url is None else page_url)
        if titled is None:
            return None
        return GeneratedPage(
            path,
            titled.title,
            self.nav_titles().get(path, titled.title),
            titled.html,
            titled.heading,
            titled.anchors,
            titled.search,
            titled.toc,
            titled.made_of,
        )

    def page_keyed(self, path: str, page_url: str) -> Keyed | None:
        """How a later build may take the page at ``path`` (at ``page_url``) as made."""
        return self.builder.page_keyed(path, page_url)

    def cuts(self) -> KeptCuts | None:
        """Where each cut page put its items, with the key of what they are made of."""
        return self.builder.cuts()

    def save_cache(self) -> list[str]:
        """Keep this build's reusable work for the next (see ``core.memo``); the notes on a
        cache file that could not be read or written, for the log."""
        cache = self.corpus.cache
        cache.save()
        notes, cache.notes = cache.notes, []
        return notes

    def unlisted(self, sources_limit: int) -> set[str]:
        """Generated pages the navigation leaves out, each listed by an index page: beyond
        ``sources_limit`` sources, the sources; a cut page's parts; the pages that stand in
        for sources that did not load."""
        hidden = self.hidden_parts() | set(self.lost_source_pages())
        if len(self.corpus.sources) > sources_limit:
            hidden |= set(self.source_pages())
        return hidden

    def note_lost(self, anchor: str) -> bool:
        """Whether a link's ``anchor`` may name a note that did not load, whose own error
        says why (a note without its id may be any): not reported as missing as well."""
        lost = self.corpus.lost.get("note", set())
        return anchor in lost or ANY in lost

    def lost_source_pages(self) -> list[str]:
        """The pages of sources that did not load, whose own error says why: a page says so
        in their place, so a hand-written page's links to them are not reported as well
        (MkDocs warned of each, on top of that error)."""
        lost = self.corpus.lost.get("source", set())
        return [f"sources/{i}.md" for i in sorted(lost) if ID_PATTERN.fullmatch(i)]

    def hidden_parts(self) -> set[str]:
        """The parts of cut pages (left to their index page in any navigation)."""
        return {p for f in self.corpus.features for p in f.unlisted()}

    def source_pages(self) -> list[str]:
        return [f"sources/{s.id}.md" for s in self.corpus.sources]

    def nav(self, written: Iterable[str], sources_limit: int) -> list[NavEntry]:
        """The navigation of the hand-written pages (``written``) and the generated ones,
        as the MkDocs plugin orders it (see :mod:`.navigation`), without :meth:`unlisted`."""
        hidden = self.unlisted(sources_limit)
        names = {p: t for p, t in self.nav_titles().items() if p not in hidden}
        return navigation(written, names)

    def stylesheets(self) -> list[str]:
        """The style sheets every page links, in order (paths of :meth:`files`)."""
        return [f"{ASSET_DIR}/{a.name}" for a in _assets() if a.suffix == ".css"] + [
            f"{ASSET_DIR}/{GLYPHS_CSS}"
        ]

    def scripts(self) -> list[str]:
        """The scripts every page loads, in order (paths of :meth:`files`)."""
        return [f"{ASSET_DIR}/{a.name}" for a in _assets() if a.suffix == ".js"]

    def files(self) -> list[GeneratedFile]:
        """Every generated file that is not a page: each feature's (exports, term previews)
        and the assets, the glyph style sheet among them."""
        made = self.builder.files()
        out = [GeneratedFile(p, make=m, reuse=self.builder.reusable(p)) for p, m in made.items()]
        out += [GeneratedFile(f"{ASSET_DIR}/{a.name}", source=a) for a in _assets()]
        glyphs = partial(glyphs_stylesheet, self.corpus.features)
        out.append(GeneratedFile(f"{ASSET_DIR}/{GLYPHS_CSS}", make=glyphs))
        return out


def _assets() -> list[Path]:
    return sorted(a for a in ASSETS.iterdir() if a.is_file())
