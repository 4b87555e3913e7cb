"""Source pages rendered on several cores at once, for a large build.

Rendering a source page only reads the loaded corpus, so workers forked from the build
inherit it (nothing is pickled but the finished pages) and render the bytes the build
itself would. The engine still asks for the pages one at a time, in its own order; the
pool renders a few pages ahead of it (never the whole corpus at once, which a large build
could not hold), and a page it was not given, or asked for at another address, is
rendered in the build's own process. A worker that dies, or gives no page for a minute,
makes the rest render there too.

Forking needs the ``fork`` start method (Linux; not Windows, nor macOS's default), and is
unsafe in a process that runs other threads (``mkdocs serve``): callers ask for a pool only
where :func:`can_fork` and their own knowledge say so.
"""

from __future__ import annotations

import multiprocessing
import os
import threading
from collections import deque
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from .items import GeneratedPage

if TYPE_CHECKING:  # concurrent.futures.process is imported when a pool starts: 20 ms otherwise
    from concurrent.futures import Future, ProcessPoolExecutor

    from .generated import GeneratedSite  # the whole renderer: not for a replayed build

# Below this many sources a pool costs more (starting the workers) than it saves.
MIN_SOURCES = 100
MAX_WORKERS = 64  # the option's bound: more processes than this only compete for the cores
AHEAD_PER_WORKER = 4  # pages rendered ahead of the engine, per worker
# How long the build waits for a worker's page before it stops the workers and renders the
# rest itself: a worker stopped (not dead: SIGSTOP, a debugger, a frozen container) never
# answers, and the build waited for it for ever. A page takes milliseconds to render.
STALLED_SECONDS = 60.0

_site: GeneratedSite | None = None  # the workers' site: the parent's, inherited on fork


def _render(path: str, url: str) -> tuple[GeneratedPage | None, Any]:
    """A page, and the results of the build's cache the worker used in rendering it (which
    the parent must not delete at the end of the build: the worker wrote its new ones)."""
    assert _site is not None, "a worker renders only after it forked from a build"
    page = _site.page(path, url)
    return page, _site.corpus.cache.take_used()


def can_fork() -> bool:
    return "fork" in multiprocessing.get_all_start_methods()


def usable_cores() -> int:
    """Cores this process may run on (its affinity, where the system says)."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on every system
        return os.cpu_count() or 1


def workers_for(option: int | None, sources: int) -> int:
    """How many workers render the pages: the option when set (1 or less: none), else
    every usable core once the corpus is large enough to gain from them."""
    if option is not None:
        return option if option > 1 else 0
    cores = usable_cores()
    return cores if cores > 1 and sources >= MIN_SOURCES else 0


def source_paths(site: GeneratedSite, workers: int) -> list[str]:
    """The pages worth giving to ``workers`` workers (the source pages), none when there
    are no workers, this system cannot fork, or this process runs other threads (the
    rebuilds of ``mkdocs serve``: forking would copy locks those threads hold)."""
    if not workers or not can_fork() or threading.active_count() > 1:
        return []
    return [f"sources/{s.id}.md" for s in site.corpus.sources]


class PagePool:
    """Pages (``path``, address) rendered by ``workers`` forked processes, a few ahead of
    :meth:`take`; :meth:`close` when the build is done with them.

    The first page asked for is rendered here, before the workers fork: what every page
    needs and is worked out on first use (where a cut glossary put each term) is then
    worked out once, not once per worker."""

    def __init__(self, site: GeneratedSite, jobs: Iterable[tuple[str, str]], workers: int) -> None:
        self.site = site
        self.workers = max(1, workers)
        self._queue = deque(jobs)
        self._waiting = set(self._queue)
        self._running: dict[tuple[str, str], Future[tuple[GeneratedPage | None, Any]]] = {}
        self._pool: ProcessPoolExecutor | None = None
        self._started = False

    def _start(self) -> None:
        global _site
        self._started = True
        if not self._queue or threading.active_count() > 1:  # forking would copy held locks
            return
        from concurrent.futures import ProcessPoolExecutor

        _site = self.site
        self._pool = ProcessPoolExecutor(
            max_workers=self.workers, mp_context=multiprocessing.get_context("fork")
        )

    def _fill(self, until: tuple[str, str] | None = None) -> None:
        """Give the workers pages in order, a few ahead, and at least up to ``until``."""
        ahead = self.workers * AHEAD_PER_WORKER
        while (
            self._pool is not None
            and self._queue
            and (len(self._running) < ahead or until in self._waiting)
        ):
            from concurrent.futures.process import BrokenProcessPool

            job = self._queue.popleft()
            self._waiting.discard(job)
            try:
                self._running[job] = self._pool.submit(_render, *job)
            except BrokenProcessPool:
                self.close()

    def take(self, path: str, url: str) -> GeneratedPage | None:
        """The page, rendered by a worker if it was given one, else here."""
        job = (path, url)
        if not self._started and job in self._waiting:
            self._waiting.discard(job)
            self._queue.remove(job)
            page = self.site.page(path, url)
            self._start()
            self._fill()
            return page
        if job in self._waiting:
            self._fill(until=job)
        future = self._running.pop(job, None)
        if future is None:
            return self.site.page(path, url)
        from concurrent.futures import TimeoutError as Stalled
        from concurrent.futures.process import BrokenProcessPool

        try:
            page, used = future.result(timeout=STALLED_SECONDS)
            self.site.corpus.cache.merge(used)
        except BrokenProcessPool:  # a worker died (out of memory, killed): carry on here
            self.close()
            return self.site.page(path, url)
        except Stalled:  # a worker stopped: it would never answer, nor let the pool close
            self.close(kill=True)
            return self.site.page(path, url)
        self._fill()
        return page

    def close(self, *, kill: bool = False) -> None:
        """Stop the workers (``kill``: at once, whatever they are doing); later pages render
        in this process."""
        global _site
        pool, self._pool = self._pool, None
        if pool is not None:
            # The executor has no public way to stop a worker that does not answer: its
            # processes are killed, now (``kill``) or when they do not end in good time.
            processes: dict[int, Any] = getattr(pool, "_processes", None) or {}
            workers = list(processes.values())
            manager = getattr(pool, "_executor_manager_thread", None)  # reaps the workers
            for process in workers if kill else ():
                process.kill()
            pool.shutdown(wait=False, cancel_futures=True)  # forgets its manager: kept above
            for process in workers:
                process.join(STALLED_SECONDS)
                if process.is_alive():  # stopped, say, once it had rendered its pages
                    process.kill()
            if manager is not None:  # every worker ended and reaped once it has
                manager.join()
        self._running.clear()
        self._queue.clear()
        self._waiting.clear()
        _site = None
