"""The plugin holds as little as it can while MkDocs builds: the loaded corpus frozen out of the
cyclic collector during a build only; generated pages and exports never all alive at once."""

from __future__ import annotations

import gc
import os
import weakref
from pathlib import Path

import pytest
from annotated_reader.docsfolder.command import load
from annotated_reader.webannotation import export
from helpers.project import ROOT, copy_project
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort, PluginError
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority


class _Probe(BasePlugin):  # type: ignore[type-arg]
    """Records how many objects are frozen while pages are built."""

    frozen_during_build = 0

    def on_post_page(self, output: str, **_kw: object) -> str:
        _Probe.frozen_during_build = max(_Probe.frozen_during_build, gc.get_freeze_count())
        return output


def _config(project: Path):  # type: ignore[no-untyped-def]
    """As ``mkdocs build`` loads it. MkDocs keeps a plugin that has ``on_startup`` across the
    builds of one process (a serve test's plugin is this build's too), and its build command
    starts them anew."""
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    config = load_config(str(project / "mkdocs.yml"), site_dir=str(project / "site"))
    config.plugins.on_startup(command="build", dirty=False)
    config.plugins["probe"] = _Probe()
    return config


def test_the_corpus_is_frozen_while_pages_build_and_let_go_by_serve_or_the_next_build(
    mini: Path,
) -> None:
    """Frozen while pages build; left frozen when the build ends the process (the
    interpreter's last collections would traverse it all on the way out), let go by the
    next build in the same process, and at once by serve's rebuilds."""
    gc.unfreeze()
    _Probe.frozen_during_build = 0
    config = _config(mini)
    build(config)
    assert _Probe.frozen_during_build > 10_000  # the corpus, MkDocs and the theme
    assert gc.get_freeze_count() > 10_000  # ``mkdocs build``: the process ends now
    assert (mini / "site" / "sources" / "sample" / "index.html").is_file()
    first = weakref.ref(config.plugins["annotated-reader"].site.corpus)  # type: ignore[attr-defined]
    del config
    build(_config(mini))  # another build in this process: the first one's corpus is let go
    assert first() is None
    serve = _config(mini)
    serve.plugins.on_startup(command="serve", dirty=False)
    build(serve)
    assert gc.get_freeze_count() == 0


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


class _Watch(BasePlugin):  # type: ignore[type-arg]
    """What a generated source page's content is, and how many exports are made, as MkDocs
    goes from reading every page (its first loop) to writing them with the theme (its
    second), and as each page is written."""

    def __init__(self) -> None:
        self.between: dict[str, object] = {}
        self.exports_made_by_then = -1
        self.in_theme: dict[str, int] = {}
        self.after: dict[str, object] = {}
        self.pages: list[object] = []
        self.held: dict[str, int] = {}
        self.held_search: dict[str, int] = {}
        self.in_search: dict[str, str] = {}

    @event_priority(-200)  # after every plugin's own, as MkDocs' second loop starts
    def on_env(self, env: object, *, config: object, files: object) -> object:
        for file in files.documentation_pages():  # type: ignore[attr-defined]
            if file.src_uri.startswith("sources/") and file.page is not None:
                self.between[file.src_uri] = file.page.content
                self.pages.append(file.page)
        self.exports_made_by_then = _MADE[0]
        plugin = config.plugins["annotated-reader"]  # type: ignore[attr-defined]
        self.held = {path: len(data) for path, data in plugin._held.items()}
        self.held_search = {path: len(data) for path, data in plugin._search_docs.items()}
        return env

    @event_priority(-200)  # as the theme gets it, after search has read its own document
    def _on_page_context_theme(self, context: object, *, page: object, **_kw: object) -> object:
        content = page.content  # type: ignore[attr-defined]
        self.in_theme[page.file.src_uri] = len(content or "")  # type: ignore[attr-defined]
        return context

    @event_priority(0)  # as search reads it: the page's search document, lent
    def _on_page_context_search(self, context: object, *, page: object, **_kw: object) -> object:
        content = page.content  # type: ignore[attr-defined]
        self.in_search[page.file.src_uri] = content or ""  # type: ignore[attr-defined]
        return context

    on_page_context = CombinedEvent(_on_page_context_search, _on_page_context_theme)


