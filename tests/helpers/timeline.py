"""The mini project with a second source and a timeline, shared by the timeline tests."""

from __future__ import annotations

from pathlib import Path

EVENTS = """events:
  - id: talks-1995
    title: Union talks begin
    date: "1995~"
    category: statement
    description: Talks on a union began, the year is approximate.
    references:
      - {title: "Talks (reference)", url: "https://example.org/talks"}
  - id: community-1996
    title: Community of Belarus and Russia founded
    date: "1996-04-02"
    category: treaty
    description: The Community was founded; see [[source:second]].
    references:
      - {title: "Community (reference)", url: "https://example.org/community"}
  - id: union-state-1999
    title: Union State <i>treaty</i> signed
    date: "1999-12-08"
    category: treaty
    description: |
      Signed in **Moscow**. <script>alert('x')</script>
    references:
      - {title: "Treaty (reference)", url: "https://example.org/treaty"}
  - id: zapad-2021
    title: Zapad-2021 exercise
    date: "2021-09-10/2021-09-16"
    category: military
    description: A joint strategic exercise.
    references:
      - {title: "Zapad (reference)", url: "https://example.org/zapad"}
  - id: minsk-2022
    title: Prime ministers meet in Minsk
    date: "2022-06-20"
    category: institution
    description: A meeting of the prime ministers.
    references:
      - {title: "Minsk (reference)", url: "https://example.org/minsk"}
"""


SECOND_SEED = """Second Source

Talks began in 1995.

The union treaty was signed in December 1999 in Moscow.

The Community was formed in April 1996.

Prime ministers met in Minsk around March 2022.
"""


SECOND = """seed: second.txt
metadata:
  title: {value: "A second source", basis: "Fixture."}
  author: {value: null, basis: "No byline."}
  outlet: {value: "Fixture Daily", basis: "Fixture."}
  published: {value: "2023", basis: "Fixture."}
  kind: {value: news, basis: "Fixture."}
  language: {value: en, basis: "Fixture."}
  url: {value: "https://example.org/second", basis: "Fixture."}
rating:
  grade: C
  criteria:
    named-author: {met: no, evidence: "No byline."}
    cites-sources: {met: partly, evidence: "Names events, links nothing."}
    separates-opinion: {met: yes, evidence: "Plain reporting throughout."}
    dated-corrected: {met: partly, evidence: "Dated by year only; no corrections."}
    clean-text: {met: no, evidence: "Fixture text."}
  rationale: |
    A second fixture text.
  reviewed: "2026-11-22"
annotations:
  - id: t-talks
    kind: context
    quote: {exact: "Talks began in 1995"}
    body: "Dates the talks."
    event: talks-1995
    date: "1995"
  - id: t-treaty
    kind: context
    quote: {exact: "signed in December 1999"}
    body: "Dates the treaty."
    event: union-state-1999
    date: "1999-12"
  - id: t-community
    kind: context
    quote: {exact: "formed in April 1996"}
    body: "Dates the Community."
    event: community-1996
    date: "1996-04"
  - id: t-minsk
    kind: context
    quote: {exact: "met in Minsk around March 2022"}
    body: "Dates the meeting."
    event: minsk-2022
    date: "2022-03~"
"""


SAMPLE_EXTRA = """  - id: s-again
    kind: context
    quote: {exact: "founded in 1996 again"}
    body: "The same source dates the Union State treaty to 1996."
    event: union-state-1999
    date: "1996"
  - id: s-minsk
    kind: context
    quote: {exact: "First item about Minsk"}
    body: "Dates the exercise to the year."
    event: zapad-2021
    date: "2021"
"""


SAMPLE = "annotations/sources/sample.yml"


ORDER = ["talks-1995", "community-1996", "union-state-1999", "zapad-2021", "minsk-2022"]


def timeline_project(project: Path, events: str = EVENTS) -> Path:
    """Turn a copy of the mini fixture into a project with a timeline."""
    (project / "seeds" / "second.txt").write_text(SECOND_SEED, encoding="utf-8")
    (project / "annotations" / "sources" / "second.yml").write_text(SECOND, encoding="utf-8")
    sample = (project / SAMPLE).read_text(encoding="utf-8")
    sample = sample.replace(
        "    verdict: accurate\n",
        '    verdict: accurate\n    event: community-1996\n    date: "1996"\n',
    )
    (project / SAMPLE).write_text(sample + SAMPLE_EXTRA, encoding="utf-8")
    (project / "annotations" / "events.yml").write_text(events, encoding="utf-8")
    index = project / "docs" / "index.md"
    index.write_text(
        index.read_text(encoding="utf-8") + "\nSee the [timeline](timeline.md).\n",
        encoding="utf-8",
    )
    return project
