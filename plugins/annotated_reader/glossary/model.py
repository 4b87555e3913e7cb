"""The glossary's data: terms, their spellings and where they occur.

Apart from the feature so that the glossary page and the editors' schema read the same
types without importing the feature that fills them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Protocol

from jinja2 import Environment

from ..core.dated import Dated
from ..core.model import Reference
from ..core.paging import Part
from ..core.problems import Location
from ..core.text.markup import Markup
from ..core.urls import SiteUrls, relative_url

PAGE = "glossary"  # the whole glossary's page, and the index of a cut one

CATEGORIES = {
    "person": "People",
    "organisation": "Organisations and bodies",
    "treaty": "Treaties and agreements",
    "place": "Places",
    "event": "Events",
    "military": "Military",
    "concept": "Concepts",
    "media": "Media",
}
TERM_FIELDS = (
    "id",
    "term",
    "category",
    "definition",
    "aliases",
    "misspellings",
    "related",
    "references",
    "date",
    "event",
)


@dataclass(frozen=True)
class Alias:
    text: str
    location: Location
    case_sensitive: bool = False
    occurs: bool = True
    misspelling: bool = False


@dataclass
class Term:
    id: str
    term: str
    category: str
    definition: str
    location: Location
    definition_line: int
    aliases: list[Alias] = field(default_factory=list)
    related: list[str] = field(default_factory=list)
    references: list[Reference] = field(default_factory=list)
    related_at: list[Location] = field(default_factory=list)
    dated: Dated | None = None  # the date it gives an event (a treaty's signing), if any


@dataclass(frozen=True)
class Occurrence:
    source_id: str
    start: int
    end: int
    anchor: str | None  # element id of the link, when this occurrence is linked


@dataclass(frozen=True)
class LetterLink:
    """A part in the letters' navigation; ``current`` on the part that shows it."""

    label: str
    href: str
    count: int
    current: bool


@dataclass(frozen=True)
class Cut:
    """A glossary cut in parts: each part's terms, and the part each term lives on."""

    parts: tuple[Part, ...]
    terms: dict[str, list[Term]]  # a part's slug → its terms
    homes: dict[str, Part]  # a term's id → its part

    def path(self, part: Part) -> str:
        """The part's page as a documentation file."""
        return f"{PAGE}/{part.slug}.md"

    def url(self, part: Part, urls: SiteUrls) -> str:
        return urls.page(f"{PAGE}/{part.slug}")

    def letters(self, current: Part | None, page_url: str, urls: SiteUrls) -> list[LetterLink]:
        return [
            LetterLink(
                p.label,
                relative_url(self.url(p, urls), page_url),
                len(self.terms[p.slug]),
                p == current,
            )
            for p in self.parts
        ]


class TermIndex(Protocol):
    """What the glossary page and the term previews read of a loaded glossary."""

    terms: list[Term]
    by_id: dict[str, Term]
    occurrences: dict[str, list[Occurrence]]
    source_titles: dict[str, str]
    markup: Markup
    env: Environment | None

    def resolve(self, namespace: str, ident: str, urls: SiteUrls) -> tuple[str, str] | None: ...

    def term_url(self, term_id: str, urls: SiteUrls) -> str: ...

    def link_target(self, namespace: str, ident: str, urls: SiteUrls) -> tuple[str, str] | None: ...
