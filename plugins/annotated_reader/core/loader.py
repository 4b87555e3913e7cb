"""Load the whole corpus: read every editorial file, validate, anchor, cross-check.

This is the one entry point the plugin and the command line share (through
:mod:`annotated_reader.assembly`, which names the features). It never raises on bad input:
every problem is collected with its ``file:line`` and the caller decides.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

from jinja2 import Environment

from .anchor import (
    AnchorResult,
    Outcome,
    disambiguating_context,
    line_col,
    match_quote,
)
from .corpus import Corpus, Feature, Options, Paths, known_ids
from .fields import ID_PATTERN, suggest
from .files import folder_ok, read_text
from .markup import find_refs
from .model import Annotation, Quote, Source
from .problems import Location, Problems
from .segment import Block, apply_layout, mark_debris, segment
from .sourcefile import read_source
from .yamlsrc import load_yaml


def read_seeds(paths: Paths, problems: Problems) -> dict[str, str]:
    seeds: dict[str, str] = {}
    folder = paths.root / paths.seeds
    if not folder_ok(paths, folder, problems):
        return seeds
    if not folder.is_dir():
        problems.error(Location(paths.seeds), "seed.missing-folder", f"no folder '{paths.seeds}/'")
        return seeds
    for path in sorted(folder.iterdir()):
        if path.name.startswith(".") or (path.is_dir() and not path.is_symlink()):
            continue
        text = read_text(paths, path, problems, "seed")
        if text is not None:
            seeds[path.name] = text
    return seeds


@contextmanager
def _gc_paused() -> Iterator[None]:
    """Loading makes a large tree of small objects that all stay alive (located YAML, notes);
    the cyclic collector would scan it again and again while it grows, for a third of the
    load time, and find nothing to free."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


@_gc_paused()
def load_corpus(
    paths: Paths, options: Options, features: list[Feature], templates: Environment
) -> tuple[Corpus, Problems]:
    problems = Problems()
    corpus = Corpus(paths, templates, features=features)
    seeds = read_seeds(paths, problems)
    folder = paths.root / paths.annotations / "sources"
    readable = folder_ok(paths, folder, problems)
    files = sorted(folder.glob("*.yml")) if readable and folder.is_dir() else []
    if not files and readable:
        problems.error(
            Location(paths.rel(folder)),
            "source.none",
            "no source files; add annotations/sources/<source-id>.yml for each seed text",
        )
    for path in files:
        rel = paths.rel(path)
        source_id = path.stem
        if not ID_PATTERN.match(source_id):
            problems.error(
                Location(rel, 1, 1),
                "source.bad-id",
                f"file name '{path.name}' must be a source id of lowercase letters, digits and '-'",
            )
            continue
        text = read_text(paths, path, problems, "source")
        root = load_yaml(rel, text, problems) if text is not None else None
        if root is None:
            continue
        source = read_source(root, source_id, rel, seeds, problems)
        if source is not None:
            corpus.sources.append(source)
    _check_seed_use(corpus, seeds, problems)
    _check_unique_ids(corpus, problems)
    for source in corpus.sources:
        _anchor_source(source, problems)
        corpus.blocks[source.id] = _blocks(source)
    for feature in corpus.features:
        feature.load(corpus, problems, options)
    check_cross_references(corpus, known_ids(corpus), problems)
    # Features have read their own keys; the located YAML was over half of the memory a
    # loaded corpus kept for the whole build.
    for source in corpus.sources:
        source.node = None
    return corpus, problems


def _check_seed_use(corpus: Corpus, seeds: dict[str, str], problems: Problems) -> None:
    used: dict[str, Source] = {}
    for source in corpus.sources:
        if source.seed in used:
            problems.error(
                source.location,
                "source.seed-reused",
                f"seed '{source.seed}' is already annotated by {used[source.seed].path}; "
                "one source file per seed",
            )
        used.setdefault(source.seed, source)
    for name in seeds:
        if name not in used:
            problems.warning(
                Location(f"{corpus.paths.seeds}/{name}"),
                "seed.unused",
                "no source file names this seed, so it is not published; add "
                f"annotations/sources/<source-id>.yml with 'seed: {name}'",
            )


