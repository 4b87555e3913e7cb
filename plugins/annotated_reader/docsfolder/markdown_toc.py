"""A generated page's table of contents for engines that build it with Python-Markdown.

Zensical (0.0.73) builds "On this page" from Python-Markdown's ``toc`` extension, which reads
headings from the Markdown it parses: a generated page is one raw HTML block, whose headings
it never sees, so its table of contents would be empty. So the docs folder carries each
page's entries in an HTML comment (:func:`comment`), and this module is also a
Python-Markdown extension (``makeExtension``) that takes the comment out and hands the
entries over as the page's ``toc_tokens``.

The extension runs inside the engine's own environment (``annotated-reader zensical`` copies
this file there as :data:`MODULE` and puts it on Zensical's path): it imports only the
standard library, and Python-Markdown when the extension is made, never this package.
"""

from __future__ import annotations

import json
from html import escape
from typing import Any

MODULE = "annotated_reader_toc"  # the name an engine's configuration loads it by
START, END = "<!-- annotated-reader-toc ", " -->"


def comment(entries: list[dict[str, Any]]) -> str:
    """Entries (``level``, ``id``, ``title`` as text, ``children``) as one comment line:
    JSON with every ``<``, ``>``, ``&`` and ``-`` escaped, so that no title ends it."""
    data = json.dumps(entries, ensure_ascii=True, separators=(",", ":"), sort_keys=True)
    for char in "<>&-":
        data = data.replace(char, f"\\u{ord(char):04x}")
    return f"{START}{data}{END}"


def tokens(line: str) -> list[dict[str, Any]] | None:
    """The ``toc`` extension's tokens (names as HTML) from a :func:`comment` line, or None
    when the line is not one."""
    if not (line.startswith(START) and line.endswith(END)):
        return None
    return [_token(e) for e in json.loads(line[len(START) : -len(END)])]


def _token(entry: dict[str, Any]) -> dict[str, Any]:
    name = escape(str(entry["title"]), quote=False)
    return {
        "level": int(entry["level"]),
        "id": str(entry["id"]),
        "name": name,
        "html": name,
        "data-toc-label": "",
        "children": [_token(c) for c in entry.get("children", [])],
    }


def makeExtension(**kwargs: Any) -> Any:  # noqa: N802 (the name Python-Markdown calls)
    """The extension: the comment is taken out before raw HTML is set aside (priority 25,
    before ``html_block``), and its entries replace the (empty) ones the ``toc`` extension
    found, after it has run (priority 4, after ``toc``'s 5)."""
    # Python-Markdown ships no type information (hence the ignores below).
    from markdown.extensions import Extension  # type: ignore[import-untyped]
    from markdown.preprocessors import Preprocessor  # type: ignore[import-untyped]
    from markdown.treeprocessors import Treeprocessor  # type: ignore[import-untyped]

    class Take(Preprocessor):  # type: ignore[misc]
        def run(self, lines: list[str]) -> list[str]:
            kept = []
            for line in lines:
                found = tokens(line)
                if found is None:
                    kept.append(line)
                else:
                    self.md.annotated_reader_toc = found
            return kept

    class Give(Treeprocessor):  # type: ignore[misc]
        def run(self, root: Any) -> None:
            found = getattr(self.md, "annotated_reader_toc", None)
            if found is not None:
                self.md.toc_tokens = found

    class GeneratedToc(Extension):  # type: ignore[misc]
        def extendMarkdown(self, md: Any) -> None:  # noqa: N802 (Python-Markdown's name)
            md.annotated_reader_toc = None
            md.preprocessors.register(Take(md), MODULE, 25)
            md.treeprocessors.register(Give(md), MODULE, 4)

    return GeneratedToc(**kwargs)
