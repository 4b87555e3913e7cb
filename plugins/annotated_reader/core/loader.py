"""Load the whole corpus: read every editorial file, validate, anchor, cross-check.

This is the one entry point the plugin and the command line share (through
:mod:`annotated_reader.assembly`, which names the features). It never raises on bad input:
every problem is collected with its ``file:line`` and the caller decides.

What does not load (a file that cannot be read, a note with an error) is remembered in
``Corpus.lost`` and ``Corpus.complete``, so that its one error is not echoed elsewhere as
unknown references or terms that occur nowhere.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from jinja2 import Environment

from . import keptsource
from .consistency import check_corpus as check_consistency
from .corpus import Corpus, Feature, Options, Paths, known_ids
from .fields import ID_PATTERN, listed_ids, reserved_source
from .files import declared_ids, folder_ok, read_text
from .memo import Cache
from .model import Annotation, Source
from .problems import Location, Problems
from .seedtext import read_seeds
from .sourcefile import read_source
from .text.anchoring import Span, anchor_source, spans
from .text.segment import Block, apply_layout, mark_debris, segment
from .xref import check_prose
from .yamlsrc import load_yaml


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
    """Read the seeds and every source file, anchor the notes, let each feature load its
    data, then check cross-references once every id is known; what is wrong is in the
    problems, never raised (``assembly.load_corpus`` is the entry point with defaults)."""
    problems = Problems()
    corpus = Corpus(
        paths, templates, features=features, cache=Cache(options.cache_dir, options.recalled)
    )
    seeds = read_seeds(paths, problems)
    folder = paths.root / paths.annotations / "sources"
    readable = folder_ok(paths, folder, problems)
    corpus.complete = readable
    files = sorted(folder.glob("*.yml")) if readable and folder.is_dir() else []
    if not files and readable:
        problems.error(
            Location(paths.rel(folder)),
            "source.none",
            "no source files; add annotations/sources/<source-id>.yml for each seed text",
        )
    declared: set[str] = set()  # note ids the source files write
    kept = _kept_keys(features)
    places: dict[str, tuple[list[Span], list[Span]]] = {}
    for path in files:
        read = _read_source_file(path, paths, seeds, corpus, problems, kept)
        if read is None:
            corpus.complete = False
            continue
        declared |= read.declared
        places[read.source.id] = (read.notes, read.layout)
        corpus.sources.append(read.source)
    _check_seed_use(corpus, seeds, problems)
    twice = _check_unique_ids(corpus, problems)
    for source in corpus.sources:
        anchor_source(source, problems, places[source.id])
        source.annotations = [a for a in source.annotations if a.id not in twice]
        corpus.blocks[source.id] = _blocks(source)
    corpus.lose("note", declared - {a.id for a in corpus.annotations()})
    for feature in corpus.features:
        feature.load(corpus, problems, options)
    # Features have read their own keys; the located YAML was over half of the memory a
    # loaded corpus kept for the whole build (and a quarter of it while the checks ran).
    for source in corpus.sources:
        source.node = None
    check_cross_references(corpus, problems)
    check_consistency(corpus, problems)
    return corpus, problems


def _kept_keys(features: list[Feature]) -> dict[str, frozenset[str] | None]:
    """What of each source file's YAML is kept once it is read: what the features read
    when they load, and ``seed`` (where a seed used twice is reported)."""
    kept: dict[str, frozenset[str] | None] = {"seed": None}
    for feature in features:
        for key, inner in feature.source_keys().items():
            if key not in kept:
                kept[key] = inner
            elif (known := kept[key]) is not None:
                kept[key] = None if inner is None else known | inner
    return kept


def _read_source_file(
    path: Path,
    paths: Paths,
    seeds: dict[str, str | None],
    corpus: Corpus,
    problems: Problems,
    kept: dict[str, frozenset[str] | None],
) -> keptsource.ReadFile | None:
    """One ``sources/<id>.yml`` read, validated and its quotes found (or as an earlier
    build did, see :mod:`keptsource`); None, with its ids in ``corpus.lost``, when it does
    not load."""
    rel = paths.rel(path)
    source_id = path.stem
    why = (
        None
        if ID_PATTERN.fullmatch(source_id)
        else "must be a source id of lowercase letters, digits and '-'"
    )
    why = why or reserved_source(source_id)
    if why:
        problems.error(Location(rel, 1, 1), "source.bad-id", f"file name '{path.name}': {why}")
        corpus.lose("note", declared_ids(paths, path))  # its notes are not, as it is not
        return None
    text = read_text(paths, path, problems, "source")
    memo = corpus.cache.memo(keptsource.KIND) if text is not None else None
    key = keptsource.key(memo, rel, text, kept) if memo is not None and text is not None else ""
    read = keptsource.recall(memo, key, seeds) if memo is not None else None
    if read is not None:
        problems.items.extend(read.problems)
        corpus.read_keys[source_id] = key + read.seed_hash
        return read
    found = Problems()
    # Its tree is not kept on its own: the file read is, and the next build takes that.
    root = load_yaml(rel, text, found) if text is not None else None
    source = read_source(root, source_id, rel, seeds, found) if root is not None else None
    if source is None:
        problems.extend(found)
        corpus.lose("source", {source_id})
        listed = listed_ids(root, "annotations") if root is not None else set()
        corpus.lose("note", listed or declared_ids(paths, path))
        return None
    source.node = root.only(kept) if root is not None else None
    notes, layout = spans(source)
    read = keptsource.ReadFile(
        source, listed_ids(root, "annotations"), notes, layout, list(found.items)
    )
    if memo is not None:
        keptsource.keep(memo, key, read)
        corpus.read_keys[source_id] = key + read.seed_hash
    problems.extend(found)
    return read


def _check_seed_use(corpus: Corpus, seeds: dict[str, str | None], problems: Problems) -> None:
    """One source file per seed: a seed named twice is reported at each ``seed:``, naming
    the other files; a seed no file names is not published (said once every file loaded)."""
    users: dict[str, list[Source]] = {}
    for source in corpus.sources:
        users.setdefault(source.seed, []).append(source)
    for seed, sources in users.items():
        for source in sources if len(sources) > 1 else []:
            others = ", ".join(s.path for s in sources if s is not source)
            node = source.node.get("seed") if source.node is not None else None
            problems.error(
                node.location if node is not None else source.location,
                "source.seed-reused",
                f"seed '{seed}' is also annotated by {others}; one source file per seed: "
                "merge the files, or point each at its own seed",
            )
    if not corpus.complete:
        return  # the file that did not load may be the one naming it
    for name in seeds:
        if name not in users:
            problems.warning(
                Location(f"{corpus.paths.seeds}/{name}", 1, 1),
                "seed.unused",
                "no source file names this seed, so it is not published; add "
                f"annotations/sources/<source-id>.yml with 'seed: {name}'",
            )


def _check_unique_ids(corpus: Corpus, problems: Problems) -> set[str]:
    """Note ids used more than once, each reported at every use, naming the others: none
    of those notes is kept, since none is more the note than the others."""
    uses: dict[str, list[Annotation]] = {}
    for ann in corpus.annotations():
        uses.setdefault(ann.id, []).append(ann)
    twice = {ident for ident, anns in uses.items() if len(anns) > 1}
    for ident in sorted(twice):
        for ann in uses[ident]:
            others = ", ".join(str(a.location) for a in uses[ident] if a is not ann)
            problems.error(
                ann.location,
                "annotation.duplicate-id",
                f"annotation id '{ident}' is also used at {others}; ids are unique in the whole "
                "corpus: give each note its own id (none of them is published until then)",
            )
    return twice


def _blocks(source: Source) -> list[Block]:
    blocks = segment(source.text)
    apply_layout(blocks, [(r.role, r.start, r.end) for r in source.layout if r.start >= 0])
    mark_debris(blocks, [(a.start, a.end) for a in source.annotations if a.kind == "debris"])
    return blocks


def check_cross_references(corpus: Corpus, problems: Problems) -> None:
    """Every ``[[…]]`` in the corpus's Markdown must be well-formed and name something that
    exists, or something whose file did not load (its own error stands)."""
    known = known_ids(corpus)
    files: dict[str, list[str]] = {}

    def lines_of(path: str) -> list[str]:
        if path not in files:
            try:
                text = (corpus.paths.root / path).read_text(encoding="utf-8", errors="replace")
            except OSError:  # gone since it was read: the line alone still says where
                text = ""
            files[path] = [ln.rstrip("\r") for ln in text.removeprefix("\ufeff").split("\n")]
        return files[path]

    for prose in corpus.prose():
        check_prose(prose, known, corpus.lost, problems, lines_of)
