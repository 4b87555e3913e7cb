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
from typing import Any

from .model import Source

_TAG = re.compile(r"<[^>]*>")
_SPACE = re.compile(r"\s+")


def text_of(html: str) -> str:
    """The words of a piece of trusted HTML (entities kept, so it stays valid HTML text)."""
    return _SPACE.sub(" ", _TAG.sub(" ", html)).strip()


def _p(text: str) -> str:
    return f"<p>{text}</p>" if text else ""


def source_document(
    source: Source,
    rows: list[dict[str, Any]],
    badge_html: str,
    blocks_text: list[str],
    notes: list[dict[str, Any]],
) -> str:
    """Title, metadata and the whole text first (the page's own result), then one
    section per note: its number, kind and verdict as title; the passage it is about,
    the correction, the note and its references as text."""
    e = escape
    out = [f'<h1 id="{e(source.id, quote=True)}">{e(source.title)}</h1>']
    for row in rows:
        out.append(_p(e(f"{row['label']}: {row['value'] or 'unknown'}. {row['basis'] or ''}")))
    out.append(_p(text_of(badge_html)))
    out.extend(_p(e(text)) for text in blocks_text)
    for values in notes:
        ann = values["ann"]
        title = f"Note {values['number']}: {values['kind'].label}"
        if values["verdict"]:
            title += f" — {values['verdict'].label}"
        out.append(f'<h2 id="{e(ann.id, quote=True)}">{e(title)}</h2>')
        out.append(_p(e(f"“{source.text[ann.start : ann.end]}”")))
        if ann.correction:
            out.append(_p(f"Should read: {values['correction_html']}"))
        out.append(str(values["body_html"]))
        if values["event"]:
            out.append(_p(f"Timeline: {e(values['event']['label'])}"))
        if ann.references:
            out.append(_p("References: " + "; ".join(e(r.title) for r in ann.references)))
    return "\n".join(out)
