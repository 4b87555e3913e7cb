"""What a scraped seed holds at its edges never costs a note its number or reaches a page raw.

Scraped seeds keep trailing spaces, and an editor copies a quote with them or with the
line break after it: the note kept its list entry but lost its ``[n]`` marker. A seed's
byte order mark ended up in its first paragraph; a NUL or other control character went
into the HTML as it was.
"""

from __future__ import annotations

import random
import re
from pathlib import Path

import pytest
from annotated_reader.assembly import load_corpus
from annotated_reader.core.corpus import Corpus, Paths
from annotated_reader.core.model import Annotation, Quote
from annotated_reader.core.problems import Location
from annotated_reader.core.urls import SiteUrls
from annotated_reader.render.site import SiteBuilder
from helpers.htmlcheck import duplicate_ids, wellformed
from helpers.project import ROOT, build, check

SRC = "annotations/sources/sample.yml"


def _project(mini: Path, seed: str, notes: str) -> Path:
    (mini / "seeds" / "sample.txt").write_text(seed, encoding="utf-8")
    path = mini / SRC
    text = path.read_text(encoding="utf-8").replace("[[s-inner]]", "a fact-check")
    path.write_text(text[: text.index("annotations:\n")] + "annotations:\n" + notes, "utf-8")
    return mini


def _render(project: Path, source_id: str = "sample") -> tuple[Corpus, str]:
    corpus, problems = load_corpus(Paths(project))
    assert not problems.errors, [str(p) for p in problems.errors]
    html = SiteBuilder(corpus, SiteUrls()).render_page(f"sources/{source_id}.md", "x/")
    assert html is not None
    return corpus, html


def _one_of_each(html: str, ident: str) -> None:
    for made in (f'id="{ident}"', f'id="ref-{ident}"', f'id="note-{ident}"'):
        assert html.count(made) == 1, (made, html.count(made))


SEED = "Union Headline\n\nThe union grew.   \nIt grew again.\n\n• An item.  \n• Another.\n"
NOTES = """  - id: n-spaces
    kind: context
    quote: {exact: "union grew.   "}
    body: "Ends in the line's trailing spaces."
  - id: n-break
    kind: context
    quote: {exact: "grew again.\\n\\n"}
    body: "Ends in the line break and the blank line."
  - id: n-item
    kind: context
    quote: {exact: "An item.  \\n"}
    body: "Ends past a list item."
"""


def test_a_quote_ending_in_whitespace_keeps_its_marker_at_the_end_of_its_text(
    mini: Path,
) -> None:
    _, html = _render(_project(mini, SEED, NOTES))
    for ident in ("n-spaces", "n-break", "n-item"):
        _one_of_each(html, ident)
    assert re.search(r"union grew\.</mark><a [^>]*id=\"ref-n-spaces\"", html), html
    assert re.search(r"grew again\.</mark><a [^>]*id=\"ref-n-break\"", html), html
    assert re.search(r"An item\.</mark><a [^>]*id=\"ref-n-item\"", html), html
    assert wellformed(html) == [] and duplicate_ids(html) == []


@pytest.mark.parametrize("seed_name", sorted(p.name for p in (ROOT / "seeds").iterdir()))
def test_every_passage_of_a_real_seed_gets_one_marker_and_one_entry(seed_name: str) -> None:
    """Random passages of a real seed, many starting or ending in whitespace: each note has
    exactly one highlight id, one number and one list entry, and the page stays valid."""
    corpus, _ = load_corpus(Paths(ROOT))
    source = next(s for s in corpus.sources if s.seed == seed_name)
    rng = random.Random(seed_name)
    text, notes = source.text, []
    for i in range(80):
        start = rng.randrange(len(text) - 1)
        end = min(len(text), start + rng.randint(1, 300))
        while end < len(text) and text[end].isspace() and rng.random() < 0.8:
            end += 1  # take the trailing whitespace and line breaks along
        if not text[start:end].strip():
            continue
        notes.append(
            Annotation(f"r-{i}", "context", Quote(text[start:end]), "x", source.id,
                       Location("r.yml", i + 1, 1), i + 1, start=start, end=end)
        )  # fmt: skip
    source.annotations = notes
    html = SiteBuilder(corpus, SiteUrls()).render_page(f"sources/{source.id}.md", "x/")
    assert html is not None
    for note in notes:
        _one_of_each(html, note.id)
    assert wellformed(html) == [] and duplicate_ids(html) == []


def test_a_byte_order_mark_is_not_shown_and_offsets_still_count_it(mini: Path) -> None:
    notes = (
        '  - id: n-title\n    kind: context\n    quote: {exact: "Union Headline"}\n    body: "x"\n'
    )
    corpus, html = _render(_project(mini, "\ufeff" + SEED, notes))
    assert "\ufeff" not in html
    assert '<h2 id="sec-1" class="ar-heading"><mark' in html  # the heading starts with the passage
    note = corpus.sources[0].annotations[0]
    assert (note.start, note.end) == (1, 15)  # offsets into the file's text, mark included


