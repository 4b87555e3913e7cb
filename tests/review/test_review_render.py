"""The review report rendered from two revisions on disk (review/report.py, review/note.py),
no git: each test edits copies of the mini project, loads both as snapshots and reads the
Markdown an editor gets, section by section, as CONTRIBUTING.md's "Reading the review
report" describes it."""

from __future__ import annotations

from pathlib import Path

import pytest
from annotated_reader.core.corpus import Paths
from annotated_reader.review.report import render
from annotated_reader.review.snapshot import load_snapshot
from helpers.project import FIXTURES, copy_project

SRC = "annotations/sources/sample.yml"
EVENTS = """events:
  - id: community-1996
    title: Community of Belarus and Russia founded
    date: "1996-04-02"
    category: institution
    description: The two states formed a community.
    references:
      - {title: "Union State", url: "https://en.wikipedia.org/wiki/Union_State"}
"""
TREATY = """  - id: union-1999
    title: Union State treaty
    date: "1999-12-08"
    category: institution
    description: The treaty was signed.
    references:
      - {title: "Union State", url: "https://en.wikipedia.org/wiki/Union_State"}
"""
GLOSSARY = """terms:
  - id: minsk
    term: Minsk
    category: place
    definition: Capital of Belarus.
    aliases: [Minsk]
"""
OTHER = """seed: other.txt
metadata:
  title: {value: "Other *source*", basis: "Fixture."}
  author: {value: null, basis: "No byline."}
  outlet: {value: "Fixture Weekly", basis: "Fixture."}
  published: {value: "2022-10", basis: "Fixture."}
  kind: {value: news, basis: "Fixture."}
  language: {value: en, basis: "Fixture."}
  url: {value: "https://example.org/other", basis: "Fixture."}
annotations:
  - id: o-one
    kind: context
    quote: {exact: "Other text"}
    body: "One."
"""
DATED = '    reviewed: "2026-11-22"\n  - id: s-overlap'
RATING_MISSING = (
    "error [rating.missing] source '{}' has no rating; add a 'rating\\:' block with grade "
    "(A–F), criteria (named-author, cites-sources, separates-opinion, dated-corrected, "
    "clean-text), rationale and reviewed — see annotations/README.md"
)


@pytest.fixture
def pair(tmp_path: Path) -> tuple[Path, Path]:
    """Two copies of the mini project: the base and the head."""
    return (
        copy_project(FIXTURES / "mini", tmp_path / "base"),
        copy_project(FIXTURES / "mini", tmp_path / "head"),
    )


def edit(project: Path, rel: str, old: str, new: str) -> None:
    path = project / rel
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {rel}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def write(project: Path, rel: str, text: str) -> None:
    (project / rel).write_text(text, encoding="utf-8")


def report(pair: tuple[Path, Path]) -> str:
    base, head = pair
    return render(load_snapshot(Paths(base), "main"), load_snapshot(Paths(head), "my-change"))


def section(out: str, start: str, end: str | None = None) -> str:
    """The report from the line ``start`` up to (not including) the line ``end``."""
    text = out[out.index(f"\n{start}\n") + 1 :]
    return text[: text.index(f"\n{end}\n") + 1] if end is not None else text


def test_an_unchanged_revision_has_an_empty_summary(pair: tuple[Path, Path]) -> None:
    assert report(pair) == (
        "<!-- annotated-reader review -->\n"
        "## Annotation review: `main` → `my-change`\n"
        "\n"
        "**✓ `annotated-reader check` passes on the head** (0 warning(s)).\n"
        "\n"
        "### Summary\n"
        "\n"
        "| source | added | changed | removed | re-anchored | orphaned |\n"
        "| --- | ---: | ---: | ---: | ---: | ---: |\n"
        "| sample | 0 | 0 | 0 | 0 | 0 |\n"
        "| **total** | **0** | **0** | **0** | **0** | **0** |\n"
        "\n"
        "No glossary, event or rating changes.\n"
    )


