"""Aliases that cannot stand for a term: words every English text is made of, and spellings
without a letter or digit.

An alias is matched as a whole word wherever it occurs, so ``the`` would link every "the"
of every source and ``.`` every full stop. The glossary checks each alias against these
before matching it (``feature._check_alias``).
"""

from __future__ import annotations

# Function words and the most frequent verbs and adverbs of English: none names a person,
# a body, a treaty or a place. A capitalised form that does ("US", "May") is an alias
# written case-sensitively.
COMMON_WORDS = frozenset(
    """
    a about above after again against all also am an and any are as at be because been
    before being below between both but by can could did do does doing down during each
    either few for from further had has have having he her here hers herself him himself his
    how i if in into is it its itself just many may me might more most much must my myself
    neither no nor not now of off on once only or other our ours ourselves out over own
    same shall she should so some such than that the their theirs them themselves then
    there these they this those though through to too under until up upon us very was we
    were what when where whether which while who whom whose why will with within without
    would yet you your yours yourself yourselves
    """.split()
)


def unusable(text: str, case_sensitive: bool) -> str | None:
    """Why the alias ``text`` would link what is not the term, or None."""
    if not any(ch.isalnum() for ch in text):
        return "has no letter or digit"
    if text.casefold() in COMMON_WORDS and not (case_sensitive and text != text.casefold()):
        return "is a common word"
    return None
