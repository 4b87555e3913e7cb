"""What ``mkdocs serve`` watches with: the system's file events for folders, not a poll.

MkDocs looks at every watched file twice a second (watchdog's ``PollingObserver``), so a
saved note waits a quarter of a second on average, half a second at worst, before its
rebuild even starts: on the seed site, as long as the plugin's part of the rebuild. The
system says when a file changes (inotify, FSEvents, ReadDirectoryChangesW: watchdog's
``Observer``). Single files (``mkdocs.yml``) stay polled: an editor that saves by writing a
new file and renaming it over the old one leaves an event watch on the old file, which then
hears nothing, where a folder's watch hears the rename.
"""

from __future__ import annotations

import logging
import os
from typing import Any

# One watch handed to MkDocs: the observer that holds it, its own watch there, and what
# scheduled it (to schedule it again elsewhere).
_Held = tuple[Any, Any, tuple[Any, str, bool]]

# What the system tells of a file read, not changed (watchdog ≥ 5 on Linux): MkDocs
# rebuilds on any file's event, and a build reads every watched file, so each rebuild
# would start the next. A poll never sees these.
_READ_ONLY = frozenset({"opened", "closed_no_write"})


class _Changes:
    """MkDocs' handler, given only the events of files changed."""

    def __init__(self, handler: Any) -> None:
        self.handler = handler

    def dispatch(self, event: Any) -> None:
        if getattr(event, "event_type", None) not in _READ_ONLY:
            self.handler.dispatch(event)


class EventsFirst:
    """MkDocs' observer as MkDocs uses it (``schedule``, ``unschedule``, ``start``, ``stop``,
    ``join``): folders go to the system's events, files to the polling observer. When the
    system's events cannot start (no inotify, its limit of watches reached), every folder is
    polled instead, as MkDocs does, and an INFO line says so."""

    def __init__(self, polling: Any, events: Any, log: logging.Logger | logging.LoggerAdapter[Any]):
        self.polling, self.events, self.log = polling, events, log
        self._held: dict[Any, _Held] = {}
        self._events_running = False
        self._polled_only = False  # the system's events failed: every folder is polled

    def schedule(self, handler: Any, path: str, recursive: bool = False) -> Any:
        if self._polled_only or not os.path.isdir(path):
            watch = self.polling.schedule(handler, path, recursive=recursive)
            self._held[watch] = (self.polling, watch, (handler, path, recursive))
            return watch
        try:  # watchdog ≥ 7 takes an inotify instance here (a limit of 128 per user)
            watch = self.events.schedule(_Changes(handler), path, recursive=recursive)
        except OSError as exc:
            self._all_polled(exc)
            return self.schedule(handler, path, recursive)
        self._held[watch] = (self.events, watch, (handler, path, recursive))
        return watch

    def unschedule(self, watch: Any) -> None:
        observer, own, _ = self._held.pop(watch, (self.polling, watch, None))
        observer.unschedule(own)

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
        for watch, (observer, _, args) in list(self._held.items()):
            if observer is self.events:
                handler, path, recursive = args
                own = self.polling.schedule(handler, path, recursive=recursive)
                self._held[watch] = (self.polling, own, args)

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
