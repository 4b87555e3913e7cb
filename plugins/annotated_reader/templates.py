"""Jinja templates for the HTML the library emits; a site can override any of them.

Autoescaping is on: every value from editorial data or the sources is escaped unless it
was rendered by :mod:`markup` (which escapes on its own) and wrapped in ``Markup``.
"""

from __future__ import annotations

from pathlib import Path

from jinja2 import ChoiceLoader, Environment, FileSystemLoader, PackageLoader, StrictUndefined


def environment(override_dir: Path | None = None) -> Environment:
    loaders: list[FileSystemLoader | PackageLoader] = []
    if override_dir is not None:
        loaders.append(FileSystemLoader(str(override_dir)))
    loaders.append(PackageLoader("annotated_reader", "templates"))
    env = Environment(
        loader=ChoiceLoader(loaders),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=False,
        # Each build makes its own environments, so checking every template's file for
        # changes on every use (two stat calls per note) buys nothing.
        auto_reload=False,
    )
    return env
