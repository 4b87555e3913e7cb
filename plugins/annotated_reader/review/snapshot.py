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
from ..core.files import exists, read_bytes, read_text
from ..core.model import Annotation
from ..core.problems import Location, Problem, Problems
from ..core.text.segment import Block
from ..core.yamlsrc import Node, load_yaml
from ..render.templates import environment


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
    failed: str = ""  # why the loader stopped on this revision ('' when it did not)

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
    try:
        corpus, problems = load_corpus(paths)
        failed = ""
    # A revision is anything anyone committed. Whatever the loader does with it — report it,
    # or raise (a nesting too deep for the parser) — the review of the rest goes on, and
    # says what happened; a reviewer gets a report, never a traceback.
    except Exception as exc:
        failed = _why(exc)
        corpus, problems = Corpus(paths, environment()), Problems()
        problems.error(
            Location(paths.annotations),
            "review.load-failed",
            f"the editorial data of this revision could not be loaded ({failed}); "
            "the files that cannot be read are named below",
        )
    snap = Snapshot(label, corpus, problems, failed=failed)
    folder = paths.root / paths.annotations
    for path in sorted((folder / "sources").glob("*.yml")) if (folder / "sources").is_dir() else []:
        if not ID_PATTERN.fullmatch(path.stem):
            continue  # no source (the loader says so): its name is no id to review it under
        found = _declared(paths, path, snap, "annotations", path.stem, "source")
        if found is not None and found[0] is not None:
            snap.files[path.stem] = found[0]
            for entry in found[1]:
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
        rel = paths.rel(folder / name)
        found = _declared(paths, folder / name, snap, key, rel, name.removesuffix(".yml"))
        for entry in found[1] if found is not None else []:
            target.setdefault(entry.id, entry)
    return snap


def _declared(
    paths: Paths, path: Path, snap: Snapshot, key: str, owner: str, code: str
) -> tuple[dict[str, Any] | None, list[Declared]] | None:
    """A file's data as written (None when it is not a mapping) and the entries listed
    under ``key``; when it cannot be read or parsed, None, and why in ``snap.unreadable``."""
    if not exists(path):
        return None
    rel = paths.rel(path)
    problems = Problems()  # the same problems are in the corpus's list already
    try:
        text = read_text(paths, path, problems, code)
        root = load_yaml(rel, text, problems) if text is not None else None
        if root is None:
            snap.unreadable[rel] = "; ".join(
                f"{p.location}: [{p.code}] {p.message}" for p in problems.items
            )
            return None
        data = root.plain()
        return (data if isinstance(data, dict) else None), _entries(root, key, owner)
    except Exception as exc:  # see load_snapshot
        snap.unreadable[rel] = f"{rel}: {_why(exc)}"
        return None


def _why(exc: Exception) -> str:
    if isinstance(exc, RecursionError):
        return "its YAML nests too deeply to be read; flatten it"
    return f"{type(exc).__name__}: {exc}"


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
        if (
            ident is None
            or not isinstance(ident.value, str)
            or not ID_PATTERN.fullmatch(ident.value)
        ):
            continue
        line = item.location.line
        following = [n for n in others if n > line]
        if i + 1 < len(items):
            following.append(items[i + 1].location.line)
        last = min(following) - 1 if following else 10**9
        out.append(Declared(ident.value, owner, item.plain(), item.location, max(last, line)))
    return out
