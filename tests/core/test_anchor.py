"""Anchoring by quote: every outcome, and the messages editors get."""

from __future__ import annotations

import difflib
import random
import re
import unicodedata
from pathlib import Path

import pytest
from annotated_reader.core.model import Quote
from annotated_reader.core.text.anchor import (
    Method,
    Normalized,
    Outcome,
    closest_passage,
    closest_window,
    line_col,
    match_quote,
    normalize,
)
from annotated_reader.core.text.anchoring import describe_anchor_failure

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
    from annotated_reader.core.text.anchor import disambiguating_context

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


def test_tolerant_folding_finds_one_place_when_only_one_fits() -> None:
    result = match_quote(TEXT, Quote("Putin's"))
    assert result.outcome is Outcome.FOUND  # exact stage: only the straight one
    folded = match_quote(TEXT, Quote("Putin's plan, Putin’s"))
    assert folded.outcome is Outcome.FOUND and folded.match
    assert folded.match.method is Method.TOLERANT


def test_tolerant_folding_can_make_a_quote_ambiguous() -> None:
    """Never guess: a quote written with a third apostrophe is in the text at neither place
    as written, and at both once folded, so it is ambiguous, with both places listed."""
    quote = Quote("Putin‘s")
    result = match_quote(TEXT, quote)
    assert result.outcome is Outcome.AMBIGUOUS and result.match is None
    assert [line_col(TEXT, m.start) for m in result.candidates] == [(4, 1), (4, 15)]
    assert all(m.method is Method.TOLERANT for m in result.candidates)
    message = describe_anchor_failure(TEXT, quote, result)
    assert "matches 2 places in the seed: 4:1 (" in message and "; 4:15 (" in message, message


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


# -- the closest passage: bounded, and still the closest -----------------------------------

ROOT = Path(__file__).resolve().parents[2]
SEEDS = sorted((ROOT / "seeds").iterdir())


def _everywhere(norm: Normalized, needle: str) -> tuple[float, int]:
    """The best score over every word start, as the search did before it was bounded."""
    matcher = difflib.SequenceMatcher(None, autojunk=False)
    matcher.set_seq2(needle)
    best = (0.0, 0)
    for s in [0] + [m.end() for m in re.finditer(" ", norm.text)]:
        matcher.set_seq1(norm.text[s : s + len(needle)])
        if matcher.real_quick_ratio() > best[0] and matcher.quick_ratio() > best[0]:
            best = max(best, (matcher.ratio(), -s))
    return round(best[0], 4), -best[1]


@pytest.mark.parametrize("seed", SEEDS, ids=[p.name for p in SEEDS])
def test_closest_passage_of_a_quote_with_typos_is_the_best_there_is(seed: Path) -> None:
    norm = normalize(seed.read_text(encoding="utf-8"))
    rng = random.Random(seed.name)
    for _ in range(12):
        size = rng.randint(12, 120)
        at = rng.randrange(len(norm.text) - size)
        typed = list(norm.text[at : at + size])
        for _ in range(rng.randint(1, 3)):
            typed[rng.randrange(size)] = rng.choice("qxz")
        needle = "".join(typed).strip()
        found = closest_window(norm, needle)
        assert found is not None
        score, start = _everywhere(norm, needle)
        assert found.score == score, needle
        assert found.start == norm.offsets[start] or score < 0.9, needle


@pytest.mark.parametrize(
    ("typed", "shown"),
    [
        ("cheapest ever", "cheaper than ever"),
        ("cheaper then ever", "cheaper than ever"),
        ("the mayor sad", "the mayor said"),
    ],
)
def test_the_closest_passage_is_whole_words(typed: str, shown: str) -> None:
    """Not a window as long as the quote, cut mid-word (an outside test was shown
    “be "cheaper t” for "cheapest ever")."""
    text = 'Ferries will be "cheaper than ever" once the bridge opens, the mayor said in 1911.'
    found = closest_passage(normalize(text), normalize(typed).text)
    assert found is not None and text[found.start : found.end] == shown


def test_a_long_quote_that_matches_nothing_is_reported_with_the_closest_passage() -> None:
    """20,000 characters of the seed's own words in random order: reported (it once took
    more than ten minutes; the time is measured by benchmarks/closest.py, not here)."""
    text = SEEDS[2].read_text(encoding="utf-8")
    words = text.split()
    rng = random.Random(1)
    quote = Quote(" ".join(rng.choice(words) for _ in range(4000))[:20_000])
    result = match_quote(text, quote)
    assert result.outcome is Outcome.MISSING and result.closest is not None
    message = describe_anchor_failure(text, quote, result)
    assert "matches nothing in the seed; the closest passage is at " in message


def test_a_long_quote_with_one_typo_finds_its_passage() -> None:
    text = SEEDS[2].read_text(encoding="utf-8")
    at = text.index(" ", 500) + 1
    passage = text[at : at + 3000]
    result = match_quote(text, Quote(passage[:1500] + "qq" + passage[1502:]))
    assert result.outcome is Outcome.MISSING and result.closest is not None
    assert result.closest.start == at and result.closest.score > 0.99


# -- differences nobody can see are named ----------------------------------------------------

UNSEEN = "The café in Minsk had a co\u00adoperative, 10\u00a0000 members and a Union State."


@pytest.mark.parametrize(
    ("quote", "said", "where"),
    [
        (
            unicodedata.normalize("NFD", "The café in Minsk"),
            "the quote is in Unicode NFD (an accented letter written as a letter and a "
            "combining accent, or the reverse), the text in NFC",
            "1:1",
        ),
        (
            "a Union\u200b State",
            "the quote has U+200B ZERO WIDTH SPACE at column 8 of the quote where the text has "
            "none",
            "1:58",
        ),
        (
            "a cooperative",
            "the text has U+00AD SOFT HYPHEN at 1:27 where the quote has none",
            "1:23",
        ),
        (
            "10000 members",
            "the text has U+00A0 NO-BREAK SPACE at 1:41 where the quote has none",
            "1:39",
        ),
    ],
    ids=["nfd", "zero-width-space", "soft-hyphen", "no-break-space"],
)
def test_an_invisible_difference_is_named_with_where_it_is(
    quote: str, said: str, where: str
) -> None:
    result = match_quote(UNSEEN, Quote(quote))
    assert result.outcome is Outcome.MISSING
    message = describe_anchor_failure(UNSEEN, Quote(quote), result)
    assert f"because of a character that cannot be seen: {said}; " in message, message
    assert f"the quote is the passage at {where} — copy the quote from there" in message


def test_visible_differences_still_get_the_closest_passage() -> None:
    result = match_quote(UNSEEN, Quote("The cafe in Minsk"))
    message = describe_anchor_failure(UNSEEN, Quote("The cafe in Minsk"), result)
    assert "cannot be seen" not in message and "the closest passage is at 1:1" in message
