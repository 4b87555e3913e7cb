"""Anchoring by quote, stage by stage: the exact places, methods and scores each stage gives,
the context compared across forgiven whitespace, and the closest passage's search."""

from __future__ import annotations

import string

from annotated_reader.core.model import Quote
from annotated_reader.core.text.anchor import (
    AnchorResult,
    Match,
    Method,
    Normalized,
    Outcome,
    _shortlist,
    closest_passage,
    closest_window,
    disambiguating_context,
    line_col,
    match_quote,
    normalize,
    similarity,
)


def exact(start: int, end: int) -> Match:
    return Match(start, end, 1.0, Method.EXACT)


def tolerant(start: int, end: int) -> Match:
    return Match(start, end, 0.99, Method.TOLERANT)


# -- the exact stage -------------------------------------------------------------------------


def test_an_exact_match_has_its_span_score_and_method() -> None:
    assert match_quote("The Union State.", Quote("Union State")) == AnchorResult(
        Outcome.FOUND, exact(4, 15)
    )


def test_overlapping_places_are_all_found() -> None:
    assert match_quote("aaa", Quote("aa")) == AnchorResult(
        Outcome.AMBIGUOUS, candidates=[exact(0, 2), exact(1, 3)]
    )


def test_places_that_fit_exactly_are_listed_as_exact() -> None:
    text = "the Union, the Union and the Union"
    assert match_quote(text, Quote("Union", prefix="the ")) == AnchorResult(
        Outcome.AMBIGUOUS, candidates=[exact(4, 9), exact(15, 20), exact(29, 34)]
    )
    assert match_quote(text, Quote("Union", prefix="the ", suffix=" and")) == AnchorResult(
        Outcome.FOUND, exact(15, 20)
    )


def test_a_prefix_may_reach_the_start_of_the_text() -> None:
    assert match_quote("x ab, y ab", Quote("ab", prefix="x ")) == AnchorResult(
        Outcome.FOUND, exact(2, 4)
    )


def test_both_prefix_and_suffix_must_fit() -> None:
    text = "Union State, the Union State."
    result = match_quote(text, Quote("Union State", prefix="the ", suffix="!"))
    assert result == AnchorResult(Outcome.CONTEXT, candidates=[exact(0, 11), exact(17, 28)])
    result = match_quote(text, Quote("Union State", prefix="a ", suffix="."))
    assert result == AnchorResult(Outcome.CONTEXT, candidates=[exact(0, 11), exact(17, 28)])


def test_an_empty_or_blank_quote_matches_nothing_and_has_no_closest_passage() -> None:
    assert match_quote("a b", Quote("")) == AnchorResult(Outcome.MISSING)
    assert match_quote("a b", Quote("\n\n")) == AnchorResult(Outcome.MISSING)
    assert closest_passage(normalize("a b"), "") is None


# -- the tolerant stage ----------------------------------------------------------------------


def test_a_tolerant_match_has_its_original_span_score_and_method() -> None:
    text = "It was  founded in\n1996."
    assert match_quote(text, Quote("founded in 1996")) == AnchorResult(
        Outcome.FOUND, tolerant(8, 23)
    )


def test_a_tolerant_match_keeps_a_context_that_ends_or_starts_with_a_space() -> None:
    """A prefix ending in a space (as Web Annotation tools write it) and a suffix starting
    with one fit across the text's own whitespace when the passage matches only tolerantly;
    they used to be compared to the text with that space removed, and never fit."""
    text = "a Union  State, the Union  State now, the Union  State then"
    assert match_quote(text, Quote("Union State", prefix="the ")) == AnchorResult(
        Outcome.AMBIGUOUS, candidates=[tolerant(20, 32), tolerant(42, 54)]
    )
    assert match_quote(text, Quote("Union State", prefix="the ", suffix=" then")) == (
        AnchorResult(Outcome.FOUND, tolerant(42, 54))
    )
    assert match_quote(text, Quote("Union State", suffix="\nnow")) == (
        AnchorResult(Outcome.FOUND, tolerant(20, 32))
    )
    # The space may be on either side of the junction, or doubled on the editor's side.
    assert match_quote(text, Quote(" Union State", prefix="the")) == (
        match_quote(text, Quote("Union State  ", prefix="the  "))
    )
    assert match_quote(text, Quote("Union State", prefix="the")).outcome is Outcome.AMBIGUOUS


