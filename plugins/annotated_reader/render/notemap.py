"""The note map: a slim strip beside a source's text with one mark per note, at the place of
its passage, so a reader sees at a glance where the notes are and where they cluster.

Drawn at build time: a mark's place is its passage's start as a fraction of the text's
length, known before any browser lays the page out, so the strip reads without scripts and
from ``file://``. Each mark is a link to its passage's anchor (``#<annotation-id>``). With
scripts, ``notemap.js`` places the marks by the text as laid out, hides the kinds the reader
filtered out and opens a note as a click on its number does. A mark is told by its
kind's colour, its glyph (a fact-check's by its verdict's glyph and a round shape) and, for
screen readers, a name in words: never by colour alone.
"""

from __future__ import annotations

from html import escape

from ..core.model import Annotation
from ..core.vocabulary.kinds import KINDS
from ..core.vocabulary.verdicts import VERDICTS

LABEL = "Note map"


def note_label(ann: Annotation, number: int) -> str:
    """A note's name in words, as its number and its mark say it: "Note 12: Fact-check,
    Misleading"."""
    label = f"Note {number}: {KINDS[ann.kind].label}"
    if ann.verdict:
        label += f", {VERDICTS[ann.verdict].label}"
    return label


def position(ann: Annotation, length: int) -> float:
    """Where the passage starts, as a fraction of the text (0 at its start, below 1)."""
    return ann.start / length if length > 0 else 0.0


def note_map(annotations: list[Annotation], numbers: dict[str, int], length: int) -> str:
    """The strip for a text of ``length`` characters: its marks in the order of the notes'
    numbers (which is the order of their passages); "" for a text without notes."""
    placed = sorted((a for a in annotations if a.anchored), key=lambda a: numbers[a.id])
    if not placed:
        return ""
    items = []
    for ann in placed:
        ident = escape(ann.id, quote=True)
        label = escape(note_label(ann, numbers[ann.id]), quote=True)
        css = f"ar-nm-mark ar-k-{escape(ann.kind, quote=True)}"
        if ann.verdict:
            css += f" ar-v-{escape(ann.verdict, quote=True)}"
        where = f"{position(ann, length):.4f}"
        items.append(
            f'<li class="ar-nm-item" style="--ar-p:{where}">'
            f'<a class="{css}" href="#{ident}" data-note="{ident}" '
            f'data-kind="{escape(ann.kind, quote=True)}" data-pos="{where}" '
            f'aria-label="{label}" title="{label}"></a></li>'
        )
    return (
        f'<nav class="ar-notemap" aria-label="{LABEL}">'
        f'<ol class="ar-nm-list">{"".join(items)}</ol></nav>'
    )
