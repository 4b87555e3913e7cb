"""JSON Schemas of the editorial files, generated from the loader's own constants.

``annotated-reader schema`` writes ``schemas/*.schema.json``; ``--check`` fails when the
committed files differ from what the constants give, so the schema an editor's YAML
extension validates against and the checks of ``annotated-reader check`` cannot drift
apart. A schema checks shape only: whether a quote anchors, an id is unique or a date is a
real day is for ``check`` to say.
"""

from __future__ import annotations

import json
from pathlib import Path

from ..claims.load import CLAIM_FIELDS
from ..core.model import METADATA_FIELDS, OPTIONAL_METADATA
from ..core.sourcefile import (
    ANNOTATION_FIELDS,
    CHANGE_FIELDS,
    CLAIM_MAX,
    METADATA_KEYS,
    SOURCE_KINDS,
    TOP_FIELDS,
)
from ..core.text.segment import ROLES
from ..core.vocabulary.kinds import KINDS
from ..core.vocabulary.titles import SHORT_TITLE_MAX
from ..core.vocabulary.verdicts import VERDICTS
from ..glossary.model import CATEGORIES as TERM_CATEGORIES
from ..glossary.model import TERM_FIELDS
from ..ratings.admiralty import ANSWERS, CRITERIA, GRADES
from ..ratings.read import RATING_FIELDS
from ..timeline.load import EVENT_FIELDS
from ..timeline.model import CATEGORIES as EVENT_CATEGORIES
from .parts import (
    ALIAS_FIELDS,
    CRITERION_FIELDS,
    DIALECT,
    LAYOUT_FIELDS,
    META_ENTRY_FIELDS,
    NO_NOTE_FIELDS,
    Schema,
    choice,
    date,
    day,
    ident,
    listing,
    obj,
    quote,
    references,
    text,
)

FOLDER = "schemas"
# schema file → the editorial files it describes (globs relative to the project root)
TARGETS: dict[str, str] = {
    "source.schema.json": "annotations/sources/*.yml",
    "glossary.schema.json": "annotations/glossary.yml",
    "events.schema.json": "annotations/events.yml",
    "claims.schema.json": "annotations/claims.yml",
}


def _metadata() -> Schema:
    def entry(name: str, value: Schema) -> Schema:
        if "type" in value:
            kinds = value["type"] if isinstance(value["type"], list) else [value["type"]]
            value = {**value, "type": [*kinds, "null"]}
        return obj(
            f"Metadata '{name}': its value (null when unknown — never guess) and how it "
            "was established.",
            {"value": value, "basis": text("How the value was established.")},
            META_ENTRY_FIELDS,
            META_ENTRY_FIELDS,
        )

    values: dict[str, Schema] = {
        "title": text("Title as published."),
        "author": text("Author as credited."),
        "outlet": text("Outlet that published it."),
        "published": date(
            "ISO 8601 at its real precision: 2022 / 2022-10 / 2022-10-14 (EDTF ~ ?)."
        ),
        "kind": {**choice("Kind of text.", SOURCE_KINDS), "enum": [*SOURCE_KINDS, None]},
        "language": text("BCP 47 code of the text as published."),
        "url": {"type": "string", "pattern": "^https?://", "description": "Original address."},
        "author_url": {
            "type": "string",
            "pattern": "^https?://",
            "description": "Optional: an address that identifies the author (their site, an "
            "authority record).",
        },
        "outlet_url": {
            "type": "string",
            "pattern": "^https?://",
            "description": "Optional: an address that identifies the outlet (its home page).",
        },
    }
    short_title = {
        **text(
            f"Optional: the source's name in the navigation and the sources list, at most "
            f"{SHORT_TITLE_MAX} characters (left out: the title cut at a word, with '…')."
        ),
        "maxLength": SHORT_TITLE_MAX,
    }
    entries = {name: entry(name, values[name]) for name in METADATA_FIELDS + OPTIONAL_METADATA}
    return obj(
        "The source's metadata; every field is {value, basis}, but the optional short_title.",
        {**entries, "short_title": short_title},
        METADATA_KEYS,
        METADATA_FIELDS,
    )


