"""Jinja templates for the HTML the library emits; a site can override any of them.

Autoescaping is on: every value from editorial data or the sources is escaped unless it
was rendered by :mod:`markup` (which escapes on its own) and wrapped in ``Markup``.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable
from pathlib import Path

from jinja2 import (
    BytecodeCache,
    ChoiceLoader,
    Environment,
    FileSystemLoader,
    PackageLoader,
    StrictUndefined,
    TemplateNotFound,
)
from jinja2.bccache import Bucket
from jinja2.loaders import split_template_path

from ..core.corpus import Paths
from ..core.files import folder_ok, refusal
from ..core.memo import seal, sealed, secret_tag, unlinked
from ..core.problems import Location, Problems

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
        bytecode_cache=_bytecode_cache(cache_dir),
    )
    return env


def _bytecode_cache(folder: Path | None) -> BytecodeCache | None:
    """None (compile every build) when there is no folder we may write to."""
    tag = secret_tag()
    if folder is None or tag is None or not unlinked(folder):
        return None
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        return None
    return _KeptTemplates(folder, tag) if os.access(folder, os.W_OK) else None


class _KeptTemplates(BytecodeCache):
    """Compiled templates kept between builds, as Jinja's own file cache keeps them, but
    each file sealed with the user's secret (``core.memo.seal``) and named with a tag of
    the secret and the plugin's code. Jinja unpickles and runs what it loads, so a file
    committed into the project's cache folder, or damaged since, must never be loaded; and
    the compiled code depends on the code that configures Jinja, not only on the template.
    Files with another tag (another version of the code, another user) are deleted."""

    def __init__(self, folder: Path, tag: str) -> None:
        self.folder, self.tag = folder, tag
        for old in folder.glob("__jinja2_*.cache"):
            if not old.name.endswith(f".{tag}.cache"):
                with contextlib.suppress(OSError):
                    old.unlink()

    def _path(self, bucket: Bucket) -> Path:
        return self.folder / f"__jinja2_{bucket.key}.{self.tag}.cache"

    def load_bytecode(self, bucket: Bucket) -> None:
        path = self._path(bucket)
        try:
            data = path.read_bytes()
        except OSError:
            return
        mark, body = data[:32], data[32:]
        if not sealed(body, mark):
            with contextlib.suppress(OSError):
                path.unlink()
            return
        bucket.bytecode_from_string(body)

    def dump_bytecode(self, bucket: Bucket) -> None:
        """A compiled template that cannot be kept (a full disk) costs the next build its
        compile time, never this build."""
        body = bucket.bytecode_to_string()
        mark = seal(body)
        if mark is None:
            return
        path = self._path(bucket)
        temp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
        try:
            temp.write_bytes(mark + body)
            os.replace(temp, path)
        except OSError:
            with contextlib.suppress(OSError):
                temp.unlink()


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
