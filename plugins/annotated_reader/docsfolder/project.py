"""A project's settings as ``mkdocs.yml`` states them, read without MkDocs.

The site's configuration stays in one file whatever engine builds it: the plugin's options
(``plugins: - annotated-reader: {…}``), the site's name, address and page addresses. YAML's
``!ENV`` tag is read as MkDocs reads it (the variable, else the default), so a value set for
the hosted site (``SITE_URL``) means the same under every engine.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from ..core.corpus import Options, Paths
from ..core.files import decoded
from ..core.paging import DEFAULT_BUDGET, MIN_BUDGET
from ..core.problems import Problems
from ..render.generated import GeneratedSite
from ..render.pool import MAX_WORKERS, workers_for

PLUGIN = "annotated-reader"


class ProjectError(Exception):
    """A configuration that cannot be read; the message is ``path:line:col: …``."""


class _Loader(yaml.SafeLoader):
    """Safe YAML with MkDocs' ``!ENV`` tag (any other tag is refused, as safe_load does)."""


def _env(loader: _Loader, node: yaml.Node) -> Any:
    if isinstance(node, yaml.ScalarNode):
        names: list[Any] = [loader.construct_scalar(node)]
    elif isinstance(node, yaml.SequenceNode):
        names = loader.construct_sequence(node)
    else:
        raise yaml.constructor.ConstructorError(
            None,
            None,
            "!ENV takes a variable's name or a list of names and a default",
            node.start_mark,
        )
    default = names.pop() if len(names) > 1 else None
    for name in names:
        if isinstance(name, str) and name in os.environ:
            return os.environ[name]
    return default


_Loader.add_constructor("!ENV", _env)


class _Lenient(_Loader):
    """The same, but any other tag (MkDocs' ``!relative``, Material's
    ``!!python/name:…``) read as nothing, never run: for what reads only the plugin's
    options (``check``), which such a tag never holds."""


def _untagged(loader: _Lenient, suffix: str, node: yaml.Node) -> None:
    return None


_Lenient.add_multi_constructor("!", _untagged)
_Lenient.add_multi_constructor("tag:yaml.org,2002:python/", _untagged)


def read_config(path: Path, *, lenient: bool = False) -> dict[str, Any]:
    """``mkdocs.yml`` as a mapping (``!ENV`` resolved, ``INHERIT`` followed as MkDocs
    follows it: the file named, read first, with this one merged over it); a file that is
    not one is an error at its line."""
    return _read_config(path, path.name, lenient, [])


# Files one INHERIT chain may read: MkDocs sets no bound, and a loop never ends there.
MAX_INHERITED = 10


def _read_config(path: Path, shown: str, lenient: bool, chain: list[Path]) -> dict[str, Any]:
    loader = _Lenient if lenient else _Loader
    try:
        found = Problems()
        text = decoded(shown, path.read_bytes(), found, "config")
        if text is None:  # at the bad byte's line, as every other file
            raise ProjectError(str(found.items[0]))
        data = yaml.load(text, Loader=loader)  # noqa: S506 (a SafeLoader)
    except OSError as exc:
        raise ProjectError(
            f"{shown}:1:1: error: [config.unreadable] cannot read it: {exc}"
        ) from exc
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark
        where = f"{mark.line + 1}:{mark.column + 1}" if mark else "1:1"
        raise ProjectError(
            f"{shown}:{where}: error: [config.yaml] {exc.problem or exc}; fix the YAML"
        ) from exc
    if data is None and chain:
        data = {}  # an inherited file that is empty (or comments only): MkDocs reads {}
    if not isinstance(data, dict):
        raise ProjectError(
            f"{shown}:1:1: error: [config.not-a-mapping] expected settings (key: value)"
        )
    if "INHERIT" not in data:
        return data
    named = data.pop("INHERIT")
    at = f"{shown}:{_key_line(text, 'INHERIT')}:1: error: [config.inherit]"
    if not isinstance(named, str) or not named.strip():
        raise ProjectError(f"{at} INHERIT must name a configuration file, e.g. base.yml")
    parent = Path(os.path.normpath(path.parent / named))
    parent_shown = os.path.relpath(parent, chain[0].parent if chain else path.parent)
    if parent in chain or parent == path or len(chain) >= MAX_INHERITED:
        raise ProjectError(
            f"{at} INHERIT names '{named}', which inherits this file again (or the chain is "
            f"longer than {MAX_INHERITED} files); break the loop"
        )
    if not parent.is_file():
        raise ProjectError(
            f"{at} INHERIT names '{named}', which is not a file; give the path of the "
            "configuration to inherit, relative to this one"
        )
    inherited = _read_config(parent, Path(parent_shown).as_posix(), lenient, [*chain, path])
    return _merged(inherited, data)


