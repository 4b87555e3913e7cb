"""Bad input in the glossary, the events, a rating, layout rules and no_note entries."""

from __future__ import annotations

from .breakage import (
    CRITERIA,
    EFIRST,
    EVENTS,
    GFIRST,
    GLOSSARY,
    TAIL,
    TAIL_HEAD,
    Case,
    at,
    events,
    glossary,
    note,
    t,
    tail,
    write,
)


def term(ident: str = "moscow", **fields: str) -> str:
    """A glossary term in YAML; lines: id, term, category, definition, aliases, then ``fields``."""
    values = {
        "term": "Moscow",
        "category": "place",
        "definition": '"Capital of Russia."',
        "aliases": "[Moscow]",
        **fields,
    }
    lines = [f"  - id: {ident}"] + [f"    {k}: {v}" for k, v in values.items() if v is not None]
    return "\n".join(lines) + "\n"


def event(ident: str = "e-2000", **fields: str) -> str:
    """An event in YAML; lines: id, title, date, category, description, references."""
    values = {
        "title": "Something in 2000",
        "date": '"2000"',
        "category": "statement",
        "description": '"It happened."',
        "references": '[{title: "R", url: "https://example.org/r"}]',
        **fields,
    }
    lines = [f"  - id: {ident}"] + [f"    {k}: {v}" for k, v in values.items() if v is not None]
    return "\n".join(lines) + "\n"


# A note dating e-2000 (a new event must be asserted, or it is reported as unasserted).
_DATES_2000 = note("o-2000", quote='{exact: "in 1999"}', event="e-2000", date='"2000"')


def g(offset: int, col: int) -> str:
    return at(GLOSSARY, GFIRST + offset, col)


def e(offset: int, col: int) -> str:
    return at(EVENTS, EFIRST + offset, col)


def _rating(old: str, new: str) -> str:
    assert old in TAIL_HEAD
    return TAIL_HEAD.replace(old, new, 1)


