"""The site's navigation, in the order the reader is read, for every engine.

Home, the texts, what is built across them, then the hand-written guides; inside a section
of generated pages, the sources' index first and then each page by its name. The MkDocs
plugin sorts MkDocs' navigation with :func:`reading_rank` and :func:`section_key`; an engine
that is given its navigation gets it whole from :func:`navigation`.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from html import escape
from pathlib import PurePosixPath

# Where a reader starts: home, the texts, then what is built across them, then the guides.
READING_ORDER = ("index.md", "sources/", "timeline.md", "claims.md", "glossary.md", "ratings/")

# A navigation entry as mkdocs.yml's ``nav:`` writes it: a page's path (titled by the page),
# ``{title: path}``, or ``{section: [entries]}``.
NavEntry = str | dict[str, "str | list[NavEntry]"]


def reading_rank(path: str) -> int:
    """Where a top-level page or folder (its first page's path) goes in the navigation."""
    return next(
        (
            i
            for i, p in enumerate(READING_ORDER)
            if path == p or (p.endswith("/") and path.startswith(p))
        ),
        len(READING_ORDER),
    )


def section_key(path: str, nav_title: str) -> tuple[bool, str]:
    """Order inside a section holding generated pages: the sources' index first, then by
    name in the navigation (hand-written pages, named by their own heading, first)."""
    return (path != "sources/index.md", nav_title.casefold())


def navigation(written: Iterable[str], names: Mapping[str, str]) -> list[NavEntry]:
    """The navigation of the hand-written Markdown files ``written`` and the generated
    pages ``names`` (path → name in the navigation), as ``mkdocs.yml``'s ``nav:`` writes
    it: files in their folder's order (index first, then by name), each folder a section,
    the top in :data:`READING_ORDER`. A generated page carries its name, escaped (an engine
    writes navigation titles into its pages as HTML); a hand-written one is named by its
    own heading."""
    pages = {p for p in written if p.endswith(".md")} | set(names)
    top = _folder(sorted(pages), "", names)
    top.sort(key=lambda item: reading_rank(item[0]))
    return [e for _, e in top]


def _folder(paths: list[str], prefix: str, names: Mapping[str, str]) -> list[tuple[str, NavEntry]]:
    """The navigation of the pages under ``prefix``, each with its first page's path: its
    files first (index first, then by name), then each folder as a section, as MkDocs
    lists them; a section holding generated pages in :func:`section_key`'s order."""
    files = [p for p in paths if "/" not in p[len(prefix) :]]
    rel = {p[len(prefix) :] for p in files}
    files.sort(key=lambda p: (PurePosixPath(p).stem not in ("index", "README"), p))
    out: list[tuple[str, NavEntry]] = [
        (p, {escape(names[p], quote=False): p} if p in names else p) for p in files
    ]
    for folder in sorted({p[len(prefix) :].split("/", 1)[0] for p in paths} - set(rel)):
        inner = f"{prefix}{folder}/"
        children = _folder([p for p in paths if p.startswith(inner)], inner, names)
        if any(first in names for first, _ in children):
            children.sort(
                key=lambda c: section_key(c[0], names.get(c[0], "")) if _page(c[1]) else (True, "")
            )
        title = folder.replace("-", " ").replace("_", " ")
        title = title.capitalize() if title.lower() == title else title
        out.append((children[0][0], {title: [e for _, e in children]}))
    return out


def _page(entry: NavEntry) -> bool:
    """A page's entry (not a section's)."""
    return isinstance(entry, str) or all(isinstance(v, str) for v in entry.values())
