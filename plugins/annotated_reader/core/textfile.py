"""Reading an editorial file or a seed text: bounded in size, UTF-8, any fault at its place.

Every file the reader takes in comes through :func:`read_text`, so a file too large to read
safely, or bytes that are not UTF-8, are reported alike for seeds, source files, the
glossary and the events: at the line and column of the first bad byte, never as a
traceback. :func:`declared_ids` reads the ids out of a file that could not be loaded, so
that references to them elsewhere are not reported again as unknown (see ``loader``).
"""

from __future__ import annotations

import re
from pathlib import Path

from .limits import MAX_FILE_BYTES
from .problems import Location, Problems


def read_text(path: Path, rel: str, problems: Problems, code: str) -> str | None:
    """The file's text, or None once its problem is reported as ``<code>.too-large`` or
    ``<code>.encoding``. An ``OSError`` (no permission, a folder) is the caller's."""
    size = path.stat().st_size
    if size > MAX_FILE_BYTES:
        problems.error(
            Location(rel, 1, 1),
            f"{code}.too-large",
            f"{rel} is {size:,} bytes, more than the {MAX_FILE_BYTES:,} a file may have; "
            "split it into smaller files",
        )
        return None
    data = path.read_bytes()
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line_start = data.rfind(b"\n", 0, exc.start) + 1
        line = data.count(b"\n", 0, exc.start) + 1
        col = len(data[line_start : exc.start].decode("utf-8", "replace")) + 1
        problems.error(
            Location(rel, line, col),
            f"{code}.encoding",
            f"{rel} is not UTF-8: byte 0x{data[exc.start]:02X} at line {line}, column {col} "
            f"cannot be read ({exc.reason}); re-save it as UTF-8",
        )
        return None


_ID_LINE = re.compile(
    r"""^[ \t]*(?:-[ \t]+)?id:[ \t]*["']?([a-z0-9][a-z0-9-]*)["']?[ \t]*(?:#.*)?$""", re.M
)


def declared_ids(path: Path) -> set[str]:
    """The ids a YAML file writes as ``id: …`` lines, read without parsing it (it may be
    broken): only ever used to keep quiet about references into it."""
    try:
        if path.stat().st_size > MAX_FILE_BYTES:
            return set()
        text = path.read_bytes().decode("utf-8", "replace")
    except OSError:
        return set()
    return set(_ID_LINE.findall(text))
