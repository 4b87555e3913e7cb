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


def test_a_short_capitalised_line_before_more_text_is_a_heading_up_to_90_characters() -> None:
    at_most = "Heading " + "x" * 82  # 90 characters
    too_long = at_most + "x"
    assert roles(f"{at_most}\nText follows.") == [
        ("heading", at_most),
        ("paragraph", "Text follows."),
    ]
    assert roles(f"{too_long}\nText follows.")[0] == ("paragraph", too_long)


def test_a_heading_may_start_with_a_number_but_not_a_lowercase_letter() -> None:
    assert roles("1 Introduction\nText.")[0] == ("heading", "1 Introduction")
    assert roles("introduction\nText.")[0] == ("paragraph", "introduction")


def test_the_next_to_last_line_can_be_a_heading_and_the_last_never_is() -> None:
    assert roles("Heading\nLast Line") == [("heading", "Heading"), ("paragraph", "Last Line")]


def test_a_question_is_a_heading_up_to_60_characters() -> None:
    short = "Why " + "x" * 55 + "?"  # 60 characters
    assert roles(f"{short}\nText.")[0] == ("heading", short)
    long = "Why " + "x" * 56 + "?"
    assert roles(f"{long}\nText.")[0] == ("paragraph", long)


def test_offsets_count_a_byte_order_mark_and_leading_spaces_but_blocks_exclude_them() -> None:
    text = "\ufeffTitle\n   Indented text.  \n\n\tLast."
    blocks = segment(text)
    assert [(b.start, b.end) for b in blocks] == [(1, 6), (10, 24), (29, 34)]
    assert [b.text(text) for b in blocks] == ["Title", "Indented text.", "Last."]
    assert [(b.start, b.end) for b in segment("Title\nText.")] == [(0, 5), (6, 11)]


def test_a_layout_rule_gives_its_role_to_the_blocks_it_overlaps_only() -> None:
    text = "One\nTwo\nThree"
    blocks = segment(text)  # One 0-3, Two 4-7, Three 8-13
    apply_layout(blocks, [("caption", 3, 4), ("byline", 4, 5), ("heading", 7, 8)])
    assert [b.role for b in blocks] == ["heading", "byline", "paragraph"]
    apply_layout(blocks, [("debris", 8, 13)])
    assert [(b.role, b.debris) for b in blocks] == [
        ("heading", False),
        ("byline", False),
        ("paragraph", True),
    ]
