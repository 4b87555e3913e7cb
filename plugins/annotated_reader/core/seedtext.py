"""Reading the seed texts: every file of ``seeds/``, UTF-8, bounded, with no raw control
character left in what the pages show.

A control character (NUL, ESC, a C1 code from a bad conversion…) is no part of a published
text; HTML may not carry one, and a terminal would obey it in an error message. It is
reported at its line and column, and the text keeps a visible stand-in of the same length
(U+2400 ␀ … for C0, U+FFFD for C1), so every offset, line and column stays the file's.
"""

from __future__ import annotations

import re

from .corpus import Paths
from .files import folder_ok, read_text
from .problems import Location, Problems

# Control characters but HTML's whitespace (tab, line feed, form feed, carriage return).
CONTROL = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]")
_STAND_IN = {
    **{c: 0x2400 + c for c in range(0x20) if chr(c) not in "\t\n\f\r"},
    0x7F: 0x2421,
    **dict.fromkeys(range(0x80, 0xA0), 0xFFFD),
}


class _Unread(dict[str, "str | None"]):
    """The seeds of a folder that could not be read (as reported): any seed a source names
    may be there, unread, so none is reported missing as well."""

    def __contains__(self, name: object) -> bool:
        return True


def read_seeds(paths: Paths, problems: Problems) -> dict[str, str | None]:
    """Every seed text by file name; None for one that cannot be read (as reported), so
    that a source naming it is not told the seed does not exist."""
    seeds: dict[str, str | None] = {}
    folder = paths.root / paths.seeds
    if not folder_ok(paths, folder, problems):
        return _Unread()
    if not folder.is_dir():
        problems.error(Location(paths.seeds), "seed.missing-folder", f"no folder '{paths.seeds}/'")
        return _Unread()
    for path in sorted(folder.iterdir()):
        if path.name.startswith(".") or (path.is_dir() and not path.is_symlink()):
            continue
        text = read_text(paths, path, problems, "seed")
        rel = paths.rel(path)
        seeds[path.name] = None if text is None else _without_controls(text, rel, problems)
    return seeds


def _without_controls(text: str, rel: str, problems: Problems) -> str:
    found = CONTROL.search(text)
    if found is None:
        return text
    at = found.start()
    line = text.count("\n", 0, at) + 1
    col = at - (text.rfind("\n", 0, at) + 1) + 1
    more = len(CONTROL.findall(text)) - 1
    shown = text.translate(_STAND_IN)
    problems.error(
        Location(rel, line, col),
        "seed.control-character",
        f"the text holds control character U+{ord(found.group()):04X} here"
        + (f" (and {more} more)" if more else "")
        + ", which no published text contains: damage from scraping or conversion; fetch "
        f"or save the text again without it (the page shows it as {shown[at]})",
    )
    return shown