def edit_notes(base: Path, head: Path) -> None:
    """The head: a paragraph before the text, one verdict changed, a met criterion changed,
    a correction added that dates an event, a note added that does not load, and the
    debris note removed."""
    for project in (base, head):
        write(project, "annotations/events.yml", EVENTS)
    edit(head, "seeds/sample.txt", "Union Headline\n", "Union Headline\n\nA new first paragraph.\n")
    edit(head, SRC, "verdict: accurate", "verdict: mostly-accurate")
    edit(head, SRC, "clean-text: {met: no", "clean-text: {met: yes")
    added = """  - id: s-new
    kind: correction
    quote: {exact: "Second item about Moscow."}
    correction: "Second *item*."
    body: "Line one.\\n\\nLine two."
    references:
      - {title: "Ref", url: "https://r.example/"}
    event: community-1996
    date: "1996"
  - id: s-bad
    kind: rumour
    verdict: maybe
    quote: {exact: "It was founded"}
    body: "x"
"""
    text = (head / SRC).read_text(encoding="utf-8")
    write(head, SRC, text[: text.index("  - id: s-debris")] + added)


UNKNOWN_KIND = (
    "`annotations/sources/sample.yml:53:11` error [annotation.unknown-kind] unknown kind "
    "'rumour' in annotation 's-bad'; use one of\\: context, fact-check, correction, framing, "
    "opinion, terminology, debris"
)
UNKNOWN_VERDICT = (
    "`annotations/sources/sample.yml:54:14` error [annotation.unknown-verdict] unknown "
    "verdict 'maybe' in annotation 's-bad'; use one of\\: accurate, mostly-accurate, "
    "misleading, inaccurate, unverifiable, opinion"
)


def test_the_verdict_counts_the_heads_errors(pair: tuple[Path, Path]) -> None:
    edit_notes(*pair)
    out = report(pair)
    assert out.split("\n")[2:4] == [
        "",
        "**✗ `annotated-reader check` fails on the head: 2 error(s), 0 warning(s).** "
        "The report shows what could be loaded.",
    ]


def test_the_summary_counts_each_kind_of_change(pair: tuple[Path, Path]) -> None:
    edit_notes(*pair)
    assert section(
        report(pair), "### Summary", "### Verdicts and grades changed (1 verdict(s), 0 grade(s))"
    ) == (
        "### Summary\n"
        "\n"
        "| source | added | changed | removed | re-anchored | orphaned |\n"
        "| --- | ---: | ---: | ---: | ---: | ---: |\n"
        "| sample | 2 | 1 | 1 | 3 | 1 |\n"
        "| **total** | **2** | **1** | **1** | **3** | **1** |\n"
        "\n"
        "Also: rating changed for sample; source text changed for sample.\n"
        "\n"
    )


def test_problems_new_in_the_head_are_marked(pair: tuple[Path, Path]) -> None:
    edit_notes(*pair)
    assert section(report(pair), "### Problems in the head", "### sample: A sample source") == (
        "### Problems in the head\n"
        "\n"
        f"- {UNKNOWN_KIND} — **new**\n"
        f"- {UNKNOWN_VERDICT} — **new**\n"
        "\n"
        "\n"
    )


def test_each_note_with_its_passage_and_what_it_says_or_what_changed(
    pair: tuple[Path, Path],
) -> None:
    edit_notes(*pair)
    out = report(pair)
    assert section(
        out,
        "### sample: A sample source",
        "#### Re-anchored (the text moved under an unchanged quote)",
    ) == (
        "### sample: A sample source\n"
        "\n"
        "The source text `seeds/sample.txt` changed: +2 −0 line(s).\n"
        "\n"
        "**Rating**\n"
        "\n"
        "- `rating.criteria.clean-text.met`: `no` → `yes`\n"  # YAML 1.1's booleans as written
        "\n"
        "#### Added\n"
        "\n"
        "##### `s-new` — Correction\n"
        "\n"
        "`annotations/sources/sample.yml:43:5`\n"
        "\n"
        "> • <b>Second item about Moscow.</b>\n"
        "\n"
        "Passage at `seeds/sample.txt:8:3`.\n"
        "\n"
        "**Should read:** Second \\*item\\*.\n"
        "\n"
        "```markdown\n"
        "Line one.\n"
        "\n"
        "Line two.\n"
        "```\n"
        "\n"
        "- Ref (`https://r.example/`)\n"
        "\n"
        "Dates event `community-1996` as `1996` — agrees with its reference date.\n"
        "\n"
        "##### `s-bad` — rumour · verdict: **maybe**\n"
        "\n"
        "`annotations/sources/sample.yml:52:5`\n"
        "\n"
        "> <b>It was founded</b>\n"
        "\n"
        f"⚠ **Not on the text in the head:** did not load — {UNKNOWN_KIND} — "
        f"{UNKNOWN_VERDICT}\n"
        "\n"
        "```markdown\n"
        "x\n"
        "```\n"
        "\n"
        "#### Changed\n"
        "\n"
        "##### `s-inner` — Fact-check · verdict: **Mostly accurate**\n"
        "\n"
        "`annotations/sources/sample.yml:26:5`\n"
        "\n"
        "> The “Union State” was <b>founded in 1996</b> by Belarus and Russia.\n"
        "\n"
        "Passage at `seeds/sample.txt:5:23`.\n"
        "\n"
        "- `verdict`: `accurate` → `mostly-accurate`\n"
        "\n"
        "Moved in the text: 3:23 → 5:23.\n"
        "\n"
        "#### Removed\n"
        "\n"
        "##### `s-debris` — Scraping debris\n"
        "\n"
        "`annotations/sources/sample.yml:43:5`\n"
        "\n"
        "> <b>Leave a Reply</b>\n"
        "\n"
        "Passage at `seeds/sample.txt:10:1`.\n"
        "\n"
        "```markdown\n"
        "Comment-form heading captured by the scraper.\n"
        "```\n"
        "\n"
    )


