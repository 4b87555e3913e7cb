"""The plugin freezes the loaded corpus out of the cyclic collector during a build only."""

from __future__ import annotations

import gc
import os
from pathlib import Path

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort, PluginError
from mkdocs.plugins import BasePlugin


class _Probe(BasePlugin):  # type: ignore[type-arg]
    """Records how many objects are frozen while pages are built."""

    frozen_during_build = 0

    def on_post_page(self, output: str, **_kw: object) -> str:
        _Probe.frozen_during_build = max(_Probe.frozen_during_build, gc.get_freeze_count())
        return output


def _config(project: Path):  # type: ignore[no-untyped-def]
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    config = load_config(str(project / "mkdocs.yml"), site_dir=str(project / "site"))
    config.plugins["probe"] = _Probe()
    return config


def test_the_corpus_is_frozen_while_pages_build_and_released_after(mini: Path) -> None:
    gc.unfreeze()
    _Probe.frozen_during_build = 0
    build(_config(mini))
    assert _Probe.frozen_during_build > 10_000  # the corpus, MkDocs and the theme
    assert gc.get_freeze_count() == 0
    assert (mini / "site" / "sources" / "sample" / "index.html").is_file()


class _Failing(_Probe):
    def on_post_page(self, output: str, **kw: object) -> str:
        super().on_post_page(output, **kw)
        raise PluginError("a later plugin fails mid-build")


def test_a_build_that_fails_midway_releases_the_frozen_objects(mini: Path) -> None:
    gc.unfreeze()
    _Probe.frozen_during_build = 0
    config = _config(mini)
    config.plugins["probe"] = _Failing()
    with pytest.raises(Abort):
        build(config)
    assert _Probe.frozen_during_build > 10_000
    assert gc.get_freeze_count() == 0
