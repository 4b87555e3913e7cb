"""The note map on every real source page, in Chromium: one mark per note, in the text's
order, beside the text and clear of the margin's cards; a click opens that note in whatever
mode the reader chose; the kind filter hides marks; one tab stop, arrows inside; links
without scripts; nothing for axe-core to find; not printed; the same after Material's
instant navigation."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from helpers.browser import open_for_instant_navigation, serve_built
from helpers.margin import choose
from helpers.project import ARTIFACTS, ROOT
from helpers.sitetools import axe_violations, contrast, rgb

SOURCES = sorted(p.stem for p in (ROOT / "annotations" / "sources").glob("*.yml"))
PHONE = {"viewport": {"width": 375, "height": 740}, "has_touch": True, "is_mobile": True}


@pytest.fixture(scope="module")
def site(real_site_url: str) -> str:
    return real_site_url


def _context(browser: Any, width: int, **extra: Any) -> Any:
    size = PHONE if width < 600 else {"viewport": {"width": width, "height": 900}}
    return browser.new_context(**size, reduced_motion="reduce", **extra)


@pytest.fixture
def wide(browser: Any) -> Iterator[Any]:
    context = _context(browser, 1440)
    yield context.new_page()
    context.close()


def marks(page: Any) -> list[dict[str, Any]]:
    """Every mark of the page's map in document order: its note, kind, place, box, tab stop."""
    return page.evaluate(  # type: ignore[no-any-return]
        """() => [...document.querySelectorAll(".ar-notemap a.ar-nm-mark")].map(a => {
            const r = a.getBoundingClientRect();
            return {note: a.dataset.note, kind: a.dataset.kind, pos: +a.dataset.pos,
                    href: a.getAttribute("href"), tabindex: a.getAttribute("tabindex"),
                    label: a.getAttribute("aria-label"), shown: a.getClientRects().length > 0,
                    box: {x: r.left, y: r.top, right: r.right, bottom: r.bottom}}; })"""
    )


def notes(page: Any) -> list[str]:
    return page.eval_on_selector_all(  # type: ignore[no-any-return]
        ".ar-text li.ar-note", "els => els.map(e => e.dataset.ar)"
    )


# Whether the shaded part of the strip (the text in view) is WHERE, v its box, s the strip's.
SHADED = """() => { const v = document.querySelector(".ar-nm-view").getBoundingClientRect(),
    s = document.querySelector(".ar-nm-list").getBoundingClientRect();
    return v.height > 10 && WHERE; }"""


def _meets(a: dict[str, float], b: dict[str, float]) -> bool:
    return (
        a["x"] < b["right"]
        and b["x"] < a["right"]
        and a["y"] < b["bottom"]
        and b["y"] < a["bottom"]
    )


def in_view(page: Any, selector: str) -> bool:
    """Whether any element ``selector`` names is on screen (below the theme's header)."""
    return page.eval_on_selector_all(  # type: ignore[no-any-return]
        selector,
        """els => els.some(e => { const r = e.getBoundingClientRect();
            return r.height > 0 && r.bottom > 48 && r.top < innerHeight; })""",
    )


