"""The real corpus's claims read straight from the YAML (not through the library), for the
claims page's tests to check the site against."""

from __future__ import annotations

from typing import Any

import yaml

from helpers.project import ROOT

ANNOTATIONS = ROOT / "annotations"


def quote_text(note: dict[str, Any]) -> str:
    quote = note["quote"]
    return " ".join((quote["exact"] if isinstance(quote, dict) else quote).split())


def _data() -> tuple[dict[str, dict[str, Any]], dict[str, list[tuple[str, dict[str, Any]]]]]:
    """The claims by id, and each claim's notes as (source id, note) in file order."""
    claims = yaml.safe_load((ANNOTATIONS / "claims.yml").read_text(encoding="utf-8"))["claims"]
    notes: dict[str, list[tuple[str, dict[str, Any]]]] = {}
    for path in sorted((ANNOTATIONS / "sources").glob("*.yml")):
        for note in yaml.safe_load(path.read_text(encoding="utf-8"))["annotations"]:
            if note.get("claim_id"):
                notes.setdefault(note["claim_id"], []).append((path.stem, note))
    return {c["id"]: c for c in claims}, notes


CLAIMS, NOTES = _data()


def sources_of(claim_id: str) -> list[str]:
    return sorted({s for s, _ in NOTES.get(claim_id, [])})


# Most sources first; ties by claim id.
SHOWN = sorted(
    (c for c in CLAIMS if len(NOTES.get(c, [])) > 1), key=lambda c: (-len(sources_of(c)), c)
)
