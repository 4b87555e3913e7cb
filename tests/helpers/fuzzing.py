"""Random corpora for property-based fuzzing of load → anchor → render (Hypothesis).

A corpus is one seed and its source file. The seed is arbitrary Unicode (combining marks,
right-to-left text and overrides, NUL, emoji, odd spaces and line breaks, trailing
whitespace; never a lone surrogate, which no file can hold). Notes quote it: passages drawn
from the text itself, so they overlap, nest and touch, some with a prefix or suffix, some
empty or repeated. Fields are now and then replaced by random YAML values, and the whole
file now and then by random text. The library is called directly (no MkDocs), and each
example is checked against :func:`violations`.

Shared by ``tests/hostile/test_fuzz.py`` (a few hundred examples, every ``make test``) and
``benchmarks/fuzz.py`` (ten thousand, ``make fuzz``).
"""

from __future__ import annotations

import json
import re
import tempfile
import traceback
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from annotated_reader.assembly import default_features
from annotated_reader.core.bidi import unclosed
from annotated_reader.core.corpus import Options, Paths
from annotated_reader.core.loader import load_corpus
from annotated_reader.core.problems import Problem, Problems
from annotated_reader.core.urls import SiteUrls
from annotated_reader.render.site import SiteBuilder
from annotated_reader.render.templates import environment
from hypothesis import strategies as st

from helpers.htmlcheck import duplicate_ids, text_of, wellformed
from helpers.project import ROOT

# Characters that have broken text handling somewhere: combining marks, Hebrew and Arabic,
# bidi overrides, zero-width characters, NUL and other controls, emoji with joiners and
# skin tones, odd spaces and line breaks, quotes and dashes that tolerant matching folds,
# and the characters HTML and Markdown care about.
SPECIAL = list(
    "\u0301\u0308\u20dd\u05d0\u05d1\u0627\u0644\u202e\u202d\u2066\u2069\u200b\u200d\ufeff"
    "\x00\x01\x7f\u0085\u2028\u2029\u00a0\u3000\t\r\v\f “”‘’«»–—-\"'<>&;#*_`[]()!|\\"
) + ["😀", "👩‍👩‍👧", "👍🏽", "🇧🇾", "e\u0301", "ﬁ", "İ", "ß"]
_CHAR = st.one_of(
    st.characters(exclude_categories=("Cs",)),
    st.sampled_from(SPECIAL),
    st.sampled_from(list("abc xyz ABC 0123 .,")),
)


def _text(max_size: int) -> st.SearchStrategy[str]:
    """Text of up to ``max_size`` pieces (a piece may be a grapheme of several characters)."""
    return st.lists(_CHAR, max_size=max_size).map("".join)


_LINE = _text(40).map(lambda s: s.replace("\n", " "))
_BREAK = st.sampled_from(["\n", "\n\n", "\n\n\n", "  \n", "\n \n", "\t\n\n"])
KINDS = ["context", "fact-check", "correction", "framing", "opinion", "terminology", "debris"]
_FIELDS = (
    "id",
    "kind",
    "quote",
    "body",
    "references",
    "verdict",
    "correction",
    "event",
    "date",
    "reviewed",
)

_SCALAR = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False), _text(20))
JUNK = st.recursive(
    _SCALAR,
    lambda inner: st.one_of(
        st.lists(inner, max_size=3), st.dictionaries(_text(8), inner, max_size=3)
    ),
    max_leaves=6,
)


# What YAML lets stand unescaped in a double-quoted scalar (PyYAML's printable set, less
# the line breaks it would fold); JSON's escapes will not do: they write a character beyond
# U+FFFF as two surrogates, which YAML reads as two lone surrogates.
_PRINTABLE = re.compile(
    "[\x20-\x7e\xa0-\u2027\u202a-\ud7ff\ue000-\ufefe\uff00-\ufffd\U00010000-\U0010ffff]"
)


def yaml_quoted(value: object) -> str:
    """``value`` as YAML: text double-quoted with every character it could not hold escaped;
    other values as JSON, which YAML reads alike."""
    if isinstance(value, dict):
        return (
            "{"
            + ", ".join(f"{yaml_quoted(str(k))}: {yaml_quoted(v)}" for k, v in value.items())
            + "}"
        )
    if isinstance(value, list):
        return "[" + ", ".join(yaml_quoted(v) for v in value) + "]"
    if not isinstance(value, str):
        return json.dumps(value)
    out = []
    for c in value:
        if c in '"\\':
            out.append("\\" + c)
        elif _PRINTABLE.match(c):
            out.append(c)
        elif ord(c) > 0xFFFF:
            out.append(f"\\U{ord(c):08x}")
        else:
            out.append(f"\\u{ord(c):04x}")
    return '"' + "".join(out) + '"'


