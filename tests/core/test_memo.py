"""The cache's keys: a new version of the library's code (any edit to one of its files)
and another user's secret each make other keys, so neither reuses the other's work."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from annotated_reader.core import memo


@pytest.fixture
def package(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    copy = tmp_path / "annotated_reader"
    shutil.copytree(memo.PACKAGE, copy, ignore=shutil.ignore_patterns("__pycache__"))
    monkeypatch.setattr(memo, "PACKAGE", copy)
    memo.code_version.cache_clear()
    yield copy
    memo.code_version.cache_clear()


def test_an_edit_to_any_file_of_the_code_is_a_new_version(package: Path) -> None:
    first = memo.code_version()
    memo.code_version.cache_clear()
    assert memo.code_version() == first, "the same code is the same version"
    target = package / "glossary" / "termmatch.py"
    target.write_text(target.read_text("utf-8") + "\n# edited\n", "utf-8")
    memo.code_version.cache_clear()
    assert memo.code_version() != first


def test_a_moved_file_is_a_new_version(package: Path) -> None:
    first = memo.code_version()
    (package / "core" / "dated.py").rename(package / "core" / "dated2.py")
    memo.code_version.cache_clear()
    assert memo.code_version() != first


def test_keys_depend_on_the_secret_the_version_and_every_part() -> None:
    def made(version: str, secret: str) -> memo.Memo:
        return memo.Memo("yaml", version, secret, Path("unused"))

    base = made("v1", "s" * 64)
    key = base.key("a.yml", "text")
    assert key == made("v1", "s" * 64).key("a.yml", "text")
    assert key != made("v1", "t" * 64).key("a.yml", "text")
    assert key != made("v2", "s" * 64).key("a.yml", "text")
    assert key != base.key("a.yml", "text2")
    assert key != base.key("a.ym", "ltext"), "parts are kept apart"


def test_the_secret_is_made_once_and_kept_private(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    memo.local_secret.cache_clear()
    try:
        first = memo.local_secret()
        memo.local_secret.cache_clear()
        assert first is not None and memo.local_secret() == first
        path = tmp_path / "annotated-reader" / "secret"
        assert path.stat().st_mode & 0o077 == 0, "readable by its user alone"
        monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "another"))
        memo.local_secret.cache_clear()
        assert memo.local_secret() not in (None, first)
    finally:
        memo.local_secret.cache_clear()


def test_what_a_build_made_of_a_result_is_kept_in_memory_only_between_repeated_builds(
    tmp_path: Path,
) -> None:
    """A single build keeps nothing in memory (it would only hold it longer); repeated builds
    given the same Recalled find what the last one made, counted as used (its file is not
    swept), and lose what the last one did not use."""
    single = memo.Cache(tmp_path / "one").memo("yaml")
    assert single is not None
    single.remember("k", ["tree"])
    assert single.recall("k") is None
    kept = memo.Recalled()
    first = memo.Cache(tmp_path / "two", kept)
    yaml_memo = first.memo("yaml")
    assert yaml_memo is not None
    tree = ["tree"]
    yaml_memo.remember("a", tree)
    yaml_memo.remember("b", ["other"])
    yaml_memo.used.add("a")
    first.save()
    assert kept.kinds == {"yaml": {"a": tree}}
    second = memo.Cache(tmp_path / "two", kept).memo("yaml")
    assert second is not None and not second.used
    assert second.recall("a") is tree and second.used == {"a"}
    assert second.recall("b") is None
