"""How long ``mkdocs serve`` takes to show an edited annotation, and its plain twin an edited page.

Starts ``mkdocs serve`` on a free loopback port, waits for a source page, then edits it
several times (the plugin's site: the body of the page's first note; the plain twin: the
page's first paragraph) and times each edit until the served page shows it. The time
includes MkDocs' file watcher, which looks for changes every 0.5 s, its 0.1 s debounce and a
full rebuild of the site (MkDocs rebuilds everything on any change). The edits are made at
offsets spread over the watcher's half second (a fixed pause between edits would land each
one at the same point of its cycle, and measure that point's wait every time).
"""

from __future__ import annotations

import re
import socket
import subprocess
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path

from .measure import BIN, ENV, Sample, Series

# A note's body as a block (the real corpus) or a quoted line (the synthetic ones)
_BODY = re.compile(r"^(\s*body: [|>]-?\n)(\s+)|^\s*body: '", re.MULTILINE)
_PARAGRAPH = re.compile(r"^(# [^\n]*\n\n)", re.MULTILINE)
_POLL = 0.5  # MkDocs' file watcher: seconds between two looks at the watched files


@dataclass(frozen=True)
class Edit:
    """One file of a project edited again and again, and the page that shows it."""

    path: Path
    original: str
    pattern: re.Pattern[str]
    url_path: str

    def text(self, marker: str) -> str:
        return self.pattern.sub(rf"\g<0>{marker} ", self.original, count=1)


def edit_of(project: Path) -> Edit:
    """The plugin's site: its first source's first note; a plain twin: its first page."""
    sources = project / "annotations" / "sources"
    if sources.is_dir():
        path, pattern = sorted(sources.glob("*.yml"))[0], _BODY
    else:
        pages = project / "docs" / "sources"
        path, pattern = sorted(p for p in pages.glob("*.md") if p.name != "index.md")[0], _PARAGRAPH
    original = path.read_text(encoding="utf-8")
    if not pattern.search(original):
        raise ValueError(f"{path}: nothing to edit")
    return Edit(path, original, pattern, f"/sources/{path.stem}/")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _wait_for(url: str, needle: str, timeout: float) -> float:
    """Seconds until ``needle`` is on the page at ``url`` (polled every 20 ms)."""
    start = time.perf_counter()
    while time.perf_counter() - start < timeout:
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                if needle in response.read().decode("utf-8"):
                    return time.perf_counter() - start
        except OSError:
            pass
        time.sleep(0.02)
    raise TimeoutError(f"{needle!r} did not appear at {url} within {timeout:.0f} s")


def serve_rebuilds(project: Path, edits: int = 3, timeout: float = 120) -> Series:
    """Edit → served page updated, once per edit. ``project`` is modified; pass a copy."""
    edit = edit_of(project)
    port = _free_port()
    proc = subprocess.Popen(
        [str(BIN / "mkdocs"), "serve", "--dev-addr", f"127.0.0.1:{port}"],
        cwd=project,
        env=ENV,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}{edit.url_path}"
    out = Series()
    try:
        _wait_for(url, "</html>", timeout)
        time.sleep(1.0)  # the watcher starts once the first build is served
        for k in range(edits):
            marker = f"benchedit{k}x{port}"
            edit.path.write_text(edit.text(marker), encoding="utf-8")
            out.samples.append(Sample(_wait_for(url, marker, timeout), 0.0))
            # Let the watcher settle, then wait a further part of its cycle: the golden
            # ratio's multiples spread the edits evenly over it, whatever their number.
            time.sleep(_POLL + _POLL * ((k + 1) * 0.618034 % 1))
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        edit.path.write_text(edit.original, encoding="utf-8")
    return out
