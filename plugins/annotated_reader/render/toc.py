"""The table of contents of a page whose headings are fixed in its template.

A page built from data (glossary, timeline, ratings, a source) gives its
:class:`~annotated_reader.core.toc.TocEntry` list while rendering. A page whose headings are
written in a template (the methodology, a site's own template override) has no data to
give them from, so they are read back from the HTML: with the standard library's
``html.parser``, on our own output (well-formed, attributes quoted), where a regular
expression would miss markup inside a heading.
"""

from __future__ import annotations

from html.parser import HTMLParser

from ..core.toc import TocEntry

LEVELS = {"h2": 2, "h3": 3}  # what "On this page" lists; h1 is the page's title


class _Headings(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[tuple[int, str, str]] = []
        self._open: tuple[str, str] | None = None  # (tag, id) of the heading being read
        self._text: list[str] = []
        self._skip = 0  # inside a permalink (``¶``), which is not the heading's title

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag in LEVELS and self._open is None and values.get("id"):
            self._open, self._text = (tag, values["id"] or ""), []
        elif self._open and tag == "a" and "headerlink" in (values.get("class") or "").split():
            self._skip += 1

    def handle_endtag(self, tag: str) -> None:
        if self._open and tag == "a" and self._skip:
            self._skip -= 1
        elif self._open and tag == self._open[0]:
            title = " ".join("".join(self._text).split())
            self.found.append((LEVELS[tag], self._open[1], title))
            self._open = None

    def handle_data(self, data: str) -> None:
        if self._open and not self._skip:
            self._text.append(data)


def headings(html: str) -> tuple[TocEntry, ...]:
    """Every ``h2`` and ``h3`` with an id, each ``h3`` under the ``h2`` before it."""
    parser = _Headings()
    parser.feed(html)
    parser.close()
    out: list[TocEntry] = []
    for level, ident, title in parser.found:
        entry = TocEntry(level, ident, title)
        if level == 3 and out and out[-1].level == 2:
            last = out[-1]
            out[-1] = TocEntry(last.level, last.id, last.title, (*last.children, entry))
        else:
            out.append(entry)
    return tuple(out)
