"""`mkdocs serve` rebuilds when an annotation file or a seed changes, and hears a save at
once through the system's file events."""

from __future__ import annotations

import logging
import shutil
import socket
import subprocess
import threading
import time
import urllib.request
from pathlib import Path

import pytest
from annotated_reader.mkdocs.watcher import EventsFirst
from helpers.project import BIN, ROOT
from watchdog.events import FileModifiedEvent, FileSystemEvent, FileSystemEventHandler
from watchdog.observers import Observer
from watchdog.observers.polling import PollingObserver


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _wait_for(url: str, needle: str, seconds: float = 60) -> str:
    deadline = time.monotonic() + seconds
    last = ""
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                last = response.read().decode("utf-8")
            if needle in last:
                return last
        except OSError:
            pass
        time.sleep(0.3)
    raise AssertionError(f"{needle!r} never appeared at {url}")


def _serve(project: Path, log: Path | None = None) -> tuple[subprocess.Popen[bytes], int]:
    port = _free_port()
    with open(log or "/dev/null", "wb") as err:
        proc = subprocess.Popen(
            [str(BIN / "mkdocs"), "serve", "-a", f"127.0.0.1:{port}"],
            cwd=project,
            stdout=subprocess.DEVNULL,
            stderr=err,
            env={"NO_MKDOCS_2_WARNING": "1", "PATH": str(BIN)},
        )
    return proc, port


def _builds(log: Path) -> int:
    return log.read_text(encoding="utf-8").count("Building documentation")


def test_serve_rebuilds_on_annotation_and_seed_changes(mini: Path, tmp_path: Path) -> None:
    proc, port = _serve(mini, tmp_path / "serve.log")
    url = f"http://127.0.0.1:{port}/mini/sources/sample/"  # served under site_url's path
    try:
        _wait_for(url, "Outer note with a link")
        yml = mini / "annotations/sources/sample.yml"
        yml.write_text(
            yml.read_text(encoding="utf-8").replace("Outer note with a link", "Edited note body"),
            encoding="utf-8",
        )
        _wait_for(url, "Edited note body")
        seed = mini / "seeds/sample.txt"
        seed.write_text(
            seed.read_text(encoding="utf-8") + "\nA sentence added to the seed.\n", encoding="utf-8"
        )
        # One save, one build (the system's events and the poll both see it).
        time.sleep(1.0)
        builds = _builds(tmp_path / "serve.log")
        seed.write_text(seed.read_text(encoding="utf-8") + "\nOne more.\n", encoding="utf-8")
        _wait_for(url, "One more.")
        time.sleep(2.5)
        assert _builds(tmp_path / "serve.log") == builds + 1
        # A build reads every watched file; a read is no change, so no build follows it.
        builds = _builds(tmp_path / "serve.log")
        (mini / "annotations/sources/sample.yml").read_text(encoding="utf-8")
        time.sleep(2.5)
        assert _builds(tmp_path / "serve.log") == builds, "serve kept rebuilding"
    finally:
        proc.terminate()
        proc.wait(timeout=20)
    said = (tmp_path / "serve.log").read_text(encoding="utf-8")
    assert "watching folders with the system's file events" in said, said


def test_serve_rebuilds_when_a_sites_own_template_changes(mini: Path) -> None:
    """``templates_dir`` is watched too: an edited override shows without touching data."""
    packaged = ROOT / "plugins/annotated_reader/render/templates/note.html"
    override = mini / "overrides/note.html"
    override.parent.mkdir()
    override.write_text("<!-- override v1 -->" + packaged.read_text("utf-8"), encoding="utf-8")
    config = mini / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    assert "  - annotated-reader\n" in text
    config.write_text(
        text.replace(
            "  - annotated-reader\n", "  - annotated-reader:\n      templates_dir: overrides\n"
        ),
        encoding="utf-8",
    )
    proc, port = _serve(mini)
    url = f"http://127.0.0.1:{port}/mini/sources/sample/"
    try:
        _wait_for(url, "<!-- override v1 -->")
        override.write_text(
            override.read_text(encoding="utf-8").replace("override v1", "override v2"),
            encoding="utf-8",
        )
        _wait_for(url, "<!-- override v2 -->", seconds=30)
    finally:
        proc.terminate()
        proc.wait(timeout=20)


def test_serve_watch_polling_leaves_mkdocs_watcher(mini: Path, tmp_path: Path) -> None:
    """``serve_watch: polling`` keeps MkDocs' own poll, and a save still rebuilds."""
    config = mini / "mkdocs.yml"
    config.write_text(
        config.read_text(encoding="utf-8").replace(
            "  - annotated-reader\n", "  - annotated-reader:\n      serve_watch: polling\n"
        ),
        encoding="utf-8",
    )
    proc, port = _serve(mini, tmp_path / "serve.log")
    url = f"http://127.0.0.1:{port}/mini/sources/sample/"
    try:
        _wait_for(url, "Outer note with a link")
        yml = mini / "annotations/sources/sample.yml"
        yml.write_text(
            yml.read_text(encoding="utf-8").replace("Outer note with a link", "Polled edit"),
            encoding="utf-8",
        )
        _wait_for(url, "Polled edit")
    finally:
        proc.terminate()
        proc.wait(timeout=20)
    said = (tmp_path / "serve.log").read_text(encoding="utf-8")
    assert "file events" not in said, said


