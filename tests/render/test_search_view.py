"""The site search indexes a lean copy of generated pages: one result per note and per term,
the pages themselves unchanged (search_view.py, and the plugin's on_page_context)."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from html import unescape
from pathlib import Path
from typing import Any

import yaml
from annotated_reader.assembly import load_corpus
from annotated_reader.core.corpus import Paths
from helpers.hostile import add_hostile_fact_check, edit
from helpers.project import ROOT, build

ANNOTATIONS = ROOT / "annotations"
KEPT_TAGS = re.compile(r"</?(?:p|code|pre|li|ol|ul|sub|sup)>")


def index(site: Path) -> dict[str, dict[str, str]]:
    docs = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]
    by_location = {d["location"]: d for d in docs}
    assert len(by_location) == len(docs), "two search entries at one address"
    return by_location


def words(html: str) -> str:
    return " ".join(re.sub(r"<[^>]+>", "", html).split())


def test_every_note_is_one_search_result_at_its_passage(real_site: Path) -> None:
    entries = index(real_site)
    seen = 0
    for path in sorted((ANNOTATIONS / "sources").glob("*.yml")):
        source = path.stem
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        html = (real_site / "sources" / source / "index.html").read_text(encoding="utf-8")
        assert "Author:" in entries[f"sources/{source}/"]["text"]
        for note in data["annotations"]:
            entry = entries[f"sources/{source}/#{note['id']}"]
            assert re.fullmatch(r"Note \d+: [A-Z][\w -]+(?: — .+)?", entry["title"]), entry
            assert (" — " in entry["title"]) == bool(note.get("verdict")), entry["title"]
            text = unescape(words(entry["text"]))
            body = re.search(
                rf'id="note-{note["id"]}".*?<div class="ar-body">(.*?)</div>', html, re.S
            )
            assert body and unescape(words(body.group(1))) in text
            quote = note["quote"]["exact"] if isinstance(note["quote"], dict) else note["quote"]
            assert text.startswith("“" + " ".join(quote.split()[:2])), (text, quote)
            for ref in note.get("references", []):
                assert ref["title"] in text
            seen += 1
    assert seen > 200
    # Only the markup the theme keeps for display: no classes, links or note chrome.
    for entry in entries.values():
        if entry["location"].startswith(("sources/", "glossary/")):
            assert "<" not in KEPT_TAGS.sub("", entry["text"]), entry["location"]


def test_every_term_is_one_search_result(real_site: Path) -> None:
    entries = index(real_site)
    terms = yaml.safe_load((ANNOTATIONS / "glossary.yml").read_text(encoding="utf-8"))["terms"]
    html = (real_site / "glossary" / "index.html").read_text(encoding="utf-8")
    for term in terms:
        entry = entries[f"glossary/#{term['id']}"]
        assert entry["title"] == term["term"].replace("&", "&amp;")
        shown = re.search(rf'id="h-{term["id"]}">.*?</h3>(.*?)<dl', html, re.S)
        assert shown and unescape(words(shown.group(1))) in unescape(words(entry["text"]))
        for alias in term.get("aliases", []):
            assert (alias if isinstance(alias, str) else alias["text"]) in entry["text"]
    assert "terms:" in entries["glossary/"]["text"]


def test_pages_are_unchanged_and_search_view_can_be_turned_off(
    mini: Path, write: Callable[[Path, str, str], Path]
) -> None:
    lean = build(mini)
    assert lean.returncode == 0, lean.stderr
    pages = {p.relative_to(mini / "site"): p.read_bytes() for p in (mini / "site").rglob("*.html")}
    lean_index = index(mini / "site")
    config = (mini / "mkdocs.yml").read_text(encoding="utf-8")
    assert "  - annotated-reader\n" in config
    write(
        mini,
        "mkdocs.yml",
        config.replace(
            "  - annotated-reader\n", "  - annotated-reader:\n      search_view: false\n"
        ),
    )
    full = build(mini)
    assert full.returncode == 0, full.stderr
    # The page a reader gets is the same either way: search borrowed it and gave it back.
    for rel, html in pages.items():
        assert (mini / "site" / rel).read_bytes() == html, rel
    full_index = index(mini / "site")
    assert "sources/sample/#s-inner" in lean_index
    assert "sources/sample/#s-inner" not in full_index
    assert "founded on 2 April 1996" in lean_index["sources/sample/#s-inner"]["text"]


def test_untrusted_text_stays_text_in_the_index(mini: Path) -> None:
    add_hostile_fact_check(mini, "inaccurate")  # its passage is a script in the source text
    edit(mini, '    body: "Hostile."\n', '    body: "Hostile <img src=x onerror=alert(1)>."\n')
    result = build(mini)
    assert result.returncode == 0, result.stderr
    entry = index(mini / "site")["sources/sample/#s-hostile"]
    for raw in ("<script", "<img", "<!--"):
        assert raw not in entry["text"]
    assert "&lt;/script&gt;&lt;script&gt;window.pwned=1" in entry["text"]
    assert "&lt;img src=x onerror=alert(1)&gt;" in entry["text"]


def test_a_search_result_opens_the_note_at_its_passage(real_site_url: str, browser: Any) -> None:
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(real_site_url)
    page.locator("input.md-search__input").click()
    page.keyboard.type("Forum of Regions Grodno video addresses", delay=10)
    link = page.locator('.md-search-result a[href*="#flash-state-owned-media"]').first
    link.wait_for(state="visible", timeout=15000)  # a result of its own, not folded away
    link.click()
    page.wait_for_url("**/sources/flash-reunification/**")
    # At 1280 px the note is a card in the margin, lit and open beside its passage.
    card = page.locator('[data-margin-note="flash-state-owned-media"].ar-lit')
    card.wait_for(state="visible")
    assert "Forum of Regions" in card.inner_text()
    assert page.evaluate("window.location.hash") == "#flash-state-owned-media"


def test_every_event_is_one_search_result_with_what_each_source_says(real_site: Path) -> None:
    entries = index(real_site)
    events = yaml.safe_load((ANNOTATIONS / "events.yml").read_text(encoding="utf-8"))["events"]
    html = (real_site / "timeline" / "index.html").read_text(encoding="utf-8")
    disputed = 0
    for event in events:
        entry = entries[f"timeline/#{event['id']}"]
        assert unescape(entry["title"]).endswith(": " + event["title"]), entry["title"]
        item = re.search(
            rf'<li class="ar-tl-event[^"]*" id="{event["id"]}".*?</li>\n</ul>', html, re.S
        )
        assert item
        # As on the page: flagged when the page flags it, and each source's dated passage.
        flagged = "data-disputed" in item.group(0).split(">", 1)[0]
        said = "Dates disputed:" in entry["text"] or "Place or actors disputed:" in entry["text"]
        assert said == flagged
        disputed += flagged
        for quote in re.findall(
            r'<blockquote class="ar-tl-quote">(.*?)</blockquote>', item.group(0)
        ):
            assert unescape(quote) in unescape(entry["text"])
    corpus, _ = load_corpus(Paths(ROOT))
    timeline = corpus.feature("timeline")
    expected = sum(e.agreement().disputed for e in timeline.events)  # type: ignore[union-attr]
    assert disputed == expected >= 3


def test_every_rated_source_is_one_search_result(real_site: Path) -> None:
    entries = index(real_site)
    for path in sorted((ANNOTATIONS / "sources").glob("*.yml")):
        rating = yaml.safe_load(path.read_text(encoding="utf-8"))["rating"]
        entry = entries[f"ratings/#{path.stem}"]
        assert re.search(rf": {rating['grade']}, [A-Z]\w+", entry["title"]), entry["title"]
        for judgement in rating["criteria"].values():
            assert " ".join(judgement["evidence"].split())[:40] in unescape(entry["text"])


def _phrases_of_one_source() -> dict[str, str]:
    """Per source, a run of eight words from the middle of its text that no other source has."""
    texts = {}
    for path in sorted((ANNOTATIONS / "sources").glob("*.yml")):
        seed = yaml.safe_load(path.read_text(encoding="utf-8"))["seed"]
        texts[path.stem] = " ".join((ROOT / "seeds" / seed).read_text(encoding="utf-8").split())
    out = {}
    for source, text in texts.items():
        words_ = text.split()
        for start in range(len(words_) // 2, len(words_) - 8):
            phrase = " ".join(words_[start : start + 8])
            if all(phrase not in other for s, other in texts.items() if s != source):
                out[source] = phrase
                break
    return out


def test_a_source_page_result_holds_its_own_text(real_site: Path) -> None:
    """A phrase only one source has is found on that source's page result (a name that
    occurs everywhere would be found even if the page's own text were left out)."""
    entries = index(real_site)
    phrases = _phrases_of_one_source()
    assert len(phrases) == len(list((ANNOTATIONS / "sources").glob("*.yml"))) == 5
    for source, phrase in phrases.items():
        own = unescape(words(entries[f"sources/{source}/"]["text"]))
        assert phrase in own, (source, phrase)
        elsewhere = [
            loc
            for loc, e in entries.items()
            if phrase in unescape(words(e["text"])) and not loc.startswith(f"sources/{source}/")
        ]
        assert elsewhere == [], (phrase, elsewhere)
