"""The review report's Markdown pieces (review/md.py), called directly: what a reviewer reads
of a pull request's text must be literal, whatever the text holds."""

from __future__ import annotations

import pytest
from annotated_reader.core.text.segment import segment
from annotated_reader.review.md import code, esc, fenced, is_long, passage, text_diff, value


def test_every_character_that_opens_markdown_or_html_is_escaped() -> None:
    assert esc("\\`*_[]<>!#|~&$@:") == "\\\\\\`\\*\\_\\[\\]\\<\\>\\!\\#\\|\\~\\&\\$\\@\\:"
    assert esc("plain words, (kept) as-is.") == "plain words, (kept) as-is."


def test_whitespace_collapses_to_one_line() -> None:
    assert esc("  two\n\tlines  here \n") == "two lines here"


@pytest.mark.parametrize(
    ("text", "escaped"),
    [
        ("- item", "\\- item"),
        ("+ item", "\\+ item"),
        ("= underline", "\\= underline"),
        ("12. numbered", "12\\. numbered"),
        ("3) numbered", "3\\) numbered"),
        ("  - indented", "\\- indented"),
        ("a - b + c = d 4. e", "a - b + c = d 4. e"),
        ("12 items", "12 items"),
    ],
)
def test_a_line_cannot_start_a_list_or_heading(text: str, escaped: str) -> None:
    assert esc(text) == escaped


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("a b", "`a b`"),
        ("a`b", "``a`b``"),
        ("a ``` b", "````a ``` b````"),
        ("`a", "`` `a ``"),
        ("a`", "`` a` ``"),
        ("", "`  `"),
        (" x\n   y ", "`x y`"),
    ],
)
def test_a_code_span_outgrows_the_backticks_inside_it(text: str, span: str) -> None:
    assert code(text) == span


def test_a_fence_is_at_least_three_backticks_and_outgrows_any_run() -> None:
    assert fenced("a\n\nb\n\n", "markdown") == "```markdown\na\n\nb\n```"
    assert fenced("plain") == "```\nplain\n```"
    assert fenced("x `` y") == "```\nx `` y\n```"
    assert fenced("x ```` y", "diff") == "`````diff\nx ```` y\n`````"


def test_values_are_short_and_literal() -> None:
    assert value(None) == "—"
    assert value(True) == "`true`"
    assert value(False) == "`false`"
    assert value(0) == "`0`"
    assert value("a *b*") == "`a *b*`"
    assert value({"title": "A [b]", "url": "https://x.example/"}) == (
        "A \\[b\\] (`https://x.example/`)"
    )
    assert value({"url": "u"}) == " (`u`)"
    assert value({"title": "t"}) == "t (`  `)"
    assert value([]) == "[]"
    assert value([1, None, "x"]) == "[`1`, —, `x`]"
    assert value({"a*": 1, "b": [True]}) == "{a\\*: `1`, b: [`true`]}"
    assert value({"title": "t", "url": "u", "more": 1}) == "{title: `t`, url: `u`, more: `1`}"


def test_a_text_is_long_past_80_characters_or_on_several_lines() -> None:
    assert not is_long("x" * 80)
    assert is_long("x" * 81)
    assert is_long("a\nb")
    assert not is_long("one line\n")
    assert not is_long(["x" * 100])
    assert not is_long(None)


def test_a_text_diff_shows_each_line_once_with_its_sign() -> None:
    assert text_diff("same\nold line\nend\n", "same\nnew line\nend") == (
        "```diff\n same\n-old line\n+new line\n end\n```"
    )
    assert text_diff(None, "  added\n") == "```diff\n+added\n```"
    assert text_diff("gone", None) == "```diff\n-gone\n```"
    # ndiff's "? " hint lines (here under a one-letter change) are left out
    assert text_diff("abcdefgh", "abcdefgX") == "```diff\n-abcdefgh\n+abcdefgX\n```"


TEXT = "Head line\n\nFirst sentence here. The quoted words sit here, then more. Last one.\n\nNext."


def _at(text: str, quoted: str) -> tuple[int, int]:
    start = text.index(quoted)
    return start, start + len(quoted)