def test_a_control_character_in_a_seed_is_reported_and_never_emitted(mini: Path) -> None:
    seed = SEED.replace("grew again", "grew\x00 ag\x1bain")
    _project(mini, seed, "")
    checked = check(mini)
    expected = "seeds/sample.txt:4:8: error: [seed.control-character] the text holds control character U+0000 here (and 1 more)"
    assert checked.returncode == 1 and "Traceback" not in checked.stderr
    assert any(line.startswith(expected) for line in checked.stdout.splitlines()), checked.stdout
    built = build(mini)
    assert built.returncode != 0 and expected in built.stderr, built.stderr
    corpus, problems = load_corpus(Paths(mini))
    html = SiteBuilder(corpus, SiteUrls()).render_page("sources/sample.md", "x/")
    assert html is not None
    assert "grew\u2400 ag\u241bain" in html  # shown as ␀ and ␛, one character each
    assert not re.search("[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]", html)


def test_a_direction_control_left_open_in_a_seed_is_reported_and_never_emitted(
    mini: Path,
) -> None:
    """A U+202E open to the end of its paragraph mirrored the rest of it on the page, the
    reader's note numbers too ([11] read [11], [12] read [21]); found by an outside test.
    One closed on its line is the text's own, and stays."""
    seed = SEED.replace("grew again", "grew \u202eagain").replace(
        "An item.", "An \u2067item\u2069."
    )
    notes = '  - id: n-grew\n    kind: context\n    quote: {exact: "It grew"}\n    body: "x"\n'
    _project(mini, seed, notes)
    checked = check(mini)
    expected = (
        "seeds/sample.txt:4:9: error: [seed.direction-control] the text opens U+202E "
        "(RIGHT-TO-LEFT OVERRIDE) here and does not close it on its line"
    )
    assert checked.returncode == 1 and "Traceback" not in checked.stderr
    assert checked.stdout.startswith(expected) and len(checked.stdout.splitlines()) == 1
    built = build(mini)
    assert built.returncode != 0 and expected in built.stderr, built.stderr
    corpus, _ = load_corpus(Paths(mini))
    html = SiteBuilder(corpus, SiteUrls()).render_page("sources/sample.md", "x/")
    assert html is not None
    assert "\u202e" not in html and " \ufffdagain." in html  # the same length: offsets hold
    assert "An \u2067item\u2069." in html


@pytest.mark.parametrize(
    ("breaks", "warning"),
    [
        ("\r", None),
        ("\u2028", "seeds/sample.txt:1:15: warning: [seed.line-separator] the text holds U+2028 "
         "(LINE SEPARATOR) here (and 6 more)"),
        ("\u2029", "seeds/sample.txt:1:15: warning: [seed.line-separator] the text holds U+2029 "
         "(PARAGRAPH SEPARATOR) here (and 6 more)"),
    ],
    ids=["carriage-return", "line-separator", "paragraph-separator"],
)  # fmt: skip
def test_a_seed_with_other_line_breaks_keeps_its_blocks(
    mini: Path, breaks: str, warning: str | None
) -> None:
    """A seed of CR line breaks (or U+2028) was one paragraph holding them raw, its
    headings, list items and debris gone, and positions such as 1:639 (an outside test).
    Each is read as a line break, so the page is the one its LF twin makes."""
    _project(mini, SEED, NOTES)
    _, twin = _render(mini)
    _project(mini, SEED.replace("\n", breaks), NOTES)
    checked = check(mini)
    assert checked.stdout.splitlines() == ([warning] if warning else []) or (
        warning and checked.stdout.startswith(warning)
    ), checked.stdout
    corpus, problems = load_corpus(Paths(mini))
    html = SiteBuilder(corpus, SiteUrls()).render_page("sources/sample.md", "x/")
    assert html == twin


def test_a_bad_byte_in_a_seed_of_cr_line_breaks_is_placed_on_its_line(mini: Path) -> None:
    """A seed's lone CR ends a line, for its pages and its problems alike: the encoding
    error had counted LF alone (1:2067 in a seed of CR line breaks)."""
    _project(mini, SEED, "")
    data = SEED.replace("\n", "\r").encode("utf-8").replace(b"grew again", b"grew \xffagain")
    (mini / "seeds" / "sample.txt").write_bytes(data)
    lines = check(mini).stdout.splitlines()
    assert lines and lines[0].startswith(
        "seeds/sample.txt:4:9: error: [seed.encoding] seeds/sample.txt is not UTF-8: byte 0xFF "
        "at line 4, column 9"
    ), lines
