"""Everything the generated pages need, rendered once per build from a loaded corpus.

Kept apart from the MkDocs plugin so the command line (and a future generator) can build
the same pages: ``pages()`` maps each generated page's path to its title, ``files()`` gives
extra generated files, and ``render_page()`` gives a page's HTML body.

A page's title is editorial text, so it never goes through a Markdown stub (where entities,
``attr_list`` and Markdown would shape the title bar, the navigation and the heading's id):
a generator is given it as text, with the heading's id and every id the page holds.
"""

from __future__ import annotations

import hashlib
import json
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import partial
from html import escape, unescape
from typing import Any

from ..core.corpus import Corpus, PageHtml
from ..core.lazy import Keyed, LazyTexts, Lookup, MadeOf, Reusable, looked_up, makers
from ..core.model import Annotation, Source
from ..core.text.markup import Markup, Resolver
from ..core.toc import TocEntry
from ..core.urls import SiteUrls, relative_url
from .search_view import source_document
from .source_page import PageRender, header_rows, render_source
from .toc import headings
from .views import ClaimLink
from .widekey import Digests, wide_key

# What a build kept of its corpus-wide pages for the next: their key (``widekey``), where
# each feature's cut put its items (``Feature.kept_cut``), and each source's digest.
KeptCuts = tuple[str, dict[str, Any], Digests]


