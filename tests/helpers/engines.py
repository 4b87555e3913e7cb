"""The two engines that build the reader: MkDocs with the plugin, and Zensical from the
engine-neutral render (``annotated-reader zensical``). Reader tests take an ``engine``
fixture (see conftest.py) and build their project with :func:`build_with`."""

from __future__ import annotations

import subprocess
from pathlib import Path

from helpers.project import BIN, ROOT, build, run

ENGINES = ("mkdocs", "zensical")
# `make test` installs it (`make zensical`'s prerequisite), pinned by tools/zensical/.
ZENSICAL = ROOT / ".venv-zensical" / "bin" / "zensical"
SITE_DIR = {"mkdocs": "site", "zensical": "site-zensical"}


def build_zensical(project: Path, *extra: str) -> subprocess.CompletedProcess[str]:
    if not ZENSICAL.is_file():
        raise RuntimeError(f"{ZENSICAL.relative_to(ROOT)} is missing: run `make zensical`")
    cmd = [str(BIN / "annotated-reader"), "zensical", "--zensical", str(ZENSICAL), *extra]
    return run(cmd, project)


def build_with(engine: str, project: Path) -> Path:
    """Build ``project`` strict with ``engine``; the built site's folder."""
    result = build(project) if engine == "mkdocs" else build_zensical(project)
    assert result.returncode == 0, result.stdout + result.stderr
    return project / SITE_DIR[engine]
