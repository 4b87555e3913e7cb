"""The quote selector's own rules, in process (``annotated-reader quote`` and the Hypothesis
import use them through the command): which places a text has, the words context grows by,
the limit on selectors, and the place nearest a recorded position."""

from __future__ import annotations

from annotated_reader.core.model import Quote
from annotated_reader.core.text.anchor import Outcome
from annotated_reader.core.text.selector import Place, nearest, select


def test_a_text_found_once_needs_no_context_and_one_not_found_has_no_place() -> None:
    found = select("alpha beta gamma", "beta")
    assert [(p.match.start, p.match.end, p.quote) for p in found.places] == [
        (6, 10, Quote("beta"))
    ]
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
