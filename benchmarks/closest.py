"""How long a quote that matches nothing takes to report, by its length, on the real seeds.

The closest passage was sought by comparing the quote with the text at every word start,
which grew with the square of the quote (250 characters 3 s, 1,000 characters 35 s,
20,000 characters over ten minutes). Measured here, never asserted by a test:

    .venv/bin/python -m benchmarks.closest            # the table, one row per length
    .venv/bin/python -m benchmarks.closest --lengths 250 20000 --rounds 5

Each quote is made of the seed's own words in a random order, so it resembles the text
everywhere and matches it nowhere: the worst case for the search.
"""

from __future__ import annotations

import argparse
import random
import statistics
import time

from annotated_reader.core.model import Quote
from annotated_reader.core.text.anchor import Outcome, match_quote

from .project import ROOT
from .report import table


def unmatched_quote(text: str, length: int, rng: random.Random) -> str:
    words = text.split()
    return " ".join(rng.choice(words) for _ in range(length // 2))[:length]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lengths", type=int, nargs="+", default=[250, 1000, 5000, 20000])
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args(argv)
    seeds = sorted((ROOT / "seeds").iterdir())
    rows = []
    for length in args.lengths:
        times = []
        for round_ in range(args.rounds):
            for seed in seeds:
                text = seed.read_text(encoding="utf-8")
                quote = Quote(unmatched_quote(text, length, random.Random(f"{seed.name}{round_}")))
                start = time.perf_counter()
                result = match_quote(text, quote)
                times.append(time.perf_counter() - start)
                assert result.outcome is Outcome.MISSING and result.closest is not None
        rows.append(
            (f"{length:,}", f"{statistics.median(times):.3f}", f"{max(times):.3f}", len(times))
        )
    print(table(("Quote characters", "Median s", "Slowest s", "Quotes"), rows))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
