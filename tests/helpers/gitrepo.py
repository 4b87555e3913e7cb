"""A project as a git repository, and ``annotated-reader review`` run in it."""

from __future__ import annotations

import io
import subprocess
from contextlib import redirect_stderr, redirect_stdout
from pathlib import Path

from helpers.project import BIN, run


def git(repo: Path, *args: str) -> str:
    done = subprocess.run(
        ["git", "-C", str(repo), *args],
        capture_output=True,
        text=True,
        check=True,
        encoding="utf-8",
    )
    return done.stdout


def init(repo: Path) -> None:
    """A repository with a committer, and no signing."""
    git(repo, "init", "-q", "-b", "main")
    git(repo, "config", "user.email", "editor@example.org")
    git(repo, "config", "user.name", "Editor")
    git(repo, "config", "commit.gpgsign", "false")


def commit(repo: Path, message: str) -> None:
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", message)


def edit(repo: Path, rel: str, old: str, new: str, count: int = 1) -> None:
    path = repo / rel
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {rel}"
    path.write_text(text.replace(old, new, count), encoding="utf-8")


def review(repo: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return run([str(BIN / "annotated-reader"), "review", *args], repo)


def report(repo: Path, *args: str) -> str:
    """The report ``annotated-reader review ARGS`` writes in ``repo``, run in this process:
    its exit status and streams as the command's (``review`` above runs the installed
    command), and a mutation of the report's code is seen by the test that reads it."""
    from annotated_reader.cli import main

    out, err = io.StringIO(), io.StringIO()
    with redirect_stdout(out), redirect_stderr(err):
        status = main(["review", *args, "--root", str(repo)])
    assert status == 0, err.getvalue()
    return out.getvalue()
