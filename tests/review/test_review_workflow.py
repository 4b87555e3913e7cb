"""The pull-request workflow parses and runs what the review process promises."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml
from annotated_reader.review.report import MARKER
from helpers.project import ROOT

WORKFLOW = ROOT / ".github" / "workflows" / "review.yml"


def load() -> dict[Any, Any]:
    data = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


def steps() -> list[dict[str, Any]]:
    jobs = load()["jobs"]
    assert list(jobs) == ["review"]
    return list(jobs["review"]["steps"])


def runs() -> str:
    return "\n".join(str(s.get("run", "")) for s in steps())


def test_runs_on_every_pull_request_with_comment_permission() -> None:
    data = load()
    assert data[True] == {"pull_request": None}  # YAML 1.1 reads the key `on` as true
    assert data["permissions"] == {"contents": "read", "pull-requests": "write"}


def test_full_history_for_the_base_branch() -> None:
    checkout = next(s for s in steps() if str(s.get("uses", "")).startswith("actions/checkout@"))
    assert checkout["with"]["fetch-depth"] == 0


def test_check_build_tests_report_and_preview() -> None:
    text = runs()
    assert ".venv/bin/annotated-reader check" in text
    assert ".venv/bin/annotated-reader schema --check" in text
    assert 'annotated-reader review --base "origin/$BASE_REF" --output review.md' in text
    assert 'cat review.md >> "$GITHUB_STEP_SUMMARY"' in text
    assert "make site" in text and "make test" in text
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert "mkdocs build --strict" in makefile.split("\nsite:", 1)[1].split("\n\n", 1)[0]
    upload = next(
        s for s in steps() if str(s.get("uses", "")).startswith("actions/upload-artifact@")
    )
    assert upload["with"]["path"] == "site/"


def test_comment_is_found_by_the_reports_marker_and_skipped_on_forks() -> None:
    script = next(s for s in steps() if "github-script" in str(s.get("uses", "")))["with"]["script"]
    assert f'"{MARKER}"' in script
    assert "pr.head.repo.full_name" in script and "core.warning" in script


def test_untrusted_values_reach_the_shell_only_through_the_environment() -> None:
    """``${{ github.base_ref }}`` in a run script would be pasted into it unquoted."""
    for step in steps():
        assert "${{" not in str(step.get("run", "")), step.get("name")


def test_editorial_errors_fail_the_job_after_the_report() -> None:
    names = [str(s.get("name")) for s in steps()]
    check = next(i for i, s in enumerate(steps()) if s.get("id") == "check")
    assert steps()[check]["continue-on-error"] is True
    assert names[-1].startswith("Fail when the editorial data has errors")
    assert "steps.check.outcome == 'failure'" in steps()[-1]["if"]
    assert Path(WORKFLOW).is_file()
