"""Claims: notes that check one fact are linked by ``claim_id``, and ``check`` holds them to
one verdict unless the one that differs says why (``differs_because``).

Each rule is broken once in a copy of the mini project, and once in a copy of the real
corpus, through the real ``annotated-reader check``: an error (or warning) at the note's or
the claim's ``path:line:col``, with the fix, and no traceback.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers.project import ROOT, build, check, copy_project

SRC = "annotations/sources/sample.yml"
CLAIMS = "annotations/claims.yml"
CLAIMS_TEXT = """claims:
  - id: founded-1996
    claim: "The Community of Belarus and Russia was founded on 2 April 1996."
"""
SECOND = """  - id: s-second
    kind: fact-check
    quote: {exact: "It was founded in 1996 again"}
    verdict: mostly-accurate
    claim_id: founded-1996
    body: "Checked against the treaty."
    references:
      - {title: "Treaty text", url: "https://undocs.org/A/54/666"}
    reviewed: "2026-11-22"
"""


def project(mini: Path, second: str = SECOND, claims: str | None = CLAIMS_TEXT) -> Path:
    """The mini project with its fact-check s-inner and a second one on one claim."""
    text = (mini / SRC).read_text(encoding="utf-8")
    text = text.replace(
        "    verdict: accurate\n", "    verdict: accurate\n    claim_id: founded-1996\n", 1
    )
    (mini / SRC).write_text(text.rstrip("\n") + "\n" + second, encoding="utf-8")
    if claims is not None:
        (mini / CLAIMS).write_text(claims, encoding="utf-8")
    return mini


def line_of(path: Path, needle: str) -> int:
    lines = path.read_text(encoding="utf-8").splitlines()
    return next(i for i, line in enumerate(lines, 1) if needle in line)


def problems(project: Path, *extra: str) -> tuple[int, list[str]]:
    result = check(project, *extra)
    assert "Traceback" not in result.stdout + result.stderr
    return result.returncode, [ln for ln in result.stdout.splitlines() if "[" in ln]


def test_differing_verdicts_are_an_error_at_the_note_that_differs(mini: Path) -> None:
    code, found = problems(project(mini))
    line = line_of(mini / SRC, "- id: s-second")
    assert code == 1
    assert [ln for ln in found if "[claim.verdicts-differ]" in ln] == [
        f"{SRC}:{line}:5: error: [claim.verdicts-differ] the notes on claim 'founded-1996' "
        "give different verdicts ('s-inner' accurate, 's-second' mostly-accurate); say in "
        "differs_because: why 's-second' rates its text's claim mostly-accurate where the "
        "others say accurate, or bring the verdicts into line"
    ]


def test_a_note_that_says_why_it_differs_is_accepted(mini: Path) -> None:
    why = '    differs_because: "This text repeats the year only."\n'
    second = SECOND.replace("    claim_id: founded-1996\n", "    claim_id: founded-1996\n" + why)
    assert problems(project(mini, second), "--strict") == (0, [])


def test_same_verdicts_need_no_reason(mini: Path) -> None:
    second = SECOND.replace("verdict: mostly-accurate", "verdict: accurate")
    assert problems(project(mini, second), "--strict") == (0, [])


BROKEN = {
    "unknown claim": (
        lambda s: s.replace("claim_id: founded-1996", "claim_id: founded-1997"),
        "annotation.unknown-claim",
        "names claim 'founded-1997', which is not in claims.yml (did you mean 'founded-1996'?)",
    ),
    "claim on a context note": (
        lambda s: s.replace("kind: fact-check", "kind: context").replace(
            "    verdict: mostly-accurate\n", ""
        ),
        "annotation.claim-id-on-other-kind",
        "has claim_id but is not a fact-check",
    ),
    "reason without a claim": (
        lambda s: s.replace("claim_id: founded-1996", 'differs_because: "A reason."'),
        "annotation.differs-without-claim",
        "names no claim_id",
    ),
}


@pytest.mark.parametrize("case", sorted(BROKEN))
def test_each_broken_link_is_an_error(case: str, mini: Path) -> None:
    change, code_name, message = BROKEN[case]
    code, found = problems(project(mini, change(SECOND)))
    assert code == 1
    hits = [ln for ln in found if f"[{code_name}]" in ln]
    assert hits and message in hits[0], found
    assert hits[0].startswith(f"{SRC}:") and ": error: " in hits[0]


def test_claims_file_rules(mini: Path) -> None:
    # no file while notes name claims
    code, found = problems(project(mini, claims=None))
    assert code == 1 and any(f"{SRC}:" in ln and "[claims.missing-file]" in ln for ln in found)
    # one note only: a warning at the claim, an error under --strict
    (mini / CLAIMS).write_text(
        CLAIMS_TEXT + '  - id: lonely\n    claim: "Checked once."\n', encoding="utf-8"
    )
    text = (mini / SRC).read_text(encoding="utf-8")
    (mini / SRC).write_text(
        text.replace("verdict: mostly-accurate", "verdict: accurate"), encoding="utf-8"
    )
    assert problems(mini)[0] == 0
    code, found = problems(mini, "--strict")
    assert code == 1
    assert [ln.split(": ")[0] for ln in found if "[claim.single]" in ln] == [f"{CLAIMS}:4:5"]
    # a duplicate id
    (mini / CLAIMS).write_text(CLAIMS_TEXT + CLAIMS_TEXT[8:], encoding="utf-8")
    code, found = problems(mini)
    assert code == 1 and any(
        ln.startswith(f"{CLAIMS}:4:") and "[claim.duplicate-id]" in ln for ln in found
    )


def test_the_corpus_breaks_when_a_reason_is_removed(tmp_path: Path) -> None:
    corpus = copy_project(ROOT, tmp_path / "corpus")
    path = corpus / "annotations/sources/hahn-belarus-option.yml"
    text = path.read_text(encoding="utf-8")
    start = text.index("  - id: hahn-treaty-1997")
    reason = text.index("    differs_because:", start)
    end = text.index("\n", reason) + 1
    path.write_text(text[:reason] + text[end:], encoding="utf-8")
    code, found = problems(corpus)
    line = line_of(path, "- id: hahn-treaty-1997")
    assert code == 1
    assert [ln.split(" [")[0] for ln in found] == [
        f"annotations/sources/hahn-belarus-option.yml:{line}:5: error:"
    ]
    assert "claim 'union-treaty-1997'" in found[0]


def test_the_corpus_is_clean() -> None:
    assert problems(ROOT, "--strict") == (0, [])


def test_hostile_claim_text_is_inert_on_the_claims_page_and_in_its_data(mini: Path) -> None:
    """The wording, the fact and a reason come from pull requests: escaped as text, the
    fact Markdown with raw HTML off, and the JSON-LD unable to close its script element."""
    claims = (
        "claims:\n  - id: founded-1996\n"
        '    claim: "<script>alert(1)</script> & \\"q\\""\n'
        '    fact: "<img src=x onerror=alert(2)> **bold**"\n'
    )
    why = '    differs_because: "<b>why</b></script>"\n'
    second = SECOND.replace("    claim_id: founded-1996\n", "    claim_id: founded-1996\n" + why)
    result = build(project(mini, second, claims))
    assert result.returncode == 0, result.stderr
    html = (mini / "site" / "claims" / "index.html").read_text(encoding="utf-8")
    page = html[html.index("data-ar-claims") :]
    assert "<script>alert" not in page and "<img src=x" not in page and "<b>why" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; &#34;q&#34;" in page or (
        "&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;q&quot;" in page
    )
    assert "&lt;img src=x onerror=alert(2)&gt; <strong>bold</strong>" in page
    assert "Why this verdict differs: &lt;b&gt;why&lt;/b&gt;&lt;/script&gt;" in page
    data = page[page.index('<script type="application/ld+json"') :]
    data = data[data.index(">") + 1 : data.index("</script>")]
    assert "\\u003cscript\\u003ealert(1)" in data and "<" not in data
    note = (mini / "site" / "sources" / "sample" / "index.html").read_text(encoding="utf-8")
    assert 'title="&lt;script&gt;alert(1)&lt;/script&gt; &amp; &#34;q&#34;"' in note
