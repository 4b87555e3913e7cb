"""The review report: Markdown a reviewer reads in a pull-request comment or job summary.

Order: the check's verdict on the head, a summary table per source, the problems, then per
source every added, changed, removed, re-anchored and orphaned note, then glossary, events,
timeline agreement. Every quoted text is escaped (see :mod:`review_md`).
"""

from __future__ import annotations

from ..core.problems import Problem
from .diff import (
    EntryReview,
    Flag,
    NoteReview,
    SourceReview,
    flag_changes,
    flags,
    position,
    review_entries,
    review_notes,
    review_sources,
)
from .md import code, esc, value
from .note import Claims, changes, note, orphan, problem
from .snapshot import Snapshot
from .verdicts import section as verdicts_section

COLUMNS = ("added", "changed", "removed", "re-anchored", "orphaned")
MARKER = "<!-- annotated-reader review -->"  # lets CI find and update its own comment


def render(base: Snapshot, head: Snapshot) -> str:
    """The pull-request comment in Markdown: verdict, summary, problems, then each changed
    source's notes in reading order."""
    notes = review_notes(base, head)
    sources = review_sources(base, head, notes)
    glossary, events_file = (
        f"{base.corpus.paths.annotations}/{n}" for n in ("glossary.yml", "events.yml")
    )
    terms = review_entries(base.terms, head.terms, head.unread(glossary), base.unread(glossary))
    events = review_entries(
        base.events, head.events, head.unread(events_file), base.unread(events_file)
    )
    flipped = flag_changes(base, head)
    claims: Claims = {c[1]: (f.event_id, c[3]) for f in flags(head).values() for c in f.claims}
    out = [MARKER, f"## Annotation review: {code(base.label)} → {code(head.label)}", ""]
    out += _verdict(base, head)
    out += _summary(sources, terms, events, flipped)
    out += verdicts_section(notes, sources)
    out += _problems(base, head)
    out += _unreadable(base, head)
    for src in sources:
        if src.changed:
            out += _source(src, base, head, claims)
    out += _entries("Glossary", "term", terms)
    out += _entries("Events", "event", events)
    out += _flags(flipped)
    return "\n".join(out).rstrip() + "\n"


def _unreadable(base: Snapshot, head: Snapshot) -> list[str]:
    """Files one revision cannot read: their entries are not compared (so none is said to
    be added or removed), and why."""
    out = []
    for snap, side in ((base, "base"), (head, "head")):
        if snap.failed:
            out += [
                f"**The {side}'s editorial data could not be loaded** ({esc(snap.failed)}), "
                "so no note is shown as anchored in it; entries are compared as written.",
                "",
            ]
        for path, why in sorted(snap.unreadable.items()):
            out += [
                f"**{code(path)} cannot be read in the {side}**, so its entries are not "
                f"compared: {esc(why)}",
                "",
            ]
    return out


def _key(p: Problem) -> tuple[str, str, str]:
    return (p.location.path, p.code, p.message)


def _verdict(base: Snapshot, head: Snapshot) -> list[str]:
    errors, warnings = len(head.problems.errors), len(head.problems.warnings)
    old = {_key(p) for p in base.problems.items}
    new = sum(1 for p in head.problems.errors if _key(p) not in old)
    if errors:
        line = f"**✗ `annotated-reader check` fails on the head: {errors} error(s)"
        line += f" ({new} new in this change)" if new != errors else ""
        line += f", {warnings} warning(s).** The report shows what could be loaded."
    else:
        line = f"**✓ `annotated-reader check` passes on the head** ({warnings} warning(s))."
    if base.problems.errors:
        line += f" The base had {len(base.problems.errors)} error(s) of its own."
    return [line, ""]


def _summary(
    sources: list[SourceReview],
    terms: list[EntryReview],
    events: list[EntryReview],
    flags: list[tuple[Flag | None, Flag | None]],
) -> list[str]:
    out = ["### Summary", "", "| source | " + " | ".join(COLUMNS) + " |"]
    out.append("| --- |" + " ---: |" * len(COLUMNS))
    totals = [0] * len(COLUMNS)
    for src in sources:
        counts = [src.count(c) for c in COLUMNS]
        totals = [a + b for a, b in zip(totals, counts, strict=True)]
        note = f" ({src.status})" if src.status else ""
        out.append(f"| {esc(src.id)}{note} | " + " | ".join(str(n) for n in counts) + " |")
    out.append("| **total** | " + " | ".join(f"**{n}**" for n in totals) + " |")
    out.append("")
    extra = [
        _tally("glossary term", terms),
        _tally("timeline event", events),
        f"{len(flags)} event(s) whose agreement flag changed" if flags else "",
        _tally_sources(sources),
    ]
    extra = [e for e in extra if e]
    out += (
        ["Also: " + "; ".join(extra) + ".", ""]
        if extra
        else ["No glossary, event or rating changes.", ""]
    )
    return out


