"""The offline bundle: built like `make bundle`, unpacked anywhere, read from disk in Chromium.

Every browser test blocks and records any request that is not ``file:`` and ends by checking
that there was none.
"""

from __future__ import annotations

import shutil
import sys
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from annotated_reader.bundle.build import (
    BundleError,
    check_offline,
    folder_name,
    make_bundle,
    shim_address,
    site_name,
    write_zip,
)
from annotated_reader.bundle.build import (
    main as bundle_main,
)
from annotated_reader.bundle.check import broken_local, outside_loads
from helpers.project import ARTIFACTS, ROOT, copy_project, run
from helpers.sitetools import node_modules, route_offline
from helpers.vnu import findings, vnu

SOURCE = "hahn-belarus-option"
# The folder inside the zip, named after the site (this repository's zip keeps its name).
FOLDER = folder_name(site_name(ROOT / "mkdocs.offline.yml"))


class _EnvLoader(yaml.SafeLoader):
    """mkdocs.yml's ``!ENV [NAME, default]`` read as its default."""


_EnvLoader.add_constructor(
    "!ENV",
    lambda loader, node: (
        loader.construct_sequence(node)[-1]  # type: ignore[arg-type, attr-defined]
        if isinstance(node, yaml.SequenceNode)
        else None
    ),
)


def _config(name: str) -> dict[str, Any]:
    return yaml.load((ROOT / name).read_text(encoding="utf-8"), Loader=_EnvLoader)  # type: ignore[no-any-return]


# -- configuration and library ---------------------------------------------------------------


def test_offline_config_keeps_the_hosted_plugins_in_step() -> None:
    """A child config's list replaces its parent's: the plugins must be repeated exactly."""
    hosted, offline = _config("mkdocs.yml"), _config("mkdocs.offline.yml")
    assert offline["INHERIT"] == "mkdocs.yml"
    assert offline["use_directory_urls"] is False
    assert offline["plugins"] == [*hosted["plugins"], "offline"]
    assert shim_address(ROOT / "mkdocs.offline.yml") == "assets/javascripts/iframe-worker/shim.js"


def test_the_folder_is_named_after_the_site(tmp_path: Path) -> None:
    """Read through INHERIT and past MkDocs' tags; this repository's zip keeps its name."""
    assert FOLDER == "union-state-reader-offline"
    (tmp_path / "base.yml").write_text(
        'site_name: "Über: Die Zeitung!"\nsite_url: !ENV [SITE_URL, "https://x.org/"]\n'
        "markdown_extensions:\n  - pymdownx.emoji:\n      emoji_index: !!python/name:x.y\n",
        encoding="utf-8",
    )
    (tmp_path / "offline.yml").write_text(
        "INHERIT: base.yml\nplugins: [offline]\n", encoding="utf-8"
    )
    assert site_name(tmp_path / "offline.yml") == "Über: Die Zeitung!"
    assert folder_name("Über: Die Zeitung!") == "uber-die-zeitung-offline"
    assert folder_name("¿?") == "site-offline"
    (tmp_path / "loop.yml").write_text("INHERIT: loop.yml\n", encoding="utf-8")
    with pytest.raises(BundleError, match="no site_name"):
        site_name(tmp_path / "loop.yml")


