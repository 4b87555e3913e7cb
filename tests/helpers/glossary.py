"""The mini project with a glossary, shared by the glossary, template and browser tests."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

GLOSSARY = """terms:
  - id: union-state
    term: Union State
    category: organisation
    definition: "A supranational union of [[term:belarus]] and Russia."
    aliases: [Union State, {text: union-state, occurs: false}]
    related: [belarus]
    references:
      - {title: "Union State", url: "https://en.wikipedia.org/wiki/Union_State"}
  - id: union-state-secretary
    term: State Secretary of the Union State
    category: person
    definition: "The Union State's top official."
    aliases: [Union State Secretary]
  - id: belarus
    term: Belarus
    category: place
    definition: "A country in Eastern Europe. <img src=x onerror=alert(1)>"
    aliases: [Belarus]
  - id: minsk
    term: Minsk
    category: place
    definition: "Capital of Belarus."
    aliases: [Minsk]
    misspellings: [Minks]
"""


EXTRA_LINE = "The Union State Secretary flew to Minks and Minsk, then Minsk again.\n"


def with_glossary(
    project: Path, write: Callable[[Path, str, str], Path], text: str = GLOSSARY
) -> Path:
    """The mini project with a glossary, and a paragraph using every alias."""
    write(project, "annotations/glossary.yml", text)
    seed = project / "seeds/sample.txt"
    seed.write_text(seed.read_text(encoding="utf-8") + "\n" + EXTRA_LINE, encoding="utf-8")
    return project
