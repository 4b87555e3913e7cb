"""Anchoring a source's notes and layout rules in-process: which ones get a place, and the
exact message, code and location an editor is given for each one that does not."""

from __future__ import annotations

import unicodedata

import pytest
from annotated_reader.core.model import (
    Annotation,
    LayoutRule,
    Metadata,
    MetaField,
    Quote,
    Source,
)
from annotated_reader.core.problems import Location, Problems, Severity
from annotated_reader.core.text.anchor import Outcome, match_quote
from annotated_reader.core.text.anchoring import (
    anchor_source,
    describe_anchor_failure,
    invisible_difference,
)

FILE = "annotations/sources/sample.yml"


def _note(id: str, quote: Quote, line: int) -> Annotation:
    return Annotation(
        id=id,
        kind="context",
        quote=quote,
        body="A note.",
        source_id="sample",
        location=Location(FILE, line, 5),
        body_line=line + 2,
    )


def _rule(role: str, quote: Quote, line: int) -> LayoutRule:
    return LayoutRule(role=role, quote=quote, location=Location(FILE, line, 5))


def _source(text: str, notes: list[Annotation], rules: tuple[LayoutRule, ...] = ()) -> Source:
    unknown = MetaField(None, "unknown", Location(FILE, 2))
    meta = Metadata(*[unknown] * 7)
    return Source(
        id="sample",
        path=FILE,
        seed="sample.txt",
        text=text,
        metadata=meta,
        location=Location(FILE),
        annotations=list(notes),
        layout=list(rules),
    )


def _said(problems: Problems) -> list[tuple[str, int, str, str]]:
    assert all(p.severity is Severity.ERROR for p in problems.items)
    return [(p.location.path, p.location.line, p.code, p.message) for p in problems.items]


def _message(text: str, quote: Quote) -> str:
    result = match_quote(text, quote)
    assert result.outcome is not Outcome.FOUND
    return describe_anchor_failure(text, quote, result)


TEXT = "The Union State was founded in 1996.\nIt was founded in 1996 again.\n"


# -- anchor_source: notes ------------------------------------------------------------------


def test_notes_that_anchor_keep_their_place_and_the_others_are_reported_and_dropped() -> None:
    notes = [
        _note("state", Quote("Union State"), 10),
        _note("twice", Quote("founded in 1996"), 20),
        _note("context", Quote("Union State", prefix="A "), 30),
        _note("missing", Quote("The Union Stat was"), 40),
        _note("again", Quote("1996 again"), 50),
    ]
    source = _source(TEXT, notes)
    problems = Problems()
    anchor_source(source, problems)

    assert [a.id for a in source.annotations] == ["state", "again"]
    state, again = source.annotations
    assert (state.start, state.end) == (4, 15)
    assert (again.start, again.end) == (TEXT.index("1996 again"), TEXT.index(" again.") + 6)
    assert [(a.start, a.end) for a in notes[1:4]] == [(-1, -1)] * 3
    assert _said(problems) == [
        (
            FILE,
            20,
            "anchor.ambiguous",
            "annotation 'twice': quote “founded in 1996” matches 2 places in the seed: "
            "1:21 (prefix: 'ate was '); 2:8 (prefix: '\\nIt was '); add the prefix or suffix that "
            "picks the one you mean (seeds/sample.txt)",
        ),
        (
            FILE,
            30,
            "anchor.context",
            "annotation 'context': quote “Union State” occurs at 1:5, but its prefix/suffix "
            "fit none of them; copy the prefix and suffix from the text right around the "
            "passage (seeds/sample.txt)",
        ),
        (
            FILE,
            40,
            "anchor.missing",
            "annotation 'missing': quote “The Union Stat was” matches nothing in the seed; "
            "the closest passage is at 1:1 (similarity 97%): “The Union State was” — copy "
            "the quote from there (fuzzy matches are never accepted) (seeds/sample.txt)",
        ),
    ]
    assert [p.location for p in problems.items] == [Location(FILE, n, 5) for n in (20, 30, 40)]


