"""Margin notes on every real source page, in Chromium at 1440, 1024 and 375 px: one card per
note in the margin on a wide screen, notes folded behind their numbers below 1220 px, and the
reader's choice of mode and kinds kept across pages and visits."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from helpers.browser import open_for_instant_navigation, serve, serve_built, tab_to
from helpers.margin import choose, geometry, overlapping, settled
from helpers.project import ARTIFACTS, ROOT

SOURCES = sorted(p.stem for p in (ROOT / "annotations" / "sources").glob("*.yml"))
PHONE = {"viewport": {"width": 375, "height": 740}, "has_touch": True, "is_mobile": True}


@pytest.fixture(scope="module")
def site(real_site_url: str) -> str:
    return real_site_url


def _context(browser: Any, width: int) -> Any:
    # Cards glide to their places, unless the reader asks for less motion: asked here, so that
    # a card's box is where it ends (test_reduced_motion checks the glide is gone).
    if width < 600:
        return browser.new_context(**PHONE, reduced_motion="reduce")
    return browser.new_context(viewport={"width": width, "height": 900}, reduced_motion="reduce")


@pytest.fixture
def wide(browser: Any) -> Iterator[Any]:
    context = _context(browser, 1440)
    yield context.new_page()
    context.close()


def _text_reads_whole(g: dict[str, Any]) -> None:
    assert g["lists"] == 0, f"{g['lists']} notes lists shown between the blocks"
    assert not g["between"], f"shown between two blocks of text: {g['between']}"
    assert g["scroll"][0] <= g["scroll"][1], f"page scrolls sideways: {g['scroll']}"


def _one_card_each(g: dict[str, Any]) -> None:
    ids = [c["id"] for c in g["cards"]]
    assert sorted(ids) == sorted(n["id"] for n in g["notes"]), "cards and notes differ"
    assert len(set(ids)) == len(ids), "a note has two cards"


@pytest.mark.parametrize("source", SOURCES)
def test_every_note_is_a_card_in_the_margin(site: str, wide: Any, source: str) -> None:
    wide.goto(site + f"sources/{source}/")
    g = geometry(wide)
    assert g["notes"], source
    _one_card_each(g)
    _text_reads_whole(g)
    assert all(c["visible"] for c in g["cards"]), "a card of a shown kind is hidden"
    assert not overlapping(g["cards"]), overlapping(g["cards"])
    by_number = sorted(
        g["cards"], key=lambda c: next(n["number"] for n in g["notes"] if n["id"] == c["id"])
    )
    for card in by_number:
        box = card["box"]
        assert box["x"] >= g["text"]["right"], f"{card['id']} is over the text column"
        assert box["right"] <= g["scroll"][1], f"{card['id']} goes off the screen"
        # Level with its passage's first line, or below it when pushed down by the card above.
        assert box["y"] >= card["passage"]["y"] - 1, f"{card['id']} is above its passage"
    tops = [c["box"]["y"] for c in by_number]
    assert tops == sorted(tops), "cards are not in passage order"
    ARTIFACTS.mkdir(exist_ok=True)
    wide.screenshot(path=str(ARTIFACTS / f"margin-{source}-1440.png"))


@pytest.mark.parametrize("width", [1220, 1920])
def test_text_column_keeps_its_width_on_wide_screens(site: str, browser: Any, width: int) -> None:
    context, under = _context(browser, width), _context(browser, width)
    choose(under, "under")  # as the page was before the margin: notes under each block
    page, plain = context.new_page(), under.new_page()
    page.goto(site + "sources/hahn-belarus-option/")
    plain.goto(site + "sources/hahn-belarus-option/")
    g = geometry(page)
    assert g["scroll"][0] <= g["scroll"][1], f"page scrolls sideways at {width}: {g['scroll']}"
    assert g["text"]["w"] == geometry(plain)["text"]["w"]
    assert geometry(plain)["lists"] > 0
    assert not overlapping(g["cards"]) and all(c["visible"] for c in g["cards"])
    context.close()
    under.close()


@pytest.mark.parametrize("width", [1024, 375])
def test_notes_fold_behind_their_numbers_below_1220(site: str, browser: Any, width: int) -> None:
    context = _context(browser, width)
    page = context.new_page()
    for source in SOURCES:
        page.goto(site + f"sources/{source}/")
        g = geometry(page)
        _one_card_each(g)
        _text_reads_whole(g)
        assert not any(c["visible"] for c in g["cards"]), "a margin card shows on a narrow screen"
    # A note opens beside or under its passage, without covering it or moving the text.
    popover = page.locator("#ar-popover")
    refs = page.locator("a.ar-ref")
    for i in sorted({2, refs.count() // 2, refs.count() - 1}):
        ref = refs.nth(i)
        ref.scroll_into_view_if_needed()
        ident = ref.get_attribute("data-ar")
        before = geometry(page)["blocks"]
        if width < 600:
            ref.tap()
        else:
            ref.focus()
            page.keyboard.press("Enter")
        popover.wait_for(state="visible")
        assert geometry(page)["blocks"] == before, "the text moved when a note opened"
        note = popover.bounding_box()
        assert note and note["x"] >= 0 and note["x"] + note["width"] <= width + 0.5
        # Every line of the passage on the screen, and its number, shows above or below the
        # note (a passage taller than the room above a phone's sheet starts above the screen).
        lines = page.evaluate(
            """(id) => [...document.querySelectorAll(`[data-ar="${id}"]:is(mark, a.ar-ref)`)]
                .flatMap(e => [...e.getClientRects()]).map(r => [r.top, r.bottom])""",
            ident,
        )
        assert lines and lines[-1][0] >= 0, "the passage's number is off the screen"
        for top, bottom in lines:
            if top < 0:
                continue
            assert bottom <= note["y"] + 0.5 or top >= note["y"] + note["height"] - 0.5, (
                f"the note of {ident} covers its passage: {note} over {top}-{bottom}"
            )
        if width < 600:
            ref.tap()  # a second tap closes it
        else:
            page.keyboard.press("Escape")
        popover.wait_for(state="hidden")
        if width >= 600:
            assert page.evaluate("document.activeElement.id") == f"ref-{ident}"
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"margin-folded-{width}.png"))
    context.close()


@pytest.mark.parametrize("mode", ["margin", "under", "hidden"])
@pytest.mark.parametrize("width", [1440, 375])
def test_a_deep_link_opens_and_lights_its_note(
    site: str, browser: Any, mode: str, width: int
) -> None:
    context = _context(browser, width)
    choose(context, mode)
    page = context.new_page()
    ident = "hahn-baw-poll"  # a fact-check among many notes, its card long
    page.goto(site + f"sources/hahn-belarus-option/#{ident}")
    passage = page.locator(f"mark#{ident}")
    assert "ar-lit" in (passage.get_attribute("class") or "")
    top = passage.bounding_box()["y"]  # type: ignore[index]
    assert 0 <= top < page.viewport_size["height"], "the passage is not on the screen"
    card = page.locator(f'[data-margin-note="{ident}"]')
    if mode == "margin" and width > 1220:
        assert card.is_visible() and "ar-lit" in (card.get_attribute("class") or "")
        assert card.get_attribute("data-fit") != "stub"
        assert abs(card.bounding_box()["y"] - passage.bounding_box()["y"]) < 2  # type: ignore[index]
        assert not page.locator("#ar-popover").is_visible()
    elif mode == "under":  # the note printed under its paragraph, no popover over it
        page.wait_for_timeout(300)
        assert not page.locator("#ar-popover").is_visible()
    else:
        popover = page.locator("#ar-popover")
        popover.wait_for(state="visible")
        body = page.locator(f"#note-{ident} .ar-body").text_content() or ""
        assert body.split()[:6] == popover.locator(".ar-body").inner_text().split()[:6]
    if mode == "under":
        assert "ar-lit" in (page.get_attribute(f"#note-{ident}", "class") or "")
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"margin-deep-link-{mode}-{width}.png"))
    context.close()


def test_hover_lights_passage_and_card_and_keys_move_the_lit_card(site: str, wide: Any) -> None:
    wide.goto(site + "sources/lysyansky-ussr-2/")
    refs = wide.eval_on_selector_all("a.ar-ref", "els => els.map(e => e.dataset.ar)")
    first = wide.locator(f"mark#{refs[0]}")
    first.hover()
    assert "ar-hot" in (
        wide.locator(f'[data-margin-note="{refs[0]}"]').get_attribute("class") or ""
    )
    wide.locator(f'[data-margin-note="{refs[3]}"]').hover()
    assert "ar-hot" in (wide.locator(f"mark#{refs[3]}").get_attribute("class") or "")
    wide.mouse.move(5, 5)
    for step, key in enumerate(["]", "]", "]", "["]):
        wide.keyboard.press(key)
        want = refs[[0, 1, 2, 1][step]]
        lit = wide.eval_on_selector_all(
            "[data-margin-note].ar-lit", "els => els.map(e => e.dataset.marginNote)"
        )
        assert lit == [want], (key, lit)
        card = wide.locator(f'[data-margin-note="{want}"]').bounding_box()
        passage = wide.locator(f"mark#{want}").bounding_box()
        assert card and passage and abs(card["y"] - passage["y"]) < 2, (
            "the lit card is not level with its passage"
        )
        assert not overlapping(geometry(wide)["cards"])
    # Enter on a number takes the focus to its card; Escape returns it to the number.
    wide.keyboard.press("Enter")
    assert wide.evaluate("document.activeElement.dataset.marginNote") == refs[1]
    wide.keyboard.press("Escape")
    assert wide.evaluate("document.activeElement.id") == f"ref-{refs[1]}"


# A passage a click selects as it is: no glossary link or other note's passage inside it.
_PLAIN_PASSAGES = """els => els.map(e => e.dataset.ar).filter(id => {
    const m = document.getElementById(id);
    return m && !m.querySelector("a, mark") && !m.parentElement.closest("mark"); })"""


@pytest.mark.parametrize("width", [1440, 1024])
def test_keys_step_from_the_note_an_address_or_a_click_selected(
    site: str, browser: Any, width: int
) -> None:
    """An address or a click on a passage selects a note without moving the focus; "]" and
    "[" go on from that note, not from the top of the page."""
    context = _context(browser, width)
    page = context.new_page()
    page.goto(site + "sources/lysyansky-ussr-2/")
    refs = page.eval_on_selector_all("a.ar-ref", "els => els.map(e => e.dataset.ar)")
    plain = page.eval_on_selector_all("a.ar-ref", _PLAIN_PASSAGES)
    # Away from the note the address selects, so that stepping from that one cannot pass.
    clicked = next(ident for ident in plain if 6 <= refs.index(ident) < len(refs) - 1)
    page.goto(site + f"sources/lysyansky-ussr-2/#{refs[3]}")
    page.wait_for_function(
        "id => document.getElementById(id).classList.contains('ar-lit') "
        "|| !document.getElementById('ar-popover').hidden",
        arg=refs[3],
    )
    page.keyboard.press("]")
    assert page.evaluate("document.activeElement.id") == f"ref-{refs[4]}"
    page.keyboard.press("Escape")
    page.mouse.click(5, 5)  # the focus goes back to the page; the lit card stays
    page.locator(f"mark#{clicked}").click()
    k = refs.index(clicked)
    page.keyboard.press("]")
    assert page.evaluate("document.activeElement.id") == f"ref-{refs[k + 1]}"
    page.keyboard.press("[")
    page.keyboard.press("[")
    assert page.evaluate("document.activeElement.id") == f"ref-{refs[k - 1]}"
    context.close()


def test_reduced_motion(site: str, browser: Any) -> None:
    moving = browser.new_context(viewport={"width": 1440, "height": 900})
    still = _context(browser, 1440)
    durations = []
    for context in (moving, still):
        page = context.new_page()
        page.goto(site + "sources/mondo-new-soviet-union/")
        durations.append(
            page.eval_on_selector(".ar-card", "c => getComputedStyle(c).transitionDuration")
        )
        context.close()
    assert durations[0] != "0s" and set(durations[1].split(", ")) == {"0s"}, durations


def test_a_long_card_opens_to_full_length(site: str, wide: Any) -> None:
    wide.goto(site + "sources/hahn-belarus-option/")
    button = wide.locator(".ar-card[data-fit=long] .ar-card-more").first
    card = button.locator("xpath=..")
    short = card.bounding_box()["height"]  # type: ignore[index]
    assert button.get_attribute("aria-expanded") == "false"
    button.click()
    assert button.get_attribute("aria-expanded") == "true" and button.inner_text() == "Show less"
    assert card.bounding_box()["height"] > short + 10  # type: ignore[index]
    assert not overlapping(geometry(wide)["cards"])
    button.click()
    assert button.get_attribute("aria-expanded") == "false"


def test_mode_and_filter_persist_across_navigation_and_visits(mini: Path, browser: Any) -> None:
    with serve_built(mini) as url:
        context = browser.new_context(viewport={"width": 1440, "height": 900})
        page = context.new_page()
        open_for_instant_navigation(page, url)
        page.click("article a[href$='/sources/']")
        page.wait_for_url("**/sources/")
        page.click("article a[href$='/sources/sample/']")
        page.wait_for_url("**/sources/sample/")
        page.locator("mark#s-inner").wait_for()
        g = geometry(page)
        kind = g["notes"][0]["kind"]
        page.locator(f"#ar-show-{kind}").check()  # shown by default: checking changes nothing
        page.locator(f"#ar-show-{kind}").uncheck()
        page.locator("#ar-mode-under").check()
        hidden = [n["id"] for n in g["notes"] if n["kind"] == kind]
        assert all(not page.locator(f"#note-{i}").is_visible() for i in hidden)
        page.evaluate("window.arSamePage = true")  # a full page load would forget it
        page.go_back()
        page.wait_for_url("**/sources/")
        page.click("article a[href$='/sources/sample/']")
        page.wait_for_url("**/sources/sample/")
        page.locator("mark#s-inner").wait_for()
        assert page.evaluate("window.arSamePage") is True  # Material's instant navigation ran
        for visit in ("after instant navigation", "on a new visit"):
            assert page.locator("#ar-mode-under").is_checked(), visit
            assert not page.locator(f"#ar-show-{kind}").is_checked(), visit
            assert geometry(page)["lists"] > 0, visit  # notes under each paragraph
            assert all(not page.locator(f"#note-{i}").is_visible() for i in hidden), visit
            assert not page.locator(".ar-card").first.is_visible(), visit
            page.close()
            page = context.new_page()
            page.goto(url + "sources/sample/")
        stored = json.loads(page.evaluate("localStorage.getItem('annotated-reader:notes')"))
        assert stored == {"mode": "under", "off": [kind]}
        context.close()


def test_a_refused_local_storage_leaves_the_page_working(site: str, browser: Any) -> None:
    context = _context(browser, 1440)
    context.add_init_script(
        "Object.defineProperty(window, 'localStorage', {get() { throw new DOMException('no', 'SecurityError'); }})"
    )
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(site + "sources/mondo-new-soviet-union/")
    page.locator("#ar-mode-hidden").check()
    assert geometry(page)["lists"] == 0 and not page.locator(".ar-card").first.is_visible()
    assert not errors, errors
    context.close()


_SEMANTICS = """() => [...document.querySelectorAll("a.ar-ref")].map(r => {
    const to = r.getAttribute("aria-details"), card = to && document.getElementById(to);
    return {id: r.dataset.ar, popup: r.getAttribute("aria-haspopup"),
            expanded: r.getAttribute("aria-expanded"), details: to,
            card: card ? [card.dataset.marginNote, card.getAttribute("role")] : null};
})"""


def test_a_number_says_what_it_does_in_each_mode(site: str, browser: Any) -> None:
    """In the margin a note's number lights its card, so it names that card and announces no
    dialog; where it opens the popover (hidden notes, a narrower screen) it announces a dialog;
    without scripts it is a plain link."""
    wide, narrow = _context(browser, 1440), _context(browser, 1024)
    plain = browser.new_context(viewport={"width": 1440, "height": 900}, java_script_enabled=False)
    page = wide.new_page()
    page.goto(site + "sources/hahn-belarus-option/")
    settled(page)
    refs = page.evaluate(_SEMANTICS)
    assert len(refs) == 49
    for r in refs:
        assert r["popup"] is None and r["expanded"] is None, r
        assert r["card"] == [r["id"], "note"], r
    page.locator("#ar-mode-hidden").check()
    for r in page.evaluate(_SEMANTICS):
        assert r["popup"] == "dialog" and r["expanded"] == "false" and r["details"] is None, r
    page.locator("#ar-mode-margin").check()
    assert all(r["card"] == [r["id"], "note"] for r in page.evaluate(_SEMANTICS))
    folded = narrow.new_page()
    folded.goto(site + "sources/hahn-belarus-option/")
    settled(folded)
    assert {(r["popup"], r["details"]) for r in folded.evaluate(_SEMANTICS)} == {("dialog", None)}
    static = plain.new_page()
    static.goto(site + "sources/hahn-belarus-option/")
    assert {(r["popup"], r["details"]) for r in static.evaluate(_SEMANTICS)} == {(None, None)}
    for context in (wide, narrow, plain):
        context.close()


def _shown_kinds(page: Any) -> set[str]:
    g = geometry(page)
    kinds = {n["id"]: n["kind"] for n in g["notes"]}
    return {kinds[c["id"]] for c in g["cards"] if c["visible"]}


def test_one_kind_in_one_action_by_keyboard(site: str, browser: Any) -> None:
    """The "only" beside a kind shows that kind alone, "All kinds" every kind again: buttons
    reached by Tab, named for what they do, pressed while their choice holds."""
    context = _context(browser, 1440)
    page = context.new_page()
    page.goto(site + "sources/hahn-belarus-option/")
    assert len(_shown_kinds(page)) == 7
    only = page.locator("#ar-only-fact-check")
    assert only.get_attribute("aria-label") == "Show only Fact-check notes"
    assert only.get_attribute("aria-pressed") == "false"
    tab_to(page, "ar-only-fact-check")
    page.keyboard.press("Enter")
    assert _shown_kinds(page) == {"fact-check"}
    assert only.get_attribute("aria-pressed") == "true"
    assert page.locator("#ar-show-fact-check").is_checked()
    assert not page.locator("#ar-show-correction").is_checked()
    g = geometry(page)
    assert not overlapping(g["cards"])
    # The other kinds' passages and numbers go quiet in the text too.
    assert page.locator("a.ar-ref.ar-k-correction").first.is_hidden()
    stored = json.loads(page.evaluate("localStorage.getItem('annotated-reader:notes')"))
    assert sorted(stored["off"]) == sorted({n["kind"] for n in g["notes"]} - {"fact-check"})
    page.locator("#ar-only-correction").press("Enter")
    assert _shown_kinds(page) == {"correction"}
    tab_to(page, "ar-only-all")
    page.keyboard.press("Space")
    assert len(_shown_kinds(page)) == 7
    assert page.locator("#ar-only-all").get_attribute("aria-pressed") == "true"
    context.close()


@pytest.mark.parametrize("width", [1440, 375])
def test_controls_stay_within_reach_while_reading(site: str, browser: Any, width: int) -> None:
    """Once the page's controls have scrolled away, the same choice sits in the theme's header
    bar (which stays on screen): it covers no text, moves nothing as it appears, and works."""
    _docked_controls(browser, site, width, "")


@pytest.mark.parametrize("width", [1440, 375])
def test_under_zensical_too_the_controls_dock_in_the_header(
    real_site_zensical: Path, browser: Any, width: int
) -> None:
    """Zensical's header is its own: the docked menus fit it as they fit Material's."""
    with serve(real_site_zensical) as url:
        _docked_controls(browser, url, width, "zensical-")


def _docked_controls(browser: Any, site: str, width: int, shot: str) -> None:
    context = _context(browser, width)
    page = context.new_page()
    page.goto(site + "sources/hahn-belarus-option/")
    dock = page.locator(".ar-dock")
    assert dock.is_hidden(), "the header repeats controls that are on the screen"
    before = geometry(page)["blocks"]
    page.evaluate("window.scrollTo(0, 1500)")
    dock.wait_for(state="visible")
    header = page.locator("header.md-header").bounding_box()
    box = dock.bounding_box()
    assert (
        header
        and box
        and box["y"] >= header["y"]
        and box["y"] + box["height"] <= header["y"] + header["height"]
    )
    assert box["x"] >= 0 and box["x"] + box["width"] <= width
    # Nothing of the theme's header is covered: its menu and search buttons stay clickable.
    menus = [m.bounding_box() for m in page.locator(".ar-dock select").all()]
    for button in page.locator("header .md-header__button").all():
        other = button.bounding_box()
        if not (button.is_visible() and other and other["width"] > 0):
            continue
        for menu in menus:
            assert menu and (
                other["x"] >= menu["x"] + menu["width"] - 0.5
                or other["x"] + other["width"] <= menu["x"] + 0.5
            ), f"a menu covers the header's {button.evaluate('e => e.outerHTML')[:80]}"
    g = geometry(page)
    assert g["blocks"] == before, "the text moved as the header's controls appeared"
    assert g["scroll"][0] <= g["scroll"][1]
    page.locator("#ar-dock-kind").focus()
    page.locator("#ar-dock-kind").select_option("correction")
    assert not page.locator("#ar-show-fact-check").is_checked()
    assert page.locator("#ar-only-correction").get_attribute("aria-pressed") == "true"
    if width > 1220:
        assert _shown_kinds(page) == {"correction"}
    page.locator("#ar-dock-mode").select_option("under")
    assert page.locator("#ar-mode-under").is_checked()
    assert geometry(page)["lists"] > 0
    page.locator("#ar-dock-kind").select_option("")
    assert page.locator("#ar-show-fact-check").is_checked()
    page.evaluate("window.scrollTo(0, 0)")
    dock.wait_for(state="hidden")
    ARTIFACTS.mkdir(exist_ok=True)
    page.evaluate("window.scrollTo(0, 1500)")
    dock.wait_for(state="visible")
    page.screenshot(path=str(ARTIFACTS / f"margin-header-controls-{shot}{width}.png"))
    context.close()


_AT_OPENING = """(last) => window.addEventListener("DOMContentLoaded", () => {
    // Window listeners run after document ones: margin.js has built the page's first cards,
    // and none of its later tasks has run yet.
    const ids = () => [...document.querySelectorAll("[data-margin-note]")].map(c => c.dataset.marginNote);
    const onScreen = [...document.querySelectorAll("li.ar-note")].map(li => li.dataset.ar)
        .filter(id => document.getElementById(id).getBoundingClientRect().top < innerHeight);
    window.arOpening = {ids: ids(), onScreen, settled: annotatedReaderMargin.stats().settled};
    if (last) {
        annotatedReaderMargin.select(last);
        const card = document.querySelector(`[data-margin-note="${last}"]`);
        window.arOpening.selected = {count: ids().length, lit: !!card && card.classList.contains("ar-lit")};
    }
})"""


@pytest.mark.parametrize("select_last", [False, True])
def test_cards_beside_the_first_screen_come_first(
    site: str, browser: Any, select_last: bool
) -> None:
    """As the page opens, margin.js builds the cards of the passages on the first screen, the
    rest in later short tasks; selecting a later note builds its card and every card above it at
    once, so it never finds its card missing."""
    context = _context(browser, 1440)
    page = context.new_page()
    page.goto(site + "sources/hahn-belarus-option/")
    notes = [n["id"] for n in sorted(geometry(page)["notes"], key=lambda n: n["number"])]
    last = notes[-1] if select_last else ""
    page.add_init_script(f"({_AT_OPENING})({json.dumps(last)})")
    page.goto(site + "sources/hahn-belarus-option/?again")
    opening = page.evaluate("window.arOpening")
    assert opening["settled"] is False, "every card was built before the page could show"
    first = opening["ids"]
    assert 0 < len(first) < len(notes) and first == notes[: len(first)], first
    assert opening["onScreen"] and set(opening["onScreen"]) <= set(first), (
        "a card on screen is late"
    )
    if select_last:
        assert opening["selected"] == {"count": len(notes), "lit": True}
    g = geometry(page)  # waits for the later tasks
    _one_card_each(g)
    assert not overlapping(g["cards"])
    context.close()


_MODE_STATE = """() => {
    const text = document.querySelector(".ar-text");
    return {text: [...text.classList].filter(c => c.startsWith("ar-notes-")),
            margin: text.closest("article").classList.contains("ar-margin-on"),
            lists: [...text.querySelectorAll(".ar-notes")].filter(e => e.getClientRects().length).length,
            ticked: [...document.querySelectorAll("input[name=ar-mode]:checked")].map(i => i.value),
            script: !!window.annotatedReaderMargin};
}"""


@pytest.mark.parametrize(
    ("width", "mode", "margin", "lists"),
    [
        (1440, None, True, False),
        (1440, "margin", True, False),
        (1440, "under", False, True),
        (1440, "hidden", False, False),
        (1024, "margin", False, False),
        (1024, "under", False, True),
    ],
)
def test_the_readers_mode_holds_from_the_first_layout(
    site: str, browser: Any, width: int, mode: str | None, margin: bool, lists: bool
) -> None:
    """The page's inline script (render/margin_mode.py) sets the stored mode as the text is
    parsed, so the first layout is already in it: with margin.js never loaded the classes are
    there, the notes lists shown only 'under each paragraph', the margin on only when wide,
    and the controls tick the reader's mode, not the default."""
    context = _context(browser, width)
    if mode:
        choose(context, mode)
    page = context.new_page()
    page.route("**/margin.js", lambda route: route.abort())
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(site + "sources/hahn-belarus-option/")
    state = page.evaluate(_MODE_STATE)
    assert state == {
        "text": [f"ar-notes-{mode or 'margin'}"],
        "margin": margin,
        "lists": state["lists"] if lists else 0,
        "ticked": [mode or "margin"],
        "script": False,
    }
    assert not lists or state["lists"] > 10
    assert not errors, errors
    context.close()


