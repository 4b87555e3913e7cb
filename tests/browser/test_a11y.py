"""Accessibility of the real site in Chromium: axe-core, keyboard alone, contrast, and kinds and
verdicts that never depend on colour alone."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from annotated_reader.core.kinds import KINDS
from annotated_reader.core.verdicts import VERDICTS
from helpers.sitetools import axe_violations, contrast, rgb

SOURCE = "sources/hahn-belarus-option/"  # a source with every kind of note


@pytest.fixture(scope="module")
def site(real_site_url: str) -> str:
    return real_site_url


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    p = browser.new_page(viewport={"width": 1280, "height": 900})
    yield p
    p.close()


def _open_a_note(page: Any) -> None:
    page.locator("mark.ar-hl").nth(2).click()
    page.locator("#ar-popover").wait_for(state="visible")


PAGES = {
    "home": "",
    "source-with-note-open": SOURCE,
    "sources": "sources/",
    "glossary": "glossary/",
    "timeline": "timeline/",
    "ratings": "ratings/",
    "methodology": "ratings/methodology/",
}


@pytest.mark.parametrize("width", [1280, 375])
@pytest.mark.parametrize("name", list(PAGES))
def test_axe_finds_no_serious_or_critical_violation(
    site: str, browser: Any, name: str, width: int
) -> None:
    phone = {"has_touch": True, "is_mobile": True} if width < 600 else {}
    context = browser.new_context(viewport={"width": width, "height": 800}, **phone)
    page = context.new_page()
    page.goto(site + PAGES[name])
    if name == "source-with-note-open":
        _open_a_note(page)
    violations = axe_violations(page)
    context.close()
    assert not violations, "\n".join(violations)


def _focused(page: Any) -> dict[str, str]:
    return page.evaluate(  # type: ignore[no-any-return]
        """() => { const e = document.activeElement;
            return {id: e.id, cls: e.className || "", term: e.getAttribute("data-ar-term") || "",
                    inPopover: !!e.closest("#ar-popover")}; }"""
    )


def test_the_reading_path_works_by_keyboard_alone(site: str, page: Any) -> None:
    page.goto(site + SOURCE)
    refs = page.eval_on_selector_all("a.ar-ref", "els => els.map(e => e.id)")
    popover = page.locator("#ar-popover")
    # Next highlight: "]" jumps to the next note number, past the term links between; "[" back.
    page.keyboard.press("]")
    assert _focused(page)["id"] == refs[0]
    page.keyboard.press("]")
    page.keyboard.press("]")
    assert _focused(page)["id"] == refs[2]
    page.keyboard.press("[")
    assert _focused(page)["id"] == refs[1]
    # Open its note: the note gets the focus, and its number says it is expanded.
    page.keyboard.press("Enter")
    popover.wait_for(state="visible")
    assert _focused(page)["id"] == "ar-popover"
    assert page.get_attribute(f"#{refs[1]}", "aria-expanded") == "true"
    # Close it with the close button, reached by Tab: focus returns to the number.
    page.keyboard.press("Tab")
    assert _focused(page)["inPopover"] and "ar-popover-close" in _focused(page)["cls"]
    page.keyboard.press("Enter")
    popover.wait_for(state="hidden")
    assert _focused(page)["id"] == refs[1]
    # From inside an open note, "]" goes on to the next highlight; Escape closes a note.
    page.keyboard.press("Enter")
    popover.wait_for(state="visible")
    page.keyboard.press("]")
    popover.wait_for(state="hidden")
    assert _focused(page)["id"] == refs[2]
    page.keyboard.press("Enter")
    popover.wait_for(state="visible")
    page.keyboard.press("Escape")
    popover.wait_for(state="hidden")
    assert _focused(page)["id"] == refs[2]
    # Follow a term: Tab on to the next glossary term, whose definition shows on focus; Enter.
    for _ in range(60):
        page.keyboard.press("Tab")
        if _focused(page)["term"]:
            break
    else:
        pytest.fail("Tab never reached a glossary term after the third note")
    term = _focused(page)["term"]
    popover.wait_for(state="visible")
    assert "Glossary entry" in popover.inner_text()
    page.keyboard.press("Escape")
    popover.wait_for(state="hidden")
    page.keyboard.press("Enter")
    page.wait_for_url(f"**/glossary/#{term}")
    assert page.locator(f"#{term} h3").is_visible()


def _colours(page: Any, selector: str, pseudo: str | None = None) -> dict[str, Any]:
    """Computed text, background (first opaque one up the tree) and underline colours."""
    return page.evaluate(  # type: ignore[no-any-return]
        """([sel, pseudo]) => {
            const el = document.querySelector(sel);
            if (!el) return null;
            const s = getComputedStyle(el, pseudo);
            let bg = "rgba(0, 0, 0, 0)", n = el;
            while (n && n.nodeType === 1) {
                const b = getComputedStyle(n).backgroundColor;
                if (!/rgba\\(.*, 0\\)$/.test(b) && b !== "transparent") { bg = b; break; }
                n = n.parentElement;
            }
            if (bg === "rgba(0, 0, 0, 0)") bg = "rgb(255, 255, 255)";
            return {color: s.color, background: bg, line: s.textDecorationColor,
                    lineStyle: s.textDecorationStyle, content: s.content};
        }""",
        [selector, pseudo],
    )


def test_highlight_colours_meet_wcag_aa(site: str, page: Any) -> None:
    page.goto(site + SOURCE)
    # Every kind's colours come from the stylesheet's custom properties …
    tokens = page.evaluate(
        """(kinds) => { const s = getComputedStyle(document.documentElement);
            return Object.fromEntries(kinds.map(k => [k, [s.getPropertyValue("--ar-" + k).trim(),
                s.getPropertyValue("--ar-" + k + "-line").trim()]])); }""",
        list(KINDS),
    )
    for kind, (fill, line) in tokens.items():
        assert fill and line, f"--ar-{kind} or --ar-{kind}-line missing from reader.css"
    # … and are checked as the browser applies them, on a highlight of each kind.
    for kind in KINDS:
        c = _colours(page, f"mark.ar-hl.ar-k-{kind}")
        assert c is not None, f"no highlight of kind {kind} on {SOURCE}"
        text = contrast(rgb(c["color"]), rgb(c["background"]))
        assert text >= 4.5, f"{kind}: text on highlight {text:.2f}:1"
        line = contrast(rgb(c["line"]), rgb(c["background"]))
        assert line >= 3, f"{kind}: underline against highlight {line:.2f}:1 (non-text, 3:1)"
        badge = _colours(page, f".ar-legend .ar-kind.ar-k-{kind}")
        assert contrast(rgb(badge["color"]), rgb(badge["background"])) >= 4.5, kind
    ref = _colours(page, "a.ar-ref")
    assert contrast(rgb(ref["color"]), rgb(ref["background"])) >= 4.5
    page.locator("a.ar-ref").first.hover()  # the state a pointer gives it
    page.wait_for_timeout(400)  # past the theme's colour transition on links
    ref = _colours(page, "a.ar-ref")
    assert contrast(rgb(ref["color"]), rgb(ref["background"])) >= 4.5


def test_verdict_labels_meet_wcag_aa(site: str, page: Any) -> None:
    page.goto(site + "ratings/methodology/")  # the verdict scale shows every verdict
    for verdict in VERDICTS:
        c = _colours(page, f".ar-verdict.ar-v-{verdict}")
        assert c is not None, verdict
        assert contrast(rgb(c["color"]), rgb(c["background"])) >= 4.5, verdict


def test_kinds_and_verdicts_are_never_told_by_colour_alone(site: str, page: Any) -> None:
    page.goto(site + SOURCE)
    glyphs = {}
    for kind in KINDS:
        # A note number carries its kind's glyph and names the kind to screen readers.
        glyphs[kind] = _colours(page, f"a.ar-ref.ar-k-{kind}", "::before")["content"]
        label = page.get_attribute(f"a.ar-ref.ar-k-{kind}", "aria-label") or ""
        assert KINDS[kind].label in label, (kind, label)
        # The note itself names its kind in words.
        head = page.locator(f"li.ar-note.ar-k-{kind} .ar-kind").first
        assert KINDS[kind].label in head.inner_text()
        assert _colours(page, f"li.ar-note.ar-k-{kind} .ar-kind", "::before")["content"] == (
            f'"{KINDS[kind].glyph} " / ""'
        )
    assert len(set(glyphs.values())) == len(KINDS), f"two kinds share a glyph: {glyphs}"
    assert all(g not in ("none", "normal", '""') for g in glyphs.values()), glyphs
    # A fact-check's number and note say its verdict in words.
    checks = page.eval_on_selector_all(
        "a.ar-ref.ar-k-fact-check", "els => els.map(e => e.getAttribute('aria-label'))"
    )
    assert checks and all(any(v.label in c for v in VERDICTS.values()) for c in checks)
    page.goto(site + "ratings/methodology/")
    for verdict in VERDICTS.values():
        where = f".ar-verdict-scale .ar-verdict.ar-v-{verdict.id}"
        assert verdict.label in page.locator(where).inner_text(), verdict.id
        assert _colours(page, where, "::before")["content"] == f'"{verdict.glyph} " / ""'