def test_a_note_on_the_byte_order_mark_alone_is_refused_and_the_next_notes_still_anchor() -> None:
    text = "\ufeffA b.\n"
    notes = [
        _note("bom", Quote("\ufeff"), 7),
        _note("bom-and-a", Quote("\ufeffA"), 12),
        _note("a", Quote("A"), 17),
    ]
    source = _source(text, notes)
    problems = Problems()
    anchor_source(source, problems)
    assert _said(problems) == [
        (
            FILE,
            7,
            "anchor.byte-order-mark",
            "annotation 'bom': the quote matches only the byte-order mark at the start of the "
            "seed, which is not shown; quote visible text (seeds/sample.txt)",
        )
    ]
    assert [(a.id, a.start, a.end) for a in source.annotations] == [
        ("bom-and-a", 0, 2),
        ("a", 1, 2),
    ]


def test_a_one_character_note_at_the_start_of_a_seed_without_byte_order_mark_anchors() -> None:
    source = _source("A b.\n", [_note("a", Quote("A"), 7)])
    problems = Problems()
    anchor_source(source, problems)
    assert not problems
    assert [(a.id, a.start, a.end) for a in source.annotations] == [("a", 0, 1)]


# -- anchor_source: layout rules -----------------------------------------------------------


def test_layout_rules_that_anchor_get_their_place_and_the_others_are_reported() -> None:
    rules = [
        _rule("heading", Quote("founded in 1996"), 60),
        _rule("heading", Quote("It was"), 64),
        _rule("debris", Quote("Union State", suffix=" is"), 68),
        _rule("quote", Quote("Nothing of the kind"), 72),
        _rule("debris", Quote("1996 again"), 76),
    ]
    note = _note("state", Quote("Union State"), 10)
    source = _source(TEXT, [note], tuple(rules))
    problems = Problems()
    anchor_source(source, problems)

    assert [(r.start, r.end) for r in rules] == [
        (-1, -1),
        (37, 43),
        (-1, -1),
        (-1, -1),
        (TEXT.index("1996 again"), TEXT.index(" again.") + 6),
    ]
    assert source.annotations == [note] and (note.start, note.end) == (4, 15)
    closest = _message(TEXT, Quote("Nothing of the kind"))
    assert _said(problems) == [
        (
            FILE,
            60,
            "layout.ambiguous",
            "layout rule 'heading': quote “founded in 1996” matches 2 places in the seed: "
            "1:21 (prefix: 'ate was '); 2:8 (prefix: '\\nIt was '); add the prefix or suffix that "
            "picks the one you mean",
        ),
        (
            FILE,
            68,
            "layout.context",
            "layout rule 'debris': quote “Union State” occurs at 1:5, but its prefix/suffix "
            "fit none of them; copy the prefix and suffix from the text right around the "
            "passage",
        ),
        (FILE, 72, "layout.missing", "layout rule 'quote': " + closest),
    ]
    assert closest.startswith("quote “Nothing of the kind” matches nothing in the seed; ")


# -- describe_anchor_failure ---------------------------------------------------------------


def test_a_quote_of_sixty_characters_is_shown_whole_and_a_longer_one_cut() -> None:
    sixty = "q" * 59 + "z"
    assert _message("", Quote(sixty)) == (
        f"quote “{sixty}” matches nothing in the seed; copy it from the text"
    )
    assert _message("", Quote(sixty + "y")) == (
        f"quote “{'q' * 57}…” matches nothing in the seed; copy it from the text"
    )


def test_a_quote_with_no_passage_like_it_is_told_to_be_copied_from_the_text() -> None:
    assert _message("abc", Quote("xyz")) == (
        "quote “xyz” matches nothing in the seed; copy it from the text"
    )