def test_the_inline_mode_script_agrees_with_margin_js() -> None:
    """Both read the same stored choice: the key, the modes and the wide screen's width."""
    from annotated_reader.render import margin_mode

    script = (ROOT / "plugins/annotated_reader/render/assets/margin.js").read_text("utf-8")
    assert f'var KEY = "{margin_mode.KEY}";' in script
    assert f'window.matchMedia("{margin_mode.WIDE}")' in script
    modes = script.split("var MODES = [")[1].split("]")[0]
    assert modes == ", ".join(f'"{m}"' for m, _label in margin_mode.MODES)
    assert (
        margin_mode.KEY in margin_mode.MODE_SCRIPT and margin_mode.WIDE in margin_mode.MODE_SCRIPT
    )


_HEADER_STATE = """() => {
    const shown = s => { const e = document.querySelector(s); return !!e && e.getClientRects().length > 0; };
    return {controls: shown(".ar-source-header .ar-controls"), legend: shown(".ar-source-header .ar-legend"),
            kinds: [...document.querySelectorAll(".ar-controls input[data-ar-kind]")].map(i => i.id),
            legendKinds: [...document.querySelectorAll(".ar-legend .ar-kind")].map(k => "ar-show-" + k.className.split("ar-k-")[1]),
            counts: [...document.querySelectorAll(".ar-controls .ar-filter-item .ar-kind")].map(k => k.textContent),
            legendCounts: [...document.querySelectorAll(".ar-legend .ar-kind")].map(k => k.textContent)};
}"""


