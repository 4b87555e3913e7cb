"""Hand-written pages must agree with the scales the code uses."""

from __future__ import annotations

from annotated_reader.core.vocabulary.kinds import KINDS
from annotated_reader.core.vocabulary.verdicts import VERDICTS
from helpers.project import ROOT


def test_reading_guide_lists_every_kind_and_verdict_with_its_mark() -> None:
    guide = (ROOT / "docs" / "guide.md").read_text(encoding="utf-8")
    rows = [line for line in guide.splitlines() if line.startswith("| ")]
    for kind in KINDS.values():
        assert any(f"| {kind.label} | {kind.glyph}" in row for row in rows), kind.id
    for verdict in VERDICTS.values():
        assert any(f"| {verdict.label} | {verdict.glyph}" in row for row in rows), verdict.id
