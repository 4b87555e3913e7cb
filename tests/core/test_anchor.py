"""Anchoring by quote: every outcome, and the messages editors get."""

from __future__ import annotations

import pytest
from annotated_reader.core.anchor import (
    Method,
    Outcome,
    closest_passage,
    line_col,
    match_quote,
    normalize,
)
from annotated_reader.core.loader import describe_anchor_failure
from annotated_reader.core.model import Quote

TEXT = (
    "The “Union State” was founded in 1996.\n\n"
    "It was founded in 1996 again – said the  text.\n"
    "Putin’s plan, Putin's words.\n"
)


def test_exact_match_is_found_with_its_offsets() -> None:
    result = match_quote(TEXT, Quote("“Union State”"))
    assert result.outcome is Outcome.FOUND and result.match
    assert TEXT[result.match.start : result.match.end] == "“Union State”"
    assert result.match.method is Method.EXACT


def test_prefix_picks_one_of_several_exact_matches() -> None:
    result = match_quote(TEXT, Quote("founded in 1996", prefix="” was "))
    assert result.outcome is Outcome.FOUND and result.match
    assert result.match.start == TEXT.index("founded")
    second = match_quote(TEXT, Quote("founded in 1996", suffix=" again"))
    assert second.match and second.match.start == TEXT.rindex("founded")


def test_several_matches_are_ambiguous_and_listed() -> None:
    result = match_quote(TEXT, Quote("founded in 1996"))
    assert result.outcome is Outcome.AMBIGUOUS
    assert [line_col(TEXT, m.start) for m in result.candidates] == [(1, 23), (3, 8)]
    message = describe_anchor_failure(TEXT, Quote("founded in 1996"), result)
    assert "matches 2 places" in message
    assert "1:23 (prefix: " in message and "3:8 (prefix: " in message


def test_suggested_context_really_disambiguates() -> None:
    result = match_quote(TEXT, Quote("founded in 1996"))
    from annotated_reader.core.anchor import disambiguating_context

    for m in result.candidates:
        prefix, _ = disambiguating_context(TEXT, m, result.candidates)
        again = match_quote(TEXT, Quote("founded in 1996", prefix=prefix))
        assert again.outcome is Outcome.FOUND and again.match == m


@pytest.mark.parametrize(
    "typed",
    [
        '"Union State"',  # straight quotes for curly
        "again - said the text",  # hyphen for en dash, one space for two
        "1996.\nIt was",  # a single newline for a blank line
        "Putin's plan",  # straight apostrophe for curly
    ],
)
def test_tolerant_match_forgives_invisible_differences(typed: str) -> None:
    result = match_quote(TEXT, Quote(typed))
    assert result.outcome is Outcome.FOUND and result.match
    assert result.match.method is Method.TOLERANT


def test_tolerant_match_maps_back_to_original_offsets() -> None:
    result = match_quote(TEXT, Quote("again - said the text"))
    assert result.match
    assert TEXT[result.match.start : result.match.end] == "again – said the  text"


def test_tolerant_folding_can_make_a_quote_ambiguous() -> None:
    result = match_quote(TEXT, Quote("Putin's"))
    assert result.outcome is Outcome.FOUND  # exact stage: only the straight one
    folded = match_quote(TEXT, Quote("Putin's plan, Putin’s"))
    assert folded.outcome is Outcome.FOUND and folded.match
    assert folded.match.method is Method.TOLERANT


def test_wrong_context_is_reported_not_guessed() -> None:
    result = match_quote(TEXT, Quote("Union State", prefix="the "))
    assert result.outcome is Outcome.CONTEXT
    message = describe_anchor_failure(TEXT, Quote("Union State", prefix="the "), result)
    assert "prefix/suffix fit none" in message and "1:6" in message


def test_missing_quote_names_closest_passage_and_similarity() -> None:
    quote = Quote("It was founded in 1997 agian")
    result = match_quote(TEXT, quote)
    assert result.outcome is Outcome.MISSING and result.closest
    assert result.closest.method is Method.FUZZY
    assert line_col(TEXT, result.closest.start) == (3, 1)
    message = describe_anchor_failure(TEXT, quote, result)
    assert "closest passage is at 3:1" in message
    assert "fuzzy matches are never accepted" in message
    assert "similarity 9" in message


def test_fuzzy_scores_fall_as_quotes_get_less_similar() -> None:
    norm = normalize(TEXT)
    quotes = [
        "It was founded in 1996 again",
        "It was founded in 1997 again",
        "It was fonded in 1997 agian",
        "It is found in 1897 anew",
        "Something else entirely here",
    ]
    scores = [closest_passage(norm, q).score for q in quotes]  # type: ignore[union-attr]
    assert scores == sorted(scores, reverse=True)
    assert scores[0] == 1.0 and scores[-1] < 0.6


def test_quote_may_cross_paragraphs() -> None:
    result = match_quote(TEXT, Quote("1996.\n\nIt was"))
    assert result.outcome is Outcome.FOUND and result.match
    assert result.match.method is Method.EXACT


def test_empty_text_and_unicode_offsets_are_code_points() -> None:
    assert match_quote("", Quote("x")).outcome is Outcome.MISSING
    text = "Путин said “да”."
    result = match_quote(text, Quote("да"))
    assert result.match and (result.match.start, result.match.end) == (12, 14)
