"""A fact-check whose every field is hostile text, shared by the ratings and search tests."""

from __future__ import annotations

import json
from pathlib import Path

SRC = "annotations/sources/sample.yml"


HOSTILE = "</script><script>window.pwned=1</script> & <!-- “quoted” -->"


def edit(project: Path, old: str, new: str) -> None:
    path = project / SRC
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def add_hostile_fact_check(mini: Path, verdict: str, reviewed: str = "2026-11-22") -> None:
    """A seed line and a fact-check whose quote tries to close the JSON-LD script."""
    seed = mini / "seeds" / "sample.txt"
    seed.write_text(
        seed.read_text(encoding="utf-8") + f"\nA hostile line {HOSTILE} ends.\n", encoding="utf-8"
    )
    edit(
        mini,
        "annotations:\n",
        "annotations:\n"
        "  - id: s-hostile\n"
        "    kind: fact-check\n"
        f"    quote: {{exact: {json.dumps(HOSTILE)}}}\n"
        f"    verdict: {verdict}\n"
        '    body: "Hostile."\n'
        '    references: [{title: "X", url: "https://example.org/x"}]\n'
        f'    reviewed: "{reviewed}"\n',
    )
