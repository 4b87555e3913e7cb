"""Segmentation: roles recognised, nothing lost or reordered."""

from __future__ import annotations

from pathlib import Path

import pytest
from annotated_reader.core.text.segment import apply_layout, mark_debris, segment

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


def roles(text: str) -> list[tuple[str, str]]:
    return [(b.role, b.text(text)) for b in segment(text)]


def test_roles_from_the_shape_of_lines() -> None:
    text = (
        "Putin’s new title\n\nAfter analyzing the activities, it is clear.\n"
        "• In 2001, Moldova.\n• In 1999, Serbia.\n[shortcode-box]\nLast line without stop"
    )
    assert roles(text) == [
        ("heading", "Putin’s new title"),
        ("paragraph", "After analyzing the activities, it is clear."),
        ("list-item", "• In 2001, Moldova."),
        ("list-item", "• In 1999, Serbia."),
        ("paragraph", "[shortcode-box]"),
        ("paragraph", "Last line without stop"),
    ]


def test_question_headings_short_but_long_questions_are_paragraphs() -> None:
    text = (
        "What is USSR 2.0?\nThe Union was created.\n"
        + "Is this a very long question that goes on and on past sixty characters?\nYes."
    )
    assert [r for r, _ in roles(text)] == ["heading", "paragraph", "paragraph", "paragraph"]


def test_layout_rules_and_debris_override_the_guess() -> None:
    text = "A caption line\nBody text here.\nLeave a Reply\nMore."
    blocks = segment(text)
    apply_layout(blocks, [("caption", 0, 5)])
    mark_debris(blocks, [(text.index("Leave"), text.index("Reply") + 5)])
    assert [b.role for b in blocks][:1] == ["caption"]
    assert [b.debris for b in blocks] == [False, False, True, False]


@pytest.mark.parametrize("seed", sorted(SEEDS.glob("*.txt")), ids=lambda p: p.name[:3])
def test_every_character_of_every_seed_is_kept_in_order(seed: Path) -> None:
    text = seed.read_text(encoding="utf-8")
    blocks = segment(text)
    assert " ".join(" ".join(b.text(text) for b in blocks).split()) == " ".join(text.split())
    starts = [b.start for b in blocks]
    assert starts == sorted(starts)
