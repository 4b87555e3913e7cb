"""Reading typed fields out of located YAML mappings, reporting what is wrong and how to fix it.

Shared by every editorial file's validator so that editors get one style of message.
"""

from __future__ import annotations

import difflib
import re
import sys
import unicodedata
from collections.abc import Collection, Iterable

from .files import ANY
from .model import Reference
from .problems import Location, Problems
from .vocabulary.dates import parse_date
from .yamlsrc import Node

REFERENCE_FIELDS = ("title", "url", "publisher", "date")

ID_PATTERN = re.compile(r"^[a-z0-9][a-z0-9-]*$")  # ECMA too (the schemas); match with fullmatch
_PUBLIC_URL = re.compile(r"^https?://[^\s/]+\.[^\s]+$")
# Element ids the site makes itself, on the pages where editorial ids become element ids
# too: note-<note>, ref-<note> and t-<term>-<n> on a source page, h-<term> and
# cat-<category> on the glossary, sec-<n> on a source's own headings, ar-popover made by
# reader.js, "top" heading every search document. An editorial id of one of these forms could be a second element with its id.
RESERVED = re.compile(r"^(?:note-|ref-|h-|cat-|ar-|t-.*-\d+$|sec-\d+$|top$)")
_RESERVED_FORMS = "note-…, ref-…, t-…-<number>, h-…, cat-…, sec-<number>, ar-… or top"


def slug(name: str) -> str:
    """An id made from a name (a file's, a site's): ASCII letters and digits, lowercase,
    runs of anything else as one '-'; "" when nothing is left."""
    ascii_ = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]+", "-", ascii_.lower()).strip("-")


def reserved(ident: str) -> str | None:
    """Why ``ident`` may not be an editorial id, or None when it may."""
    if RESERVED.match(ident):
        return (
            f"id '{ident}' has the form of the ids the site gives its own elements "
            f"({_RESERVED_FORMS}); choose another"
        )
    return None


# Letters that show as nothing (Hangul fillers): with the format characters, controls, marks
# and spaces, they make a text that says nothing (a title of U+2067 U+2069 rendered blank).
_FILLERS = frozenset("\u115f\u1160\u3164\uffa0")


def blank(text: str) -> bool:
    """Whether ``text`` shows nothing: no letter, digit, punctuation or symbol to see."""
    return not any(unicodedata.category(c)[0] in "LNPS" and c not in _FILLERS for c in text)


def reserved_source(ident: str) -> str | None:
    """Why ``ident`` may not be a source's id (its page is ``sources/<id>.md``), or None."""
    if ident == "index":
        return "id 'index' is the address of the list of sources (sources/); choose another"
    return reserved(ident)


def listed_ids(root: Node | None, key: str) -> set[str]:
    """The ids that the items of the list under ``key`` declare, valid or not: what a file
    meant to define, to tell apart from what loaded. An item whose id cannot be told (not
    a mapping, no ``id``, or one no reference could name: ``yes``, ``Peskov``) may have
    been any of them: ``ANY`` stands for it."""
    items = root.get(key) if root is not None else None
    out: set[str] = set()
    for item in items.value if items is not None and items.is_sequence else []:
        node = item.get("id")
        ident = node.value if node is not None else None
        told = isinstance(ident, str) and ID_PATTERN.fullmatch(ident) and not reserved(ident)
        out.add(ident if told and isinstance(ident, str) else ANY)
    return out


def closest(word: str, choices: Iterable[str]) -> str | None:
    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return close[0] if close else None


def _meant(key: str, known: tuple[str, ...], present: Collection[str]) -> str:
    """The hint for an unknown field: a field the mapping lacks that the key names as one
    of its words (``term_id``: 'id', which is missing, not 'term', which is there), else
    the closest known field."""
    words = set(re.split(r"[\s_.-]+", key.lower()))
    named = [k for k in known if k not in present and k in words]
    return f" (did you mean '{named[0]}'?)" if len(named) == 1 else suggest(key, known)


def suggest(word: str, choices: Iterable[str]) -> str:
    close = closest(word, choices)
    return f" (did you mean '{close}'?)" if close is not None else ""


