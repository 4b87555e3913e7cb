"""Accessibility of the real site in Chromium: axe-core, keyboard alone, contrast, and kinds and
verdicts that never depend on colour alone."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from annotated_reader.core.vocabulary.kinds import KINDS
from annotated_reader.core.vocabulary.verdicts import VERDICTS
from helpers.sitetools import axe_violations, contrast, rgb, settle

SOURCE = "sources/hahn-belarus-option/"  # a source with every kind of note


@pytest.fixture(scope="module")
def site(real_site_url: str) -> str:
    return real_site_url


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    p = browser.new_page(viewport={"width": 1280, "height": 900})
    yield p
    p.close()


# -- axe-core on every page, at both widths, in every state a reader can put a page in ------


def _pages(site_dir: Path, holding: str | None) -> list[str]:
    """Every HTML page of the built site whose HTML holds ``holding`` (None: every one), as
    an address relative to the site's root, in order."""
    pages = []
    for path in sorted(site_dir.rglob("*.html")):
        if holding is None or holding in path.read_text(encoding="utf-8"):
            pages.append(path.relative_to(site_dir).as_posix().removesuffix("index.html"))
    return pages


def _context(browser: Any, width: int) -> Any:
    phone = {"has_touch": True, "is_mobile": True} if width < 600 else {}
    return browser.new_context(viewport={"width": width, "height": 800}, **phone)


Check = tuple[str, tuple[str, ...]]  # what the page shows; where axe looks (all: empty)


def _each_note_kind(page: Any, width: int) -> Iterator[Check]:
    """Open, one after the other, the first note of each kind on the page, by its number.

    The first is checked with the whole page; the others change only the note and its
    number, so those two are checked (a whole source page takes axe seconds).
    """
    popover = page.locator("#ar-popover")
    whole = True
    for kind in KINDS:
        ref = page.locator(f"a.ar-ref.ar-k-{kind}").first
        if not ref.count():
            continue
        ref.focus()
        page.keyboard.press("Enter")
        if width >= 1220:  # the note's card in the margin, lit, takes the focus
            ident = ref.get_attribute("data-ar")
            card = f'[data-margin-note="{ident}"]'
            assert page.evaluate("document.activeElement.dataset.marginNote") == ident
            assert "ar-lit" in (page.get_attribute(card, "class") or "")
            where = () if whole else (card, f"#{ref.get_attribute('id')}")
            yield f"note of kind {kind} lit in the margin", where
            page.keyboard.press("Escape")
            whole = False
            continue
        popover.wait_for(state="visible")
        assert f"ar-k-{kind}" in (popover.get_attribute("class") or "")
        where = () if whole else ("#ar-popover", f"#{ref.get_attribute('id')}")
        yield f"note of kind {kind} open", where
        whole = False
        page.keyboard.press("Escape")
        popover.wait_for(state="hidden")


def _each_mode(page: Any, width: int) -> Iterator[Check]:
    """The reader's other choices of where notes go (margin.js's controls): under each
    paragraph, hidden, one kind left out, only one kind, and the controls in the header."""
    page.locator("#ar-mode-under").check()
    yield "notes under each paragraph", ()
    page.locator("#ar-mode-hidden").check()
    yield "notes hidden", ()
    page.locator("#ar-mode-margin").check()
    page.locator("input[data-ar-kind]").first.uncheck()
    yield "notes in the margin, one kind left out", ()
    page.locator("#ar-only-fact-check").click()
    yield "only fact-checks", ()
    # The pointer rests on the header bar: where the click left it, the scroll would bring a
    # note number under it, whose hover colour Chromium starts a moment later, mid-check.
    page.mouse.move(1, 1)
    page.evaluate("window.scrollTo(0, document.body.scrollHeight / 2)")
    page.locator("#ar-dock-kind").wait_for(state="visible")
    yield "the controls in the header, the page scrolled", ()


