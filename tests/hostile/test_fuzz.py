"""Property-based fuzzing of load → anchor → render on random corpora (Hypothesis).

The strategies and the properties are in helpers/fuzzing.py: no traceback (every problem
a Problem at ``path:line:col``), every note published or reported, the page's text the
seed's text once notes and markers are removed, one passage, marker and list entry per
anchored note, well-formed HTML. ``make test`` runs the deterministic profile of
conftest.py (a few hundred examples); ``make fuzz`` runs ten thousand and writes what it
found.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from helpers.fuzzing import Example, examples, scratch, violations
from hypothesis import example, given


@cache
def _folder() -> Path:
    """One scratch project for every example (Hypothesis calls the test many times)."""
    return scratch()


@given(example=examples())
# Found by a CI run: a seed opening with its byte order mark (never shown, never text).
@example(example=Example(seed="\ufeff", notes=[], raw=None))
@example(example=Example(seed="\ufeffA text after its byte order mark.\n", notes=[], raw=None))
# Found by a CI run: a seed of one direction control left open (shown as U+FFFD, reported).
@example(example=Example(seed="\u202a", notes=[], raw=None))
def test_random_corpora_load_and_render_faithfully(example: Example) -> None:
    assert violations(example, _folder()) == []
