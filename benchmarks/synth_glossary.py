"""A synthetic glossary: terms named by pairs (or triples) of the seeds' name words.

Each term has its name as the first alias; about half have a second spelling (some marked
``occurs: false``), one in ten a case-sensitive acronym and one in ten a misspelling. No
alias is claimed twice. ``placements`` lists every spelling that must occur in the texts.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from typing import Any

from annotated_reader.glossary.model import CATEGORIES

from .synth_text import sentence
from .vocab import Vocabulary


@dataclass(frozen=True)
class Alias:
    text: str
    case_sensitive: bool = False
    occurs: bool = True
    misspelling: bool = False

    def as_yaml(self) -> Any:
        if not self.case_sensitive and self.occurs:
            return self.text
        out: dict[str, Any] = {"text": self.text}
        if self.case_sensitive:
            out["case_sensitive"] = True
        if not self.occurs:
            out["occurs"] = False
        return out


@dataclass
class Term:
    id: str
    name: str
    category: str
    definition: str
    aliases: list[Alias] = field(default_factory=list)
    related: list[str] = field(default_factory=list)

    def as_yaml(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "id": self.id,
            "term": self.name,
            "category": self.category,
            "definition": self.definition,
            "aliases": [a.as_yaml() for a in self.aliases if not a.misspelling],
        }
        misspelt = [a.text for a in self.aliases if a.misspelling]
        if misspelt:
            out["misspellings"] = misspelt
        if self.related:
            out["related"] = self.related
        out["references"] = [
            {"title": f"{self.name} (reference)", "url": f"https://example.org/terms/{self.id}"}
        ]
        return out


class _Names:
    """Fresh alias texts, none equal (case-insensitively) to one already taken."""

    def __init__(self, rng: random.Random, vocab: Vocabulary) -> None:
        self.rng, self.vocab = rng, vocab
        self.taken: set[str] = set()

    def claim(self, text: str) -> str | None:
        key = text.lower()
        if key in self.taken or any(self.vocab.is_filler(w) for w in text.split()):
            return None
        self.taken.add(key)
        return text

    def phrase(self) -> str:
        for _ in range(1000):
            size = 3 if self.rng.random() < 0.2 else 2
            found = self.claim(" ".join(self.rng.sample(self.vocab.names, size)))
            if found:
                return found
        raise ValueError("ran out of name-word phrases; use fewer terms")

    def misspelt(self, name: str) -> str | None:
        words = name.split()
        i = max(range(len(words)), key=lambda k: len(words[k]))
        w = words[i]
        if len(w) < 4:
            return None
        j = self.rng.randrange(1, len(w) - 2)
        words[i] = w[:j] + w[j + 1] + w[j] + w[j + 2 :]
        return self.claim(" ".join(words)) if words[i] != w else None

    def acronym(self, name: str) -> str | None:
        letters = "".join(w[0] for w in name.split()) + self.rng.choice("ABCDEFGHKLMNPRSTV")
        return self.claim(letters.upper())


def make_terms(rng: random.Random, vocab: Vocabulary, count: int) -> list[Term]:
    names = _Names(rng, vocab)
    categories = sorted(CATEGORIES)
    terms: list[Term] = []
    for _ in range(count):
        name = names.phrase()
        term = Term(
            "-".join(name.lower().split()),
            name,
            rng.choice(categories),
            sentence(rng, vocab, 10, 30),
            [Alias(name)],
        )
        roll = rng.random()
        if roll < 0.5:
            term.aliases.append(Alias(names.phrase()))
        elif roll < 0.75:
            term.aliases.append(Alias(names.phrase(), occurs=False))
        if rng.random() < 0.1 and (acronym := names.acronym(name)):
            term.aliases.append(Alias(acronym, case_sensitive=True))
        if rng.random() < 0.1 and (wrong := names.misspelt(name)):
            term.aliases.append(Alias(wrong, misspelling=True))
        terms.append(term)
    ids = [t.id for t in terms]
    for term in terms:
        others = [i for i in rng.sample(ids, min(3, len(ids))) if i != term.id]
        term.related = others[: rng.randint(0, 2)]
        if others and rng.random() < 0.2:
            term.definition += f" Compare [[term:{others[0]}]]."
    return terms


def placements(terms: list[Term]) -> list[str]:
    """Every spelling that must occur somewhere (each once)."""
    return [a.text for t in terms for a in t.aliases if a.occurs]


def mentions(rng: random.Random, terms: list[Term], count: int) -> list[str]:
    """``count`` further mentions, most of them of the first (most common) terms."""
    weights = [1.0 / (rank + 1) for rank in range(len(terms))]
    picked = rng.choices(terms, weights=weights, k=count) if terms else []
    return [t.aliases[0].text for t in picked]
