"""Write the quote selector an editor would otherwise find by trial and error.

Given text an editor copied, :func:`select` finds its places with the anchoring itself
(:func:`~.anchor.match_quote`, never a second matcher) and, for each place, the shortest
prefix and/or suffix taken from the seed — grown a word at a time — with which the quote
anchors to that place and no other. Every selector it returns is checked by anchoring it
again, so what the editor pastes is what the loader will find.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..model import Quote
from .anchor import AnchorResult, Match, Outcome, match_quote

# Context is grown over at most this many words on each side: a passage that needs more
# to be told apart repeats a long stretch of the text, and is reported as such.
MAX_WORDS = 12


@dataclass(frozen=True)
class Place:
    """One place the text occurs, with the selector that picks it (None when no context of
    up to :data:`MAX_WORDS` words on each side tells it apart)."""

    match: Match
    quote: Quote | None


@dataclass(frozen=True)
class Selection:
    """The places of a quote in a seed; ``result`` is the anchoring's own answer (for the
    editor's message when there is no place: the closest passage, an unseen character)."""

    places: list[Place]
    result: AnchorResult


def _prefix_starts(text: str, start: int) -> list[int]:
    """Where a prefix may begin: word starts before ``start``, nearest first."""
    out: list[int] = []
    i = start
    while i > 0 and len(out) < MAX_WORDS:
        while i > 0 and text[i - 1].isspace():
            i -= 1
        while i > 0 and not text[i - 1].isspace():
            i -= 1
        out.append(i)
    return out


def _suffix_ends(text: str, end: int) -> list[int]:
    """Where a suffix may end: word ends after ``end``, nearest first."""
    out: list[int] = []
    i, size = end, len(text)
    while i < size and len(out) < MAX_WORDS:
        while i < size and text[i].isspace():
            i += 1
        while i < size and not text[i].isspace():
            i += 1
        out.append(i)
    return out


def unique_quote(text: str, match: Match) -> Quote | None:
    """The quote of the seed's passage at ``match`` with the least context (fewest
    characters of prefix and suffix together) that anchors to that passage alone."""
    exact = text[match.start : match.end]
    prefixes = [""] + [text[s : match.start] for s in _prefix_starts(text, match.start)]
    suffixes = [""] + [text[match.end : e] for e in _suffix_ends(text, match.end)]
    options = sorted(
        ((p, s) for p in prefixes for s in suffixes), key=lambda ps: len(ps[0]) + len(ps[1])
    )
    for prefix, suffix in options:
        # The passage fits its own context, so a quote that anchors once anchors here.
        quote = Quote(exact, prefix, suffix)
        if match_quote(text, quote).outcome is Outcome.FOUND:
            return quote
    return None


def select(text: str, wanted: str, limit: int | None = None) -> Selection:
    """Every place ``wanted`` occurs in ``text`` (as the anchoring finds it: exactly, or
    forgiving whitespace, quotes and dashes), each with its selector; beyond the first
    ``limit`` places, the place alone (a common word occurs hundreds of times)."""
    result = match_quote(text, Quote(wanted))
    if result.outcome is Outcome.FOUND and result.match is not None:
        matches = [result.match]
    else:
        matches = result.candidates
    return Selection(
        [
            Place(m, unique_quote(text, m) if limit is None or i < limit else None)
            for i, m in enumerate(matches)
        ],
        result,
    )


def nearest(places: list[Place], hint: int) -> Place | None:
    """The place starting nearest ``hint`` (a position an annotation tool recorded), or
    None when two are equally near."""
    if not places:
        return None
    ranked = sorted(places, key=lambda p: abs(p.match.start - hint))
    if len(ranked) > 1 and abs(ranked[0].match.start - hint) == abs(ranked[1].match.start - hint):
        return None
    return ranked[0]