def test_the_places_of_an_ambiguous_quote_each_get_the_context_that_tells_it_apart() -> None:
    assert _message("x one x two", Quote("x")) == (
        "quote “x” matches 2 places in the seed: 1:1 (suffix: ' one'); 1:7 (prefix: 'one '); "
        "add the prefix or suffix that picks the one you mean"
    )
    # Within a run of one letter no context of up to 80 characters tells the first apart.
    assert _message("a" * 200, Quote("aaaa")).startswith(
        "quote “aaaa” matches 197 places in the seed: 1:1 (no short context); "
        "1:2 (no short context); "
    )


def test_an_ambiguous_quote_lists_eight_places_and_counts_the_rest() -> None:
    eight = "\n".join(f"{w} x" for w in "ab cd ef gh ij kl mn op".split())
    places = "; ".join(
        ["1:4 (prefix: 'ab ')"]
        + [f"{n}:4 (prefix: '\\n{w} ')" for n, w in enumerate("cd ef gh ij kl mn op".split(), 2)]
    )
    assert _message(eight, Quote("x")) == (
        "quote “x” matches 8 places in the seed: "
        + places
        + "; add the prefix or suffix that picks the one you mean"
    )
    nine = eight + "\nqr x"
    assert _message(nine, Quote("x")) == (
        "quote “x” matches 9 places in the seed: "
        + places
        + "; and 1 more; add the prefix or suffix that picks the one you mean"
    )


def test_a_quote_whose_context_fits_none_of_its_places_lists_them_all() -> None:
    text = "Union State.\nThe Union State.\n"
    assert _message(text, Quote("Union State", suffix=" was")) == (
        "quote “Union State” occurs at 1:1, 2:5, but its prefix/suffix fit none of them; "
        "copy the prefix and suffix from the text right around the passage"
    )


def test_the_closest_passage_is_shown_on_one_line_and_cut_after_eighty_characters() -> None:
    words = "Two\n\n  three four five six seven eight nine ten eleven twelve thirteen fourteen a"
    shown = " ".join(words.split())
    assert len(shown) == 78
    for extra, passage in [
        (" x", shown + " x"),  # 80 characters: whole
        (" xy", shown[:78].rsplit(" ", 1)[0] + " …"),  # 81: cut after its last whole word
    ]:
        text = "Line one.\n" + words + extra + "\nLine three.\n"
        typed = shown.replace("thirteen", "thirtean") + extra
        assert _message(text, Quote(typed)) == (
            f"quote “{typed[:57]}…” matches nothing in the seed; the closest passage is at "
            f"2:1 (similarity 98%): “{passage}” — copy the "
            "quote from there (fuzzy matches are never accepted)"
        )


# -- differences nobody can see ------------------------------------------------------------

CAFE = "Minsk.\nThe café, the café.\n"


def test_a_quote_in_nfd_is_placed_with_its_prefix_in_a_text_in_nfc() -> None:
    quote = Quote(unicodedata.normalize("NFD", "café"), prefix="the ")
    assert _message(CAFE, quote) == (
        f"quote “{quote.exact}” matches nothing in the seed because of a character that cannot be "
        "seen: the quote is in Unicode NFD (an accented letter written as a letter and a "
        "combining accent, or the reverse), the text in NFC; but for it, the quote is the "
        "passage at 2:15 — copy the quote from there"
    )


def test_a_quote_in_nfc_is_placed_with_its_suffix_in_a_text_in_nfd() -> None:
    text = unicodedata.normalize("NFD", CAFE)
    quote = Quote("café", suffix=".")
    assert invisible_difference(text, quote) == (
        "the quote is in Unicode NFC (an accented letter written as a letter and a combining "
        "accent, or the reverse), the text in NFD",
        text.rindex("cafe"),
    )
    assert "the quote is the passage at 2:16 — copy" in _message(text, quote)


def test_a_text_in_neither_normal_form_is_not_said_to_be_in_one() -> None:
    """The passage is in NFC, but another word of the text is in NFD: the text is in neither
    form, so the message may not say it is in NFC."""
    text = "Minsk.\nThe cafe\u0301, the café.\n"
    quote = Quote(unicodedata.normalize("NFD", "the café."))
    assert invisible_difference(text, quote) is None
    assert "the text in NFC" not in _message(text, quote)


