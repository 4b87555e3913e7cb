"""Glyphs are drawn by a generated style sheet, one rule per table entry, not by spans."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from annotated_reader.assembly import default_features
from annotated_reader.core.vocabulary.kinds import KINDS
from annotated_reader.core.vocabulary.verdicts import VERDICTS
from annotated_reader.ratings.admiralty import MET, NOT_JUDGED
from annotated_reader.render.glyphs import rules, stylesheet
from annotated_reader.timeline.model import CATEGORIES


def test_every_kind_verdict_answer_and_category_has_its_glyph() -> None:
    drawn = dict(rules(default_features()))
    for kind in KINDS.values():
        assert drawn[f".ar-kind.ar-k-{kind.id}::before"] == kind.glyph + " "
        assert drawn[f"a.ar-ref.ar-k-{kind.id}::before"] == kind.glyph
    for verdict in VERDICTS.values():
        assert drawn[f".ar-verdict.ar-v-{verdict.id}::before"] == verdict.glyph + " "
    for met in (*MET.values(), NOT_JUDGED):
        assert drawn[f".ar-met.ar-met-{met.id}::before"] == met.glyph + " "
    for category in CATEGORIES.values():
        assert drawn[f".ar-tl-cat.ar-tl-c-{category.id}::before"] == category.glyph + " "
    css = stylesheet(default_features())
    assert css.count("::before {") == len(drawn)
    # Each glyph has empty alternative text, after a fallback for older browsers.
    assert '.ar-verdict.ar-v-inaccurate::before { content: "✘ "; content: "✘ " / ""; }' in css


def test_built_pages_link_the_sheet_and_carry_no_glyph_spans(real_site: Path) -> None:
    sheet = real_site / "assets" / "annotated-reader" / "glyphs.css"
    assert sheet.read_text(encoding="utf-8") == stylesheet(default_features())
    pages = sorted(real_site.rglob("*.html"))
    assert len(pages) > 10
    for page in pages:
        html = page.read_text(encoding="utf-8")
        if "md-content" not in html:
            continue
        assert re.search(r'href="[^"]*assets/annotated-reader/glyphs\.css"', html), page
        assert "ar-glyph" not in html, page


def test_the_browser_draws_the_glyphs(browser: Any, real_site_url: str) -> None:
    page = browser.new_page()
    page.goto(real_site_url + "sources/hahn-belarus-option/")

    def before(selector: str) -> str:
        return str(
            page.locator(selector).first.evaluate("e => getComputedStyle(e, '::before').content")
        )

    assert before(".ar-note .ar-kind.ar-k-fact-check") == '"✓ " / ""'
    assert before("a.ar-ref.ar-k-fact-check") == '"✓" / ""'
    assert before(".ar-note .ar-verdict").endswith(' / ""')
    page.goto(real_site_url + "timeline/")
    assert before(".ar-tl-flag.ar-tl-disputed") == '"⚠ " / ""'
    assert before(".ar-tl-cat").endswith(' / ""')
    page.close()
