"""A long generated page cut into parts a phone can download and lay out.

A 5,000-term glossary is one 5 MB page; cut by initial letter, each part is a few hundred
kilobytes. The cut follows the reader's index (a letter, a year), so a part's address stays
the same while the data grows; a letter too large for one page is cut again by size, in
order, into numbered parts. Nothing is cut while the whole fits.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

# A generated page's body, in characters of HTML, before the theme adds its own (header,
# navigation, footer: 30–80 kB). With it, a page stays under 400 kB.
DEFAULT_BUDGET = 300_000


@dataclass(frozen=True)
class Part:
    """One part of a cut page: its address under the page (``s``, ``s-2``), its name
    (``S``, ``S (2 of 3)``) and the positions of its items in the whole page's order."""

    slug: str
    label: str
    items: tuple[int, ...]


# Latin letters that Unicode does not decompose into a base letter and a mark.
_UNDECOMPOSED = str.maketrans("ŁØĐĦŦÆŒ", "LODHTAO")


def initial(name: str) -> tuple[str, str]:
    """(slug, label) of the index letter a name is filed under: its first Latin letter,
    accents dropped; ``0-9`` for a digit; ``other`` for any other script."""
    for char in name:
        base = unicodedata.normalize("NFKD", char)[:1].upper().translate(_UNDECOMPOSED)
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