def test_a_passage_is_shown_in_bold_inside_its_sentence() -> None:
    blocks = segment(TEXT)
    assert passage(TEXT, blocks, *_at(TEXT, "quoted words")) == (
        "> The <b>quoted words</b> sit here, then more."
    )
    # a passage across two sentences shows both whole
    assert passage(TEXT, blocks, *_at(TEXT, "here. The")) == (
        "> First sentence <b>here. The</b> quoted words sit here, then more."
    )
    # its first and last characters pick the sentences
    assert passage(TEXT, blocks, *_at(TEXT, "The quoted words sit here,")) == (
        "> <b>The quoted words sit here,</b> then more."
    )
    assert passage(TEXT, blocks, *_at(TEXT, "First")) == ("> <b>First</b> sentence here.")
    # across blocks: the end of one and the start of the next, on one line
    assert passage(TEXT, blocks, *_at(TEXT, "one.\n\nNext")) == "> Last <b>one. Next</b>."
    # a whole heading block, no sentence end in it
    assert passage(TEXT, blocks, *_at(TEXT, "Head")) == "> <b>Head</b> line"


def test_a_passage_ending_its_sentence_shows_that_sentence_only() -> None:
    assert passage(TEXT, segment(TEXT), *_at(TEXT, "then more.")) == (
        "> The quoted words sit here, <b>then more.</b>"
    )


def test_a_passage_with_spaces_at_its_ends_keeps_its_words_apart() -> None:
    """A quote may begin or end with a space (the loader accepts " founded in 1996 "); the
    bold shows the words, and the space stays between it and the context."""
    blocks = segment(TEXT)
    assert passage(TEXT, blocks, *_at(TEXT, " The quoted")) == (
        "> First sentence here. <b>The quoted</b> words sit here, then more."
    )
    assert passage(TEXT, blocks, *_at(TEXT, "quoted words ")) == (
        "> The <b>quoted words</b> sit here, then more."
    )
    # no context on a side: no space there
    assert passage(TEXT, blocks, *_at(TEXT, "\n\nNext.")) == "> <b>Next.</b>"
    assert passage(TEXT, blocks, *_at(TEXT, "Last one.\n")) == ("> <b>Last one.</b>")


def test_the_sentences_are_those_of_the_passages_first_and_last_characters() -> None:
    blocks = segment(TEXT)
    # one character at the start of a block
    assert passage(TEXT, blocks, *_at(TEXT, "F")) == "> <b>F</b>irst sentence here."
    # a passage ending with the first letter of a sentence shows that sentence
    assert passage(TEXT, blocks, *_at(TEXT, "here. T")) == (
        "> First sentence <b>here. T</b>he quoted words sit here, then more."
    )
    # a passage starting on the space between sentences belongs to no sentence: the
    # whole paragraph is shown
    assert passage(TEXT, blocks, *_at(TEXT, " Last one.")) == (
        "> First sentence here. The quoted words sit here, then more. <b>Last one.</b>"
    )


def test_a_passage_outside_every_block_stands_alone() -> None:
    assert passage(TEXT, [], *_at(TEXT, "quoted words")) == "> <b>quoted words</b>"


def test_no_space_is_added_where_the_text_has_none() -> None:
    text = "Ab cd,QUOTE,ef gh."
    assert passage(text, segment(text), *_at(text, "QUOTE")) == "> Ab cd,<b>QUOTE</b>,ef gh."
    # only the characters next to the bold count
    text = "Ab ,Q R, gh."
    assert passage(text, segment(text), *_at(text, "Q R")) == "> Ab ,<b>Q R</b>, gh."
    text = "Ab cd QUOTE ef gh."
    assert passage(text, segment(text), *_at(text, "QUOTE")) == "> Ab cd <b>QUOTE</b> ef gh."


def test_a_long_sentence_is_cut_at_a_word_on_each_side() -> None:
    words = " ".join(f"w{i:03d}" for i in range(40))  # 199 characters
    text = f"{words} QUOTE {words}."
    shown = passage(text, segment(text), *_at(text, "QUOTE"))
    kept = " ".join(f"w{i:03d}" for i in range(8, 40))
    cut = " ".join(f"w{i:03d}" for i in range(32))
    assert shown == f"> …{kept} <b>QUOTE</b> {cut}…"


def test_a_side_of_exactly_the_context_is_not_cut() -> None:
    side = "x" * 159 + ","  # 160 characters on each side
    text = f"{side} QUOTE {side}"
    shown = passage(text, segment(text), *_at(text, "QUOTE"))
    assert shown == f"> {side} <b>QUOTE</b> {side}"
    # 161 characters, one word: cut to the 160 nearest the passage
    text = f"y{side} QUOTE {side}y"
    shown = passage(text, segment(text), *_at(text, "QUOTE"))
    assert shown == f"> …{side} <b>QUOTE</b> {side}…"


def test_passage_text_is_escaped() -> None:
    text = "See *this* [link](x) <b>now</b>."
    assert passage(text, segment(text), *_at(text, "[link](x)")) == (
        "> See \\*this\\* <b>\\[link\\](x)</b> \\<b\\>now\\</b\\>."
    )
