"""A page's table of contents, as any site generator can take it.

A generated page knows its headings while it renders them (a glossary category, a timeline
year, a source's section), so it says which they are rather than leaving an engine to find
them in finished HTML, which it cannot (MkDocs builds "On this page" only from Markdown).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class TocEntry:
    """One entry: its level (1 the page's title, 2 a section, 3 a part of one), the id of
    the element it links to, its title as plain text (escape it for HTML), and the entries
    under it."""

    level: int
    id: str
    title: str
    children: tuple[TocEntry, ...] = ()
