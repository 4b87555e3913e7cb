"""The seed texts' vocabulary, split so that generated glossary terms occur only where placed.

Filler words are the words the seeds write in lower case (kept with their frequency, so a
random pick follows the seeds' distribution). Name words are capitalised words the seeds
never write in lower case. Glossary aliases are built from name words only and running
text from filler words only, so term matching (case-insensitive, whole words) finds an
alias exactly where the generator placed it.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

_WORD = re.compile(r"[A-Za-z]+")


@dataclass(frozen=True)
class Vocabulary:
    filler: tuple[str, ...]  # lower-case words, repeated by frequency, in first-seen order
    names: tuple[str, ...]  # capitalised words never written in lower case, sorted
    lower: frozenset[str]  # the distinct filler words

    def is_filler(self, word: str) -> bool:
        return word.lower() in self.lower


def read_vocabulary(seeds: Path) -> Vocabulary:
    """Words of every ``*.txt`` in ``seeds``, in a deterministic order."""
    tokens: list[str] = []
    for path in sorted(seeds.glob("*.txt")):
        tokens += _WORD.findall(path.read_text(encoding="utf-8"))
    filler = [t for t in tokens if t.islower()]
    lower = set(filler)
    counts = Counter(t for t in tokens if len(t) >= 3 and t[0].isupper() and t[1:].islower())
    names = sorted(t for t in counts if t.lower() not in lower)
    if len(set(filler)) < 50 or len(names) < 20:
        raise ValueError(f"too small a vocabulary in {seeds}: need more seed text")
    return Vocabulary(tuple(filler), tuple(names), frozenset(lower))
