"""``annotated-reader refs``: the references survey, through the real command.

On the mini project: its one fact-check rests on Wikipedia alone, so it is listed as resting
on one reference and on an encyclopaedia alone; a second fact-check citing a treaty text and
an aggregator's copy is not, but its aggregator is listed; publisher and date are counted.
On the real corpus: no fact-check cites an aggregator or a pirate site, and under 5% rest on
an encyclopaedia alone.
"""

from __future__ import annotations

from pathlib import Path

from annotated_reader.refs.kinds import domain, kind
from helpers.project import BIN, ROOT, run

SRC = "annotations/sources/sample.yml"
SECOND = """  - id: s-second
    kind: fact-check
    quote: {exact: "It was founded in 1996 again"}
    verdict: mostly-accurate
    body: "Checked against the treaty."
    references:
      - title: "Treaty text"
        url: "https://undocs.org/A/54/666"
        publisher: "United Nations"
        date: "1999-12-13"
      - {title: "A copy of a press release", url: "https://www.einpresswire.com/article/1/x"}
    reviewed: "2026-11-22"
"""


def refs(project: Path, *extra: str) -> tuple[int, str, str]:
    result = run([str(BIN / "annotated-reader"), "refs", "--root", str(project), *extra], project)
    assert "Traceback" not in result.stderr
    return result.returncode, result.stdout, result.stderr


def section(out: str, name: str) -> str:
    return next(s for s in out.split("\n\n") if s.startswith(f"== {name}"))


def test_domains_and_kinds() -> None:
    assert domain("https://www.TASS.com/politics/1") == "tass.com"
    assert domain("https://amp.ren.tv/news/1") == "ren.tv"
    assert kind("en.wikipedia.org") == "encyclopaedia"
    assert kind("en.special.kremlin.ru") == "official"
    assert kind("eng.belta.by") == "agency"
    assert kind("librs.net") == "pirate"
    assert kind("example.org") == "press"  # an unlisted domain is an outlet of its own


def test_mini_project_lists_what_is_thin(mini: Path) -> None:
    text = (mini / SRC).read_text(encoding="utf-8")
    (mini / SRC).write_text(text.rstrip("\n") + "\n" + SECOND, encoding="utf-8")
    code, out, err = refs(mini)
    assert code == 0, err
    sample = section(out, "sample")
    assert (
        "fact-checks: 2; references: 3; distinct addresses: 3, of them encyclopaedia: 1 of 3"
        in sample
    )
    assert "by kind: official 1, encyclopaedia 1, aggregator 1" in sample
    assert "by domain (top 10 of 3): einpresswire.com 1, en.wikipedia.org 1, undocs.org 1" in sample
    assert "fact-checks on one reference: 1 of 2 (50%): s-inner" in sample
    assert "fact-checks on an encyclopaedia alone: 1 of 2 (50%): s-inner" in sample
    assert "fact-checks with no official, legal-text or agency reference: 1 of 2 (50%)" in sample
    assert (
        "fact-checks without a non-encyclopaedia reference giving publisher and date: "
        "1 of 2 (50%): s-inner" in sample
    )
    assert (
        "references to aggregators or pirate sites: 1\n  s-second: https://www.einpresswire.com/article/1/x"
        in sample
    )
    assert "references missing a publisher: 2 of 3 (67%); missing a date: 2 of 3 (67%)" in sample
    assert section(out, "all sources").splitlines()[1:] == sample.splitlines()[1:]
    code, _, err = refs(mini, "--max-encyclopaedia-only", "60")
    assert code == 1 and "1 reference(s) to aggregators or pirate sites" in err
    code, _, err = refs(mini, "--max-encyclopaedia-only", "40")
    assert code == 1 and "50.0% of fact-checks rest on an encyclopaedia alone (limit 40%)" in err


def test_the_corpus_cites_no_aggregator_and_little_wikipedia_alone() -> None:
    code, out, err = refs(ROOT, "--max-encyclopaedia-only", "5")
    assert code == 0, err + section(out, "all sources")
