"""Compiled Jinja templates kept between builds, for our templates and the theme's.

Compiling templates is a fixed cost of every build: ten of ours were a tenth of the seed
site's build, and the theme's 38 (Material's, with the project's overrides) a fifth of a
build that replays the kept site. Jinja checks each kept template against its source, so an
edited template is compiled again.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import jinja2
from jinja2 import BytecodeCache, Environment
from jinja2.bccache import Bucket
from jinja2.filters import FILTERS as DEFAULT_FILTERS
from jinja2.tests import TESTS as DEFAULT_TESTS

from ..core.memo import read_kept, seal, sealed, secret_tag, unlinked

Salt = Callable[[], "str | None"]


def kept_templates(folder: Path | None, salt: Salt | None = None) -> BytecodeCache | None:
    """None (compile every build) when there is no folder we may write to. ``salt`` names
    what else the compiled code depends on (another environment's settings), asked when
    the first template is loaded; when it says None, nothing is kept."""
    tag = secret_tag()
    if folder is None or tag is None or not unlinked(folder):
        return None
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        return None
    return _KeptTemplates(folder, tag, salt) if os.access(folder, os.W_OK) else None


def keep_theme_templates(env: Environment, folder: Path) -> bool:
    """Give the theme's environment a kept-template cache, unless it has one; whether it
    has one now. Its compiled code depends on the environment's settings, which MkDocs,
    the theme, hooks and plugins choose (some after this plugin's ``on_env``), so they are
    read when the first template is loaded and are part of the files' names."""
    if env.bytecode_cache is None:
        env.bytecode_cache = kept_templates(folder, lambda: settings(env))
    return env.bytecode_cache is not None


# Jinja works a filter or test of constants out while compiling (``{{ "x" | f }}``), unless
# it is given the template's context.
_CONTEXT = getattr(jinja2.pass_context(lambda: None), "jinja_pass_arg", None)


def settings(env: Environment) -> str | None:
    """What Jinja's code generator reads from an environment: its syntax, whitespace rules,
    escaping, finalizer, extensions and policies (Jinja's own file cache assumes one
    environment). None when it has a filter or test Jinja could work out while compiling
    that is not Jinja's own (a hook's, reading mkdocs.yml): its result, frozen into the
    compiled code, could change with no template or setting changed."""
    for table, defaults in ((env.filters, DEFAULT_FILTERS), (env.tests, DEFAULT_TESTS)):
        for key, function in table.items():
            if getattr(function, "jinja_pass_arg", None) is not _CONTEXT:
                if defaults.get(key) is not function:
                    return None

    def name(value: Any) -> str:
        if callable(value):
            return f"{getattr(value, '__module__', '')}.{getattr(value, '__qualname__', '')}"
        return repr(value)

    parts = [
        jinja2.__version__,
        env.block_start_string,
        env.block_end_string,
        env.variable_start_string,
        env.variable_end_string,
        env.comment_start_string,
        env.comment_end_string,
        repr(env.line_statement_prefix),
        repr(env.line_comment_prefix),
        repr(env.trim_blocks),
        repr(env.lstrip_blocks),
        repr(env.newline_sequence),
        repr(env.keep_trailing_newline),
        repr(env.optimized),
        repr(env.is_async),
        name(env.autoescape),
        name(env.finalize),
        name(env.code_generator_class),
        name(env.context_class),
        *sorted(env.extensions),
        *(f"{key}={name(value)}" for key, value in sorted(env.policies.items())),
    ]
    return "\0".join(parts)


class _KeptTemplates(BytecodeCache):
    """Compiled templates kept between builds, as Jinja's own file cache keeps them, but
    each file sealed with the user's secret (``core.memo.seal``) and named with a tag of
    the secret and the plugin's code. Jinja unpickles and runs what it loads, so a file
    committed into the project's cache folder, or damaged since, must never be loaded; and
    the compiled code depends on the code that configures Jinja, not only on the template.
    Files with another tag (another version of the code, another user) are deleted."""

    def __init__(self, folder: Path, tag: str, salt: Salt | None = None) -> None:
        self.folder, self._secret_tag, self._salt = folder, tag, salt
        self.tag: str | None = None  # worked out when the first template is loaded

    def _ready(self) -> bool:
        """Whether templates are kept in this build; the first call sweeps the files of
        other tags."""
        if self.tag is None:
            salt = self._salt() if self._salt is not None else ""
            if salt is None:
                self.tag = ""
                return False
            tag = self._secret_tag
            if salt:
                tag = hashlib.sha256(f"{tag}\0{salt}".encode()).hexdigest()[:24]
            self.tag = tag
            for old in self.folder.glob("__jinja2_*.cache"):
                if not old.name.endswith(f".{tag}.cache"):
                    with contextlib.suppress(OSError):
                        old.unlink()
        return bool(self.tag)

    def _path(self, bucket: Bucket) -> Path:
        return self.folder / f"__jinja2_{bucket.key}.{self.tag}.cache"

    def load_bytecode(self, bucket: Bucket) -> None:
        if not self._ready():
            return
        path = self._path(bucket)
        try:
            data = read_kept(path)
        except OSError:
            return
        mark, body = data[:32], data[32:]
        # The seal covers the name too: a file is loaded only under the key it was made for.
        if not sealed(path.name.encode() + b"\0" + body, mark):
            with contextlib.suppress(OSError):
                path.unlink()
            return
        bucket.bytecode_from_string(body)

    def dump_bytecode(self, bucket: Bucket) -> None:
        """A compiled template that cannot be kept (a full disk) costs the next build its
        compile time, never this build."""
        if not self._ready():
            return
        body = bucket.bytecode_to_string()
        path = self._path(bucket)
        mark = seal(path.name.encode() + b"\0" + body)
        if mark is None:
            return
        temp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
        try:
            temp.write_bytes(mark + body)
            os.replace(temp, path)
        except OSError:
            with contextlib.suppress(OSError):
                temp.unlink()
