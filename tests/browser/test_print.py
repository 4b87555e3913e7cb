"""Print: a source page printed to PDF by Chromium keeps its highlights visible in greyscale and
prints every note once, as a numbered endnote after the text."""

from __future__ import annotations

import io
import re
import unicodedata
from typing import Any

import pytest
from annotated_reader.core.vocabulary.kinds import KINDS
from helpers.project import ARTIFACTS
from helpers.sitetools import contrast, grey, rgb
from pypdf import PdfReader

SOURCE = "sources/hahn-belarus-option/"
# A page whose notes stand in the page in another order than their numbers (a note that
# crosses into the next block is listed under that block): endnotes must be re-sorted.
OUT_OF_ORDER = "sources/wiki2web-union-state/"


@pytest.fixture(scope="module")
def site(real_site_url: str) -> str:
    return real_site_url


def _words(text: str) -> str:
    """Letters and digits only, one space apart, as a reader reads them: PDF text breaks
    lines and drops quotes, a machine's fonts may set "fi" as the ligature "ﬁ" (NFKC folds
    it back), and a script it has no font for (a note quoting Thai digits) comes out as
    something else: only Latin letters and digits are compared."""
    return " ".join(re.findall(r"[a-z0-9]+", unicodedata.normalize("NFKC", text).casefold()))


def _pdf_text(pdf: bytes) -> str:
    return "\n".join(page.extract_text() or "" for page in PdfReader(io.BytesIO(pdf)).pages)


def _dom_notes(page: Any) -> list[tuple[int, str]]:
    """Each note's number and the words of its body, in the page's order."""
    notes = page.eval_on_selector_all(
        ".ar-text li.ar-note",
        "els => els.map(e => [+e.getAttribute('value'), e.querySelector('.ar-body').innerText])",
    )
    return [(n, _words(body)) for n, body in notes]


@pytest.mark.parametrize("source", [SOURCE, OUT_OF_ORDER])
def test_every_note_prints_once_as_a_numbered_endnote(site: str, browser: Any, source: str) -> None:
    page = browser.new_page()
    page.goto(site + source)
    in_page = _dom_notes(page)
    notes = sorted(in_page)
    assert [n for n, _ in notes] == list(range(1, len(notes) + 1))
    if source == OUT_OF_ORDER:  # else this page would not test the endnotes' sorting
        assert in_page != notes
    pdf = page.pdf(format="A4", print_background=False)
    ARTIFACTS.mkdir(exist_ok=True)
    (ARTIFACTS / f"source-page-print-{source.split('/')[1]}.pdf").write_bytes(pdf)
    text = _words(_pdf_text(pdf))
    last_block = _words(page.locator(".ar-text > p.ar-p").last.inner_text())
    end_of_text = text.find(" ".join(last_block.split()[-8:]))
    assert end_of_text >= 0, "the source's last paragraph is not in the PDF"
    heading = text.find(" notes ", end_of_text)
    assert heading > end_of_text, "no Notes heading after the text"
    # The text as printed, without its notes (nor the margin's cards, which are for the
    # screen): what may legitimately repeat a note's words.
    main = _words(
        page.evaluate(
            """() => { const a = document.querySelector("article").cloneNode(true);
                a.querySelectorAll(".ar-notes, .ar-margin").forEach(n => n.remove());
                return a.innerText; }"""
        )
    )
    body, endnotes = text[:heading], text[heading:]
    cursor = 0
    for number, words in notes:
        found = endnotes.find(words, cursor)
        assert found > cursor, f"note {number} ({words[:40]!r}…) is not an endnote, or out of order"
        same = sum(1 for _, other in notes if words in other)  # two notes may say the same
        assert endnotes.count(words) == same, f"note {number} printed more than once"
        assert body.count(words) == main.count(words), f"note {number} also under its block"
        cursor = found
    # After printing, the page is as it was: endnotes exist only while printing.
    assert page.locator(".ar-endnotes").count() == 0
    page.close()


def test_without_scripts_notes_print_under_their_blocks(site: str, browser: Any) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(site + SOURCE)
    notes = _dom_notes(page)
    text = _words(_pdf_text(page.pdf(format="A4")))
    for number, words in notes:
        assert words in text, f"note {number} missing from the printed page"
    context.close()


def test_highlights_stay_visible_in_greyscale(site: str, browser: Any) -> None:
    page = browser.new_page()
    page.goto(site + SOURCE)
    page.emulate_media(media="print")
    white = (255.0, 255.0, 255.0, 1.0)
    styles = set()
    for kind in KINDS:
        s = page.eval_on_selector(
            f"mark.ar-hl.ar-k-{kind}",
            """e => { const s = getComputedStyle(e);
                return {bg: s.backgroundColor, color: s.color, line: s.textDecorationLine,
                        lineColor: s.textDecorationColor, lineStyle: s.textDecorationStyle,
                        adjust: s.printColorAdjust || s.webkitPrintColorAdjust}; }""",
        )
        bg = grey(rgb(s["bg"]))
        assert s["adjust"] == "exact", f"{kind}: the grey band would be dropped by the printer"
        assert 1.1 <= contrast(bg, white), f"{kind}: highlight band invisible on paper"
        assert contrast(grey(rgb(s["color"])), bg) >= 7, f"{kind}: text on the band"
        assert "underline" in s["line"], kind
        assert contrast(grey(rgb(s["lineColor"])), bg) >= 4.5, f"{kind}: underline too faint"
        styles.add(s["lineStyle"])
    assert len(styles) >= 4, f"underline styles tell kinds apart in print: {styles}"
    # Note numbers keep their kind's glyph on paper.
    glyph = page.eval_on_selector("a.ar-ref", "e => getComputedStyle(e, '::before').content")
    assert glyph not in ("none", "normal")
    page.close()
