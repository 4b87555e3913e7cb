"""The rows of an annotation service's JSON answer, each with the line and column where it
starts, so that a row that cannot be imported is reported where the editor can find it.

The standard library's decoder gives no positions, but decodes one value from any offset
(``raw_decode``): the outer list, or the ``rows`` list of an object, is walked a value at a
time and each row's offset kept.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from ..core.text.anchor import line_col

_DECODER = json.JSONDecoder()


class RowsError(ValueError):
    """The file is not JSON of the expected shape; ``offset`` is where it goes wrong."""

    def __init__(self, message: str, offset: int) -> None:
        super().__init__(message)
        self.offset = offset


@dataclass(frozen=True)
class Row:
    data: Any
    line: int
    col: int


def _skip(text: str, at: int) -> int:
    while at < len(text) and text[at] in " \t\r\n":
        at += 1
    return at


def _expect(text: str, at: int, char: str, what: str) -> int:
    at = _skip(text, at)
    if not text.startswith(char, at):
        raise RowsError(f"expected {what}", at)
    return at + 1


def _value(text: str, at: int) -> tuple[Any, int]:
    try:
        return _DECODER.raw_decode(text, at)
    except json.JSONDecodeError as exc:
        raise RowsError(f"not JSON: {exc.msg}", exc.pos) from None


def _array(text: str, at: int) -> tuple[list[tuple[Any, int]], int]:
    """The values of the array starting at ``at``, each with its offset; and the end."""
    at = _expect(text, at, "[", "a list of annotations ('[')")
    out: list[tuple[Any, int]] = []
    at = _skip(text, at)
    if text.startswith("]", at):
        return out, at + 1
    while True:
        at = _skip(text, at)
        value, end = _value(text, at)
        out.append((value, at))
        at = _skip(text, end)
        if text.startswith("]", at):
            return out, at + 1
        at = _expect(text, at, ",", "',' or ']' after a row")


def _rows_of_object(text: str, at: int) -> tuple[list[tuple[Any, int]], int]:
    at = _expect(text, at, "{", "'{'")
    rows: list[tuple[Any, int]] | None = None
    at = _skip(text, at)
    if text.startswith("}", at):
        at += 1
    else:
        while True:
            at = _skip(text, at)
            key, at = _value(text, at)
            at = _expect(text, at, ":", "':' after a key")
            at = _skip(text, at)
            if key == "rows":
                rows, at = _array(text, at)
            else:
                _, at = _value(text, at)
            at = _skip(text, at)
            if text.startswith("}", at):
                at += 1
                break
            at = _expect(text, at, ",", "',' or '}'")
    if rows is None:
        raise RowsError("no 'rows': expected the answer of the search API ({\"rows\": [...]})", 0)
    return rows, at


def read_rows(text: str) -> list[Row]:
    """The rows of ``{"rows": [...]}`` (the search API's answer) or of a bare list."""
    at = _skip(text, 0)
    if text.startswith("[", at):
        found, end = _array(text, at)
    else:
        found, end = _rows_of_object(text, at)
    if _skip(text, end) != len(text):
        raise RowsError("text after the JSON value", _skip(text, end))
    return [Row(value, *line_col(text, offset)) for value, offset in found]