def test_a_context_that_fits_no_tolerant_place_lists_the_tolerant_places() -> None:
    text = "a Union  State, the Union  State"
    assert match_quote(text, Quote("Union State", prefix="my ")) == AnchorResult(
        Outcome.CONTEXT, candidates=[tolerant(2, 14), tolerant(20, 32)]
    )


def test_a_context_that_fits_no_exact_place_lists_the_exact_places() -> None:
    text = "a Union State, the Union State"
    assert match_quote(text, Quote("Union State", prefix="my ")) == AnchorResult(
        Outcome.CONTEXT, candidates=[exact(2, 13), exact(19, 30)]
    )


def test_a_given_normalized_text_is_used() -> None:
    text = "It was  founded in\n1996."
    assert match_quote(text, Quote("founded in 1996"), normalize(text)) == AnchorResult(
        Outcome.FOUND, tolerant(8, 23)
    )


def test_normalize_keeps_the_offset_of_each_character_it_keeps() -> None:
    assert normalize("a \t b\n\nc") == Normalized("a b c", [0, 1, 4, 5, 7])
    assert normalize("\n a “b”") == Normalized(' a "b"', [0, 2, 3, 4, 5, 6])
    assert normalize("a b").original_span(1, 3) == (1, 3)


# -- where: line and column, and the context that tells places apart --------------------------


def test_line_and_column_count_from_one() -> None:
    assert line_col("ab", 0) == (1, 1)
    assert line_col("\nab", 1) == (2, 1)
    assert line_col("\nab", 2) == (2, 2)
    assert line_col("a\nb\ncd", 5) == (3, 2)


def test_the_context_suggested_is_the_shortest_that_tells_a_place_apart() -> None:
    text = "xyz Q and xyz Q"
    first, second = match_quote(text, Quote("Q")).candidates
    assert disambiguating_context(text, first, [first, second]) == ("", " and")
    assert disambiguating_context(text, second, [first, second]) == ("and xyz ", "")
    assert match_quote(text, Quote("Q", prefix="and xyz ")).match == second
    assert match_quote(text, Quote("Q", suffix=" and")).match == first


# -- the closest passage -----------------------------------------------------------------------


def test_of_equally_close_passages_the_first_is_given() -> None:
    found = closest_passage(normalize("abcd abcd"), "abdc")
    assert found == Match(0, 4, 0.75, Method.FUZZY)


def test_the_closest_passage_score_is_the_similarity_rounded_to_four_places() -> None:
    found = closest_window(normalize("The Union State"), "Union Stat")
    assert found == Match(4, 14, round(similarity("Union Stat", "Union Stat"), 4), Method.FUZZY)
    found = closest_window(normalize("abcdefg"), "abcxefh")
    assert found == Match(0, 7, round(similarity("abcdefg", "abcxefh"), 4), Method.FUZZY)
    assert found.score == 0.7143


def test_quotes_of_up_to_four_hundred_characters_are_compared_character_by_character() -> None:
    words = [f"w{i:03d}{string.ascii_lowercase[i % 26]}" for i in range(80)]
    text = " ".join(words)  # 80 words of 5 characters: 479 characters
    for size in (300, 400):
        passage = text[:size]
        typed = passage[:150] + "#" + passage[151:]
        found = closest_window(normalize(text), typed)
        assert found == Match(0, size, round(similarity(passage, typed), 4), Method.FUZZY)
        assert found.score == round(1 - 1 / size, 4)


def test_a_needle_of_24_characters_is_compared_at_every_word_start() -> None:
    """The passage that shares no 3-character piece with the needle but is the closest is
    still found, behind sixteen that share more pieces."""
    needle = "abcdefghijklmnopqrstuvwx"
    best = "aXcdXfgXijXlmXopXrsXuvXx"
    text = " ".join(["abcdef" + "z" * 30] * 16 + [best])
    found = closest_passage(normalize(text), needle)
    assert found is not None and (found.start, found.score) == (text.index(best), 0.6667)


NEEDLE = string.ascii_lowercase + "0123"  # 30 characters, 28 pieces, all different