def _tally(what: str, entries: list[EntryReview]) -> str:
    parts = [f"{sum(e.status == s for e in entries)} {s}" for s in ("added", "changed", "removed")]
    return f"{what}s: " + ", ".join(p for p in parts if not p.startswith("0 ")) if entries else ""


def _tally_sources(sources: list[SourceReview]) -> str:
    rated = [s.id for s in sources if s.rating]
    texts = [s.id for s in sources if s.seed_lines]
    parts = [f"rating changed for {', '.join(rated)}" if rated else ""]
    parts.append(f"source text changed for {', '.join(texts)}" if texts else "")
    return "; ".join(p for p in parts if p)


def _problems(base: Snapshot, head: Snapshot) -> list[str]:
    """Every error; warnings the base had too are folded away."""
    items = head.problems.sorted()
    if not items:
        return []
    old = {_key(p) for p in base.problems.items}
    known = [p for p in items if p.severity.value == "warning" and _key(p) in old]
    out = ["### Problems in the head", ""]
    for p in items:
        if p not in known:
            out.append(f"- {problem(p)}" + ("" if _key(p) in old else " — **new**"))
    if len(known) < len(items):
        out.append("")
    if known:
        out += [f"<details><summary>{len(known)} warning(s) the base has too</summary>", ""]
        out += [f"- {problem(p)}" for p in known] + ["", "</details>"]
    return out + [""]


def _source(src: SourceReview, base: Snapshot, head: Snapshot, claims: Claims) -> list[str]:
    status = f" — source {src.status}" if src.status else ""
    out = [f"### {esc(src.id)}: {esc(src.title)}{status}", ""]
    if src.status == "unreadable in the base":
        count = sum(1 for n in head.notes.values() if n.owner == src.id)
        out += [
            f"Its file cannot be read in the base (see above), so its {count} note(s) in the "
            "head are not compared with the base; none is counted as added.",
            "",
        ]
    if src.seed_lines:
        plus, minus = src.seed_lines
        out += [
            f"The source text {code('seeds/' + src.seed)} changed: +{plus} −{minus} line(s).",
            "",
        ]
    out += changes("Metadata", src.metadata)
    out += changes("Rating", src.rating)
    for status, title in (("added", "Added"), ("changed", "Changed"), ("removed", "Removed")):
        notes = sorted((n for n in src.notes if n.status == status), key=_reading_order)
        if notes:
            out += [f"#### {title}", ""]
            for item in notes:
                out += note(item, base, head, claims)
    moved = [n for n in src.notes if n.status == "re-anchored"]
    if moved:
        out += ["#### Re-anchored (the text moved under an unchanged quote)", ""]
        for n in moved:
            was = position(base.text_of(n.source_id), n.was) or "did not anchor"
            now = position(head.text_of(n.source_id), n.now)
            out.append(f"- {code(n.id)}: {code('seeds/' + src.seed)} {was} → {now}")
        out.append("")
    orphans = [n for n in src.notes if n.orphan]
    if orphans:
        out += ["#### Orphaned (declared, but not on the text in the head)", ""]
        for n in orphans:
            was = position(base.text_of(n.source_id), n.was)
            history = f"anchored at {was} in the base" if was else "not anchored in the base either"
            out.append(f"- {code(n.id)} ({n.status}; {history}): {orphan(n)}")
        out.append("")
    return out


def _reading_order(item: NoteReview) -> tuple[int, str]:
    """Notes in the order a reader meets their passages; unanchored ones last, by id."""
    ann = item.now or item.was
    return (ann.start if ann is not None else 10**12, item.id)


def _entries(title: str, what: str, entries: list[EntryReview]) -> list[str]:
    if not entries:
        return []
    out = [f"### {title}", ""]
    for e in entries:
        entry = e.after or e.before
        assert entry is not None
        name = entry.data.get("term") or entry.data.get("title") or e.id
        out += [
            f"#### {what} {code(e.id)} {e.status}: {esc(str(name))}",
            "",
            code(str(entry.location)),
            "",
        ]
        if e.status == "changed":
            out += changes("", e.changes)
        else:
            out += [f"- {code(k)}: {value(v)}" for k, v in entry.data.items() if k != "id"] + [""]
    return out


def _flags(flags: list[tuple[Flag | None, Flag | None]]) -> list[str]:
    if not flags:
        return []
    out = ["### Timeline agreement", ""]
    for old, new in flags:
        flag = new or old
        assert flag is not None
        before, after = (old.state if old else "absent"), (new.state if new else "absent")
        out += [f"- event {code(flag.event_id)} ({esc(flag.title)}): **{before} → {after}**"]
        for source, note_id, date, off in flag.claims:
            mark = " — differs from the reference date" if off else ""
            out.append(f"  - {code(source)} note {code(note_id)} dates it {code(date)}{mark}")
    return out + [""]
