"""Jinja templates for the HTML the library emits; a site can override any of them.

Autoescaping is on: every value from editorial data or the sources is escaped unless it
was rendered by :mod:`markup` (which escapes on its own) and wrapped in ``Markup``.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from jinja2 import (
    ChoiceLoader,
    Environment,
    FileSystemLoader,
    PackageLoader,
    StrictUndefined,
    TemplateNotFound,
)
from jinja2.loaders import split_template_path

from ..core.corpus import Paths
from ..core.files import folder_ok, refusal
from ..core.problems import Location, Problems
from .compiled import kept_templates

ASSETS = Path(__file__).parent / "assets"  # style sheets and scripts every page links


def environment(override_dir: Path | None = None, cache_dir: Path | None = None) -> Environment:
    """One environment for a build's templates. With ``cache_dir``, compiled templates are
    kept there between builds (compiling ten templates was a tenth of the seed site's build);
    Jinja checks each against its template's source, so an edited template is recompiled."""
    loaders: list[FileSystemLoader | PackageLoader] = []
    if override_dir is not None:
        loaders.append(_NoLinks(str(override_dir)))
    loaders.append(PackageLoader("annotated_reader.render", "templates"))
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
        bytecode_cache=kept_templates(cache_dir),
    )
    return env


def project_templates(paths: Paths, folder: Path | None, problems: Problems) -> Path | None:
    """``templates_dir`` when its templates may be read: inside the project and no link
    (an error for each one that is not; a linked template is never read, see ``_NoLinks``)."""
    if folder is None or not folder_ok(paths, folder, problems):
        return None
    for path in sorted(folder.rglob("*")) if folder.is_dir() else []:
        refused = refusal(paths, path)
        if refused is not None:
            refused.report(Location(paths.rel(path), 1, 1), problems)
    return folder


class _NoLinks(FileSystemLoader):
    """A site's templates, refusing any that is a symbolic link (the packaged one is used;
    :func:`project_templates` has reported it)."""

    def get_source(
        self, environment: Environment, template: str
    ) -> tuple[str, str, Callable[[], bool]]:
        for folder in self.searchpath:
            if Path(folder, *split_template_path(template)).is_symlink():
                raise TemplateNotFound(template)
        return super().get_source(environment, template)
