"""Reading the seed texts: every file of ``seeds/``, UTF-8, bounded, with no raw control
character, and no direction control left open, in what the pages show.

A control character (NUL, ESC, a C1 code from a bad conversion…) is no part of a published
text; HTML may not carry one, and a terminal would obey it in an error message. It is
reported at its line and column, and the text keeps a visible stand-in of the same length
(U+2400 ␀ … for C0, U+FFFD for C1), so every offset, line and column stays the file's.
"""

from __future__ import annotations

import re
import unicodedata

from .bidi import DIRECTION, unclosed
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
        if text is not None:
            text = _with_line_breaks(text, rel, problems)
            text = _without_controls(text, rel, problems)
            text = _without_open_direction(text, rel, problems)
        seeds[path.name] = text
    return seeds


def _where(rel: str, text: str, at: int) -> Location:
    line = text.count("\n", 0, at) + 1
    return Location(rel, line, at - (text.rfind("\n", 0, at) + 1) + 1)


def _named(text: str, found: list[int]) -> str:
    """The first character found, named, and how many more there are."""
    char, more = text[found[0]], len(found) - 1
    return f"U+{ord(char):04X} ({unicodedata.name(char)}) here" + (
        f" (and {more} more)" if more else ""
    )


# Line breaks but the line feed (and CR LF, which every line's strip takes apart): a lone
# CR (old Mac files) and the Unicode separators. Read as one text line, a seed of them was
# one paragraph, its headings and debris gone.
_ODD_BREAK = re.compile("\r(?!\n)|[\u2028\u2029]")


def _with_line_breaks(text: str, rel: str, problems: Problems) -> str:
    """Each odd line break made a line feed (the same length: offsets stay the file's); a
    Unicode separator is also a warning, since editors do not agree it ends a line."""
    if _ODD_BREAK.search(text) is None:
        return text
    text = re.sub("\r(?!\n)", "\n", text)
    separators = [m.start() for m in re.finditer("[\u2028\u2029]", text)]
    if separators:
        problems.warning(
            _where(rel, text, separators[0]),
            "seed.line-separator",
            f"the text holds {_named(text, separators)}, a line break to some programs and not to others; it is read as one "
            "(each line a paragraph): save the text again with plain line breaks",
        )
        text = re.sub("[\u2028\u2029]", "\n", text)
    return text


def _without_controls(text: str, rel: str, problems: Problems) -> str:
    found = CONTROL.search(text)
    if found is None:
        return text
    at = found.start()
    more = len(CONTROL.findall(text)) - 1
    shown = text.translate(_STAND_IN)
    problems.error(
        _where(rel, text, at),
        "seed.control-character",
        f"the text holds control character U+{ord(found.group()):04X} here"
        + (f" (and {more} more)" if more else "")
        + ", which no published text contains: damage from scraping or conversion; fetch "
        f"or save the text again without it (the page shows it as {shown[at]})",
    )
    return shown


def _without_open_direction(text: str, rel: str, problems: Problems) -> str:
    """A direction control left open on its line reverses the rest of its paragraph on
    the page, the reader's own note numbers and links with it: reported, and shown as
    U+FFFD (the same length, so offsets stay the file's). One that closes stays."""
    if DIRECTION.search(text) is None:
        return text
    left_open = unclosed(text)
    if not left_open:
        return text
    problems.error(
        _where(rel, text, left_open[0]),
        "seed.direction-control",
        f"the text opens {_named(text, left_open)} and does not close it on its line, so the rest of the paragraph, the reader's "
        "note numbers with it, would read reversed: damage or tampering; fetch or save the "
        "text again without it (the page shows it as \ufffd)",
    )
    chars = list(text)
    for index in left_open:
        chars[index] = "\ufffd"
    return "".join(chars)
