"""Reading ``annotations/glossary.yml``: its terms, checked, and kept between builds.

What the file gives depends only on its text and the library's code. With 5,000 terms,
decoding its YAML tree, reading the terms, checking them and building the matcher of their
10,000 spellings again after every edit of a note took a fifth of the build, so all of it
is kept (pickled, under a key of the file's path and text: :mod:`..core.memo`) and the
problems it reported are reported again.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..core.dated import read_dated
from ..core.fields import Fields, listed_ids, read_references, suggest
from ..core.files import ANY
from ..core.memo import Memo, list_of
from ..core.problems import Problem, Problems
from ..core.yamlsrc import Node, load_yaml
from .model import CATEGORIES, TERM_FIELDS, Alias, Term
from .termmatch import Matcher, Pattern
from .words import unusable


@dataclass
class ReadGlossary:
    """What the file gave: its terms (checked, unusable aliases dropped), the term ids it
    lists (some may not have loaded), the problems reported, the matcher of the terms'
    spellings, and the key it is kept under ("" when not kept). ``loaded`` is false when the file is not YAML the terms can be
    read from: its own problems say why, and none of its terms exists."""

    terms: list[Term]
    listed: set[str]
    problems: list[Problem]
    matcher: Matcher
    key: str = ""
    loaded: bool = True

    def sound(self) -> bool:
        """Of its own shape, as far as loading relies on it before reading it."""
        return (
            list_of(self.terms, Term)
            and isinstance(self.listed, set)
            and all(isinstance(i, str) for i in self.listed)
            and list_of(self.problems, Problem)
            and isinstance(self.matcher, Matcher)
            and isinstance(self.key, str)
            and isinstance(self.loaded, bool)
        )


def read_glossary(path: str, text: str, memo: Memo | None) -> ReadGlossary:
    """The glossary file read, or taken as an earlier build read it when its text (and
    the library) are the same. Its YAML tree is not kept on its own (the read is): with
    5,000 terms, writing it was a tenth of a first build's glossary."""
    key = memo.key(path, text) if memo is not None else ""
    kept = memo.recall_pickled(key, ReadGlossary) if memo is not None else None
    if kept is not None:
        return kept
    found = Problems()
    root = load_yaml(path, text, found)
    terms = read_terms(root, found) if root is not None else []
    listed = root.get("terms") if root is not None else None
    if listed is None or not (listed.is_sequence or listed.value is None):  # not a glossary
        # at all: its own error only, and every term id may have been in it
        return ReadGlossary([], set(), list(found.items), Matcher([]), loaded=False)
    ids = listed_ids(root, "terms")
    _check(terms, ids, found)
    spellings = [
        Pattern(a.text, t.id, a.case_sensitive, a.misspelling) for t in terms for a in t.aliases
    ]
    read = ReadGlossary(terms, ids, list(found.items), Matcher(spellings), key)
    if memo is not None:
        memo.keep_pickled(key, read)
    return read


def _alias(node: Node, problems: Problems, misspelling: bool) -> Alias | None:
    if node.is_scalar:
        if not isinstance(node.value, str) or not node.value.strip():
            problems.error(node.location, "glossary.bad-alias", "an alias must be non-empty text")
            return None
        return Alias(node.value, node.location, misspelling=misspelling)
    fields = Fields(node, problems, "an alias", ("text", "case_sensitive", "occurs"), "glossary")
    text = fields.text("text", hint="write the spelling as it occurs in the sources")
    flags = {}
    for key in ("case_sensitive", "occurs"):
        value = fields.get(key)
        if value is not None and not isinstance(value.value, bool):
            problems.error(value.location, "glossary.type", f"'{key}' must be true or false")
        flags[key] = value.value if value is not None and isinstance(value.value, bool) else None
    if text is None:
        return None
    return Alias(
        text,
        node.location,
        case_sensitive=bool(flags["case_sensitive"]),
        occurs=flags["occurs"] is not False,
        misspelling=misspelling,
    )


