"""The quote selector's own rules, in process (``annotated-reader quote`` and the Hypothesis
import use them through the command): which places a text has, the words context grows by,
the limit on selectors, and the place nearest a recorded position."""

from __future__ import annotations

from annotated_reader.core.model import Quote
from annotated_reader.core.text.anchor import Outcome
from annotated_reader.core.text.selector import (
    MAX_WORDS,
    Place,
    _prefix_starts,
    _suffix_ends,
    nearest,
    select,
)


def test_a_text_found_once_needs_no_context_and_one_not_found_has_no_place() -> None:
    found = select("alpha beta gamma", "beta")
    assert [(p.match.start, p.match.end, p.quote) for p in found.places] == [(6, 10, Quote("beta"))]
    missing = select("alpha beta gamma", "delta")
    assert missing.places == [] and missing.result.outcome is Outcome.MISSING
    assert found.result.outcome is Outcome.FOUND
    assert select("a cat. b cat.", "cat").result.outcome is Outcome.AMBIGUOUS


def test_context_grows_a_whole_word_at_a_time_over_runs_of_spaces() -> None:
    text = "one   cat  y y y\n\ntwo   cat  y y y"
    [first, second] = select(text, "cat").places
    assert first.quote == Quote("cat", "one   ", "")
    assert second.quote == Quote("cat", "two   ", "")
    text = "x x x cat  one\nx x x cat  two"
    [first, second] = select(text, "cat").places
    assert (first.quote, second.quote) == (Quote("cat", "", "  one"), Quote("cat", "", "  two"))


def test_a_long_run_of_spaces_counts_as_no_word() -> None:
    gap = " " * 14
    text = f"one{gap}cat{gap}end\ntwo{gap}cat{gap}end"
    [first, second] = select(text, "cat").places
    assert (first.quote, second.quote) == (Quote("cat", f"one{gap}"), Quote("cat", f"two{gap}"))
    text = f"end{gap}cat{gap}one\nend{gap}cat{gap}two"
    [first, second] = select(text, "cat").places
    assert (first.quote, second.quote) == (
        Quote("cat", "", f"{gap}one"),
        Quote("cat", "", f"{gap}two"),
    )


def test_beyond_the_limit_a_place_is_given_without_its_selector() -> None:
    text = "a cat. b cat. c cat."
    places = select(text, "cat", limit=2).places
    assert [p.match.start for p in places] == [2, 9, 16]
    assert [p.quote for p in places] == [Quote("cat", "a ", ""), Quote("cat", "b ", ""), None]
    assert select(text, "cat", limit=0).places[0].quote is None


def test_the_place_nearest_a_recorded_position_and_no_guess_between_two() -> None:
    places = select("a cat. bb cat. c cat.", "cat").places  # at 2, 10 and 17
    assert [p.match.start for p in places] == [2, 10, 17]
    assert nearest(places, 11) == places[1]
    assert nearest(places, 9) == places[1]
    assert nearest(places, 16) == places[2]
    assert nearest(places, 0) == places[0]
    assert nearest(places, 100) == places[2]
    assert nearest(places, 6) is None  # 2 and 10 are both 4 away
    assert nearest([], 3) is None
    assert nearest(places[:2], 6) is None
    assert nearest(places[:1], 500) == places[0]


def test_places_are_given_in_the_order_of_the_text() -> None:
    places: list[Place] = select("cat dog cat dog cat", "dog").places
    assert [p.match.start for p in places] == [4, 12]


def test_a_mark_just_before_the_passage_is_a_prefix_of_its_own() -> None:
    # The bracket alone tells the two places apart: the prefix is not grown over "a ".
    text = "a (Liberty b. a [Liberty b."
    assert [p.quote for p in select(text, "Liberty").places] == [
        Quote("Liberty", "(", ""),
        Quote("Liberty", "[", ""),
    ]
    # Its mirror image: the mark just after the passage is a suffix of its own.
    text = "a Liberty) b. a Liberty] b."
    assert [p.quote for p in select(text, "Liberty").places] == [
        Quote("Liberty", "", ")"),
        Quote("Liberty", "", "]"),
    ]


def test_context_reaches_the_first_and_the_last_character_of_the_text() -> None:
    text = "(Liberty and Liberty\n"
    assert [p.quote for p in select(text, "Liberty").places] == [
        Quote("Liberty", "(", ""),
        Quote("Liberty", "", "\n"),
    ]


def test_context_grows_to_twelve_words_and_no_further() -> None:
    def text(words: int) -> str:
        run = " ".join(["w"] * (words - 1))
        return f"x {run} beta. y {run} beta"

    # The second place ends the text, so only its twelfth word before tells it apart.
    assert [p.quote for p in select(text(12), "beta").places] == [
        Quote("beta", "", "."),
        Quote("beta", "y w w w w w w w w w w w ", ""),
    ]
    assert [p.quote for p in select(text(13), "beta").places] == [Quote("beta", "", "."), None]


def test_the_words_context_may_grow_by_from_a_passage() -> None:
    text = "one two  three\tfour"
    # Prefixes start at each word before the passage, nearest first.
    assert _prefix_starts(text, 15) == [9, 4, 0]
    assert _prefix_starts(text, 10) == [9, 4, 0]  # inside "three": the rest of it first
    assert _prefix_starts(text, 0) == []
    # Suffixes end at each word after it, nearest first.
    assert _suffix_ends(text, 0) == [3, 7, 14, 19]
    assert _suffix_ends(text, 3) == [7, 14, 19]
    assert _suffix_ends(text, 19) == []
    # Spaces at the text's ends belong to the outermost word.
    assert _prefix_starts("  cat\n", 2) == [0]
    assert _prefix_starts(" cat\n", 1) == [0]
    assert _suffix_ends("cat  \n", 3) == [6]
    assert _suffix_ends("\ncat ", 4) == [5]
    # Never more than MAX_WORDS words, however long the text.
    words = " ".join(["w"] * 20)  # a word every two characters
    assert MAX_WORDS == 12
    assert _prefix_starts(words, 39) == list(range(38, 14, -2))
    assert _suffix_ends(words, 0) == list(range(1, 25, 2))
