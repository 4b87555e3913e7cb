"""``annotated-reader import hypothesis FILE.json [--source ID]``: notes made in the browser
with Hypothesis, appended to the source files.

Reads what the Hypothesis API's search returns (``{"rows": [...]}``, or a bare list of
rows). Each row goes to the source whose original address (``metadata.url``) or page on
this site is its ``uri`` (or to ``--source``), and is anchored by the reader's own
anchoring: its ``TextQuoteSelector`` as written when that finds one place; otherwise the
quote's places, the ``TextPositionSelector`` picking the nearest, given the shortest
context that picks it (the quote helper's). Kind from a tag naming one (``fact-check``,
``correction``…; else ``context``), a fact-check's verdict from a ``verdict:<id>`` tag;
the id from the row's when it is a valid id not yet taken, else made from the quote.

A row that matches no source, no place, or several places with nothing to choose between
them is reported at its line in the input and not written (exit status 1); a row already
imported (its Hypothesis id is in the file) is skipped with a warning. The notes are appended to each file's text
(:mod:`.yamlappend`), keeping its comments and layout.
"""

from __future__ import annotations

import argparse
import re
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..core.corpus import Corpus
from ..core.fields import ID_PATTERN, reserved
from ..core.model import Quote, Source
from ..core.problems import Location, Problems
from ..core.text.anchor import Match, Outcome, line_col, match_quote
from ..core.text.anchoring import describe_anchor_failure
from ..core.text.selector import nearest, select, unique_quote
from ..core.urls import SiteUrls
from ..core.vocabulary.kinds import KINDS
from ..core.vocabulary.verdicts import VERDICTS
from .jsonrows import Row, RowsError, read_rows
from .noteyaml import NoteDraft, note_yaml
from .project import add_project_options, load, named_source
from .quote import suggest_id
from .yamlappend import AppendError, append_notes, list_indent

VERDICT_TAG = "verdict:"
_DAY = re.compile(r"^(\d{4}-\d{2}-\d{2})")


@dataclass
class Imported:
    source: Source
    draft: NoteDraft
    where: Location  # the row in the input


def _address(url: str) -> str:
    """An address as compared: without fragment, query's order kept, no trailing '/'."""
    return url.split("#", 1)[0].rstrip("/")


def source_index(corpus: Corpus, site_url: str) -> dict[str, Source]:
    """Each source by its original address and by its page's address (both URL forms)."""
    out: dict[str, Source] = {}
    for source in corpus.sources:
        if source.metadata.url.value:
            out[_address(source.metadata.url.value)] = source
        if site_url:
            for urls in (SiteUrls(True), SiteUrls(False)):
                out[_address(site_url.rstrip("/") + "/" + urls.source(source.id))] = source
    return out


def _selectors(row: dict[str, Any]) -> tuple[dict[str, Any] | None, int | None, list[str]]:
    """The row's TextQuoteSelector, TextPositionSelector start, and target sources."""
    quote: dict[str, Any] | None = None
    start: int | None = None
    sources: list[str] = []
    targets = row.get("target")
    for target in targets if isinstance(targets, list) else []:
        if not isinstance(target, dict):
            continue
        if isinstance(target.get("source"), str):
            sources.append(target["source"])
        selectors = target.get("selector")
        for sel in selectors if isinstance(selectors, list) else []:
            if not isinstance(sel, dict):
                continue
            if sel.get("type") == "TextQuoteSelector" and quote is None:
                quote = sel
            elif sel.get("type") == "TextPositionSelector" and isinstance(sel.get("start"), int):
                start = sel["start"] if start is None else start
    return quote, start, sources


def _text(value: Any) -> str:
    return value if isinstance(value, str) else ""


def _kind(tags: list[str]) -> tuple[str | None, str | None]:
    """The kind the tags name (``context`` when none) and the verdict; kind None when the
    tags name two kinds."""
    named = {t.strip().casefold().replace(" ", "-") for t in tags}
    kinds = sorted(k for k in KINDS if k in named or KINDS[k].label.casefold() in named)
    verdicts = [t[len(VERDICT_TAG) :] for t in named if t.startswith(VERDICT_TAG)]
    verdict = verdicts[0] if len(verdicts) == 1 and verdicts[0] in VERDICTS else None
    if len(kinds) > 1:
        return None, verdict
    return (kinds[0] if kinds else "context"), verdict


def _anchor(text: str, wanted: Quote, hint: int | None) -> tuple[Quote, Match] | tuple[str, str]:
    """The quote to write and its place, or why there is none (a code and a sentence)."""
    result = match_quote(text, wanted)
    if result.outcome is Outcome.FOUND and result.match is not None:
        return wanted, result.match
    if result.outcome is Outcome.MISSING:
        return "import.orphan", describe_anchor_failure(text, wanted, result)
    places = select(text, wanted.exact).places
    if result.outcome is Outcome.AMBIGUOUS:
        fitting = {(m.start, m.end) for m in result.candidates}
        places = [p for p in places if (p.match.start, p.match.end) in fitting]
    place = nearest(places, hint) if hint is not None else (places[0] if len(places) == 1 else None)
    if place is None:
        return "import.ambiguous", (
            f"the quote “{wanted.exact[:60]}” fits {len(places)} places and the row's "
            "TextPositionSelector does not pick one; import it with `annotated-reader quote` "
            "and choose"
        )
    quote = place.quote or unique_quote(text, place.match)
    if quote is None:
        return "import.ambiguous", f"the quote “{wanted.exact[:60]}” repeats with its surroundings"
    return quote, place.match