def _word(count: int, *, tail: bool = False) -> str:
    """A word of the needle sharing ``count`` pieces: its start (or its end), then dots."""
    piece = NEEDLE[-(count + 2) :] if tail else NEEDLE[: count + 2]
    return piece + "." * 40


def test_the_shortlist_is_the_sixteen_word_starts_that_share_the_most_pieces() -> None:
    """Ties keep the earlier word: the word that ends the text (its last piece is the text's
    last) and the one that starts it each tie for the sixteenth place with a later word."""
    words = [_word(5)] + [_word(k) for k in range(6, 20)] + [_word(5, tail=True)]
    words += [_word(5), _word(4), _word(1), NEEDLE[:7]]
    text = " ".join(words)
    starts = [0] + [i + 1 for i, ch in enumerate(text) if ch == " "]
    assert _shortlist(text, NEEDLE, starts) == starts[:16]
    assert len(starts) == 20 and _shortlist(text, NEEDLE[:24], starts) == starts
    # The last word shares six pieces, the last of them the text's last three characters.
    last = " ".join([_word(k) for k in range(7, 22)] + [_word(5), NEEDLE[:8]])
    starts = [0] + [i + 1 for i, ch in enumerate(last) if ch == " "]
    assert _shortlist(last, NEEDLE, starts) == [*starts[:15], starts[16]]


def test_a_window_counts_the_pieces_up_to_its_last_character() -> None:
    """A window of the needle's length holds len(needle) - 2 pieces: three of the needle's
    start at the window's very end count, and the third of three a character later does not."""
    ends = "." * 25 + NEEDLE[:5]  # the window's last 3 pieces are shared
    later = "." * 26 + NEEDLE[:5]  # 2 shared pieces inside the window, the third beyond
    early = NEEDLE[:4] + "." * 40  # 2 shared pieces at the window's start
    text = " ".join([later] * 8 + [early] * 8 + [ends, later])
    starts = [0] + [i + 1 for i, ch in enumerate(text) if ch == " "]
    assert _shortlist(text, NEEDLE, starts) == [*starts[:15], starts[16]]


def test_the_suggested_suffix_is_compared_with_the_text_after_each_rival() -> None:
    text = "Q abcd Q abce"
    first, second = match_quote(text, Quote("Q")).candidates
    assert disambiguating_context(text, first, [first, second]) == ("", " abcd Q ")
    assert disambiguating_context(text, second, [first, second]) == ("bcd ", " abce")
    assert match_quote(text, Quote("Q", suffix=" abcd Q ")).match == first


def test_a_quote_of_a_few_hundred_characters_is_scored_without_junk_heuristics() -> None:
    """Typos on both sides of a run of its most frequent letters (" the "): the run still
    counts towards the similarity, as difflib's junk heuristic would not let it."""
    text = (
        "The Union State of Russia and Belarus was founded in 1996 as a community, became a "
        "union in 1997 and a state on paper in 1999; its parliament never met, its currency "
        "never came, and its flag was never raised over either capital, though the treaty is "
        "still in force and its budget is still spent every year on programmes of both "
        "countries."
    )
    passage = text[:300]
    at = passage.index(" the treaty")
    typed = passage[:at] + "#the#" + passage[at + 5 :]
    found = closest_passage(normalize(text), typed)
    assert found == Match(0, 300, 0.9933, Method.FUZZY)
    assert similarity(passage, typed) == 2 * 298 / 600  # all but the two "#"


def test_a_quote_of_over_four_hundred_characters_is_scored_word_by_word() -> None:
    """Words compared, the most frequent left to extend matches rather than seed them: "of
    the" between two misspelt words counts for nothing (294 of 298 words match, not 296)."""
    para = (
        "The Union State of Russia and Belarus was founded in 1996 as a community of the two "
        "states, became a union in 1997 and a state on paper in 1999; the parliament of the "
        "union never met, the currency of the union never came, and the flag of the union was "
        "never raised over either of the capitals."
    )
    text = " ".join(f"{para} Part {i}." for i in range(12))
    typed = text[:1500].replace("community of the two", "communitx of the twx", 1)
    found = closest_passage(normalize(text), typed)
    assert found == Match(0, 1500, round(2 * 294 / 596, 4), Method.FUZZY)
