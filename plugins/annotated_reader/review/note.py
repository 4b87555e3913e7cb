"""One note in the review report: its passage in context, what it says, what changed."""

from __future__ import annotations

from ..core.problems import Problem
from ..core.vocabulary.kinds import KINDS
from ..core.vocabulary.verdicts import VERDICTS
from .diff import FieldChange, NoteReview, position
from .md import code, esc, fenced, is_long, passage, text_diff, value
from .snapshot import Snapshot

# note id → (the timeline event it dates, whether its date differs from the reference date)
Claims = dict[str, tuple[str, bool]]


def _label(note: NoteReview) -> str:
    data = note.declared.data
    kind = str(data.get("kind", "?"))
    parts = [KINDS[kind].label if kind in KINDS else esc(kind)]
    verdict = data.get("verdict")
    if verdict is not None:
        label = VERDICTS[str(verdict)].label if str(verdict) in VERDICTS else esc(str(verdict))
        parts.append(f"verdict: **{label}**")
    return " · ".join(parts)


def note(item: NoteReview, base: Snapshot, head: Snapshot, claims: Claims) -> list[str]:
    """A note's section: header, passage, what it says (added/removed) or what changed."""
    snap, ann = (base, item.was) if item.status == "removed" else (head, item.now)
    where = item.declared.location
    out = [f"##### {code(item.id)} — {_label(item)}", "", f"{code(str(where))}", ""]
    text = snap.text_of(item.source_id)
    if ann is not None and text is not None:
        seed = snap.files.get(item.source_id, {}).get("seed", "")
        out += [passage(text, snap.blocks(item.source_id), ann.start, ann.end), ""]
        out += [f"Passage at {code(f'seeds/{seed}:{position(text, ann)}')}.", ""]
    else:
        exact = _exact(item.declared.data)
        out += [f"> <b>{esc(exact)}</b>", ""] if exact else []
    if item.orphan:
        out += [f"⚠ **Not on the text in the head:** {orphan(item)}", ""]
    if item.status in ("added", "removed"):
        out += _said(item.declared.data, claims.get(item.id) if item.status == "added" else None)
    else:
        out += changes("", item.changes)
        was, now = position(base.text_of(item.source_id), item.was), position(text, item.now)
        if was and now and was != now:
            out += [f"Moved in the text: {was} → {now}.", ""]
    return out


def orphan(item: NoteReview) -> str:
    """Why a note is not on its text, with the loader's errors at file:line."""
    why = "".join(f" — {problem(p)}" for p in item.why)
    return f"{esc(item.orphan)}{why}"


def problem(p: Problem) -> str:
    """One problem as ``path:line:col`` severity [code] message."""
    return f"{code(str(p.location))} {p.severity.value} [{p.code}] {esc(p.message)}"


def _exact(data: dict[str, object]) -> str:
    quote = data.get("quote")
    if isinstance(quote, dict):
        return str(quote.get("exact", ""))
    return str(quote or "")


def _said(data: dict[str, object], claim: tuple[str, bool] | None) -> list[str]:
    """What a note says: its correction, body (verbatim), references, event and date."""
    out: list[str] = []
    if data.get("correction") is not None:
        out += [f"**Should read:** {esc(str(data['correction']))}", ""]
    if data.get("body") is not None:
        out += [fenced(str(data["body"]), "markdown"), ""]
    refs = data.get("references")
    if isinstance(refs, list) and refs:
        out += [f"- {value(r)}" for r in refs] + [""]
    if data.get("event") is not None:
        fits = ""
        if claim is not None:
            fits = (
                " — differs from its reference date"
                if claim[1]
                else " — agrees with its reference date"
            )
        out += [
            f"Dates event {code(str(data['event']))} as {code(str(data.get('date')))}{fits}.",
            "",
        ]
    return out


def changes(title: str, items: list[FieldChange]) -> list[str]:
    """Each changed field as before → after; long texts as a diff."""
    if not items:
        return []
    out = [f"**{title}**", ""] if title else []
    for ch in items:
        if ch.path.endswith(".met"):  # YAML 1.1 reads a bare yes / no as true / false
            ch = FieldChange(ch.path, _met(ch.before), _met(ch.after))
        if is_long(ch.before) or is_long(ch.after):
            out += [f"- {code(ch.path)}:", "", text_diff(_str(ch.before), _str(ch.after)), ""]
        else:
            out.append(f"- {code(ch.path)}: {value(ch.before)} → {value(ch.after)}")
    return out + [""]


def _met(item: object) -> object:
    return {True: "yes", False: "no"}.get(item, item) if isinstance(item, bool) else item


def _str(item: object) -> str | None:
    return None if item is None else str(item)