def _rating() -> Schema:
    met = {
        "description": "Is the criterion met? yes, partly or no; not-judged until assessed "
        "(grade F only).",
        "anyOf": [choice("Answer.", ANSWERS), {"type": "boolean"}],
    }
    criterion = obj(
        "An editor's answer to one criterion, with one line of evidence.",
        {"met": met, "evidence": text("One line of evidence from the text.")},
        CRITERION_FIELDS,
        CRITERION_FIELDS,
    )
    criteria = obj(
        "Each criterion answered; 'accurate-claims' is computed and cannot be typed in.",
        {name: {**criterion, "description": c.question} for name, c in CRITERIA.items()},
        CRITERIA,
        CRITERIA,
    )
    return obj(
        "Reliability rating on the Admiralty scale (see the methodology page).",
        {
            "grade": choice("Source-reliability grade.", GRADES),
            "criteria": criteria,
            "rationale": text("Markdown: why this grade."),
            "reviewed": day('Day of the last review, "YYYY-MM-DD".'),
        },
        RATING_FIELDS,
        RATING_FIELDS,
    )


def _annotation() -> Schema:
    is_check = {"properties": {"kind": {"const": "fact-check"}}, "required": ["kind"]}
    is_correction = {"properties": {"kind": {"const": "correction"}}, "required": ["kind"]}
    props: dict[str, Schema] = {
        "id": ident("Unique in the whole corpus; start with the source's short prefix."),
        "kind": choice("Kind of note.", KINDS),
        "quote": quote(),
        "body": text(
            "The note, in Markdown; [[note-id]], [[source:id]], [[term:id]], [[event:id]] link."
        ),
        "references": references("Public references: title + url."),
        "verdict": choice("Fact-check verdict.", VERDICTS),
        "correction": text("Correction: what the text should say."),
        "event": ident("The canonical event (events.yml) this passage dates."),
        "date": date("The date as this source states it (ISO 8601 / EDTF)."),
        **_where("this source gives"),
        "reviewed": day('When the note was written or last reviewed, "YYYY-MM-DD".'),
        "history": listing(
            "What each review changed (a verdict, a fact) and why, newest last.",
            obj(
                "One review that changed the note.",
                {
                    "day": day('The day of the review, "YYYY-MM-DD".'),
                    "what": text("What changed and why."),
                },
                CHANGE_FIELDS,
                CHANGE_FIELDS,
            ),
        ),
        "claim_id": ident("Fact-check: the claim (claims.yml) it shares with other notes."),
        "differs_because": text(
            "Fact-check on a shared claim: why its verdict differs from the other notes'."
        ),
        "claim": {
            **text(
                f"Fact-check: the claim in a few words ({CLAIM_MAX} characters at most), as "
                "search results show it; without it, the quote is shortened."
            ),
            "maxLength": CLAIM_MAX,
        },
    }
    return obj(
        "One note anchored to a passage of the seed text.",
        props,
        ANNOTATION_FIELDS,
        ["id", "kind", "quote", "body"],
        allOf=[
            {
                "if": is_check,
                "then": {
                    "required": ["verdict", "references", "reviewed"],
                    "properties": {"references": {"type": "array", "minItems": 1}},
                },
                "else": {"not": {"anyOf": [{"required": ["verdict"]}, {"required": ["claim"]}]}},
            },
            {"if": is_correction, "then": {"required": ["correction"]}},
        ],
        dependencies={
            "date": ["event"],
            "place": ["event"],
            "actors": ["event"],
        },
    )


def _where(whose: str) -> dict[str, Schema]:
    """``place`` and ``actors``: glossary term ids (core.where)."""
    return {
        "place": ident(f"Where it happened, as {whose}: a glossary term id (e.g. moscow)."),
        "actors": {
            "type": "array",
            "minItems": 1,
            "uniqueItems": True,
            "items": ident("A glossary term id (e.g. yeltsin)."),
            "description": f"Who did it, as {whose}: glossary term ids; naming only some "
            "of the event's actors is partial, naming another differs.",
        },
    }


def source_schema() -> Schema:
    layout = obj(
        "Override how the block holding the quote is classified.",
        {"role": choice("Block role.", ROLES, labels=False), "quote": quote()},
        LAYOUT_FIELDS,
        LAYOUT_FIELDS,
    )
    no_note = obj(
        "A checkable sentence that needs no note, and why.",
        {"quote": quote(), "reason": text("Why this sentence needs no note.")},
        NO_NOTE_FIELDS,
        NO_NOTE_FIELDS,
    )
    no_event = obj(
        "A dated sentence that tells no historical event (a byline, a forecast), and why.",
        {"quote": quote(), "reason": text("Why this sentence needs no event.")},
        NO_NOTE_FIELDS,
        NO_NOTE_FIELDS,
    )
    props: dict[str, Schema] = {
        "seed": text("The text file in seeds/ this file annotates."),
        "metadata": _metadata(),
        "layout": listing("Layout rules.", layout),
        "rating": _rating(),
        "annotations": listing("The notes on this source.", _annotation()),
        "no_note": listing("Checkable sentences that need no note.", no_note),
        "no_event": listing("Dated sentences that tell no event.", no_event),
    }
    return {
        "$schema": DIALECT,
        "title": "Annotated reader source file (annotations/sources/<source-id>.yml)",
        **obj(
            "One source: its seed text, metadata, rating and annotations.",
            props,
            TOP_FIELDS,
            ["seed", "metadata", "rating"],
        ),
    }


