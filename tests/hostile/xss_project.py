"""A project that carries every payload in every editor-controlled field, one payload per
field instance, and remembers the line where each one was written.

One source per payload (a source has one title); its notes, rating, glossary terms and
events carry the same payload in each of their fields. Free-text fields get the payload
after a unique token (``zq17zq``) so the page showing it can be searched for it; fields the
loader validates (ids, kinds, verdicts, dates, addresses, grades, quotes) get the bare
payload, each on a line of its own inside an element of its own, so that rejecting it
takes nothing else down and its problem is reported on that line.
"""

from __future__ import annotations

import json
import shutil
from dataclasses import dataclass, field
from pathlib import Path

from helpers.project import FIXTURES, ROOT

from .payloads import REFUSED

TEXT = "text"  # shown as text: must be accepted and appear as written
MARKDOWN = "markdown"  # rendered as Markdown: must be accepted; its token must appear
VALIDATED = "validated"  # checked by the loader: reported at its line, or else published

SOURCE_PAGE = "sources/{}/index.html"
RATINGS = "ratings/index.html"
GLOSSARY = "glossary/index.html"
TIMELINE = "timeline/index.html"


@dataclass(frozen=True)
class Slot:
    """One field instance holding one payload."""

    path: str  # file, relative to the project
    line: int
    field: str
    payload: str
    policy: str
    value: str  # what was written: the token and the payload, or the bare payload
    page: str  # the built page that shows it, relative to the site
    benign: str  # written instead once the loader has rejected the payload

    @property
    def token(self) -> str:
        return self.value.split(" ", 1)[0] if self.policy != VALIDATED else self.value


def q(value: str) -> str:
    """A YAML double-quoted scalar holding ``value`` exactly (JSON's escapes are YAML's)."""
    return json.dumps(value, ensure_ascii=True)


@dataclass
class _File:
    path: str
    lines: list[str] = field(default_factory=list)

    def add(self, *lines: str) -> None:
        self.lines.extend(lines)

    def text(self) -> str:
        return "\n".join(self.lines) + "\n"


