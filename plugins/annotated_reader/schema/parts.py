"""Building blocks of the editors' JSON Schemas, each mirroring one rule of the loader.

The loader reads every text field with :meth:`fields.Fields.text`, which takes any scalar
but null or a boolean (a bare ``1999`` is read as the text ``"1999"``) and, when the field
is required, refuses blank text; the blocks below say the same in JSON Schema (draft-07,
the dialect YAML editors understand best). Patterns are built from the loader's own
regular expressions where it exposes them, so a change there changes the schema.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from ..core.fields import ID_PATTERN, REFERENCE_FIELDS
from ..core.vocabulary.dates import _PART, DAY

Schema = dict[str, Any]

DIALECT = "http://json-schema.org/draft-07/schema#"
# fields.read_references: a public http(s) address with a dot in its host.
URL_PATTERN = r"^https?://[^\s/]+\.[^\s]+$"
# Field names the loader spells inline, at the Fields(...) call that reads each mapping.
QUOTE_FIELDS = ("exact", "prefix", "suffix")  # sourcefile.read_quote
META_ENTRY_FIELDS = ("value", "basis")  # sourcefile._metadata
LAYOUT_FIELDS = ("role", "quote")  # sourcefile.read_source
NO_NOTE_FIELDS = ("quote", "reason")  # coverage._exemptions
ALIAS_FIELDS = ("text", "case_sensitive", "occurs")  # glossary._alias
CRITERION_FIELDS = ("met", "evidence")  # ratings_read._criteria


def _date_pattern() -> str:
    part = _PART.pattern.removeprefix("^").removesuffix("$")
    end = rf"(?:{part}|\.\.)?"
    return rf"^\s*(?:{part}|{end}/{end})\s*$"


DATE_PATTERN = _date_pattern()


def text(description: str, *, required: bool = True, pattern: str | None = None) -> Schema:
    """A text field as ``Fields.text`` reads it: any scalar but null and true/false."""
    out: Schema = {"type": ["string", "number"], "description": description}
    if pattern is not None:
        out["pattern"] = pattern
    elif required:
        out["pattern"] = r"\S"  # blank text is refused
    return out


def ident(description: str) -> Schema:
    return {"type": "string", "pattern": ID_PATTERN.pattern, "description": description}


def day(description: str) -> Schema:
    return text(description, pattern=DAY.pattern)


def date(description: str) -> Schema:
    return text(description, pattern=DATE_PATTERN)


def choice(
    description: str, options: Mapping[str, Any] | Iterable[str], labels: bool = True
) -> Schema:
    """One of a fixed set; each option's own description is offered by editors that can."""
    keys = list(options)
    out: Schema = {"enum": keys, "description": description + " One of: " + ", ".join(keys) + "."}
    if labels and isinstance(options, Mapping):
        docs = [_describe(options[k]) for k in keys]
        if any(docs):
            out["enumDescriptions"] = docs
    return out


def _describe(value: Any) -> str:
    if isinstance(value, str):
        return value
    label = getattr(value, "label", "")
    for attr in ("description", "reading", "definition", "question"):
        found = getattr(value, attr, None)
        if isinstance(found, str) and found:
            return f"{label}: {found}" if label else found
    return str(label)


def obj(
    description: str,
    properties: Mapping[str, Schema],
    order: Iterable[str],
    required: Iterable[str] = (),
    **extra: Any,
) -> Schema:
    """A mapping: exactly the loader's fields, in its order; unknown keys are errors there."""
    order = tuple(order)
    missing = [k for k in order if k not in properties]
    if missing:  # a new loader field without a schema entry: refuse to generate
        raise KeyError(f"no schema for field(s) {', '.join(missing)} of: {description}")
    out: Schema = {
        "type": "object",
        "description": description,
        "properties": {k: properties[k] for k in order},
        "additionalProperties": False,
    }
    needed = [k for k in required]
    if needed:
        out["required"] = needed
    out.update(extra)
    return out


def listing(description: str, items: Schema, *, min_items: int = 0) -> Schema:
    """A sequence; an empty key (YAML null) reads as an empty list."""
    if min_items:
        return {"type": "array", "description": description, "items": items, "minItems": min_items}
    return {"type": ["array", "null"], "description": description, "items": items}


def quote() -> Schema:
    return {
        "description": "The passage, copied byte for byte from the seed text (a W3C "
        "TextQuoteSelector): {exact, prefix, suffix}, or just the exact text.",
        "anyOf": [
            {"type": "string", "minLength": 1},
            obj(
                "A quote with optional context to pick one of several matches.",
                {
                    "exact": text("The passage, byte for byte from the seed."),
                    "prefix": text("Text right before the passage.", required=False),
                    "suffix": text("Text right after the passage.", required=False),
                },
                QUOTE_FIELDS,
                ["exact"],
            ),
        ],
    }


def reference() -> Schema:
    return obj(
        "A public reference: the cited work's title and its address, with who published it "
        "and when.",
        {
            "title": text("The cited work's title."),
            "url": {
                "type": "string",
                "pattern": URL_PATTERN,
                "description": "Public http(s) address, https://….",
            },
            "publisher": text("Who published the work: the outlet, agency or institution."),
            "date": date("When the work was published (ISO 8601 / EDTF: 2022-02-24, 2022-02)."),
        },
        REFERENCE_FIELDS,
        ("title", "url"),
    )


def references(description: str, *, required: bool = False) -> Schema:
    return listing(description, reference(), min_items=1 if required else 0)
