"""What changed between two snapshots, compared by id: notes, sources, terms, events.

Pure functions over :class:`review_snapshot.Snapshot`; every list comes out in a stable
order, so the same two revisions always give the same report.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field
from typing import Any

from ..core.model import Annotation
from ..core.problems import Problem
from ..core.text.anchor import line_col
from .snapshot import Declared, Snapshot

MISSING: Any = None  # shown as "—": the field was absent


@dataclass(frozen=True)
class FieldChange:
    path: str  # dotted field path, e.g. "quote.exact" or "rating.criteria.clean-text.met"
    before: Any
    after: Any


@dataclass
class NoteReview:
    """One note that was added, changed, removed, re-anchored or orphaned."""

    id: str
    source_id: str
    status: str  # added | changed | removed | re-anchored | orphaned
    before: Declared | None = None
    after: Declared | None = None
    changes: list[FieldChange] = field(default_factory=list)
    was: Annotation | None = None  # anchored in the base
    now: Annotation | None = None  # anchored in the head
    orphan: str = ""  # why it does not anchor (or load) in the head
    why: list[Problem] = field(default_factory=list)  # the loader's errors about it

    @property
    def declared(self) -> Declared:
        found = self.after or self.before
        assert found is not None
        return found


@dataclass
class SourceReview:
    id: str
    title: str
    status: str = ""  # added | removed | unreadable (cannot be parsed in the head) | ""
    seed: str = ""
    seed_lines: tuple[int, int] | None = None  # lines added, removed when the text changed
    notes: list[NoteReview] = field(default_factory=list)
    metadata: list[FieldChange] = field(default_factory=list)
    rating: list[FieldChange] = field(default_factory=list)

    def count(self, status: str) -> int:
        if status == "orphaned":
            return sum(1 for n in self.notes if n.orphan)
        return sum(1 for n in self.notes if n.status == status)

    @property
    def changed(self) -> bool:
        return bool(self.status or self.seed_lines or self.notes or self.metadata or self.rating)


@dataclass
class EntryReview:
    """A glossary term or a timeline event that was added, changed or removed."""

    id: str
    status: str
    before: Declared | None
    after: Declared | None
    changes: list[FieldChange] = field(default_factory=list)


@dataclass(frozen=True)
class Flag:
    """An event's agreement flag: on the timeline or not, disputed or not."""

    event_id: str
    title: str
    state: str  # agree | disputed | absent
    claims: tuple[tuple[str, str, str, bool], ...] = ()  # source, note, date, off reference


def normalise(data: dict[str, Any]) -> dict[str, Any]:
    """A plain quote string is the same as {exact: …}."""
    if isinstance(data.get("quote"), str):
        return {**data, "quote": {"exact": data["quote"]}}
    return data


def field_changes(before: Any, after: Any, path: str = "") -> list[FieldChange]:
    """Leaf-level differences of two mappings; lists and scalars compare whole."""
    if isinstance(before, dict) and isinstance(after, dict):
        out: list[FieldChange] = []
        keys = list(before) + [k for k in after if k not in before]
        for key in keys:
            sub = f"{path}.{key}" if path else str(key)
            out += field_changes(before.get(key, MISSING), after.get(key, MISSING), sub)
        return out
    return [] if before == after else [FieldChange(path, before, after)]


def review_notes(base: Snapshot, head: Snapshot) -> list[NoteReview]:
    """Every note that differs, by id, in id order."""
    was_at, now_at = base.anchored(), head.anchored()
    out: list[NoteReview] = []
    for ident in sorted(set(base.notes) | set(head.notes)):
        before, after = base.notes.get(ident), head.notes.get(ident)
        owner = after.owner if after is not None else before.owner if before is not None else ""
        note = NoteReview(
            ident, owner, "", before, after, was=was_at.get(ident), now=now_at.get(ident)
        )
        if after is not None and before is None and base.unread(after.location.path):
            continue  # its file cannot be read in the base: not compared, never called new
        if after is not None and note.now is None:
            note.orphan, note.why = orphan_reason(head, after)
        unread = head.unread(before.location.path) if before is not None and after is None else ""
        if unread:  # the file is there but cannot be parsed: its notes are not gone
            note.after, note.status = before, "orphaned"
            note.orphan = f"its file cannot be read in the head — {unread}"
        elif before is None:
            note.status = "added"
        elif after is None:
            note.status = "removed"
        else:
            old, new = normalise(before.data), normalise(after.data)
            if before.owner != after.owner:
                old, new = {"source": before.owner, **old}, {"source": after.owner, **new}
            note.changes = field_changes(old, new)
            if note.changes:
                note.status = "changed"
            elif _moved(note) and not base.failed:  # a base that did not load anchors nothing
                note.status = "re-anchored"
            elif note.orphan:
                note.status = "orphaned"
        if note.status:
            out.append(note)
    return out


