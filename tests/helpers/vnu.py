"""The W3C Nu Html Checker (npm vnu-jar on Java, both installed by `make test`), run on pages."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlparse

import pytest

from helpers.sitetools import node_modules


def vnu(pages: list[Path]) -> list[dict[str, Any]]:
    """vnu's messages on the given pages, checked in one run; fails if any page went unchecked."""
    java = shutil.which("java")
    if java is None:
        pytest.fail(
            "java is missing: `make test` installs it (Debian's default-jre-headless); "
            "the W3C Nu Html Checker needs Java 17 or later",
            pytrace=False,
        )
    jar = node_modules() / "vnu-jar" / "build" / "dist" / "vnu.jar"
    if not jar.is_file():
        pytest.fail(f"{jar} is missing: `make test` installs vnu-jar (tools/npm)", pytrace=False)
    # --stdout: the JSON report on stdout; --verbose: each file checked, on stderr.
    cmd = [java, "-jar", str(jar), "--format", "json", "--stdout", "--verbose"]
    result = subprocess.run(
        [*cmd, *map(str, pages)], capture_output=True, text=True, encoding="utf-8"
    )
    try:
        messages: list[dict[str, Any]] = json.loads(result.stdout)["messages"]
    except (ValueError, KeyError):
        pytest.fail(
            f"vnu gave no report (exit {result.returncode}):\n{result.stderr[-3000:]}",
            pytrace=False,
        )
    checked = {line.strip() for line in result.stderr.splitlines()}
    unchecked = [str(p) for p in pages if str(p) not in checked]
    assert not unchecked, f"vnu did not check {unchecked}:\n{result.stderr[-3000:]}"
    return messages


def findings(messages: list[dict[str, Any]], root: Path) -> list[str]:
    """Errors and warnings (not vnu's plain info) as ``file:line: kind: message``."""
    out = []
    for m in messages:
        kind = m.get("type")
        if kind == "info":
            if m.get("subType") != "warning":
                continue
            kind = "warning"
        url = m.get("url", "")
        where = unquote(urlparse(url).path) if url.startswith("file:") else url
        try:
            where = Path(where).relative_to(root).as_posix()
        except ValueError:
            pass
        line = m.get("lastLine", m.get("firstLine", "?"))
        out.append(f"{where}:{line}: {kind}: {m.get('message', '')}")
    return out
