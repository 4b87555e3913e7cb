"""The package as another newsroom gets it: a wheel, installed into a fresh virtual
environment outside this repository, that starts a project which builds strict.

The wheel is built from a copy of the package's sources with ``pip wheel --no-deps`` (pip
fetches the build backend, setuptools, through its ordinary index, as ``python -m build``
would). The fresh environment installs the wheel and its dependencies the same way, as a
user would (pip's cache makes the second run quick); then ``annotated-reader init``, ``mkdocs build --strict`` and the new project's own
``make test`` run with that environment's commands, in a folder outside the repository.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import venv
import zipfile
from pathlib import Path

import pytest
from helpers.project import ROOT

PACKAGE = ROOT / "plugins" / "annotated_reader"


def sh(cmd: list[str], cwd: Path, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(cmd, cwd=cwd, env=env, capture_output=True, encoding="utf-8", check=False)


def clean_env(home: Path) -> dict[str, str]:
    """Nothing of the repository or of the running environment leaks in."""
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in {"PYTHONPATH", "VIRTUAL_ENV", "PYTHONHOME"} and not k.startswith("PYTEST")
    }
    env["NO_MKDOCS_2_WARNING"] = "1"
    env["PATH"] = os.pathsep.join(
        p for p in env.get("PATH", "").split(os.pathsep) if ".venv" not in p
    )
    env["HOME"] = str(home)  # pip still reads its configuration (index, cache) from the system
    env.setdefault("XDG_CACHE_HOME", str(Path.home() / ".cache"))
    return env


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    src = tmp_path_factory.mktemp("src")
    shutil.copy2(ROOT / "pyproject.toml", src / "pyproject.toml")
    shutil.copytree(
        PACKAGE,
        src / "plugins" / "annotated_reader",
        ignore=shutil.ignore_patterns("__pycache__", "*.pyc"),
    )
    out = tmp_path_factory.mktemp("dist")
    cmd = [sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", "-w", str(out), str(src)]
    result = sh(cmd, src, dict(os.environ))
    assert result.returncode == 0, result.stdout + result.stderr
    (found,) = out.glob("annotated_reader-*.whl")
    return found


def test_the_wheel_holds_templates_assets_and_the_new_project(wheel: Path) -> None:
    with zipfile.ZipFile(wheel) as zf:
        names = set(zf.namelist())
    packaged = {
        n.removeprefix("annotated_reader/") for n in names if n.startswith("annotated_reader/")
    }
    for folder in ("render/templates", "render/assets", "scaffold/template"):
        here = {
            p.relative_to(PACKAGE).as_posix()
            for p in (PACKAGE / folder).rglob("*")
            if p.is_file() and "__pycache__" not in p.parts
        }
        assert here and here <= packaged, sorted(here - packaged)
    assert "scaffold/template/dot-github/workflows/review.yml" in packaged
    # Nothing of this repository's corpus or tests travels with the package.
    assert not [n for n in names if "seeds/0" in n or n.startswith("tests/")]
    entry_points = next(n for n in names if n.endswith("entry_points.txt"))
    with zipfile.ZipFile(wheel) as zf:
        text = zf.read(entry_points).decode("utf-8")
    assert "annotated-reader = annotated_reader.mkdocs.plugin:AnnotatedReaderPlugin" in text
    assert "annotated-reader = annotated_reader.cli:main" in text


def test_installed_outside_the_repository_it_starts_a_project_that_builds(
    wheel: Path, tmp_path: Path
) -> None:
    home = tmp_path / "home"
    home.mkdir()
    env = clean_env(home)
    where = tmp_path / "elsewhere"
    venv.create(where / "venv", with_pip=True)
    bin_ = where / "venv" / "bin"
    result = sh(
        [str(bin_ / "python"), "-m", "pip", "install", "--quiet", f"{wheel}[site]"], where, env
    )
    assert result.returncode == 0, result.stdout + result.stderr
    # The command is the installed one, reading its templates from the installed package.
    found = sh(
        [str(bin_ / "python"), "-c", "import annotated_reader; print(annotated_reader.__file__)"],
        where,
        env,
    )
    assert str(where / "venv") in found.stdout and str(ROOT) not in found.stdout, found.stdout

    result = sh(
        [str(bin_ / "annotated-reader"), "init", "news", "--title", "Newsroom Reader"], where, env
    )
    assert result.returncode == 0, result.stderr
    project = where / "news"
    result = sh([str(bin_ / "mkdocs"), "build", "--strict"], project, env)
    assert result.returncode == 0, result.stderr
    home_page = (project / "site" / "index.html").read_text(encoding="utf-8")
    assert "Newsroom Reader" in home_page
    assert (project / "site" / "sources" / "sample-gettysburg" / "index.html").is_file()
    assert (project / "site" / "assets" / "annotated-reader" / "reader.js").is_file()

    # The project's own `make test`, with the environment just made (requirements satisfied:
    # pip installs nothing more).
    make = shutil.which("make")
    assert make, "make is needed (Debian's build-essential or make package)"
    result = sh([make, "test", f"VENV={where / 'venv'}"], project, env)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 error(s), 0 warning(s)" in result.stderr
