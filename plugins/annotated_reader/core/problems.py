"""Problems found in editorial data, reported as ``path:line:col: severity: [code] message``.

Every stage collects problems instead of raising, so one run shows an editor everything
that is wrong; the stable ``code`` lets an editor search the docs for it.
"""

from __future__ import annotations

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
            return self.path
        return f"{self.path}:{self.line}:{self.col or 1}"


@quick_state
@dataclass(frozen=True, slots=True)
class Problem:
    location: Location
    severity: Severity
    code: str
    message: str

    def __str__(self) -> str:
        return f"{self.location}: {self.severity.value}: [{self.code}] {self.message}"

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
