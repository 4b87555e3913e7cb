"""``review`` on hostile revisions: links out of the project, files that do not parse, and
repositories that are not there. The report is written (or a clear error given) and
nothing is read from outside the project."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from helpers.gitrepo import commit, edit, git, report, review
from helpers.project import FIXTURES, copy_project

SRC = "annotations/sources/sample.yml"
SEED = "seeds/sample.txt"
SECRET = "SECRET-7f3a-outside-the-project"


def _link_seed_out(repo: Path) -> None:
    """``seeds/sample.txt`` becomes a link to a copy outside the project, plus a secret."""
    target = repo.parent / "outside.txt"
    target.write_text((repo / SEED).read_text(encoding="utf-8") + SECRET, encoding="utf-8")
    (repo / SEED).unlink()
    (repo / SEED).symlink_to(target)


def _refused(out: str) -> list[str]:
    """The report's lines about the refused link (its target is Markdown-escaped there)."""
    return [
        line
        for line in out.splitlines()
        if line.startswith(f"- `{SEED}:1:1` error [file.symlink] '{SEED}' is a symbolic link (to ")
        and "links are refused so that no file outside the project is read" in line
    ]


def test_a_link_in_the_work_tree_is_refused(repo: Path) -> None:
    _link_seed_out(repo)
    out = report(repo, "--base", "base")
    assert len(_refused(out)) == 1
    assert SECRET not in out


def test_a_link_committed_in_either_revision_is_never_followed(repo: Path) -> None:
    _link_seed_out(repo)
    commit(repo, "a seed linked out of the project")
    git(repo, "tag", "linked")
    out = report(repo, "--base", "base", "--head", "linked")
    assert len(_refused(out)) == 1
    assert SECRET not in out
    git(repo, "checkout", "-q", "base", "--", SEED)  # the work tree has the seed back
    back = report(repo, "--base", "linked")
    # one error: the link; the source naming the refused seed is not told it does not exist
    assert "passes on the head" in back and "The base had 1 error(s) of its own" in back
    assert SECRET not in back


def test_outside_a_repository_it_says_so_and_how_to_fix_it(tmp_path: Path) -> None:
    project = copy_project(FIXTURES / "mini", tmp_path / "not-a-repo")
    result = review(project, "--base", "HEAD")
    assert result.returncode == 2 and result.stdout == ""
    assert "is not a git repository (nor inside one)" in result.stderr
    assert "run review in a clone of the project" in result.stderr
    assert "unknown revision" not in result.stderr and "Traceback" not in result.stderr


def _syntax_error(repo: Path) -> None:
    edit(repo, SRC, "annotations:\n", "annotations: [unclosed\n")


def _bad_utf8(repo: Path) -> None:
    with (repo / SRC).open("ab") as f:
        f.write(b'no_note: "\xff\xfe"\n')


def _deep(repo: Path) -> None:
    with (repo / SRC).open("a", encoding="utf-8") as f:
        f.write("no_note: " + "[" * 3000 + "]" * 3000 + "\n")


def _deep_entry(repo: Path) -> None:
    """Nested inside a note, where the review reads each entry."""
    edit(
        repo,
        SRC,
        '    body: "Comment-form heading',
        "    x: " + "[" * 3000 + "]" * 3000 + '\n    body: "Comment-form heading',
    )


# base revision → the reason the report gives for not reading its file
UNREADABLE: dict[str, tuple[Callable[[Path], None], str]] = {
    "yaml-syntax": (_syntax_error, "[yaml.syntax] YAML syntax error"),
    "invalid-utf-8": (_bad_utf8, "[source.encoding] annotations/sources/sample.yml is not UTF-8"),
    "nesting-3000-deep": (_deep, "[yaml.too-deep] lists and mappings are nested more than 64"),
    "nesting-in-a-note": (
        _deep_entry,
        "[yaml.too-deep] lists and mappings are nested more than 64",
    ),
}


def _base(repo: Path, breaks: Callable[[Path], None]) -> None:
    """Commit the broken file as ``broken``, and put the good one back in the work tree."""
    good = (repo / SRC).read_bytes()
    breaks(repo)
    commit(repo, "broken")
    git(repo, "tag", "broken")
    (repo / SRC).write_bytes(good)


@pytest.mark.parametrize("case", sorted(UNREADABLE))
def test_a_base_file_that_cannot_be_read_claims_no_note_is_new(repo: Path, case: str) -> None:
    breaks, reason = UNREADABLE[case]
    _base(repo, breaks)
    out = report(repo, "--base", "broken")
    assert "passes on the head" in out
    lines = [ln for ln in out.splitlines() if f"**`{SRC}` cannot be read in the base**" in ln]
    assert len(lines) == 1 and reason in lines[0].replace("\\", ""), out
    cells = next(ln for ln in out.splitlines() if ln.startswith("| sample"))
    assert cells == "| sample (unreadable in the base) | 0 | 0 | 0 | 0 | 0 |"
    assert "its 5 note(s) in the head are not compared with the base" in out
    assert "#### Added" not in out and "#### Re-anchored" not in out


IMPOSSIBLE_DATES = [
    ('published: {value: "2022-10"', 'published: {value: "2023-02-30"'),
    ('    reviewed: "2026-11-22"\n', '    reviewed: "2023-02-30"\n'),
    ("    verdict: accurate\n", '    verdict: accurate\n    event: e-x\n    date: "2023-02-30"\n'),
]


def test_impossible_dates_in_the_base_are_reported_not_fatal(repo: Path) -> None:
    for old, new in IMPOSSIBLE_DATES:
        edit(repo, SRC, old, new)
    (repo / "annotations/events.yml").write_text(
        'events:\n  - id: e-x\n    title: X\n    date: "2023-02-30"\n    category: institution\n'
        '    description: X.\n    references: [{title: X, url: "https://example.org/x"}]\n',
        encoding="utf-8",
    )
    commit(repo, "impossible dates")
    git(repo, "tag", "broken")
    git(repo, "checkout", "-q", "base", "--", ".")
    git(repo, "rm", "-q", "--cached", "annotations/events.yml")
    (repo / "annotations/events.yml").unlink()
    out = report(repo, "--base", "broken")
    assert "passes on the head" in out and "The base had" in out
    assert "- `metadata.published.value`: `2023-02-30` → `2022-10`" in out
