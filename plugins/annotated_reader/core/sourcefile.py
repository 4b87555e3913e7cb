"""Validation of one ``annotations/sources/<id>.yml`` into a :class:`Source`.

Only the file's own shape is checked here; anchoring and cross-file checks come later, so
each problem is reported once, by the stage that owns it.
"""

from __future__ import annotations

import sys

from .fields import Fields, blank, read_references, suggest
from .limits import MAX_QUOTE_CHARS
from .model import (
    METADATA_FIELDS,
    OPTIONAL_METADATA,
    URL_METADATA,
    Annotation,
    Change,
    LayoutRule,
    Metadata,
    MetaField,
    Quote,
    Source,
    Where,
)
from .problems import Location, Problems
from .text.segment import ROLES
from .vocabulary.dates import parse_date, parse_day
from .vocabulary.kinds import KINDS
from .vocabulary.titles import SHORT_TITLE_MAX
from .vocabulary.verdicts import VERDICTS
from .where import read_where
from .yamlsrc import Node

SOURCE_KINDS = ("news", "analysis", "opinion", "reference", "aggregator", "explainer", "blog")
ANNOTATION_FIELDS = (
    "id",
    "kind",
    "quote",
    "body",
    "references",
    "verdict",
    "correction",
    "event",
    "date",
    "reviewed",
    "claim",
    "history",
    "claim_id",
    "differs_because",
    "place",
    "actors",
)
CHANGE_FIELDS = ("day", "what")
CLAIM_MAX = 75  # Google shows a fact-check's claim in up to 75 characters on a phone
TOP_FIELDS = ("seed", "metadata", "layout", "rating", "annotations", "no_note", "no_event")
# Under metadata: every field as {value, basis} (the optional ones too), then the optional
# name for the navigation.
METADATA_KEYS = (*METADATA_FIELDS, *OPTIONAL_METADATA, "short_title")
_KIND_HINT = f"use one of: {', '.join(KINDS)}"
_VERDICT_HINT = f"a fact-check states its verdict: one of {', '.join(VERDICTS)}"


def read_quote(node: Node | None, owner: Fields, problems: Problems) -> Quote | None:
    if node is None:
        owner.text("quote", hint="add quote: {exact: …} copied from the source text")
        return None
    if node.is_scalar and isinstance(node.value, str):
        if not node.value.strip():
            problems.error(
                node.location,
                "quote.empty",
                "the quote is empty; copy the passage byte for byte from the source text",
            )
            return None
        return Quote(node.value) if _short_enough(node, node.value, problems) else None
    fields = Fields(node, problems, "a quote", ("exact", "prefix", "suffix"), "quote")
    exact = fields.text(
        "exact", hint="copy the passage byte for byte from the source text", verbatim=True
    )
    prefix = fields.text("prefix", required=False) or ""
    suffix = fields.text("suffix", required=False) or ""
    parts = (("exact", exact or ""), ("prefix", prefix), ("suffix", suffix))
    if not all([_short_enough(fields.get(k) or node, v, problems) for k, v in parts]):
        return None
    return None if exact is None else Quote(exact, prefix, suffix)


def _short_enough(node: Node, text: str, problems: Problems) -> bool:
    """Quotes are bounded (``limits``); a longer one is an error at its line."""
    if len(text) <= MAX_QUOTE_CHARS:
        return True
    problems.error(
        node.location,
        "quote.too-long",
        f"the quote has {len(text):,} characters, more than the {MAX_QUOTE_CHARS:,} a quote "
        "may have; quote the start of the passage, or split it between several notes",
    )
    return False


def _metadata(node: Node | None, top: Fields, problems: Problems) -> Metadata | None:
    if node is None:
        top.text(
            "metadata", hint="add metadata: title, author, outlet, published, kind, language, url"
        )
        return None
    fields = Fields(node, problems, "metadata", METADATA_KEYS, "metadata")
    if not fields.ok:
        return None
    values: dict[str, MetaField] = {}
    for name in METADATA_FIELDS + OPTIONAL_METADATA:
        item = fields.get(name)
        if item is None:
            if name in OPTIONAL_METADATA:
                continue
            fields.text(name, hint="give {value: …, basis: …}; value null when unknown")
            values[name] = MetaField(None, "", node.location)
            continue
        entry = Fields(item, problems, f"metadata '{name}'", ("value", "basis"), "metadata")
        choices = SOURCE_KINDS if name == "kind" else None
        value = entry.text("value", nullable=True, choices=choices, hint="null when unknown")
        if entry.ok and entry.get("value") is None:
            entry.text("value", hint="write value: null when it is unknown — never guess")
        basis = entry.text("basis", hint="say how the value was established") or ""
        if (
            value is not None
            and name in URL_METADATA
            and not value.startswith(("http://", "https://"))
        ):
            problems.error(
                item.location, "metadata.bad-url", f"{name} must start with https:// or http://"
            )
        if value is not None and name == "published":
            parsed = parse_date(value)
            if isinstance(parsed, str):
                problems.error(item.location, "metadata.bad-date", f"published: {parsed}")
        values[name] = MetaField(value, basis, item.location)
    return Metadata(**values, short_title=_short_title(fields, problems))


