"""A long generated page cut into parts a phone can download and lay out.

A 5,000-term glossary is one 5 MB page; cut by initial letter, each part is a few hundred
kilobytes. The cut follows the reader's index (a letter, a year), so a part's address stays
the same while the data grows; a letter too large for one page is cut again by size, in
order, into numbered parts. Nothing is cut while the whole fits.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from .urls import SiteUrls, relative_url

T = TypeVar("T")
P = TypeVar("P")

# A generated page's body, in characters of HTML, before the theme adds its own (header,
# navigation, footer: 30–80 kB). With it, a page stays under 400 kB.
DEFAULT_BUDGET = 300_000
MIN_BUDGET = 1_000  # below it, every entry would be a page of its own


@dataclass(frozen=True)
class Part:
    """One part of a cut page: its address under the page (``s``, ``s-2``), its name
    (``S``, ``S (2 of 3)``) and the positions of its items in the whole page's order."""

    slug: str
    label: str
    items: tuple[int, ...]


# Latin letters (in capitals) that Unicode does not decompose into a base letter and a
# mark: thorn and eth filed as their sounds, T and D; capital sharp s, kra and eng too.
_UNDECOMPOSED = str.maketrans("ŁØĐĦŦÆŒÞÐẞĸŊ", "LODHTAOTDSKN")


def initial(name: str) -> tuple[str, str]:
    """(slug, label) of the index letter a name is filed under: its first Latin letter,
    accents dropped; ``0-9`` for a digit; ``other`` for any other script."""
    for char in name:
        # The first letter of a capital: 'ß' is 'SS' in capitals, filed under S
        base = unicodedata.normalize("NFKD", char)[:1].upper()[:1].translate(_UNDECOMPOSED)
        if "A" <= base <= "Z":
            return base.lower(), base
        if base.isdigit():
            return "0-9", "0–9"
        if base.isalpha():
            return "other", "Other scripts"
    return "other", "Other scripts"


def cut(keys: Sequence[tuple[str, str]], sizes: Sequence[int], budget: int) -> list[Part]:
    """Parts of a page whose items, in order, are filed under ``keys`` (slug, label) and
    weigh ``sizes``; one part per key, cut again where a key's items exceed ``budget``
    (an item larger than the budget gets a part of its own). Items of one key must be
    adjacent."""
    groups: list[tuple[str, str, list[list[int]]]] = []
    weight = 0  # of the last chunk
    for index, (key, size) in enumerate(zip(keys, sizes, strict=True)):
        if not groups or groups[-1][0] != key[0]:
            groups.append((key[0], key[1], [[]]))
            weight = 0
        chunks = groups[-1][2]
        if chunks[-1] and weight + size > budget:
            chunks.append([])
            weight = 0
        chunks[-1].append(index)
        weight += size
    parts: list[Part] = []
    for slug, label, chunks in groups:
        for n, chunk in enumerate(chunks, 1):
            parts.append(
                Part(
                    slug if n == 1 else f"{slug}-{n}",
                    label if len(chunks) == 1 else f"{label} ({n} of {len(chunks)})",
                    tuple(chunk),
                )
            )
    return parts


@dataclass(frozen=True)
class PartLink:
    """A part in the parts' navigation; ``current`` on the part that shows it."""

    label: str
    href: str
    count: int
    current: bool


@dataclass(frozen=True)
class Cut(Generic[T]):
    """A page cut in parts (``page``: its name, e.g. ``glossary``, whose page becomes the
    index): each part's items, and the part each item lives on, by the item's id."""

    page: str
    parts: tuple[Part, ...]
    items: dict[str, list[T]]  # a part's slug → its items
    homes: dict[str, Part]  # an item's id → its part

    def path(self, part: Part) -> str:
        """The part's page as a documentation file."""
        return f"{self.page}/{part.slug}.md"

    def url(self, part: Part, urls: SiteUrls) -> str:
        return urls.page(f"{self.page}/{part.slug}")

    def part_of(self, path: str) -> Part | None:
        return next((p for p in self.parts if self.path(p) == path), None)

    def links(self, current: Part | None, page_url: str, urls: SiteUrls) -> list[PartLink]:
        return [
            PartLink(
                p.label,
                relative_url(self.url(p, urls), page_url),
                len(self.items[p.slug]),
                p == current,
            )
            for p in self.parts
        ]

    def address(self, ident: str, urls: SiteUrls) -> str | None:
        """Where an item lives (its part's page, its id as the fragment), or None when the
        cut does not hold it."""
        part = self.homes.get(ident)
        return f"{self.url(part, urls)}#{ident}" if part else None

    def plain(self, ident: Callable[[T], str]) -> list[list[Any]]:
        """Each part as ``[slug, label, positions, item ids]``: what :func:`restored`
        makes the cut again from, without measuring."""
        return [
            [p.slug, p.label, list(p.items), [ident(i) for i in self.items[p.slug]]]
            for p in self.parts
        ]

    def positions(self) -> dict[str, int]:
        """Each item's part as its place in the parts' navigation, for the index page's
        script that takes an old address (``glossary/#term``) on to the item's part."""
        index = {p: i for i, p in enumerate(self.parts)}
        return {ident: index[p] for ident, p in sorted(self.homes.items())}


