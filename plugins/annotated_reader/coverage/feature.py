"""Editorial coverage: which checkable sentences of each source carry a note.

A sentence is checkable when it holds a date, a number or a quotation. It counts as covered
when a note's passage overlaps it, or when the source file's ``no_note`` list says why it
needs none (``{quote: {exact: …}, reason: …}``), so every gap is either filled or explained.

Where the project has a timeline, a sentence that holds a date (a year 1900–2099, a month's
name, a day written in figures) is *dated*, and must also be tied to its event: a note with
``event:`` overlapping it, so the timeline shows every source that tells the event. A dated
sentence that tells no historical event (a byline, a forecast) says so in ``no_event``,
with the same shape as ``no_note``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ..core.corpus import Feature, Options
from ..core.fields import Fields
from ..core.problems import Problems
from ..core.sourcefile import read_quote
from ..core.text.anchor import Outcome, line_col, match_quote

if TYPE_CHECKING:
    from ..core.corpus import Corpus

_SENTENCE_END = re.compile(r"(?<=[.!?])[\"”’)]?\s+(?=[\"“‘(•A-ZА-Я0-9])")
_CHECKABLE = re.compile(
    r"\d|[“”\"«»]|\b(?:January|February|March|April|May|June|July|August|September|October|"
    r"November|December|Jan\.|Feb\.|Aug\.|Sept?\.|Oct\.|Nov\.|Dec\.)\b"
)

_DATED = re.compile(
    r"\b(?:19|20)\d\d\b|\b\d{1,2}[./]\d{1,2}[./]\d{2,4}\b|\b(?:January|February|March|April|"
    r"May|June|July|August|September|October|November|December|Jan\.|Feb\.|Aug\.|Sept?\.|"
    r"Oct\.|Nov\.|Dec\.)(?!\w)"
)


def is_dated(text: str) -> bool:
    """Whether a sentence states a date: a year 1900–2099, a month's name or a full date."""
    return _DATED.search(text) is not None


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int
    text: str
    line: int
    col: int
    covered_by: tuple[str, ...] = ()
    reason: str | None = None
    dated: bool = False
    tied_by: tuple[str, ...] = ()  # notes with an event: that overlap it
    no_event: str | None = None  # why a dated sentence tells no event

    @property
    def covered(self) -> bool:
        return bool(self.covered_by) or self.reason is not None

    @property
    def untied(self) -> bool:
        """A dated sentence that no event tie covers and no ``no_event`` entry explains."""
        return self.dated and not self.tied_by and self.no_event is None


@dataclass
class SourceCoverage:
    source_id: str
    sentences: list[Sentence] = field(default_factory=list)

    @property
    def total(self) -> int:
        return len(self.sentences)

    @property
    def annotated(self) -> int:
        return sum(1 for s in self.sentences if s.covered_by)

    @property
    def explained(self) -> int:
        return sum(1 for s in self.sentences if not s.covered_by and s.reason)

    @property
    def ratio(self) -> float:
        return (self.annotated + self.explained) / self.total if self.total else 1.0

    @property
    def dated(self) -> int:
        return sum(1 for s in self.sentences if s.dated)

    @property
    def tied(self) -> int:
        return sum(1 for s in self.sentences if s.dated and s.tied_by)

    @property
    def events_ratio(self) -> float:
        """Dated sentences tied to their event or explained, of all dated sentences."""
        dated = self.dated
        return (dated - sum(1 for s in self.sentences if s.untied)) / dated if dated else 1.0


