"""The plain-text shortcut of ``Markup`` gives exactly markdown-it's HTML.

``Markup.render_plain`` skips markdown-it for text without Markdown syntax. Whatever it
accepts must render byte for byte as markdown-it renders it: checked on every text of the
real corpus and the fixtures, and on random text built from a hostile alphabet (markup
characters, entities, raw HTML, indentation, blank lines, hard breaks, list markers,
headings, quotes, setext lines, tabs, odd line breaks and Unicode spaces, [[…]] references).
"""

from __future__ import annotations

import os
import random
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from annotated_reader.core.text.markup import Markup

ROOT = Path(__file__).resolve().parents[2]
FOLDERS = [ROOT / "annotations", ROOT / "tests" / "fixtures"]

# Known targets have hrefs and labels that need escaping; other ids are broken references.
_TARGETS = {
    ("note", "a"): ("../x/#a", "note in “X”"),
    ("term", "b"): ("../glossary/?q=1&r=2#b", 'Union "State"'),
    ("source", "c"): ("../c/", "<C> & co"),
    ("event", "d"): ("../timeline/#d", "1999 treaty"),
}


def resolver(namespace: str, ident: str) -> tuple[str, str] | None:
    return _TARGETS.get((namespace, ident))


def _strings(value: Any) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)


def corpus_texts() -> list[str]:
    """Every string value in the real editorial data and the test fixtures: note bodies,
    corrections, definitions, rationales, descriptions."""
    texts = set()
    for folder in FOLDERS:
        for path in sorted(folder.rglob("*.yml")):
            try:
                data = yaml.safe_load(path.read_text(encoding="utf-8"))
            except (yaml.YAMLError, UnicodeDecodeError):
                continue  # deliberately broken fixtures
            texts.update(_strings(data))
    return sorted(texts)


PLAIN = [
    "word",
    "The",
    "Union",
    "state",
    "1999",
    "7",
    "é",
    "—",
    "“quoted”",
    "'s",
    '"',
    ",",
    ".",
    "?",
    "!",
    ":",
    ";",
    "(",
    ")",
    "/",
    "%",
    "$",
    "@",
    "^",
    "{",
    "}",
    "'",
    "а",
    "中",
    "\u00a0",
    "\u3000",
    "\u2028",
    "\x85",
    "\x0b",
    "\x0c",
    "\x1c",
    "\ufeff",
    "\u200b",
]
SPACE = [" ", " ", " ", "  ", "    ", "\n", "\n", "\n\n", "\n\n\n", "\n \n", "  \n", " \n", "\t"]
REFS = [
    "[[a]]",
    "[[note:a]]",
    "[[term:b]]",
    "[[term:b|Label]]",
    "[[source:c|<i>x</i> & y]]",
    "[[event:d|*not* `code`]]",
    "[[zz]]",
    "[[term:zz|gone]]",
    "[[a| lead]]",
    "[[a|trail ]]",
    "[[a|x\ry]]",
    "[[a|x\x00y]]",
    "[[a|x\ty]]",
    "[[a|x\u2028y]]",
    "[[A]]",
    "[[a-]]",
]
HOSTILE = [
    "*",
    "**",
    "_",
    "__",
    "`",
    "```",
    "~",
    "~~~",
    "[",
    "]",
    "[[",
    "]]",
    "[[]]",
    "[[a",
    "(",
    "](http://e.org)",
    "[x](http://e.org)",
    "[x]: /u",
    "]: http://e.org",
    "![x](y.png)",
    "!",
    "<",
    ">",
    "> ",
    "<b>",
    "</p>",
    "<!-- c -->",
    "<http://e.org>",
    "<a@b.org>",
    "&",
    "&amp;",
    "&copy;",
    "&#35;",
    "&#x41;",
    "&bogus;",
    "\\",
    "\\*",
    "\\\n",
    "#",
    "# ",
    "###### ",
    "####### ",
    "#x",
    "=",
    "===",
    "-",
    "- ",
    "---",
    "+ ",
    "* ",
    "***",
    "1. ",
    "1)",
    "2. ",
    "10.",
    "123456789.",
    "1234567890)",
    "٣.",
    "|",
    "| a | b |",
    "    ",
    "\t",
    "\r",
    "\r\n",
    "\x00",
    "http://e.org",
    "www.e.org",
    "--",
    "...",
    "(c)",
]


def _random_text(rng: random.Random, hostile: float) -> str:
    parts = []
    for _ in range(rng.randint(0, 24)):
        roll = rng.random()
        if roll < hostile:
            parts.append(rng.choice(HOSTILE))
        elif roll < hostile + 0.08:
            parts.append(rng.choice(REFS))
        elif roll < hostile + 0.35:
            parts.append(rng.choice(SPACE))
        else:
            parts.append(rng.choice(PLAIN))
    return "".join(parts)