@dataclass
class SiteBuilder:
    corpus: Corpus
    urls: SiteUrls
    search_view: bool = True  # also give each page's search document (search_view), if any
    # What shapes every page besides the editorial data (code, templates, options; see
    # ``replay``): given, the corpus-wide pages and files are keyed with it (``widekey``)
    context: str = ""
    kept: KeptCuts | None = None  # a build's cuts, taken when its key is this corpus's

    def __post_init__(self) -> None:
        self._titles: dict[str, str] | None = None
        self._nav_titles: dict[str, str] | None = None
        self._reusable: dict[str, Reusable] = {}  # filled by ``files``
        self.env = self.corpus.templates
        self.markup: Markup = self.corpus.markup
        self._claims: dict[str, list[Annotation]] = {}
        for ann in self.corpus.annotations():
            if ann.claim_id:
                self._claims.setdefault(ann.claim_id, []).append(ann)
        known = self.kept[2] if self.kept is not None else None
        self.wide, self._digests = "", Digests()
        if self.context:
            self.wide, self._digests = wide_key(self.corpus, self.context, known)
        if self.kept is not None and self.wide and self.kept[0] == self.wide:
            for feature in self.corpus.features:  # measured by a build made of the same
                feature.settle_cut(self.kept[1].get(feature.name))
        self._links = {
            s.id: [lk for f in self.corpus.features for lk in f.source_links(s)]
            for s in self.corpus.sources
        }

    def pages(self) -> dict[str, str]:
        """Generated pages: path (``sources/<id>.md``) → page title, as plain text."""
        if self._titles is None:
            out = {"sources/index.md": "Sources"}
            for source in self.corpus.sources:
                out[f"sources/{source.id}.md"] = source.title
            for feature in self.corpus.features:
                out.update(feature.pages())
            self._titles = out
        return self._titles

    def nav_titles(self) -> dict[str, str]:
        """Generated pages: path → name in the navigation (a source's short title, which
        never exceeds ``titles.SHORT_TITLE_MAX``; other pages' titles are short already)."""
        if self._nav_titles is None:
            out = dict(self.pages())
            for source in self.corpus.sources:
                out[f"sources/{source.id}.md"] = source.nav_title
            self._nav_titles = out
        return self._nav_titles

    def files(self) -> dict[str, Callable[[], str]]:
        """Each generated file's path and the function that makes its text (none is made
        here: a site's exports are made one by one, as each is written)."""
        out: dict[str, Callable[[], str]] = {}
        for feature in self.corpus.features:
            texts = feature.files(self.urls)
            out.update(makers(texts))
            if isinstance(texts, LazyTexts):
                self._reusable.update(texts.reusable)
                for path in texts.wide if self.wide else ():
                    key = self._wide_key(path, "")
                    make = partial(_made_alone, texts.maker(path))
                    self._reusable[path] = Reusable(key, self.resolver(""), make)
        return out

    def cuts(self) -> KeptCuts | None:
        """This build's :data:`KeptCuts`, for a later build (None: its pages are not keyed)."""
        if not self.wide:
            return None
        return self.wide, {f.name: f.kept_cut() for f in self.corpus.features}, self._digests

    def _wide_key(self, path: str, page_url: str) -> str:
        """The key of a corpus-wide page or file at ``page_url``: all it is made of."""
        made_of = [_WIDE_FORMAT, self.wide, path, page_url, self.urls.directory_urls]
        return hashlib.sha256(json.dumps([*made_of, self.search_view]).encode()).hexdigest()

    def reusable(self, path: str) -> Reusable | None:
        """How a later build may take the file :meth:`files` makes at ``path`` as made."""
        return self._reusable.get(path)

    def head(self, path: str, page_url: str) -> str:
        """``<link>`` elements for a generated page's head (a source's other forms).

        ``rel`` adds ``describedby`` (the file describes the page) to ``alternate``: Material
        takes every ``link[rel=alternate]`` (an exact match) for a language version and
        fetches a ``sitemap.xml`` beside it, which is not there."""
        if not (path.startswith("sources/") and path.endswith(".md")):
            return ""
        source = self.corpus.source(path[len("sources/") : -3])
        if source is None:
            return ""
        return "".join(
            f'<link rel="alternate describedby" type="{escape(kind)}" '
            f'href="{escape(relative_url(target, page_url))}">'
            for f in self.corpus.features
            for kind, target in f.source_alternates(source, self.urls)
        )

    def resolver(self, page_url: str) -> Resolver:
        return self.corpus.resolver(page_url, self.urls)

    def render_page(self, path: str, page_url: str) -> str | None:
        """HTML body of a generated page, or None when ``path`` is not ours."""
        page = self.render(path, page_url)
        return page.html if page else None

    def render(self, path: str, page_url: str) -> PageHtml | None:
        """A generated page's HTML body and what search should index for it."""
        if path == "sources/index.md":
            return self._wide(PageHtml(self.render_sources_index(page_url)), path, page_url)
        source = self._source_of(path)
        if source is not None:
            parts = self._source_parts(source, page_url)
            lookups: list[Lookup] = []
            resolve = looked_up(parts.resolve, lookups)
            ctx = PageRender(
                resolve=resolve,
                markup=self.markup,
                env=self.env,
                links=[
                    replace(lk, href=relative_url(lk.href, page_url))
                    for lk in self._links[source.id]
                ],
                badge_html=parts.badge,
                event_link=lambda ident: resolve("event", ident),
                claim_link=lambda ann: self.claim_link(ann, resolve),
            )
            blocks = self.corpus.blocks[source.id]
            rendered = render_source(source, blocks, ctx)
            made_of = (parts.key, lookups) if parts.key else None
            if not self.search_view:
                return PageHtml(rendered.html + parts.footer, toc=rendered.toc, made_of=made_of)
            search = source_document(
                source,
                header_rows(source),
                ctx.badge_html,
                [source.text[b.start : b.end] for b in blocks if not b.debris],
                rendered.notes,
            )
            return PageHtml(rendered.html + parts.footer, search, rendered.toc, made_of)
        if path.startswith("sources/") and path.endswith(".md"):
            return None
        for feature in self.corpus.features:
            page = feature.render_page(path, page_url, self.urls)
            if isinstance(page, PageHtml):
                page = page if self.search_view else replace(page, search=None)
                return self._wide(page, path, page_url)
            if page is not None:
                return self._wide(PageHtml(page), path, page_url)
        return None

    def _wide(self, page: PageHtml, path: str, page_url: str) -> PageHtml:
        """A corpus-wide page with its key, when the pages are keyed (no lookups: the key
        names every note's, source's, term's, event's and claim's address and label)."""
        if not self.wide:
            return page
        return replace(page, made_of=(self._wide_key(path, page_url), []))

    def _source_of(self, path: str) -> Source | None:
        if path == "sources/index.md" or not (path.startswith("sources/") and path.endswith(".md")):
            return None
        return self.corpus.source(path[len("sources/") : -3])

    def _source_parts(self, source: Source, page_url: str) -> _SourceParts:
        """What a source's page takes from the rest of the site, and the key of all it is
        made of but its ``[[…]]`` lookups: its file and seed as read, the notes left out
        for a shared id, its address and the site's options, its term links, rating badge
        and footer, and the counts its claim links give (a claim's other sources)."""
        features = self.corpus.features
        badge = "".join(f.source_header(source, page_url, self.urls) for f in features)
        footer = "".join(f.source_footer(source, page_url, self.urls) for f in features)
        read = self.corpus.read_keys.get(source.id)
        key = ""
        if read is not None:
            made_of = [
                _PAGE_FORMAT,
                read,
                [a.id for a in source.annotations],
                page_url,
                self.urls.directory_urls,
                self.search_view,
                badge,
                footer,
                repr(self._links[source.id]),  # addresses from the site's root
                [[a.id, *self._claim_counts(a)] for a in source.annotations if a.claim_id],
            ]
            key = hashlib.sha256(json.dumps(made_of).encode("ascii")).hexdigest()
        return _SourceParts(self.resolver(page_url), badge, footer, key)

    def page_keyed(self, path: str, page_url: str) -> Keyed | None:
        """How a later build may take the page at ``path`` as made: a source page by its
        own files and lookups, a corpus-wide page by :mod:`widekey`'s key."""
        source = self._source_of(path)
        if source is None:
            if not self.wide or path not in self.pages():
                return None
            return Keyed(self._wide_key(path, page_url), self.resolver(page_url))
        parts = self._source_parts(source, page_url)
        return Keyed(parts.key, parts.resolve) if parts.key else None

    def _claim_counts(self, ann: Annotation) -> tuple[int, int]:
        """Other sources carrying the note's claim, and other notes on it in its source."""
        notes = self._claims.get(ann.claim_id or "", [])
        return len({n.source_id for n in notes} - {ann.source_id}), len(notes) - 1

    def claim_link(self, ann: Annotation, resolve: Resolver) -> ClaimLink | None:
        """A note's link to its claim's entry, counting the other sources that carry the
        claim (or, where only its own source does, the other notes there)."""
        found = resolve("claim", ann.claim_id) if ann.claim_id else None
        if found is None or ann.claim_id is None:
            return None
        others, again = self._claim_counts(ann)
        if others:
            label = f"also in {others} other source{'s' if others != 1 else ''}"
        else:
            label = f"also checked {again} more time{'s' if again != 1 else ''} in this source"
        return ClaimLink(found[0], label, found[1])

    def render_sources_index(self, page_url: str) -> str:
        rows = []
        for source in self.corpus.sources:
            meta = source.metadata
            rows.append(
                {
                    "href": relative_url(self.urls.source(source.id), page_url),
                    "title": source.title,
                    "name": source.nav_title,
                    "author": meta.author.value,
                    "outlet": meta.outlet.value,
                    "published": meta.published.value,
                    "kind": meta.kind.value,
                    "notes": len(source.annotations),
                }
            )
        return self.env.get_template("sources_index.html").render(rows=rows)

    def titled(self, path: str, page_url: str) -> TitledPage | None:
        """A generated page with its title and ids, ready for a site generator."""
        rendered = self.render(path, page_url)
        if rendered is None:
            return None
        title = self.pages().get(path, "")
        ids = anchors(rendered.html)
        heading = heading_id(title, ids)
        html = anchor_heading(rendered.html, heading)
        sections = headings(rendered.html) if rendered.toc is None else rendered.toc
        made_of = rendered.made_of
        if html is rendered.html:  # no <h1> to carry it
            return TitledPage(html, rendered.search, title, "", ids, sections, made_of)
        toc = (TocEntry(1, heading, title, sections),)
        return TitledPage(html, rendered.search, title, heading, ids | {heading}, toc, made_of)


