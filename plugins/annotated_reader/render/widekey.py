"""What the corpus-wide pages are made of: one key for the timeline, glossary, ratings,
claims and sources pages, their cuts and the files made with them.

Those pages show every source's titles, metadata and passages, and every feature's data,
but no note's body: an edited note changes none of them, yet rendering them (measuring
their cuts first) was most of what an edited build of a large corpus did. The key names
all they read except the bodies (and the line numbers, which only problems show), so a
later build whose key is the same takes them, and where each cut put its items, as made.

A feature says what it is made of (``Feature.made_of``); anything this module cannot
write down plainly makes no key at all, so a feature that forgets to say fails safe:
its pages are rendered every time, never taken stale.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
from datetime import date
from typing import Any

from ..core.corpus import Corpus
from ..core.model import Annotation, Source
from ..core.problems import Location

# Bumped when what the key names changes in a way its parts do not show.
_FORMAT = 1

# A note's fields that no corpus-wide page shows: its text and where it is written.
_NOT_SHOWN = frozenset({"body", "body_line", "location", "correction_line"})

_fields: dict[type, tuple[str, ...]] = {}


class _Unkeyable(Exception):
    """A value this module cannot write down: no key, the pages are rendered."""


def _names(kind: type) -> tuple[str, ...]:
    """A record's fields but its line numbers (``*_line``: problems show them, no page)."""
    names = _fields.get(kind)
    if names is None:
        names = tuple(f.name for f in dataclasses.fields(kind) if not f.name.endswith("_line"))
        _fields[kind] = names
    return names


_SCALARS = frozenset({str, int, float, bool, type(None)})


def plain(value: Any) -> Any:
    """``value`` as JSON-able data: records field by field, a note or a source by its id
    (its data is in the key once, see :func:`source_data`), a place in a file by its path."""
    kind = type(value)
    if kind in _SCALARS:
        return value
    if kind is list or kind is tuple:
        return [plain(v) for v in value]
    names = _records.get(kind)
    if names is not None:
        return [kind.__name__, *[plain(getattr(value, n)) for n in names]]
    return _rarer(value)


_records: dict[type, tuple[str, ...]] = {}  # the records :func:`plain` writes field by field


def _rarer(value: Any) -> Any:
    if value is None or isinstance(value, str | int | float | bool):
        return value
    if isinstance(value, Location):
        return value.path
    if isinstance(value, Annotation):
        return ["note", value.id]
    if isinstance(value, Source):
        return ["source", value.id]
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, list | tuple):
        return [plain(v) for v in value]
    if isinstance(value, dict):
        return [[plain(k), plain(v)] for k, v in value.items()]
    if isinstance(value, set | frozenset):
        return sorted((plain(v) for v in value), key=json.dumps)
    kind = type(value)
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        _records[kind] = _names(kind)
        return plain(value)
    raise _Unkeyable(kind.__name__)


def note_data(ann: Annotation) -> list[Any]:
    """A note as the corpus-wide pages may show it: every field but its text and lines."""
    return ["note", *(plain(getattr(ann, n)) for n in _names(Annotation) if n not in _NOT_SHOWN)]


def source_data(source: Source) -> list[Any]:
    """A source as the corpus-wide pages may show it: its names, metadata, text and layout,
    and its notes (:func:`note_data`)."""
    return [
        source.id,
        source.path,
        source.seed,
        source.title,
        source.nav_title,
        plain(source.metadata),
        hashlib.sha256(source.text.encode("utf-8", "surrogatepass")).hexdigest(),
        plain(source.layout),
        [note_data(a) for a in source.annotations],
    ]


# A source's :func:`source_data` digest, by the key of what it was made of (its file and
# seed as read, and the notes it kept): a later build digests only the sources it read anew.
Digests = dict[str, list[str]]


def _digest(data: Any) -> str:
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def _source_digest(corpus: Corpus, source: Source, known: Digests, out: Digests) -> str:
    read = corpus.read_keys.get(source.id)
    made = _digest([read, [a.id for a in source.annotations]]) if read is not None else ""
    kept = known.get(source.id)
    if made and kept is not None and len(kept) == 2 and kept[0] == made:
        digest = str(kept[1])
    else:
        digest = _digest(source_data(source))
    if made:
        out[source.id] = [made, digest]
    return digest


def wide_key(corpus: Corpus, context: str, known: Digests | None = None) -> tuple[str, Digests]:
    """The key of everything the corpus-wide pages are made of, in ``context`` (the code,
    the site's templates and options: ``replay.site_key``'s), "" when some feature does
    not say what its pages are made of, or says it in a form this cannot write; and each
    source's digest, for a later build (``known``: an earlier build's)."""
    digests: Digests = {}
    try:
        features = []
        for feature in corpus.features:
            made = feature.made_of()
            if made is None:
                return "", {}
            features.append([feature.name, plain(made)])
        sources = [_source_digest(corpus, s, known or {}, digests) for s in corpus.sources]
        key = _digest([_FORMAT, context, sources, features, plain(corpus.lost), corpus.complete])
    except (_Unkeyable, TypeError, ValueError, RecursionError):
        return "", {}
    return key, digests
