"""Where one build's time goes, by part: start-up, each plugin's events, search, the rest.

Runs one ``mkdocs build`` in this process with every plugin event handler timed, so the
difference between the plugin's site and its plain twin can be split into the plugin's own
code and what MkDocs and Material spend on the pages it adds. Run in a fresh process (the
bench does) so imports are counted:

    .venv/bin/python -m benchmarks.split PROJECT     # prints JSON
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


def split(project: Path) -> dict[str, float]:
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.plugins import PluginCollection

    spent: Counter[str] = Counter()
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


def main() -> int:
    result = split(Path(sys.argv[1]).resolve())
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
