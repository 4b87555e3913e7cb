"""Anchoring a source's notes and layout rules, and what an editor is told when one fails.

A quote that matches nothing is reported with the closest passage. When the difference is
one nobody can see — the quote or the text in another Unicode normal form (an accent as a
mark of its own), a zero-width space, a soft hyphen, a no-break space — the closest passage
would look identical to the quote, so the message names the character and where it is.
"""

from __future__ import annotations

import math
import re
import unicodedata

from ..model import Quote, Source
from ..problems import Problems
from .anchor import AnchorResult, Outcome, disambiguating_context, line_col, match_quote

_CODES = {
    Outcome.AMBIGUOUS: "anchor.ambiguous",
    Outcome.CONTEXT: "anchor.context",
    Outcome.MISSING: "anchor.missing",
}


Span = tuple[int, int] | None  # where a quote anchors to exactly one place; None if not


def spans(source: Source) -> tuple[list[Span], list[Span]]:
    """Where each note's and each layout rule's quote is in the text (None where it is not
    found once): all anchoring needs of a source file and its seed, kept between builds."""

    def span(quote: Quote) -> Span:
        result = match_quote(source.text, quote)
        if result.outcome is Outcome.FOUND and result.match:
            return result.match.start, result.match.end
        return None

    return [span(a.quote) for a in source.annotations], [span(r.quote) for r in source.layout]


def anchor_source(
    source: Source,
    problems: Problems,
    found: tuple[list[Span], list[Span]] | None = None,
) -> None:
    """Give each note and layout rule its place in the text; report those without one,
    and keep only the notes that anchored. ``found``: their :func:`spans`, when known."""
    where = f"seeds/{source.seed}"
    notes, rules = found or spans(source)
    anchored = []
    for ann, at in zip(source.annotations, notes, strict=True):
        if at is not None:
            if source.text.startswith("\ufeff") and at[1] <= 1:
                # The byte-order mark is not shown, so a note on it alone has no passage.
                problems.error(
                    ann.location,
                    "anchor.byte-order-mark",
                    f"annotation '{ann.id}': the quote matches only the byte-order mark at "
                    f"the start of the seed, which is not shown; quote visible text ({where})",
                )
                continue
            ann.start, ann.end = at
            anchored.append(ann)
            continue
        result = match_quote(source.text, ann.quote)
        problems.error(
            ann.location,
            _CODES[result.outcome],
            f"annotation '{ann.id}': "
            + describe_anchor_failure(source.text, ann.quote, result)
            + f" ({where})",
        )
    source.annotations = anchored
    for rule, at in zip(source.layout, rules, strict=True):
        if at is not None:
            rule.start, rule.end = at
            continue
        result = match_quote(source.text, rule.quote)
        problems.error(
            rule.location,
            "layout." + result.outcome.value,
            f"layout rule '{rule.role}': "
            + describe_anchor_failure(source.text, rule.quote, result),
        )


def describe_anchor_failure(text: str, quote: Quote, result: AnchorResult) -> str:
    """The editor's message for a quote that did not anchor to exactly one place."""
    short = quote.exact if len(quote.exact) <= 60 else quote.exact[:57] + "…"
    if result.outcome is Outcome.AMBIGUOUS:
        places = []
        for m in result.candidates[:8]:
            line, col = line_col(text, m.start)
            pre, suf = disambiguating_context(text, m, result.candidates)
            hint = f"prefix: {pre!r}" if pre else f"suffix: {suf!r}" if suf else "no short context"
            places.append(f"{line}:{col} ({hint})")
        return (
            f"quote “{short}” matches {len(result.candidates)} places in the seed: "
            + "; ".join(places)
            + (f"; and {len(result.candidates) - 8} more" if len(result.candidates) > 8 else "")
            + "; add the prefix or suffix that picks the one you mean"
        )
    if result.outcome is Outcome.CONTEXT:
        where = ", ".join("{}:{}".format(*line_col(text, m.start)) for m in result.candidates)
        return (
            f"quote “{short}” occurs at {where}, but its prefix/suffix fit none of them; "
            "copy the prefix and suffix from the text right around the passage"
        )
    unseen = invisible_difference(text, quote)
    if unseen is not None:
        why, start = unseen
        line, col = line_col(text, start)
        return (
            f"quote “{short}” matches nothing in the seed because of a character that cannot "
            f"be seen: {why}; but for it, the quote is the passage at {line}:{col} — copy the "
            "quote from there"
        )
    closest = result.closest
    if closest is None:
        return f"quote “{short}” matches nothing in the seed; copy it from the text"
    line, col = line_col(text, closest.start)
    passage = " ".join(text[closest.start : closest.end].split())
    passage = passage if len(passage) <= 80 else passage[:78].rsplit(" ", 1)[0] + " …"
    # Rounded down: a passage that is not the quote is never said to be 100% like it
    similar = math.floor(closest.score * 100)
    return (
        f"quote “{short}” matches nothing in the seed; the closest passage is at {line}:{col} "
        f"(similarity {similar}%): “{passage}” — copy the quote from there "
        "(fuzzy matches are never accepted)"
    )