@st.composite
def seeds(draw: st.DrawFn) -> str:
    lines = draw(st.lists(_LINE, min_size=1, max_size=8))
    out = lines[0]
    for line in lines[1:]:
        out += draw(_BREAK) + line
    return out + draw(st.sampled_from(["", "\n", "  \n", "\n\n"]))


@dataclass
class Example:
    """One random corpus: the seed, and the notes as the YAML file has them."""

    seed: str
    notes: list[dict[str, Any]] = field(default_factory=list)
    raw: str | None = None  # the source file's text itself, when it is random text

    def source_yaml(self) -> tuple[str, list[tuple[int, int]]]:
        """The source file, and the lines each note spans (first, after last)."""
        if self.raw is not None:
            return self.raw, []
        lines = [
            "seed: fz.txt",
            "metadata:",
            *[f'  {n}: {{value: "x", basis: "x"}}' for n in ("title", "author", "outlet")],
            '  published: {value: "2022", basis: "x"}',
            '  kind: {value: news, basis: "x"}',
            '  language: {value: en, basis: "x"}',
            '  url: {value: "https://example.org/", basis: "x"}',
            "rating:",
            "  grade: C",
            "  criteria:",
            *[
                f'    {c}: {{met: partly, evidence: "x"}}'
                for c in (
                    "named-author",
                    "cites-sources",
                    "separates-opinion",
                    "dated-corrected",
                    "clean-text",
                )
            ],
            '  rationale: "x"',
            '  reviewed: "2026-11-22"',
            "annotations:",
        ]
        spans = []
        for note in self.notes:
            start = len(lines) + 1
            items = [f"{k}: {yaml_quoted(v)}" for k, v in note.items()]
            lines.append(f"  - {items[0]}" if items else "  - {}")
            lines += [f"    {item}" for item in items[1:]]
            spans.append((start, len(lines) + 1))
        return "\n".join(lines) + "\n", spans


@st.composite
def examples(draw: st.DrawFn) -> Example:
    seed = draw(seeds())
    if draw(st.integers(0, 19)) == 0:  # now and then, the file is random text
        return Example(seed, raw=draw(_text(200)))
    notes = []
    cut = 0
    for n in range(draw(st.integers(0, 6))):
        if draw(st.booleans()) or not seed:
            start = draw(st.integers(0, len(seed)))
            end = draw(st.integers(start, min(len(seed), start + 60)))
        else:  # touching the last passage: adjacent or overlapping
            start = max(0, min(len(seed), cut - draw(st.integers(0, 3))))
            end = min(len(seed), start + draw(st.integers(1, 30)))
        cut = end
        quote: dict[str, Any] = {"exact": seed[start:end]}
        if draw(st.booleans()):
            quote["prefix"] = seed[max(0, start - draw(st.integers(1, 12))) : start]
        if draw(st.booleans()):
            quote["suffix"] = seed[end : end + draw(st.integers(1, 12))]
        kind = draw(st.sampled_from(KINDS))
        note: dict[str, Any] = {"id": f"n{n}", "kind": kind, "quote": quote, "body": draw(_LINE)}
        if kind == "fact-check":
            note["verdict"] = "accurate"
            note["references"] = [{"title": "T", "url": "https://example.org/t"}]
            note["reviewed"] = "2026-11-22"
        if kind == "correction":
            note["correction"] = draw(_LINE) or "x"
        if draw(st.integers(0, 4)) == 0:  # now and then a field holds any YAML value
            note[draw(st.sampled_from(_FIELDS))] = draw(JUNK)
        notes.append(note)
    return Example(seed, notes)


_PROBLEM = re.compile(r"^[^:\n]+:\d+:\d+: (?:error|warning): \[[a-z]+(?:\.[a-z-]+)+\] \S")


@dataclass
class Outcome:
    problems: list[Problem] = field(default_factory=list)
    html: str | None = None
    anchored: list[str] = field(default_factory=list)