_MADE = [0]


def test_generated_pages_and_exports_are_not_all_held_at_once(
    mini: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Between MkDocs' two loops a generated page's HTML is held compressed by the plugin,
    not as the page's content (where every page's stayed alive to the build's end), and is
    given back to the theme; once written it is let go. The Web Annotation exports are made
    as MkDocs copies them, after every page is read, not all at once in on_files."""
    made = export.collection

    def counted(*args: object, **kw: object) -> object:
        _MADE[0] += 1
        return made(*args, **kw)  # type: ignore[arg-type]

    _MADE[0] = 0
    monkeypatch.setattr(export, "collection", counted)
    config = _config(mini)
    watch = _Watch()
    config.plugins["watch"] = watch
    build(config)
    assert watch.between == {"sources/index.md": "", "sources/sample.md": ""}
    assert watch.exports_made_by_then == 0 and _MADE[0] == 1
    page = (mini / "site" / "sources" / "sample" / "index.html").read_text(encoding="utf-8")
    assert watch.in_theme["sources/sample.md"] > 1000 and 'class="ar-text' in page
    # held compressed: a fraction of the page it gives back; its search document too
    assert 0 < watch.held["sources/sample.md"] < watch.in_theme["sources/sample.md"] / 3
    document = watch.in_search["sources/sample.md"]
    assert document.startswith("<") and "ar-text" not in document  # not the page
    assert 0 < watch.held_search["sources/sample.md"] < len(document.encode()) * 0.6
    assert [p.content for p in watch.pages] == [None, None]  # type: ignore[attr-defined]
    written = mini / "site" / "sources" / "sample" / "annotations.jsonld"
    _, site, _ = load(mini / "mkdocs.yml")  # the same export, made apart from MkDocs
    (made_apart,) = [f for f in site.files() if f.path == "sources/sample/annotations.jsonld"]
    assert written.read_bytes() == made_apart.data()


class _Marker(BasePlugin):  # type: ignore[type-arg]
    """Another plugin that changes every page's content after ours has rendered it."""

    def on_page_content(self, html: str, **_kw: object) -> str:
        return html + "<p>MARKED BY ANOTHER PLUGIN</p>"


def test_a_page_kept_or_recorded_is_held_as_compressed_once_unless_another_plugin_changed_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The recorded (or kept) page's compressed bytes are what the plugin holds between
    MkDocs' loops; a page another plugin changed since is compressed anew, changes and all."""
    from annotated_reader.mkdocs import plugin as module

    project = copy_project(ROOT, tmp_path / "corpus")
    compressed: list[int] = []
    hold = module._hold
    monkeypatch.setattr(module, "_hold", lambda text: compressed.append(1) or hold(text))
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")

    def build_once(marker: bool) -> None:
        compressed.clear()
        config = _config(project)
        if marker:
            config.plugins["marker"] = _Marker()
        build(config)

    build_once(False)  # recorded: nothing compressed twice
    assert compressed == []
    build_once(False)  # replayed from the kept file: held as kept
    assert compressed == []
    build_once(True)
    assert len(compressed) >= 10  # every generated page changed since: compressed anew
    page = (project / "site/sources/hahn-belarus-option/index.html").read_text(encoding="utf-8")
    assert "MARKED BY ANOTHER PLUGIN" in page


@pytest.mark.parametrize("priority", [-100, -1000])
def test_a_plugin_changing_pages_after_all_others_still_changes_the_generated_ones(
    mini: Path, priority: int
) -> None:
    class Last(BasePlugin):  # type: ignore[type-arg]
        @event_priority(priority)
        def on_page_content(self, html: str, **_kw: object) -> str:
            return html + "<p>MARKED LAST</p>"

    config = _config(mini)
    config.plugins["last"] = Last()
    build(config)
    for page in ("sources/sample/index.html", "glossary/index.html", "timeline/index.html"):
        if (mini / "site" / page).is_file():
            assert "MARKED LAST" in (mini / "site" / page).read_text(encoding="utf-8"), page
    assert "MARKED LAST" in (mini / "site/sources/sample/index.html").read_text(encoding="utf-8")
