"""One revision of the editorial data, loaded for comparison with another.

:func:`corpus.load_corpus` gives what the site would publish (valid, anchored notes) and
every problem; the YAML as written gives what editors declared, including notes that did
not load or anchor. A review compares both by id, so a note that breaks is reported as
orphaned with the loader's reason rather than looking deleted.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..assembly import load_corpus
from ..core.corpus import Corpus, Paths
from ..core.fields import ID_PATTERN
from ..core.files import exists, read_bytes
from ..core.model import Annotation
from ..core.problems import Location, Problem, Problems
from ..core.segment import Block
from ..core.yamlsrc import Node, load_yaml


@dataclass(frozen=True)
class Declared:
    """An entry as written in its file: a note, a term or an event."""

    id: str
    owner: str  # the source id of a note; the file's path for terms and events
    data: dict[str, Any]
    location: Location
    last_line: int  # the entry spans location.line … last_line of its file


@dataclass
class Snapshot:
    """A revision's corpus, its problems, and the entries as declared."""

    label: str
    corpus: Corpus
    problems: Problems
    notes: dict[str, Declared] = field(default_factory=dict)
    files: dict[str, dict[str, Any]] = field(default_factory=dict)  # source id → file data
    seeds: dict[str, str] = field(default_factory=dict)
    terms: dict[str, Declared] = field(default_factory=dict)
    events: dict[str, Declared] = field(default_factory=dict)
    unreadable: dict[str, str] = field(default_factory=dict)  # file path → its YAML error

    def unread(self, path: str) -> str:
        """Why ``path`` could not be read at all ('' when it was read)."""
        return self.unreadable.get(path, "")

    def anchored(self) -> dict[str, Annotation]:
        return self.corpus.annotation_index()

    def blocks(self, source_id: str) -> list[Block]:
        return self.corpus.blocks.get(source_id, [])

    def text_of(self, source_id: str) -> str | None:
        source = self.corpus.source(source_id)
        if source is not None:
            return source.text
        seed = self.files.get(source_id, {}).get("seed")
        return self.seeds.get(seed) if isinstance(seed, str) else None

    def problems_of(self, entry: Declared) -> list[Problem]:
        """Problems reported inside ``entry``'s lines of its file."""
        loc = entry.location
        return [
            p
            for p in self.problems.sorted()
            if p.location.path == loc.path and loc.line <= p.location.line <= entry.last_line
        ]

    def title(self, source_id: str) -> str:
        source = self.corpus.source(source_id)
        if source is not None:
            return source.title
        meta = self.files.get(source_id, {}).get("metadata")
        title = meta.get("title") if isinstance(meta, dict) else None
        value = title.get("value") if isinstance(title, dict) else None
        return str(value) if value else source_id


def load_snapshot(paths: Paths, label: str) -> Snapshot:
    """Load a revision's data; never raises on bad input (problems are collected)."""
    corpus, problems = load_corpus(paths)
    snap = Snapshot(label, corpus, problems)
    folder = paths.root / paths.annotations
    for path in sorted((folder / "sources").glob("*.yml")) if (folder / "sources").is_dir() else []:
        root = _read(paths, path, snap)
        if root is None or not root.is_mapping:
            continue
        snap.files[path.stem] = root.plain()
        for entry in _entries(root, "annotations", path.stem):
            snap.notes.setdefault(entry.id, entry)
    seeds = paths.root / paths.seeds
    for path in sorted(seeds.iterdir()) if seeds.is_dir() else []:
        data = read_bytes(paths, path, Problems()) if not path.is_dir() else None
        if data is not None:  # a link is refused (the corpus's problems say so)
            snap.seeds[path.name] = data.decode("utf-8", "replace")
    for name, key, target in (
        ("glossary.yml", "terms", snap.terms),
        ("events.yml", "events", snap.events),
    ):
        root = _read(paths, folder / name, snap)
        if root is None:
            continue
        rel = paths.rel(folder / name)
        for entry in _entries(root, key, rel):
            target.setdefault(entry.id, entry)
    return snap


def _read(paths: Paths, path: Path, snap: Snapshot) -> Node | None:
    """The file's located YAML; when it cannot be parsed, say why in ``snap.unreadable``."""
    if not exists(path):
        return None
    rel = paths.rel(path)
    problems = Problems()  # the same problems are in the corpus's list already
    data = read_bytes(paths, path, problems)
    root = load_yaml(rel, data.decode("utf-8", "replace"), problems) if data is not None else None
    if root is None:
        snap.unreadable[rel] = "; ".join(
            f"{p.location}: [{p.code}] {p.message}" for p in problems.items
        )
    return root


def _entries(root: Node, key: str, owner: str) -> list[Declared]:
    """Items of the list under ``key`` that have a valid id, with the lines each spans."""
    node = root.get(key)
    items = node.value if node is not None and node.is_sequence else []
    others = [
        v.location.line for k, v in (root.value.items() if root.is_mapping else []) if k != key
    ]
    out: list[Declared] = []
    for i, item in enumerate(items):
        ident = item.get("id") if item.is_mapping else None
        if ident is None or not isinstance(ident.value, str) or not ID_PATTERN.match(ident.value):
            continue
        line = item.location.line
        following = [n for n in others if n > line]
        if i + 1 < len(items):
            following.append(items[i + 1].location.line)
        last = min(following) - 1 if following else 10**9
        out.append(Declared(ident.value, owner, item.plain(), item.location, max(last, line)))
    return out