def run(example: Example, folder: Path) -> Outcome:
    """Load and render one example in ``folder`` (emptied first). Raises what the library
    raises: a traceback is a finding."""
    for sub in ("seeds", "annotations/sources"):
        (folder / sub).mkdir(parents=True, exist_ok=True)
        for old in (folder / sub).iterdir():
            old.unlink()
    (folder / "seeds" / "fz.txt").write_bytes(example.seed.encode("utf-8"))
    text, _ = example.source_yaml()
    (folder / "annotations" / "sources" / "fz.yml").write_text(text, encoding="utf-8")
    options = Options()
    corpus, problems = load_corpus(Paths(folder), options, default_features(), _templates())
    out = Outcome(problems.sorted())
    source = corpus.source("fz")
    if source is not None:
        out.anchored = [a.id for a in source.annotations]
        page = SiteBuilder(corpus, SiteUrls()).render("sources/fz.md", "sources/fz/")
        out.html = page.html if page else None
    return out


_ENV = None


def _templates() -> Any:
    global _ENV
    if _ENV is None:
        _ENV = environment()
    return _ENV


def violations(example: Example, folder: Path) -> list[str]:
    """What is wrong with how the library handled ``example`` (empty when nothing is)."""
    try:
        out = run(example, folder)
    except Exception:  # noqa: BLE001 - a traceback is what this looks for
        # Paths relative to the project, so a written report names no folder of this machine.
        return ["traceback:\n" + traceback.format_exc(limit=-6).replace(f"{ROOT}/", "")]
    found = [
        f"not path:line:col: [{p.code}] {p}" for p in out.problems if not _PROBLEM.match(str(p))
    ]
    text, spans = example.source_yaml()
    lines = {p.location.line for p in out.problems if p.location.path.endswith("fz.yml")}
    for note, (first, after) in zip(example.notes, spans, strict=True):
        ident = str(note.get("id"))  # as the loader reads a number given as an id
        if ident not in out.anchored and not any(first <= ln < after for ln in lines):
            found.append(
                f"note {ident!r} neither published nor reported (lines {first}–{after - 1})"
            )
    if out.html is None:
        if not any(p.severity.value == "error" for p in out.problems):
            found.append("no page and no error")
        return found
    html = out.html
    found += [f"not well-formed: {e}" for e in wellformed(html)]
    found += [f"duplicate id {i!r}" for i in duplicate_ids(html)]
    for ident in out.anchored:
        for what, anchor in (
            ("passages", ident),
            ("markers", f"ref-{ident}"),
            ("list entries", f"note-{ident}"),
        ):
            n = html.count(f'id="{anchor}"')
            if n != 1:
                found.append(f"{n} {what} for note {ident!r} (id {anchor!r})")
    body = html[html.index('<div class="ar-text"') :]
    shown = _comparable(text_of(body, {"ar-notes", "ar-ref"}))
    # A leading U+FEFF is the file's byte order mark, not text: the page never shows it.
    seed = _comparable(example.seed.removeprefix("\ufeff"))
    if shown != seed:
        found.append(f"text differs from the seed: {shown[:120]!r} vs {seed[:120]!r}")
    control = _CONTROL.search(example.seed)
    if control and not any(p.location.path == "seeds/fz.txt" for p in out.problems):
        found.append(f"control character U+{ord(control.group()):04X} in the seed not reported")
    left_open = unclosed(example.seed)
    if left_open and not any(p.code == "seed.direction-control" for p in out.problems):
        found.append(f"direction control left open at {left_open[0]} in the seed not reported")
    return found


# Control characters no published text holds (C0 but tab, line feed, form feed and carriage
# return; DEL; C1): a page may leave them out, show them as space or as a stand-in (␀…␡,
# U+FFFD), as long as the seed's problem is reported; the rest of the text must be the
# seed's, word for word (each such character compared as a space on both sides). So for a
# direction control left open on its line (shown as U+FFFD), which must be reported too.
_CONTROL = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]")
_STAND_INS = re.compile(
    "[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f\u2400-\u2421\ufffd\u202a-\u202e\u2066-\u2069]"
)


def _comparable(text: str) -> str:
    return " ".join(_STAND_INS.sub(" ", text).split())


def scratch() -> Path:
    return Path(tempfile.mkdtemp(prefix="fuzz-"))


__all__ = ["Example", "Problems", "examples", "scratch", "violations"]
