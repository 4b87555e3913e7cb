"""Problems found in editorial data, reported as ``path:line:col: severity: [code] message``.

Every stage collects problems instead of raising, so one run shows an editor everything
that is wrong; the stable ``code`` lets an editor search the docs for it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from enum import Enum

from .records import quick_state


class Severity(str, Enum):
    ERROR = "error"
    WARNING = "warning"


@quick_state
@dataclass(frozen=True, order=True, slots=True)
class Location:
    """A place in an editorial file; lines and columns count from 1."""

    path: str
    line: int = 0
    col: int = 0

    def __str__(self) -> str:
        if not self.line:
            return shown(self.path)
        return f"{shown(self.path)}:{self.line}:{self.col or 1}"


# What a problem's line must not print as it is: control characters, line and paragraph
# separators, lone surrogates and direction controls. Values quoted from editorial data or a
# file's name could otherwise start a new line (a CI runner reads a line starting "::" as a
# command), colour or rewrite the terminal, reverse the line, or fail to encode at all.
_UNSHOWN = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff]")
_ESCAPES = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def _escape(found: re.Match[str]) -> str:
    char = found.group()
    return _ESCAPES.get(char) or (
        f"\\x{ord(char):02x}" if ord(char) < 0x100 else f"\\u{ord(char):04x}"
    )


def shown(text: str) -> str:
    """``text`` on one line as it is, but what it must not print raw written as an escape."""
    return _UNSHOWN.sub(_escape, text) if _UNSHOWN.search(text) else text


@quick_state
@dataclass(frozen=True, slots=True)
class Problem:
    location: Location
    severity: Severity
    code: str
    message: str

    def __str__(self) -> str:
        return f"{self.location}: {self.severity.value}: [{self.code}] {shown(self.message)}"

    def sort_key(self) -> tuple[str, int, int, str, str]:
        loc = self.location
        return (loc.path, loc.line, loc.col, self.code, self.message)


@dataclass
class Problems:
    """An ordered collection that every stage appends to."""

    items: list[Problem] = field(default_factory=list)

    def error(self, location: Location, code: str, message: str) -> None:
        self.items.append(Problem(location, Severity.ERROR, code, message))

    def warning(self, location: Location, code: str, message: str) -> None:
        self.items.append(Problem(location, Severity.WARNING, code, message))

    def extend(self, other: Problems) -> None:
        self.items.extend(other.items)

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.items if p.severity is Severity.ERROR]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.items if p.severity is Severity.WARNING]

    def sorted(self) -> list[Problem]:
        return sorted(self.items, key=Problem.sort_key)

    def __len__(self) -> int:
        return len(self.items)

    def __bool__(self) -> bool:
        return bool(self.items)