def test_another_site_s_bundle_is_named_after_it(tmp_path: Path) -> None:
    """`python -m annotated_reader.bundle` on the mini fixture: no corpus name of ours."""
    project = copy_project(ROOT / "tests" / "fixtures" / "mini", tmp_path / "mini")
    offline = (ROOT / "mkdocs.offline.yml").read_text(encoding="utf-8")
    (project / "mkdocs.offline.yml").write_text(offline, encoding="utf-8")
    result = run(
        [
            sys.executable,
            "-m",
            "annotated_reader.bundle",
            "--root",
            str(project),
            "--node-modules",
            str(node_modules()),
        ],
        project,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    with zipfile.ZipFile(project / "dist" / "mini-reader-offline.zip") as zf:
        names = zf.namelist()
    assert "mini-reader-offline/index.html" in names
    assert all(n.startswith("mini-reader-offline/") for n in names)
    assert "mini-reader-offline/index.html" in result.stdout


def test_npm_tools_are_pinned() -> None:
    import json

    package = json.loads((ROOT / "tools/npm/package.json").read_text(encoding="utf-8"))
    lock = json.loads((ROOT / "tools/npm/package-lock.json").read_text(encoding="utf-8"))
    for name, version in package["dependencies"].items():
        assert version[0].isdigit(), f"{name} must be pinned to one version, not {version}"
        assert lock["packages"][f"node_modules/{name}"]["version"] == version


def test_shim_must_be_listed_inside_the_site(tmp_path: Path) -> None:
    config = tmp_path / "mkdocs.offline.yml"
    config.write_text("INHERIT: mkdocs.yml\n", encoding="utf-8")
    with pytest.raises(BundleError, match="extra.polyfills"):
        shim_address(config)
    config.write_text(
        "extra:\n  polyfills:\n    - https://unpkg.com/iframe-worker/shim\n", encoding="utf-8"
    )
    with pytest.raises(BundleError, match="inside the site"):
        shim_address(config)


def test_checks_find_outside_loads_and_broken_links(tmp_path: Path) -> None:
    site = tmp_path / "site"
    (site / "sub").mkdir(parents=True)
    (site / "sub" / "ok.html").write_text("<p>ok</p>", encoding="utf-8")
    (site / "style.css").write_text(
        "@import 'https://fonts.example/x.css'; a { background: url(img/a.png) }", encoding="utf-8"
    )
    (site / "index.html").write_text(
        '<link rel="canonical" href="https://reader.example/">'  # names a page, loads nothing
        '<link rel="stylesheet" href="https://cdn.example/a.css">'
        '<script src="//cdn.example/b.js"></script>'
        '<a href="https://elsewhere.example/">out</a>'  # a link a reader may follow
        '<a href="sub/ok.html#x">fine</a><a href="sub/">folder</a><a href="gone.html">gone</a>'
        '<a href="#top">here</a><a href="mailto:x@example.org">mail</a>'
        '<link rel="stylesheet" href="/assets/root.css">',  # the disk's root under file://
        encoding="utf-8",
    )
    assert sorted(r.url for r in outside_loads(site)) == [
        "//cdn.example/b.js",
        "https://cdn.example/a.css",
        "https://fonts.example/x.css",
    ]
    assert sorted(r.url for r in broken_local(site)) == [
        "/assets/root.css",
        "gone.html",
        "img/a.png",
        "sub/",
    ]
    with pytest.raises(BundleError) as err:
        check_offline(site)
    assert "index.html: <script src> //cdn.example/b.js" in str(err.value)
    assert "index.html: <a href> gone.html" in str(err.value)


def test_zip_is_one_folder_with_fixed_dates_and_order(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    site = tmp_path / "site"
    (site / "b").mkdir(parents=True)
    (site / "index.html").write_text("home", encoding="utf-8")
    (site / "b" / "a.html").write_text("page", encoding="utf-8")
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    first = write_zip(site, tmp_path / "one.zip", FOLDER).read_bytes()
    (site / "index.html").touch()  # a newer mtime must not change a byte
    assert write_zip(site, tmp_path / "two.zip", FOLDER).read_bytes() == first
    with zipfile.ZipFile(tmp_path / "one.zip") as zf:
        assert zf.namelist() == [f"{FOLDER}/b/a.html", f"{FOLDER}/index.html"]
        assert {i.date_time for i in zf.infolist()} == {(2023, 11, 14, 22, 13, 20)}


# -- the real bundle ---------------------------------------------------------------------------


def _project(dest: Path) -> Path:
    project = copy_project(ROOT, dest)
    shutil.copy2(ROOT / "mkdocs.offline.yml", project / "mkdocs.offline.yml")
    return project


@pytest.fixture(scope="module")
def bundle_zip(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real corpus bundled exactly as `make bundle` does (strict build)."""
    project = _project(tmp_path_factory.mktemp("bundle"))
    return make_bundle(project, project / "dist" / f"{FOLDER}.zip", node_modules())


@pytest.fixture(scope="module")
def unpacked(bundle_zip: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The zip unpacked in an unremarkable place: a folder whose name has a space."""
    where = tmp_path_factory.mktemp("downloads") / "my copy"
    with zipfile.ZipFile(bundle_zip) as zf:
        zf.extractall(where)
    return where / FOLDER


def test_every_page_of_the_zip_passes_the_nu_html_checker(unpacked: Path) -> None:
    """The offline pages are the hosted ones built with .html addresses and the offline
    plugin: the W3C checker must find nothing in them either."""
    pages = sorted(unpacked.rglob("*.html"))
    assert len(pages) > 10
    found = findings(vnu(pages), unpacked)
    assert not found, f"{len(found)} findings of the W3C Nu Html Checker:\n" + "\n".join(found)


def test_bundle_is_reproducible(bundle_zip: Path, tmp_path: Path) -> None:
    project = _project(tmp_path / "again")
    again = make_bundle(project, tmp_path / "again.zip", node_modules())
    assert again.read_bytes() == bundle_zip.read_bytes()


def test_bundle_holds_the_whole_site(unpacked: Path) -> None:
    sources = sorted(p.stem for p in (ROOT / "annotations" / "sources").glob("*.yml"))
    for page in ["index", "glossary", "timeline", "claims", "ratings/index", "sources/index"] + [
        f"sources/{s}" for s in sources
    ]:
        assert (unpacked / f"{page}.html").is_file(), page
    assert (unpacked / "search" / "search_index.js").is_file()  # search from disk
    assert (unpacked / "assets/javascripts/iframe-worker/shim.js").is_file()
    # Only a web server shows the 404 page (its links are root-absolute so that it works at
    # any depth there); from disk it would be a page of broken links, so it is left out.
    assert not (unpacked / "404.html").exists()
    assert outside_loads(unpacked) == []
    assert broken_local(unpacked) == []


@pytest.fixture
def offline(browser: Any) -> Iterator[tuple[Any, list[str]]]:
    """A page with every request that is not ``file:`` blocked and recorded."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    outside = route_offline(context)
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    yield page, outside
    context.close()
    assert outside == [], f"requests left the machine: {outside}"
    assert errors == [], f"script errors: {errors}"


def test_every_page_of_the_zip_opens_from_disk_cleanly(
    bundle_zip: Path, unpacked: Path, browser: Any
) -> None:
    """Each HTML file the zip holds, opened by ``file://``: no console error, no request that
    fails (a missing file, or one blocked for leaving the machine), no script error."""
    with zipfile.ZipFile(bundle_zip) as zf:
        pages = sorted(n.split("/", 1)[1] for n in zf.namelist() if n.endswith(".html"))
    assert "index.html" in pages and len(pages) > 10, pages
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    outside = route_offline(context)
    problems: list[str] = []
    for name in pages:
        page = context.new_page()

        def say(what: str, name: str = name) -> None:
            problems.append(f"{name}: {what}")

        page.on("console", lambda m: m.type == "error" and say(f"console error: {m.text}"))
        page.on("pageerror", lambda e: say(f"script error: {e}"))
        page.on("requestfailed", lambda r: say(f"failed: {r.url} ({r.failure})"))
        page.goto((unpacked / name).as_uri())
        page.wait_for_load_state("networkidle")  # the scripts' own loads (terms, search)
        page.close()
    context.close()
    assert outside == [], f"requests left the machine: {outside}"
    assert problems == [], f"{len(problems)} problems in {len(pages)} pages:\n" + "\n".join(
        problems
    )


def test_navigation_between_pages(unpacked: Path, offline: tuple[Any, list[str]]) -> None:
    page, _ = offline
    page.goto((unpacked / "index.html").as_uri())
    page.click("article a[href='sources/index.html']")
    page.wait_for_url("**/sources/index.html")
    page.click(f"article a[href='{SOURCE}.html']")
    page.wait_for_url(f"**/sources/{SOURCE}.html")
    assert page.locator("article h1").first.inner_text()
    page.click(".md-sidebar--primary a[href='../glossary.html']")  # the site's navigation
    page.wait_for_url("**/glossary.html")
    assert page.locator("article h1").first.inner_text() == "Glossary"


def test_a_note_opens_on_a_source_page(unpacked: Path, offline: tuple[Any, list[str]]) -> None:
    """In the margin at 1280 px (its card lights up), and behind its number at 1024 px."""
    page, _ = offline
    page.goto((unpacked / "sources" / f"{SOURCE}.html").as_uri())
    ref = page.locator("a.ar-ref").first
    note_id = ref.get_attribute("data-ar")
    body = page.locator(f"#note-{note_id} .ar-body").text_content() or ""
    card = page.locator(f'[data-margin-note="{note_id}"]')
    assert (
        card.is_visible() and body.split()[:5] == card.locator(".ar-body").inner_text().split()[:5]
    )
    ref.click()
    assert "ar-lit" in (card.get_attribute("class") or "")
    page.set_viewport_size({"width": 1024, "height": 900})
    ref.click()
    popover = page.locator("#ar-popover")
    popover.wait_for(state="visible")
    assert body.split()[:5] == popover.locator(".ar-body").inner_text().split()[:5]


def test_a_note_address_opens_its_note(unpacked: Path, offline: tuple[Any, list[str]]) -> None:
    page, _ = offline
    url = (unpacked / "sources" / f"{SOURCE}.html").as_uri()
    page.goto(url)
    note_id = page.locator("a.ar-ref").nth(1).get_attribute("data-ar")
    page.goto(f"{url}#{note_id}")
    page.reload()  # the address opened as is, not by a hash change
    card = page.locator(f'[data-margin-note="{note_id}"]')
    assert "ar-lit" in (card.get_attribute("class") or "") and card.is_visible()
    page.set_viewport_size({"width": 1024, "height": 900})
    page.reload()
    page.locator("#ar-popover").wait_for(state="visible")
    # That note, not any: the popover holds the body of the note the address names.
    shown = page.locator("#ar-popover .ar-body").text_content() or ""
    listed = page.locator(f"#note-{note_id} .ar-body").text_content() or ""
    assert shown.split() == listed.split() and shown.strip()
    number = page.locator(f"#note-{note_id}").get_attribute("value")
    assert page.locator("#ar-popover").get_attribute("aria-label") == f"Note {number}"


def test_the_readers_choice_of_notes_is_kept_from_disk(
    unpacked: Path, offline: tuple[Any, list[str]]
) -> None:
    """localStorage from file://: the choice made on one page holds on the next."""
    page, _ = offline
    page.goto((unpacked / "sources" / f"{SOURCE}.html").as_uri())
    page.locator("#ar-mode-under").check()
    assert page.locator(".ar-text .ar-notes").first.is_visible()
    page.goto((unpacked / "sources" / "index.html").as_uri())
    page.click("article a[href='lysyansky-ussr-2.html']")  # another source, another page
    page.locator(".ar-text").wait_for()
    # The controls say the reader's choice once margin.js has read it (the text is there
    # before the script has run).
    page.wait_for_function("window.annotatedReaderMargin && annotatedReaderMargin.stats().settled")
    assert page.locator("#ar-mode-under").is_checked()
    assert page.locator(".ar-text .ar-notes").first.is_visible()


def test_a_glossary_preview_opens_and_leads_to_its_entry(
    unpacked: Path, offline: tuple[Any, list[str]]
) -> None:
    page, _ = offline
    page.goto((unpacked / "sources" / f"{SOURCE}.html").as_uri())
    term = page.locator("a.ar-term[data-ar-term='lukashenko']").first
    term.hover()
    popover = page.locator("#ar-popover")
    popover.wait_for(state="visible")
    # The preview comes from the bundle's terms script, read from disk like the page.
    assert "President of Belarus since 20 July 1994" in " ".join(popover.inner_text().split())
    name = popover.locator(".ar-def-title strong").text_content()
    assert name == "Alexander Lukashenko"
    entry = popover.locator(".ar-def-more a").get_attribute("href")
    assert entry == (unpacked / "glossary.html").as_uri() + "#lukashenko"
    term.click()
    page.wait_for_url("**/glossary.html#lukashenko")
    assert page.locator("#lukashenko h3").inner_text() == name


def test_timeline_filters_work(unpacked: Path, offline: tuple[Any, list[str]]) -> None:
    page, _ = offline
    page.goto((unpacked / "timeline.html").as_uri())
    form = page.locator("form[data-ar-tl-filters]")
    form.wait_for(state="visible")  # shown by the script: it ran from disk
    events = page.locator(".ar-tl-event")
    total = events.count()
    assert total > 1
    page.select_option("select[data-ar-tl-filter='source']", SOURCE)
    shown = page.locator(".ar-tl-event:not([hidden])")
    assert 0 < shown.count() < total
    for i in range(shown.count()):
        assert SOURCE in (shown.nth(i).get_attribute("data-sources") or "").split()
    assert f"of {total} events" in page.locator(".ar-tl-count").inner_text()
    page.check("input[data-ar-tl-filter='disputed']")
    assert page.locator(".ar-tl-event:not([hidden]):not([data-disputed])").count() == 0
    page.click("form[data-ar-tl-filters] button[type='reset']")
    page.wait_for_function(
        f"document.querySelectorAll('.ar-tl-event:not([hidden])').length == {total}"
    )


def test_claims_filters_work_and_an_address_reveals_its_claim(
    unpacked: Path, offline: tuple[Any, list[str]]
) -> None:
    """From disk there is no instant navigation: the page's own script shows a claim that
    the filters hide when the address names it."""
    page, _ = offline
    page.goto((unpacked / "claims.html").as_uri())
    page.locator("form[data-ar-cl-filters]").wait_for(state="visible")
    claims = page.locator(".ar-cl-claim")
    total = claims.count()
    page.select_option("select[data-ar-cl-filter='source']", "flash-reunification")
    shown = page.locator(".ar-cl-claim:not([hidden])")
    assert 0 < shown.count() < total
    for i in range(shown.count()):
        assert "flash-reunification" in (shown.nth(i).get_attribute("data-sources") or "")
    hidden = page.locator(".ar-cl-claim[hidden]").first.get_attribute("id")
    page.evaluate(f"location.hash = '#{hidden}'")
    page.wait_for_function(f"!document.getElementById('{hidden}').hidden")
    assert page.locator(".ar-cl-claim:not([hidden])").count() == total
    assert page.input_value("select[data-ar-cl-filter='source']") == ""


def test_search_works_from_disk(unpacked: Path, offline: tuple[Any, list[str]]) -> None:
    page, _ = offline
    page.goto((unpacked / "index.html").as_uri())
    page.locator("input.md-search__input").click()
    page.keyboard.type("Lukashenko", delay=20)
    results = page.locator(".md-search-result__item")
    results.first.wait_for(state="visible", timeout=15000)
    assert "matching document" in page.locator(".md-search-result__meta").inner_text()
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "offline-search.png"))
    link = page.locator(".md-search-result__link").first
    href = link.get_attribute("href") or ""
    link.click()
    target = href.split("?")[0].split("#")[0]
    page.wait_for_url(f"**/{target.rsplit('/', 1)[-1]}*")
    assert page.url.startswith("file://")
    assert "Lukashenk" in page.locator("article").inner_text()


def test_a_project_without_the_offline_configuration_is_told_where_to_get_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "mkdocs.yml").write_text("site_name: Harbour Desk\n", encoding="utf-8")
    assert bundle_main(["--root", str(tmp_path)]) == 1
    err = capsys.readouterr().err
    assert err.startswith(f"bundle: {tmp_path / 'mkdocs.offline.yml'}: no such file."), err
    assert "`annotated-reader init` writes one" in err and "Errno" not in err
