"""How long ``mkdocs serve`` takes to show an edited annotation.

Starts ``mkdocs serve`` on a free loopback port, waits for the source page, then edits the
body of the page's first note several times and times each edit until the served page
shows it. The time includes MkDocs' file watcher and its 0.1 s debounce, and a full
rebuild of the site (MkDocs rebuilds everything on any change).
"""

from __future__ import annotations

import re
import socket
import subprocess
import time
import urllib.request
from pathlib import Path

from .measure import BIN, ENV, Sample, Series

_BODY = re.compile(r"^(\s*body: [|>]-?\n)(\s+)", re.MULTILINE)


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
    source = sorted((project / "annotations" / "sources").glob("*.yml"))[0]
    original = source.read_text(encoding="utf-8")
    if not _BODY.search(original):
        raise ValueError(f"{source}: no block-scalar note body to edit")
    port = _free_port()
    proc = subprocess.Popen(
        [str(BIN / "mkdocs"), "serve", "--dev-addr", f"127.0.0.1:{port}"],
        cwd=project,
        env=ENV,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}/sources/{source.stem}/"
    out = Series()
    try:
        _wait_for(url, "ar-note", timeout)
        for k in range(edits):
            marker = f"benchedit{k}x{port}"
            source.write_text(
                _BODY.sub(rf"\g<1>\g<2>{marker} ", original, count=1), encoding="utf-8"
            )
            out.samples.append(Sample(_wait_for(url, marker, timeout), 0.0))
            time.sleep(0.5)  # let the watcher settle before the next edit
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        source.write_text(original, encoding="utf-8")
    return out
