"""``review`` on hostile revisions: links out of the project, files that do not parse, and
repositories that are not there. The report is written (or a clear error given) and
nothing is read from outside the project."""

from __future__ import annotations

from pathlib import Path

from helpers.gitrepo import commit, git, report

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
        if line.startswith(f"- `{SEED}` error [file.symlink] '{SEED}' is a symbolic link (to ")
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
    assert "passes on the head" in back and "The base had 2 error(s) of its own" in back
    assert SECRET not in back
