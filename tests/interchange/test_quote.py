"""The quote helper: a selector that anchors to exactly one place, from the seed.

Every note of the real corpus is asked for again with its prefix and suffix removed: the
helper must give, for the note's own place, a quote that anchors there and nowhere else.
The command is run as an editor runs it; what it prints is pasted into a source file and
checked by ``annotated-reader check``.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from annotated_reader.assembly import load_corpus
from annotated_reader.core.corpus import Paths
from annotated_reader.core.model import Quote
from annotated_reader.core.text.anchor import Outcome, match_quote
from annotated_reader.core.text.selector import select
from helpers.project import BIN, ROOT, check, run


def quote_cmd(project: Path, *args: str) -> tuple[int, str, str]:
    result = run([str(BIN / "annotated-reader"), "quote", *args], project)
    return result.returncode, result.stdout, result.stderr


def test_every_note_of_the_corpus_gets_back_a_selector_for_its_own_place() -> None:
    corpus, _ = load_corpus(Paths(ROOT))
    notes = corpus.annotations()
    assert len(notes) > 100
    with_context = 0
    for ann in notes:
        text = corpus.source(ann.source_id).text  # type: ignore[union-attr]
        places = select(text, ann.quote.exact).places
        own = [p for p in places if (p.match.start, p.match.end) == (ann.start, ann.end)]
        assert len(own) == 1, f"{ann.id}: its place is not among {len(places)}"
        quote = own[0].quote
        assert quote is not None, f"{ann.id}: no selector"
        assert quote.exact == text[ann.start : ann.end]  # taken from the seed
        result = match_quote(text, quote)
        assert result.outcome is Outcome.FOUND and result.match, ann.id
        assert (result.match.start, result.match.end) == (ann.start, ann.end), ann.id
        with_context += bool(quote.prefix or quote.suffix)
    assert with_context > 0  # the corpus has quotes that need context, and got it


def test_the_context_is_the_shortest_that_picks_the_place() -> None:
    text = "one cat sat. two cat sat. one cat ran."
    [first, second, third] = select(text, "cat").places
    assert first.quote == Quote("cat", "", " sat. two")  # "one " is shared with the third
    assert second.quote == Quote("cat", "two ", "")
    assert third.quote == Quote("cat", "", " ran.")
    # Context never shorter: the next shorter option anchors to no place or another one.
    assert match_quote(text, Quote("cat", "", " sat.")).outcome is Outcome.AMBIGUOUS


def test_a_passage_repeated_with_its_surroundings_gets_no_selector() -> None:
    words = ["w"] * 15
    text = " ".join([*words, "beta", *words, "beta", *words])
    assert [p.quote for p in select(text, "beta").places] == [None, None]
    assert select(text, "beta w w w w w w w w w w w w w w w beta").places[0].quote == Quote(
        "beta w w w w w w w w w w w w w w w beta"
    )


def test_typed_quotes_and_dashes_are_copied_from_the_seed(mini: Path) -> None:
    code, out, _ = quote_cmd(mini, "sample", 'The "Union State" was founded')
    assert code == 0
    [note] = yaml.safe_load(out)
    assert note["quote"] == {"exact": "The “Union State” was founded"}


def test_the_printed_note_pastes_into_a_source_and_checks_clean(mini: Path) -> None:
    code, out, err = quote_cmd(mini, "sample", "founded in 1996")
    assert code == 0, err
    assert "occurs in 2 places" in err
    notes = yaml.safe_load(out)
    assert [n["quote"] for n in notes] == [
        {"exact": "founded in 1996", "suffix": " by"},
        {"exact": "founded in 1996", "suffix": " again,"},
    ]
    assert [n["id"] for n in notes] == ["s-founded-in-1996", "s-founded-in-1996-2"]
    path = mini / "annotations" / "sources" / "sample.yml"
    path.write_text(path.read_text(encoding="utf-8") + out, encoding="utf-8")
    result = check(mini)
    assert result.returncode == 0, result.stdout
    corpus, _ = load_corpus(Paths(mini))
    placed = {a.id: a.start for a in corpus.annotations()}
    text = corpus.sources[0].text
    assert placed["s-founded-in-1996"] == text.index("founded in 1996")
    assert placed["s-founded-in-1996-2"] == text.rindex("founded in 1996")


def test_a_fact_check_lists_the_fields_it_must_have(mini: Path) -> None:
    code, out, _ = quote_cmd(mini, "sample", "Second item about Moscow", "--kind", "fact-check")
    assert code == 0
    [note] = yaml.safe_load(out)
    assert note["kind"] == "fact-check"
    assert note["verdict"] is None and "accurate | mostly-accurate" in out
    assert note["references"] == [{"title": None, "url": None}]
    path = mini / "annotations" / "sources" / "sample.yml"
    path.write_text(path.read_text(encoding="utf-8") + out, encoding="utf-8")
    result = check(mini)  # until the editor fills them in, check names each
    assert result.returncode == 1
    for field in ("'verdict'", "'title'", "'url'", "'reviewed'"):
        assert f"{field} in " in result.stdout


def test_text_not_in_the_seed_gives_the_closest_passage(mini: Path) -> None:
    code, out, err = quote_cmd(mini, "sample", "Second item about Moskow")
    assert code == 1 and out == ""
    assert "seeds/sample.txt: quote “Second item about Moskow” matches nothing" in err
    assert "the closest passage is at 6:3 (similarity 95%)" in err  # 95.8%, rounded down


def test_a_passage_across_blocks_is_said_to_cross_them(mini: Path) -> None:
    code, out, err = quote_cmd(mini, "sample", "grew.\n\n• First")
    assert code == 0
    assert "seeds/sample.txt:3:88: the passage crosses 2 blocks of the page (lines 3 to 5)" in err
    assert "# the passage crosses 2 blocks" in out


def test_an_unknown_source_is_named_with_the_known_ones(mini: Path) -> None:
    code, _, err = quote_cmd(mini, "sampel", "x")
    assert code == 1
    assert "no source 'sampel' (did you mean 'sample'?); the sources are: sample" in err


@pytest.mark.parametrize("kind", ["correction"])
def test_a_correction_asks_for_what_the_text_should_say(mini: Path, kind: str) -> None:
    code, out, _ = quote_cmd(mini, "sample", "Leave a Reply", "--kind", kind)
    assert code == 0
    [note] = yaml.safe_load(out)
    assert note["correction"] is None and "fill in: what the text should say" in out