def _check_unique_ids(corpus: Corpus, problems: Problems) -> None:
    seen: dict[str, Annotation] = {}
    for source in corpus.sources:
        kept = []
        for ann in source.annotations:
            first = seen.get(ann.id)
            if first is not None:
                problems.error(
                    ann.location,
                    "annotation.duplicate-id",
                    f"annotation id '{ann.id}' is already used at {first.location}; "
                    "give this note its own id",
                )
                continue
            seen[ann.id] = ann
            kept.append(ann)
        source.annotations = kept


def describe_anchor_failure(text: str, quote: Quote, result: AnchorResult) -> str:
    """The editor's message for a quote that did not anchor to exactly one place."""
    short = quote.exact if len(quote.exact) <= 60 else quote.exact[:57] + "…"
    if result.outcome is Outcome.AMBIGUOUS:
        places = []
        for m in result.candidates[:8]:
            line, col = line_col(text, m.start)
            pre, suf = disambiguating_context(text, m, result.candidates)
            hint = f"prefix: {pre!r}" if pre else f"suffix: {suf!r}" if suf else "no short context"
            places.append(f"{line}:{col} ({hint})")
        return (
            f"quote “{short}” matches {len(result.candidates)} places in the seed: "
            + "; ".join(places)
            + (f"; and {len(result.candidates) - 8} more" if len(result.candidates) > 8 else "")
            + "; add the prefix or suffix that picks the one you mean"
        )
    if result.outcome is Outcome.CONTEXT:
        where = ", ".join("{}:{}".format(*line_col(text, m.start)) for m in result.candidates)
        return (
            f"quote “{short}” occurs at {where}, but its prefix/suffix fit none of them; "
            "copy the prefix and suffix from the text right around the passage"
        )
    closest = result.closest
    if closest is None:
        return f"quote “{short}” matches nothing in the seed; copy it from the text"
    line, col = line_col(text, closest.start)
    passage = " ".join(text[closest.start : closest.end].split())
    passage = passage if len(passage) <= 80 else passage[:77] + "…"
    return (
        f"quote “{short}” matches nothing in the seed; the closest passage is at {line}:{col} "
        f"(similarity {closest.score:.0%}): “{passage}” — copy the quote from there "
        "(fuzzy matches are never accepted)"
    )


def _anchor_source(source: Source, problems: Problems) -> None:
    where = f"seeds/{source.seed}"
    anchored = []
    for ann in source.annotations:
        result = match_quote(source.text, ann.quote)
        if result.outcome is Outcome.FOUND and result.match:
            ann.start, ann.end = result.match.start, result.match.end
            anchored.append(ann)
            continue
        code = {
            Outcome.AMBIGUOUS: "anchor.ambiguous",
            Outcome.CONTEXT: "anchor.context",
            Outcome.MISSING: "anchor.missing",
        }[result.outcome]
        problems.error(
            ann.location,
            code,
            f"annotation '{ann.id}': "
            + describe_anchor_failure(source.text, ann.quote, result)
            + f" ({where})",
        )
    source.annotations = anchored
    for rule in source.layout:
        result = match_quote(source.text, rule.quote)
        if result.outcome is Outcome.FOUND and result.match:
            rule.start, rule.end = result.match.start, result.match.end
            continue
        problems.error(
            rule.location,
            "layout." + result.outcome.value,
            f"layout rule '{rule.role}': "
            + describe_anchor_failure(source.text, rule.quote, result),
        )


def _blocks(source: Source) -> list[Block]:
    blocks = segment(source.text)
    apply_layout(blocks, [(r.role, r.start, r.end) for r in source.layout if r.start >= 0])
    mark_debris(blocks, [(a.start, a.end) for a in source.annotations if a.kind == "debris"])
    return blocks


def check_cross_references(corpus: Corpus, known: dict[str, set[str]], problems: Problems) -> None:
    """Every ``[[…]]`` in a note body must name something that exists."""
    for ann in corpus.annotations():
        for ref in find_refs(ann.body):
            if ref.id not in known.get(ref.namespace, set()):
                hint = suggest(ref.id, known.get(ref.namespace, set()))
                problems.error(
                    Location(ann.location.path, ann.body_line + ref.line_offset, 1),
                    "xref.unknown",
                    f"annotation '{ann.id}' links to unknown {ref.namespace} '{ref.id}'"
                    f"{hint}; use an id that exists: [[note-id]], [[source:id]], [[term:id]] "
                    "or [[event:id]]",
                )
