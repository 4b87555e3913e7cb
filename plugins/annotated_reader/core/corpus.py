"""The corpus and the interface its features implement.

A feature (glossary, ratings, timeline, coverage) reads its own editorial file, validates it
into the shared problem list, and contributes pages, files and pieces of source pages through
the hooks of :class:`Feature`. The core and the site builder only talk to this interface, so
each part lives in its own package and a new part needs no change to the core; which features
a site has is decided at the edge (:mod:`annotated_reader.assembly`).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from jinja2 import Environment

from .lazy import MadeOf
from .memo import Cache, Recalled
from .model import Annotation, Reference, Source
from .paging import DEFAULT_BUDGET
from .paths import Paths as Paths  # its home before core.paths: importers keep working
from .text.markup import Markup, Resolver
from .text.segment import Block
from .toc import TocEntry
from .urls import SiteUrls, relative_url
from .xref import Prose

if TYPE_CHECKING:
    from .dated import DatedFact
    from .problems import Problems


@dataclass
class Corpus:
    paths: Paths
    templates: Environment  # shared by every page; made at the edge (render.templates)
    sources: list[Source] = field(default_factory=list)
    blocks: dict[str, list[Block]] = field(default_factory=dict)
    features: list[Feature] = field(default_factory=list)
    # Ids that editorial files declare but that did not load, each file or entry for a
    # reason already reported, by namespace: references to them are not reported again.
    lost: dict[str, set[str]] = field(default_factory=dict)
    # False once a source file could not be loaded: then checks that need every source (a
    # term or event that occurs nowhere, a seed no file names) would report its absence.
    complete: bool = True
    # Work kept between builds (parsed YAML, rendered Markdown); Cache(None) keeps none.
    cache: Cache = field(default_factory=lambda: Cache(None), repr=False, compare=False)
    # Source id → what its file and seed were (:mod:`keptsource`), when it is kept: what is
    # made of that source alone may be taken from the site kept before.
    read_keys: dict[str, str] = field(default_factory=dict, repr=False, compare=False)
    _markup: Markup | None = field(default=None, init=False, repr=False, compare=False)
    _notes: dict[str, Annotation] | None = field(
        default=None, init=False, repr=False, compare=False
    )
    _positions: dict[str, int] = field(default_factory=dict, init=False, repr=False, compare=False)

    @property
    def markup(self) -> Markup:
        """The one Markdown renderer of the build (building one is costly), which keeps
        what it renders in the cache."""
        if self._markup is None:
            self._markup = Markup(self.cache.memo("markup"))
        return self._markup

    def feature(self, name: str) -> Feature | None:
        return next((f for f in self.features if f.name == name), None)

    def source(self, source_id: str) -> Source | None:
        """The source with this id (ids are file names, so unique), found by index: pages
        look sources up many times, and a scan per lookup made large sites quadratic."""
        pos = self._positions.get(source_id)
        if pos is None or pos >= len(self.sources) or self.sources[pos].id != source_id:
            self._positions = {}
            for i, src in enumerate(self.sources):
                self._positions.setdefault(src.id, i)
            pos = self._positions.get(source_id)
        return None if pos is None else self.sources[pos]

    def annotations(self) -> list[Annotation]:
        return [a for s in self.sources for a in s.annotations]

    def lose(self, namespace: str, ids: set[str]) -> None:
        """Record ids declared in editorial data that did not load (see ``lost``)."""
        self.lost.setdefault(namespace, set()).update(ids)

    def prose(self) -> list[Prose]:
        """Every Markdown text of the corpus that may hold ``[[…]]`` references."""
        out = []
        for ann in self.annotations():
            what = f"annotation '{ann.id}'"
            out.append(Prose(what, ann.body, ann.location.path, ann.body_line))
            if ann.correction:
                out.append(
                    Prose(
                        f"the correction of {what}",
                        ann.correction,
                        ann.location.path,
                        ann.correction_line,
                    )
                )
        for feature in self.features:
            out.extend(feature.prose())
        return out

    def annotation_index(self) -> dict[str, Annotation]:
        return {a.id: a for a in self.annotations()}

    def resolve(self, namespace: str, ident: str, urls: SiteUrls) -> tuple[str, str] | None:
        """Site-root URL and label of a ``[[…]]`` reference, for every page that renders
        Markdown (notes, definitions, rationales, descriptions). Call once loading is done:
        the note index is built on first use."""
        if namespace == "note":
            if self._notes is None:
                self._notes = self.annotation_index()
            ann = self._notes.get(ident)
            src = self.source(ann.source_id) if ann else None
            if ann is None or src is None:
                return None
            return urls.annotation(src.id, ident), f"note in “{src.title}”"
        if namespace == "source":
            src = self.source(ident)
            return (urls.source(ident), src.title) if src else None
        for feature in self.features:
            found = feature.resolve(namespace, ident, urls)
            if found:
                return found
        return None

    def resolver(self, page_url: str, urls: SiteUrls) -> Resolver:
        """:meth:`resolve` with links made relative to ``page_url``."""

        def resolve(namespace: str, ident: str) -> tuple[str, str] | None:
            found = self.resolve(namespace, ident, urls)
            return (relative_url(found[0], page_url), found[1]) if found else None

        return resolve

    def watched_paths(self) -> list[Path]:
        return [self.paths.root / self.paths.annotations, self.paths.root / self.paths.seeds]


@dataclass(frozen=True)
class Options:
    """Build options the library needs (the plugin maps its config onto these)."""

    link_terms: str = "first"  # all | first (per paragraph)
    site_url: str = ""  # absolute base for machine-readable links (ClaimReview); "" when unknown
    site_name: str = "Annotated reader"  # the publisher in machine-readable data (mkdocs.yml's)
    templates_dir: Path | None = None  # a site's overrides of the plugin's templates
    directory_urls: bool = True  # MkDocs' use_directory_urls; False in the offline bundle
    cache_dir: Path | None = None  # compiled templates kept between builds (None: not kept)
    page_budget: int = DEFAULT_BUDGET  # a generated page's body larger than this is cut in parts
    # Results kept in memory from one build to the next of the same process (mkdocs serve)
    recalled: Recalled | None = field(default=None, compare=False)


@dataclass(frozen=True)
class PageHtml:
    html: str
    search: str | None = None  # a lean document for the site search (search_view), or None
    toc: tuple[TocEntry, ...] | None = None  # the page's sections (None: its h2/h3 with ids)
    made_of: MadeOf | None = None  # how a later build may take it as made (``lazy.Keyed``)


@dataclass(frozen=True)
class InlineLink:
    """A link laid over the text (a glossary term), never crossing a highlight's edge."""

    start: int
    end: int
    href: str
    css: str
    data: dict[str, str] = field(default_factory=dict)


