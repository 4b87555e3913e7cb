"""Synthetic annotations on one synthetic text: every kind, nested, overlapping, cross-block.

Each quote is checked with the library's own ``match_quote`` while it is made: a quote that
would not anchor to exactly its passage gets a prefix, then a suffix, or is replaced.
"""

from __future__ import annotations

import random
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from annotated_reader.core.model import Quote
from annotated_reader.core.text.anchor import Outcome, match_quote, normalize

from .synth_text import SynthText, sentence
from .vocab import Vocabulary

KIND_WEIGHTS = {
    "context": 30,
    "fact-check": 25,
    "correction": 10,
    "framing": 12,
    "opinion": 8,
    "terminology": 15,
}
VERDICT_IDS = ("accurate", "mostly-accurate", "misleading", "inaccurate", "unverifiable", "opinion")
REVIEWED = "2026-11-22"


@dataclass(frozen=True)
class Event:
    id: str
    date: str  # YYYY-MM-DD


@dataclass
class Context:
    """What notes may link to, and a counter that spreads dated notes over the events."""

    source_ids: list[str]
    term_ids: list[str]
    events: list[Event]
    expected: int = 1  # notes the whole corpus will have that may be dated
    seen: int = 0  # of those, made so far
    dated: int = 0
    ids: list[str] = field(default_factory=list)  # notes of the current source so far

    def date_next(self) -> bool:
        """Spread the dated notes evenly: a fifth of them, and at least one per event."""
        if not self.events:
            return False
        target = min(self.expected, max(self.expected // 5, len(self.events)))
        k, self.seen = self.seen, self.seen + 1
        return (k + 1) * target // self.expected > k * target // self.expected


def _tokens(text: SynthText) -> list[list[tuple[int, int]]]:
    """Word spans of each content block, block by block."""
    out = []
    for block in text.content:
        chunk = text.text[block.start : block.end]
        out.append(
            [(block.start + m.start(), block.start + m.end()) for m in re.finditer(r"\S+", chunk)]
        )
    return out


def _quote(
    text: str, norm: Any, start: int, end: int, exact: str | None = None
) -> dict[str, str] | None:
    """A quote that anchors to exactly [start, end), with the least context that does it."""
    exact = exact if exact is not None else text[start:end]
    prefix, suffix = text[max(0, start - 40) : start], text[end : end + 40]
    for pre, suf in (("", ""), (prefix, ""), ("", suffix), (prefix, suffix)):
        result = match_quote(text, Quote(exact, pre, suf), norm)
        if (
            result.outcome is Outcome.FOUND
            and result.match
            and (result.match.start, result.match.end) == (start, end)
        ):
            out = {"exact": exact}
            if pre:
                out["prefix"] = pre
            if suf:
                out["suffix"] = suf
            return out
    return None


def _spans(
    rng: random.Random, blocks: list[list[tuple[int, int]]], count: int
) -> Iterator[tuple[int, int]]:
    """Passages: plain ones, some nested inside an earlier one, some overlapping it."""
    made: list[tuple[int, list[tuple[int, int]], int, int]] = []  # block index, words, i, j
    usable = [b for b in blocks if len(b) >= 4]
    for _ in range(count):
        roll = rng.random()
        if made and roll < 0.2:  # nested: a shorter passage inside an earlier one
            _, toks, i, j = rng.choice(made)
            if j - i >= 3:
                a = rng.randint(i, j - 2)
                b = rng.randint(a + 1, min(j, a + 4))
                if (a, b) != (i, j):
                    yield toks[a][0], toks[b][1]
                    continue
        if made and roll < 0.35:  # overlapping: starts inside an earlier passage, ends after it
            _, toks, i, j = rng.choice(made)
            if j + 1 < len(toks) and j > i:
                a = rng.randint(i + 1, j)
                b = rng.randint(j + 1, min(len(toks) - 1, j + 6))
                yield toks[a][0], toks[b][1]
                continue
        toks = rng.choice(usable)
        size = rng.randint(3, 12)
        i = rng.randint(0, max(0, len(toks) - size))
        j = min(len(toks) - 1, i + size - 1)
        made.append((0, toks, i, j))
        yield toks[i][0], toks[j][1]


def _body(rng: random.Random, vocab: Vocabulary, ctx: Context) -> str:
    parts = [sentence(rng, vocab, 8, 24) for _ in range(rng.randint(1, 3))]
    roll = rng.random()
    if roll < 0.15 and ctx.term_ids:
        parts.append(f"See [[term:{rng.choice(ctx.term_ids)}]].")
    elif roll < 0.25 and ctx.ids:
        parts.append(f"Compare [[{rng.choice(ctx.ids)}]].")
    elif roll < 0.3:
        parts.append(f"Another source says otherwise: [[source:{rng.choice(ctx.source_ids)}]].")
    elif roll < 0.35 and ctx.events:
        parts.append(f"On the timeline: [[event:{rng.choice(ctx.events).id}]].")
    elif roll < 0.45:
        parts.append(
            f"[A report](https://example.org/reports/{rng.randrange(10_000)}) has **details**."
        )
    return " ".join(parts) + "\n"


def _dated(rng: random.Random, ctx: Context) -> tuple[str, str]:
    event = ctx.events[ctx.dated % len(ctx.events)]
    ctx.dated += 1
    year, month = event.date[:4], event.date[:7]
    date = rng.choice((event.date, event.date, month, year))
    if rng.random() < 0.12:  # the source disagrees with the reference date
        date = str(int(year) + 1)
    return event.id, date


def make_notes(
    rng: random.Random, vocab: Vocabulary, text: SynthText, prefix: str, count: int, ctx: Context
) -> list[dict[str, Any]]:
    norm = normalize(text.text)
    ctx.ids = []
    notes: list[dict[str, Any]] = []

    def add(kind: str, quote: dict[str, str]) -> None:
        note: dict[str, Any] = {
            "id": f"{prefix}-{len(notes) + 1:03d}",
            "kind": kind,
            "quote": quote,
        }
        if kind == "fact-check":
            note["verdict"] = rng.choice(VERDICT_IDS)
        if kind == "correction":
            note["correction"] = sentence(rng, vocab, 4, 10)
        note["body"] = _body(rng, vocab, ctx)
        if kind == "fact-check" or rng.random() < 0.2:
            note["references"] = [
                {
                    "title": f"Reference {rng.randrange(10_000)}",
                    "url": f"https://example.org/ref/{rng.randrange(10**6)}",
                }
                for _ in range(rng.randint(1, 2))
            ]
        if kind != "debris" and ctx.date_next():
            note["event"], note["date"] = _dated(rng, ctx)
        note["reviewed"] = REVIEWED
        notes.append(note)
        ctx.ids.append(note["id"])

    debris = [b for b in text.blocks if b.role == "debris"]
    if debris and (quote := _quote(text.text, norm, debris[0].start, debris[-1].end)):
        add("debris", quote)
    blocks = _tokens(text)
    pairs = [
        (a, b) for a, b in zip(blocks, blocks[1:], strict=False) if len(a) >= 3 and len(b) >= 3
    ]
    if pairs:  # a passage across a paragraph break, quoted with a space as editors copy it
        a, b = rng.choice(pairs)
        start, end = a[-3][0], b[2][1]
        exact = " ".join(text.text[start:end].split())
        if quote := _quote(text.text, norm, start, end, exact):
            add("framing", quote)
    kinds, weights = list(KIND_WEIGHTS), list(KIND_WEIGHTS.values())
    for start, end in _spans(rng, blocks, count * 3):
        if len(notes) >= count:
            break
        if quote := _quote(text.text, norm, start, end):
            add(rng.choices(kinds, weights)[0], quote)
    return notes
