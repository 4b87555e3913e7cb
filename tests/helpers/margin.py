"""Margin notes in Chromium: the reader's stored choice, and the geometry of cards and text."""

from __future__ import annotations

import json
from typing import Any

KEY = "annotated-reader:notes"  # margin.js keeps the reader's choice under this key


def choose(context: Any, mode: str = "margin", off: tuple[str, ...] = ()) -> None:
    """Every page of ``context`` opens as if the reader had chosen ``mode`` and hidden the
    kinds ``off`` (what margin.js keeps in localStorage)."""
    value = json.dumps({"mode": mode, "off": list(off)})
    context.add_init_script(f"localStorage.setItem({json.dumps(KEY)}, {json.dumps(value)})")


def settled(page: Any) -> None:
    """Wait until margin.js has given every note its card (a page without it waits for
    nothing)."""
    page.wait_for_function(
        "!window.annotatedReaderMargin || window.annotatedReaderMargin.stats().settled"
    )


def geometry(page: Any) -> dict[str, Any]:
    """Every note's id and kind, every card's box and passage, the text column's box, the
    text blocks' boxes, the visible notes lists and whatever else shows between two blocks,
    all relative to the page, once margin.js has laid out every card (it lays out the cards
    beside the first screen as the page opens, the rest in small tasks after)."""
    settled(page)
    return page.evaluate(  # type: ignore[no-any-return]
        """() => {
        const box = e => { const r = e.getBoundingClientRect();
            return {x: r.left + scrollX, y: r.top + scrollY, w: r.width, h: r.height,
                    right: r.right + scrollX, bottom: r.bottom + scrollY}; };
        const seen = e => e.getClientRects().length > 0 && getComputedStyle(e).visibility !== "hidden";
        const text = document.querySelector(".ar-text");
        const notes = [...text.querySelectorAll("li.ar-note")].map(li => ({
            id: li.dataset.ar, number: +li.getAttribute("value"),
            kind: [...li.classList].find(c => c.startsWith("ar-k-")).slice(5)}));
        const cards = [...document.querySelectorAll("[data-margin-note]")].map(c => ({
            id: c.dataset.marginNote, visible: seen(c), box: box(c),
            passage: box(document.getElementById(c.dataset.marginNote)),
            lit: c.classList.contains("ar-lit"), stub: c.getAttribute("data-fit") === "stub"}));
        const blockEls = [...text.querySelectorAll(".ar-p, .ar-heading, .ar-caption, .ar-byline, .ar-li-text")];
        const blocks = blockEls.map(box);
        // Whatever shows between two consecutive blocks: any visible element that neither
        // holds a block (a list, the debris box) nor is inside one.
        const between = [];
        // The note map (notemap.js) stands beside the text, not between its blocks.
        const others = [...text.querySelectorAll("*")].filter(e => seen(e) && !e.closest(".ar-notemap")
            && !blockEls.some(b => e.contains(b) || b.contains(e) || e.contains(b.closest("li") || b)));
        for (let i = 0; i + 1 < blocks.length; i++) {
            const top = blocks[i].bottom, bottom = blocks[i + 1].y;
            for (const e of others) {
                const r = box(e);
                if (r.h > 0 && r.y < bottom - 1 && r.bottom > top + 1 && !between.includes(e))
                    between.push(e);
            }
        }
        const lists = [...text.querySelectorAll(".ar-notes")].filter(seen).length;
        const html = document.documentElement;
        return {notes, cards, text: box(text), blocks, lists,
                between: between.map(e => e.tagName + "." + e.className),
                scroll: [html.scrollWidth, html.clientWidth]};
        }"""
    )


def overlapping(cards: list[dict[str, Any]]) -> list[tuple[str, str]]:
    """Pairs of visible cards whose boxes overlap."""
    shown = sorted((c for c in cards if c["visible"]), key=lambda c: c["box"]["y"])
    out = []
    for i, a in enumerate(shown):
        for b in shown[i + 1 :]:
            if b["box"]["y"] >= a["box"]["bottom"] - 0.5:
                break
            if b["box"]["x"] < a["box"]["right"] and a["box"]["x"] < b["box"]["right"]:
                out.append((a["id"], b["id"]))
    return out
