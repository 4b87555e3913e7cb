"""The claims page of the real corpus, built by each engine, checked against the editorial data
read straight from the YAML (not through the library): one entry per claim more than one note
checks, most sources first; each source's own words linking to the passage, with the note's
verdict; what is known; one ClaimReview per claim with each source as an appearance; every
note on a claim linking to its entry with the exact count of other sources; search indexing
each entry."""

from __future__ import annotations

import json
import re
from collections import Counter
from html import unescape
from pathlib import Path

import pytest
import yaml
from annotated_reader.core.vocabulary.verdicts import VERDICTS
from helpers.claims import ANNOTATIONS, CLAIMS, NOTES, SHOWN, quote_text, sources_of
from helpers.jsonld import expand, one, typed, values
from helpers.ratings import json_ld

SITE_URL = "https://union-state-reader.example.org/"


def words(html: str) -> str:
    return " ".join(unescape(re.sub(r"<[^>]+>", " ", html)).split())


def entries(html: str) -> dict[str, str]:
    """Each claim entry's HTML by its id, in the page's order."""
    found = re.findall(
        r'<li class="ar-cl-claim" id="([^"]+)"(.*?)\n</li>\n(?=<li class="ar-cl-claim"|</ol>)',
        html,
        re.S,
    )
    return {ident: body for ident, body in found}


@pytest.fixture(scope="module")
def page(real_site_built: Path) -> str:
    return (real_site_built / "claims" / "index.html").read_text(encoding="utf-8")


def test_the_corpus_has_claims_across_sources_and_repeated_in_one() -> None:
    """So that the tests below are not vacuous: claims carried by three sources and by two,
    one a source repeats, and a differing verdict that says why."""
    counts = Counter(len(sources_of(c)) for c in SHOWN)
    assert counts[3] >= 2 and counts[2] >= 2 and counts[1] >= 1, counts
    assert len(SHOWN) >= 8
    assert any(n.get("differs_because") for c in SHOWN for _, n in NOTES[c])


def test_one_entry_per_claim_most_sources_first(page: str) -> None:
    found = entries(page)
    assert list(found) == SHOWN
    for ident, body in found.items():
        title = re.search(r'<h2 class="ar-cl-title">(.*?) <a class="headerlink"', body, re.S)
        assert title and unescape(title.group(1)) == CLAIMS[ident]["claim"]
        n = len(sources_of(ident))
        assert f'<span class="ar-cl-count-sources">{n} source{"s" if n != 1 else ""}</span>' in body


def test_each_source_s_words_link_to_the_passage_with_the_note_s_verdict(
    page: str, real_site_built: Path
) -> None:
    found = entries(page)
    for ident in SHOWN:
        body = found[ident]
        figures = re.findall(r'<figure class="ar-cl-passage".*?</figure>', body, re.S)
        assert len(figures) == len(NOTES[ident])
        for source, note in NOTES[ident]:
            href = f'href="../sources/{source}/#{note["id"]}"'
            [figure] = [f for f in figures if href in f]
            quote = re.search(r'<blockquote class="ar-cl-quote">(.*?)</blockquote>', figure, re.S)
            assert quote and unescape(quote.group(1)) == quote_text(note)
            label = VERDICTS[note["verdict"]].label
            assert f'ar-v-{note["verdict"]}" title="' in figure and f"Verdict: {label}<" in figure
            why = note.get("differs_because")
            assert ("Why this verdict differs: " in figure) == bool(why)
            if why:
                assert why in unescape(figure)
            text = (real_site_built / "sources" / source / "index.html").read_text("utf-8")
            assert f'id="{note["id"]}"' in text  # the passage is there to land on
        fact = re.search(r'<div class="ar-cl-fact">(.*?)</div>', body, re.S)
        assert fact, ident
        want = CLAIMS[ident].get("fact")
        if want:
            assert words(fact.group(1)).startswith("What is known: " + words(want.replace("*", "")))
        for ref in CLAIMS[ident].get("references", []):
            assert f'href="{ref["url"]}"' in fact.group(1)


def test_every_note_on_a_claim_links_to_its_entry_with_the_count_of_other_sources(
    real_site_built: Path,
) -> None:
    checked = 0
    for path in sorted((ANNOTATIONS / "sources").glob("*.yml")):
        source = path.stem
        html = (real_site_built / "sources" / source / "index.html").read_text("utf-8")
        for note in yaml.safe_load(path.read_text(encoding="utf-8"))["annotations"]:
            start = html.index(f'id="note-{note["id"]}"')
            end = html.find('<li class="ar-note ', start)
            item = html[start : end if end > 0 else len(html)]
            link = re.findall(
                r'<p class="ar-claim">Claim: <a class="ar-claim-link" href="([^"]+)"[^>]*>([^<]+)</a></p>',
                item,
            )
            claim = note.get("claim_id")
            if claim not in SHOWN:
                assert link == [], note["id"]
                continue
            others = len(set(sources_of(claim)) - {source})
            if others:
                label = f"also in {others} other source{'s' if others != 1 else ''}"
            else:
                again = len(NOTES[claim]) - 1
                label = f"also checked {again} more time{'s' if again != 1 else ''} in this source"
            assert link == [(f"../../claims/#{claim}", label)], note["id"]
            checked += 1
    assert checked == sum(len(NOTES[c]) for c in SHOWN)


def test_one_claim_review_per_claim_with_each_source_as_an_appearance(page: str) -> None:
    reviews = [expand(d) for d in json_ld(page) if d.get("@type") == "ClaimReview"]
    assert [one(r, "url") for r in reviews] == [f"{SITE_URL}claims/#{c}" for c in SHOWN]
    for ident, review in zip(SHOWN, reviews, strict=True):
        assert typed(review) == ["ClaimReview"]
        wording = CLAIMS[ident]["claim"]
        claimed = one(review, "claimReviewed")
        assert claimed == wording or (
            len(claimed) <= 75 and claimed.endswith("…") and wording.startswith(claimed[:-1])
        )
        verdicts = Counter(n["verdict"] for _, n in NOTES[ident])
        top = max(verdicts.values())
        order = list(VERDICTS)
        common = min((v for v in verdicts if verdicts[v] == top), key=order.index)
        assert one(one(review, "reviewRating"), "name") == VERDICTS[common].label
        item = one(review, "itemReviewed")
        assert typed(item) == ["Claim"]
        seen = []
        for work in values(item, "appearance"):
            assert typed(work) == ["CreativeWork"]
            seen.append(one(work, "url"))
        want = []
        for source in dict.fromkeys(s for s, _ in NOTES[ident]):
            meta = yaml.safe_load((ANNOTATIONS / "sources" / f"{source}.yml").read_text("utf-8"))
            url = (meta["metadata"].get("url") or {}).get("value")
            want.append(url or f"{SITE_URL}sources/{source}/")
        assert sorted(seen) == sorted(want)
        assert one(one(review, "author"), "name") == "Union State Reader"
        # The day its notes were last checked, as each note's own ClaimReview gives its own
        days = [n["reviewed"] for _, n in NOTES[ident] if n.get("reviewed")]
        assert days and one(review, "datePublished") == max(days)


def test_search_finds_each_claim_at_its_entry(real_site: Path) -> None:
    docs = json.loads((real_site / "search" / "search_index.json").read_text("utf-8"))["docs"]
    by_location = {d["location"]: d for d in docs}
    for ident in SHOWN:
        entry = by_location[f"claims/#{ident}"]
        assert unescape(entry["title"]) == CLAIMS[ident]["claim"]
        _, note = NOTES[ident][0]
        assert quote_text(note)[:30] in unescape(entry["text"])