def test_re_anchored_and_orphaned_notes_say_where_and_why(pair: tuple[Path, Path]) -> None:
    edit_notes(*pair)
    out = report(pair)
    assert section(out, "#### Re-anchored (the text moved under an unchanged quote)") == (
        "#### Re-anchored (the text moved under an unchanged quote)\n"
        "\n"
        "- `s-cross`: `seeds/sample.txt` 3:88 → 5:88\n"
        "- `s-outer`: `seeds/sample.txt` 3:1 → 5:1\n"
        "- `s-overlap`: `seeds/sample.txt` 3:42 → 5:42\n"
        "\n"
        "#### Orphaned (declared, but not on the text in the head)\n"
        "\n"
        "- `s-bad` (added; not anchored in the base either): did not load — "
        f"{UNKNOWN_KIND} — {UNKNOWN_VERDICT}\n"
    )


def test_notes_in_reading_order_unanchored_last_and_where_each_was(
    pair: tuple[Path, Path],
) -> None:
    base, head = pair
    edit(base, "seeds/sample.txt", "Leave a Reply", "Leave a reply")
    edit(head, "seeds/sample.txt", "• First item", "• Initial item")
    added = """  - id: s-b
    kind: context
    quote: "No such words"
    body: "b"
  - id: s-a
    kind: context
    body: "a"
  - id: s-z
    kind: context
    quote: "Union Headline"
    body: "z"
"""
    edit(head, SRC, "  - id: s-debris\n", added + "  - id: s-debris\n")
    out = report(pair)
    lines = out.splitlines()
    assert [ln for ln in lines if ln.startswith("##### ")] == [
        "##### `s-z` — Context",
        "##### `s-a` — Context",
        "##### `s-b` — Context",
    ]
    # a note without a quote shows none; a plain-string quote is shown as written
    assert section(out, "##### `s-a` — Context", "```markdown").startswith(
        "##### `s-a` — Context\n\n`annotations/sources/sample.yml:47:5`\n\n⚠ **Not on the text"
    )
    assert section(out, "##### `s-b` — Context", "```markdown").startswith(
        "##### `s-b` — Context\n\n`annotations/sources/sample.yml:43:5`\n\n"
        "> <b>No such words</b>\n\n⚠ **Not on the text in the head:** matches no passage exactly — "
        "`annotations/sources/sample.yml:43:5` error [anchor.missing] annotation 's-b'"
    )
    assert section(out, "#### Re-anchored (the text moved under an unchanged quote)").startswith(
        "#### Re-anchored (the text moved under an unchanged quote)\n"
        "\n"
        "- `s-debris`: `seeds/sample.txt` did not anchor → 10:1\n"
        "\n"
        "#### Orphaned (declared, but not on the text in the head)\n"
        "\n"
    )
    orphans = [
        ln
        for ln in section(
            out, "#### Orphaned (declared, but not on the text in the head)"
        ).splitlines()
        if ln.startswith("- ")
    ]
    assert [ln[: ln.index(" error ")] for ln in orphans] == [
        "- `s-a` (added; not anchored in the base either): did not load — "
        "`annotations/sources/sample.yml:47:5`",
        "- `s-b` (added; not anchored in the base either): matches no passage exactly — "
        "`annotations/sources/sample.yml:43:5`",
        "- `s-cross` (orphaned; anchored at 3:88 in the base): matches no passage exactly — "
        "`annotations/sources/sample.yml:38:5`",
    ]


