"""The site's one script of term previews: every term, links from the site root, inert text."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from annotated_reader.bundle.check import broken_local, references
from annotated_reader.glossary.page import read_terms_script
from helpers.browser import serve
from helpers.glossary import GLOSSARY, with_glossary
from helpers.project import build

SCRIPT = Path("assets/annotated-reader/glossary-terms.js")
PREFIX = "window.annotatedReaderTerms = "
HOSTILE = GLOSSARY.replace(
    'definition: "Capital of Belarus."',
    'definition: "Capital of [[term:belarus]]. </script><script>alert(1)</script> '
    '[x](javascript:alert(1)) \\u2028 end"',
)


def previews(site: Path) -> dict[str, str]:
    text = (site / SCRIPT).read_text(encoding="utf-8")
    assert text.startswith(PREFIX) and text.endswith(";\n")
    return read_terms_script(text)


def test_the_bundle_check_reads_the_previews_links(
    mini: Path, write: Callable[[Path, str, str], Path]
) -> None:
    """Offline, a preview's link to a missing file is as broken as a page's."""
    with_glossary(
        mini, write, GLOSSARY.replace("Capital of Belarus.", "Capital. [Gone](gone.html)")
    )
    cfg = mini / "mkdocs.yml"
    cfg.write_text(
        cfg.read_text(encoding="utf-8") + "use_directory_urls: false\n", encoding="utf-8"
    )
    assert build(mini).returncode == 0
    broken = [r for r in broken_local(mini / "site") if r.file == SCRIPT.as_posix()]
    assert [(r.what, r.url) for r in broken] == [("<a href>", "gone.html")]
    # Every other preview link (entries, cross-references) resolves from the site root.
    assert len([r for r in references(mini / "site") if r.file == SCRIPT.as_posix()]) > 5


def test_every_term_once_with_links_from_the_site_root(
    mini: Path, write: Callable[[Path, str, str], Path]
) -> None:
    with_glossary(mini, write, HOSTILE)
    assert build(mini).returncode == 0
    site = mini / "site"
    data = previews(site)
    assert sorted(data) == ["belarus", "minsk", "union-state", "union-state-secretary"]
    minsk = data["minsk"]
    assert '<p class="ar-def-title"><strong>Minsk</strong>' in minsk
    assert '<a href="glossary/#minsk">Glossary entry →</a>' in minsk
    assert 'href="glossary/#belarus" data-ar-term="belarus">Belarus</a>' in minsk
    # Each link leads to a built page and an anchor on it.
    glossary = (site / "glossary" / "index.html").read_text(encoding="utf-8")
    assert 'id="minsk"' in glossary and 'id="belarus"' in glossary
    # Hostile text stays text; the file holds no "<" at all, so nothing closes a script.
    assert "&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;" in minsk
    assert "javascript:" not in minsk.replace("[x](javascript:alert(1))", "")
    assert "&lt;img src=x onerror=alert(1)&gt;" in data["belarus"]
    raw = (site / SCRIPT).read_text(encoding="utf-8")
    assert "<" not in raw and "\u2028" not in raw and "\\u2028" in raw
    # Source pages carry no definitions any more.
    page = (site / "sources" / "sample" / "index.html").read_text(encoding="utf-8")
    assert "ar-def" not in page and "Capital of" not in page


def test_links_follow_the_sites_url_style(
    mini: Path, write: Callable[[Path, str, str], Path]
) -> None:
    with_glossary(mini, write)
    cfg = mini / "mkdocs.yml"
    cfg.write_text(
        cfg.read_text(encoding="utf-8") + "use_directory_urls: false\n", encoding="utf-8"
    )
    assert build(mini).returncode == 0
    minsk = previews(mini / "site")["minsk"]
    assert '<a href="glossary.html#minsk">Glossary entry →</a>' in minsk
    assert (mini / "site" / "glossary.html").is_file()


def test_the_script_is_byte_for_byte_deterministic(
    mini: Path, write: Callable[[Path, str, str], Path]
) -> None:
    with_glossary(mini, write)
    assert build(mini).returncode == 0
    first = (mini / "site" / SCRIPT).read_bytes()
    assert build(mini).returncode == 0
    assert (mini / "site" / SCRIPT).read_bytes() == first


def test_a_preview_on_a_nested_page_links_to_the_real_entry(
    mini: Path, write: Callable[[Path, str, str], Path], browser: Any
) -> None:
    with_glossary(mini, write, HOSTILE)
    assert build(mini).returncode == 0
    with serve(mini / "site") as url:
        page = browser.new_page()
        alerts: list[str] = []
        page.on("dialog", lambda d: (alerts.append(d.message), d.dismiss()))
        page.goto(url + "sources/sample/")
        page.locator("a.ar-term[data-ar-term='minsk']").first.hover()
        popover = page.locator("#ar-popover")
        popover.wait_for(state="visible")
        assert "</script><script>alert(1)</script>" in popover.inner_text()
        link = popover.locator("a[data-ar-term='belarus']")
        assert link.get_attribute("href") == url + "glossary/#belarus"
        entry = popover.locator(".ar-def-more a").get_attribute("href")
        assert entry == url + "glossary/#minsk"
        assert alerts == []
        page.close()


@pytest.mark.parametrize("directory_urls", [True, False])
def test_every_link_in_the_script_reaches_a_page_and_its_anchor(
    mini: Path, write: Callable[[Path, str, str], Path], directory_urls: bool
) -> None:
    """The bundle's link check reads pages, not scripts: this one reads the terms script."""
    with_glossary(mini, write)
    if not directory_urls:
        cfg = mini / "mkdocs.yml"
        cfg.write_text(
            cfg.read_text(encoding="utf-8") + "use_directory_urls: false\n", encoding="utf-8"
        )
    assert build(mini).returncode == 0
    site = mini / "site"
    hrefs = [h for html in previews(site).values() for h in re.findall(r'href="([^"]*)"', html)]
    assert len(hrefs) >= 5  # each term's entry, and the cross-reference to Belarus
    for href in hrefs:
        path, _, anchor = href.partition("#")
        assert not path.startswith(("/", ".")) and ":" not in path, href  # from the site root
        file = site / path / "index.html" if path.endswith("/") or not path else site / path
        assert file.is_file(), href
        assert not anchor or f'id="{anchor}"' in file.read_text(encoding="utf-8"), href
