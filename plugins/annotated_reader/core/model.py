"""The data model: typed records for sources, annotations and their parts.

Offsets are Python code points into the seed text (not UTF-16 units as in browsers'
Web Annotation tools); ``end`` is exclusive.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .problems import Location
from .records import quick_state
from .vocabulary.titles import shorten
from .yamlsrc import Node


@quick_state
@dataclass(frozen=True, slots=True)
class Reference:
    """A cited work; publisher and date (ISO 8601 / EDTF) let a desk weigh it without opening it."""

    title: str
    url: str
    location: Location
    publisher: str | None = None
    date: str | None = None


@quick_state
@dataclass(frozen=True, slots=True)
class Change:
    """One entry of a note's review history: the day, and what changed and why."""

    day: str
    what: str
    location: Location


@quick_state
@dataclass(frozen=True, slots=True)
class Quote:
    """A W3C TextQuoteSelector: the exact text, with optional context to pick one match."""

    exact: str
    prefix: str = ""
    suffix: str = ""


@quick_state
@dataclass(frozen=True, slots=True)
class Where:
    """Where and who (``place``, ``actors``) as glossary term ids, each with where it was
    written, for errors (read by :mod:`where`)."""

    place: str | None = None
    actors: tuple[str, ...] = ()
    place_at: Location | None = None
    actors_at: tuple[Location, ...] = ()

    @property
    def stated(self) -> bool:
        return self.place is not None or bool(self.actors)


@dataclass(slots=True)
class Annotation:
    id: str
    kind: str
    quote: Quote
    body: str
    source_id: str
    location: Location
    body_line: int
    references: list[Reference] = field(default_factory=list)
    verdict: str | None = None
    correction: str | None = None
    event: str | None = None
    date: str | None = None
    reviewed: str | None = None
    correction_line: int = 0
    claim: str | None = None  # a fact-check's claim in a few words (ClaimReview's summary)
    history: list[Change] = field(default_factory=list)  # earlier reviews that changed it
    claim_id: str | None = None  # the claim (claims.yml) this fact-check checks, shared by notes
    differs_because: str | None = None  # why its verdict differs from others on the claim
    where: Where = field(default_factory=Where)  # the place and actors it gives its event
    start: int = -1
    end: int = -1

    @property
    def anchored(self) -> bool:
        return self.start >= 0


@quick_state
@dataclass(frozen=True, slots=True)
class MetaField:
    """A metadata value with how it was established; ``value`` None means unknown."""

    value: str | None
    basis: str
    location: Location


METADATA_FIELDS = ("title", "author", "outlet", "published", "kind", "language", "url")
# Given only where the editor knows them: an address that identifies the author or the
# outlet (their own site, an authority record), published as the claim author's sameAs.
OPTIONAL_METADATA = ("author_url", "outlet_url")
URL_METADATA = ("url", *OPTIONAL_METADATA)


@dataclass(slots=True)
class Metadata:
    title: MetaField
    author: MetaField
    outlet: MetaField
    published: MetaField
    kind: MetaField
    language: MetaField
    url: MetaField
    author_url: MetaField | None = None
    outlet_url: MetaField | None = None
    short_title: str | None = None  # the editor's name for the navigation (titles.py)

    def fields(self) -> list[tuple[str, MetaField]]:
        """Every field the file gives, in the documented order (optional ones if given)."""
        names = METADATA_FIELDS + OPTIONAL_METADATA
        return [(n, f) for n in names if (f := getattr(self, n)) is not None]


@dataclass(slots=True)
class LayoutRule:
    """An editor's override of how the block holding ``quote`` is classified."""

    role: str
    quote: Quote
    location: Location
    start: int = -1
    end: int = -1


@dataclass(slots=True)
class Source:
    id: str
    path: str
    seed: str
    text: str
    metadata: Metadata
    location: Location
    annotations: list[Annotation] = field(default_factory=list)
    layout: list[LayoutRule] = field(default_factory=list)
    # The file's located YAML, for features reading their own keys in ``Feature.load``;
    # ``load_corpus`` drops it once they have loaded.
    node: Node | None = None

    @property
    def title(self) -> str:
        """The headline; an unknown one is said to be unknown, never made up."""
        if self.metadata.title.value:
            return self.metadata.title.value
        by = self.metadata.author.value or self.metadata.outlet.value
        return f"Untitled text by {by}" if by else f"Untitled text ({self.id})"

    @property
    def nav_title(self) -> str:
        """The name in the navigation and the sources list: the editor's short title, or
        the title cut at a word (:mod:`titles`)."""
        return self.metadata.short_title or shorten(self.title)