def test_a_long_text_changed_is_shown_as_a_diff(pair: tuple[Path, Path]) -> None:
    _, head = pair
    edit(head, SRC, "[[source:sample]].", "[[source:sample]], and words enough for eighty.")
    assert section(report(pair), "- `body`:") == (
        "- `body`:\n"
        "\n"
        "```diff\n"
        "-Outer note with a link to [[s-inner]] and [[source:sample]].\n"
        "+Outer note with a link to [[s-inner]] and [[source:sample]], and words enough for "
        "eighty.\n"
        "```\n"  # the report's end
    )


def test_warnings_the_base_had_are_folded_away(pair: tuple[Path, Path]) -> None:
    base, head = pair
    for project in pair:
        edit(project, SRC, "  grade: C\n", "  grade: A\n")  # a warning: rating.inconsistent
    edit(base, SRC, "    kind: framing\n", "    kind: framingg\n")  # an error fixed in the head
    out = report(pair)
    assert out.split("\n")[3] == (
        "**✓ `annotated-reader check` passes on the head** (1 warning(s)). "
        "The base had 1 error(s) of its own."
    )
    problems = section(out, "### Problems in the head", "### sample: A sample source")
    assert problems.startswith(
        "### Problems in the head\n"
        "\n"
        "<details><summary>1 warning(s) the base has too</summary>\n"
        "\n"
        "- `annotations/sources/sample.yml:11:10` warning [rating.inconsistent] grade A"
    )
    assert problems.endswith("(see ratings/methodology)\n\n</details>\n\n")
    assert problems.count("\n- ") == 1


def test_errors_the_base_had_too_are_counted_apart(pair: tuple[Path, Path]) -> None:
    for project in pair:
        edit(project, SRC, "    kind: framing\n", "    kind: framingg\n")
    edit(pair[1], SRC, '{exact: "Leave a Reply"}', '{exact: "Leave a Replyy"}')
    out = report(pair)
    assert out.split("\n")[3] == (
        "**✗ `annotated-reader check` fails on the head: 2 error(s) (1 new in this change), "
        "0 warning(s).** The report shows what could be loaded. "
        "The base had 1 error(s) of its own."
    )
    listed = section(out, "### Problems in the head", "### sample: A sample source")
    assert [
        ln[: ln.index(" [")] + ("; new" if ln.endswith(" — **new**") else "")
        for ln in listed.splitlines()
        if ln.startswith("- ")
    ] == [
        "- `annotations/sources/sample.yml:35:11` error",
        "- `annotations/sources/sample.yml:43:5` error; new",
    ]
    assert listed.splitlines()[2].endswith(
        "unknown kind 'framingg' in annotation 's-overlap' (did you mean 'framing'?); use one of\\: context, fact-check, "
        "correction, framing, opinion, terminology, debris"
    )
    assert "<details>" not in listed


