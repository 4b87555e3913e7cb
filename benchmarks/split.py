"""Where one build's time goes, by part: start-up, each plugin's events, search, the rest.

Runs one ``mkdocs build`` in this process with every plugin event handler timed, so the
difference between the plugin's site and its plain twin can be split into the plugin's own
code and what MkDocs and Material spend on the pages it adds. Run in a fresh process (the
bench does) so imports are counted:

    .venv/bin/python -m benchmarks.split PROJECT     # prints JSON
    .venv/bin/python -m benchmarks.split PROJECT --rebuilds 7

``--rebuilds K`` does what ``mkdocs serve`` does on each save instead: one process, the
file the serve benchmark edits edited again before every build, the configuration read anew
(plugins that keep state between builds, as MkDocs allows with ``on_startup``, are started
once), and prints the parts of each of the K builds after the first. The project is
modified while it runs; pass a copy.
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path
from typing import Any

STARTED = time.perf_counter()

# Parts reported, in order; "rest" is MkDocs itself (Markdown, theme templates, writing).
PARTS = {
    "startup": "Python, MkDocs, theme and plugin imports, reading mkdocs.yml",
    "plugin": "The plugin's own code (all its event handlers)",
    "search": "Material's search plugin (indexing every page)",
    "other_plugins": "Other plugins' event handlers",
    "rest": "MkDocs: Markdown, theme templates, writing files",
}


def _timed_events(spent: Counter[str]) -> None:
    """Every plugin event handler from now on adds its time to its part in ``spent``."""
    from mkdocs.plugins import PluginCollection

    run_event = PluginCollection.run_event

    def timed(collection: PluginCollection, name: str, item: Any = None, **kwargs: Any) -> Any:
        # Time each handler separately: a plugin's share, not the whole event's.
        handlers = collection.events[name]
        saved = list(handlers)
        try:
            for i, method in enumerate(saved):
                module = type(getattr(method, "__self__", None)).__module__
                part = (
                    "plugin"
                    if module.startswith("annotated_reader.")
                    else "search"
                    if module.startswith("material.plugins.search.")
                    else "other_plugins"
                )

                def wrapped(*a: Any, _m: Any = method, _p: str = part, **k: Any) -> Any:
                    t = time.perf_counter()
                    try:
                        return _m(*a, **k)
                    finally:
                        spent[_p] += time.perf_counter() - t

                handlers[i] = wrapped
            return run_event(collection, name, item, **kwargs)
        finally:
            handlers[:] = saved

    PluginCollection.run_event = timed  # type: ignore[method-assign]


def split(project: Path) -> dict[str, float]:
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    spent: Counter[str] = Counter()
    _timed_events(spent)
    with tempfile.TemporaryDirectory(prefix="bench-split-") as site:
        config = load_config(str(project / "mkdocs.yml"), site_dir=site)
        start = time.perf_counter()
        build(config)
        total = time.perf_counter() - start
    out = {"startup": start - STARTED}
    out.update({p: spent[p] for p in ("plugin", "search", "other_plugins")})
    out["rest"] = total - sum(spent.values())
    out["total"] = time.perf_counter() - STARTED
    return out


def rebuilds(project: Path, count: int) -> list[dict[str, float]]:
    """The parts of ``count`` builds after a first one, made as ``mkdocs serve`` makes them."""
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    from .serve import edit_of

    spent: Counter[str] = Counter()
    _timed_events(spent)
    edit = edit_of(project)
    out = []
    with tempfile.TemporaryDirectory(prefix="bench-rebuild-") as site:
        url = "http://127.0.0.1:8000/"
        config = load_config(str(project / "mkdocs.yml"), site_dir=site)
        config.plugins.on_startup(command="serve", dirty=False)
        try:
            for k in range(count + 1):
                spent.clear()
                start = time.perf_counter()
                if k:
                    edit.path.write_text(edit.text(f"rebuild{k}"), encoding="utf-8")
                    config = load_config(str(project / "mkdocs.yml"), site_dir=site)
                config.site_url = url
                build(config, serve_url=url)
                if k:
                    total = time.perf_counter() - start
                    parts = {p: spent[p] for p in ("plugin", "search", "other_plugins")}
                    out.append({**parts, "rest": total - sum(parts.values()), "total": total})
        finally:
            config.plugins.on_shutdown()
            edit.path.write_text(edit.original, encoding="utf-8")
    return out


def main() -> int:
    project = Path(sys.argv[1]).resolve()
    if sys.argv[2:3] == ["--rebuilds"]:
        print(json.dumps(rebuilds(project, int(sys.argv[3]))))
    else:
        print(json.dumps(split(project)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