def _term_preview(page: Any, width: int) -> Iterator[Check]:
    """A glossary term's preview, opened as a reader opens it: hover, or a tap on a phone."""
    term = page.locator("a.ar-term").first
    term.scroll_into_view_if_needed()
    if width < 600:
        term.tap()
    else:
        term.hover()
    popover = page.locator("#ar-popover")
    popover.wait_for(state="visible")
    assert "Glossary entry" in popover.inner_text()
    yield "term preview open", ()


def _timeline_filtered(page: Any, width: int) -> Iterator[Check]:
    sources = page.locator("select[data-ar-tl-filter='source'] option")
    page.select_option("select[data-ar-tl-filter='source']", sources.nth(1).get_attribute("value"))
    page.check("input[data-ar-tl-filter='disputed']")
    assert page.locator(".ar-tl-event[hidden]").count() > 0
    yield "timeline filtered", ()


def _claims_filtered(page: Any, width: int) -> Iterator[Check]:
    page.select_option("select[data-ar-cl-filter='verdict']", "inaccurate")
    assert page.locator(".ar-cl-claim[hidden]").count() > 0
    yield "claims filtered", ()


def _as_loaded(page: Any, width: int) -> Iterator[Check]:
    yield "as loaded", ()


def _search_open(page: Any, width: int) -> Iterator[Check]:
    """Search with results, as a reader types it."""
    if width < 600:  # the phone layout folds the search field behind the header's button
        page.locator("label.md-header__button[for='__search']").click()
    page.locator("input.md-search__input").click()
    page.keyboard.type("Lukashenko")
    page.locator(".md-search-result__item").first.wait_for(state="visible")
    yield "search open", ()


# Each state: what a page's HTML holds when the state applies to it (None: every page), and
# how a reader puts the page in it (one or more checks).
STATES: dict[str, tuple[str | None, Callable[[Any, int], Iterator[Check]]]] = {
    "as loaded": (None, _as_loaded),
    "note open": ('class="ar-ref ', _each_note_kind),
    "notes mode": ('class="ar-ref ', _each_mode),
    "term preview open": ('class="ar-term"', _term_preview),
    "timeline filtered": ("data-ar-tl-filters", _timeline_filtered),
    "claims filtered": ("data-ar-cl-filters", _claims_filtered),
    "search open": (None, _search_open),
}


@pytest.mark.parametrize("width", [1280, 375])  # 1280: notes in the margin
@pytest.mark.parametrize("state", list(STATES))
def test_axe_finds_no_violation_on_any_page(
    real_site: Path, site: str, browser: Any, state: str, width: int
) -> None:
    """Every rule axe-core runs by default, every impact (minor included), every page."""
    found: list[str] = []
    checked: list[str] = []
    holding, enter = STATES[state]
    context = _context(browser, width)
    for address in _pages(real_site, holding):
        page = context.new_page()
        page.goto(site + address)
        for what, where in enter(page, width):
            checked.append(f"{address or '/'}: {what}")
            found += [f"{address or '/'} ({what}): {v}" for v in axe_violations(page, where)]
        page.close()
    context.close()
    assert checked, f"no page of the site can be put in the state {state!r}"
    assert not found, f"{len(checked)} checked; violations:\n" + "\n".join(found)


def _focused(page: Any) -> dict[str, str]:
    return page.evaluate(  # type: ignore[no-any-return]
        """() => { const e = document.activeElement;
            return {id: e.id, cls: e.className || "", term: e.getAttribute("data-ar-term") || "",
                    inPopover: !!e.closest("#ar-popover")}; }"""
    )


def test_the_reading_path_works_by_keyboard_alone(site: str, browser: Any) -> None:
    """Below 1220 px, where notes fold behind their numbers and open in a popover; in the
    margin, tests/browser/test_margin_notes.py walks the same path."""
    page = browser.new_page(viewport={"width": 1024, "height": 900})
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
    settle(page)  # the theme's colour transition on links has ended
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
