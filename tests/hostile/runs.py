"""The three runs a bad-input case checks, started together: ``annotated-reader check``,
``mkdocs build --strict`` and a plain ``mkdocs build`` (each into its own folder)."""

from __future__ import annotations

import os
import re
import resource
import subprocess
from dataclasses import dataclass
from pathlib import Path

from helpers.project import BIN

PROBLEM = re.compile(r"^(.+?:\d+:\d+): (error|warning): \[([^\]]+)\] (.*)$")
_NOTE = re.compile(r'<li class="ar-note [^"]*" id="note-([^"]+)"')
TIMEOUT = 120  # seconds; a run that takes longer is a hang, reported as such
# Address space each run may use: a site of this size builds in a fraction of it, and an
# input that makes the loader grow without bound (an alias bomb) fails here, alone, instead
# of taking the machine's memory from everything else running on it.
MEMORY = 2 << 30


def _limit_memory() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY, MEMORY))


@dataclass(frozen=True)
class Run:
    name: str
    returncode: int
    stdout: str
    stderr: str

    @property
    def output(self) -> str:
        return self.stdout + self.stderr


def run_all(project: Path, *, strict_check: bool) -> dict[str, Run]:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "GITHUB_ACTIONS": "false"}
    commands = {
        "check": [str(BIN / "annotated-reader"), "check", *(["--strict"] if strict_check else [])],
        "strict": [str(BIN / "mkdocs"), "build", "--strict", "--site-dir", "site-strict"],
        "lenient": [str(BIN / "mkdocs"), "build", "--site-dir", "site"],
    }
    started = {
        name: subprocess.Popen(
            cmd,
            cwd=project,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            preexec_fn=_limit_memory,
        )
        for name, cmd in commands.items()
    }
    runs = {}
    for name, proc in started.items():
        try:
            out, err = proc.communicate(timeout=TIMEOUT)
        except subprocess.TimeoutExpired:
            proc.kill()
            out, err = proc.communicate()
            err += f"\n[hostile suite] {name} still running after {TIMEOUT} s: killed"
        runs[name] = Run(name, proc.returncode, out, err)
    return runs


def problems(text: str) -> list[str]:
    """Every ``path:line:col: severity: [code] message`` line of ``annotated-reader check``."""
    return [ln for ln in text.splitlines() if PROBLEM.match(ln)]


def published_notes(site: Path) -> set[str]:
    """The ids of the notes listed on the built source pages."""
    found: set[str] = set()
    for page in sorted((site / "sources").glob("*/index.html")):
        found.update(_NOTE.findall(page.read_text(encoding="utf-8")))
    return found


def files_containing(folder: Path, secret: str) -> list[str]:
    needle = secret.encode()
    return [
        str(p.relative_to(folder))
        for p in sorted(folder.rglob("*"))
        if p.is_file() and not p.is_symlink() and needle in p.read_bytes()
    ]
