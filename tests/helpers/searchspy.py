"""What Material's search reads of each page in a build: a page copied or replayed with its
entries gives it nothing to read."""

from __future__ import annotations

from typing import Any

import pytest


def search_reads(monkeypatch: pytest.MonkeyPatch) -> dict[str, int]:
    """From now on, each page search reads, by its path: the length of what it is given."""
    from material.plugins.search import plugin as search

    seen: dict[str, int] = {}
    add = search.SearchIndex.add_entry_from_context

    def spied(self: Any, page: Any) -> None:
        seen[page.file.src_uri] = len(page.content)
        add(self, page)

    monkeypatch.setattr(search.SearchIndex, "add_entry_from_context", spied)
    return seen