def test_glossary_events_and_timeline_agreement(pair: tuple[Path, Path]) -> None:
    base, head = pair
    write(base, "annotations/events.yml", EVENTS)
    write(head, "annotations/events.yml", EVENTS.replace("a community.", "a *community*.") + TREATY)
    brest = GLOSSARY.split("\n", 1)[1].replace("minsk", "brest").replace("Minsk", "Brest")
    write(base, "annotations/glossary.yml", GLOSSARY + brest)
    moscow = "  - id: moscow\n    category: place\n    definition: Capital of Russia.\n"
    write(head, "annotations/glossary.yml", GLOSSARY.replace("Capital", "The capital") + moscow)
    edit(
        base,
        SRC,
        DATED,
        '    reviewed: "2026-11-22"\n    event: community-1996\n'
        '    date: "1996"\n  - id: s-overlap',
    )
    edit(
        head,
        SRC,
        DATED,
        '    reviewed: "2026-11-22"\n    event: community-1996\n'
        '    date: "1997"\n  - id: s-overlap',
    )
    added = """  - id: s-new
    kind: context
    quote: {exact: "Second item about Moscow."}
    body: "n"
    event: union-1999
    date: "1998"
  - id: s-same
    kind: context
    quote: {exact: "First item about Minsk."}
    body: "n"
    event: community-1996
    date: "1996-04"
"""
    edit(head, SRC, "  - id: s-debris\n", added + "  - id: s-debris\n")
    out = report(pair)
    assert (
        "\nAlso: glossary terms: 1 added, 1 changed, 1 removed; timeline events: 1 added, "
        "1 changed; 2 event(s) whose agreement flag changed.\n"
    ) in out
    assert [ln for ln in out.splitlines() if ln.startswith("Dates event")] == [
        "Dates event `community-1996` as `1996-04` — agrees with its reference date.",
        "Dates event `union-1999` as `1998` — differs from its reference date.",
    ]
    assert section(out, "### Glossary") == (
        "### Glossary\n"
        "\n"
        "#### term `brest` removed: Brest\n"
        "\n"
        "`annotations/glossary.yml:7:5`\n"
        "\n"
        "- `term`: `Brest`\n"
        "- `category`: `place`\n"
        "- `definition`: `Capital of Belarus.`\n"
        "- `aliases`: [`Brest`]\n"
        "\n"
        "#### term `minsk` changed: Minsk\n"
        "\n"
        "`annotations/glossary.yml:2:5`\n"
        "\n"
        "- `definition`: `Capital of Belarus.` → `The capital of Belarus.`\n"
        "\n"
        "#### term `moscow` added: moscow\n"  # no display name: its id
        "\n"
        "`annotations/glossary.yml:7:5`\n"
        "\n"
        "- `category`: `place`\n"
        "- `definition`: `Capital of Russia.`\n"
        "\n"
        "### Events\n"
        "\n"
        "#### event `community-1996` changed: Community of Belarus and Russia founded\n"
        "\n"
        "`annotations/events.yml:2:5`\n"
        "\n"
        "- `description`: `The two states formed a community.` → "
        "`The two states formed a *community*.`\n"
        "\n"
        "#### event `union-1999` added: Union State treaty\n"
        "\n"
        "`annotations/events.yml:9:5`\n"
        "\n"
        "- `title`: `Union State treaty`\n"
        "- `date`: `1999-12-08`\n"
        "- `category`: `institution`\n"
        "- `description`: `The treaty was signed.`\n"
        "- `references`: [Union State (`https://en.wikipedia.org/wiki/Union_State`)]\n"
        "\n"
        "### Timeline agreement\n"
        "\n"
        "- event `community-1996` (Community of Belarus and Russia founded): "
        "**agree → disputed**\n"
        "  - `sample` note `s-inner` dates it `1997` — differs from the reference date\n"
        "  - `sample` note `s-same` dates it `1996-04`\n"
        "- event `union-1999` (Union State treaty): **absent → disputed**\n"
        "  - `sample` note `s-new` dates it `1998` — differs from the reference date\n"
    )


def test_a_removed_note_that_dated_an_event_says_so_without_judging(
    pair: tuple[Path, Path],
) -> None:
    base, head = pair
    for project in pair:
        write(project, "annotations/events.yml", EVENTS)
    edit(
        base,
        SRC,
        DATED,
        '    reviewed: "2026-11-22"\n    event: community-1996\n'
        '    date: "1997"\n  - id: s-overlap',
    )
    text = (head / SRC).read_text(encoding="utf-8")
    start = text.index("  - id: s-inner")
    write(head, SRC, text[:start] + text[text.index("  - id: s-overlap") :])
    out = report(pair)
    assert "\nDates event `community-1996` as `1997`.\n" in out
    assert (
        "### Timeline agreement\n\n- event `community-1996` (Community of Belarus and Russia "
        "founded): **disputed → agree**\n" in out
    )


