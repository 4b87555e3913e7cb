"""Where a corpus lives: a module of its own, so that what needs only the folders (the
MkDocs plugin replaying a kept site) does not import the corpus and its renderer."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Paths:
    """Where the corpus lives, relative to the project root."""

    root: Path
    annotations: str = "annotations"
    seeds: str = "seeds"

    def rel(self, path: Path) -> str:
        try:
            return path.relative_to(self.root).as_posix()
        except ValueError:
            return path.as_posix()
