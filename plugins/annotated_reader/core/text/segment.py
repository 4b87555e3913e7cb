"""Split a verbatim text into blocks (headings, paragraphs, list items, captions…).

Each non-blank line is one block: scraped texts put one paragraph per line. The roles a
heuristic cannot tell (a caption, a byline) come from the editor's ``layout`` rules, and
blocks inside a ``debris`` annotation are set apart. Offsets cover the line without its
surrounding whitespace, so nothing of the text is lost or reordered. A byte order mark
that starts the file is no part of the text shown: the first block starts after it, and
every offset still counts it, so quotes and ``line:col`` stay those of the file.
"""

from __future__ import annotations

from dataclasses import dataclass

ROLES = ("heading", "paragraph", "list-item", "caption", "byline", "debris")
_BULLETS = ("•", "- ", "* ", "· ")
_SENTENCE_END = tuple('.!:;,…)"”’')


@dataclass
class Block:
    role: str
    start: int
    end: int
    debris: bool = False

    def text(self, source_text: str) -> str:
        return source_text[self.start : self.end]


def _guess_role(line: str, next_line: str | None) -> str:
    if line.startswith(_BULLETS):
        return "list-item"
    if next_line is None or len(line) > 90:
        return "paragraph"
    if line.endswith(_SENTENCE_END) or not (line[0].isupper() or line[0].isdigit()):
        return "paragraph"
    if line.endswith("?") and len(line) > 60:
        return "paragraph"
    return "heading"


def segment(text: str) -> list[Block]:
    """Blocks in reading order, one per non-blank line."""
    spans: list[tuple[int, int]] = []
    offset = 1 if text.startswith("\ufeff") else 0
    for raw in text[offset:].split("\n"):
        stripped = raw.strip()
        if stripped:
            lead = len(raw) - len(raw.lstrip())
            spans.append((offset + lead, offset + lead + len(stripped)))
        offset += len(raw) + 1
    blocks: list[Block] = []
    for i, (start, end) in enumerate(spans):
        following = text[spans[i + 1][0] : spans[i + 1][1]] if i + 1 < len(spans) else None
        blocks.append(Block(_guess_role(text[start:end], following), start, end))
    return blocks


def apply_layout(blocks: list[Block], spans: list[tuple[str, int, int]]) -> None:
    """Give every block overlapping an editor's span that span's role.

    ``debris`` keeps the block's own role and sets it apart instead.
    """
    for role, start, end in spans:
        for block in blocks:
            if block.start < end and start < block.end:
                if role == "debris":
                    block.debris = True
                else:
                    block.role = role


def mark_debris(blocks: list[Block], spans: list[tuple[int, int]]) -> None:
    """Set apart every block that a debris annotation covers entirely."""
    for start, end in spans:
        for block in blocks:
            if start <= block.start and block.end <= end:
                block.debris = True
