"""``annotated-reader quote SOURCE-ID "text"``: a ready-to-paste note whose quote matches
exactly one place in the seed.

The places come from the anchoring (:mod:`~annotated_reader.core.text.selector`); for each,
the note is printed with an id to start from, the shortest prefix and/or suffix taken from
the seed, a body to write and, for a fact-check or a correction, the fields it must have.
Text that is not in the seed gets the loader's own message (the closest passage with its
similarity, or the unseen character in the way) and exit status 1.
"""

from __future__ import annotations

import argparse
import re
import sys
import unicodedata
from collections import Counter
from dataclasses import replace

from ..core.corpus import Corpus
from ..core.fields import ID_PATTERN, reserved
from ..core.model import Quote, Source
from ..core.text.anchor import Match, line_col
from ..core.text.anchoring import describe_anchor_failure
from ..core.text.selector import Place, select
from ..core.vocabulary.kinds import KINDS
from .noteyaml import NoteDraft, note_yaml
from .project import add_project_options, load, named_source

# Places listed with their own selector; beyond, only counted (a common word occurs
# hundreds of times, and each selector costs a few anchorings).
MAX_PLACES = 20
BODY_PLACEHOLDER = "Write the note in Markdown.\n"


def id_prefix(source: Source) -> str:
    """The first word of most of the source's note ids (``flash`` of ``flash-headline``),
    or of the source id: notes of one source share a short prefix."""
    counts = Counter(a.id.split("-")[0] for a in source.annotations)
    return counts.most_common(1)[0][0] if counts else source.id.split("-")[0]


def suggest_id(source: Source, exact: str, taken: set[str]) -> str:
    """An id from the source's prefix and the quote's first words, unique in ``taken``."""
    ascii_text = unicodedata.normalize("NFKD", exact).encode("ascii", "ignore").decode()
    words = re.findall(r"[a-z0-9]+", ascii_text.lower())[:4]
    base = "-".join([id_prefix(source), *words]) or "note"
    candidate, n = base, 1
    while candidate in taken or reserved(candidate) or not ID_PATTERN.fullmatch(candidate):
        n += 1
        candidate = f"{base}-{n}"
    return candidate


def crossing(corpus: Corpus, source: Source, match: Match) -> str | None:
    """A sentence for a passage that runs over more than one block of the page, else None."""
    blocks = [
        b for b in corpus.blocks.get(source.id, []) if b.start < match.end and match.start < b.end
    ]
    if len(blocks) <= 1:
        return None
    first, last = (
        line_col(source.text, blocks[0].start)[0],
        line_col(source.text, blocks[-1].start)[0],
    )
    return (
        f"the passage crosses {len(blocks)} blocks of the page (lines {first} to {last}): the "
        "note highlights it in each; shorten the quote if you meant one paragraph"
    )


def draft(source: Source, place: Place, kind: str, taken: set[str]) -> NoteDraft:
    quote = place.quote or Quote(source.text[place.match.start : place.match.end])
    return NoteDraft(
        id=suggest_id(source, quote.exact, taken),
        kind=kind,
        quote=quote,
        body=BODY_PLACEHOLDER,
    )


def cmd_quote(args: argparse.Namespace) -> int:
    corpus, _ = load(args)
    source = named_source(corpus, args.source, "quote")
    if source is None:
        return 1
    selection = select(source.text, args.text, limit=MAX_PLACES)
    where = f"seeds/{source.seed}"
    if not selection.places:
        message = describe_anchor_failure(source.text, Quote(args.text), selection.result)
        print(f"{where}: {message}", file=sys.stderr)
        return 1
    taken = {a.id for a in corpus.annotations()}
    places = selection.places[:MAX_PLACES]
    if len(selection.places) > 1:
        print(
            f"{where}: the text occurs in {len(selection.places)} places; one note per place "
            + (f"(the first {MAX_PLACES}) " if len(selection.places) > MAX_PLACES else "")
            + "follows, each with the context that picks it: paste the one you mean",
            file=sys.stderr,
        )
    for n, place in enumerate(places, 1):
        line, col = line_col(source.text, place.match.start)
        comments = [f"{where}:{line}:{col}"]
        if len(places) > 1:
            comments[0] = f"place {n} of {len(selection.places)}: {comments[0]}"
        if place.quote is None:
            comments.append(
                "no context of a few words tells this place apart from another: the text "
                "repeats here; quote a longer passage"
            )
        across = crossing(corpus, source, place.match)
        if across:
            comments.append(across)
            print(f"{where}:{line}:{col}: {across}", file=sys.stderr)
        note = draft(source, place, args.kind, taken)
        taken.add(note.id)
        note = replace(note, comments=comments)
        sys.stdout.write(("\n" if n > 1 else "") + note_yaml(note))
    return 0


def add_parser(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    quote = sub.add_parser(
        "quote",
        help="print a ready-to-paste note whose quote matches exactly one place in a source",
    )
    quote.add_argument(
        "source", metavar="SOURCE-ID", help="the source (its file name in annotations/sources/)"
    )
    quote.add_argument("text", help="the passage, as copied from the text")
    quote.add_argument("--kind", choices=sorted(KINDS), default="context", help="the note's kind")
    add_project_options(quote)
    quote.set_defaults(func=cmd_quote)