class Feature:
    name = "feature"

    def load(self, corpus: Corpus, problems: Problems, options: Options) -> None:
        """Read and validate this feature's data; called once the sources are anchored."""

    def source_keys(self) -> dict[str, frozenset[str] | None]:
        """What of a source file's YAML :meth:`load` reads from ``Source.node``: a top-level
        key and its whole value (None), or the keys it reads of each item of the key's list.
        The loader keeps only these: the rest of every file's located YAML, most of a large
        corpus's memory while it loads, is let go as soon as the file is read."""
        return {}

    def known_ids(self) -> dict[str, set[str]]:
        """Ids that ``[[namespace:id]]`` references may name."""
        return {}

    def prose(self) -> list[Prose]:
        """This feature's Markdown texts, whose ``[[…]]`` references the loader checks once
        every feature has loaded."""
        return []

    def resolve(self, namespace: str, ident: str, urls: SiteUrls) -> tuple[str, str] | None:
        """Site-root URL and label of a referenced id, or None when not this feature's."""
        return None

    def pages(self) -> dict[str, str]:
        """Generated pages: Markdown path (``glossary.md``) → title."""
        return {}

    def render_page(self, path: str, page_url: str, urls: SiteUrls) -> str | PageHtml | None:
        """HTML body of one of this feature's pages (with its search document, if any)."""
        return None

    def files(self, urls: SiteUrls) -> Mapping[str, str]:
        """Extra generated files (path → text), e.g. a JSON export. The texts are read one
        at a time, as each file is written: a large one may be made only when read
        (:class:`~.lazy.LazyTexts`)."""
        return {}

    def source_alternates(self, source: Source, urls: SiteUrls) -> list[tuple[str, str]]:
        """Other forms of a source page's content, as (media type, site-root path): the
        page's head links each with ``<link rel="alternate">``."""
        return []

    def unlisted(self) -> set[str]:
        """Pages left out of the navigation (a cut page's parts: its index page lists them)."""
        return set()

    def source_links(self, source: Source) -> list[InlineLink]:
        """Links laid over a source's text (site-root hrefs, made relative by the caller)."""
        return []

    def source_header(self, source: Source, page_url: str, urls: SiteUrls) -> str:
        """HTML placed in the source page's header (e.g. a rating badge)."""
        return ""

    def source_footer(self, source: Source, page_url: str, urls: SiteUrls) -> str:
        """HTML placed after the source text (e.g. structured data)."""
        return ""

    def badge(self, source_id: str, page_url: str, urls: SiteUrls) -> str:
        """A compact mark of a source where other parts list it (the timeline shows the
        ratings' grade): features meet here, never by importing each other."""
        return ""

    def glyphs(self) -> list[tuple[str, str]]:
        """(CSS selector, content) of the glyphs this feature's markup draws, for the
        generated glyph style sheet."""
        return []

    def dated_facts(self) -> list[DatedFact]:
        """The dates this feature's data states for events (:mod:`.consistency` holds them
        to the events' own): features meet here, never by reading each other's data."""
        return []

    def references(self) -> list[Reference]:
        """Every reference this feature's data cites (the notes' are the core's)."""
        return []

    def made_of(self) -> object:
        """What this feature's pages, files, cut and answers to ``[[…]]`` are made of
        besides the sources' own data (dataclasses, lists, dicts and plain values; see
        ``render.widekey``): while every feature's is the same, a later build takes the
        corpus-wide pages as made. None (the default): never taken."""
        return None

    def kept_cut(self) -> list[list[object]] | None:
        """Where this feature's cut page put each item (:meth:`Cut.plain`), for a later
        build made of the same to take instead of measuring again; None when not cut."""
        return None

    def settle_cut(self, kept: list[list[object]] | None) -> bool:
        """Take :meth:`kept_cut`'s answer from a build made of the same data instead of
        measuring; False when it does not fit this feature's items."""
        return kept is None


def known_ids(corpus: Corpus) -> dict[str, set[str]]:
    """Every id a ``[[…]]`` reference may name, by namespace."""
    known = {
        "note": {a.id for a in corpus.annotations()},
        "source": {s.id for s in corpus.sources},
    }
    for feature in corpus.features:
        for namespace, ids in feature.known_ids().items():
            known.setdefault(namespace, set()).update(ids)
    return known