@dataclass(frozen=True)
class TitledPage:
    """A generated page: its body, the title as plain text (escape it for HTML), the id of
    its first heading (the skip link's target; '' when it has none), every id a link
    may point at, and its table of contents (the title's entry, its sections under it)."""

    html: str
    search: str | None
    title: str
    heading: str
    anchors: frozenset[str]
    toc: tuple[TocEntry, ...] = ()
    made_of: MadeOf | None = None


@dataclass(frozen=True)
class _SourceParts:
    resolve: Resolver
    badge: str
    footer: str
    key: str  # "" when the source file was not read through the cache


# Bumped when what a source page is made of changes in a way the key does not name.
_PAGE_FORMAT = 1
_WIDE_FORMAT = 1  # the same, for a corpus-wide page or file


def _made_alone(make: Callable[[], str], _lookups: list[Lookup]) -> str:
    """A corpus-wide file's text (it looks nothing up: its key names what it would)."""
    return make()


# Our templates and markdown-it write attributes double-quoted, with '"' escaped inside
# values; an id is preceded by whitespace (``data-id`` is not an id).
_ID = re.compile(r'\sid="([^"]*)"')


def anchors(html: str) -> frozenset[str]:
    """Every element id in ``html`` (what a link's ``#fragment`` may name)."""
    return frozenset(unescape(m) for m in _ID.findall(html))


def heading_id(title: str, taken: frozenset[str]) -> str:
    """An id for the page's heading, made from its title as a table of contents would
    (``a-sample-source``), and ``_1``, ``_2``… added when the page already uses it. Note,
    term and event ids never hold ``_``."""
    ascii_text = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode("ascii")
    slug = re.sub(r"[-\s]+", "-", re.sub(r"[^\w\s-]", "", ascii_text).strip().lower())
    candidate, n = slug or "title", 0
    while candidate in taken:
        n += 1
        candidate = f"{slug or 'title'}_{n}"
    return candidate


def anchor_heading(html: str, anchor: str) -> str:
    """Give a generated page's first ``<h1>`` the id its table of contents names (the
    theme's "Skip to content" link points at it)."""
    if not anchor or f'id="{escape(anchor)}"' in html:
        return html
    return html.replace("<h1>", f'<h1 id="{escape(anchor)}">', 1)
