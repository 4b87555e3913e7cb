"""``annotated-reader review`` on real git history: a temporary repository of the mini project,
changed and committed, and the Markdown report it gives, checked as text."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from helpers.gitrepo import commit, edit, git, init, report, review
from helpers.project import BIN, FIXTURES, copy_project, run

SRC = "annotations/sources/sample.yml"
SEED = "seeds/sample.txt"
EVENTS = """events:
  - id: community-1996
    title: Community of Belarus and Russia founded
    date: "1996-04-02"
    category: institution
    description: The two states formed a community, the Union State's forerunner.
    references:
      - {title: "Union State", url: "https://en.wikipedia.org/wiki/Union_State"}
"""
NEW_NOTE = """  - id: s-minsk
    kind: context
    quote: {exact: "First item about Minsk."}
    body: "Minsk is the capital of Belarus."
"""


def row(text: str, source: str) -> list[str]:
    line = next(ln for ln in text.splitlines() if ln.startswith(f"| {source}"))
    return [c.strip() for c in line.strip("|").split("|")][1:]


def test_added_changed_removed_notes_with_passage_and_fields(repo: Path) -> None:
    edit(repo, SRC, "verdict: accurate", "verdict: mostly-accurate")
    edit(repo, SRC, "  - id: s-debris\n", NEW_NOTE + "  - id: s-debris\n")
    text = (repo / SRC).read_text(encoding="utf-8")
    (repo / SRC).write_text(text[: text.index("  - id: s-debris")], encoding="utf-8")
    commit(repo, "edit notes")
    out = report(repo, "--base", "base", "--head", "HEAD")
    assert out.startswith("<!-- annotated-reader review -->\n## Annotation review: `base (")
    assert row(out, "sample") == ["1", "1", "1", "0", "0"]
    # the changed fact-check: its passage in its sentence, kind, verdict, before → after
    assert "##### `s-inner` — Fact-check · verdict: **Mostly accurate**" in out
    assert "> The “Union State” was <b>founded in 1996</b> by Belarus and Russia." in out
    assert "- `verdict`: `accurate` → `mostly-accurate`" in out
    # the added note, quoted in place, with what it says
    assert "#### Added" in out and "##### `s-minsk` — Context" in out
    assert "> <b>• First item about Minsk.</b>" not in out
    assert "<b>First item about Minsk.</b>" in out
    assert "Minsk is the capital of Belarus." in out
    # the removed note, with what it said and where it was
    assert "#### Removed" in out and "##### `s-debris` — Scraping debris" in out
    assert "Comment-form heading captured by the scraper." in out
    assert "<b>Leave a Reply</b>" in out


def test_head_defaults_to_the_work_tree_and_output_file(repo: Path, tmp_path: Path) -> None:
    edit(repo, SRC, "Outer note with a link", "Outer note, with a link")
    target = tmp_path / "report.md"
    result = review(repo, "--base", "HEAD", "-o", str(target))
    assert result.returncode == 0 and result.stdout == ""
    out = target.read_text(encoding="utf-8")
    assert "→ `work tree`" in out
    assert row(out, "sample") == ["0", "1", "0", "0", "0"]
    assert "- `body`: `Outer note with a link" in out
    assert "→ `Outer note, with a link" in out


def test_changed_source_text_reanchors_and_orphans(repo: Path) -> None:
    edit(repo, SEED, "Union Headline\n", "Union Headline\n\nA new first paragraph.\n")
    edit(repo, SEED, "Leave a Reply", "Leave a reply")
    commit(repo, "text changed")
    out = report(repo, "--base", "base", "--head", "HEAD")
    assert row(out, "sample") == ["0", "0", "0", "4", "1"]
    assert "The source text `seeds/sample.txt` changed: +3 −1 line(s)." in out
    assert "#### Re-anchored (the text moved under an unchanged quote)" in out
    assert "- `s-inner`: `seeds/sample.txt` 3:23 → 5:23" in out
    assert "#### Orphaned (declared, but not on the text in the head)" in out
    orphan = next(ln for ln in out.splitlines() if ln.startswith("- `s-debris`"))
    assert "anchored at 10:1 in the base" in orphan
    assert "matches no passage exactly" in orphan and "similarity" in orphan
    assert f"{SRC}:" in orphan and "anchor.missing" in orphan
    assert "**✗ `annotated-reader check` fails on the head: 1 error(s)" in out


def test_glossary_events_and_timeline_agreement(repo: Path) -> None:
    (repo / "annotations/events.yml").write_text(EVENTS, encoding="utf-8")
    edit(
        repo,
        SRC,
        '    reviewed: "2026-11-22"\n  - id: s-overlap',
        (
            '    reviewed: "2026-11-22"\n    event: community-1996\n    date: "1996"\n'
            "  - id: s-overlap"
        ),
    )
    commit(repo, "timeline")
    git(repo, "tag", "dated")
    edit(repo, SRC, 'date: "1996"', 'date: "1997"')
    edit(repo, "annotations/events.yml", "the Union State's forerunner", "the forerunner")
    (repo / "annotations/glossary.yml").write_text(
        "terms:\n  - id: minsk\n    term: Minsk\n    category: place\n"
        "    definition: Capital of Belarus.\n    aliases: [Minsk]\n",
        encoding="utf-8",
    )
    commit(repo, "redate")
    out = report(repo, "--base", "dated", "--head", "HEAD")
    assert "### Timeline agreement" in out
    assert (
        "- event `community-1996` (Community of Belarus and Russia founded): **agree → disputed**"
        in out
    )
    assert "  - `sample` note `s-inner` dates it `1997` — differs from the reference date" in out
    assert "- `date`: `1996` → `1997`" in out
    assert "#### event `community-1996` changed" in out
    assert "#### term `minsk` added: Minsk" in out
    assert "glossary terms: 1 added" in out and "timeline events: 1 changed" in out


def test_broken_head_is_reported_with_its_errors(repo: Path) -> None:
    edit(repo, SRC, "    kind: framing\n", "    kind: [framing\n")
    commit(repo, "broken yaml")
    result = review(repo, "--base", "base", "--head", "HEAD")
    assert result.returncode == 0 and "Traceback" not in result.stderr
    out = result.stdout
    assert "fails on the head: 1 error(s)" in out
    assert re.search(rf"- `{re.escape(SRC)}:\d+:\d+` error \[yaml\.syntax\]", out)
    assert f"**`{SRC}` cannot be read in the head**" in out
    # its notes are not "removed": they are there, unreadable
    assert row(out, "sample (unreadable)") == ["0", "0", "0", "0", "5"]
    assert "#### Removed" not in out


def test_broken_base_still_compares_what_loaded(repo: Path) -> None:
    edit(
        repo,
        SRC,
        'kind: context\n    quote: {exact: "The “Union',
        'kind: contxt\n    quote: {exact: "The “Union',
    )
    commit(repo, "bad kind")
    git(repo, "tag", "bad")
    edit(repo, SRC, "kind: contxt", "kind: context")
    commit(repo, "fixed")
    out = report(repo, "--base", "bad", "--head", "HEAD")
    assert "passes on the head" in out and "The base had 1 error(s) of its own." in out
    assert "- `kind`: `contxt` → `context`" in out


def test_git_errors_exit_2_with_a_message(repo: Path, tmp_path: Path) -> None:
    result = review(repo, "--base", "no-such-branch")
    assert result.returncode == 2 and result.stdout == ""
    assert "unknown revision 'no-such-branch'" in result.stderr and "fetch-depth" in result.stderr
    assert "Traceback" not in result.stderr
    plain = copy_project(FIXTURES / "mini", tmp_path / "plain")
    result = review(plain, "--base", "HEAD")
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert "annotated-reader review:" in result.stderr


@pytest.mark.parametrize(
    "args",
    [[], ["review"], ["check", "--format", "xml"], ["frobnicate"], ["schema", "--bogus"]],
)
def test_usage_errors_exit_2(repo: Path, args: list[str]) -> None:
    result = run([str(BIN / "annotated-reader"), *args], repo)
    assert result.returncode == 2, result.stdout + result.stderr
    assert "usage:" in result.stderr and "Traceback" not in result.stderr


def add_hostile_note(repo: Path, body: str) -> None:
    """Commit a context note whose body (a YAML double-quoted string) is hostile text."""
    note = (
        '  - id: s-hostile\n    kind: context\n    quote: {exact: "Second item about Moscow."}\n'
        f'    body: "{body}"\n'
    )
    edit(repo, SRC, "  - id: s-debris\n", note + "  - id: s-debris\n")
    commit(repo, "hostile")


def test_deterministic_and_inert(repo: Path) -> None:
    add_hostile_note(
        repo,
        "<img src=x onerror=alert(1)> [click](javascript:alert(1)) @octocat # Title | cell ``` ~~~",
    )
    first = report(repo, "--base", "base", "--head", "HEAD")
    assert first == report(repo, "--base", "base", "--head", "HEAD")
    # the body is shown verbatim, in a fence longer than any backtick run inside it
    assert "````markdown\n<img src=x onerror=alert(1)> [click](javascript:alert(1))" in first
    assert "| cell ``` ~~~\n````\n" in first


def test_project_in_a_subfolder_of_the_repository(tmp_path: Path) -> None:
    top = tmp_path / "top"
    project = copy_project(FIXTURES / "mini", top / "reader")
    (top / "README").write_text("another project\n", encoding="utf-8")
    init(top)
    commit(top, "base")
    shutil.rmtree(project / "annotations" / "sources")
    (project / "annotations" / "sources").mkdir()
    (project / "annotations" / "sources" / "sample.yml").write_text(
        (FIXTURES / "mini" / SRC).read_text(encoding="utf-8").replace("s-cross", "s-crossing"),
        encoding="utf-8",
    )
    out = report(project, "--base", "HEAD")
    assert row(out, "sample") == ["1", "0", "1", "0", "0"]


def test_report_renders_to_no_markup_from_the_data(repo: Path) -> None:
    """Rendered as GitHub would (Markdown with inline HTML allowed), the report holds only
    the tags the report itself writes: nothing from a note becomes a link, image or tag."""
    from markdown_it import MarkdownIt

    add_hostile_note(
        repo,
        "<script>x</script> ![i](https://t.example/p.png) <https://a.example> "
        "[l](https://b.example) *em* _u_ `c` &amp; 1. <b>bold</b>",
    )
    html = (
        MarkdownIt("commonmark", {"html": True})
        .enable("table")
        .render(report(repo, "--base", "base", "--head", "HEAD"))
    )
    tags = set(re.findall(r"<([a-z0-9]+)", html))
    allowed = {
        "h2",
        "h3",
        "h4",
        "h5",
        "p",
        "b",
        "strong",
        "code",
        "pre",
        "blockquote",
        "ul",
        "li",
        "details",
        "summary",
        "table",
        "thead",
        "tbody",
        "tr",
        "th",
        "td",
    }
    assert tags <= allowed, tags - allowed
    assert "&lt;script&gt;x&lt;/script&gt;" in html and "&lt;b&gt;bold&lt;/b&gt;" in html


def test_rating_and_metadata_changes(repo: Path) -> None:
    edit(repo, SRC, "  grade: C\n", "  grade: D\n")
    edit(repo, SRC, "clean-text: {met: no", "clean-text: {met: partly")
    edit(repo, SRC, 'outlet: {value: "Fixture Weekly"', 'outlet: {value: "Fixture Daily"')
    out = report(repo, "--base", "HEAD")
    assert "rating changed for sample" in out
    assert (
        "**Rating**\n\n- `rating.grade`: `C` → `D`\n- `rating.criteria.clean-text.met`: `no` → `partly`"
        in out
    )
    assert "**Metadata**\n\n- `metadata.outlet.value`: `Fixture Weekly` → `Fixture Daily`" in out


def test_problems_new_in_the_change_are_marked_and_old_warnings_folded(repo: Path) -> None:
    """The three promises CONTRIBUTING makes of the report's problems: the verdict counts the
    errors this change brings, each new problem says so, and warnings the base had already
    fold away so a reviewer reads only what the change did."""
    edit(repo, SRC, "  grade: C\n", "  grade: A\n")  # a warning (rating.inconsistent)
    edit(repo, SRC, "    kind: framing\n", "    kind: framingg\n")  # an error
    commit(repo, "base with one error and one warning")
    git(repo, "tag", "old")
    edit(repo, SRC, '{exact: "Leave a Reply"}', '{exact: "Leave a Replyy"}')  # a new error
    (repo / "seeds/extra.txt").write_text("Nobody annotates this.\n", encoding="utf-8")
    commit(repo, "a new error and a new warning")
    out = report(repo, "--base", "old", "--head", "HEAD")
    assert "fails on the head: 2 error(s) (1 new in this change), 2 warning(s)." in out, out
    listed = out[out.index("### Problems in the head") :]
    listed, folded = listed.split("<details>", 1)
    lines = [ln for ln in listed.splitlines() if ln.startswith("- ")]
    assert len(lines) == 3, lines
    new = {ln for ln in lines if ln.endswith(" — **new**")}
    assert [ln for ln in lines if ln not in new] == [
        next(ln for ln in lines if "[annotation.unknown-kind]" in ln)
    ], lines
    assert any("[anchor.missing]" in ln for ln in new) and any(
        "[seed.unused]" in ln for ln in new
    ), lines
    assert "[rating.inconsistent]" not in listed
    assert folded.startswith("<summary>1 warning(s) the base has too</summary>"), folded
    assert "[rating.inconsistent]" in folded[: folded.index("</details>")]


def test_notes_are_listed_in_the_order_a_reader_meets_them(repo: Path) -> None:
    """Added notes in passage order, not the file's order nor their ids'."""
    later = NEW_NOTE.replace("s-minsk", "s-a-later")
    earlier = (
        "  - id: s-z-earlier\n    kind: context\n"
        '    quote: {exact: "Union Headline"}\n    body: "The headline."\n'
    )
    middle = (
        "  - id: s-m-middle\n    kind: context\n"
        '    quote: {exact: "Second item about Moscow."}\n    body: "Moscow."\n'
    )
    edit(repo, SRC, "  - id: s-debris\n", later + middle + earlier + "  - id: s-debris\n")
    commit(repo, "three notes")
    out = report(repo, "--base", "base", "--head", "HEAD")
    added = out[out.index("#### Added") :]
    order = re.findall(r"^##### `([a-z-]+)`", added, re.MULTILINE)[:3]
    assert order == ["s-z-earlier", "s-a-later", "s-m-middle"], order


def test_verdict_and_grade_changes_are_listed_first_with_their_reason(repo: Path) -> None:
    edit(
        repo,
        SRC,
        "verdict: accurate\n",
        'verdict: misleading\n    history:\n      - {day: "2026-12-01", what: "Verdict'
        ' accurate → misleading: the year is right, the founders are not."}\n',
    )
    edit(repo, SRC, "  grade: C\n", "  grade: D\n")
    commit(repo, "re-rate")
    out = report(repo, "--base", "base", "--head", "HEAD")
    head = "### Verdicts and grades changed (1 verdict(s), 1 grade(s))"
    assert head in out
    # first after the summary, before any source's notes
    assert out.index("### Summary") < out.index(head) < out.index("#### Changed")
    assert (
        "| `s-inner` | `sample` | **Accurate** → **Misleading** | Verdict accurate → misleading\\:"
        " the year is right, the founders are not. |" in out
    )
    assert "- Grade of `sample`: **C** → **D**" in out


def test_a_verdict_changed_without_a_history_line_is_called_out(repo: Path) -> None:
    edit(repo, SRC, "verdict: accurate", "verdict: mostly-accurate")
    commit(repo, "re-rate")
    out = report(repo, "--base", "base", "--head", "HEAD")
    assert "### Verdicts and grades changed (1 verdict(s), 0 grade(s))" in out
    assert "**Accurate** → **Mostly accurate** | — no history line: say why in `history` |" in out


def test_no_verdict_section_when_no_verdict_moves(repo: Path) -> None:
    edit(repo, SRC, "  - id: s-debris\n", NEW_NOTE + "  - id: s-debris\n")
    commit(repo, "add a note")
    out = report(repo, "--base", "base", "--head", "HEAD")
    assert "Verdicts and grades changed" not in out


def test_a_file_name_or_a_key_cannot_write_markdown_into_the_report(repo: Path) -> None:
    """The report is posted on the pull request: a source file named to hold a heading, a
    table row, a terminal escape and a direction override, and a key holding a lone
    surrogate, write nothing raw into it and crash nothing (found by an outside test)."""
    name = "x\n\n## All checks passed\n\n| a | b |\x1b[2J\u202e"
    shutil.copy(repo / SRC, repo / "annotations" / "sources" / f"{name}.yml")
    edit(repo, SRC, "    kind: framing\n", '    kind: framing\n    "k\\ud800": 1\n')
    result = review(repo, "--base", "base")
    assert result.returncode == 0 and "Traceback" not in result.stderr, result.stderr
    out = result.stdout
    assert not re.search(r"^#+ All checks passed", out, re.M), out
    assert "\x1b" not in out and "\u202e" not in out and "\ud800" not in out
    assert not any(ln.startswith("| a | b |") for ln in out.splitlines())
    assert r"\x1b" in out  # the problem with the file's name quotes it, escaped
