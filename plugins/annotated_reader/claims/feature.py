"""The claims feature: reads ``claims.yml`` and holds notes on one claim to one answer."""

from __future__ import annotations

from ..core.corpus import Corpus, Feature, Options
from ..core.files import declared_ids, exists, read_text
from ..core.problems import Problems
from .load import Claim, attach_notes, check_shared, check_verdicts, read_claims

CLAIMS_FILE = "claims.yml"


class Claims(Feature):
    name = "claims"

    def __init__(self) -> None:
        self.claims: list[Claim] = []

    def load(self, corpus: Corpus, problems: Problems, options: Options) -> None:
        path = corpus.paths.root / corpus.paths.annotations / CLAIMS_FILE
        rel = corpus.paths.rel(path)
        if not exists(path):
            users = [a for a in corpus.annotations() if a.claim_id]
            if users:
                problems.error(
                    users[0].location,
                    "claims.missing-file",
                    f"{len(users)} annotation(s) name a claim (the first is '{users[0].id}') "
                    f"but there is no {rel}; create it (see annotations/README.md)",
                )
            return
        loaded = read_claims(rel, read_text(corpus.paths, path, problems, "claims"), problems)
        if not loaded.readable:
            corpus.lose("claim", declared_ids(corpus.paths, path))
        attach_notes(loaded, corpus, problems)
        check_verdicts(loaded, problems)
        check_shared(loaded, corpus, problems)
        self.claims = loaded.claims
