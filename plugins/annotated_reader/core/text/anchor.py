"""Find a quoted passage in a text: exact, then tolerant, then a reported fuzzy candidate.

Modelled on the Web Annotation TextQuoteSelector: ``exact`` with optional ``prefix`` and
``suffix``. A tolerant match forgives whitespace, curly/straight quotes and dash variants,
which editors cannot see; a fuzzy match is never accepted, only offered as the closest
passage so the editor can fix the quote. Offsets are Python code points.
"""

from __future__ import annotations

import difflib
import heapq
import re
from dataclasses import dataclass, field
from enum import Enum
from functools import lru_cache
from itertools import accumulate

from ..model import Quote

_FOLD = {
    **dict.fromkeys("‘’‚‛′`", "'"),
    **dict.fromkeys("“”„‟″«»", '"'),
    **dict.fromkeys("‐‑‒–—―−", "-"),
}


class Method(str, Enum):
    EXACT = "exact"
    TOLERANT = "tolerant"
    FUZZY = "fuzzy"


@dataclass(frozen=True)
class Match:
    start: int
    end: int
    score: float
    method: Method


class Outcome(str, Enum):
    FOUND = "found"
    AMBIGUOUS = "ambiguous"  # several places fit; ``candidates`` lists them
    CONTEXT = "context"  # the quote occurs, but prefix/suffix fit none of its places
    MISSING = "missing"  # nothing fits; ``closest`` is the best fuzzy candidate, if any


@dataclass(frozen=True)
class AnchorResult:
    outcome: Outcome
    match: Match | None = None
    candidates: list[Match] = field(default_factory=list)
    closest: Match | None = None


@dataclass(frozen=True)
class Normalized:
    """A folded copy of a text and, for each of its characters, the original offset."""

    text: str
    offsets: list[int]

    def original_span(self, start: int, end: int) -> tuple[int, int]:
        return self.offsets[start], self.offsets[end - 1] + 1


def _fold_chars(text: str) -> str:
    for char, plain in _FOLD.items():  # a few C-speed passes beat one Python-level pass
        if char in text:
            text = text.replace(char, plain)
    return text


# Whitespace runs that are not already a single space (\s is exactly str.isspace()).
_SPACES = re.compile(r"\s{2,}|[^\S ]")


def normalize(text: str) -> Normalized:
    """Fold quotes and dashes; collapse each run of whitespace to one space at its start."""
    folded = _fold_chars(text)
    out: list[str] = []
    offsets: list[int] = []
    pos = 0
    for run in _SPACES.finditer(folded):
        start = run.start()
        out += (folded[pos:start], " ")
        offsets += range(pos, start + 1)
        pos = run.end()
    out.append(folded[pos:])
    offsets += range(pos, len(folded))
    return Normalized("".join(out), offsets)


# The folded copy of a seed, made when a quote first needs it (most anchor exactly, so
# many seeds never need one) and kept for the next quotes: seeds are anchored one by one.
_seed_normalized = lru_cache(maxsize=1)(normalize)


def fold(text: str) -> str:
    return normalize(text).text


def _find_all(haystack: str, needle: str) -> list[int]:
    found: list[int] = []
    if not needle:
        return found
    start = haystack.find(needle)
    while start != -1:
        found.append(start)
        start = haystack.find(needle, start + 1)
    return found


def _fits(haystack: str, start: int, end: int, prefix: str, suffix: str) -> bool:
    return haystack[max(0, start - len(prefix)) : start].endswith(prefix) and haystack[
        end : end + len(suffix)
    ].startswith(suffix)


def match_quote(text: str, quote: Quote, norm: Normalized | None = None) -> AnchorResult:
    """Anchor ``quote`` in ``text``. ``norm`` is ``normalize(text)``; without it, the folded
    text is made on first need and kept for the next quotes in the same text."""
    occurrences: list[Match] = []
    # Exact stage: the text as written.
    starts = _find_all(text, quote.exact)
    if starts:
        occurrences = [Match(s, s + len(quote.exact), 1.0, Method.EXACT) for s in starts]
        fitting = [
            m for m in occurrences if _fits(text, m.start, m.end, quote.prefix, quote.suffix)
        ]
        if len(fitting) == 1:
            return AnchorResult(Outcome.FOUND, fitting[0])
        if len(fitting) > 1:
            return AnchorResult(Outcome.AMBIGUOUS, candidates=fitting)
    # Tolerant stage: whitespace, quotes and dashes folded on both sides.
    norm = norm or _seed_normalized(text)
    exact_n, prefix_n, suffix_n = fold(quote.exact), fold(quote.prefix), fold(quote.suffix)
    exact_n_stripped = exact_n.strip()
    tolerant: list[Match] = []
    tolerant_fit: list[Match] = []
    for s in _find_all(norm.text, exact_n_stripped):
        e = s + len(exact_n_stripped)
        start, end = norm.original_span(s, e)
        m = Match(start, end, 0.99, Method.TOLERANT)
        tolerant.append(m)
        # Whitespace between the context and the passage is forgiven as the passage's own
        # edges are: the context is compared past the one space the folded text may have there.
        before = s - (norm.text[s - 1 : s] == " ")
        after = e + (norm.text[e : e + 1] == " ")
        if _fits(norm.text, before, after, prefix_n.rstrip(), suffix_n.lstrip()):
            tolerant_fit.append(m)
    if len(tolerant_fit) == 1:
        return AnchorResult(Outcome.FOUND, tolerant_fit[0])
    if len(tolerant_fit) > 1:
        return AnchorResult(Outcome.AMBIGUOUS, candidates=tolerant_fit)
    if occurrences or tolerant:
        return AnchorResult(Outcome.CONTEXT, candidates=occurrences or tolerant)
    return AnchorResult(Outcome.MISSING, closest=closest_passage(norm, exact_n_stripped))


