"""What the site search indexes for a generated page: its words, without the page's markup.

The theme's search plugin parses each page's HTML in Python, tag by tag. A source page's
notes carry about ten times the markup of its text, and parsing it was most of a large
corpus's build. The plugin hands search these documents instead (and puts the page back
before it is written): the same words, and a heading per note, so that a search result
opens the note at its passage (reader.js opens ``#<annotation-id>``) rather than the top
of a long page. Every heading with an id becomes one result.
"""

from __future__ import annotations

import re
from html import escape

from ..core.model import Source
from .views import HeaderRow, NoteView

# Tags that end a word (blocks, cells, breaks); any other tag sits inside a word's run.
_BREAK = re.compile(
    r"</?(?:p|div|li|ul|ol|dl|dt|dd|h[1-6]|table|tr|td|th|caption|blockquote|figure|"
    r"figcaption|header|section|details|summary|br)\b[^>]*>"
)
_TAG = re.compile(r"<[^>]*>")
_SPACE = re.compile(r"\s+")


def text_of(html: str) -> str:
    """The words of a piece of trusted HTML (entities kept, so it stays valid HTML text)."""
    return _SPACE.sub(" ", _TAG.sub("", _BREAK.sub(" ", html))).strip()


def _closed(html: str) -> str:
    """``html`` ending a sentence: a full stop added unless its text already ends one (after
    the last word: a folded YAML scalar ends in a line break)."""
    text = re.sub(r"<[^>]*>", "", html).rstrip()
    return html if text.endswith((".", "!", "?", "…")) else f"{html.rstrip()}."


def _p(text: str) -> str:
    return f"<p>{text}</p>" if text else ""


def top(title: str, html_parts: list[str]) -> str:
    """The page's own result: its title and the words before the first section."""
    return f'<h1 id="top">{escape(title)}</h1>' + _p(text_of(" ".join(html_parts)))


def section(ident: str, title: str, html_parts: list[str]) -> str:
    """One search result: a heading (its id is the result's address) and one paragraph of
    words (the parser's cost is in its tags). ``title`` is plain text, the parts HTML."""
    heading = f'<h2 id="{escape(ident, quote=True)}">{escape(title)}</h2>'
    return heading + _p(text_of(" ".join(html_parts)))


def source_document(
    source: Source,
    rows: list[HeaderRow],
    badge_html: str,
    blocks_text: list[str],
    notes: list[NoteView],
) -> str:
    """Title, metadata and the whole text first (the page's own result), then one
    section per note: its number, kind and verdict as title; the passage it is about,
    the correction, the note and its references as text."""
    e = escape
    head = [e(f"{row.label}: {row.value or 'unknown'}. {row.basis or ''}") for row in rows]
    out = [top(source.title, [*head, badge_html])]
    out.extend(_p(e(text)) for text in blocks_text)
    for values in notes:
        ann = values.ann
        title = f"Note {values.number}: {values.kind.label}"
        if values.verdict:
            title += f" — {values.verdict.label}"
        # The passage, what it should read, the note, where it sits on the timeline.
        parts = [e(f"“{source.text[ann.start : ann.end]}”")]
        if ann.correction:
            parts.append(f"Should read: {_closed(str(values.correction_html))}")
        parts.append(str(values.body_html))
        if values.event:
            parts.append(f"Timeline: {e(values.event.label)}.")
        if ann.references:
            parts.append("References: " + "; ".join(e(r.title) for r in ann.references))
        out.append(section(ann.id, title, parts))
    return "\n".join(out)