def test_the_controls_are_in_the_page_and_shown_only_with_scripts(site: str, browser: Any) -> None:
    """The reader's controls come with the page (laid out with it, not added once it has
    opened), in place of the legend, whose kinds and counts the filter repeats in its order;
    without scripts, where they would do nothing, the legend shows instead."""
    with_js = _context(browser, 1440)
    page = with_js.new_page()
    page.route("**/margin.js", lambda route: route.abort())
    page.goto(site + "sources/hahn-belarus-option/")
    state = page.evaluate(_HEADER_STATE)
    assert state["controls"] and not state["legend"]
    assert state["kinds"] == state["legendKinds"] and len(state["kinds"]) == 7
    assert state["counts"] == state["legendCounts"]
    assert page.locator("#ar-mode-margin").is_checked()
    without = browser.new_context(
        viewport={"width": 1440, "height": 900}, java_script_enabled=False
    )
    static = without.new_page()
    static.goto(site + "sources/hahn-belarus-option/")
    assert static.evaluate(_HEADER_STATE)["controls"] is False
    assert static.evaluate(_HEADER_STATE)["legend"] is True
    for context in (with_js, without):
        context.close()


_TYPE = """() => {
    // Each (size, weight) the text of an element is set in, inside the margin and out of it.
    const faces = (inside) => {
        const out = new Set();
        for (const el of document.querySelectorAll("body *")) {
            if (!!el.closest(".ar-margin") !== inside || !el.getClientRects().length) continue;
            if (![...el.childNodes].some(n => n.nodeType === 3 && n.textContent.trim())) continue;
            const s = getComputedStyle(el);
            if (s.fontStyle === "normal") out.add(`${s.fontFamily}|${s.fontSize} ${s.fontWeight}`);
        }
        return [...out];
    };
    return {cards: faces(true), page: faces(false)};
}"""