def _moved(note: NoteReview) -> bool:
    was, now = note.was, note.now
    if now is None:
        return False
    return was is None or (was.start, was.end) != (now.start, now.end)


def orphan_reason(head: Snapshot, entry: Declared) -> tuple[str, list[Problem]]:
    """Why a declared note is not on its text, and the loader's errors that say so."""
    problems = [p for p in head.problems_of(entry) if p.severity.value == "error"]
    anchor = [p for p in problems if p.code.startswith("anchor.")]
    if anchor:
        kind = {
            "anchor.missing": "matches no passage exactly"
            if "closest passage" in anchor[0].message
            else "matches nothing",
            "anchor.ambiguous": "matches several places",
            "anchor.context": "its prefix/suffix fit no match",
        }.get(anchor[0].code, "fails to anchor")
        return kind, anchor[:1]
    if problems:
        return "did not load", problems
    if head.corpus.source(entry.owner) is None:
        return f"its source '{entry.owner}' did not load (see the problems above)", []
    return "did not load (see the problems above)", []


def review_sources(base: Snapshot, head: Snapshot, notes: list[NoteReview]) -> list[SourceReview]:
    """Each source file of either side: added, removed or unreadable, its text, metadata
    and rating changes, and its notes' reviews."""
    out = []
    for ident in sorted(set(base.files) | set(head.files)):
        old, new = base.files.get(ident), head.files.get(ident)
        src = SourceReview(ident, head.title(ident) if new is not None else base.title(ident))
        src.status = "added" if old is None else "removed" if new is None else ""
        if new is None and head.unread(f"{head.corpus.paths.annotations}/sources/{ident}.yml"):
            src.status = "unreadable"
        if old is None and base.unread(f"{base.corpus.paths.annotations}/sources/{ident}.yml"):
            src.status = "unreadable in the base"
        src.notes = [n for n in notes if n.source_id == ident]
        data = new if new is not None else old or {}
        src.seed = str(data.get("seed", ""))
        before_text, after_text = base.text_of(ident), head.text_of(ident)
        if not src.status and before_text is not None and after_text is not None:
            if before_text != after_text:
                src.seed_lines = _line_delta(before_text, after_text)
        if old is not None and new is not None:
            src.metadata = field_changes(
                {"seed": old.get("seed"), "metadata": old.get("metadata")},
                {"seed": new.get("seed"), "metadata": new.get("metadata")},
            )
            src.rating = field_changes({"rating": old.get("rating")}, {"rating": new.get("rating")})
        out.append(src)
    return out


def _line_delta(before: str, after: str) -> tuple[int, int]:
    added = removed = 0
    for line in difflib.ndiff(before.splitlines(), after.splitlines()):
        added += line.startswith("+ ")
        removed += line.startswith("- ")
    return added, removed


def review_entries(
    base: dict[str, Declared], head: dict[str, Declared], unread: str = "", unread_base: str = ""
) -> list[EntryReview]:
    """Terms or events by id; none are reported removed from a file that cannot be read in
    the head, nor added to one that cannot be read in the base."""
    out = []
    for ident in sorted(set(base) | set(head)):
        before, after = base.get(ident), head.get(ident)
        if (after is None and unread) or (before is None and unread_base):
            continue
        if before is None or after is None:
            out.append(EntryReview(ident, "added" if before is None else "removed", before, after))
            continue
        changes = field_changes(before.data, after.data)
        if changes:
            out.append(EntryReview(ident, "changed", before, after, changes))
    return out


def flags(snap: Snapshot) -> dict[str, Flag]:
    """Each timeline event's agreement flag, from the Timeline feature of the snapshot."""
    from ..timeline.feature import Timeline

    feature = snap.corpus.feature("timeline")
    if not isinstance(feature, Timeline):
        return {}
    out = {}
    for event in feature.events:
        agreement = event.agreement()
        claims = tuple(
            sorted(
                (
                    p.source.id,
                    p.annotation.id,
                    p.date,
                    p.annotation.id in agreement.off_reference,
                )
                for p in event.passages
            )
        )
        state = "disputed" if agreement.disputed else "agree"
        out[event.id] = Flag(event.id, event.title, state, claims)
    return out


def flag_changes(base: Snapshot, head: Snapshot) -> list[tuple[Flag | None, Flag | None]]:
    """Events whose flag differs: disputed in one revision only (or no longer on it)."""
    old, new = flags(base), flags(head)
    out = []
    for ident in sorted(set(old) | set(new)):
        a, b = old.get(ident), new.get(ident)
        states = {a.state if a else "absent", b.state if b else "absent"}
        if len(states) == 2 and states != {"absent", "agree"}:  # a new or gone agreement is no flag
            out.append((a, b))
    return out


def position(text: str | None, ann: Annotation | None) -> str:
    """``line:col`` of an anchored note in its seed text, '' when not anchored."""
    if text is None or ann is None or ann.start < 0:
        return ""
    return "{}:{}".format(*line_col(text, ann.start))