def cut_page(
    page: str,
    items: Sequence[T],
    ident: Callable[[T], str],
    key: Callable[[T], tuple[str, str]],
    sizes: Sequence[int],
    budget: int,
    drawing: Callable[[list[T]], int] | None = None,
) -> Cut[T] | None:
    """``page``'s items (in order, each filed under ``key``) cut by :func:`cut` when their
    ``sizes`` (and the ``drawing`` of them all, when the page draws its items) add up to
    more than ``budget``; None when they fit on one page. Each part draws its own items,
    so the parts leave room for the heaviest part's drawing."""
    draw = drawing or (lambda _chosen: 0)
    # The whole drawing is made only when the entries alone fit (it is the largest).
    if sum(sizes) <= budget and sum(sizes) + draw(list(items)) <= budget:
        return None
    keys = [key(item) for item in items]
    parts = cut(keys, sizes, budget)
    growth = 1.0  # how much a part's drawing adds to its entries, at worst
    for part in parts:
        weight = sum(sizes[i] for i in part.items)
        drawn = draw([items[i] for i in part.items])
        growth = max(growth, (weight + drawn) / max(weight, 1))
    if growth > 1:
        parts = cut(keys, sizes, int(budget / growth))
    chosen = {p.slug: [items[i] for i in p.items] for p in parts}
    homes = {ident(item): p for p in parts for item in chosen[p.slug]}
    return Cut(page, tuple(parts), chosen, homes)


def restored(page: str, plain: Any, by_id: Mapping[str, T]) -> Cut[T] | None:
    """The cut :meth:`Cut.plain` gave, with ``by_id``'s items; None when it names an item
    ``by_id`` lacks or is not such a list."""
    try:
        parts = tuple(
            Part(str(s), str(label), tuple(int(i) for i in at)) for s, label, at, _ in plain
        )
        items = {str(s): [by_id[str(i)] for i in ids] for s, _label, _at, ids in plain}
    except (TypeError, ValueError, KeyError):
        return None
    homes = {str(i): part for part, (*_, ids) in zip(parts, plain, strict=True) for i in ids}
    return Cut(page, parts, items, homes) if parts and len(items) == len(parts) else None


# The pages kept by each measurement in progress, innermost last (one page's measurement
# renders links to another, which may be measured in turn).
_measuring: list[list[Measured[Any, Any]]] = []


class Measured(Generic[T, P]):
    """A page's cut, measured on first use (once every feature has loaded: its entries
    link notes, sources, terms and events). While it is measured the page counts as
    whole, so an entry's links to others on the same page can be rendered for it.

    A page that may fit is rendered whole to find out; when it fits, that rendering is
    kept for the build to use (a small site renders its page once, as before the cut)."""

    def __init__(self) -> None:
        self._cut: Cut[T] | None = None
        self._measured = False
        self._whole: tuple[str, SiteUrls, P] | None = None

    def get(self, measure: Callable[[], Cut[T] | None]) -> Cut[T] | None:
        if not self._measured:
            self._measured = True
            _measuring.append([])
            try:
                self._cut = measure()
            finally:
                inside = _measuring.pop()
            # Pages kept while this one was measured link it as whole: wrong once it is cut.
            if self._cut is not None:
                for other in inside:
                    other._whole = None
                inside = []
            elif self._whole is not None:
                inside.append(self)
            if _measuring:  # and all of them assume the pages measured around them whole
                _measuring[-1].extend(inside)
        return self._cut

    def settle(self, page: str, plain: Any, by_id: Mapping[str, T]) -> bool:
        """Take the cut :meth:`plain` gave (None: not cut) as measured, when a build made of
        the same data measured it; False when it does not fit ``by_id``'s items, or this
        page was measured already."""
        cut = restored(page, plain, by_id) if plain is not None else None
        if self._measured or (plain is not None and cut is None):
            return False
        self._measured, self._cut, self._whole = True, cut, None
        return True

    def keep(self, page_url: str, urls: SiteUrls, page: P) -> None:
        self._whole = (page_url, urls, page)

    def kept(self, page_url: str, urls: SiteUrls) -> P | None:
        """The whole page rendered while measuring, once, if it was rendered for this
        address (an engine that writes links from the page's file asks for another)."""
        whole, self._whole = self._whole, None
        return whole[2] if whole and whole[:2] == (page_url, urls) else None