class Fields:
    """A mapping node read field by field; unknown keys are reported once, on creation."""

    def __init__(
        self, node: Node, problems: Problems, what: str, known: Iterable[str], code: str
    ) -> None:
        self.node = node
        self.problems = problems
        self.what = what
        self.code = code
        self.ok = node.is_mapping
        # A built mapping holds only nodes; read straight from it (fields are read often).
        self._fields: dict[str, Node] = node.value if self.ok else {}
        known = tuple(known)
        if not self.ok:
            problems.error(
                node.location,
                f"{code}.type",
                f"{what} must be a mapping of fields ({', '.join(known)})",
            )
            return
        for key, value in node.value.items():
            if key not in known:
                problems.error(
                    Location(value.location.path, value.location.line, 1),
                    f"{code}.unknown-field",
                    f"unknown field '{key}' in {what}{_meant(key, known, node.value)}; "
                    f"known fields: {', '.join(known)}",
                )

    def missing(self, key: str, hint: str = "") -> None:
        """Report that a required field is absent (once the node is a mapping at all)."""
        if self.ok:
            self.problems.error(
                self.node.location,
                f"{self.code}.missing-field",
                f"{self.what} has no '{key}'" + (f"; {hint}" if hint else ""),
            )

    def get(self, key: str) -> Node | None:
        return self._fields.get(key)

    def text(
        self,
        key: str,
        *,
        required: bool = True,
        hint: str = "",
        choices: Collection[str] | None = None,
        nullable: bool = False,
        verbatim: bool = False,
    ) -> str | None:
        """The text under ``key``; one that shows nothing is empty (``verbatim``: a copy of
        the source text, empty only when it is whitespace, as anchoring says the rest)."""
        node = self.get(key)
        if node is None:
            if required:
                self.missing(key, hint)
            return None
        if node.value is None and nullable:
            return None
        if not node.is_scalar or node.value is None or isinstance(node.value, bool):
            quote = " (YAML reads a bare yes, no, on or off as true or false: quote it)"
            hint = hint or (f"use one of: {', '.join(choices)}" if choices is not None else "")
            self.problems.error(
                node.location,
                f"{self.code}.type",
                f"'{key}' in {self.what} "
                + ("has no value (~, or nothing after the colon)" if node.value is None else "")
                + ("must be text" if node.value is not None else "")
                + (quote if isinstance(node.value, bool) else "")
                + (f"; {hint}" if hint else ""),
            )
            return None
        value = str(node.value)
        if required and (not value.strip() if verbatim else blank(value)):
            self.problems.error(
                node.location, f"{self.code}.empty", f"'{key}' in {self.what} is empty; {hint}"
            )
            return None
        if choices is not None and value not in choices:
            options = tuple(choices)
            self.problems.error(
                node.location,
                f"{self.code}.unknown-{key}",
                f"unknown {key} '{value}' in {self.what}{suggest(value, options)}; "
                f"use one of: {', '.join(options)}",
            )
            return None
        # One of a few words (a kind, a verdict), over and over: one string for them all,
        # and a kept read pickles it once (a tenth of a loaded note's strings).
        return sys.intern(value) if choices is not None else value

    def ident(self, key: str = "id") -> str | None:
        value = self.text(key, hint="give a unique id of lowercase letters, digits and '-'")
        if value is None:
            return None
        node = self.get(key)
        assert node is not None
        if not ID_PATTERN.fullmatch(value):
            self.problems.error(
                node.location,
                f"{self.code}.bad-id",
                f"id '{value}' may hold only lowercase letters, digits and '-', "
                "and must start with a letter or digit",
            )
            return None
        why = reserved(value)
        if why:
            self.problems.error(node.location, f"{self.code}.reserved-id", why)
            return None
        return value

    def sequence(self, key: str, *, required: bool = False, hint: str = "") -> list[Node]:
        node = self.get(key)
        if node is None:
            if required:
                self.missing(key, hint)
            return []
        if node.value is None:
            return []
        if not node.is_sequence:
            self.problems.error(
                node.location, f"{self.code}.type", f"'{key}' in {self.what} must be a list"
            )
            return []
        return list(node.value)


def read_references(
    fields: Fields, problems: Problems, *, required: bool, hint: str
) -> list[Reference]:
    """``references``: a list of {title, url, publisher?, date?} with an http(s) address."""
    refs: list[Reference] = []
    for item in fields.sequence("references", required=required, hint=hint):
        ref = Fields(item, problems, "a reference", REFERENCE_FIELDS, "reference")
        title = ref.text("title", hint="give the cited work's title")
        url = ref.text("url", hint="give the public address (https://…)")
        publisher = ref.text("publisher", required=False, hint="name who published the work")
        date = ref.text("date", required=False, hint='the day it was published, "2022-02-24"')
        date_node = ref.get("date")
        if date is not None and date_node is not None:
            parsed = parse_date(date)
            if isinstance(parsed, str):
                problems.error(
                    date_node.location,
                    "reference.bad-date",
                    f"reference date: {parsed}; give the day, month or year it was published",
                )
                date = None
        if url is not None and not _PUBLIC_URL.match(url):
            problems.error(
                item.location,
                "reference.bad-url",
                f"reference address '{url}' is not a public http(s) address; write it as https://…",
            )
            continue
        if title and url:
            refs.append(Reference(title, url, item.location, publisher, date))
    node = fields.get("references")
    # An empty list (or ~): said here. A list of broken references, or something that is no
    # list, has its own error at its place, which is the one to fix.
    empty = node is not None and (node.value is None or node.value == [])
    if required and fields.ok and empty:
        problems.error(
            fields.node.location,
            "reference.missing",
            f"{fields.what} needs at least one reference (title + url); {hint}",
        )
    return refs
