"""The kinds of note an editor can attach to a passage, and how each is shown.

Each kind has a glyph as well as a colour so it is never told by colour alone.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Kind:
    id: str
    label: str
    glyph: str
    description: str


KINDS: dict[str, Kind] = {
    k.id: k
    for k in (
        Kind("context", "Context", "i", "Background a reader needs to follow the passage."),
        Kind(
            "fact-check",
            "Fact-check",
            "✓",
            "A checkable claim, with a verdict, the correct fact and its sources.",
        ),
        Kind("correction", "Correction", "✎", "An error in the text and what it should say."),
        Kind("framing", "Framing", "◐", "Loaded or partisan wording, with neutral context."),
        Kind("opinion", "Opinion", "❝", "The author's opinion, not a statement of fact."),
        Kind(
            "terminology",
            "Terminology",
            "≡",
            "A translation, transliteration or term of art explained.",
        ),
        Kind(
            "debris",
            "Scraping debris",
            "✂",
            "Page furniture captured with the text; not part of the article.",
        ),
    )
}
