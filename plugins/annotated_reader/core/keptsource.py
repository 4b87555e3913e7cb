"""A source file read, kept between builds: its notes and where their quotes are.

After an edit, every other source file of the corpus reads and anchors as it did last
time; at 1,000 sources, rebuilding their notes from the YAML tree and finding each quote in
its seed was a third of an edited build. What a file gives depends only on its text, its
seed's text and the library's code, so it is kept under a key of the file's path and text
(:mod:`memo`), with the name and a hash of the seed it was anchored in: a seed that changed
since misses it. The problems reading it reported are kept with it and reported again.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, replace

from .memo import Memo, list_of
from .model import Annotation, Source
from .problems import Problem
from .text.anchoring import Span

KIND = "sources"  # the memo's folder


@dataclass
class ReadFile:
    """What one ``sources/<id>.yml`` gave: the source (``node`` holding only the keys the
    features read), the note ids it writes, its quotes' places, the problems reported."""

    source: Source
    declared: set[str]
    notes: list[Span]
    layout: list[Span]
    problems: list[Problem]
    seed_hash: str = ""

    def sound(self) -> bool:
        """Of its own shape, as far as loading relies on it before reading it."""
        source = self.source
        return (
            isinstance(source, Source)
            and all(isinstance(v, str) for v in (source.id, source.seed, self.seed_hash))
            and list_of(source.annotations, Annotation)
            and isinstance(self.declared, set)
            and list_of(self.notes, (tuple, type(None)))
            and list_of(self.layout, (tuple, type(None)))
            and list_of(self.problems, Problem)
        )


def seed_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def key(memo: Memo, path: str, text: str, kept: dict[str, frozenset[str] | None]) -> str:
    """The key of a file read keeping ``kept`` of its YAML (which depends on the features)."""
    keys = {k: sorted(v) if v is not None else None for k, v in sorted(kept.items())}
    return memo.key(path, text, json.dumps(keys))


def recall(memo: Memo, key: str, seeds: dict[str, str | None]) -> ReadFile | None:
    """The file as an earlier build read it, if its seed is still the one it was anchored
    in; a fresh copy each time (loading changes what it is given)."""
    read = memo.recall_pickled(key, ReadFile)
    if read is None:
        return None
    text = seeds.get(read.source.seed)
    if text is None or seed_hash(text) != read.seed_hash:
        return None  # read again: its seed changed
    read.source.text = text
    return read


def keep(memo: Memo, key: str, read: ReadFile) -> None:
    """Keep ``read`` for the next builds (its seed's text is not stored: the seed is)."""
    read.seed_hash = seed_hash(read.source.text)
    memo.keep_pickled(key, replace(read, source=replace(read.source, text="")))
