"""Values that are bad input only to a careless reader: text YAML would turn into numbers
or booleans, and real dates at the edges of the calendar. Each must build, strictly, and
show exactly as written."""

from __future__ import annotations

import re
from pathlib import Path

from helpers.htmlcheck import text_of
from helpers.project import build, check

from .breakage import DATED, EVENTS_HEAD, TAIL_HEAD, TAIL_SEED, both, events, note, tail, write


def _built(project: Path) -> str:
    for run in (check(project, "--strict"), build(project)):
        assert "Traceback" not in run.stderr, run.stderr[-3000:]
        assert run.returncode == 0, run.stdout + run.stderr[-3000:]
    return (project / "site" / "sources" / "tail" / "index.html").read_text(encoding="utf-8")


def test_numbers_and_booleans_stay_text_as_written(fresh_mini: Path) -> None:
    """``correction: 3.10`` is not the number 3.1, ``body: 007`` not 7, ``1_000`` not 1000,
    ``1e3`` not 1000.0 (a bare ``no`` is another matter: see the ``bare-no`` case)."""
    head = TAIL_HEAD.replace('title: {value: "A tail source"', "title: {value: 1_000").replace(
        'outlet: {value: "Fixture Daily"', "outlet: {value: 1e3"
    )
    written = note("o-numbers", kind="correction", body="007", correction="3.10")
    tail(written, head=head)(fresh_mini)
    page = _built(fresh_mini)
    notes = page[page.index('id="note-o-numbers"') :]
    assert "<p>007</p>" in notes[: notes.index("</li>")]
    assert re.search(r"Should read:</span> 3\.10</p>", notes)
    text = text_of(page, set())
    assert "1_000" in text and "1e3" in text


def test_dates_at_the_edges_of_the_calendar_are_dates(fresh_mini: Path) -> None:
    """EDTF's approximate and uncertain forms on the first and last days the calendar has:
    the span they mean is cut at the calendar's edge, never a crash."""
    edge_event = EVENTS_HEAD.replace('date: "1999-12-08"', 'date: "9999-12-31~"')
    head = TAIL_HEAD.replace('published: {value: "2023"', 'published: {value: "0001-01~"')
    dated = DATED.replace('date: "1999"', 'date: "0001-01%"')
    both(events(), tail(dated, head=head), write("annotations/events.yml", edge_event))(fresh_mini)
    page = _built(fresh_mini)
    text = text_of(page, set())
    assert "about January 0001" in text
    assert "about January 0001 (uncertain)" in text
    timeline = (fresh_mini / "site" / "timeline" / "index.html").read_text(encoding="utf-8")
    assert "about 31 December 9999" in text_of(timeline, set())


def test_a_byte_order_mark_is_no_part_of_the_text(fresh_mini: Path) -> None:
    """A seed saved with a byte-order mark (as some editors on Windows do) reads as the same
    text without it: the mark marks the encoding, it is not a character of the article."""
    tail(seed="\ufeff" + TAIL_SEED)(fresh_mini)
    page = _built(fresh_mini)
    start = page.index('<div class="ar-text"')
    body = page[start : page.index("</article>", start)]
    assert "\ufeff" not in page
    assert text_of(body, {"ar-notes", "ar-ref"}) == " ".join(TAIL_SEED.split())
    assert 'id="note-o-ok"' in page