def glossary_schema() -> Schema:
    alias_obj = obj(
        "A spelling with options.",
        {
            "text": text("The spelling as it occurs in the sources."),
            "case_sensitive": {"type": "boolean", "description": "Match case exactly."},
            "occurs": {
                "type": "boolean",
                "description": "false: keep it although no source uses it.",
            },
        },
        ALIAS_FIELDS,
        ["text"],
    )
    alias = {"anyOf": [{"type": "string", "pattern": r"\S"}, alias_obj]}
    term = obj(
        "A glossary term.",
        {
            "id": ident("Unique term id."),
            "term": text("Display name."),
            "category": choice("Category.", TERM_CATEGORIES),
            "definition": text("Short neutral definition, in Markdown."),
            "aliases": listing("Every spelling and form the sources use.", alias),
            "misspellings": listing("Misspellings found in the sources.", alias),
            "related": listing("Ids of related terms.", {"type": ["string", "number"]}),
            "references": references("Public references: title + url."),
            "date": date("When what it names happened (EDTF), held to its event's date."),
            "event": ident("The event (events.yml) its date is for; required with date."),
        },
        TERM_FIELDS,
        ["id", "term", "category", "definition"],
        dependencies={"date": ["event"]},
    )
    return _list_file("glossary (annotations/glossary.yml)", "The glossary.", "terms", term)


def events_schema() -> Schema:
    event = obj(
        "A canonical timeline event.",
        {
            "id": ident("Unique event id."),
            "title": text("Short title of what happened."),
            "date": date("Reference date, ISO 8601 / EDTF."),
            "category": choice("Category.", EVENT_CATEGORIES),
            "description": text("Short, neutral, one or two sentences."),
            "references": references("Where the reference date was established.", required=True),
            **_where("the references establish"),
        },
        EVENT_FIELDS,
        [f for f in EVENT_FIELDS if f not in ("place", "actors")],
    )
    return _list_file(
        "timeline events (annotations/events.yml)", "The canonical events.", "events", event
    )


def claims_schema() -> Schema:
    claim = obj(
        "A fact checked in several notes, stated once.",
        {
            "id": ident("Unique claim id; notes name it in claim_id."),
            "claim": text("The claim in a neutral wording."),
            "fact": text("What is known, in Markdown, shown on the claims page."),
            "date": date("The fact's correct date (EDTF), held to its event's date."),
            "event": ident("The event (events.yml) its date is for; required with date."),
            "references": references("Where the correct fact is established."),
        },
        CLAIM_FIELDS,
        ["id", "claim"],
        dependencies={"date": ["event"]},
    )
    return _list_file("claims (annotations/claims.yml)", "The claims.", "claims", claim)


def _list_file(title: str, description: str, key: str, item: Schema) -> Schema:
    """A file holding one list under ``key`` (terms, events, claims)."""
    return {
        "$schema": DIALECT,
        "title": f"Annotated reader {title}",
        **obj(description, {key: listing(f"The {key}.", item)}, [key], [key]),
    }


def schemas() -> dict[str, Schema]:
    """Every schema by file name, in a stable order."""
    return {
        "source.schema.json": source_schema(),
        "glossary.schema.json": glossary_schema(),
        "events.schema.json": events_schema(),
        "claims.schema.json": claims_schema(),
    }


def dump(schema: Schema) -> str:
    return json.dumps(schema, indent=2, ensure_ascii=False) + "\n"


def write(folder: Path) -> list[str]:
    """Write every schema; return the names of files that changed."""
    folder.mkdir(parents=True, exist_ok=True)
    changed = []
    for name, schema in schemas().items():
        path = folder / name
        text_ = dump(schema)
        if not path.is_file() or path.read_text(encoding="utf-8") != text_:
            path.write_text(text_, encoding="utf-8")
            changed.append(name)
    return changed


def stale(folder: Path) -> list[str]:
    """Names of committed schema files that are missing or differ from the generated ones."""
    out = []
    for name, schema in schemas().items():
        path = folder / name
        if not path.is_file() or path.read_text(encoding="utf-8") != dump(schema):
            out.append(name)
    return out
