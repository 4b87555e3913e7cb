"""Reading the project's own files: regular files inside the project, never through a link.

Seeds, source files and the editorial YAML arrive in pull requests, and git can hold a
symbolic link: ``seeds/999_leak.txt -> /etc/passwd`` plus a source file naming it would be
read and published verbatim. So every file the reader loads must be a regular file whose
path, from the project folder down, holds no link and does not lead outside; anything else
is refused with an error saying why, and is never opened. A file larger than
``limits.MAX_FILE_BYTES`` is refused too, and bytes that are not UTF-8 are reported at the
line and column of the first bad one. :func:`declared_ids` reads the ids out of a file
that could not be loaded, so that references to them elsewhere are not reported again as
unknown (see ``loader``).
"""

from __future__ import annotations

import os
import re
import stat
from dataclasses import dataclass
from pathlib import Path

from .limits import MAX_FILE_BYTES
from .paths import Paths
from .problems import Location, Problems

_HOW = "links are refused so that no file outside the project is read or published"


def exists(path: Path) -> bool:
    """Whether anything, even a dangling link, is at ``path`` (``Path.exists`` says no to a
    link to nothing, which would then be skipped without a word)."""
    return os.path.lexists(path)


@dataclass(frozen=True)
class Refusal:
    code: str  # file.symlink | file.outside
    message: str

    def report(self, where: Location, problems: Problems) -> None:
        problems.error(where, self.code, self.message)


def refusal(paths: Paths, path: Path, *, links: bool = False) -> Refusal | None:
    """Why ``path`` may not be read, or None when it may: a symbolic link on the way to it
    from the project folder (unless ``links``), or a place outside the project folder."""
    root = paths.root
    try:
        rel = path.relative_to(root)
    except ValueError:
        rel = None
    if rel is None or ".." in rel.parts:
        return Refusal(
            "file.outside",
            f"'{paths.rel(path)}' is outside the project folder; keep seeds, editorial data "
            "and templates inside it",
        )
    if not links:
        here = root
        for part in rel.parts:
            here = here / part
            if here.is_symlink():
                return Refusal(
                    "file.symlink",
                    f"'{paths.rel(here)}' is a symbolic link (to '{os.readlink(here)}'); "
                    f"{_HOW}: put the file itself there",
                )
    try:
        resolved = path.resolve(strict=False)
    except (OSError, RuntimeError):  # a loop of links
        resolved = None
    if resolved is None or not resolved.is_relative_to(root.resolve()):
        return Refusal(
            "file.outside", f"'{paths.rel(path)}' leads outside the project folder; {_HOW}"
        )
    return None


def read_bytes(paths: Paths, path: Path, problems: Problems, code: str = "file") -> bytes | None:
    """The file's bytes, or None after an error when it is a link, outside the project,
    not a regular file (a folder, a pipe), larger than ``MAX_FILE_BYTES`` (``<code>.too-large``)
    or cannot be read."""
    where = Location(paths.rel(path), 1, 1)
    refused = refusal(paths, path)
    if refused is not None:
        refused.report(where, problems)
        return None
    try:
        status = os.lstat(path)
        if not stat.S_ISREG(status.st_mode):
            problems.error(
                where,
                "file.not-regular",
                f"'{paths.rel(path)}' is not a regular file; put the file itself there",
            )
            return None
        if status.st_size > MAX_FILE_BYTES:
            problems.error(
                Location(paths.rel(path), 1, 1),
                f"{code}.too-large",
                f"{paths.rel(path)} is {status.st_size:,} bytes, more than the "
                f"{MAX_FILE_BYTES:,} a file may have; split it into smaller files",
            )
            return None
        return path.read_bytes()
    except OSError as exc:
        problems.error(where, "file.unreadable", f"cannot read '{paths.rel(path)}': {exc.strerror}")
        return None


def read_text(paths: Paths, path: Path, problems: Problems, code: str) -> str | None:
    """The file as UTF-8 text (see :func:`read_bytes` and :func:`decoded`)."""
    data = read_bytes(paths, path, problems, code)
    return decoded(paths.rel(path), data, problems, code) if data is not None else None


_LINE_BREAK = re.compile(rb"\r\n|\r|\n")


def decoded(rel: str, data: bytes, problems: Problems, code: str) -> str | None:
    """``data`` as UTF-8 text; bad UTF-8 is ``{code}.encoding`` at the line and column of
    the first bad byte, where an editor finds it."""
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        head = data[: exc.start]  # lines end in LF, CR LF or a lone CR, as YAML's and Jinja's do
        line = len(_LINE_BREAK.findall(head)) + 1
        line_start = max(head.rfind(b"\n"), head.rfind(b"\r")) + 1
        col = len(head[line_start:].decode("utf-8", "replace")) + 1
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


# An id no file can declare, lost in place of the ids of a file that did not load and whose
# ids cannot be told (a link, a folder, a file of another shape): every id of its kind may
# have been in it, so none is reported unknown while its own error stands.
ANY = "*"


def declared_ids(paths: Paths, path: Path) -> set[str]:
    """The ids a YAML file that did not load writes as ``id: …`` lines, read without parsing
    it (it may be broken): only ever used to keep quiet about references into it; ``{ANY}``
    when it has none or cannot be read. Nothing is read that :func:`read_bytes` refuses."""
    data = read_bytes(paths, path, Problems())
    ids = set(_ID_LINE.findall(data.decode("utf-8", "replace"))) if data is not None else set()
    return ids or {ANY}


def folder_ok(paths: Paths, folder: Path, problems: Problems) -> bool:
    """Whether the files of ``folder`` may be read (one error when the folder itself is a
    link or outside, instead of one per file in it)."""
    refused = refusal(paths, folder)
    if refused is not None:
        refused.report(Location(paths.rel(folder), 1, 1), problems)
    return refused is None