def test_sources_added_removed_and_unreadable_in_the_base(pair: tuple[Path, Path]) -> None:
    base, head = pair
    write(head, "seeds/other.txt", "Other text here.\n")
    write(head, "annotations/sources/other.yml", OTHER)
    third = OTHER.replace("other", "third").replace("o-one", "t-one")
    write(base, "seeds/third.txt", "Other text here.\n")
    write(base, "annotations/sources/third.yml", third)
    for project in pair:
        write(project, "seeds/fourth.txt", "Other text here.\n")
    write(base, "annotations/sources/fourth.yml", "seed: [fourth.txt\n")
    fourth = OTHER.replace("other", "fourth").replace("o-one", "f-one")
    write(head, "annotations/sources/fourth.yml", fourth)
    out = report(pair)
    assert out.split("\n")[3] == (
        "**✗ `annotated-reader check` fails on the head: 2 error(s), 0 warning(s).** The report "
        "shows what could be loaded. The base had 2 error(s) of its own."
    )
    assert section(out, "### Summary", "### Problems in the head") == (
        "### Summary\n"
        "\n"
        "| source | added | changed | removed | re-anchored | orphaned |\n"
        "| --- | ---: | ---: | ---: | ---: | ---: |\n"
        "| fourth (unreadable in the base) | 0 | 0 | 0 | 0 | 0 |\n"
        "| other (added) | 1 | 0 | 0 | 0 | 0 |\n"
        "| sample | 0 | 0 | 0 | 0 | 0 |\n"
        "| third (removed) | 0 | 0 | 1 | 0 | 0 |\n"
        "| **total** | **1** | **0** | **1** | **0** | **0** |\n"
        "\n"
        "No glossary, event or rating changes.\n"
        "\n"
    )
    assert section(out, "### Problems in the head") == (
        "### Problems in the head\n"
        "\n"
        f"- `annotations/sources/fourth.yml:1:1` {RATING_MISSING.format('fourth')} — **new**\n"
        f"- `annotations/sources/other.yml:1:1` {RATING_MISSING.format('other')} — **new**\n"
        "\n"
        "\n"
        "**`annotations/sources/fourth.yml` cannot be read in the base**, so its entries are not "
        "compared: annotations/sources/fourth.yml\\:2\\:1\\: \\[yaml.syntax\\] YAML syntax "
        "error\\: expected ',' or '\\]', but got '\\<stream end\\>' (while parsing a flow "
        "sequence); it started at line 1; check indentation and quoting around this line\n"
        "\n"
        "### fourth: Other \\*source\\* — source unreadable in the base\n"
        "\n"
        "Its file cannot be read in the base (see above), so its 1 note(s) in the head are not "
        "compared with the base; none is counted as added.\n"
        "\n"
        "### other: Other \\*source\\* — source added\n"
        "\n"
        "#### Added\n"
        "\n"
        "##### `o-one` — Context\n"
        "\n"
        "`annotations/sources/other.yml:11:5`\n"
        "\n"
        "> <b>Other text</b> here.\n"
        "\n"
        "Passage at `seeds/other.txt:1:1`.\n"
        "\n"
        "```markdown\n"
        "One.\n"
        "```\n"
        "\n"
        "### third: Other \\*source\\* — source removed\n"
        "\n"
        "#### Removed\n"
        "\n"
        "##### `t-one` — Context\n"
        "\n"
        "`annotations/sources/third.yml:11:5`\n"
        "\n"
        "> <b>Other text</b> here.\n"
        "\n"
        "Passage at `seeds/third.txt:1:1`.\n"
        "\n"
        "```markdown\n"
        "One.\n"
        "```\n"
    )


def test_a_file_unreadable_in_the_head_is_named_with_why(pair: tuple[Path, Path]) -> None:
    edit(pair[1], SRC, "    kind: framing\n", "    kind: [framing\n")
    out = report(pair)
    assert "\n### sample: A sample source — source unreadable\n" in out
    assert (
        "\n**`annotations/sources/sample.yml` cannot be read in the head**, so its entries are "
        "not compared: annotations/sources/sample.yml\\:"
    ) in out
    assert "| sample (unreadable) | 0 | 0 | 0 | 0 | 5 |" in out


