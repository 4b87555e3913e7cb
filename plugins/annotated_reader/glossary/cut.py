"""Where a long glossary is cut: one page per initial letter, a letter cut again by size.

The sizes are measured, not guessed: each entry is rendered once with the template that
renders it on its page, so the cut holds for a site's own templates too.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..core.paging import Cut, cut_page, initial
from ..core.urls import SiteUrls
from .model import PAGE
from .page import environment_of, term_entry

if TYPE_CHECKING:
    from .model import Term
    from .model import TermIndex as Glossary

_FIRST, _LAST = "0-9", "other"  # digits file before the letters; other scripts after


def _order(term: Term) -> tuple[int, str, str]:
    slug = initial(term.term)[0]
    return (0 if slug == _FIRST else 2 if slug == _LAST else 1, slug, term.term.casefold())


def cut_glossary(glossary: Glossary, urls: SiteUrls, budget: int) -> Cut[Term] | None:
    """The glossary's parts when its entries weigh more than ``budget`` characters of HTML;
    None when it fits on one page."""
    order = sorted(glossary.terms, key=lambda t: (*_order(t), t.id))
    page_url = urls.page(PAGE)
    entry = environment_of(glossary).get_template("glossary_parts.html").module.entry  # type: ignore[attr-defined]
    sizes = [len(str(entry(term_entry(glossary, t, page_url, urls)))) for t in order]
    return cut_page(PAGE, order, lambda t: t.id, lambda t: initial(t.term), sizes, budget)