@pytest.mark.parametrize("source", SOURCES)
def test_every_note_has_one_mark_in_the_texts_order_beside_the_text(
    site: str, wide: Any, source: str
) -> None:
    wide.goto(site + f"sources/{source}/")
    found, ids = marks(wide), notes(wide)
    assert ids, source
    assert sorted(m["note"] for m in found) == sorted(ids), "marks and notes differ"
    assert len({m["note"] for m in found}) == len(found), "a note has two marks"
    assert all(m["shown"] for m in found), "a mark of a shown kind is hidden"
    places = [m["pos"] for m in found]
    assert places == sorted(places), "marks are not in the order of their passages"
    tops = [m["box"]["y"] for m in found]
    assert tops == sorted(tops), "marks are not drawn in the order of their passages"
    pairs = zip(found, found[1:], strict=False)
    crowded = [(a["note"], b["note"]) for a, b in pairs if _meets(a["box"], b["box"])]
    assert not crowded, f"marks drawn over each other: {crowded[:5]}"
    # Beside the text, left of every block, clear of every card in the margin.
    left = wide.evaluate(
        """() => Math.min(...[...document.querySelectorAll(".ar-text .ar-p, .ar-text .ar-heading")]
            .map(e => e.getBoundingClientRect().left))"""
    )
    cards = wide.eval_on_selector_all(
        "[data-margin-note]",
        """els => els.filter(e => e.getClientRects().length).map(e => {
            const r = e.getBoundingClientRect();
            return {x: r.left, y: r.top, right: r.right, bottom: r.bottom}; })""",
    )
    assert cards, "no card in the margin at 1440 px"
    for m in found:
        assert m["box"]["x"] >= 0 and m["box"]["right"] <= left, f"{m['note']} is over the text"
        assert not any(_meets(m["box"], c) for c in cards), f"{m['note']} is under a card"
    # The strip stays on screen as the text scrolls: its last mark is in view at the end,
    # and the part of the text in view is shaded at the strip's end, then at its start.
    wide.evaluate("window.scrollTo(0, document.body.scrollHeight)")
    assert in_view(wide, ".ar-notemap li:last-child a")
    wide.wait_for_function(
        SHADED.replace("WHERE", "Math.abs(s.bottom - v.bottom) <= 1 && v.top > s.top")
    )
    wide.evaluate("window.scrollTo(0, 0)")
    wide.wait_for_function(
        SHADED.replace("WHERE", "Math.abs(v.top - s.top) <= 1 && v.bottom < s.bottom")
    )
    if source == "mondo-new-soviet-union":
        wide.evaluate("window.scrollTo(0, 0)")
        wide.locator(".ar-notemap a.ar-nm-mark").nth(11).click()
        ARTIFACTS.mkdir(exist_ok=True)
        wide.screenshot(path=str(ARTIFACTS / "note-map-1440.png"))


def _opened_in_margin(page: Any, note: str) -> None:
    card = f'[data-margin-note="{note}"]'
    assert "ar-lit" in (page.get_attribute(card, "class") or ""), f"{note}: card not lit"
    assert page.locator(card).is_visible() and in_view(page, card), f"{note}: card not in view"


def _opened_in_popover(page: Any, note: str) -> None:
    popover = page.locator("#ar-popover")
    popover.wait_for(state="visible")
    body = page.locator(f"#note-{note} .ar-body").inner_text(timeout=1000).split()
    assert " ".join(body[:6]) in " ".join(popover.inner_text().split()), f"{note}: another note"


def _opened_under(page: Any, note: str) -> None:
    item = f"#note-{note}"
    assert "ar-lit" in (page.get_attribute(item, "class") or ""), f"{note}: note not lit"
    assert page.locator(item).is_visible()


MODES = {  # width, the reader's choice, how the note shows
    "margin": (1440, "margin", _opened_in_margin),
    "popover": (1024, "margin", _opened_in_popover),
    "phone": (375, "margin", _opened_in_popover),
    "under": (1024, "under", _opened_under),
}