def read_terms(root: Node, problems: Problems) -> list[Term]:
    top = Fields(root, problems, "the glossary", ("terms",), "glossary")
    terms: list[Term] = []
    seen: dict[str, Term] = {}
    for item in top.sequence("terms", required=True, hint="list the terms under 'terms:'"):
        fields = Fields(item, problems, "a term", TERM_FIELDS, "glossary")
        if not fields.ok:
            continue
        term_id = fields.ident()
        fields.what = f"term '{term_id}'" if term_id else "a term"
        name = fields.text("term", hint="give the display name")
        category = fields.text("category", choices=CATEGORIES)
        definition = fields.text("definition", hint="write a short neutral definition in Markdown")
        aliases = [
            a for n in fields.sequence("aliases") if (a := _alias(n, problems, False)) is not None
        ]
        aliases += [
            a
            for n in fields.sequence("misspellings")
            if (a := _alias(n, problems, True)) is not None
        ]
        related_nodes = []
        for node in fields.sequence("related"):
            if node.is_scalar and node.value is not None:
                related_nodes.append(node)
            else:
                problems.error(
                    node.location,
                    "glossary.type",
                    "each entry of 'related' must be a term id, e.g. related: [putin, kremlin]",
                )
        related = [str(n.value) for n in related_nodes]
        references = read_references(fields, problems, required=False, hint="")
        dated = read_dated(fields, problems)
        if None in (term_id, name, category, definition):
            continue
        assert term_id and name and category and definition
        if term_id in seen:
            problems.error(
                item.location,
                "glossary.duplicate-id",
                f"term id '{term_id}' is already used at {seen[term_id].location}; give each term its own id",
            )
            continue
        def_node = fields.get("definition")
        term = Term(
            term_id,
            name,
            category,
            definition,
            item.location,
            def_node.content_line if def_node else item.location.line,
            aliases,
            related,
            references,
            [n.location for n in related_nodes],
            dated,
        )
        seen[term_id] = term
        terms.append(term)
    return terms


def _usable(term: Term, alias: Alias, problems: Problems) -> bool:
    """Whether ``alias`` can be matched: one without a letter or digit, or a common word,
    would link what is not the term (see ``words``); it is reported and not linked."""
    why = unusable(alias.text, alias.case_sensitive)
    if why is None:
        return True
    said = f"alias '{alias.text}' of term '{term.id}' {why}, so it would link every "
    said += f"'{alias.text}' in the sources, whatever it means there; it is not linked"
    if why == "has no letter or digit":
        problems.error(alias.location, "glossary.alias-without-letters", f"{said}: remove it")
    else:
        capitalised = alias.text[:1].upper() + alias.text[1:]
        problems.warning(
            alias.location,
            "glossary.common-word-alias",
            f"{said}: remove it, or write {{text: {capitalised}, case_sensitive: true}} "
            "if only that spelling means the term",
        )
    return False


def _check(terms: list[Term], listed: set[str], problems: Problems) -> None:
    """Cross-checks of the terms: aliases usable and claimed once, related terms defined
    (or listed: a term that did not load has its own error). Unusable aliases are dropped
    from their terms."""
    ids = {t.id for t in terms}
    claimed: dict[tuple[str, bool], tuple[Term, Alias]] = {}
    for term in terms:
        term.aliases = [a for a in term.aliases if _usable(term, a, problems)]
        for alias in term.aliases:
            key = (alias.text if alias.case_sensitive else alias.text.lower(), alias.case_sensitive)
            other = claimed.get(key) or claimed.get((alias.text.lower(), False))
            if other and other[0].id != term.id:
                problems.error(
                    alias.location,
                    "glossary.alias-claimed-twice",
                    f"alias '{alias.text}' of term '{term.id}' is already an alias of term "
                    f"'{other[0].id}' ({other[1].location}); an alias may belong to one term only",
                )
                continue
            claimed.setdefault(key, (term, alias))
        for related, where in zip(term.related, term.related_at, strict=True):
            if related not in ids and related not in listed and ANY not in listed:
                problems.error(
                    where,
                    "glossary.unknown-related",
                    f"term '{term.id}' is related to unknown term '{related}'{suggest(related, ids)}; "
                    "use the id of a term defined in this file",
                )
