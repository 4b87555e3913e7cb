"""What ``mkdocs serve`` watches with: the system's file events for folders, and a poll.

MkDocs looks at every watched file twice a second (watchdog's ``PollingObserver``), so a
saved note waits a quarter of a second on average, half a second at worst, before its
rebuild even starts: on the seed site, as long as the plugin's part of the rebuild. The
system says when a file changes (inotify, FSEvents, ReadDirectoryChangesW: watchdog's
``Observer``), and a save rebuilds at once.

The system's events cover only the folders that were there when watching began: a folder
deleted and made again, or replaced by ``mv``, a folder reached through a link, or one made
once inotify's limit of watches is reached, is no longer heard. So MkDocs' poll goes on
beside them, as a net: what it sees of a file the events told of in the last two seconds
is dropped (one save, one rebuild), and so is what the events tell of a file the poll saw
first (a busy machine may deliver the events late); what only it sees rebuilds, as in
MkDocs. Single files (``mkdocs.yml``) are only polled.
"""

from __future__ import annotations

import logging
import os
import time
from typing import Any

# What the system tells of a file opened and closed without a change made (watchdog ≥ 5 on
# Linux; "closed" follows a write, which "modified" told of already): MkDocs rebuilds on
# any file's event, and a build reads every watched file, so each rebuild would start the
# next. A poll never sees these.
_NO_CHANGE = frozenset({"opened", "closed_no_write", "closed"})
_TOLD = 2.0  # seconds during which one side's news of a file the other told of is dropped


def _recent(paths: list[str], told: dict[str, float], now: float) -> bool:
    return any(now - told.get(path, -_TOLD) < _TOLD for path in paths)


def _paths(event: Any) -> list[str]:
    return [p for p in (getattr(event, "src_path", ""), getattr(event, "dest_path", "")) if p]


class _Changes:
    """MkDocs' handler, given the system's events of files changed (and noting when) but
    those the poll told of just before. One dropped is not noted: a second save in the
    meantime is then the poll's to tell, at its next look."""

    def __init__(self, handler: Any, told: dict[str, float], polled: dict[str, float]) -> None:
        self.handler, self.told, self.polled = handler, told, polled

    def dispatch(self, event: Any) -> None:
        if getattr(event, "event_type", None) in _NO_CHANGE:
            return
        now, paths = time.monotonic(), _paths(event)
        if _recent(paths, self.polled, now):
            return
        for path in paths:
            self.told[path] = now
        self.handler.dispatch(event)


class _Untold:
    """MkDocs' handler, given the poll's events (and noting when) but those the system's
    told of just before."""

    def __init__(self, handler: Any, told: dict[str, float], polled: dict[str, float]) -> None:
        self.handler, self.told, self.polled = handler, told, polled

    def dispatch(self, event: Any) -> None:
        now, paths = time.monotonic(), _paths(event)
        if _recent(paths, self.told, now):
            return
        for path in paths:
            self.polled[path] = now
        self.handler.dispatch(event)


class EventsFirst:
    """MkDocs' observer as MkDocs uses it (``schedule``, ``unschedule``, ``start``, ``stop``,
    ``join``): every path is polled, and folders are also heard through the system's events.
    When those cannot be used (no inotify, its limits of instances or of watches reached),
    only the poll is left, as in MkDocs, and an INFO line says so."""

    def __init__(self, polling: Any, events: Any, log: logging.Logger | logging.LoggerAdapter[Any]):
        self.polling, self.events, self.log = polling, events, log
        self._events: dict[Any, Any] = {}  # the poll's watch handed to MkDocs → the events'
        self._told: dict[str, float] = {}  # a file's path → when the events last told of it
        self._polled: dict[str, float] = {}  # … and when the poll did
        self._events_running = False
        self._polled_only = False  # the system's events failed: every folder is polled

    def schedule(self, handler: Any, path: str, recursive: bool = False) -> Any:
        folder = os.path.isdir(path)
        polled = _Untold(handler, self._told, self._polled) if folder else handler
        watch = self.polling.schedule(polled, path, recursive=recursive)
        if folder and not self._polled_only:
            try:  # watchdog ≥ 7 takes an inotify instance here (a limit of 128 per user)
                heard = _Changes(handler, self._told, self._polled)
                own = self.events.schedule(heard, path, recursive=recursive)
            except OSError as exc:
                self._all_polled(exc)
            else:
                self._events[watch] = own
        return watch

    def unschedule(self, watch: Any) -> None:
        own = self._events.pop(watch, None)
        if own is not None:
            self.events.unschedule(own)
        self.polling.unschedule(watch)

    def start(self) -> None:
        if not self._polled_only:
            try:
                self.events.start()
                self._events_running = True
                self.log.info(
                    "watching folders with the system's file events: a save rebuilds at once"
                )
            except OSError as exc:
                self._all_polled(exc)
        self.polling.start()

    def _all_polled(self, exc: OSError) -> None:
        self.log.info(
            f"cannot watch folders with the system's file events ({exc}): they are polled "
            "every half second instead (raise the system's inotify limits, or set "
            "serve_watch: polling to say so)"
        )
        self._polled_only = True
        self.events.unschedule_all()
        self._events.clear()

    def stop(self) -> None:
        self.events.stop()
        self.polling.stop()

    def join(self, timeout: float | None = None) -> None:
        if self._events_running:
            self.events.join(timeout)
        self.polling.join(timeout)


def quicken(server: Any, log: logging.Logger | logging.LoggerAdapter[Any]) -> bool:
    """Give ``server`` (MkDocs' ``LiveReloadServer``, before it serves) an
    :class:`EventsFirst` observer, its folders watched so far moved to it; False, and
    MkDocs' own observer left alone, where there is nothing to gain or MkDocs changed."""
    from watchdog.observers import Observer
    from watchdog.observers.polling import PollingObserver

    polling = getattr(server, "observer", None)
    # MkDocs counts the watch() calls per path (each unwatch() takes one back).
    watched = getattr(server, "_watched_paths", None)
    if (
        type(polling) is not PollingObserver
        or Observer is PollingObserver  # a system without file events
        or not isinstance(watched, dict)
        or getattr(polling, "is_alive", lambda: True)()
    ):
        return False
    counts = dict(watched)
    for path, times in counts.items():
        for _ in range(times):
            server.unwatch(path)
    server.observer = EventsFirst(polling, Observer(), log)
    for path, times in counts.items():
        for _ in range(times):
            server.watch(path)
    return True