def _provenance(row: dict[str, Any]) -> str:
    parts = [f"Hypothesis {_text(row.get('id'))}".strip()]
    if _text(row.get("user")):
        parts.append(f"by {_text(row.get('user'))}")
    if _text(row.get("created")):
        parts.append(_text(row.get("created")))
    return "imported from " + " ".join(" ".join(parts).split())


def plan(
    corpus: Corpus, rows: list[Row], where: str, only: Source | None, site_url: str
) -> tuple[list[Imported], Problems]:
    """What each row becomes: a note for a source, or a problem at its line in ``where``."""
    problems = Problems()
    by_address = source_index(corpus, site_url)
    taken = {a.id for a in corpus.annotations()}
    files: dict[str, str] = {}
    out: list[Imported] = []
    for row in rows:
        loc = Location(where, row.line, row.col)
        data = row.data
        if not isinstance(data, dict):
            problems.error(loc, "import.row", "a row must be an object (an annotation)")
            continue
        quote_sel, hint, targets = _selectors(data)
        source = only
        if source is None:
            uris = [_text(data.get("uri")), *targets]
            source = next(
                (by_address[_address(u)] for u in uris if _address(u) in by_address), None
            )
        if source is None:
            problems.error(
                loc,
                "import.orphan",
                f"no source has the address {_text(data.get('uri')) or '(none)'}; give the "
                "source's original address as its metadata url, or name it with --source",
            )
            continue
        if quote_sel is None or not _text(quote_sel.get("exact")):
            problems.error(
                loc,
                "import.orphan",
                "the row has no TextQuoteSelector: a note on the whole page, not on a passage",
            )
            continue
        body = _text(data.get("text"))
        if not body.strip():
            problems.error(loc, "import.empty", "the row has no text: a highlight without a note")
            continue
        file_text = files.setdefault(
            source.path, (corpus.paths.root / source.path).read_text(encoding="utf-8")
        )
        row_id = _text(data.get("id"))
        if row_id and f"Hypothesis {row_id}" in file_text:
            problems.warning(
                loc, "import.again", f"already imported into {source.path} (Hypothesis {row_id})"
            )
            continue
        tags = data.get("tags")
        kind, verdict = _kind(
            [t for t in tags if isinstance(t, str)] if isinstance(tags, list) else []
        )
        if kind is None:
            problems.error(loc, "import.ambiguous", f"the tags name more than one kind: {tags}")
            continue
        wanted = Quote(
            _text(quote_sel.get("exact")),
            _text(quote_sel.get("prefix")),
            _text(quote_sel.get("suffix")),
        )
        anchored = _anchor(source.text, wanted, hint)
        if isinstance(anchored[0], str):
            code, why = anchored
            problems.error(loc, code, f"{why} (seeds/{source.seed})")
            continue
        quote = anchored[0]
        if ID_PATTERN.fullmatch(row_id) and not reserved(row_id) and row_id not in taken:
            note_id = row_id
        else:
            note_id = suggest_id(source, quote.exact, taken)
        taken.add(note_id)
        day = _DAY.match(_text(data.get("updated")) or _text(data.get("created")))
        draft = NoteDraft(
            id=note_id,
            kind=kind,
            quote=quote,
            body=body,
            verdict=verdict if kind == "fact-check" else None,
            reviewed=day.group(1) if day else None,
            comments=[_provenance(data)],
        )
        out.append(Imported(source, draft, loc))
    return out, problems


def cmd_import(args: argparse.Namespace) -> int:
    corpus, _ = load(args)
    only = None
    if args.source is not None:
        only = named_source(corpus, args.source, "import")
        if only is None:
            return 1
    input_path = Path(args.file)
    shown = args.file
    try:
        text = input_path.read_text(encoding="utf-8")
        rows = read_rows(text)
    except UnicodeDecodeError:
        print(f"{shown}:1:1: error: [import.encoding] the file is not UTF-8", file=sys.stderr)
        return 1
    except RowsError as exc:
        line, col = line_col(text, exc.offset)
        print(f"{shown}:{line}:{col}: error: [import.json] {exc}", file=sys.stderr)
        return 1
    notes, problems = plan(corpus, rows, shown, only, args.site_url)
    for source_path in dict.fromkeys(n.source.path for n in notes):
        mine = [n for n in notes if n.source.path == source_path]
        file = corpus.paths.root / source_path
        original = file.read_text(encoding="utf-8")
        indent = list_indent(original)
        try:
            updated = append_notes(original, [note_yaml(n.draft, indent) for n in mine], indent)
        except AppendError as exc:
            for n in mine:
                problems.error(n.where, "import.unwritable", f"{source_path}: {exc}")
            continue
        file.write_text(updated, encoding="utf-8")
        for n in mine:
            print(f"{n.where}: added note '{n.draft.id}' to {source_path}", file=sys.stderr)
    for p in problems.sorted():
        print(p, file=sys.stderr)
    print(
        f"{len(notes)} note(s) imported, {len(problems.errors)} row(s) not imported, "
        f"{len(problems.warnings)} already imported; run "
        "`annotated-reader check`",
        file=sys.stderr,
    )
    return 1 if problems.errors else 0


def add_parser(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    imp = sub.add_parser("import", help="append notes made elsewhere to the source files")
    formats = imp.add_subparsers(dest="format", required=True)
    hyp = formats.add_parser(
        "hypothesis", help="rows of the Hypothesis API's search (JSON), matched by their uri"
    )
    hyp.add_argument("file", metavar="FILE.json", help="the search API's answer, saved")
    hyp.add_argument("--source", metavar="SOURCE-ID", help="put every row on this source")
    hyp.add_argument(
        "--site-url", default="", help="this site's address, to match rows made on its pages"
    )
    add_project_options(hyp)
    hyp.set_defaults(func=cmd_import)
