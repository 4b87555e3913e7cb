"""Find every glossary alias in a text, whole words only, in one pass over its word starts.

All aliases share one trie, walked from each place an alias may begin: the start of a word,
or a character that begins an alias with punctuation. A walk ends where no alias continues,
usually after a character or two, so the cost follows the words of the text, whatever the
number of terms; a regex alternation would try every alias at every position. Matching is
on a lower-cased copy of the same length, so offsets map straight back; case-sensitive
aliases ("VDV") are then checked against the original text.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass

from ..core.memo import Memo


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
        self._digest: str | None = None
        self._listed: list[Pattern] | None = None  # every pattern, in the automaton's order
        self._index: dict[int, int] | None = None  # id(pattern) → its place in that list
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

    def __getstate__(self) -> dict[str, object]:
        """Kept with the glossary read (:mod:`.read`): the places by ``id()`` are not."""
        return {**self.__dict__, "_index": None}

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

    def kept_hits(self, text: str, memo: Memo | None) -> list[Hit]:
        """:meth:`all_hits`, kept in ``memo`` under a hash of the text and every pattern
        (a text and a glossary that did not change are not matched again)."""
        if memo is None:
            return self.all_hits(text)
        patterns = self._patterns()
        key = memo.key(self._signature(), text)
        kept = memo.recall(key)
        if kept is not None:  # checked when it was read
            return [Hit(s, e, patterns[i]) for s, e, i in kept]
        kept = memo.get(key)
        if kept is not None:
            try:
                rows = [[s, e, i] for s, e, i in kept if _valid(s, e, i, len(text))]
                hits = [Hit(s, e, patterns[i]) for s, e, i in rows]
            except (TypeError, ValueError, IndexError):  # not a list of ours: match again
                memo.damaged(key)
            else:
                memo.remember(key, rows)
                return hits
        hits = self.all_hits(text)
        if self._index is None:
            self._index = {id(p): i for i, p in enumerate(patterns)}
        found = [[h.start, h.end, self._index[id(h.pattern)]] for h in hits]
        memo.put(key, found)
        memo.remember(key, found)
        return hits

    def _patterns(self) -> list[Pattern]:
        # Listed once: walking every node of a 10,000-spelling automaton for each text was
        # 12% of a build with 5,000 terms (benchmarks/profile_build.py).
        if self._listed is None:
            self._listed = [p for node in self.ends for p in node]
        return self._listed

    def _signature(self) -> str:
        if self._digest is None:
            digest = hashlib.sha256()
            for p in self._patterns():
                digest.update(
                    f"{p.text}\0{p.term_id}\0{p.case_sensitive:d}{p.misspelling:d}\0".encode()
                )
            self._digest = digest.hexdigest()
        return self._digest

    def find(self, text: str) -> list[Hit]:
        return choose(self.all_hits(text))


def _valid(start: object, end: object, index: object, size: int) -> bool:
    if not (type(start) is int and type(end) is int and type(index) is int):
        raise TypeError("not a kept hit")
    if not 0 <= start < end <= size or index < 0:
        raise ValueError("not a hit in this text")
    return True


def choose(hits: list[Hit]) -> list[Hit]:
    """Leftmost-longest, non-overlapping hits: "Union State Secretary" over "Union State"."""
    chosen: list[Hit] = []
    last_end = -1
    for hit in sorted(hits, key=lambda h: (h.start, -(h.end - h.start))):
        if hit.start >= last_end:
            chosen.append(hit)
            last_end = hit.end
    return chosen