def test_notes_missing_what_the_loader_needs_are_shown_as_written(
    pair: tuple[Path, Path],
) -> None:
    """A note with no kind, a quote with no exact text, references that are no list: the
    report shows what is there and leaves out what is not, each note flagged as not loaded."""
    head = pair[1]
    added = """  - id: s-nokind
    quote: {exact: "Union Headline"}
    body: "k"
    references: []
  - id: s-noexact
    kind: context
    quote: {prefix: "Union "}
    body: "e"
    references: "The site, see above"
"""
    edit(head, SRC, "  - id: s-debris\n", added + "  - id: s-debris\n")
    out = report(pair)
    assert section(
        out,
        "##### `s-noexact` — Context",
        "#### Orphaned (declared, but not on the text in the head)",
    ) == (
        "##### `s-noexact` — Context\n"
        "\n"
        "`annotations/sources/sample.yml:47:5`\n"
        "\n"
        "⚠ **Not on the text in the head:** did not load — `annotations/sources/sample.yml:49:12`"
        " error [quote.missing-field] a quote has no 'exact'; copy the passage byte for byte "
        "from the source text — `annotations/sources/sample.yml:51:17` error [annotation.type] "
        "'references' in annotation 's-noexact' must be a list\n"
        "\n"
        "```markdown\n"
        "e\n"
        "```\n"
        "\n"
        "##### `s-nokind` — ?\n"
        "\n"
        "`annotations/sources/sample.yml:43:5`\n"
        "\n"
        "> <b>Union Headline</b>\n"
        "\n"
        "⚠ **Not on the text in the head:** did not load — `annotations/sources/sample.yml:43:5`"
        " error [annotation.missing-field] annotation 's-nokind' has no 'kind'; use one of\\: "
        "context, fact-check, correction, framing, opinion, terminology, debris\n"
        "\n"
        "```markdown\n"
        "k\n"
        "```\n"
        "\n"
    )


def test_a_long_field_added_and_a_criterion_met_as_a_list(pair: tuple[Path, Path]) -> None:
    head = pair[1]
    edit(head, SRC, "clean-text: {met: no", "clean-text: {met: [partly]")
    long = "A correction long enough to be shown as a diff rather than on one line, truly so."
    edit(head, SRC, '[[source:sample]]."\n', f'[[source:sample]]."\n    correction: "{long}"\n')
    out = report(pair)
    # only YAML's booleans read as yes / no; anything else is shown as written
    assert "\n- `rating.criteria.clean-text.met`: `no` → [`partly`]\n" in out
    assert f"\n- `correction`:\n\n```diff\n+{long}\n```\n" in out


def test_an_event_removed_while_disputed_is_listed_with_its_old_dates(
    pair: tuple[Path, Path],
) -> None:
    base, head = pair
    write(base, "annotations/events.yml", EVENTS)
    write(head, "annotations/events.yml", "events: []\n")
    edit(
        base,
        SRC,
        DATED,
        '    reviewed: "2026-11-22"\n    event: community-1996\n    date: "1997"\n  - id: s-overlap',
    )
    out = report(pair)
    assert section(out, "### Timeline agreement") == (
        "### Timeline agreement\n"
        "\n"
        "- event `community-1996` (Community of Belarus and Russia founded): "
        "**disputed → absent**\n"
        "  - `sample` note `s-inner` dates it `1997` — differs from the reference date\n"
    )


