"""A generated page and a generated file: what the site gives an engine, and what the
cache's copy of a whole site (:mod:`.replay`) gives back. Kept apart from the site so that a
build served from that copy imports nothing that renders."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from ..core.lazy import MadeOf, Reusable
from ..core.toc import TocEntry


@dataclass(frozen=True)
class GeneratedPage:
    """A generated page: ``path`` as a documentation file (``sources/<id>.md``), its title
    and navigation name as plain text (escape them for HTML), its HTML body, the id of its
    first heading ('' when none), every id a link may point at, the lean document the
    site search may index instead of the body (``search_view``; None: index the body), and
    its table of contents ("On this page": the title's entry with the sections under it)."""

    path: str
    title: str
    nav_title: str
    html: str
    heading: str
    anchors: frozenset[str]
    search: str | None = None
    toc: tuple[TocEntry, ...] = ()
    made_of: MadeOf | None = None  # how a later build may take it as made (``lazy.Keyed``)


@dataclass(frozen=True)
class GeneratedFile:
    """A generated file: the function that makes its text (called as it is written, so that
    a site's files are never all held at once), or a packaged file (``source``) published as
    it is."""

    path: str
    make: Callable[[], str] | None = None
    source: Path | None = None
    reuse: Reusable | None = None  # how a later build may take the text as made

    def data(self) -> bytes:
        if self.source is not None:
            return self.source.read_bytes()
        return (self.make() if self.make is not None else "").encode("utf-8")