class _Heard(FileSystemEventHandler):
    def __init__(self) -> None:
        self.heard = threading.Event()

    def on_any_event(self, event: FileSystemEvent) -> None:
        if not event.is_directory:
            self.heard.set()


def _watched(observer: object) -> set[str]:
    return {e.watch.path for e in observer.emitters}  # type: ignore[attr-defined]


def test_a_folder_is_heard_through_events_a_file_is_polled(tmp_path: Path) -> None:
    """A folder's save is heard long before a poll would look (one a minute here); a
    single file, which an editor may replace by renaming a new one over it, is polled."""
    folder, single = tmp_path / "annotations", tmp_path / "mkdocs.yml"
    folder.mkdir()
    single.write_text("site_name: x\n", encoding="utf-8")
    polling = PollingObserver(timeout=60)
    watcher = EventsFirst(polling, Observer(), logging.getLogger("test"))
    handler = _Heard()
    watcher.schedule(handler, str(folder), recursive=True)
    kept = watcher.schedule(_Heard(), str(single))
    watcher.start()
    try:
        # Both polled (a file's watch is its folder's, the file's events picked out, in
        # watchdog ≥ 4); the folder is heard through the events too.
        assert len(polling.emitters) == 2 and _watched(watcher.events) == {str(folder)}
        (folder / "note.yml").write_text("a: 1\n", encoding="utf-8")
        assert handler.heard.wait(20), "a save in a watched folder was not heard"
        watcher.unschedule(kept)
        assert _watched(polling) == {str(folder)}
    finally:
        watcher.stop()
        watcher.join(10)


def test_a_file_read_is_not_a_change(tmp_path: Path) -> None:
    """The system tells of a file opened and closed unwritten; MkDocs would rebuild on it,
    and each build reads every watched file."""
    folder = tmp_path / "annotations"
    folder.mkdir()
    note = folder / "note.yml"
    note.write_text("a: 1\n", encoding="utf-8")
    watcher = EventsFirst(PollingObserver(timeout=60), Observer(), logging.getLogger("test"))
    handler = _Heard()
    watcher.schedule(handler, str(folder), recursive=True)
    watcher.start()
    try:
        time.sleep(0.5)
        assert note.read_text(encoding="utf-8") == "a: 1\n"
        assert not handler.heard.wait(2), "a read was heard as a change"
        note.write_text("a: 2\n", encoding="utf-8")
        assert handler.heard.wait(20), "a save was not heard"
    finally:
        watcher.stop()
        watcher.join(10)


def test_a_folder_replaced_is_still_heard(tmp_path: Path) -> None:
    """A folder deleted and made again loses the system's watch; the poll still hears it."""
    folder = tmp_path / "annotations"
    folder.mkdir()
    (folder / "note.yml").write_text("a: 1\n", encoding="utf-8")
    watcher = EventsFirst(PollingObserver(timeout=0.3), Observer(), logging.getLogger("test"))
    handler = _Heard()
    watcher.schedule(handler, str(folder), recursive=True)
    watcher.start()
    try:
        time.sleep(0.5)
        shutil.rmtree(folder)
        folder.mkdir()
        (folder / "note.yml").write_text("a: 1\n", encoding="utf-8")
        time.sleep(3)  # the deletion heard, and the poll's news of it past
        handler.heard.clear()
        (folder / "note.yml").write_text("a: 2\n", encoding="utf-8")
        assert handler.heard.wait(20), "a save in the folder made again was not heard"
    finally:
        watcher.stop()
        watcher.join(10)


class _Threads(FileSystemEventHandler):
    def __init__(self) -> None:
        self.threads: list[threading.Thread] = []

    def on_any_event(self, event: FileSystemEvent) -> None:
        if not event.is_directory:
            self.threads.append(threading.current_thread())


def test_a_save_the_system_told_of_is_not_told_again_by_the_poll(tmp_path: Path) -> None:
    """One save, one rebuild: the poll's news of it, a moment later, is dropped."""
    folder = tmp_path / "annotations"
    folder.mkdir()
    (folder / "note.yml").write_text("a: 1\n", encoding="utf-8")
    polling = PollingObserver(timeout=0.2)
    watcher = EventsFirst(polling, Observer(), logging.getLogger("test"))
    handler = _Threads()
    watcher.schedule(handler, str(folder), recursive=True)
    watcher.start()
    try:
        time.sleep(0.6)
        (folder / "note.yml").write_text("a: 2\n", encoding="utf-8")
        time.sleep(1.5)  # several looks of the poll
        assert handler.threads, "the save was not heard"
        assert len(set(handler.threads)) == 1, "told twice: by the system and by the poll"
    finally:
        watcher.stop()
        watcher.join(10)


