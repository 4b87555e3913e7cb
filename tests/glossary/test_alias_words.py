"""An alias that is a common word, or has no letter or digit, would link what is not the term.

``the`` linked 75 places of the real corpus and ``.`` 66, none of them the term. Such an
alias is reported at its line (a common word as a warning, punctuation as an error) and is
not linked; a case-sensitive capitalised form ("US", "May") stays a name.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from annotated_reader.assembly import load_corpus
from annotated_reader.core.corpus import Paths
from annotated_reader.glossary.feature import Glossary
from helpers.glossary import GLOSSARY, with_glossary
from helpers.project import build, check

PATH = "annotations/glossary.yml"


def test_common_words_and_punctuation_are_reported_and_not_linked(
    mini: Path, write: Callable[[Path, str, str], Path]
) -> None:
    text = GLOSSARY.replace(
        "aliases: [Minsk]", 'aliases: [Minsk, the, ".", {text: The, case_sensitive: true}]'
    )
    project = with_glossary(mini, write, text)
    checked = check(project)
    lines = checked.stdout.splitlines()
    said = "so it would link every '{0}' in the sources, whatever it means there; it is not linked"
    assert lines == [
        f"{PATH}:24:22: warning: [glossary.common-word-alias] alias 'the' of term 'minsk' is a "
        f"common word, {said.format('the')}: remove it, or write {{text: The, case_sensitive: "
        "true} if only that spelling means the term",
        f"{PATH}:24:27: error: [glossary.alias-without-letters] alias '.' of term 'minsk' has no "
        f"letter or digit, {said.format('.')}: remove it",
    ], checked.stdout  # the case-sensitive "The" is the editor's word that it names the term
    assert checked.returncode == 1
    built = build(project)
    assert built.returncode != 0 and lines[1] in built.stderr
    corpus, _ = load_corpus(Paths(project))
    glossary = corpus.feature("glossary")
    assert isinstance(glossary, Glossary)
    assert [a.text for a in glossary.by_id["minsk"].aliases] == ["Minsk", "The", "Minks"]
    text = corpus.sources[0].text
    linked = [text[lk.start : lk.end] for lk in glossary.links["sample"]]
    assert "the" not in linked and "." not in linked and "Minsk" in linked


def test_a_capitalised_case_sensitive_name_that_is_also_a_word_is_fine(
    mini: Path, write: Callable[[Path, str, str], Path]
) -> None:
    text = GLOSSARY.replace(
        "aliases: [Minsk]", "aliases: [Minsk, {text: US, case_sensitive: true}]"
    )
    out = check(with_glossary(mini, write, text)).stdout
    assert "common-word" not in out and "without-letters" not in out
