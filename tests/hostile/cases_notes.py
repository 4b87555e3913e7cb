"""Bad input in a note or a source's metadata: fields, types, quotes, ids, links, dates."""

from __future__ import annotations

from .breakage import FIRST, SAMPLE, TAIL, TAIL_HEAD, Case, at, events, glossary, note, t, tail

_REFS = '[{title: "T", url: "https://example.org/t"}]'
_CHECK = {
    "kind": "fact-check",
    "verdict": "accurate",
    "references": _REFS,
    "reviewed": '"2026-11-22"',
}

# Every field of a note given a list where text (or a mapping, or a list) belongs:
# (field, column of its value, code, what the message says); a value stands at column
# len(field) + 7 (four spaces, the field, a colon and a space before it).
_TYPES = [
    ("id", 9, "annotation.type", r"'id' in an annotation must be text"),
    ("kind", 11, "annotation.type", r"'kind' in annotation 'o-bad' must be text; use one of"),
    ("quote", 12, "quote.type", r"a quote must be a mapping of fields \(exact, prefix, suffix\)"),
    ("body", 11, "annotation.type", r"'body' in annotation 'o-bad' must be text; write the note"),
    ("references", 17, "annotation.type", r"'references' in annotation 'o-bad' must be a list"),
    ("verdict", 14, "annotation.type", r"'verdict' in annotation 'o-bad' must be text"),
    ("correction", 17, "annotation.type", r"'correction' in annotation 'o-bad' must be text"),
    ("event", 12, "annotation.type", r"'event' in annotation 'o-bad' must be text"),
    ("date", 11, "annotation.type", r"'date' in annotation 'o-bad' must be text"),
    ("reviewed", 15, "annotation.type", r"'reviewed' in annotation 'o-bad' must be text"),
]


def _wrong_type(field: str, col: int, code: str, message: str) -> Case:
    value = "{a: 1}" if field == "references" else "[1, 2]"
    text = note(**{"ident": value} if field == "id" else {field: value})
    line = {"id": 0, "kind": 1, "quote": 2, "body": 3}.get(field, 4)
    return Case(
        f"type-{field}", f"a note's {field} is a list", tail(text), t(line, col), code, message
    )


