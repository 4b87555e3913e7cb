"""`mkdocs serve` rebuilds when an annotation file or a seed changes."""

from __future__ import annotations

import socket
import subprocess
import time
import urllib.request
from pathlib import Path

from helpers.project import BIN, ROOT


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


def _serve(project: Path) -> tuple[subprocess.Popen[bytes], int]:
    port = _free_port()
    proc = subprocess.Popen(
        [str(BIN / "mkdocs"), "serve", "-a", f"127.0.0.1:{port}"],
        cwd=project,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env={"NO_MKDOCS_2_WARNING": "1", "PATH": str(BIN)},
    )
    return proc, port


def test_serve_rebuilds_on_annotation_and_seed_changes(mini: Path) -> None:
    proc, port = _serve(mini)
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
        _wait_for(url, "A sentence added to the seed.")
    finally:
        proc.terminate()
        proc.wait(timeout=20)


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
