"""Links from hand-written pages to a note of a generated page are checked: an existing
note gives no notice, a missing one is a warning at the link, so ``--strict`` fails."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from helpers.project import build

NOTICE = "does not contain an anchor"


def test_the_real_sites_links_to_notes_give_no_notice(real_site: Path) -> None:
    log = (real_site.parent / "build.log").read_text(encoding="utf-8")
    policy = (real_site.parent / "docs/editorial-policy.md").read_text(encoding="utf-8")
    assert "sources/lysyansky-ussr-2.md#lys-" in policy  # it does link notes
    assert NOTICE not in log
    assert "docs.unknown-anchor" not in log


def test_a_link_to_a_missing_note_fails_the_strict_build_at_the_link(
    mini: Path, write: Callable[[Path, str, str], Path]
) -> None:
    write(
        mini,
        "docs/guide.md",
        "# Guide\n\nSee [the check](sources/sample.md#s-inner) and\n"
        "[a note since removed](sources/sample.md#s-innr).\n",
    )
    result = build(mini)
    assert result.returncode != 0
    assert (
        "docs/guide.md:4:24: warning: [docs.unknown-anchor] link 'sources/sample.md#s-innr': "
        "sources/sample.md has no note or anchor 's-innr' (did you mean 's-inner'?); link an "
        "id that exists there (a note's id is in its source file)"
    ) in result.stderr
    assert "s-inner'" not in result.stderr.replace("did you mean 's-inner'", "")
    assert NOTICE not in result.stderr  # said once, as the warning


def test_links_to_existing_notes_and_headings_pass(
    mini: Path, write: Callable[[Path, str, str], Path]
) -> None:
    write(
        mini,
        "docs/guide.md",
        "# Guide\n\n[Check](sources/sample.md#s-inner), [debris](sources/sample.md#s-debris), "
        "[the page's heading](sources/sample.md#a-sample-source).\n",
    )
    result = build(mini)
    assert result.returncode == 0, result.stderr
    assert NOTICE not in result.stderr and "unknown-anchor" not in result.stderr
