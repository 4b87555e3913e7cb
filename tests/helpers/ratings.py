"""A valid rating, shared by the ratings and check tests; JSON-LD read out of a page."""

from __future__ import annotations

import json
from html.parser import HTMLParser
from typing import Any

RATING = """rating:
  grade: C
  criteria:
    named-author: {met: no, evidence: "No byline."}
    cites-sources: {met: partly, evidence: "Names a treaty, links nothing."}
    separates-opinion: {met: yes, evidence: "Plain reporting throughout."}
    dated-corrected: {met: partly, evidence: "Dated by month only."}
    clean-text: {met: no, evidence: "A comment form was captured."}
  rationale: |
    A fixture text.
  reviewed: "2026-11-22"
"""


class _Scripts(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=False)
        self.inside = False
        self.blocks: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "script":
            self.inside = dict(attrs).get("type") == "application/ld+json"
            if self.inside:
                self.blocks.append("")

    def handle_endtag(self, tag: str) -> None:
        if tag == "script":
            self.inside = False

    def handle_data(self, data: str) -> None:
        if self.inside:
            self.blocks[-1] += data


def json_ld(html: str) -> list[dict[str, Any]]:
    """Every JSON-LD object of the page, found as an HTML parser (a structured-data
    extractor) finds its script elements."""
    parser = _Scripts()
    parser.feed(html)
    parser.close()
    out: list[dict[str, Any]] = []
    for block in parser.blocks:
        data = json.loads(block)
        out.extend(data if isinstance(data, list) else [data])
    return out
