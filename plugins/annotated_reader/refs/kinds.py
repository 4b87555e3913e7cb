"""What kind of publisher an address belongs to, by its domain.

The desk's standard of evidence ranks sources: primary documents and official records
first, then news agencies and the press, an encyclopaedia only beside them, and never a
site that copies others' content or pirates it. The table below is that ranking applied to
the domains this corpus cites; a domain not in it is counted as ``press`` (an outlet of its
own), so an unlisted aggregator is a gap in the table, never a silent promotion.
"""

from __future__ import annotations

from urllib.parse import urlsplit

KINDS = (
    "official",
    "legal-text",
    "agency",
    "press",
    "analysis",
    "encyclopaedia",
    "aggregator",
    "pirate",
)

# domain → kind; a domain matches itself and its subdomains.
DOMAIN_KINDS: dict[str, str] = {
    # Governments, the UN and the Union State's own bodies: the record itself.
    "kremlin.ru": "official",
    "president.gov.by": "official",
    "government.ru": "official",
    "mid.ru": "official",
    "un.org": "official",
    "undocs.org": "official",
    "postkomsg.com": "official",
    "soyuz.by": "official",
    "xn--c1anggbdpdf.xn--p1ai": "official",  # союзное-государство.рф, the Union State's portal
    "souzveche.ru": "official",  # the Union State's newspaper
    "mil.by": "official",
    "mil.ru": "official",
    "gov.ua": "official",
    "nato.int": "official",
    "europa.eu": "official",
    "belstat.gov.by": "official",
    # Databases that publish the text of treaties and laws.
    "cis-legislation.com": "legal-text",
    "ealegislation.com": "legal-text",
    "spinform.ru": "legal-text",
    "pravo.by": "legal-text",
    "publication.pravo.gov.ru": "legal-text",
    # News agencies.
    "tass.com": "agency",
    "tass.ru": "agency",
    "interfax.com": "agency",
    "interfax.ru": "agency",
    "interfax.com.ua": "agency",
    "interfax.by": "agency",
    "reuters.com": "agency",
    "apnews.com": "agency",
    "belta.by": "agency",
    "ria.ru": "agency",
    "rian.ru": "agency",
    "sputniknews.com": "agency",
    "sputniknews.ru": "agency",
    "sputniknews.africa": "agency",
    "sputnik.by": "agency",
    "chinaview.cn": "agency",  # Xinhua's English service
    "xinhuanet.com": "agency",
    "ansa.it": "agency",
    "agenzianova.com": "agency",
    "primepress.by": "agency",
    "unn.ua": "agency",
    "ukranews.com": "agency",
    "ukrinform.net": "agency",
    "oreanda.ru": "agency",
    "regnum.ru": "agency",
    "pap.pl": "agency",
    "belapan.by": "agency",
    # Research and analysis houses.
    "jamestown.org": "analysis",
    "eiu.com": "analysis",
    "minskdialogue.by": "analysis",
    "carnegieendowment.org": "analysis",
    "iiss.org": "analysis",
    "osw.waw.pl": "analysis",
    # Encyclopaedias.
    "wikipedia.org": "encyclopaedia",
    # Sites that republish others' reports, press releases or news feeds.
    "einpresswire.com": "aggregator",
    "exbulletin.com": "aggregator",
    "24hoursworlds.com": "aggregator",
    "rusnewsjournal.com": "aggregator",
    "expressinformer.com": "aggregator",
    "thegoaspotlight.com": "aggregator",
    "russiasnews.com": "aggregator",
    "rulenta.com": "aggregator",
    "sott.net": "aggregator",
    "urdupoint.com": "aggregator",
    "news.21.by": "aggregator",
    "global-world-news.com": "aggregator",
    # Copies of books without the publisher's leave.
    "librs.net": "pirate",
}

WEAK_KINDS = ("aggregator", "pirate")  # never to be cited
PRIMARY_KINDS = ("official", "legal-text", "agency")  # the record, or who reported it first


def domain(url: str) -> str:
    """The host of ``url``, lower-cased, without a leading ``www.``, ``m.`` or ``amp.``."""
    host = (urlsplit(url).hostname or "").lower()
    for prefix in ("www.", "m.", "amp."):
        if host.startswith(prefix):
            host = host[len(prefix) :]
    return host


def kind(host: str) -> str:
    """The kind of the domain ``host`` (or of the nearest listed parent domain); else press."""
    parts = host.split(".")
    for i in range(len(parts) - 1):
        found = DOMAIN_KINDS.get(".".join(parts[i:]))
        if found:
            return found
    return "press"
