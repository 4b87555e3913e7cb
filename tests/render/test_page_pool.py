"""Source pages rendered in several processes (``workers``): the same bytes as one process
writes, under MkDocs and the command line; a worker that dies, or a process running other
threads, leaves the pages to the build itself. Builds run as subprocesses: the pool forks
only a process with no other thread, and this test process may have some."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from annotated_reader.render import pool
from helpers.project import BIN, ROOT, run

from benchmarks import synth

POOL_LINE = "rendering 12 source pages in 2 worker processes"


def _project(dest: Path, workers: int) -> Path:
    # A small page budget cuts the glossary and the timeline: a source page's term and event
    # links then go to parts the build works out once, before the workers fork.
    options = (("workers", workers), ("page_budget", 4000))
    spec = synth.Spec(sources=12, annotations=8, terms=30, events=12, plugin=options)
    return synth.generate(dest, spec).root


def _files(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*") if p.is_file()
    }


def _same_tree(one: Path, other: Path) -> None:
    a, b = _files(one), _files(other)
    assert sorted(a) == sorted(b)
    differ = [name for name in a if a[name] != b[name]]
    assert not differ, differ[:5]


@pytest.fixture(scope="module")
def projects(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    base = tmp_path_factory.mktemp("pool")
    return _project(base / "one", 1), _project(base / "two", 2)


def test_mkdocs_builds_the_same_bytes_in_two_processes(projects: tuple[Path, Path]) -> None:
    one, two = projects
    env = {"SOURCE_DATE_EPOCH": "0"}
    alone = run([str(BIN / "mkdocs"), "build", "--strict", "-v", "-d", "site"], one, env=env)
    shared = run([str(BIN / "mkdocs"), "build", "--strict", "-v", "-d", "site"], two, env=env)
    assert alone.returncode == 0, alone.stderr[-2000:]
    assert shared.returncode == 0, shared.stderr[-2000:]
    assert POOL_LINE in shared.stderr and "source pages in" not in alone.stderr
    assert any("glossary/" in name and name.count("/") > 1 for name in _files(two / "site"))
    _same_tree(one / "site", two / "site")


def test_the_command_line_renders_the_same_files_in_two_processes(
    projects: tuple[Path, Path], tmp_path: Path
) -> None:
    one, two = projects
    for project in projects:
        done = run([str(BIN / "annotated-reader"), "render", str(tmp_path / project.name)], project)
        assert done.returncode == 0, done.stderr[-2000:]
    _same_tree(tmp_path / one.name, tmp_path / two.name)


def _script(body: str) -> subprocess.CompletedProcess[str]:
    """Run ``body`` in a fresh Python with a pool over a stand-in site whose page ``p3``
    kills any worker that renders it (stops it, with ``STOP = True``)."""
    head = """
        import os, signal, sys, threading
        from annotated_reader.render import pool
        PARENT = os.getpid()
        STOP = False
        class Cache:
            def take_used(self):
                return {}
            def merge(self, used):
                pass
        class Corpus:
            sources = []
            cache = Cache()
        class Site:
            corpus = Corpus()
            def page(self, path, url):
                if path == "p3" and os.getpid() != PARENT:
                    os.kill(os.getpid(), signal.SIGSTOP) if STOP else os._exit(1)
                return (path, url, os.getpid() == PARENT)
        jobs = [(f"p{i}", f"u{i}") for i in range(8)]
    """
    code = textwrap.dedent(head) + textwrap.dedent(body)
    return subprocess.run(
        [sys.executable, "-c", code], capture_output=True, encoding="utf-8", cwd=ROOT, timeout=120
    )


def test_a_worker_that_dies_leaves_its_pages_to_the_build() -> None:
    done = _script(
        """
        p = pool.PagePool(Site(), jobs, 2)
        got = [p.take(path, url) for path, url in jobs]
        p.close()
        assert [g[:2] for g in got] == jobs, got
        here = [g[0] for g in got if g[2]]
        assert "p0" in here and "p3" in here, here  # the first page, and the one that killed
        assert len(here) < len(jobs), here  # the workers rendered some before one died
        print("ok")
        """
    )
    assert done.stdout.strip() == "ok", done.stderr[-2000:]


def test_a_worker_that_stops_leaves_its_pages_to_the_build_and_is_killed() -> None:
    """A stopped worker never answers: the build stops waiting for it, kills the workers
    and renders the rest itself, and ends (it waited for ever)."""
    done = _script(
        """
        STOP = True
        pool.STALLED_SECONDS = 1.0
        p = pool.PagePool(Site(), jobs, 2)
        got = [p.take(path, url) for path, url in jobs]
        p.close()
        assert [g[:2] for g in got] == jobs, got
        here = [g[0] for g in got if g[2]]
        assert "p0" in here and "p3" in here, here
        assert len(here) < len(jobs), here  # the workers rendered some before one stopped
        print("ok")
        """
    )
    assert done.stdout.strip() == "ok", done.stderr[-2000:]


def test_a_worker_stopped_when_its_pages_are_done_does_not_keep_the_build_open() -> None:
    done = _script(
        """
        pool.STALLED_SECONDS = 1.0
        jobs = [j for j in jobs if j[0] != "p3"]
        p = pool.PagePool(Site(), jobs, 2)
        got = [p.take(path, url) for path, url in jobs]
        workers = list(p._pool._processes.values())
        os.kill(workers[0].pid, signal.SIGSTOP)
        p.close()
        assert not any(w.is_alive() for w in workers)
        print("ok")
        """
    )
    assert done.stdout.strip() == "ok", done.stderr[-2000:]


def test_no_worker_is_forked_while_another_thread_runs() -> None:
    done = _script(
        """
        stop = threading.Event()
        threading.Thread(target=stop.wait, daemon=True).start()
        p = pool.PagePool(Site(), [j for j in jobs if j[0] != "p3"], 2)
        got = [p.take(path, url) for path, url in jobs]
        p.close()
        stop.set()
        assert all(g[2] for g in got), got
        print("ok")
        """
    )
    assert done.stdout.strip() == "ok", done.stderr[-2000:]


def test_a_page_asked_for_at_another_address_is_rendered_by_the_build() -> None:
    done = _script(
        """
        p = pool.PagePool(Site(), [j for j in jobs if j[0] != "p3"], 2)
        assert p.take("p0", "u0") == ("p0", "u0", True)
        assert p.take("p1", "elsewhere") == ("p1", "elsewhere", True)
        assert p.take("p2", "u2") == ("p2", "u2", False)
        p.close()
        print("ok")
        """
    )
    assert done.stdout.strip() == "ok", done.stderr[-2000:]


def test_how_many_workers(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pool, "usable_cores", lambda: 4)
    assert pool.workers_for(None, pool.MIN_SOURCES - 1) == 0
    assert pool.workers_for(None, pool.MIN_SOURCES) == 4
    assert pool.workers_for(1, 5000) == 0
    assert pool.workers_for(0, 5000) == 0
    assert pool.workers_for(3, 5) == 3
    monkeypatch.setattr(pool, "usable_cores", lambda: 1)
    assert pool.workers_for(None, 5000) == 0


@pytest.mark.parametrize("value", ["two", "true", "0", "-3", "65", "99999999999"])
def test_workers_that_are_not_a_number_of_processes_are_refused(
    projects: tuple[Path, Path], tmp_path: Path, value: str
) -> None:
    """Both engines refuse what is not 1 to 64 processes (``true`` was taken as 1 by MkDocs,
    and 99999999999 reached the system as a traceback)."""
    one, _ = projects
    config = one / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    config.write_text(text.replace("workers: 1", f"workers: {value}"), encoding="utf-8")
    try:
        done = run([str(BIN / "annotated-reader"), "render", str(tmp_path / "out")], one)
        built = run([str(BIN / "mkdocs"), "build", "-d", "site-bad"], one)
    finally:
        config.write_text(text, encoding="utf-8")
    said = "must be a whole number from 1 to 64 (processes that render the source pages"
    assert done.returncode != 0 and "Traceback" not in done.stderr
    assert f"mkdocs.yml:1:1: error: [config.type] 'workers' {said}" in done.stderr, done.stderr
    assert built.returncode != 0 and "Traceback" not in built.stderr
    assert said in built.stderr, built.stderr[-1000:]


def test_render_refuses_a_cache_option_that_is_not_true_or_false(
    projects: tuple[Path, Path], tmp_path: Path
) -> None:
    """As MkDocs does (``cache: "false"`` was taken as on by the command line)."""
    one, _ = projects
    config = one / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    config.write_text(text.replace("workers: 1", 'workers: 1\n    cache: "false"'), "utf-8")
    try:
        done = run([str(BIN / "annotated-reader"), "render", str(tmp_path / "out")], one)
    finally:
        config.write_text(text, encoding="utf-8")
    assert done.returncode != 0
    assert "'cache' must be true or false, not 'false'" in done.stderr, done.stderr
