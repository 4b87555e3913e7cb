"""The plugin's options in ``mkdocs.yml``, typed and validated by MkDocs itself."""

from __future__ import annotations

from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.config.base import ValidationError

from ..core.paging import DEFAULT_BUDGET, MIN_BUDGET
from ..render.pool import MAX_WORKERS


class _AtLeast(c.Type[int]):
    """A whole number no smaller than ``least`` (MkDocs reports it as any bad option)."""

    def __init__(self, least: int, default: int) -> None:
        super().__init__(int, default=default)
        self.least = least

    def run_validation(self, value: object) -> int:
        number = super().run_validation(value)
        if number < self.least:
            raise ValidationError(f"must be at least {self.least}, not {number}")
        return number


class _Workers(c.Type[int]):
    """A number of processes, from 1 to ``MAX_WORKERS`` (``true`` is not one)."""

    def __init__(self) -> None:
        super().__init__(int)

    def run_validation(self, value: object) -> int:
        if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= MAX_WORKERS:
            raise ValidationError(
                f"must be a whole number from 1 to {MAX_WORKERS} (processes that render the "
                f"source pages; 1 for this one alone), not {value!r}"
            )
        return value


class ReaderConfig(base.Config):  # type: ignore[no-untyped-call]
    enabled = c.Type(bool, default=True)
    """Turn the plugin off (e.g. for a quick build of the hand-written pages)."""

    annotations_dir = c.Type(str, default="annotations")
    """Folder of the editorial YAML, relative to mkdocs.yml."""

    seeds_dir = c.Type(str, default="seeds")
    """Folder of the verbatim source texts, relative to mkdocs.yml."""

    templates_dir = c.Optional(c.Type(str))
    """Folder of templates overriding the plugin's own (note.html, source_header.html…)."""

    link_terms = c.Choice(("all", "first"), default="first")
    """Link every occurrence of a glossary term, or only the first in each paragraph."""

    nav_sources_limit = c.Type(int, default=50)
    """List each source in the side navigation while there are at most this many; with more,
    the navigation shows only the Sources index page, which lists them all. MkDocs writes the
    whole navigation into every page, so listing a large corpus makes the build quadratic."""

    cache = c.Type(bool, default=True)
    """Keep work between builds: each file's parse, rendered Markdown, term matches, compiled
    templates, and the last site whole (given back when no input changed)."""

    cache_dir = c.Type(str, default=".cache/plugin/annotated-reader")
    """Where, relative to mkdocs.yml (the folder Material's own plugins cache in)."""

    page_budget = _AtLeast(MIN_BUDGET, default=DEFAULT_BUDGET)
    """Characters of HTML a generated page's body may hold before it is cut into parts (the
    glossary by initial letter): with the theme's own markup, pages stay under 400 kB."""

    workers = c.Optional(_Workers())
    """Processes that render the source pages: 1 for this one alone; unset, every usable
    core once there are 100 sources or more (forked workers, where the system can fork)."""

    search_view = c.Type(bool, default=True)
    """Let the site search index a lean copy of each generated page (its words, and one
    result per note and per term) instead of parsing the page's markup: faster builds and
    results that open the note. Off: search indexes the pages as they are."""

    serve_watch = c.Choice(("events", "polling"), default="events")
    """How ``mkdocs serve`` hears a save: the system's file events for watched folders (a
    rebuild starts at once), or MkDocs' own look at every file twice a second (for folders
    whose events do not arrive, such as some network or container mounts)."""