@dataclass
class XssProject:
    payloads: list[str]
    # Numbers of the slots (their index in ``slots``) the loader rejected: written benign,
    # or, where the slot's element is optional, left out with its element.
    rejected: frozenset[int] = frozenset()
    slots: list[Slot] = field(default_factory=list)

    def _slot(
        self, f: _File, template: str, name: str, p: str, policy: str, page: str, benign: str = ""
    ) -> bool:
        """Add the line ``template`` with ``{}`` standing for the slot's value; False when the
        slot was rejected and has no benign value (its element is to be left out)."""
        value = p if policy == VALIDATED else f"zq{len(self.slots) + 1}zq {p}"
        rejected = len(self.slots) in self.rejected
        if rejected and policy != VALIDATED:  # free text, once what was refused is out
            benign = REFUSED.sub("", value)
        self.slots.append(Slot(f.path, len(f.lines) + 1, name, p, policy, value, page, benign))
        if rejected and not benign:
            return False
        f.add(template.format(q(benign if rejected else value)))
        return True

    def _element(
        self, f: _File, before: list[str], slot: tuple[str, ...], after: list[str]
    ) -> None:
        """An element with one validated slot (a note, a term, an alias): left out whole in
        the second build when the loader rejected its slot, as ``slot`` has no benign value."""
        start = len(f.lines)
        f.add(*before)
        template, name, p, page = slot
        if self._slot(f, template, name, p, VALIDATED, page):
            f.add(*after)
        else:
            del f.lines[start:]

    def write(self, dest: Path) -> Path:
        """Write the project into ``dest``: the real site's configuration, the mini docs."""
        self.slots = []
        dest.mkdir(parents=True)
        # Every source in the navigation of every page (the real site lists 50 at most), so
        # each title is written into every page's menu as well as its own page's.
        config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
        assert "\n  - annotated-reader\n" in config
        config = config.replace(
            "\n  - annotated-reader\n", "\n  - annotated-reader:\n      nav_sources_limit: 1000\n"
        )
        (dest / "mkdocs.yml").write_text(config, encoding="utf-8")
        shutil.copytree(FIXTURES / "mini" / "docs", dest / "docs")
        if (ROOT / "docs" / "overrides").is_dir():  # the real site's theme overrides
            shutil.copytree(ROOT / "docs" / "overrides", dest / "docs" / "overrides")
        (dest / "seeds").mkdir()
        (dest / "annotations" / "sources").mkdir(parents=True)
        glossary = _File("annotations/glossary.yml", ["terms:"])
        events = _File("annotations/events.yml", ["events:"])
        for i, payload in enumerate(self.payloads, 1):
            self._source(dest, i, payload)
            self._terms(i, payload, glossary)
            self._events(i, payload, events)
        for f in (glossary, events):
            (dest / f.path).write_text(f.text(), encoding="utf-8")
        return dest

    def _source(self, dest: Path, i: int, p: str) -> None:
        sid = f"x{i:03d}"
        page = SOURCE_PAGE.format(sid)
        # The seed is a field too: the loader may refuse what it holds (a control character),
        # anywhere in the file (line 0), and the second build then leaves the payload out.
        seed_path = f"seeds/{sid}.txt"
        refused = len(self.slots) in self.rejected
        self.slots.append(Slot(seed_path, 0, "seed text", p, VALIDATED, p, page, ""))
        shown = "" if refused else p
        seed = (
            f"Heading {i}\n\nBefore {shown} after.\n\nSecond paragraph {i}, dated in 1999.\n\n"
            + "".join(f"Slot {k} of {i}.\n\n" for k in range(1, 7))
        )
        (dest / "seeds" / f"{sid}.txt").write_text(seed, encoding="utf-8")
        f = _File(f"annotations/sources/{sid}.yml", [f"seed: {sid}.txt", "metadata:"])
        benign = {"published": "2023", "kind": "news", "url": "https://example.org/"}
        for name in ("title", "author", "outlet", "published", "kind", "language", "url"):
            f.add(f"  {name}:")
            policy = VALIDATED if name in benign else TEXT
            self._slot(
                f, "    value: {}", f"metadata {name}", p, policy, page, benign.get(name, "")
            )
            self._slot(f, "    basis: {}", f"basis of {name}", p, TEXT, page)
        self._rating(f, p)
        f.add("annotations:")
        # a: every free-text field of a note; its quote is the payload as the seed has it.
        self._slot(f, "  - quote: {{exact: {}}}", "quote", p, VALIDATED, page, "Before")
        f.add(f"    id: {sid}-a", "    kind: correction")
        self._slot(f, "    correction: {}", "correction", p, MARKDOWN, page)
        self._slot(f, "    body: {}", "note body", p, MARKDOWN, page)
        f.add("    references:")
        self._slot(
            f,
            '      - {{title: {}, url: "https://example.org/ok"}}',
            "reference title",
            p,
            TEXT,
            page,
        )
        self._element(f, [], ('      - {{title: "Ref", url: {}}}', "reference url", p, page), [])
        # b: a fact-check dating this source's event.
        f.add(
            f"  - id: {sid}-b",
            "    kind: fact-check",
            f'    quote: {{exact: "Second paragraph {i}"}}',
        )
        f.add("    verdict: accurate")
        self._slot(f, "    body: {}", "fact-check body", p, MARKDOWN, page)
        f.add('    references: [{title: "Ref", url: "https://example.org/ok"}]')
        f.add('    reviewed: "2026-11-22"', f"    event: e{i:03d}", '    date: "1999"')
        # c–h: one validated field each, alone in a note of its own.
        check = ['    references: [{title: "Ref", url: "https://example.org/ok"}]']
        notes: list[tuple[str, str, list[str]]] = [
            ("id", "  - id: {}", ["    kind: context"]),
            ("kind", "    kind: {}", []),
            (
                "verdict",
                "    verdict: {}",
                ["    kind: fact-check", '    reviewed: "2026-11-22"', *check],
            ),
            ("date", "    date: {}", ["    kind: context", f"    event: e{i:03d}"]),
            (
                "reviewed",
                "    reviewed: {}",
                ["    kind: fact-check", "    verdict: accurate", *check],
            ),
            ("event", "    event: {}", ["    kind: context", '    date: "1999"']),
        ]
        for k, (name, template, rest) in enumerate(notes, 1):
            ident = f"{sid}-{'cdefgh'[k - 1]}"
            before = [] if name == "id" else [f"  - id: {ident}"]
            after = [*rest, f'    quote: {{exact: "Slot {k} of {i}"}}', '    body: "Slot."']
            self._element(f, before, (template, f"note {name}", p, page), after)
        (dest / f.path).write_text(f.text(), encoding="utf-8")

    def _rating(self, f: _File, p: str) -> None:
        f.add("rating:")
        self._slot(f, "  grade: {}", "rating grade", p, VALIDATED, RATINGS, "C")
        f.add("  criteria:")
        answers = [
            ("named-author", "no"),
            ("cites-sources", "partly"),
            ("separates-opinion", "yes"),
            ("dated-corrected", "partly"),
            ("clean-text", "no"),
        ]
        for k, (criterion, met) in enumerate(answers):
            f.add(f"    {criterion}:")
            if k == 0:
                self._slot(f, "      met: {}", "criterion met", p, VALIDATED, RATINGS, met)
            else:
                f.add(f"      met: {met}")
            self._slot(f, "      evidence: {}", "criterion evidence", p, TEXT, RATINGS)
        self._slot(f, "  rationale: {}", "rating rationale", p, MARKDOWN, RATINGS)
        f.add('  reviewed: "2026-11-22"')

    def _terms(self, i: int, p: str, g: _File) -> None:
        g.add(f"  - id: g{i:03d}")
        self._slot(g, "    term: {}", "term name", p, TEXT, GLOSSARY)
        g.add("    category: concept")
        self._slot(g, "    definition: {}", "term definition", p, MARKDOWN, GLOSSARY)
        g.add("    aliases:", f"      - Heading {i}")  # so the term occurs, whatever its alias
        self._element(g, [], ("      - {}", "term alias", p, GLOSSARY), [])
        g.add("    references:")
        self._slot(
            g,
            '      - {{title: {}, url: "https://example.org/ok"}}',
            "term reference title",
            p,
            TEXT,
            GLOSSARY,
        )
        self._element(
            g, [], ('      - {{title: "Ref", url: {}}}', "term reference url", p, GLOSSARY), []
        )
        # The validated fields of a term, each alone in a term of its own.
        self._element(
            g,
            [],
            ("  - id: {}", "term id", p, GLOSSARY),
            [
                f"    term: Term id {i}",
                "    category: concept",
                '    definition: "Id slot."',
                f"    aliases: [Slot 1 of {i}]",
            ],
        )
        self._element(
            g,
            [f"  - id: g{i:03d}-cat", f"    term: Term category {i}"],
            ("    category: {}", "term category", p, GLOSSARY),
            ['    definition: "Category slot."', f"    aliases: [Slot 2 of {i}]"],
        )
        self._element(
            g,
            [
                f"  - id: g{i:03d}-rel",
                f"    term: Term related {i}",
                "    category: concept",
                '    definition: "Related slot."',
                f"    aliases: [Slot 3 of {i}]",
                "    related:",
            ],
            ("      - {}", "term related", p, GLOSSARY),
            [],
        )

    def _events(self, i: int, p: str, e: _File) -> None:
        e.add(f"  - id: e{i:03d}")
        self._slot(e, "    title: {}", "event title", p, TEXT, TIMELINE)
        e.add('    date: "1999"', "    category: treaty")
        self._slot(e, "    description: {}", "event description", p, MARKDOWN, TIMELINE)
        e.add("    references:")
        self._slot(
            e,
            '      - {{title: {}, url: "https://example.org/ok"}}',
            "event reference title",
            p,
            TEXT,
            TIMELINE,
        )
        self._element(
            e, [], ('      - {{title: "Ref", url: {}}}', "event reference url", p, TIMELINE), []
        )
