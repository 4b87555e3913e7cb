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
from ..core.problems import Location
from ..core.text.markup import Markup
from ..core.urls import SiteUrls

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
