"""``make fuzz``: ten thousand random corpora through load → anchor → render.

The examples and the properties are the test suite's (tests/helpers/fuzzing.py); the test
stops at the first example that breaks one, this run goes on and counts every kind of
finding, with the smallest example of each, and writes them to ``benchmarks/fuzz.md``.

    python -m benchmarks.fuzz [--examples N] [--seed S] [--out FILE]
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))  # the strategies live with the tests' helpers

from helpers.fuzzing import Example, examples, scratch, violations  # noqa: E402
from hypothesis import HealthCheck, given, seed, settings  # noqa: E402


def _kind(finding: str) -> str:
    """A finding without what varies from example to example: its first words."""
    head = finding.split("\n", 1)[0]
    if head.startswith("traceback"):
        return "traceback: " + finding.strip().rsplit("\n", 1)[-1][:100]
    if head.startswith("not path:line:col"):
        return head.split("]", 1)[0] + "]"
    if head.startswith("control character"):
        return "control character in the seed not reported"
    if head.startswith(("text differs", "not well-formed", "duplicate id")):
        return head.split(":", 1)[0]
    return " ".join(w for w in head.split("(", 1)[0].split() if not w.startswith(("'", '"')))


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--examples", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--out", default=str(ROOT / "benchmarks" / "fuzz.md"))
    args = parser.parse_args(argv)
    folder = scratch()
    counts: Counter[str] = Counter()
    smallest: dict[str, tuple[int, Example, str]] = {}
    total = 0

    @seed(args.seed)
    @settings(
        max_examples=args.examples,
        database=None,
        deadline=None,
        suppress_health_check=list(HealthCheck),
    )
    @given(example=examples())
    def probe(example: Example) -> None:
        nonlocal total
        total += 1
        for finding in violations(example, folder):
            kind = _kind(finding)
            counts[kind] += 1
            size = len(example.seed) + len(example.source_yaml()[0])
            if kind not in smallest or size < smallest[kind][0]:
                smallest[kind] = (size, example, finding)

    start = time.monotonic()
    probe()
    seconds = time.monotonic() - start
    report = [
        "# Fuzzing: random corpora through load → anchor → render",
        "",
        f"{total:,} examples (Hypothesis {args.examples:,} asked, seed {args.seed}) in "
        f"{seconds:.0f} s; properties and strategies in `tests/helpers/fuzzing.py`.",
        "",
    ]
    if not counts:
        report.append("No finding: every example loaded, rendered and kept every property.")
    else:
        report += ["| Finding | Examples |", "| --- | ---: |"]
        report += [f"| {_cell(k)} | {n:,} |" for k, n in counts.most_common()]
        report += ["", "## The smallest example of each", ""]
        for kind, (_, example, finding) in sorted(smallest.items()):
            report += [f"### {kind}", "", "```", finding[:1500], "```", ""]
            report += ["Seed and source file:", "", "```json"]
            report += [
                json.dumps(
                    {"seed": example.seed, "source": example.source_yaml()[0]},
                    ensure_ascii=True,
                    indent=1,
                )[:3000]
            ]
            report += ["```", ""]
    text = "\n".join(report) + "\n"
    Path(args.out).write_text(text, encoding="utf-8")
    print(text)
    return 1 if counts else 0


if __name__ == "__main__":
    sys.exit(main())
