"""The claims feature: reads ``claims.yml``, holds notes on one claim to one answer, and
publishes the claims page (``claims/``) that notes on a claim link to."""

from __future__ import annotations

from ..core.corpus import Corpus, Feature, Options, PageHtml
from ..core.dated import DatedFact
from ..core.files import ANY, declared_ids, exists, read_text
from ..core.model import Reference
from ..core.problems import Problems
from ..core.text.markup import Markup
from ..core.urls import SiteUrls
from ..core.xref import Prose
from .claimreview import PAGE_NAME
from .entries import shown
from .load import Claim, attach_notes, check_shared, check_verdicts, dated_facts, read_claims
from .page import PAGE, TITLE, render_claims

CLAIMS_FILE = "claims.yml"


class Claims(Feature):
    name = "claims"

    def __init__(self) -> None:
        self.claims: list[Claim] = []
        self.corpus: Corpus | None = None
        self.site = ("", "")
        self._markup: Markup | None = None
        self._shown: dict[str, Claim] = {}

    def load(self, corpus: Corpus, problems: Problems, options: Options) -> None:
        self.corpus = corpus
        self.site = (options.site_url, options.site_name)
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
        loaded = read_claims(
            rel,
            read_text(corpus.paths, path, problems, "claims"),
            problems,
            corpus.cache.memo("yaml"),
        )
        if not loaded.readable:
            corpus.lose("claim", declared_ids(corpus.paths, path))
        elif loaded.untold:
            corpus.lose("claim", {ANY})
        attach_notes(loaded, corpus, problems)
        check_verdicts(loaded, problems)
        check_shared(loaded, corpus, problems)
        self.claims = loaded.claims
        self._shown = {c.id: c for c in shown(self.claims)}

    def dated_facts(self) -> list[DatedFact]:
        return dated_facts(self.claims)

    def references(self) -> list[Reference]:
        return [r for c in self.claims for r in c.references]

    def prose(self) -> list[Prose]:
        return [
            Prose(f"the fact of claim '{c.id}'", c.fact, c.location.path, c.fact_line)
            for c in self.claims
            if c.fact
        ]

    def resolve(self, namespace: str, ident: str, urls: SiteUrls) -> tuple[str, str] | None:
        """A claim's entry on the claims page (only claims checked more than once have
        one): notes on the claim link there."""
        if namespace != "claim":
            return None
        claim = self._shown.get(ident)
        return (f"{urls.page(PAGE_NAME)}#{ident}", claim.claim) if claim else None

    def pages(self) -> dict[str, str]:
        return {PAGE: TITLE} if self._shown else {}

    def made_of(self) -> object:
        """The claims, with the notes on each (whose own data is the corpus's)."""
        return [self.claims, list(self.site)]

    def render_page(self, path: str, page_url: str, urls: SiteUrls) -> PageHtml | None:
        if path != PAGE or self.corpus is None or not self._shown:
            return None
        if self._markup is None:
            self._markup = self.corpus.markup
        markup, resolve = self._markup, self.corpus.resolver(page_url, urls)
        return render_claims(
            self.corpus.templates,
            self.claims,
            self.corpus,
            page_url,
            urls,
            lambda text: markup.render(text, resolve),
            self.site,
        )