# Characters that show as nothing, or as an ordinary space: format characters (zero-width
# space and joiners, soft hyphen, byte order mark, direction marks), variation selectors,
# tag characters, and spaces other than U+0020 (no-break, thin…). Whitespace is forgiven
# when anchoring; these alone are not.
_UNSEEN = re.compile(
    r"[\u00a0\u00ad\u034f\u061c\u115f\u1160\u1680\u17b4\u17b5\u180e"
    r"\u2000-\u200f\u202a-\u202f\u205f-\u2064\u2066-\u206f\u3000\u3164"
    r"\ufe00-\ufe0f\ufeff\uffa0\U000e0000-\U000e007f\U000e0100-\U000e01ef]"
)


def _name(char: str) -> str:
    return f"U+{ord(char):04X} {unicodedata.name(char, 'UNNAMED CHARACTER')}"


def _without_unseen(text: str) -> tuple[str, list[int]]:
    """``text`` without the characters of ``_UNSEEN``, and each kept character's offset."""
    kept = [i for i, ch in enumerate(text) if not _UNSEEN.match(ch)]
    return "".join(text[i] for i in kept), kept


def _found(text: str, quote: Quote) -> int | None:
    result = match_quote(text, quote)
    return result.match.start if result.outcome is Outcome.FOUND and result.match else None


def invisible_difference(text: str, quote: Quote) -> tuple[str, int] | None:
    """What unseen difference alone keeps ``quote`` from anchoring in ``text``, and where
    the passage would be; None when it differs in more than that (or not at all)."""
    exact = quote.exact
    for form in ("NFC", "NFD"):
        changed = unicodedata.normalize(form, exact)
        if changed != exact and unicodedata.is_normalized(form, text):
            start = _found(text, Quote(changed, quote.prefix, quote.suffix))
            if start is not None:
                other = "NFD" if form == "NFC" else "NFC"
                return (
                    f"the quote is in Unicode {other} (an accented letter written as a letter "
                    f"and a combining accent, or the reverse), the text in {form}",
                    start,
                )
    odd = _UNSEEN.search(exact)
    if odd:
        stripped = _UNSEEN.sub("", exact)
        start = _found(text, Quote(stripped, quote.prefix, quote.suffix)) if stripped else None
        if start is not None:
            return (
                f"the quote has {_name(odd.group())} at column {odd.start() + 1} of the quote "
                "where the text has none",
                start,
            )
    if _UNSEEN.search(text) is None:
        return None
    bare, offsets = _without_unseen(text)
    result = match_quote(bare, quote)
    if result.outcome is not Outcome.FOUND or result.match is None:
        return None
    start, end = offsets[result.match.start], offsets[result.match.end - 1]
    inside = _UNSEEN.search(text, start, end)
    assert inside is not None  # it matched only once they were gone
    line, col = line_col(text, inside.start())
    return f"the text has {_name(inside.group())} at {line}:{col} where the quote has none", start