def similarity(a: str, b: str) -> float:
    return difflib.SequenceMatcher(None, a, b, autojunk=False).ratio()


# The closest passage is sought in two rounds: every word start is a candidate, ranked by
# how many of the needle's 3-character pieces its window holds (one pass over the text);
# only the best few are compared in full, since a full comparison costs the product of the
# lengths (a needle of a few characters has too few pieces to rank by, and costs little to
# compare everywhere). Needles longer than _BY_CHARACTERS are compared word by word, the
# most frequent words left to extend matches rather than seed them (difflib's autojunk):
# a 20,000-character quote takes a fraction of a second (benchmarks/closest.py).
_GRAM = 3
_SHORTLIST = 16
_EVERYWHERE = 24
_BY_CHARACTERS = 400


def _shortlist(text: str, needle: str, starts: list[int]) -> list[int]:
    """The word starts whose windows share the most 3-character pieces with ``needle``."""
    if len(needle) <= _EVERYWHERE:
        return starts
    grams = {needle[i : i + _GRAM] for i in range(len(needle) - _GRAM + 1)}
    last = max(len(text) - _GRAM + 1, 0)  # pieces start at 0 .. last - 1
    found = [0, *accumulate(text[i : i + _GRAM] in grams for i in range(last))]
    reach = len(needle) - _GRAM + 1  # pieces of a window starting at s: s .. s + reach - 1

    def shared(s: int) -> int:
        return found[min(s + reach, last)] - found[min(s, last)]

    return sorted(heapq.nlargest(_SHORTLIST, starts, key=shared))


def closest_passage(norm: Normalized, needle: str) -> Match | None:
    """The passage most like ``needle`` that starts and ends at the edges of words, around
    the window of the text most similar to it (:func:`closest_window`)."""
    return closest_window(norm, needle, whole_words=True)


def closest_window(norm: Normalized, needle: str, *, whole_words: bool = False) -> Match | None:
    """The window of the text most similar to ``needle``, among windows at word starts."""
    text = norm.text
    if not needle or not text:
        return None
    size = len(needle)
    starts = [0] + [m.end() for m in re.finditer(" ", text)]
    best: tuple[float, int] = (0.0, 0)
    by_words = size > _BY_CHARACTERS
    matcher: difflib.SequenceMatcher[str] = difflib.SequenceMatcher(None, autojunk=by_words)
    matcher.set_seq2(needle.split() if by_words else needle)
    for s in _shortlist(text, needle, starts):
        window = text[s : s + size]
        matcher.set_seq1(window.split() if by_words else window)
        if matcher.real_quick_ratio() <= best[0] or matcher.quick_ratio() <= best[0]:
            continue
        ratio = matcher.ratio()
        if ratio > best[0]:
            best = (ratio, s)
    score, s = best
    if score == 0.0:
        return None
    e = min(len(text), s + size)
    if whole_words and not by_words:
        score, s, e = _whole_words(text, needle, s, e, score)
    start, end = norm.original_span(s, e)
    return Match(start, end, round(score, 4), Method.FUZZY)


_WORD_START = re.compile(r"(?<!\w)\w")
_WORD_END = re.compile(r"\w(?!\w)")


def _whole_words(text: str, needle: str, s: int, e: int, score: float) -> tuple[float, int, int]:
    """The passage around the window ``s:e`` that is most like ``needle`` and starts and ends
    at the edges of words: a window as long as the needle cut the passage mid-word
    ("be \"cheaper t" for "cheapest ever")."""
    size = len(needle)
    starts = [m.start() for m in _WORD_START.finditer(text, max(0, s - size), s + size)]
    # One past the range: a word's last character at the search's end is not taken for one
    ends = [m.end() for m in _WORD_END.finditer(text, max(s, e - size), e + size + 1)]
    matcher: difflib.SequenceMatcher[str] = difflib.SequenceMatcher(None, autojunk=False)
    matcher.set_seq2(needle)
    best = (0.0, 0, s, e)
    for a in starts:
        if not max(0, s - size) <= a <= s + size:
            continue
        for b in ends:
            if b <= a or b - a > 2 * size or b > e + size:
                continue
            matcher.set_seq1(text[a:b])
            if matcher.real_quick_ratio() < best[0] or matcher.quick_ratio() < best[0]:
                continue
            candidate = (matcher.ratio(), -(b - a), a, b)
            if candidate > best:
                best = candidate
    return (best[0], best[2], best[3]) if best[0] > 0 else (score, s, e)


def line_col(text: str, offset: int) -> tuple[int, int]:
    """1-based line and column of ``offset`` in ``text``."""
    line = text.count("\n", 0, offset) + 1
    col = offset - (text.rfind("\n", 0, offset) + 1) + 1
    return line, col


def disambiguating_context(text: str, match: Match, others: list[Match]) -> tuple[str, str]:
    """The shortest prefix or suffix (grown word by word) that tells ``match`` apart."""
    rivals = [m for m in others if m != match]

    def grow(before: bool) -> str:
        for size in range(4, 81, 4):
            if before:
                ctx = text[max(0, match.start - size) : match.start]
                if all(not text.endswith(ctx, 0, m.start) for m in rivals):
                    return ctx
            else:
                ctx = text[match.end : match.end + size]
                if all(not text.startswith(ctx, m.end) for m in rivals):
                    return ctx
        return ""

    return grow(True), grow(False)
