"""Bad input at the level of files: YAML syntax, encodings, sizes, links, pages under docs/."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from .breakage import (
    EVENTS,
    FIRST,
    GLOSSARY,
    GLOSSARY_HEAD,
    MINI_NOTES,
    SAMPLE,
    TAIL,
    TAIL_HEAD,
    TAIL_SEED,
    TAIL_TXT,
    Case,
    at,
    both,
    edit,
    events,
    glossary,
    note,
    symlink,
    t,
    tail,
    write,
)

SECRET = "SECRET-FROM-OUTSIDE-THE-PROJECT"


def _seeds_linked_out(project: Path) -> None:
    """The seeds folder moved out of the project, a link left in its place."""
    outside = project.parent / "outside-seeds"
    shutil.move(project / "seeds", outside)
    os.symlink(outside, project / "seeds")


_BAD_BYTE = (
    TAIL_HEAD.encode()
    + b'  - id: o-bad\n    kind: context\n    quote: {exact: "Minsk"}\n    body: "caf\xe9"\n'
)
_SEED_BAD_BYTE = TAIL_SEED.replace("names Minsk", "names Mi\udcffnsk").encode(
    "utf-8", "surrogateescape"
)
_ALIAS_BOMB = (
    TAIL_HEAD
    + '  - id: o-bomb\n    kind: context\n    quote: {exact: "Minsk"}\n    body: "x"\n'
    + "    references:\n"
    + '      - &a0 {title: "lol", url: "https://example.org/lol"}\n'
    + "".join(f"      - &a{i} [{', '.join(['*a' + str(i - 1)] * 9)}]\n" for i in range(1, 10))
)

CASES = [
    Case(
        "yaml-tab",
        "a tab indents a line",
        tail(note().replace("    kind", "\tkind")),
        t(1, 1),
        "yaml.syntax",
        r"YAML syntax error: .*(tab|'\\t').*; check indentation and quoting around this line",
        lost=("o-ok",),
    ),
    Case(
        "yaml-unclosed-quote",
        "a quoted body is never closed",
        tail(note(body='"A note.')),
        t(4, 1),
        "yaml.syntax",
        rf"YAML syntax error: .*; it started at line {FIRST + 3}; check indentation and quoting",
        lost=("o-ok",),
    ),
    Case(
        "yaml-duplicate-key",
        "a note has two 'kind' keys",
        tail(note() + "    kind: framing\n"),
        t(4, 5),
        "yaml.duplicate-key",
        rf"key 'kind' appears twice in this mapping \(first at line {FIRST + 1}\); keep one",
    ),
    Case(
        "yaml-not-a-mapping",
        "a source file holds a list",
        write(TAIL, "- just\n- a list\n"),
        at(TAIL, 1, 1),
        "source.type",
        r"source file 'tail' must be a mapping of fields \(seed, metadata",
        lost=("o-ok",),
    ),
    Case(
        "yaml-complex-key",
        "a mapping key is a list",
        tail(note() + "    ? [a, b]\n    : c\n"),
        t(4, 7),
        "yaml.key",
        r"a mapping key must be plain text",
    ),
    Case(
        "yaml-empty-file",
        "a source file is empty",
        both(tail(), write(TAIL, "")),
        at(TAIL, 1, 1),
        "source.missing-field",
        r"source file 'tail' has no 'seed'; name the text file in seeds/",
        also=(
            rf"{TAIL}:1:1: error: \[source.missing-field\] source file 'tail' has no 'metadata'",
        ),
        lost=("o-ok",),
    ),
    Case(
        "yaml-alias-bomb",
        "nine levels of aliases, each nine times the one before (a billion laughs)",
        both(write(TAIL_TXT, TAIL_SEED), write(TAIL, _ALIAS_BOMB)),
        t(6, 14),
        "yaml.alias",
        r"alias '\*a0'.* not allowed",
        lost=("o-ok",),
    ),
    Case(
        "yaml-deep-nesting",
        "a body nested 3,000 lists deep",
        tail(note(body="[" * 3000 + "]" * 3000)),
        t(3, 72),  # the list 65 levels down, counting the file, its notes and the note
        "yaml.too-deep",
        r".*nested more than \d+ levels",
        lost=("o-ok",),
    ),
    Case(
        "yaml-huge-file",
        "a source file of 40 MB",
        tail(note() + "    # " + "x" * 40_000_000 + "\n"),
        at(TAIL, 1, 1),
        r"[a-z]+\.too-large",
        r".* is [\d,]+ bytes, more than the [\d,]+ a file may have",
        lost=("o-ok",),
    ),
    Case(
        "yaml-invalid-utf8",
        "a source file holds a Latin-1 byte",
        both(write(TAIL_TXT, TAIL_SEED), write(TAIL, _BAD_BYTE)),
        t(3, 15),
        r"[a-z]+\.encoding",
        r".*not UTF-8.*re-save it as UTF-8",
        lost=("o-ok",),
    ),
    Case(
        "glossary-invalid-utf8",
        "the glossary holds a Latin-1 byte",
        both(tail(), write("annotations/glossary.yml", b"terms:\n  - id: caf\xe9\n")),
        at("annotations/glossary.yml", 2, 12),
        r"[a-z]+\.encoding",
        r".*not UTF-8.*re-save it as UTF-8",
    ),
    Case(
        "events-invalid-utf8",
        "the events file holds a Latin-1 byte",
        both(events(), write("annotations/events.yml", b"events:\n  - id: caf\xe9\n")),
        at("annotations/events.yml", 2, 12),
        "events.encoding",
        r".*not UTF-8.*re-save it as UTF-8",
    ),
    Case(
        "seed-invalid-utf8",
        "a seed holds a byte that is not UTF-8",
        both(tail(), write(TAIL_TXT, _SEED_BAD_BYTE)),
        at(TAIL_TXT, 5, 23),
        "seed.encoding",
        r".*not UTF-8.*; re-save it as UTF-8",
        lost=("o-ok",),
    ),
    Case(
        "seed-nul",
        "a seed holds a NUL character",
        tail(seed=TAIL_SEED.replace("names Minsk", "names\x00 Minsk")),
        at(TAIL_TXT, 5, 20),
        r"seed\.[a-z-]+",
        r".*(NUL|U\+0000)",
    ),
    Case(
        "seed-unknown",
        "a source names a seed that does not exist",
        tail(head=TAIL_HEAD.replace("seed: tail.txt", "seed: tail.text")),
        at(TAIL, 1, 7),
        "source.unknown-seed",
        r"no seed text 'tail.text' in seeds/ \(did you mean 'tail.txt'\?\); name a file that exists",
        lost=("o-ok",),
    ),
    Case(
        "seed-unused",
        "a seed no source file names",
        write("seeds/orphan.txt", "Nobody annotates this.\n"),
        at("seeds/orphan.txt", 1, 1),
        "seed.unused",
        r"no source file names this seed, so it is not published; add annotations/sources/",
        severity="warning",
    ),
    Case(
        "seed-twice",
        "two source files name one seed",
        write(TAIL, TAIL_HEAD.replace("seed: tail.txt", "seed: sample.txt")),
        at(TAIL, 1, 7),
        "source.seed-reused",
        rf"seed 'sample.txt' is (already|also) annotated by {SAMPLE}; one source file per seed",
        # Said in both files: neither is the right one to keep.
        also=(rf"{SAMPLE}:1:\d+: error: \[source.seed-reused\]",),
    ),
    Case(
        "seed-symlink",
        "a seed is a link to a file outside the project",
        both(tail(), symlink(TAIL_TXT, SECRET + "\n")),
        at(TAIL_TXT, 1, 1),
        r"(seed|file)\.[a-z-]+",
        r".*link",
        lost=("o-ok",),
        secret=SECRET,
    ),
    Case(
        "source-symlink",
        "a source file is a link to a file outside the project",
        both(tail(), symlink(TAIL, TAIL_HEAD.replace('"A tail source"', f'"{SECRET}"'))),
        at(TAIL, 1, 1),
        r"(source|file)\.[a-z-]+",
        r".*link",
        lost=("o-ok",),
        secret=SECRET,
    ),
    Case(
        "source-bad-file-name",
        "a source file name is not an id",
        write("annotations/sources/Tail Source.yml", TAIL_HEAD),
        at("annotations/sources/Tail Source.yml", 1, 1),
        "source.bad-id",
        r"file name 'Tail Source.yml':? must be a source id of lowercase letters, digits and '-'",
    ),
    Case(
        "docs-timeline-page",
        "a hand-written docs/timeline/index.md where the timeline is generated",
        both(events(), write("docs/timeline/index.md", "# My timeline\n")),
        at("docs/timeline/index.md", 1, 1),
        r"[a-z]+\.[a-z-]+",
        r".*generat",
        check=False,
        publishes=False,
    ),
    Case(
        "docs-source-page",
        "a hand-written docs/sources/sample/index.md where the source page is generated",
        write("docs/sources/sample/index.md", "# Not the sample\n"),
        at("docs/sources/sample/index.md", 1, 1),
        r"[a-z]+\.[a-z-]+",
        r".*generat",
        check=False,
        publishes=False,
    ),
    Case(
        "docs-link-to-removed-note",
        "a hand-written page links to a note that no longer exists",
        write("docs/index.md", "# Mini\n\nSee [the note](sources/sample.md#s-gone).\n"),
        at("docs/index.md", 3, 16),
        r"[a-z]+\.[a-z-]+",
        r"link 'sources/sample.md#s-gone'",
        severity="warning",
        check=False,
    ),
    # A file that did not load and whose ids cannot be told: its own error, nothing about
    # what links into it (an outside test had dozens of unknown terms, events and notes).
    Case(
        "glossary-symlink-linked",
        "the glossary is a link out, and a note links one of its terms",
        both(
            glossary(notes=note(body='"See [[term:minsk]]."')),
            symlink(GLOSSARY, GLOSSARY_HEAD),
        ),
        at(GLOSSARY, 1, 1),
        r"(glossary|file)\.[a-z-]+",
        r".*link",
    ),
    Case(
        "source-symlink-linked",
        "a source file is a link out, and a note of another source links one of its notes",
        both(
            tail(),
            symlink(TAIL, TAIL_HEAD),
            edit(SAMPLE, '"Outer note with a link to', '"Outer note, see [[o-ok]], with a link to'),
        ),
        at(TAIL, 1, 1),
        r"(source|file)\.[a-z-]+",
        r".*link",
        lost=("o-ok",),
    ),
    Case(
        "events-a-string-linked",
        "events.yml holds one string, and a note links one of its events",
        both(events(notes=note(body='"See [[event:e-1999]]."')), write(EVENTS, "just a string\n")),
        at(EVENTS, 1, 1),
        r"events\.[a-z-]+",
        r".*",
    ),
    Case(
        "seeds-folder-symlink",
        "the seeds folder is a link to a folder outside the project",
        _seeds_linked_out,
        at("seeds", 1, 1),
        r"(seed|file)\.[a-z-]+",
        r".*link",
        lost=MINI_NOTES,
        publishes=False,
    ),
    Case(
        "glossary-a-string-linked",
        "glossary.yml holds one string, and a note links one of its terms",
        both(
            glossary(notes=note(body='"See [[term:minsk]]."')), write(GLOSSARY, "just a string\n")
        ),
        at(GLOSSARY, 1, 1),
        r"glossary\.[a-z-]+",
        r".*",
    ),
    Case(
        "source-a-string-linked",
        "a source file holds one string, and a note of another source links one of its notes",
        both(
            tail(),
            write(TAIL, "just a string\n"),
            edit(SAMPLE, '"Outer note with a link to', '"Outer note, see [[o-ok]], with a link to'),
        ),
        at(TAIL, 1, 1),
        r"source\.[a-z-]+",
        r".*",
        lost=("o-ok",),
    ),
    Case(
        "yaml-raw-line-separator",
        "a title holds a raw U+2028, a line break to YAML that no editor shows",
        tail(head=TAIL_HEAD.replace('"A tail source"', '"A tail\u2028source"')),
        at(TAIL, 3, 25),
        "yaml.line-separator",
        r"U\+2028 \(LINE SEPARATOR\) is a line break to YAML but not to an editor, so every "
        r"line after it would be miscounted; remove it, or write it as the escape",
        lost=("o-ok",),
    ),
]
