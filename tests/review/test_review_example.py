"""CONTRIBUTING.md's worked example is what the tool really produces for that annotation."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

from annotated_reader.core.vocabulary.kinds import KINDS
from helpers.project import BIN, ROOT, run

GUIDE = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
FILE = "annotations/sources/lysyansky-ussr-2.yml"
LOCATION = re.compile(r"(lysyansky-ussr-2\.yml):\d+:\d+")


def block(name: str) -> str:
    found = re.search(rf"<!-- {name} -->\n(`{{3,}})\w*\n(.*?)\n\1\n<!-- /{name} -->", GUIDE, re.S)
    assert found, f"no {name} block in CONTRIBUTING.md"
    return found[2]


def without_note(text: str, ident: str) -> str:
    """The source file without the note ``ident`` (unchanged when it has none)."""
    start = text.find(f"  - id: {ident}\n")
    if start < 0:
        return text
    nxt = re.compile(r"^  - id: ", re.M).search(text, start + 1)
    return text[:start] + (text[nxt.start() :] if nxt else "")


def test_worked_example_report_matches_the_tool(tmp_path: Path) -> None:
    note = block("example-yaml") + "\n"
    ident = re.search(r"id: (\S+)", note)[1]  # type: ignore[index]
    repo = tmp_path / "repo"
    for name in ("annotations", "seeds"):
        shutil.copytree(ROOT / name, repo / name)
    source = repo / FILE
    base = without_note(source.read_text(encoding="utf-8"), ident)
    source.write_text(base, encoding="utf-8")
    for args in (["init", "-q", "-b", "main"], ["add", "-A"]):
        subprocess.run(["git", "-C", str(repo), *args], check=True)
    subprocess.run(
        [
            "git",
            "-C",
            str(repo),
            "-c",
            "user.email=e@example.org",
            "-c",
            "user.name=E",
            "commit",
            "-q",
            "-m",
            "base",
        ],
        check=True,
    )
    at = base.index("annotations:\n") + len("annotations:\n")
    source.write_text(base[:at] + note + base[at:], encoding="utf-8")
    result = run([str(BIN / "annotated-reader"), "review", "--base", "main"], repo)
    assert result.returncode == 0, result.stderr
    expected = LOCATION.sub(r"\1:L:C", block("example-report"))
    got = LOCATION.sub(r"\1:L:C", result.stdout)
    row, _, section = expected.partition("\n\n")
    assert row in got
    assert section in got, got[got.find("#####") :]


def test_guide_names_every_kind() -> None:
    for kind in KINDS:
        assert f"`{kind}`" in GUIDE, kind