def _short_title(fields: Fields, problems: Problems) -> str | None:
    """Optional plain text: the source's name in the navigation and the sources list."""
    hint = "name the source in a few words for the navigation, or leave short_title out"
    value = fields.text("short_title", required=False, hint=hint)
    node = fields.get("short_title")
    if value is None or node is None:
        return None
    if blank(value):
        problems.error(node.location, "metadata.empty", f"short_title is empty; {hint}")
        return None
    if len(value) > SHORT_TITLE_MAX:
        problems.error(
            node.location,
            "metadata.short-title-too-long",
            f"short_title is {len(value)} characters; the navigation has room for "
            f"{SHORT_TITLE_MAX}: shorten it (or leave it out, and the title is cut at a word)",
        )
        return None
    return value


def _annotation(node: Node, source_id: str, problems: Problems) -> Annotation | None:
    """One note; None when it lacks an id, kind, quote or body (each problem reported)."""
    fields = Fields(node, problems, "an annotation", ANNOTATION_FIELDS, "annotation")
    if not fields.ok:
        return None
    ann_id = fields.ident()
    what = f"annotation '{ann_id}'" if ann_id else "an annotation"
    fields.what = what
    kind = fields.text("kind", choices=KINDS, hint=_KIND_HINT)
    quote = read_quote(fields.get("quote"), fields, problems)
    body_node = fields.get("body")
    body = fields.text("body", hint="write the note in Markdown")
    is_check = kind == "fact-check"
    references = read_references(
        fields,
        problems,
        required=is_check,
        hint="a fact-check must cite at least one public reference",
    )
    verdict = _verdict(fields, what, kind, problems)
    correction = fields.text(
        "correction",
        required=kind == "correction",
        hint="say what the text should read",
    )
    correction_node = fields.get("correction")
    event, date, where = _passage_event(fields, node, what, problems)
    reviewed = _reviewed(fields, problems)
    claim = _claim(fields, what, is_check, problems)
    history = _history(fields, reviewed, problems)
    claim_id, differs = _claim_link(fields, what, is_check, problems)
    if ann_id is None or kind is None or quote is None or body is None:
        return None
    if is_check and fields.get("reviewed") is None:
        problems.error(
            node.location,
            "claimreview.missing-reviewed",
            f"fact-check '{ann_id}' has no 'reviewed' date; add reviewed: \"YYYY-MM-DD\", the "
            "day its verdict was written or last checked (published as the fact-check's date)",
        )
    return Annotation(
        id=ann_id,
        kind=kind,
        quote=quote,
        body=body,
        source_id=source_id,
        location=node.location,
        body_line=body_node.content_line if body_node else node.location.line,
        references=references,
        verdict=verdict,
        correction=correction,
        event=event,
        date=date,
        reviewed=reviewed,
        correction_line=correction_node.content_line if correction_node else 0,
        claim=claim,
        history=history,
        claim_id=claim_id,
        differs_because=differs,
        where=where,
    )


def _verdict(fields: Fields, what: str, kind: str | None, problems: Problems) -> str | None:
    """A fact-check's verdict: required there, and an error on any other kind of note."""
    is_check = kind == "fact-check"
    verdict = fields.text("verdict", required=is_check, choices=VERDICTS, hint=_VERDICT_HINT)
    if verdict and not is_check:
        problems.error(
            fields.get("verdict").location,  # type: ignore[union-attr]
            "annotation.verdict-on-other-kind",
            f"{what} has a verdict but is a {kind}; only fact-checks carry verdicts",
        )
    return verdict


def _passage_event(
    fields: Fields, node: Node, what: str, problems: Problems
) -> tuple[str | None, str | None, Where]:
    """``event``, ``date`` and ``place``/``actors``: what the passage says happened, when,
    where and by whom; a date or a place without its event is an error."""
    event = fields.text("event", required=False)
    date = fields.text("date", required=False)
    if date is not None and event is None:
        problems.error(
            node.location,
            "annotation.event-date",
            f"{what} has a date but no event; a dated passage needs 'event' (the canonical "
            "event id) beside its 'date' (as the source states it)",
        )
    where = read_where(fields, problems)
    where_node = fields.get("place") or fields.get("actors")
    if where_node is not None and event is None:
        problems.error(
            where_node.location,
            "annotation.where-without-event",
            f"{what} gives a place or actors but no event; they say where and by whom the "
            "passage's event happened: add event: and date:, or remove them",
        )
    return event, date, where


_REVIEWED_HINT = 'give the day the note was written or last checked, as "YYYY-MM-DD"'


def _reviewed(fields: Fields, problems: Problems) -> str | None:
    """``reviewed``: the day the note was last checked, or None when it is not a real day."""
    reviewed = fields.text("reviewed", required=False, hint=_REVIEWED_HINT)
    day = parse_day(reviewed) if reviewed is not None else None
    if isinstance(day, str):
        problems.error(
            fields.get("reviewed").location,  # type: ignore[union-attr]
            "annotation.bad-reviewed",
            f"reviewed: {day}; give the day the note was written or last checked",
        )
        return None
    return sys.intern(reviewed) if reviewed is not None else None  # a few days, many notes


