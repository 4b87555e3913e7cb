"""Direction controls close where they open: checked per line, closed where a text is cut."""

from __future__ import annotations

import pytest
from annotated_reader.core.bidi import closers, unclosed
from annotated_reader.core.jsonld import short
from annotated_reader.core.sourcefile import CLAIM_MAX


@pytest.mark.parametrize(
    ("text", "left_open"),
    [
        ("plain", []),
        ("a \u202eb\u202c c", []),
        ("a \u202eb c", [2]),
        ("a \u202eb\nc \u202c", [2]),  # closed on another line: a paragraph of its own
        ("\u2066a \u202eb\u2069 c", []),  # U+2069 closes the isolate and what it holds
        ("\u202ea \u2069 b", [0]),  # U+2069 closes no override
        ("\u2066a \u202c b", [0]),  # U+202C closes nothing past an isolate
        ("x\n\u202a\u2067", [2, 3]),
    ],
)
def test_unclosed(text: str, left_open: list[int]) -> None:
    assert unclosed(text) == left_open


def test_closers_close_innermost_first() -> None:
    assert closers("\u2067a \u202eb \u202ac") == "\u202c\u202c\u2069"
    assert closers("a \u202eb\u202c") == ""


def test_a_claim_cut_for_claimreview_keeps_no_control_open() -> None:
    """The source page's JSON-LD had "claimReviewed": "Also today, the \u202eRussian State
    Duma submitted a bill which would…", the override's U+202C cut away (an outside test)."""
    claim = (
        "Also today, the \u202eRussian State Duma submitted a bill which would streamline "
        "accession of former Soviet-bloc nations\u202c to join the Russian Federation."
    )
    cut = short(claim)
    assert cut.endswith("\u202c…") and unclosed(cut) == [] and len(cut) <= CLAIM_MAX
    assert cut.startswith("Also today, the \u202eRussian State Duma submitted a bill")
