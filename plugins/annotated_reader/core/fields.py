"""Reading typed fields out of located YAML mappings, reporting what is wrong and how to fix it.

Shared by every editorial file's validator so that editors get one style of message.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Collection, Iterable

from .model import Reference
from .problems import Location, Problems
from .yamlsrc import Node

ID_PATTERN = re.compile(r"^[a-z0-9][a-z0-9-]*$")
_PUBLIC_URL = re.compile(r"^https?://[^\s/]+\.[^\s]+$")


def suggest(word: str, choices: Iterable[str]) -> str:
    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return f" (did you mean '{close[0]}'?)" if close else ""


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
                    f"unknown field '{key}' in {what}{suggest(key, known)}; "
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
    ) -> str | None:
        node = self.get(key)
        if node is None:
            if required:
                self.missing(key, hint)
            return None
        if node.value is None and nullable:
            return None
        if not node.is_scalar or node.value is None or isinstance(node.value, bool):
            self.problems.error(
                node.location,
                f"{self.code}.type",
                f"'{key}' in {self.what} must be text" + (f"; {hint}" if hint else ""),
            )
            return None
        value = str(node.value)
        if required and not value.strip():
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
        return value

    def ident(self, key: str = "id") -> str | None:
        value = self.text(key, hint="give a unique id of lowercase letters, digits and '-'")
        if value is not None and not ID_PATTERN.match(value):
            node = self.get(key)
            assert node is not None
            self.problems.error(
                node.location,
                f"{self.code}.bad-id",
                f"id '{value}' may hold only lowercase letters, digits and '-', "
                "and must start with a letter or digit",
            )
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
    """``references``: a list of {title, url} with an http(s) address."""
    refs: list[Reference] = []
    for item in fields.sequence("references", required=required, hint=hint):
        ref = Fields(item, problems, "a reference", ("title", "url"), "reference")
        title = ref.text("title", hint="give the cited work's title")
        url = ref.text("url", hint="give the public address (https://…)")
        if url is not None and not _PUBLIC_URL.match(url):
            problems.error(
                item.location,
                "reference.bad-url",
                f"reference address '{url}' is not a public http(s) address; write it as https://…",
            )
            continue
        if title and url:
            refs.append(Reference(title, url, item.location))
    if required and fields.ok and fields.get("references") is not None and not refs:
        problems.error(
            fields.node.location,
            "reference.missing",
            f"{fields.what} needs at least one reference (title + url); {hint}",
        )
    return refs
