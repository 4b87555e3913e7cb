"""The project under test: where it is, and running MkDocs and the command on a copy of it."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "tests" / "fixtures"
BIN = Path(sys.executable).parent
ARTIFACTS = ROOT / "test-artifacts"


def run(cmd: list[str], cwd: Path, **kw: object) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "GITHUB_ACTIONS": "false"}
    env.update(kw.pop("env", {}))  # type: ignore[arg-type]
    return subprocess.run(cmd, cwd=cwd, env=env, capture_output=True, encoding="utf-8", **kw)  # type: ignore[call-overload, no-any-return]


def copy_project(src: Path, dest: Path) -> Path:
    dest.mkdir(parents=True, exist_ok=True)
    for name in ("mkdocs.yml", "docs", "seeds", "annotations"):
        path = src / name
        if path.is_dir():
            shutil.copytree(path, dest / name)
        elif path.exists():
            shutil.copy2(path, dest / name)
    return dest


def build(project: Path, *extra: str) -> subprocess.CompletedProcess[str]:
    return run([str(BIN / "mkdocs"), "build", "--strict", "--site-dir", "site", *extra], project)


def check(project: Path, *extra: str) -> subprocess.CompletedProcess[str]:
    return run([str(BIN / "annotated-reader"), "check", *extra], project)


def write_file(project: Path, rel: str, text: str) -> Path:
    """Write ``text`` to ``rel`` in a project copy (folders made as needed)."""
    path = project / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def replace_in(project: Path, rel: str, old: str, new: str) -> None:
    """Edit a file of a project copy: ``old`` (which must be there) becomes ``new``, once."""
    path = project / rel
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def with_page_budget(project: Path, budget: int, extra: str = "") -> Path:
    """The mini project with the plugin's ``page_budget`` set (a small one cuts the glossary
    and the timeline of a small project), and ``extra`` lines added to ``mkdocs.yml``."""
    replace_in(
        project,
        "mkdocs.yml",
        "  - annotated-reader\n",
        f"  - annotated-reader:\n      page_budget: {budget}\n",
    )
    cfg = project / "mkdocs.yml"
    cfg.write_text(cfg.read_text(encoding="utf-8") + extra, encoding="utf-8")
    return project