def sentences(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Sentence spans inside one block."""
    spans = []
    pos = start
    for m in _SENTENCE_END.finditer(text, start, end):
        spans.append((pos, m.start() + len(m.group(0).rstrip())))
        pos = m.end()
    spans.append((pos, end))
    return [(a, b) for a, b in spans if text[a:b].strip()]


def _exemptions(
    corpus: Corpus, source_id: str, problems: Problems, key: str = "no_note"
) -> list[tuple[int, int, str]]:
    """The passages a source file's ``no_note`` (or ``no_event``) list explains, and why."""
    source = corpus.source(source_id)
    if source is None or source.node is None or source.node.get(key) is None:
        return []
    out = []
    node = source.node.get(key)
    assert node is not None
    if not node.is_sequence:
        problems.error(
            node.location,
            "coverage.type",
            f"{key} must be a list of {{quote: {{exact: …}}, reason: …}} entries",
        )
        return []
    items = node.value
    needs = "no note" if key == "no_note" else "no event (it dates no historical event)"
    for item in items:
        fields = Fields(item, problems, f"a {key} entry", ("quote", "reason"), "coverage")
        quote = read_quote(fields.get("quote"), fields, problems)
        reason = fields.text("reason", hint=f"say why this sentence needs {needs}")
        if quote is None or reason is None:
            continue
        result = match_quote(source.text, quote)  # folds the text only if it must, once
        if result.outcome is not Outcome.FOUND or result.match is None:
            problems.error(
                item.location,
                "coverage.anchor",
                f"{key} quote “{quote.exact[:60]}” does not match exactly one place; "
                "copy it from the text, with a prefix or suffix if it occurs twice",
            )
            continue
        out.append((result.match.start, result.match.end, reason))
    return out


def _has_timeline(corpus: Corpus) -> bool:
    """Whether the project keeps a timeline (a feature whose ids events are). Not from the
    features' pages: a cut page is measured once every feature has loaded, not before."""
    return any("event" in f.known_ids() for f in corpus.features)


# A source's ``no_note`` and ``no_event`` passages: (start, end, why)
Explained = list[tuple[int, int, str]]


def measure(corpus: Corpus, problems: Problems) -> list[SourceCoverage]:
    """Per source, its checkable sentences and which of them a note or an explanation
    covers (a sentence none covers is reported); with a timeline, which dated ones a note
    ties to their event."""
    timeline = _has_timeline(corpus)
    return [
        measure_source(corpus, source.id, explained(corpus, source.id, problems), timeline)
        for source in corpus.sources
    ]


def explained(corpus: Corpus, source_id: str, problems: Problems) -> tuple[Explained, Explained]:
    """The passages a source file's ``no_note`` and ``no_event`` lists explain (what is
    wrong in them reported): read while its YAML is at hand, at load time."""
    return _exemptions(corpus, source_id, problems), _exemptions(
        corpus, source_id, problems, "no_event"
    )


def measure_source(
    corpus: Corpus, source_id: str, lists: tuple[Explained, Explained], timeline: bool
) -> SourceCoverage:
    """A source's checkable sentences and which of them a note or an explanation covers;
    with a timeline, which dated ones a note ties to their event."""
    cov = SourceCoverage(source_id)
    source = corpus.source(source_id)
    if source is None:
        return cov
    exempt, no_event = lists
    for block in corpus.blocks.get(source.id, []):
        for a, b in sentences(source.text, block.start, block.end):
            text = source.text[a:b]
            if not _CHECKABLE.search(text):
                continue
            notes = [n for n in source.annotations if n.start < b and a < n.end]
            line, col = line_col(source.text, a)
            cov.sentences.append(
                Sentence(
                    a,
                    b,
                    " ".join(text.split()),
                    line,
                    col,
                    tuple(n.id for n in notes),
                    next((r for s, e, r in exempt if s < b and a < e), None),
                    dated=timeline and is_dated(text),
                    tied_by=tuple(n.id for n in notes if n.event),
                    no_event=next((r for s, e, r in no_event if s < b and a < e), None),
                )
            )
    return cov


def format_report(report: list[SourceCoverage], corpus: Corpus, *, verbose: bool) -> str:
    """The coverage table in Markdown; ``verbose`` lists each uncovered sentence too."""
    lines = [
        "| source | checkable sentences | annotated | explained | coverage "
        "| dated | tied to an event | events |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for cov in report:
        lines.append(
            f"| {cov.source_id} | {cov.total} | {cov.annotated} | {cov.explained} | {cov.ratio:.0%} "
            f"| {cov.dated} | {cov.tied} | {cov.events_ratio:.0%} |"
        )
    for cov in report:
        source = corpus.source(cov.source_id)
        seed = f"seeds/{source.seed}" if source else cov.source_id
        gaps = [s for s in cov.sentences if not s.covered]
        explained = [s for s in cov.sentences if not s.covered_by and s.reason]
        if gaps:
            lines.append(f"\n{cov.source_id}: {len(gaps)} checkable sentence(s) without a note:")
            lines += [f"  {seed}:{s.line}:{s.col}: {s.text[:110]}" for s in gaps]
        untied = [s for s in cov.sentences if s.untied]
        if untied:
            lines.append(
                f"\n{cov.source_id}: {len(untied)} dated sentence(s) without an event "
                "(tie each to its event with a note's event: and date:, or explain it in no_event):"
            )
            lines += [f"  {seed}:{s.line}:{s.col}: {s.text[:110]}" for s in untied]
        if verbose and explained:
            lines.append(f"\n{cov.source_id}: sentences that need no note, and why:")
            lines += [f"  {seed}:{s.line}:{s.col}: {s.text[:90]} — {s.reason}" for s in explained]
    return "\n".join(lines)


class Coverage(Feature):
    """The ``no_note`` and ``no_event`` lists are read at load time, so that ``check`` and
    every build report a malformed entry; the sentences are measured only when the report
    is asked for (``annotated-reader coverage``): no page shows them, and measuring them
    was a twentieth of an edited build's loading."""

    name = "coverage"

    def __init__(self) -> None:
        self._corpus: Corpus | None = None
        self._lists: dict[str, tuple[Explained, Explained]] = {}
        self._timeline = False
        self._report: list[SourceCoverage] | None = None

    def source_keys(self) -> dict[str, frozenset[str] | None]:
        return {"no_note": None, "no_event": None}

    def load(self, corpus: Corpus, problems: Problems, options: Options) -> None:
        self._corpus, self._report = corpus, None
        self._timeline = _has_timeline(corpus)
        self._lists = {s.id: explained(corpus, s.id, problems) for s in corpus.sources}

    @property
    def report(self) -> list[SourceCoverage]:
        """Each source's coverage, measured on first use."""
        if self._report is None:
            corpus, lists = self._corpus, self._lists
            self._report = [
                measure_source(corpus, sid, lists[sid], self._timeline)
                for sid in lists
                if corpus is not None
            ]
        return self._report

    def made_of(self) -> object:
        return []  # no page, file or link of its own