CASES = [
    Case(
        "glossary-unknown-category",
        "a term's category is not one of the list",
        glossary(term(category="city")),
        g(2, 15),
        "glossary.unknown-category",
        r"unknown category 'city' in term 'moscow'; use one of: person",
    ),
    Case(
        "glossary-duplicate-id",
        "two terms share an id",
        glossary(term("minsk")),
        g(0, 5),
        "glossary.duplicate-id",
        rf"term id 'minsk' is already used at {GLOSSARY}:2:5; give each term its own id",
    ),
    Case(
        "glossary-alias-claimed-twice",
        "two terms claim one alias",
        glossary(term(aliases="[Moscow, Minsk]")),
        g(4, 23),
        "glossary.alias-claimed-twice",
        r"alias 'Minsk' of term 'moscow' is already an alias of term 'minsk' .*; an alias may belong to one term only",
    ),
    Case(
        "glossary-unknown-related",
        "a term is related to a term that does not exist",
        glossary(term(related="[minks]")),
        g(5, 15),
        "glossary.unknown-related",
        r"term 'moscow' is related to unknown term 'minks' \(did you mean 'minsk'\?\); use the id of a term",
    ),
    Case(
        "glossary-empty-alias",
        "an alias is empty text",
        glossary(term(aliases='[Moscow, ""]')),
        g(4, 23),
        "glossary.bad-alias",
        r"an alias must be non-empty text",
    ),
    Case(
        "glossary-common-word-alias",
        "an alias that is a common word ('the'), which would link half the text",
        glossary(term(aliases="[Moscow, the]")),
        g(4, 23),
        r"glossary\.[a-z-]+",
        r".*'the'",
        severity="error|warning",
    ),
    Case(
        "glossary-punctuation-alias",
        "an alias that is punctuation ('.')",
        glossary(term(aliases='[Moscow, "."]')),
        g(4, 23),
        r"glossary\.[a-z-]+",
        r".*'\.'",
        severity="error|warning",
    ),
    Case(
        "glossary-unused-term",
        "a term no source uses",
        glossary(term("kyiv", term="Kyiv", aliases=None)),  # type: ignore[arg-type]
        g(0, 5),
        "glossary.unused-term",
        r"term 'kyiv' occurs in no source \(kept for links from notes\); add the spelling",
        severity="warning",
    ),
    Case(
        "glossary-alias-not-found",
        "an alias no source uses",
        glossary(term(aliases="[Moscow, Moskva]")),
        g(4, 23),
        "glossary.alias-not-found",
        r"alias 'Moskva' of term 'moscow' occurs in no source; fix its spelling, or write it as",
        severity="warning",
    ),
    Case(
        "glossary-flag-not-boolean",
        "case_sensitive given as the text 'yes'",
        glossary(term(aliases='[{text: Moscow, case_sensitive: "yes"}]')),
        g(4, 46),
        "glossary.type",
        r"'case_sensitive' must be true or false",
    ),
    Case(
        "glossary-definition-xref",
        "a definition links to a term that does not exist",
        glossary(term(definition='"Capital; see [[term:russia]]."')),
        g(3, 31),
        "xref.unknown",
        r"(the )?definition of (term )?'moscow' links to unknown term 'russia'",
    ),
    Case(
        "glossary-terms-not-a-list",
        "the glossary's terms are a mapping",
        write(GLOSSARY, "terms: {minsk: Minsk}\n"),
        at(GLOSSARY, 1, 8),
        "glossary.type",
        r"'terms' in the glossary must be a list",
    ),
    Case(
        "event-impossible-date",
        "an event dated 1999-13",
        events(event(date='"1999-13"'), _DATES_2000),
        e(2, 11),
        "event.bad-date",
        r"reference date of event 'e-2000': '1999-13' is not a real date .*; write it as YYYY",
    ),
    Case(
        "event-edtf-garbage",
        "an event dated with EDTF it cannot read",
        events(event(date='"2000~?"'), _DATES_2000),
        e(2, 11),
        "event.bad-date",
        r"reference date of event 'e-2000': '2000~\?' is not a date; write YYYY",
    ),
    Case(
        "event-duplicate-id",
        "two events share an id",
        events(event("e-1999")),
        e(0, 9),
        "event.duplicate-id",
        r"event id 'e-1999' is already used at line 2; give each event its own id, or merge",
    ),
    Case(
        "event-unknown-category",
        "an event's category is not one of the list",
        events(event(category="party"), _DATES_2000),
        e(3, 15),
        "event.unknown-category",
        r"unknown category 'party' in event 'e-2000'; use one of: treaty",
    ),
    Case(
        "event-without-references",
        "an event cites nothing",
        events(event(references=None), _DATES_2000),  # type: ignore[arg-type]
        e(0, 5),
        "event.missing-field",
        r"event 'e-2000' has no 'references'; cite where the reference date was established",
    ),
    Case(
        "event-reference-javascript",
        "an event's reference is a javascript: URL",
        events(event(references='[{title: "R", url: "javascript:alert(1)"}]'), _DATES_2000),
        e(5, 18),
        "reference.bad-url",
        r"reference address 'javascript:alert\(1\)' is not a public http\(s\) address",
        # Its only reference refused, the event has none, which an event must have.
        also=(rf"{EVENTS}:{EFIRST}:5: error: \[reference.missing\] event 'e-2000' needs",),
    ),
    Case(
        "event-unasserted",
        "an event no passage dates",
        events(event()),
        e(0, 5),
        "event.unasserted",
        r"no source passage asserts event 'e-2000'; attach it to the passage that dates it",
        severity="warning",
    ),
    Case(
        "event-description-xref",
        "an event's description links to a note that does not exist",
        events(event(description='"See [[o-nope]]."'), _DATES_2000),
        e(4, 23),
        "xref.unknown",
        r"event 'e-2000' links to unknown note 'o-nope'",
    ),
    Case(
        "events-not-a-mapping",
        "events.yml holds a list",
        write(EVENTS, "- e-1999\n"),
        at(EVENTS, 1, 1),
        "events.type",
        r"the events file must be a mapping of fields \(events\)",
    ),
    Case(
        "rating-missing",
        "a source without a rating",
        tail(
            head=TAIL_HEAD.replace(
                TAIL_HEAD[TAIL_HEAD.index("rating:") : TAIL_HEAD.index("annotations:")], ""
            )
        ),
        at(TAIL, 1, 1),
        "rating.missing",
        r"source 'tail' has no rating; add a 'rating:' block with grade \(A–F\)",
    ),
    Case(
        "rating-unknown-grade",
        "a grade off the scale",
        tail(head=_rating("grade: C", "grade: G")),
        at(TAIL, 11, 10),
        "rating.unknown-grade",
        r"unknown grade 'G' in the rating; use one of: A, B, C, D, E, F",
    ),
    Case(
        "rating-bad-met",
        "a criterion answered 'maybe'",
        tail(
            head=_rating(
                '{met: no, evidence: "No byline."}', '{met: maybe, evidence: "No byline."}'
            )
        ),
        at(TAIL, 13, 25),
        "rating.bad-met",
        r"met 'maybe' in criterion 'named-author' must be yes, partly, no or not-judged",
    ),
    Case(
        "rating-unknown-criterion",
        "a criterion the scale does not have",
        tail(head=_rating(CRITERIA, CRITERIA + '    sources-named: {met: yes, evidence: "x"}\n')),
        at(TAIL, 18, 20),
        "rating.unknown-criterion",
        r"unknown criterion 'sources-named' in the rating; the criteria are: named-author",
    ),
    Case(
        "rating-missing-criterion",
        "a criterion left out",
        tail(
            head=_rating(
                '    clean-text: {met: no, evidence: "A comment form was captured with the text."}\n',
                "",
            )
        ),
        at(TAIL, 13, 5),
        "rating.missing-criterion",
        r"the rating has no criterion 'clean-text'; add clean-text: \{met: yes \| partly \| no",
    ),
    Case(
        "rating-computed-criterion",
        "the computed accuracy criterion typed in",
        tail(head=_rating(CRITERIA, CRITERIA + '    accurate-claims: {met: yes, evidence: "x"}\n')),
        at(TAIL, 18, 22),
        "rating.computed-criterion",
        r"'accurate-claims' is computed from this source's fact-check verdicts and cannot be typed in",
    ),
    Case(
        "rating-inconsistent",
        "grade A for a source that meets few criteria",
        tail(head=_rating("grade: C", "grade: A")),
        at(TAIL, 11, 10),
        "rating.inconsistent",
        r"grade A",
        severity="warning",
    ),
    Case(
        "rating-bad-reviewed",
        "a rating reviewed on 30 February",
        tail(head=_rating('reviewed: "2026-11-22"', 'reviewed: "2026-02-30"')),
        at(TAIL, 19, 13),
        "rating.bad-reviewed",
        r".*2026-02-30",
    ),
    Case(
        "rating-rationale-xref",
        "a rationale links to a note that does not exist",
        tail(head=_rating('rationale: "A fixture text."', 'rationale: "See [[o-nope]]."')),
        at(TAIL, 18, 19),
        "xref.unknown",
        r"the rating's rationale links to unknown note 'o-nope'",
    ),
    Case(
        "fact-check-without-reviewed",
        "a fact-check without its review date",
        tail(
            note(
                kind="fact-check",
                verdict="accurate",
                references='[{title: "T", url: "https://example.org/t"}]',
            )
        ),
        t(0, 5),
        "claimreview.missing-reviewed",
        r"fact-check 'o-bad' has no 'reviewed' date; add reviewed: \"YYYY-MM-DD\"",
    ),
    Case(
        "layout-unknown-role",
        "a layout rule with a role that does not exist",
        tail('layout:\n  - role: sidebar\n    quote: {exact: "Tail Headline"}\n'),
        t(1, 11),
        "layout.unknown-role",
        r"unknown role 'sidebar' in a layout rule \(did you mean 'debris'\?\); use one of: heading",
    ),
    Case(
        "layout-quote-missing",
        "a layout rule whose quote is not in the text",
        tail('layout:\n  - role: heading\n    quote: {exact: "Tail Headlines here"}\n'),
        t(1, 5),
        "layout.missing",
        r"layout rule 'heading': quote “Tail Headlines here” matches nothing in the seed",
    ),
    Case(
        "no-note-not-a-list",
        "no_note is a mapping",
        tail("no_note: {quote: x}\n"),
        t(0, 10),
        "coverage.type",
        r"no_note must be a list of \{quote: \{exact: …\}, reason: …\} entries",
    ),
    Case(
        "no-note-quote-missing",
        "a no_note entry whose quote is not in the text",
        tail('no_note:\n  - {quote: {exact: "in 2099"}, reason: "Not a claim."}\n'),
        t(1, 5),
        "coverage.anchor",
        r"no_note quote “in 2099” does not match exactly one place; copy it from the text",
    ),
]
