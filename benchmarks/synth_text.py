"""One synthetic source text: a caption, headings, paragraphs, a list, trailing page debris.

Running text is drawn from the seeds' filler words; glossary aliases are placed into
sentences, each between two filler words, so every placed alias is a whole-word match that
no other alias overlaps. Blocks are separated by a blank line, as in the seeds.
"""

from __future__ import annotations

import math
import random
from dataclasses import dataclass, field

from .vocab import Vocabulary

DEBRIS_LINES = ("Share this:", "Leave a Reply")
AVERAGE_SENTENCE = 110  # characters, for spreading the placed aliases over the text


@dataclass(frozen=True)
class Block:
    start: int
    end: int
    role: str  # caption | heading | paragraph | list-item | debris


@dataclass
class SynthText:
    text: str = ""
    blocks: list[Block] = field(default_factory=list)

    def add(self, line: str, role: str) -> None:
        if self.text:
            self.text += "\n\n"
        self.blocks.append(Block(len(self.text), len(self.text) + len(line), role))
        self.text += line

    @property
    def content(self) -> list[Block]:
        """Blocks a note may anchor in (not the debris)."""
        return [b for b in self.blocks if b.role != "debris"]


def words(rng: random.Random, vocab: Vocabulary, count: int) -> list[str]:
    return [rng.choice(vocab.filler) for _ in range(count)]


def sentence(
    rng: random.Random, vocab: Vocabulary, lo: int = 8, hi: int = 22, place: list[str] | None = None
) -> str:
    """A sentence of filler words; ``place`` (aliases) go between words, never side by side."""
    place = place or []
    body = words(rng, vocab, max(rng.randint(lo, hi), len(place) + 2))
    for i in range(len(body) - 1):
        if rng.random() < 0.06:
            body[i] += ","
    gaps = sorted(rng.sample(range(1, len(body)), len(place)), reverse=True)
    for gap, alias in zip(gaps, place, strict=True):
        body.insert(gap, alias)
    body[0] = body[0][:1].upper() + body[0][1:]
    return " ".join(body) + rng.choice(".....?!")


def make_text(rng: random.Random, vocab: Vocabulary, size: int, place: list[str]) -> SynthText:
    """About ``size`` characters (more when many aliases must be placed), ending in debris."""
    queue = list(place)
    rng.shuffle(queue)
    per_sentence = max(1, math.ceil(len(queue) / max(1, size // AVERAGE_SENTENCE)))
    out = SynthText()

    def next_sentence() -> str:
        taken = [queue.pop() for _ in range(min(per_sentence, len(queue)))]
        return sentence(rng, vocab, place=taken)

    out.add("Photo: " + " ".join(words(rng, vocab, rng.randint(4, 8))), "caption")
    paragraphs = 0
    while len(out.text) < size or queue:
        if paragraphs % 5 == 0:
            title = " ".join(w.capitalize() for w in words(rng, vocab, rng.randint(3, 7)))
            out.add(title + rng.choice(("", "", "?")), "heading")
        if paragraphs % 7 == 3:
            for _ in range(3):
                out.add("• " + next_sentence(), "list-item")
        else:
            out.add(" ".join(next_sentence() for _ in range(rng.randint(2, 5))), "paragraph")
        paragraphs += 1
    for line in DEBRIS_LINES:
        out.add(line, "debris")
    out.add("Related: " + sentence(rng, vocab), "debris")
    return out