def _random_texts(count: int, seed: int) -> Iterator[str]:
    """A third nearly plain (so that many take the shortcut and the edge cases near it are
    hit), a third plain but for one hostile fragment, often at a line's start, where block
    syntax lives; a third dense with syntax."""
    rng = random.Random(seed)
    for i in range(count):
        if i % 3 == 0:
            yield _random_text(rng, 0.02)
        elif i % 3 == 1:
            text = _random_text(rng, 0.0)
            starts = [0] + [k + 1 for k, ch in enumerate(text) if ch == "\n"]
            at = rng.choice(starts) if rng.random() < 0.7 else rng.randint(0, len(text))
            yield text[:at] + rng.choice(HOSTILE) + text[at:]
        else:
            yield _random_text(rng, 0.3)


def _check(markup: Markup, texts: list[str] | Iterator[str]) -> tuple[int, int]:
    """Compare the shortcut with markdown-it on every text; (texts, shortcuts taken)."""
    total = taken = 0
    for text in texts:
        total += 1
        for inline in (False, True):
            fast = markup.render_plain(text, resolver, inline=inline)
            full = markup.render_markdown_it(text, resolver, inline=inline)
            if fast is not None:
                taken += 1
                assert fast == full, (text, inline)
            rendered = (
                markup.render_inline(text, resolver) if inline else markup.render(text, resolver)
            )
            assert rendered == full, (text, inline)
    return total, taken


def test_shortcut_matches_markdown_it_on_the_real_texts() -> None:
    texts = corpus_texts()
    total, taken = _check(Markup(), texts)
    assert total > 200
    assert taken > total // 4  # the shortcut is exercised, not bypassed


# make mutate runs these once for every mutant of the markup module: a tenth of the texts
# there (mutmut names the mutant under test in this variable), all of them in make test.
RANDOM_TEXTS = 500 if os.environ.get("MUTANT_UNDER_TEST") else 5000


@pytest.mark.parametrize("seed", range(4))
def test_shortcut_matches_markdown_it_on_random_hostile_text(seed: int) -> None:
    total, taken = _check(Markup(), _random_texts(RANDOM_TEXTS, seed))
    assert total == RANDOM_TEXTS
    assert taken > RANDOM_TEXTS * 3 // 25  # the shortcut is exercised, not bypassed


def test_each_kind_of_syntax_is_left_to_markdown_it() -> None:
    """Each hostile fragment, set in plain text at the start, middle and end of a line
    and on a line of its own, either takes markdown-it's path or renders as it does."""
    markup = Markup()
    texts = []
    for frag in HOSTILE + REFS + SPACE + PLAIN:
        texts += [
            f"{frag}Union state",
            f"Union {frag} state",
            f"Union state{frag}",
            f"Union\n{frag}\nstate",
            f"Union\n\n{frag}\n\nstate\n",
            f"{frag}",
            f"{frag}{frag}",
        ]
    _check(markup, texts)
    assert markup.render_plain("**bold**", resolver) is None
    assert markup.render_plain("<b>x</b>", resolver) is None
    assert markup.render_plain("# Title", resolver) is None
    assert markup.render_plain("line  \nbreak", resolver) is None


def test_plain_paragraphs_and_references() -> None:
    markup = Markup()
    html = markup.render("A & B\n\nsee [[term:b]] and [[zz|gone]]\n", resolver)
    assert html == markup.render_markdown_it("A & B\n\nsee [[term:b]] and [[zz|gone]]\n", resolver)
    assert markup.render_plain("See [[term:b]] <here>.", resolver) is None  # '<' goes the long way
    assert markup.render_plain("See [[term:b]] and “this”.", resolver) == (
        '<p>See <a class="ar-xref ar-xref-term" href="../glossary/?q=1&amp;r=2#b" '
        'data-ar-term="b">Union &quot;State&quot;</a> and “this”.</p>\n'
    )


def test_markdown_it_is_imported_only_for_a_text_that_needs_it() -> None:
    """Importing markdown-it was a tenth of a small build's start: a build whose notes are
    plain text (or kept from the last build) does without it."""
    script = (
        "import sys\n"
        "from annotated_reader.core import memo\n"
        "from annotated_reader.core.text.markup import Markup\n"
        "memo.code_version()\n"
        "m = Markup()\n"
        "plain = m.render('A plain \"quoted\" text, [[term:x]].', lambda n, i: None)\n"
        "print('markdown_it' in sys.modules, plain.strip())\n"
        "print(m.render('*x*', lambda n, i: None).strip(), 'markdown_it' in sys.modules)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True
    )
    first, second = done.stdout.splitlines()[:2]
    assert first.startswith("False <p>A plain &quot;quoted&quot; text, <span")
    assert second == "<p><em>x</em></p> True"
