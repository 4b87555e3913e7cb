"""Find every glossary alias in a text, whole words only, in one pass over its word starts.

All aliases share one trie, walked from each place an alias may begin: the start of a word,
or a character that begins an alias with punctuation. A walk ends where no alias continues,
usually after a character or two, so the cost follows the words of the text, whatever the
number of terms; a regex alternation would try every alias at every position. Matching is
on a lower-cased copy of the same length, so offsets map straight back; case-sensitive
aliases ("VDV") are then checked against the original text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Pattern:
    text: str
    term_id: str
    case_sensitive: bool = False
    misspelling: bool = False


@dataclass(frozen=True)
class Hit:
    start: int
    end: int
    pattern: Pattern


def _lower(text: str) -> str:
    """Lower-case without changing length (a few characters grow when lowered)."""
    lowered = text.lower()
    if len(lowered) == len(text):
        return lowered
    return "".join(c if len(c.lower()) != 1 else c.lower() for c in text)


def _is_word(ch: str) -> bool:
    return ch.isalnum() or ch == "_"


class Matcher:
    def __init__(self, patterns: list[Pattern]) -> None:
        self.goto: list[dict[str, int]] = [{}]
        self.ends: list[list[Pattern]] = [[]]  # aliases whose last character is this node
        for pattern in patterns:
            self._add(pattern)
        # Where a walk may start besides word starts: first characters that are not word
        # characters (an alias such as "-x" may follow a word directly).
        marks = sorted(ch for ch in self.goto[0] if not _is_word(ch))
        self._starts = re.compile(
            r"(?<!\w)\w" + (f"|[{''.join(re.escape(c) for c in marks)}]" if marks else "")
        )

    def _add(self, pattern: Pattern) -> None:
        node = 0
        for ch in _lower(pattern.text):
            nxt = self.goto[node].get(ch)
            if nxt is None:
                nxt = len(self.goto)
                self.goto[node][ch] = nxt
                self.goto.append({})
                self.ends.append([])
            node = nxt
        self.ends[node].append(pattern)

    def all_hits(self, text: str) -> list[Hit]:
        """Every whole-word occurrence of every pattern, overlapping ones included."""
        lowered = _lower(text)
        hits: list[Hit] = []
        goto, ends, size = self.goto, self.ends, len(text)
        for m in self._starts.finditer(text):
            start = i = m.start()
            node = 0
            while i < size:
                node = goto[node].get(lowered[i], 0)
                if not node:
                    break
                i += 1
                for pattern in ends[node]:
                    if i < size and _is_word(text[i]) and _is_word(text[i - 1]):
                        continue
                    if pattern.case_sensitive and text[start:i] != pattern.text:
                        continue
                    hits.append(Hit(start, i, pattern))
        return hits

    def find(self, text: str) -> list[Hit]:
        return choose(self.all_hits(text))


def choose(hits: list[Hit]) -> list[Hit]:
    """Leftmost-longest, non-overlapping hits: "Union State Secretary" over "Union State"."""
    chosen: list[Hit] = []
    last_end = -1
    for hit in sorted(hits, key=lambda h: (h.start, -(h.end - h.start))):
        if hit.start >= last_end:
            chosen.append(hit)
            last_end = hit.end
    return chosen
