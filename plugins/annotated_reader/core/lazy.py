"""Texts made when they are read, not before: a site's generated files, whose paths are known
at once but whose texts are needed one at a time, as each is written.

At 1,000 sources a site's Web Annotation exports are 150 MB of JSON; made all at once and
handed to a site generator as file contents, they stayed alive beside every page's HTML until
the build's end (``benchmarks/analysis.md``). Read through this mapping, each is made as it
is written and let go.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from functools import partial


class LazyTexts(Mapping[str, str]):
    """path → text, each text made by its function every time it is read (not kept)."""

    def __init__(self, makers: Mapping[str, Callable[[], str]]) -> None:
        self._makers = dict(makers)

    def __getitem__(self, path: str) -> str:
        return self._makers[path]()

    def __contains__(self, path: object) -> bool:  # Mapping's own would make the text
        return path in self._makers

    def __iter__(self) -> Iterator[str]:
        return iter(self._makers)

    def __len__(self) -> int:
        return len(self._makers)

    def maker(self, path: str) -> Callable[[], str]:
        return self._makers[path]


def makers(texts: Mapping[str, str]) -> dict[str, Callable[[], str]]:
    """Each text's function, without making any: a :class:`LazyTexts`'s own, or a function
    returning the text already made."""
    if isinstance(texts, LazyTexts):
        return {path: texts.maker(path) for path in texts}
    return {path: partial(str, text) for path, text in texts.items()}
