"""Bytes that are not UTF-8, in any editorial file or seed, are reported at the bad byte.

Before, a source file or the glossary with one stray Latin-1 byte stopped ``check`` and the
build with a ``UnicodeDecodeError`` naming no file; now each says which file, line and
column, from ``annotated-reader check`` (exit 1) and ``mkdocs build --strict`` (fails); and
nothing else is reported because of it (a source naming the seed is not told that the seed
does not exist).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers.project import build, check

SRC = "annotations/sources/sample.yml"
GLOSSARY = "annotations/glossary.yml"
EVENTS = "annotations/events.yml"


def _latin1(project: Path, rel: str, old: bytes, new: bytes) -> None:
    path = project / rel
    data = path.read_bytes()
    assert old in data, old
    path.write_bytes(data.replace(old, new, 1))


CASES = {
    # name: (file, what to replace, with what, line:col of the bad byte, code)
    "source-file": (SRC, b"Comment-form", b"Comm\xe9nt-form", "46:16", "source.encoding"),
    "glossary": (
        GLOSSARY,
        None,
        b"terms:\n  - id: minsk\n    term: M\xeensk\n",
        "3:12",
        "glossary.encoding",
    ),
    "events": (EVENTS, None, b"events:\n  - id: caf\xe9\n", "2:12", "events.encoding"),
    "seed": ("seeds/sample.txt", b"Minsk.", b"M\xeensk.", "5:21", "seed.encoding"),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_invalid_utf8_is_reported_at_the_byte(case: str, mini: Path) -> None:
    rel, old, new, where, code = CASES[case]
    if old is None:
        (mini / rel).write_bytes(new)
    else:
        _latin1(mini, rel, old, new)
    expected = f"{rel}:{where}: error: [{code}] {rel} is not UTF-8: byte 0x"
    checked = check(mini)
    assert checked.returncode == 1
    assert "Traceback" not in checked.stdout + checked.stderr, checked.stderr
    assert any(line.startswith(expected) for line in checked.stdout.splitlines()), checked.stdout
    assert "re-save it as UTF-8" in checked.stdout
    assert checked.stdout.count(": error: ") == 1, checked.stdout  # nothing else because of it
    built = build(mini)
    assert built.returncode != 0
    assert "Traceback" not in built.stderr, built.stderr
    assert expected in built.stderr