@pytest.mark.parametrize(
    ("text", "quote", "said"),
    [
        (
            "Line one.\nA b\u00adc",
            "A bc",
            "the text has U+00AD SOFT HYPHEN at 2:4 where the quote has none; but for it, the "
            "quote is the passage at 2:1",
        ),
        (
            "Line one.\nA b\u00adc d.\n",
            "bc",
            "the text has U+00AD SOFT HYPHEN at 2:4 where the quote has none; but for it, the "
            "quote is the passage at 2:3",
        ),
        (
            "Line one.\nUnion State.\n",
            "Union\u2060 State",
            "the quote has U+2060 WORD JOINER at column 6 of the quote where the text has "
            "none; but for it, the quote is the passage at 2:1",
        ),
        (  # a tag character and a variation selector were shown raw, unnamed
            "Line one.\nThe Rus\U000e0041sian Duma.\n",
            "The Russian Duma",
            "the text has U+E0041 TAG LATIN CAPITAL LETTER A at 2:8 where the quote has none; "
            "but for it, the quote is the passage at 2:1",
        ),
        (
            "Line one.\nThe Duma.\n",
            "The\ufe0f Duma",
            "the quote has U+FE0F VARIATION SELECTOR-16 at column 4 of the quote where the "
            "text has none; but for it, the quote is the passage at 2:1",
        ),
    ],
    ids=[
        "soft-hyphen-at-the-end",
        "soft-hyphen-before-the-last",
        "word-joiner",
        "tag-character",
        "variation-selector",
    ],
)
def test_an_invisible_character_is_named_with_where_it_is(text: str, quote: str, said: str) -> None:
    assert _message(text, Quote(quote)) == (
        f"quote “{quote}” matches nothing in the seed because of a character that cannot be "
        f"seen: {said} — copy the quote from there"
    )


def test_an_invisible_character_in_the_quote_is_placed_with_its_context() -> None:
    text = "Union State.\nThe Union State.\n"
    quote = Quote("Union\u200bState", prefix="The ")
    assert invisible_difference(text, Quote("Union\u200b State", prefix="The ")) == (
        "the quote has U+200B ZERO WIDTH SPACE at column 6 of the quote where the text has none",
        text.rindex("Union"),
    )
    assert invisible_difference(text, quote) is None  # "UnionState": a visible difference
    text = "Union State. The Union State!"
    assert invisible_difference(text, Quote("Union\u200b State", suffix="!")) == (
        "the quote has U+200B ZERO WIDTH SPACE at column 6 of the quote where the text has none",
        text.rindex("Union"),
    )


def test_a_quote_of_invisible_characters_alone_is_not_placed() -> None:
    assert invisible_difference("Union State.", Quote("\u200b\u200b")) is None


def test_no_place_is_given_when_the_text_without_its_invisible_characters_has_two() -> None:
    text = "A b\u00adc d co\u00adop co\u00adop.\n"
    assert invisible_difference(text, Quote("coop")) is None
    assert invisible_difference(text, Quote("coop co")) == (
        "the text has U+00AD SOFT HYPHEN at 1:11 where the quote has none",
        8,
    )


def test_no_invisible_difference_when_the_quote_differs_in_what_can_be_seen() -> None:
    assert invisible_difference("A b\u00adc d.", Quote("b d")) is None
    assert invisible_difference("A bc d.", Quote("b d")) is None
    assert invisible_difference("A b\u00adc d.", Quote("b\u200bd")) is None


def test_a_passage_that_is_not_the_quote_is_never_said_to_be_100_percent_like_it() -> None:
    """Rounded, one letter in 300 was "similarity 100%" (found by an outside test)."""
    words = " ".join(f"word{i}" for i in range(50))
    text = f"Start.\n{words}\nEnd.\n"
    typed = words.replace("word25", "wrod25")
    assert "(similarity 99%)" in _message(text, Quote(typed))
