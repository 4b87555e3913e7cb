"""Find every glossary alias in a text in one pass (Aho–Corasick), whole words only.

One automaton over all aliases keeps the cost linear in the text, whatever the number of
terms; a regex alternation would try every alias at every position. Matching is on a
lower-cased copy of the same length, so offsets map straight back; case-sensitive aliases
("VDV") are then checked against the original text.
"""

from __future__ import annotations

from collections import deque
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
        self.fail: list[int] = [0]
        self.out: list[list[Pattern]] = [[]]
        for pattern in patterns:
            self._add(pattern)
        self._link()

    def _add(self, pattern: Pattern) -> None:
        node = 0
        for ch in _lower(pattern.text):
            nxt = self.goto[node].get(ch)
            if nxt is None:
                nxt = len(self.goto)
                self.goto[node][ch] = nxt
                self.goto.append({})
                self.fail.append(0)
                self.out.append([])
            node = nxt
        self.out[node].append(pattern)

    def _link(self) -> None:
        queue: deque[int] = deque(self.goto[0].values())
        while queue:
            node = queue.popleft()
            for ch, child in self.goto[node].items():
                queue.append(child)
                f = self.fail[node]
                while f and ch not in self.goto[f]:
                    f = self.fail[f]
                target = self.goto[f].get(ch, 0)
                self.fail[child] = target if target != child else 0
                self.out[child] = self.out[child] + self.out[self.fail[child]]

    def all_hits(self, text: str) -> list[Hit]:
        """Every whole-word occurrence of every pattern, overlapping ones included."""
        lowered = _lower(text)
        hits: list[Hit] = []
        node = 0
        goto, fail, out = self.goto, self.fail, self.out
        for i, ch in enumerate(lowered):
            while node and ch not in goto[node]:
                node = fail[node]
            node = goto[node].get(ch, 0)
            for pattern in out[node]:
                end = i + 1
                start = end - len(pattern.text)
                if start > 0 and _is_word(text[start - 1]) and _is_word(text[start]):
                    continue
                if end < len(text) and _is_word(text[end]) and _is_word(text[end - 1]):
                    continue
                if pattern.case_sensitive and text[start:end] != pattern.text:
                    continue
                hits.append(Hit(start, end, pattern))
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