class _Taking:
    """An observer that only keeps the handler it is given, for a test to call."""

    def __init__(self) -> None:
        self.handler: FileSystemEventHandler | None = None

    def schedule(self, handler: FileSystemEventHandler, path: str, recursive: bool = False) -> str:
        self.handler = handler
        return path


class _Count(FileSystemEventHandler):
    def __init__(self) -> None:
        self.events: list[FileSystemEvent] = []

    def dispatch(self, event: FileSystemEvent) -> None:
        self.events.append(event)


def test_whichever_tells_of_a_save_first_the_other_s_news_of_it_is_dropped(
    tmp_path: Path,
) -> None:
    """A busy machine may deliver the system's event after the poll's look (an outside CI
    run saw it): still one save, one rebuild; and a second save then is the poll's to tell."""
    polling, events, handler = _Taking(), _Taking(), _Count()
    watcher = EventsFirst(polling, events, logging.getLogger("test"))
    watcher.schedule(handler, str(tmp_path), recursive=True)
    assert polling.handler is not None and events.handler is not None
    saved = FileModifiedEvent(str(tmp_path / "a.yml"))
    polling.handler.dispatch(saved)
    events.handler.dispatch(saved)  # the same save, told late
    assert len(handler.events) == 1
    events.handler.dispatch(saved)  # a second save within two seconds…
    polling.handler.dispatch(saved)  # …is told by the poll's next look
    assert len(handler.events) == 2
    other = FileModifiedEvent(str(tmp_path / "b.yml"))
    events.handler.dispatch(other)
    polling.handler.dispatch(other)  # the events first: the poll's news is dropped
    assert len(handler.events) == 3


class _NoInstance(Observer):  # type: ignore[misc,valid-type]
    """The system's events, as where a user's 128 inotify instances are taken."""

    def schedule(self, *_args: object, **_kwargs: object) -> None:
        raise OSError(24, "inotify instance limit reached")


def test_without_an_inotify_instance_folders_are_polled(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    folder = tmp_path / "annotations"
    folder.mkdir()
    polling = PollingObserver(timeout=0.2)
    watcher = EventsFirst(polling, _NoInstance(), logging.getLogger("test"))
    with caplog.at_level(logging.INFO):
        watch = watcher.schedule(_Heard(), str(folder), recursive=True)
        watcher.start()
    try:
        assert "inotify instance limit reached" in caplog.text
        assert "a save rebuilds at once" not in caplog.text
        assert _watched(polling) == {str(folder)}
        watcher.unschedule(watch)
        assert _watched(polling) == set()
    finally:
        watcher.stop()
        watcher.join(10)


class _NoEvents(Observer):  # type: ignore[misc,valid-type]
    """The system's events, as where inotify's limit of watches is reached."""

    def start(self) -> None:
        raise OSError(28, "inotify watch limit reached")


def test_without_system_events_folders_are_polled(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    folder = tmp_path / "annotations"
    folder.mkdir()
    polling = PollingObserver(timeout=0.2)
    watcher = EventsFirst(polling, _NoEvents(), logging.getLogger("test"))
    handler = _Heard()
    watch = watcher.schedule(handler, str(folder), recursive=True)
    with caplog.at_level(logging.INFO):
        watcher.start()
    try:
        assert "polled every half second instead" in caplog.text
        assert "inotify watch limit reached" in caplog.text
        assert "a save rebuilds at once" not in caplog.text
        assert _watched(polling) == {str(folder)}
        (folder / "note.yml").write_text("a: 1\n", encoding="utf-8")
        assert handler.heard.wait(20), "the polled folder's save was not heard"
        watcher.unschedule(watch)
        assert _watched(polling) == set()
    finally:
        watcher.stop()
        watcher.join(10)


def test_quicken_moves_mkdocs_own_folders_to_events(tmp_path: Path) -> None:
    """The folders MkDocs watched before the plugin's turn (docs_dir) are heard through the
    system's events too; mkdocs.yml stays polled."""
    from annotated_reader.mkdocs.watcher import quicken
    from mkdocs.livereload import LiveReloadServer

    docs, config = tmp_path / "docs", tmp_path / "mkdocs.yml"
    docs.mkdir()
    config.write_text("site_name: x\n", encoding="utf-8")
    server = LiveReloadServer(builder=lambda: None, host="127.0.0.1", port=0, root=str(tmp_path))
    try:
        server.watch(str(docs))
        server.watch(str(config))
        polling = server.observer
        assert quicken(server, logging.getLogger("test"))
        watcher = server.observer
        assert isinstance(watcher, EventsFirst) and watcher.polling is polling
        assert _watched(watcher.events) == {str(docs)} and len(polling.emitters) == 2
        assert not quicken(server, logging.getLogger("test"))  # once is enough
        server.unwatch(str(docs))
        assert _watched(watcher.events) == set()
    finally:
        server.server_close()