@pytest.mark.parametrize("mode", list(MODES))
def test_a_click_on_a_mark_opens_that_note(site: str, browser: Any, mode: str) -> None:
    width, choice, opened = MODES[mode]
    context = _context(browser, width)
    choose(context, choice)
    page = context.new_page()
    clicked = 0
    for source in SOURCES:
        page.goto(site + f"sources/{source}/")
        found = marks(page)
        # In the margin every mark; elsewhere the first, a middle and the last of each page.
        picked = found if mode == "margin" else [found[0], found[len(found) // 2], found[-1]]
        for m in picked:
            page.evaluate("window.scrollTo(0, 0)")
            mark = page.locator(f'.ar-notemap a[data-note="{m["note"]}"]')
            if mode == "phone":
                mark.tap()
            else:
                mark.click()
            assert page.evaluate("location.hash") == f"#{m['note']}"
            # Some of the passage is on screen (a long one's end, where its number is).
            passage = f'mark.ar-hl[data-ar="{m["note"]}"]'
            assert in_view(page, passage), f"{m['note']}: passage not in view"
            opened(page, m["note"])
            clicked += 1
            close = page.locator("#ar-popover .ar-popover-close")
            if close.is_visible():  # a phone's sheet covers the lower marks: closed first
                close.tap() if mode == "phone" else close.click()
    assert clicked >= 5 * 3
    context.close()


def test_the_kind_filter_hides_marks_of_that_kind(site: str, browser: Any) -> None:
    context = _context(browser, 1440)
    page = context.new_page()
    page.goto(site + "sources/hahn-belarus-option/")
    before = marks(page)
    kinds = sorted({m["kind"] for m in before})
    assert len(kinds) >= 3
    page.locator("#ar-show-correction").uncheck()
    page.locator("#ar-show-context").uncheck()
    after = marks(page)
    for m in after:
        assert m["shown"] == (m["kind"] not in ("correction", "context")), m["note"]
    shown = [m for m in after if m["shown"]]
    assert [m["tabindex"] for m in after if not m["shown"]].count("0") == 0
    assert [m["tabindex"] for m in shown].count("0") == 1
    page.locator("#ar-show-correction").check()
    assert all(m["shown"] == (m["kind"] != "context") for m in marks(page))
    # A kind hidden on an earlier visit is hidden from the start.
    page.close()
    fresh = _context(browser, 1024)
    choose(fresh, "margin", off=("fact-check",))
    # As the page is first shown, not only once margin.js has laid it out a moment later.
    fresh.add_init_script(
        """document.addEventListener("DOMContentLoaded", () => setTimeout(() => {
            window.arHiddenFirst = document.querySelectorAll(".ar-nm-item[hidden]").length; }));"""
    )
    page = fresh.new_page()
    page.goto(site + "sources/hahn-belarus-option/")
    found = marks(page)
    assert any(m["kind"] == "fact-check" for m in found)
    assert all(m["shown"] == (m["kind"] != "fact-check") for m in found)
    checks = sum(m["kind"] == "fact-check" for m in found)
    assert page.evaluate("window.arHiddenFirst") == checks
    fresh.close()
    context.close()


def test_the_map_is_one_tab_stop_with_arrow_keys_inside(site: str, wide: Any) -> None:
    wide.goto(site + "sources/lysyansky-ussr-2/")
    found = marks(wide)
    assert [m["tabindex"] for m in found].count("0") == 1 and found[0]["tabindex"] == "0"
    assert all(m["label"].startswith("Note ") for m in found)
    # Reached by Tab from the last link of the text.
    wide.locator(".ar-text a.ar-ref").last.focus()
    for _ in range(40):
        wide.keyboard.press("Tab")
        if wide.evaluate("!!document.activeElement.closest('.ar-notemap')"):
            break
    else:
        pytest.fail("Tab never reached the note map")

    def focused() -> str:
        return wide.evaluate("document.activeElement.dataset.note || ''")  # type: ignore[no-any-return]

    assert focused() == found[0]["note"]
    wide.keyboard.press("ArrowDown")
    wide.keyboard.press("ArrowDown")
    assert focused() == found[2]["note"]
    wide.keyboard.press("ArrowUp")
    assert focused() == found[1]["note"]
    wide.keyboard.press("End")
    assert focused() == found[-1]["note"]
    wide.keyboard.press("Home")
    assert focused() == found[0]["note"]
    wide.keyboard.press("ArrowDown")
    # Not a trap: Tab leaves the map, Shift+Tab comes back to the mark last used.
    wide.keyboard.press("Tab")
    assert not wide.evaluate("!!document.activeElement.closest('.ar-notemap')")
    wide.keyboard.press("Shift+Tab")
    assert focused() == found[1]["note"]
    # Enter opens the note, and the focus goes to it.
    wide.keyboard.press("Enter")
    assert wide.evaluate("document.activeElement.dataset.marginNote") == found[1]["note"]
    _opened_in_margin(wide, found[1]["note"])


def test_without_scripts_every_mark_is_a_link_to_its_passage(site: str, browser: Any) -> None:
    context = browser.new_context(
        java_script_enabled=False, viewport={"width": 1024, "height": 900}
    )
    page = context.new_page()
    for source in SOURCES:
        page.goto(site + f"sources/{source}/")
        found = marks(page)
        assert sorted(m["note"] for m in found) == sorted(notes(page))
        for m in found:
            assert m["shown"], m["note"]
            assert m["href"] == f"#{m['note']}"
            assert page.locator(f'mark.ar-hl[id="{m["note"]}"]').count() == 1, m["note"]
        tops = [m["box"]["y"] for m in found]
        assert tops == sorted(tops), f"{source}: marks out of order"
    last = found[-1]["note"]
    page.locator(f'.ar-notemap a[data-note="{last}"]').click()
    assert page.url.endswith(f"#{last}")
    assert in_view(page, f'mark.ar-hl[id="{last}"]')
    context.close()


@pytest.mark.parametrize("width", [1280, 375])
def test_axe_finds_nothing_in_the_map(site: str, browser: Any, width: int) -> None:
    context = _context(browser, width)
    page = context.new_page()
    found = []
    for source in SOURCES:
        page.goto(site + f"sources/{source}/")
        found += [f"{source}: {v}" for v in axe_violations(page, (".ar-notemap",))]
    page.locator(".ar-notemap a.ar-nm-mark").nth(3).click()
    found += [f"after a click: {v}" for v in axe_violations(page)]
    assert not found, "\n".join(found)
    context.close()


def test_marks_meet_wcag_aa_and_are_never_told_by_colour_alone(site: str, wide: Any) -> None:
    wide.goto(site + "sources/hahn-belarus-option/")
    seen = wide.eval_on_selector_all(
        ".ar-notemap a.ar-nm-mark",
        """els => els.map(a => { const s = getComputedStyle(a), b = getComputedStyle(a, "::before");
            return {kind: a.dataset.kind, cls: a.className, color: s.color, background: s.backgroundColor,
                    border: s.borderTopColor, radius: s.borderTopLeftRadius, glyph: b.content}; })""",
    )
    page_bg = rgb("rgb(255, 255, 255)")
    shapes: dict[str, set[tuple[str, str]]] = {}
    for m in seen:
        assert contrast(rgb(m["color"]), rgb(m["background"])) >= 4.5, m
        assert contrast(rgb(m["border"]), page_bg) >= 3, m  # the mark's edge on the page
        assert m["glyph"] not in ("none", "normal", '""'), m
        shapes.setdefault(m["kind"], set()).add((m["glyph"], m["radius"]))
    # Every kind (and every fact-check verdict) reads by its glyph and shape, not its colour.
    drawn = [pair for kind in shapes.values() for pair in kind]
    assert len(drawn) == len(set(drawn)), f"two kinds or verdicts drawn alike: {shapes}"
    # In the theme's dark scheme a mark keeps its own fill and ink, and stands out of the page.
    wide.evaluate("document.body.setAttribute('data-md-color-scheme', 'slate')")
    dark = wide.evaluate("getComputedStyle(document.body).backgroundColor")
    assert contrast(rgb(dark), page_bg) > 10, f"not the dark scheme: {dark}"
    for m in wide.eval_on_selector_all(
        ".ar-notemap a.ar-nm-mark",
        "els => els.map(a => [getComputedStyle(a).color, getComputedStyle(a).backgroundColor])",
    ):
        assert contrast(rgb(m[0]), rgb(m[1])) >= 4.5, m
        assert contrast(rgb(m[1]), rgb(dark)) >= 3, m  # the mark's fill on the dark page


def test_the_map_is_not_printed(site: str, wide: Any) -> None:
    wide.goto(site + "sources/hahn-belarus-option/")
    wide.emulate_media(media="print")
    assert wide.locator(".ar-notemap").is_hidden()
    assert wide.eval_on_selector(".ar-text", "e => getComputedStyle(e).paddingLeft") == "0px"
    wide.emulate_media(media="screen")
    assert wide.locator(".ar-notemap").is_visible()


def test_the_map_works_after_instant_navigation(mini: Path, browser: Any) -> None:
    """Material swaps the page's content without loading it: the map of the new page is
    placed, filtered and opens its notes as on a page loaded whole."""
    with serve_built(mini) as url:
        context = _context(browser, 1440)
        page = context.new_page()
        open_for_instant_navigation(page, url)
        page.click("article a[href$='/sources/']")
        page.wait_for_url("**/sources/")
        page.evaluate("window.arSamePage = true")  # a full page load would forget it
        page.click("article a[href$='/sources/sample/']")
        page.wait_for_url("**/sources/sample/")
        page.locator(".ar-notemap a.ar-nm-mark").first.wait_for()
        assert page.evaluate("window.arSamePage") is True  # Material's instant navigation ran
        found = marks(page)
        assert sorted(m["note"] for m in found) == sorted(notes(page))
        placed = page.eval_on_selector_all(".ar-nm-item", "els => els.map(e => e.style.top)")
        assert all(t.endswith("px") for t in placed), "marks not placed by the script"
        kind = found[0]["kind"]
        page.locator(f"#ar-show-{kind}").uncheck()
        assert all(m["shown"] == (m["kind"] != kind) for m in marks(page))
        other = next(m for m in marks(page) if m["shown"])
        page.locator(f'.ar-notemap a[data-note="{other["note"]}"]').click()
        _opened_in_margin(page, other["note"])
        context.close()