CASES = [_wrong_type(*row) for row in _TYPES] + [
    Case(
        "type-quote-exact",
        "a quote's exact text is a list",
        tail(note(quote="{exact: [Minsk]}")),
        t(2, 20),
        "quote.type",
        r"'exact' in a quote must be text; copy the passage byte for byte",
    ),
    Case(
        "type-reference",
        "a reference is plain text",
        tail(note(references='["https://example.org/t"]')),
        t(4, 18),
        "reference.type",
        r"a reference must be a mapping of fields \(title, url, publisher, date\)",
    ),
    Case(
        "type-metadata-field",
        "a metadata field is plain text instead of {value, basis}",
        tail(
            head=TAIL_HEAD.replace(
                'title: {value: "A tail source", basis: "Fixture."}', 'title: "A tail source"'
            )
        ),
        at(TAIL, 3, 10),
        "metadata.type",
        r"metadata 'title' must be a mapping of fields \(value, basis\)",
    ),
    Case(
        "type-metadata-value",
        "a metadata value is a list",
        tail(head=TAIL_HEAD.replace('{value: "Fixture Daily"', "{value: [Fixture, Daily]")),
        at(TAIL, 5, 19),
        "metadata.type",
        r"'value' in metadata 'outlet' must be text",
    ),
    Case(
        "unknown-kind",
        "a note's kind is misspelt",
        tail(note(kind="factcheck")),
        t(1, 11),
        "annotation.unknown-kind",
        r"unknown kind 'factcheck' in annotation 'o-bad' \(did you mean 'fact-check'\?\); use one of: context",
    ),
    Case(
        "unknown-field",
        "a note has a misspelt field",
        tail(note(bodyy='"x"')),
        t(4, 1),
        "annotation.unknown-field",
        r"unknown field 'bodyy' in an annotation \(did you mean 'body'\?\); known fields: id, kind",
    ),
    Case(
        "unknown-field-naming-a-missing-one",
        "a note's id written as note_id: the hint names the field missing, not 'note'-like ones",
        tail(
            '  - note_id: o-bad\n    kind: context\n    quote: {exact: "Minsk and Moscow"}\n'
            '    body: "A note."\n'
        ),
        t(0, 1),
        "annotation.unknown-field",
        r"unknown field 'note_id' in an annotation \(did you mean 'id'\?\)",
        also=(rf"{TAIL}:{FIRST}:5: error: \[annotation.missing-field\] an annotation has no 'id'",),
    ),
    Case(
        "unknown-top-field",
        "a source file has a misspelt top-level key",
        tail(head=TAIL_HEAD.replace("annotations:", "annotation:")),
        # Reported where the misspelt key's value begins (its first item, the line after the
        # key): the located YAML keeps no position for keys.
        at(TAIL, 21, 1),
        "source.unknown-field",
        r"unknown field 'annotation' in source file 'tail' \(did you mean 'annotations'\?\)",
        lost=("o-ok",),
    ),
    Case(
        "missing-body",
        "a note has no body",
        tail(note(body=None)),  # type: ignore[arg-type]
        t(0, 5),
        "annotation.missing-field",
        r"annotation 'o-bad' has no 'body'; write the note in Markdown",
    ),
    Case(
        "missing-quote",
        "a note has no quote",
        tail(note(quote=None)),  # type: ignore[arg-type]
        t(0, 5),
        "annotation.missing-field",
        r"annotation 'o-bad' has no 'quote'; add quote: \{exact: …\} copied from the source text",
    ),
    Case(
        "fact-check-without-verdict",
        "a fact-check has no verdict",
        tail(note(**{**_CHECK, "verdict": None})),  # type: ignore[dict-item]
        t(0, 5),
        "annotation.missing-field",
        r"annotation 'o-bad' has no 'verdict'; a fact-check states its verdict: one of accurate",
    ),
    Case(
        "fact-check-without-references",
        "a fact-check has no references",
        tail(note(**{**_CHECK, "references": None})),  # type: ignore[dict-item]
        t(0, 5),
        "annotation.missing-field",
        r"annotation 'o-bad' has no 'references'; a fact-check must cite at least one public reference",
    ),
    Case(
        "fact-check-empty-references",
        "a fact-check's references are an empty list",
        tail(note(**{**_CHECK, "references": "[]"})),
        t(0, 5),
        "reference.missing",
        r"annotation 'o-bad' needs at least one reference \(title \+ url\); a fact-check must cite",
    ),
    Case(
        "unknown-verdict",
        "a verdict is not on the scale",
        tail(note(**{**_CHECK, "verdict": "mostly-true"})),
        t(4, 14),
        "annotation.unknown-verdict",
        r"unknown verdict 'mostly-true' in annotation 'o-bad' \(did you mean 'mostly-accurate'\?\); use one of",
    ),
    Case(
        "verdict-on-context",
        "a context note carries a verdict",
        tail(note(verdict="accurate")),
        t(4, 14),
        "annotation.verdict-on-other-kind",
        r"annotation 'o-bad' has a verdict but is a context; only fact-checks carry verdicts",
    ),
    Case(
        "correction-without-correction",
        "a correction note does not say what the text should read",
        tail(note(kind="correction")),
        t(0, 5),
        "annotation.missing-field",
        r"annotation 'o-bad' has no 'correction'; say what the text should read",
    ),
    Case(
        "reference-without-title",
        "a reference has no title",
        tail(note(references='[{url: "https://example.org/t"}]')),
        t(4, 18),
        "reference.missing-field",
        r"a reference has no 'title'; give the cited work's title",
    ),
    Case(
        "reference-javascript-url",
        "a reference's address is a javascript: URL",
        tail(note(references='[{title: "T", url: "JavaScript:alert(1)"}]')),
        t(4, 18),
        "reference.bad-url",
        r"reference address 'JavaScript:alert\(1\)' is not a public http\(s\) address; write it as https://",
    ),
    Case(
        "reference-data-url",
        "a reference's address is a data: URL",
        tail(note(references='[{title: "T", url: "data:text/html,<script>alert(1)</script>"}]')),
        t(4, 18),
        "reference.bad-url",
        r"reference address 'data:text/html,.*' is not a public http\(s\) address",
    ),
    Case(
        "quote-empty",
        "a quote's exact text is empty",
        tail(note(quote='{exact: ""}')),
        t(2, 20),
        "quote.empty",
        r"'exact' in a quote is empty; copy the passage byte for byte from the source text",
    ),
    Case(
        "quote-blank-string",
        "a quote written as a string of spaces",
        tail(note(quote='"   "')),
        t(2, 12),
        "quote.empty",
        r"the quote is empty; copy the passage byte for byte from the source text",
    ),
    Case(
        "quote-matches-nothing",
        "a quote that is not in the text",
        tail(note(quote='{exact: "Minsk and Moskva"}')),
        t(0, 5),
        "anchor.missing",
        r"annotation 'o-bad': quote “Minsk and Moskva” matches nothing in the seed; the closest passage is at 5:21 "
        r"\(similarity \d+%\): “Minsk and Moscow” — copy the quote from there",
    ),
    Case(
        "quote-matches-several",
        "a quote that occurs three times",
        tail(note(quote='{exact: "Moscow"}')),
        t(0, 5),
        "anchor.ambiguous",
        r"annotation 'o-bad': quote “Moscow” matches 3 places in the seed: 3:19 .*; 5:31 .*; 5:51 .*; add the prefix or suffix",
    ),
    Case(
        "quote-wrong-context",
        "a quote whose prefix is not the text before it",
        tail(note(quote='{exact: "Minsk and Moscow", prefix: "visits "}')),
        t(0, 5),
        "anchor.context",
        r"annotation 'o-bad': quote “Minsk and Moscow” occurs at 5:21, but its prefix/suffix fit none of them; copy",
    ),
    Case(
        "quote-25000-characters",
        "a quote of 25,000 characters",
        tail(note(quote='{exact: "' + "Minsk and Moscow " * 1500 + 'x"}')),
        t(2, 20),
        r"(quote|anchor)\.[a-z-]+",
        r".*(characters|too long)",
    ),
    Case(
        "bad-id",
        "a note id with capitals and a space",
        tail(note("O Bad")),
        t(0, 9),
        "annotation.bad-id",
        r"id 'O Bad' may hold only lowercase letters, digits and '-', and must start with a letter",
    ),
    Case(
        "duplicate-id-in-file",
        "two notes of one file share an id",
        tail(note("o-dup") + note("o-dup", quote='{exact: "in 1999"}')),
        t(4, 5),
        "annotation.duplicate-id",
        rf"annotation id 'o-dup' is (already|also) used at {TAIL}:25:5; .*give (this|each) note its own id",
        # Said at both: which of the two the id means is the editor's call.
        also=(rf"{TAIL}:25:5: error: \[annotation.duplicate-id\]",),
    ),
    Case(
        "duplicate-id-across-files",
        "a note reuses the id of a note in another file",
        tail(note("s-inner")),
        t(0, 5),
        "annotation.duplicate-id",
        rf"annotation id 's-inner' is (already|also) used at {SAMPLE}:\d+:5; .*give (this|each) note its own id",
        also=(rf"{SAMPLE}:\d+:5: error: \[annotation.duplicate-id\] annotation id 's-inner'",),
        lost=("s-inner",),  # either may be the one the id means: a build may keep neither
    ),
    Case(
        "id-is-a-note-anchor",
        "a note id equal to another note's list anchor (note-<id>)",
        tail(note("note-o-ok")),
        t(0, 9),
        r"annotation\.[a-z-]+",
        r".*'note-o-ok'",
    ),
    Case(
        "id-is-note-1",
        "notes '1' and 'note-1' on one page",
        tail(note("1") + note("note-1", quote='{exact: "in 1999"}')),
        t(4, 9),
        r"annotation\.[a-z-]+",
        r".*'note-1'",
    ),
    Case(
        "id-is-a-marker-anchor",
        "a note id equal to another note's marker anchor (ref-<id>)",
        tail(note("ref-o-ok")),
        t(0, 9),
        r"annotation\.[a-z-]+",
        r".*'ref-o-ok'",
    ),
    Case(
        "id-is-a-term-anchor",
        "a note id equal to a glossary link's anchor (t-<term>-1)",
        glossary(notes=note("t-minsk-1")),
        t(0, 9),
        r"annotation\.[a-z-]+",
        r".*'t-minsk-1'",
    ),
    Case(
        "xref-unknown-note",
        "a body links to a note that does not exist",
        tail(note(body='"See [[o-okk]]."')),
        t(3, 16),
        "xref.unknown",
        r"annotation 'o-bad' links to unknown note 'o-okk' \(did you mean 'o-ok'\?\); use an id that exists",
    ),
    Case(
        "xref-unknown-source",
        "a body links to a source that does not exist",
        tail(note(body='"See [[source:nope]]."')),
        t(3, 16),
        "xref.unknown",
        r"annotation 'o-bad' links to unknown source 'nope'; use an id that exists",
    ),
    Case(
        "xref-unknown-term",
        "a body links to a term, and there is no glossary",
        tail(note(body='"See [[term:minsk]]."')),
        t(3, 16),
        "xref.unknown",
        r"annotation 'o-bad' links to unknown term 'minsk'; use an id that exists",
    ),
    Case(
        "xref-unknown-event",
        "a body links to an event that does not exist",
        events(notes=note(body='"See [[event:e-1998]]."')),
        t(9, 16),
        "xref.unknown",
        r"annotation 'o-bad' links to unknown event 'e-1998' \(did you mean 'e-1999'\?\)",
    ),
    Case(
        "xref-malformed-capitals",
        "a cross-reference in capitals, which is no cross-reference at all",
        tail(note(body='"See [[Lys-Caption-Image]]."')),
        t(3, 16),
        r"xref\.[a-z-]+",
        r".*'\[\[Lys-Caption-Image\]\]'",
    ),
    Case(
        "xref-malformed-empty-term",
        "a term cross-reference without an id",
        tail(note(body='"See [[term:]]."')),
        t(3, 16),
        r"xref\.[a-z-]+",
        r".*'\[\[term:\]\]'",
    ),
    Case(
        "date-impossible-month",
        "a passage dated 1996-13-45",
        events(notes=note(event="e-1999", date='"1996-13-45"')),
        t(11, 11),
        "annotation.bad-date",
        r"date of annotation 'o-bad': '1996-13-45' is not a real date .*; check the day and month",
    ),
    Case(
        "date-reversed-interval",
        "a passage dated by an interval that ends before it starts",
        events(notes=note(event="e-1999", date='"1999/1996"')),
        t(11, 11),
        "annotation.bad-date",
        r"date of annotation 'o-bad': interval '1999/1996' ends before it starts",
    ),
    Case(
        "date-without-event",
        "a passage has a date but no event",
        events(notes=note(date='"1999"')),
        t(6, 5),
        "annotation.event-date",
        r"annotation 'o-bad' has a date but no event; a dated passage needs 'event'",
    ),
    Case(
        "unknown-event",
        "a passage names an event that events.yml lacks",
        events(notes=note(event="e-2000", date='"2000"')),
        t(10, 12),
        "annotation.unknown-event",
        r"annotation 'o-bad' names event 'e-2000', which is not in events.yml; use the id of an event there",
    ),
    Case(
        "event-without-events-file",
        "a passage names an event, and there is no events.yml",
        tail(note(event="e-1999", date='"1999"')),
        t(4, 12),
        "events.missing-file",
        r"1 annotation\(s\) name a timeline event .* but there is no annotations/events.yml; create it",
    ),
    Case(
        "published-impossible-day",
        "a source published on 30 February",
        tail(head=TAIL_HEAD.replace('{value: "2023"', '{value: "2026-02-30"')),
        at(TAIL, 6, 14),
        "metadata.bad-date",
        r"published: '2026-02-30' is not a real date .*; check the day and month",
    ),
    Case(
        "reviewed-impossible-day",
        "a fact-check reviewed on 30 February",
        tail(note(**{**_CHECK, "reviewed": '"2026-02-30"'})),
        t(6, 15),
        "annotation.bad-reviewed",
        r".*2026-02-30",
    ),
    Case(
        "bare-no",
        "a language written no, which YAML 1.1 reads as false",
        tail(head=TAIL_HEAD.replace("language: {value: en", "language: {value: no")),
        at(TAIL, 8, 21),
        "metadata.type",
        r"'value' in metadata 'language' must be text.*quote it",
    ),
    Case(
        "metadata-javascript-url",
        "a source's original address is a javascript: URL",
        tail(head=TAIL_HEAD.replace('"https://example.org/tail"', '"javascript:alert(1)"')),
        at(TAIL, 9, 8),
        "metadata.bad-url",
        r"url must start with https:// or http://",
    ),
    Case(
        "metadata-unknown-kind",
        "a source's kind is misspelt",
        tail(head=TAIL_HEAD.replace("kind: {value: news", "kind: {value: newz")),
        at(TAIL, 7, 17),
        "metadata.unknown-value",
        r"unknown value 'newz' in metadata 'kind' \(did you mean 'news'\?\); use one of: news",
    ),
    Case(
        "metadata-missing-field",
        "a source's metadata has no outlet",
        tail(head=TAIL_HEAD.replace('  outlet: {value: "Fixture Daily", basis: "Fixture."}\n', "")),
        at(TAIL, 3, 3),
        "metadata.missing-field",
        r"metadata has no 'outlet'; give \{value: …, basis: …\}; value null when unknown",
    ),
    Case(
        "metadata-missing-basis",
        "a metadata value without its basis",
        tail(head=TAIL_HEAD.replace('{value: null, basis: "No byline."}', "{value: null}")),
        at(TAIL, 4, 11),
        "metadata.missing-field",
        r"metadata 'author' has no 'basis'; say how the value was established",
    ),
    # What YAML's double-quoted escapes can write and no page can show, in any field.
    Case(
        "text-lone-surrogate",
        "a note's body holds a lone surrogate, written as an escape",
        tail(note(body='"lone \\ud800 surrogate"')),
        t(3, 11),
        "yaml.control-character",
        r"this text holds U\+D800 \(half of a surrogate pair, alone\), which no page can show; "
        r"remove the escape that writes it",
    ),
    Case(
        "text-escape-control",
        "a note's body holds ESC and a terminal colour, written as an escape",
        tail(note(body='"ESC \\e[31m red"')),
        t(3, 11),
        "yaml.control-character",
        r"this text holds U\+001B \(a control character\)",
    ),
    Case(
        "text-next-line",
        "a reference title holds NEL (U+0085), written as an escape",
        tail(note(references='[{title: "T \\N x", url: "https://example.org/t"}]')),
        t(4, 26),
        "yaml.control-character",
        r"this text holds U\+0085 \(a control character\)",
    ),
    Case(
        "text-direction-left-open",
        "a source's title opens a right-to-left override and never closes it",
        tail(head=TAIL_HEAD.replace('"A tail source"', '"\u202eA tail source"')),
        at(TAIL, 3, 18),
        "yaml.direction-control",
        r"this text opens U\+202E \(RIGHT-TO-LEFT OVERRIDE\) and does not close it on its "
        r"line, so it would reverse the text that follows it on the page; remove it, or "
        r"close it",
    ),
    # A stub left unfilled (the quote command writes ~ for what the editor must give)
    Case(
        "verdict-left-empty",
        "a fact-check's verdict is ~",
        tail(note(**{**_CHECK, "verdict": "~"})),
        t(4, 14),
        "annotation.type",
        r"'verdict' in annotation 'o-bad' has no value \(~, or nothing after the colon\); "
        r"a fact-check states its verdict: one of accurate,",
    ),
    Case(
        "reviewed-left-empty",
        "a fact-check's review day is ~",
        tail(note(**{**_CHECK, "reviewed": "~"})),
        t(6, 15),
        "annotation.type",
        r"'reviewed' in annotation 'o-bad' has no value \(~, or nothing after the colon\); "
        r'give the day the note was written or last checked, as "YYYY-MM-DD"',
    ),
    Case(
        "fact-check-reference-without-url",
        "a fact-check's one reference has no address (its own error, not also none cited)",
        tail(note(**{**_CHECK, "references": '[{title: "T"}]'})),
        t(5, 18),
        "reference.missing-field",
        r"a reference has no 'url'; give the public address \(https://…\)",
    ),
    Case(
        "text-direction-stray-isolate-end",
        "an override is followed by an isolate's end, which does not close it",
        tail(note(body='"a \u202e x \u2069 b"')),
        t(3, 11),
        "yaml.direction-control",
        r"this text opens U\+202E \(RIGHT-TO-LEFT OVERRIDE\) and does not close it on its "
        r"line",
    ),
    Case(
        "key-lone-surrogate",
        "a note's key holds a lone surrogate (review wrote it to its report and crashed)",
        tail(note(**{'"k\\ud800"': "1"})),
        t(4, 1),
        "yaml.control-character",
        r"this text holds U\+D800 \(half of a surrogate pair, alone\)",
        also=(rf"{TAIL}:{FIRST + 4}:1: error: \[annotation.unknown-field\] unknown field 'k'",),
    ),
    Case(
        "title-invisible",
        "a source's title of direction controls alone, which renders as nothing anywhere",
        tail(head=TAIL_HEAD.replace('"A tail source"', '"\u2067\u2069\u202a\u202c"')),
        at(TAIL, 3, 18),
        "metadata.empty",
        r"'value' in metadata 'title' is empty",
    ),
    Case(
        "text-direction-across-list-items",
        "an override opened in one list item and closed in the next (each is its own block)",
        tail(note(body='"- a \\u202e b\\n- c \\u202c d"')),
        t(3, 11),
        "yaml.direction-control",
        r"this text opens U\+202E \(RIGHT-TO-LEFT OVERRIDE\) and does not close it on its line",
    ),
]
