"""Reading ``annotations/claims.yml`` and holding the notes that check each claim to one answer.

A note joins a claim with ``claim_id:``. Notes on one claim whose verdicts differ are an
error unless each says why (``differs_because:``): two sources can claim different things
about one fact, but the reader must be told, or the verdicts read as a contradiction.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from ..core.corpus import Corpus
from ..core.dated import Dated, DatedFact, read_dated
from ..core.fields import Fields, listed_ids, read_references, suggest
from ..core.files import ANY
from ..core.memo import Memo
from ..core.model import Annotation, Reference
from ..core.problems import Location, Problems
from ..core.vocabulary.verdicts import VERDICTS
from ..core.yamlsrc import Node, load_yaml

CLAIM_FIELDS = ("id", "claim", "fact", "date", "event", "references")


@dataclass
class Claim:
    id: str
    claim: str  # the claim in a neutral wording
    location: Location
    references: list[Reference] = field(default_factory=list)
    notes: list[Annotation] = field(default_factory=list)
    fact: str | None = None  # what is known, in Markdown, where the claim's wording is not it
    fact_line: int = 0
    dated: Dated | None = None  # the correct date of the fact, for the event it names


@dataclass
class ClaimsFile:
    claims: list[Claim] = field(default_factory=list)
    known: set[str] = field(default_factory=set)
    readable: bool = True
    untold: bool = False  # a claim's id cannot be told (see ``listed_ids``)


def read_claims(
    rel: str, text: str | None, problems: Problems, memo: Memo | None = None
) -> ClaimsFile:
    """The claims of ``text`` (None: the file could not be read, as reported)."""
    out = ClaimsFile()
    root = load_yaml(rel, text, problems, memo) if text is not None else None
    if root is None:
        out.readable = False
        return out
    top = Fields(root, problems, "the claims file", ("claims",), "claims")
    items = top.sequence("claims", required=True, hint="list the claims under 'claims:'")
    listed = top.get("claims")
    out.readable = listed is not None and (listed.value is None or listed.is_sequence)
    seen: dict[str, Location] = {}
    for item in items:
        claim = _claim(item, problems, seen)
        if claim is not None:
            out.claims.append(claim)
    out.known = set(seen)
    out.untold = ANY in listed_ids(root, "claims")
    return out


def _claim(node: Node, problems: Problems, seen: dict[str, Location]) -> Claim | None:
    fields = Fields(node, problems, "a claim", CLAIM_FIELDS, "claim")
    if not fields.ok:
        return None
    ident = fields.ident()
    if ident is not None:
        fields.what = f"claim '{ident}'"
        if ident in seen:
            problems.error(
                fields.get("id").location,  # type: ignore[union-attr]
                "claim.duplicate-id",
                f"claim id '{ident}' is already used at line {seen[ident].line}; give each "
                "claim its own id, or merge the two entries",
            )
            return None
        seen[ident] = node.location
    wording = fields.text("claim", hint="state the claim once, in a neutral wording")
    fact = fields.text("fact", required=False, hint="say what is known, with its references")
    fact_node = fields.get("fact")
    references = read_references(fields, problems, required=False, hint="")
    dated = read_dated(fields, problems)
    if ident is None or wording is None:
        return None
    line = fact_node.content_line if fact_node is not None else 0
    return Claim(ident, wording, node.location, references, fact=fact, fact_line=line, dated=dated)


def attach_notes(loaded: ClaimsFile, corpus: Corpus, problems: Problems) -> None:
    """Give each claim the notes that name it; a name the file lacks is an error."""
    index = {c.id: c for c in loaded.claims}
    for ann in corpus.annotations():
        if ann.claim_id is None:
            continue
        claim = index.get(ann.claim_id)
        if claim is not None:
            claim.notes.append(ann)
        elif loaded.readable and not loaded.untold and ann.claim_id not in loaded.known:
            problems.error(
                ann.location,
                "annotation.unknown-claim",
                f"annotation '{ann.id}' names claim '{ann.claim_id}', which is not in "
                f"claims.yml{suggest(ann.claim_id, loaded.known)}; use the id of a claim "
                "there, or add the claim",
            )


def claim_verdict(notes: list[Annotation]) -> str | None:
    """The verdict most notes on a claim give; a tie goes to the one higher on the scale, so
    the note that rates the claim lower is the one that says why."""
    counts = Counter(n.verdict for n in notes if n.verdict)
    if not counts:
        return None
    order = list(VERDICTS)
    return max(counts, key=lambda v: (counts[v], -order.index(v) if v in order else 0))


def check_verdicts(loaded: ClaimsFile, problems: Problems) -> None:
    """Notes on one claim give one verdict, or each one that differs says why."""
    for claim in loaded.claims:
        common = claim_verdict(claim.notes)
        if len({n.verdict for n in claim.notes}) < 2:
            continue
        summary = ", ".join(f"'{n.id}' {n.verdict}" for n in claim.notes)
        for note in claim.notes:
            if note.verdict != common and note.differs_because is None:
                problems.error(
                    note.location,
                    "claim.verdicts-differ",
                    f"the notes on claim '{claim.id}' give different verdicts ({summary}); "
                    f"say in differs_because: why '{note.id}' rates its text's claim "
                    f"{note.verdict} where the others say {common}, or bring the verdicts "
                    "into line",
                )


def check_shared(loaded: ClaimsFile, corpus: Corpus, problems: Problems) -> None:
    """Warn about a claim fewer than two notes check: a claim is for a repeated fact."""
    if not corpus.complete:
        return
    for claim in loaded.claims:
        if len(claim.notes) < 2:
            problems.warning(
                claim.location,
                "claim.single",
                f"claim '{claim.id}' is checked by {len(claim.notes)} note(s); a claim links "
                "the notes that check one fact in several places — add claim_id: to the "
                "others, or remove the claim",
            )


def dated_facts(claims: list[Claim]) -> list[DatedFact]:
    """A claim's correct date, for the event it names and every event its notes are tied
    to: the notes' events are what the claim is about."""
    out = []
    for claim in claims:
        d = claim.dated
        if d is None or not d.date or d.location is None:
            continue
        events = dict.fromkeys([d.event] if d.event else [])
        events.update(dict.fromkeys(n.event for n in claim.notes if n.event))
        out += [DatedFact(e, d.date, f"claim '{claim.id}'", d.location) for e in events]
    return out
