"""Fixtures of the hostile suite: a fresh mini project per bad-input case, and the site
that carries every script payload in every field (built once per session)."""

from __future__ import annotations

import json
import subprocess
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from helpers.project import FIXTURES, build, check, copy_project
from hypothesis import HealthCheck, settings

from .payloads import PAYLOADS, REFUSED
from .xss_project import VALIDATED, Slot, XssProject

# The fuzzing profile of every test run: the same few hundred examples each time
# (derandomized, nothing kept between runs), so a run's result depends on the code alone.
settings.register_profile(
    "make-test",
    max_examples=300,
    derandomize=True,
    database=None,
    deadline=None,
    print_blob=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
settings.load_profile("make-test")


@pytest.fixture
def fresh_mini(tmp_path: Path) -> Path:
    """A copy of the mini project, alone in its folder (a case may put files beside it)."""
    return copy_project(FIXTURES / "mini", tmp_path / "project")


@dataclass(frozen=True)
class XssSite:
    """Every payload in every field, in two builds: first all of them as written, checked
    (``first_problems``), then with each payload the loader rejected written benign, built
    strict into ``site``."""

    slots: list[Slot]
    first_problems: list[dict[str, Any]]
    rejected: frozenset[int]  # numbers of the slots the loader rejected
    build: subprocess.CompletedProcess[str]
    site: Path


@pytest.fixture(scope="session")
def xss(tmp_path_factory: pytest.TempPathFactory) -> XssSite:
    raw = XssProject(list(PAYLOADS))
    first = raw.write(tmp_path_factory.mktemp("xss-raw") / "project")
    result = check(first, "--format", "json")
    assert "Traceback" not in result.stderr, result.stderr[-3000:]
    found = json.loads(result.stdout)
    rejected = _rejected(raw.slots, found, frozenset())
    # A payload may be reported only once another is gone: while a term's id cannot be
    # told, a `related:` naming it is not reported (its id may be that one). Checked again
    # until nothing more is rejected.
    for _ in range(3):
        kept = XssProject(list(PAYLOADS), rejected)
        second = kept.write(tmp_path_factory.mktemp("xss-kept") / "project")
        again = check(second, "--format", "json")
        assert "Traceback" not in again.stderr, again.stderr[-3000:]
        more = _rejected(kept.slots, json.loads(again.stdout), rejected)
        if more == rejected:
            break
        rejected = more
    built = build(second)
    return XssSite(raw.slots, found, rejected, built, second / "site")


def _rejected(
    slots: list[Slot], found: list[dict[str, Any]], known: frozenset[int]
) -> frozenset[int]:
    """The slots the loader rejected: a validated field (or a payload no field may hold)
    at a place ``found`` reports, with those ``known`` already."""
    reported = {(p["path"], p["line"]) for p in found} | {(p["path"], 0) for p in found}
    return known | frozenset(
        n
        for n, s in enumerate(slots)
        if (s.policy == VALIDATED or REFUSED.search(s.payload)) and (s.path, s.line) in reported
    )
