"""Short titles: a headline cut at a word, with an ellipsis, never past the limit."""

from __future__ import annotations

import pytest
from annotated_reader.core.vocabulary.titles import SHORT_TITLE_MAX, shorten

MONDO = (
    "There are many indications that the new Soviet Union has begun to take shape, "
    "and it is only waiti"
)


@pytest.mark.parametrize(
    ("title", "short"),
    [
        ("The Union State", "The Union State"),  # fits: unchanged
        ("x" * SHORT_TITLE_MAX, "x" * SHORT_TITLE_MAX),  # exactly the limit: unchanged
        (MONDO, "There are many indications that the new Soviet…"),  # cut at a word
        ("word " * 10 + "end", ("word " * 9).strip() + "…"),
        ("x" * 47 + " yy", "x" * 47 + "…"),  # the cut falls on a space: the word is whole
        (
            "Belarus, Russia and the Union State: a long, long history of it",
            "Belarus, Russia and the Union State: a long…",
        ),
        ("abc def, " + "g" * 45, "abc def…"),  # no comma left before the ellipsis
        ("y" * 60, "y" * 47 + "…"),  # one long word: cut inside it
        ("Before\u2028" + "z" * 50, "Before…"),  # any space separates words
    ],
)
def test_shorten(title: str, short: str) -> None:
    assert shorten(title) == short
    assert len(short) <= SHORT_TITLE_MAX


@pytest.mark.parametrize(
    ("title", "short"),
    [
        (
            "Russian and \u202eBelarusian Reunification and a very long tail\u202c ok",
            "Russian and \u202eBelarusian Reunification and a\u202c…",
        ),
        # An isolate holding an override: each closed, innermost first
        ("A \u2067b \u202ec " + "d " * 30 + "\u202c\u2069", "A \u2067b \u202ec " + "d " * 18 + "d\u202c\u2069…"),
        # Closing thirty embeddings left no room for a word: the navigation showed "…" alone
        ("\u202b" * 30 + "Putin's 2024 Belarus Option and a long tail of words" + "\u202c" * 30,
         "Putin's 2024 Belarus Option and a long tail of…"),
    ],
    ids=["override", "isolate-holding-an-override", "controls-filling-the-room"],
)  # fmt: skip
def test_a_cut_closes_the_direction_controls_it_leaves_open(title: str, short: str) -> None:
    """The nav and the timeline's tooltips showed a cut title with its U+202E open,
    reversing the text joined after it (found by an outside test)."""
    assert shorten(title) == short
    assert len(short) <= SHORT_TITLE_MAX