def test_a_head_the_loader_fails_on_is_said_to_be_unloaded(
    pair: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    from annotated_reader.review import snapshot

    base = load_snapshot(Paths(pair[0]), "main")

    def fail(*_args: object, **_kwargs: object) -> None:
        raise ValueError("no <good>")

    monkeypatch.setattr(snapshot, "load_corpus", fail)
    out = render(base, load_snapshot(Paths(pair[1]), "my-change"))
    assert section(out, "### Problems in the head", "### sample: A sample source") == (
        "### Problems in the head\n"
        "\n"
        "- `annotations` error [review.load-failed] the editorial data of this revision could "
        "not be loaded (ValueError\\: no \\<good\\>); the files that cannot be read are "
        "named below — **new**\n"
        "\n"
        "\n"
        "**The head's editorial data could not be loaded** (ValueError\\: no \\<good\\>), so "
        "no note is shown as anchored in it; entries are compared as written.\n"
        "\n"
    )
    assert "| sample | 0 | 0 | 0 | 0 | 5 |" in out
    assert (
        "- `s-inner` (orphaned; anchored at 3:23 in the base): its source 'sample' did not "
        "load (see the problems above)\n"
    ) in out


def test_metadata_changes_are_listed_before_the_rating(pair: tuple[Path, Path]) -> None:
    head = pair[1]
    edit(head, SRC, 'outlet: {value: "Fixture Weekly"', 'outlet: {value: "Fixture Daily"')
    edit(head, SRC, "  grade: C\n", "  grade: D\n")
    assert section(report(pair), "### sample: A sample source") == (
        "### sample: A sample source\n"
        "\n"
        "**Metadata**\n"
        "\n"
        "- `metadata.outlet.value`: `Fixture Weekly` → `Fixture Daily`\n"
        "\n"
        "**Rating**\n"
        "\n"
        "- `rating.grade`: `C` → `D`\n"
    )


def test_a_long_text_shortened_is_a_diff_after_the_short_changes(pair: tuple[Path, Path]) -> None:
    base, head = pair
    long = (
        "Outer note with a link to [[s-inner]] and [[source:sample]], and words enough for eighty."
    )
    edit(base, SRC, "Outer note with a link to [[s-inner]] and [[source:sample]].", long)
    edit(
        head,
        SRC,
        '    kind: context\n    quote: {exact: "The',
        '    kind: framing\n    quote: {exact: "The',
    )
    out = report(pair)
    assert section(out, "##### `s-outer` — Framing") == (
        "##### `s-outer` — Framing\n"
        "\n"
        "`annotations/sources/sample.yml:22:5`\n"
        "\n"
        "> <b>The “Union State” was founded in 1996 by Belarus and Russia.</b>\n"
        "\n"
        "Passage at `seeds/sample.txt:3:1`.\n"
        "\n"
        "- `kind`: `context` → `framing`\n"
        "- `body`:\n"
        "\n"
        "```diff\n"
        f"-{long}\n"
        "+Outer note with a link to [[s-inner]] and [[source:sample]].\n"
        "```\n"
    )


def test_entries_of_a_file_unreadable_on_one_side_are_not_compared(
    pair: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The glossary cannot be read in the head, the events file in the base: no term is
    said to be removed, no event added; and every reason is named, even when the head's
    loader fails too."""
    from annotated_reader.review import snapshot

    base, head = pair
    write(base, "annotations/glossary.yml", GLOSSARY)
    write(head, "annotations/glossary.yml", "terms: [\n")
    write(base, "annotations/events.yml", "events: [\n")
    write(head, "annotations/events.yml", EVENTS)
    old = load_snapshot(Paths(base), "main")
    out = render(old, load_snapshot(Paths(head), "my-change"))
    assert "### Glossary" not in out and "### Events" not in out
    assert "No glossary, event or rating changes." in out
    # and the other way round
    swapped = render(load_snapshot(Paths(head), "main"), load_snapshot(Paths(base), "my-change"))
    assert "### Glossary" not in swapped and "### Events" not in swapped
    assert "No glossary, event or rating changes." in swapped

    def fail(*_args: object, **_kwargs: object) -> None:
        raise ValueError("boom")

    monkeypatch.setattr(snapshot, "load_corpus", fail)
    out = render(old, load_snapshot(Paths(head), "my-change"))
    named = [
        ln.split(" cannot be read")[0]
        for ln in out.splitlines()
        if ln.startswith("**`") or ln.startswith("**The")
    ]
    assert named == [
        "**`annotations/events.yml`",
        "**The head's editorial data could not be loaded** (ValueError\\: boom), so no note is "
        "shown as anchored in it; entries are compared as written.",
        "**`annotations/glossary.yml`",
    ]
    assert "### Glossary" not in out and "### Events" not in out


def test_the_sources_whose_rating_or_text_changed_are_named(pair: tuple[Path, Path]) -> None:
    base, head = pair
    for project, grade, text in ((base, "C", "Other text here.\n"), (head, "D", "Other text.\n")):
        write(project, "seeds/other.txt", text)
        write(project, "annotations/sources/other.yml", OTHER + f"rating: {{grade: {grade}}}\n")
    edit(head, SRC, "  grade: C\n", "  grade: D\n")
    edit(head, "seeds/sample.txt", "Leave a Reply", "Leave a reply")
    assert (
        "\nAlso: rating changed for other, sample; source text changed for other, sample.\n"
        in report(pair)
    )
