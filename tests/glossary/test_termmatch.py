"""The term matcher against a brute-force reference, on random texts and aliases."""

from __future__ import annotations

import random

from annotated_reader.glossary.termmatch import Matcher, Pattern, _is_word, _lower

ALPHABET = "aAbBİıßΣσς _-.'’1 é\u0301\n" + "ab " * 4  # repeats make hits frequent


def reference(patterns: list[Pattern], text: str) -> set[tuple[int, int, str, str]]:
    """Every occurrence of every alias by plain search, filtered as the matcher promises:
    whole words (a word-character edge never touches another word character), and
    case-sensitive aliases only in their own case."""
    lowered = _lower(text)
    out = set()
    for p in patterns:
        needle = _lower(p.text)
        start = lowered.find(needle)
        while start != -1:
            end = start + len(needle)
            ok = not (start > 0 and _is_word(text[start - 1]) and _is_word(text[start]))
            ok = ok and not (end < len(text) and _is_word(text[end]) and _is_word(text[end - 1]))
            ok = ok and (not p.case_sensitive or text[start:end] == p.text)
            if ok:
                out.add((start, end, p.text, p.term_id))
            start = lowered.find(needle, start + 1)
    return out


def test_every_hit_and_only_hits_on_random_texts() -> None:
    rng = random.Random(7)
    for round_ in range(3000):
        patterns = []
        for i in range(rng.randint(1, 12)):
            text = "".join(rng.choice(ALPHABET) for _ in range(rng.randint(1, 4))).strip()
            if text:
                patterns.append(Pattern(text, f"t{i}", case_sensitive=rng.random() < 0.3))
        text = "".join(rng.choice(ALPHABET) for _ in range(rng.randint(0, 80)))
        got = {
            (h.start, h.end, h.pattern.text, h.pattern.term_id)
            for h in Matcher(patterns).all_hits(text)
        }
        assert got == reference(patterns, text), (round_, patterns, text)
