"""Shared fixtures: real projects copied into a temporary folder and built with MkDocs."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from helpers.project import FIXTURES, ROOT, build, copy_project


def pytest_configure(config: pytest.Config) -> None:
    """The same environment on every machine, whoever runs the tests.

    mkdocs.yml reads SITE_URL and REPO_URL: a shell or CI job that sets them would change
    every built address. Without SOURCE_DATE_EPOCH (``make test`` sets it) the sitemap
    carries the build's date, and two builds either side of midnight differ. git reads the
    user's and the system's configuration (signing, hooks, templates): the tests' own
    repositories set what they need and read nothing else. Locale and time zone are left
    as they are: the tests must pass under any.
    """
    for name in ("SITE_URL", "REPO_URL"):
        os.environ.pop(name, None)
    os.environ.setdefault("SOURCE_DATE_EPOCH", "1700000000")
    os.environ["GIT_CONFIG_GLOBAL"] = os.devnull
    os.environ["GIT_CONFIG_NOSYSTEM"] = "1"


@pytest.fixture
def mini(tmp_path: Path) -> Path:
    """A small project: one seed with overlapping, nested and cross-block notes."""
    return copy_project(FIXTURES / "mini", tmp_path / "mini")


@pytest.fixture
def mini_site(mini: Path) -> Path:
    result = build(mini)
    assert result.returncode == 0, result.stderr
    return mini / "site"


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """The mini project as a git repository with one commit (tagged ``base``)."""
    from helpers.gitrepo import commit, git, init

    project = copy_project(FIXTURES / "mini", tmp_path / "repo")
    init(project)
    commit(project, "base")
    git(project, "tag", "base")
    return project


@pytest.fixture(scope="session")
def real_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real corpus, built once per test session in strict mode."""
    project = copy_project(ROOT, tmp_path_factory.mktemp("real"))
    result = build(project)
    assert result.returncode == 0, result.stderr
    (project / "build.log").write_text(result.stderr, encoding="utf-8")  # beside the site
    return project / "site"


@pytest.fixture(scope="module", params=("mkdocs", "zensical"))
def engine(request: pytest.FixtureRequest) -> str:
    """The engine a reader test builds its site with: every such test runs under both."""
    return str(request.param)


@pytest.fixture(scope="session")
def real_site_zensical(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real corpus built with Zensical (``annotated-reader zensical``), once per session."""
    from helpers.engines import build_with

    return build_with("zensical", copy_project(ROOT, tmp_path_factory.mktemp("real-zensical")))


@pytest.fixture(scope="module")
def real_site_built(engine: str, request: pytest.FixtureRequest) -> Path:
    """The real corpus built by ``engine``: a test taking it runs under both engines."""
    return Path(
        request.getfixturevalue("real_site" if engine == "mkdocs" else "real_site_zensical")
    )


@pytest.fixture
def write(tmp_path: Path) -> Callable[[Path, str, str], Path]:
    def _write(project: Path, rel: str, text: str) -> Path:
        path = project / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        return path

    return _write


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    """Debian's Chromium, one per test module (starting it is the slow part)."""
    from helpers.browser import chromium

    with chromium() as b:
        yield b


@pytest.fixture(scope="module")
def real_site_url(real_site: Path) -> Iterator[str]:
    """The real corpus's site, served on loopback."""
    from helpers.browser import serve

    with serve(real_site) as url:
        yield url