@pytest.mark.parametrize("source", SOURCES)
def test_cards_are_set_in_the_pages_own_type(site: str, wide: Any, source: str) -> None:
    """The cards' text uses sizes and weights the page already uses (margin.css): a face new to
    the page has the browser look its fonts up while it lays out the first cards, which was a
    third of that task (benchmarks/margin_layout.py)."""
    wide.goto(site + f"sources/{source}/")
    settled(wide)
    faces = wide.evaluate(_TYPE)
    assert faces["cards"], "no text in the cards"
    # A family the page sets nowhere else (code in a note) is new whatever its size.
    families = {face.split("|")[0] for face in faces["page"]}
    new = {f for f in faces["cards"] if f.split("|")[0] in families} - set(faces["page"])
    assert not new, f"faces used only by the cards: {sorted(new)}"


def test_the_article_ends_below_its_last_card_and_no_lower(site: str, wide: Any) -> None:
    """Where the cards run past the end of the text, the article (and the page's footer with
    it) ends below the last card; with the notes hidden it ends at its own content again."""
    wide.goto(site + "sources/hahn-belarus-option/")
    settled(wide)
    ends = """() => ({article: document.querySelector(".ar-text").closest("article")
                      .getBoundingClientRect().bottom + scrollY,
                  text: document.querySelector(".ar-text").getBoundingClientRect().bottom + scrollY,
                  cards: Math.max(...[...document.querySelectorAll(".ar-card")]
                      .filter(c => c.getClientRects().length)
                      .map(c => c.getBoundingClientRect().bottom + scrollY))})"""
    margin = wide.evaluate(ends)
    assert margin["cards"] > margin["text"] + 20, margin  # the cards do run past the text here
    assert margin["article"] >= margin["cards"] - 0.5, margin
    wide.locator("#ar-mode-hidden").check()
    hidden = wide.evaluate(ends)
    assert hidden["article"] < margin["cards"] - 20, (margin, hidden)
