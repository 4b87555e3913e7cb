"""The report's first list after the summary: every verdict and grade this change moves.

A verdict is the one line a reader remembers of a fact-check, and a grade the one letter of
a source; a change to either is the editorial decision a reviewer must see first, with the
reason the note's own history gives, not found field by field among the notes below.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from ..core.vocabulary.verdicts import VERDICTS
from .diff import NoteReview, SourceReview
from .md import code, esc


@dataclass(frozen=True)
class VerdictChange:
    """One fact-check whose verdict differs between base and head."""

    note_id: str
    source_id: str
    before: str
    after: str
    why: str  # the history line added by this change, or ""


def _label(verdict: Any) -> str:
    known = VERDICTS.get(verdict) if isinstance(verdict, str) else None
    return known.label if known else str(verdict)


def _new_history(before: Mapping[str, Any], after: Mapping[str, Any]) -> str:
    """What the head's history adds to the base's, one line (the editors' own words)."""
    old = before.get("history") or []
    new = after.get("history") or []
    if not isinstance(new, list):
        return ""
    added = [h for h in new if h not in (old if isinstance(old, list) else [])]
    texts = [str(h.get("what", "")) for h in added if isinstance(h, dict) and h.get("what")]
    return " ".join(texts)


def verdict_changes(notes: list[NoteReview]) -> list[VerdictChange]:
    """Notes present on both sides whose verdict differs (added or removed fact-checks are
    counted in the summary table and listed with their notes)."""
    out = []
    for note in notes:
        if note.before is None or note.after is None:
            continue
        was, now = note.before.data.get("verdict"), note.after.data.get("verdict")
        if was != now:
            out.append(
                VerdictChange(
                    note.id,
                    note.source_id,
                    _label(was) if was is not None else "no verdict",
                    _label(now) if now is not None else "no verdict",
                    _new_history(note.before.data, note.after.data),
                )
            )
    return sorted(out, key=lambda c: (c.source_id, c.note_id))


def grade_changes(sources: list[SourceReview]) -> list[tuple[str, Any, Any]]:
    """(source id, grade before, grade after) for each source whose grade moved."""
    return [
        (src.id, c.before, c.after)
        for src in sources
        for c in src.rating
        if c.path in ("rating.grade", "rating") and _grade(c.before) != _grade(c.after)
    ]


def _grade(value: Any) -> Any:
    return value.get("grade") if isinstance(value, dict) else value


def section(notes: list[NoteReview], sources: list[SourceReview]) -> list[str]:
    """The Markdown section, or nothing when no verdict and no grade moved."""
    verdicts = verdict_changes(notes)
    grades = grade_changes(sources)
    if not verdicts and not grades:
        return []
    counts = f"{len(verdicts)} verdict(s), {len(grades)} grade(s)"
    out = [f"### Verdicts and grades changed ({counts})", ""]
    if verdicts:
        out += ["| note | source | before → after | why (the note's history) |"]
        out += ["| --- | --- | --- | --- |"]
        for c in verdicts:
            why = esc(c.why) if c.why else "— no history line: say why in `history`"
            out.append(
                f"| {code(c.note_id)} | {code(c.source_id)} | **{esc(c.before)}** → "
                f"**{esc(c.after)}** | {why} |"
            )
        out.append("")
    for source_id, before, after in grades:
        out.append(
            f"- Grade of {code(source_id)}: **{esc(str(_grade(before)))}** → "
            f"**{esc(str(_grade(after)))}**"
        )
    if grades:
        out.append("")
    return out
