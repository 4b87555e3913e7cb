"""A project as a git repository, and ``annotated-reader review`` run in it."""

from __future__ import annotations

import subprocess
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
    result = review(repo, *args)
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    return result.stdout