def _key_line(text: str, key: str) -> int:
    """The line of a top-level ``key:`` (1 when it cannot be found)."""
    for number, line in enumerate(text.splitlines(), 1):
        if line.startswith(f"{key}:"):
            return number
    return 1


def _merged(base: dict[str, Any], over: dict[str, Any]) -> dict[str, Any]:
    """``over`` merged into ``base`` as MkDocs merges an inherited file: mappings key by
    key, anything else (a list of plugins too) replaced whole."""
    out = dict(base)
    for key, value in over.items():
        below = out.get(key)
        out[key] = (
            _merged(below, value) if isinstance(below, dict) and isinstance(value, dict) else value
        )
    return out


def plugin_options(config: dict[str, Any]) -> dict[str, Any] | None:
    """The reader plugin's options under ``plugins:`` ({} when listed bare), or None when
    the site does not use it."""
    plugins = config.get("plugins") or []
    items = (
        plugins.items()
        if isinstance(plugins, dict)
        else [
            next(iter(p.items())) if isinstance(p, dict) and len(p) == 1 else (p, {})
            for p in plugins
        ]
    )
    for name, value in items:
        if name == PLUGIN:
            return dict(value) if isinstance(value, dict) else {}
    return None


@dataclass(frozen=True)
class Project:
    """What the library needs to render a project, from its configuration file."""

    config_file: Path
    config: dict[str, Any]
    paths: Paths
    options: Options
    docs_dir: str
    search_view: bool
    nav_sources_limit: int = 50
    workers: int | None = None  # processes rendering the source pages (None: by corpus size)

    def pool_workers(self, site: GeneratedSite) -> int:
        """Processes that render ``site``'s source pages (0: this one alone)."""
        return workers_for(self.workers, len(site.corpus.sources))

    @classmethod
    def read(cls, config_file: Path, *, lenient: bool = False) -> Project:
        config = read_config(config_file, lenient=lenient)
        root = config_file.resolve().parent
        opts = plugin_options(config) or {}

        def text(value: Any, default: str, key: str) -> str:
            if value is None:
                return default
            if not isinstance(value, str):
                raise ProjectError(
                    f"{config_file.name}:1:1: error: [config.type] '{key}' must be text"
                )
            return value

        link_terms = text(opts.get("link_terms"), "first", "link_terms")
        if link_terms not in ("all", "first"):
            raise ProjectError(
                f"{config_file.name}:1:1: error: [config.type] 'link_terms' must be 'all' or 'first'"
            )
        templates = opts.get("templates_dir")
        cache = opts.get("cache", True)
        if not isinstance(cache, bool):
            raise ProjectError(
                f"{config_file.name}:1:1: error: [config.type] 'cache' must be true or false, "
                f"not {cache!r}"
            )
        cache_dir = text(opts.get("cache_dir"), ".cache/plugin/annotated-reader", "cache_dir")
        options = Options(
            link_terms=link_terms,
            site_url=text(config.get("site_url"), "", "site_url"),
            site_name=text(config.get("site_name"), "", "site_name"),
            directory_urls=config.get("use_directory_urls", True) is not False,
            templates_dir=root / text(templates, "", "templates_dir") if templates else None,
            cache_dir=root / cache_dir if cache else None,
            page_budget=_budget(opts.get("page_budget", DEFAULT_BUDGET), config_file.name),
        )
        paths = Paths(
            root,
            text(opts.get("annotations_dir"), "annotations", "annotations_dir"),
            text(opts.get("seeds_dir"), "seeds", "seeds_dir"),
        )
        return cls(
            config_file,
            config,
            paths,
            options,
            text(config.get("docs_dir"), "docs", "docs_dir"),
            opts.get("search_view", True) is not False,
            limit if isinstance(limit := opts.get("nav_sources_limit", 50), int) else 50,
            _workers(opts.get("workers"), config_file.name),
        )


def _workers(value: Any, config_name: str) -> int | None:
    """The plugin's ``workers``, checked as the MkDocs plugin checks it."""
    if value is not None and (
        not isinstance(value, int) or isinstance(value, bool) or not 1 <= value <= MAX_WORKERS
    ):
        raise ProjectError(
            f"{config_name}:1:1: error: [config.type] 'workers' must be a whole number from 1 "
            f"to {MAX_WORKERS} (processes that render the source pages; 1 for this one "
            f"alone), not {value!r}"
        )
    return value


def _budget(value: Any, config_name: str) -> int:
    """The plugin's ``page_budget``, checked as the MkDocs plugin checks it."""
    if not isinstance(value, int) or isinstance(value, bool) or value < MIN_BUDGET:
        raise ProjectError(
            f"{config_name}:1:1: error: [config.type] 'page_budget' must be a whole number of "
            f"at least {MIN_BUDGET} (characters of HTML a generated page's body may hold), "
            f"not {value!r}"
        )
    return value
