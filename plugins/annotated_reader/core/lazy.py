"""Texts made when they are read, not before: a site's generated files, whose paths are known
at once but whose texts are needed one at a time, as each is written.

At 1,000 sources a site's Web Annotation exports are 150 MB of JSON; made all at once and
handed to a site generator as file contents, they stayed alive beside every page's HTML until
the build's end (``benchmarks/analysis.md``). Read through this mapping, each is made as it
is written and let go.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from functools import partial
from typing import Any

# One ``[[…]]`` looked up while a text was made: namespace, id, and what it gave (a
# site-root address and a label), as JSON.
Lookup = list[Any]
Look = Callable[[str, str], tuple[str, str] | None]
# What a page was made of, for a later build to take it as made (see ``Keyed``): its key,
# and each ``[[…]]`` it looked up with what it gave.
MadeOf = tuple[str, list[Lookup]]


@dataclass(frozen=True)
class Keyed:
    """How something made can be taken from a build kept before instead of made again: it
    depends only on what ``key`` names and on the ``[[…]]`` it looked up, so a build whose
    ``look`` gives the same for each of them would make the same."""

    key: str
    look: Look

    def same(self, lookups: list[Lookup]) -> bool:
        """Whether each of the kept text's lookups gives now what it gave then."""
        for namespace, ident, found in lookups:
            now = self.look(namespace, ident)
            if (list(now) if now is not None else None) != found:
                return False
        return True


@dataclass(frozen=True)
class Reusable(Keyed):
    """A text that is :class:`Keyed`, and how to make it (``make`` records each lookup in
    the list it is given)."""

    make: Callable[[list[Lookup]], str]


def looked_up(look: Look, lookups: list[Lookup] | None) -> Look:
    """``look``, recording each lookup and its answer in ``lookups`` (when given)."""
    if lookups is None:
        return look

    def recorded(namespace: str, ident: str) -> tuple[str, str] | None:
        found = look(namespace, ident)
        lookups.append([namespace, ident, list(found) if found is not None else None])
        return found

    return recorded


class LazyTexts(Mapping[str, str]):
    """path → text, each text made by its function every time it is read (not kept); a
    text may also say how a later build can take it as made (``reusable``), or that it is
    made only of what its feature's ``made_of`` and the sources' corpus-wide data name
    (``wide``: taken as made while they are the same, as the corpus-wide pages are)."""

    def __init__(
        self,
        makers: Mapping[str, Callable[[], str]],
        reusable: Mapping[str, Reusable] | None = None,
        wide: Iterable[str] = (),
    ) -> None:
        self._makers = dict(makers)
        self.reusable = dict(reusable or {})
        self.wide = frozenset(wide)

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