def _claim_link(
    fields: Fields, what: str, is_check: bool, problems: Problems
) -> tuple[str | None, str | None]:
    """``claim_id`` (a fact-check's shared claim) and ``differs_because`` (why its verdict
    differs from the other notes on that claim)."""
    claim_id = fields.ident("claim_id") if fields.get("claim_id") is not None else None
    differs = fields.text("differs_because", required=False, hint="say why, in a sentence")
    for key, value in (("claim_id", claim_id), ("differs_because", differs)):
        node = fields.get(key)
        if value is not None and node is not None and not is_check:
            problems.error(
                node.location,
                f"annotation.{key.replace('_', '-')}-on-other-kind",
                f"{what} has {key} but is not a fact-check; only fact-checks check a claim",
            )
            return None, None
    node = fields.get("differs_because")
    if differs is not None and claim_id is None and node is not None:
        problems.error(
            node.location,
            "annotation.differs-without-claim",
            f"{what} says why its verdict differs, but names no claim_id; add the claim it "
            "shares with other notes, or remove differs_because",
        )
    return claim_id, differs


def _history(fields: Fields, reviewed: str | None, problems: Problems) -> list[Change]:
    """``history``: what each review changed (a verdict, a fact), so a reader sees why.

    Each entry is a day no later than ``reviewed`` (the last review) and what changed.
    """
    out: list[Change] = []
    hint = 'list {day: "YYYY-MM-DD", what: "…"}: the day of a review and what it changed'
    for item in fields.sequence("history", hint=hint):
        entry = Fields(item, problems, "a history entry", CHANGE_FIELDS, "history")
        day_text = entry.text("day", hint='the day of the review, "YYYY-MM-DD"')
        what = entry.text("what", hint="say what the review changed and why")
        if day_text is None or what is None:
            continue
        day = parse_day(day_text)
        if isinstance(day, str):
            problems.error(item.location, "history.bad-day", f"history day: {day}")
            continue
        if reviewed is None or day_text > reviewed:
            problems.error(
                item.location,
                "history.after-reviewed",
                f"history entry of {day_text} is later than the note's reviewed date "
                f"({reviewed or 'none'}); set reviewed to the day of the last review",
            )
        out.append(Change(day_text, what, item.location))
    return out


def _claim(fields: Fields, what: str, is_check: bool, problems: Problems) -> str | None:
    """``claim``: a fact-check's claim in at most :data:`CLAIM_MAX` characters."""
    claim = fields.text("claim", required=False, hint="say the claim in a few words")
    node = fields.get("claim")
    if claim is None or node is None:
        return None
    claim = " ".join(claim.split())
    if not is_check:
        problems.error(
            node.location,
            "annotation.claim-on-other-kind",
            f"{what} has a claim but is not a fact-check; only fact-checks review a claim",
        )
        return None
    if not claim:
        problems.error(
            node.location, "annotation.empty", f"'claim' in {what} is empty; say the claim"
        )
        return None
    if len(claim) > CLAIM_MAX:
        problems.error(
            node.location,
            "annotation.long-claim",
            f"the claim of {what} has {len(claim)} characters; shorten it to {CLAIM_MAX} or "
            "fewer (search results cut it there), or leave it out to use the quote",
        )
        return None
    return claim


def read_source(
    root: Node,
    source_id: str,
    path: str,
    seed_texts: dict[str, str | None],
    problems: Problems,
) -> Source | None:
    top = Fields(root, problems, f"source file '{source_id}'", TOP_FIELDS, "source")
    if not top.ok:
        return None
    seed = top.text("seed", hint="name the text file in seeds/ this file annotates")
    text: str | None = None
    if seed is not None:
        text = seed_texts.get(seed)
        if text is None and seed not in seed_texts:
            problems.error(
                top.get("seed").location,  # type: ignore[union-attr]
                "source.unknown-seed",
                f"no seed text '{seed}' in seeds/{suggest(seed, seed_texts)}; "
                "name a file that exists there",
            )
    metadata = _metadata(top.get("metadata"), top, problems)
    layout: list[LayoutRule] = []
    for item in top.sequence("layout"):
        rule = Fields(item, problems, "a layout rule", ("role", "quote"), "layout")
        role = rule.text("role", choices=ROLES)
        quote = read_quote(rule.get("quote"), rule, problems)
        if role and quote:
            layout.append(LayoutRule(role, quote, item.location))
    annotations = [
        a
        for item in top.sequence("annotations")
        if (a := _annotation(item, source_id, problems)) is not None
    ]
    if seed is None or text is None or metadata is None:
        return None
    return Source(
        id=source_id,
        path=path,
        seed=seed,
        text=text,
        metadata=metadata,
        location=Location(path, 1, 1),
        annotations=annotations,
        layout=layout,
        node=root,
    )
