"""A synthetic corpus at any scale, deterministic for a given seed.

N sources of about the seeds' size (6.8 kB), A annotations each (every kind, nested,
overlapping, one across a paragraph break, one over the trailing debris), a glossary of T
terms with aliases, E events that a fifth of the notes date. Everything is drawn from the
seed texts' vocabulary, and the project builds in ``--strict``.

    .venv/bin/python -m benchmarks.synth DEST --sources 50 --annotations 50 --terms 500
"""

from __future__ import annotations

import argparse
import random
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from .project import ROOT, write_config
from .synth_glossary import make_terms, mentions, placements
from .synth_notes import Context, Event, make_notes
from .synth_text import make_text, words
from .vocab import Vocabulary, read_vocabulary

MENTIONS_PER_SOURCE = 20
EVENT_CATEGORIES = ("treaty", "institution", "military", "statement", "election", "economy")
SOURCE_KINDS = ("news", "analysis", "opinion", "explainer", "blog")


@dataclass(frozen=True)
class Spec:
    sources: int = 5
    annotations: int = 50
    terms: int = 50
    events: int = 50
    seed: int = 1
    size: int = 6800  # characters per source text (more when many aliases must be placed)
    plugin: tuple[tuple[str, Any], ...] = ()  # plugin options for mkdocs.yml


@dataclass(frozen=True)
class Generated:
    root: Path
    texts: dict[str, tuple[str, str]]  # source id → (title, text), for the plain twin
    annotations: int
    terms: int
    aliases: int  # every spelling, misspellings included
    events: int


def _dump(path: Path, data: Any) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
    path.write_text(
        yaml.dump(data, Dumper=dumper, sort_keys=False, allow_unicode=True, width=100),
        encoding="utf-8",
    )


def _events(rng: random.Random, vocab: Vocabulary, count: int) -> list[dict[str, Any]]:
    out = []
    for i in range(count):
        date = f"{rng.randint(1991, 2025)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        out.append(
            {
                "id": f"event-{i + 1:04d}",
                "title": " ".join(words(rng, vocab, rng.randint(4, 9))).capitalize(),
                "date": date,
                "category": rng.choice(EVENT_CATEGORIES),
                "description": " ".join(words(rng, vocab, rng.randint(12, 30))).capitalize() + ".",
                "references": [
                    {"title": "Reference", "url": f"https://example.org/events/{i + 1}"}
                ],
            }
        )
    return out


def _meta(value: str | None, basis: str = "Synthetic.") -> dict[str, Any]:
    return {"value": value, "basis": basis}


def _source(
    rng: random.Random, vocab: Vocabulary, seed: str, title: str, notes: list[Any]
) -> dict[str, Any]:
    author = None if rng.random() < 0.25 else " ".join(rng.sample(vocab.names, 2))
    return {
        "seed": seed,
        "metadata": {
            "title": _meta(title),
            "author": _meta(author),
            "outlet": _meta(rng.choice(vocab.names) + " News"),
            "published": _meta(rng.choice(("2022", "2022-10", "2023-03-14", "2021-10~"))),
            "kind": _meta(rng.choice(SOURCE_KINDS)),
            "language": _meta("en"),
            "url": _meta(f"https://example.org/synthetic/{seed}"),
        },
        "rating": {
            "grade": "D",  # holds whatever the verdicts: D allows fewer than 4 criterion points
            "criteria": {
                "named-author": {"met": "yes" if author else "no", "evidence": "Synthetic."},
                "cites-sources": {"met": "partly", "evidence": "Synthetic."},
                "separates-opinion": {"met": "no", "evidence": "Synthetic."},
                "dated-corrected": {"met": "partly", "evidence": "Synthetic."},
                "clean-text": {"met": "no", "evidence": "Synthetic."},
            },
            "rationale": "A synthetic source for the build benchmark.\n",
            "reviewed": "2026-11-22",
        },
        "annotations": notes,
    }


def generate(dest: Path, spec: Spec, seeds: Path | None = None) -> Generated:
    """Write a buildable project to ``dest`` (replacing it)."""
    rng = random.Random(spec.seed)
    vocab = read_vocabulary(seeds or ROOT / "seeds")
    if dest.exists():
        shutil.rmtree(dest)
    terms = make_terms(rng, vocab, spec.terms)
    events = _events(rng, vocab, spec.events)
    ids = [f"synth-{i + 1:04d}" for i in range(spec.sources)]
    # Every spelling that must occur goes to one source; each source also mentions common terms.
    place: dict[str, list[str]] = {i: mentions(rng, terms, MENTIONS_PER_SOURCE) for i in ids}
    for k, alias in enumerate(placements(terms)):
        place[ids[k % len(ids)]].append(alias)
    ctx = Context(ids, [t.id for t in terms], [Event(e["id"], e["date"]) for e in events])
    ctx.expected = max(1, spec.sources * (spec.annotations - 1))  # all but the debris notes
    texts: dict[str, tuple[str, str]] = {}
    total = 0
    for n, source_id in enumerate(ids, 1):
        text = make_text(rng, vocab, spec.size, place[source_id])
        notes = make_notes(rng, vocab, text, f"s{n:04d}", spec.annotations, ctx)
        total += len(notes)
        seed = f"{source_id}.txt"
        title = f"Synthetic source {n}: " + " ".join(words(rng, vocab, 4))
        (dest / "seeds").mkdir(parents=True, exist_ok=True)
        (dest / "seeds" / seed).write_text(text.text + "\n", encoding="utf-8")
        caption = text.blocks[0]
        data = _source(rng, vocab, seed, title, notes)
        data["layout"] = [
            {"role": "caption", "quote": {"exact": text.text[caption.start : caption.end]}}
        ]
        _dump(dest / "annotations" / "sources" / f"{source_id}.yml", data)
        texts[source_id] = (title, text.text)
    if terms:
        _dump(dest / "annotations" / "glossary.yml", {"terms": [t.as_yaml() for t in terms]})
    if events:
        _dump(dest / "annotations" / "events.yml", {"events": events})
    (dest / "docs").mkdir(parents=True, exist_ok=True)
    (dest / "docs" / "index.md").write_text(
        f"# Synthetic corpus\n\n{spec.sources} sources, {total} notes, {spec.terms} terms, "
        f"{spec.events} events, generated with seed {spec.seed}.\n",
        encoding="utf-8",
    )
    write_config(dest, f"Synthetic corpus ({spec.sources} sources)", dict(spec.plugin))
    return Generated(
        dest, texts, total, spec.terms, sum(len(t.aliases) for t in terms), spec.events
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("dest", type=Path)
    parser.add_argument("--sources", type=int, default=5)
    parser.add_argument("--annotations", type=int, default=50)
    parser.add_argument("--terms", type=int, default=50)
    parser.add_argument("--events", type=int, default=50)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--nav-sources-limit", type=int, default=None)
    args = parser.parse_args(argv)
    plugin = (
        () if args.nav_sources_limit is None else (("nav_sources_limit", args.nav_sources_limit),)
    )
    spec = Spec(args.sources, args.annotations, args.terms, args.events, args.seed, plugin=plugin)
    made = generate(args.dest, spec)
    print(
        f"{made.root}: {len(made.texts)} sources, {made.annotations} notes, {made.terms} terms, {made.events} events"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
