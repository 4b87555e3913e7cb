"""A site can override the plugin's templates, for source pages and generated pages alike."""

from __future__ import annotations

import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest
from helpers.glossary import with_glossary
from helpers.project import BIN, ROOT, build, run


def test_templates_dir_overrides_notes_and_feature_pages(
    mini: Path, write: Callable[[Path, str, str], Path]
) -> None:
    with_glossary(mini, write)
    write(
        mini,
        "overrides/note.html",
        '<li id="note-{{ ann.id }}" value="{{ number }}">OVERRIDDEN NOTE</li>\n',
    )
    write(mini, "overrides/glossary.html", "<h1>Our own glossary</h1>{{ total }} terms\n")
    cfg = mini / "mkdocs.yml"
    cfg.write_text(
        cfg.read_text(encoding="utf-8").replace(
            "  - annotated-reader", "  - annotated-reader:\n      templates_dir: overrides"
        ),
        encoding="utf-8",
    )
    result = build(mini)
    assert result.returncode == 0, result.stderr
    source = (mini / "site/sources/sample/index.html").read_text(encoding="utf-8")
    assert source.count("OVERRIDDEN NOTE") == 5
    glossary = (mini / "site/glossary/index.html").read_text(encoding="utf-8")
    assert "Our own glossary" in glossary and "4 terms" in glossary


CACHE = ".cache/plugin/annotated-reader"


def _configure(mini: Path, options: str) -> None:
    cfg = mini / "mkdocs.yml"
    cfg.write_text(
        cfg.read_text(encoding="utf-8").replace(
            "  - annotated-reader\n", f"  - annotated-reader:\n{options}"
        ),
        encoding="utf-8",
    )


def test_compiled_templates_are_kept_and_an_edited_template_is_recompiled(
    mini: Path, write: Callable[[Path, str, str], Path]
) -> None:
    write(
        mini, "overrides/note.html", '<li id="note-{{ ann.id }}" value="{{ number }}">FIRST</li>\n'
    )
    _configure(mini, "      templates_dir: overrides\n")
    first = build(mini)
    assert first.returncode == 0, first.stderr
    kept = sorted((mini / CACHE).glob("__jinja2_*.cache"))
    assert len(kept) >= 5  # the note, header, sources index, ratings and timeline templates
    page = (mini / "site/sources/sample/index.html").read_text(encoding="utf-8")
    assert page.count("FIRST") == 5
    # The cache answers only for the template it was compiled from.
    write(
        mini, "overrides/note.html", '<li id="note-{{ ann.id }}" value="{{ number }}">SECOND</li>\n'
    )
    second = build(mini)
    assert second.returncode == 0, second.stderr
    page = (mini / "site/sources/sample/index.html").read_text(encoding="utf-8")
    assert page.count("SECOND") == 5 and "FIRST" not in page


def test_a_cached_build_is_the_same_site(mini: Path) -> None:
    assert build(mini).returncode == 0
    before = {p: p.read_bytes() for p in (mini / "site").rglob("*") if p.is_file()}
    assert any((mini / CACHE).iterdir())
    assert build(mini).returncode == 0
    after = {p: p.read_bytes() for p in (mini / "site").rglob("*") if p.is_file()}
    assert after == before


def test_no_cache_when_turned_off_or_not_writable(
    mini: Path, write: Callable[[Path, str, str], Path]
) -> None:
    _configure(mini, "      cache: false\n")
    result = build(mini)
    assert result.returncode == 0, result.stderr
    assert not (mini / ".cache").exists()
    # A cache folder that cannot be made (a file is in the way) only costs speed.
    write(mini, "blocked", "a file, not a folder\n")
    (mini / "mkdocs.yml").write_text(
        (mini / "mkdocs.yml")
        .read_text(encoding="utf-8")
        .replace("cache: false", "cache_dir: blocked/cache"),
        encoding="utf-8",
    )
    result = build(mini)
    assert result.returncode == 0, result.stderr
    assert "INFO    -  annotated_reader: cannot write to cache_dir 'blocked/cache'" in result.stderr
    assert (mini / "site/sources/sample/index.html").is_file()


def test_a_template_that_cannot_be_kept_still_renders(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from annotated_reader.render.templates import environment

    def full_disk(self: object, data: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(Path, "write_bytes", full_disk)
    env = environment(cache_dir=tmp_path / "cache")
    assert env.bytecode_cache is not None
    html = env.from_string("{{ x }}").render(x="<b>")  # compiled without the cache
    assert html == "&lt;b&gt;"
    rows = env.get_template("ratings_badge.html")  # compiled, then kept: the write fails
    assert rows.render(grade={"letter": "B", "label": "Usually reliable"}, href="#b")
    assert not list((tmp_path / "cache").iterdir())


def _plain_build(mini: Path) -> subprocess.CompletedProcess[str]:
    return run([str(BIN / "mkdocs"), "build", "--site-dir", "site"], mini)


def _overridden(
    mini: Path, write: Callable[[Path, str, str], Path], **templates: str | bytes
) -> None:
    for name, text in templates.items():
        if isinstance(text, bytes):
            (mini / "overrides").mkdir(exist_ok=True)
            (mini / f"overrides/{name}.html").write_bytes(text)
        else:
            write(mini, f"overrides/{name}.html", text)
    _configure(mini, "      templates_dir: overrides\n")


# A template that cannot be used: (templates, where, the line the build stops or warns with)
BROKEN: dict[str, tuple[dict[str, str | bytes], str]] = {
    # At the bad byte, where an editor finds it (it was said at 1:1)
    "encoding": (
        {"note": b"<li>\n  {{ ann.id }} caf\xe9</li>\n"},
        "overrides/note.html:2:19: error: [templates.encoding] overrides/note.html is not "
        "UTF-8: byte 0xE9 at line 2, column 19 cannot be read",
    ),
    "syntax": (
        {"note": "<li>{{ ann.id\n"},
        "overrides/note.html:1:1: error: [templates.syntax] template syntax error: unexpected "
        "end of template, expected 'end of print statement'; fix it, or delete the file",
    ),
    "itself": (
        {"note": '{% extends "note.html" %}\n'},
        "overrides/note.html:1:1: error: [templates.itself] the template names itself "
        "('note.html'), which never ends; copy the packaged template of that name",
    ),
    "unknown-filter": (
        {"note": "<li>\n{{ ann.id | no_such_filter }}</li>\n"},
        "overrides/note.html:2:1: error: [templates.syntax] template syntax error: No filter "
        "named 'no_such_filter'",
    ),
    "unknown-test": (
        {"note": "<li>\n{% if 1 is no_such_test %}x{% endif %}</li>\n"},
        "overrides/note.html:2:1: error: [templates.syntax] template syntax error: no test "
        "named 'no_such_test'",
    ),
    # The pages call its macros: without them a cut glossary failed in Python, a traceback
    "missing-macro": (
        {"glossary_parts": "<p>No macros here.</p>\n"},
        "overrides/glossary_parts.html:1:1: error: [templates.missing-macro] the packaged "
        "glossary_parts.html defines the macro(s) entry, which the pages call and this one "
        "does not",
    ),
    "include-out": (
        {"note": "<li>\n{% include '../../outside/secret.txt' %}</li>\n"},
        "overrides/note.html:2:1: error: [templates.unknown] the template names "
        "'../../outside/secret.txt', which is neither in templates_dir nor a packaged template",
    ),
}


@pytest.mark.parametrize("case", sorted(BROKEN))
def test_a_template_that_does_not_parse_or_names_no_template_is_reported_at_its_line(
    mini: Path, write: Callable[[Path, str, str], Path], case: str
) -> None:
    """Reported as the corpus loads (the strict build fails); a plain build uses the
    packaged template of that name instead, never a traceback."""
    templates, line = BROKEN[case]
    _overridden(mini, write, **templates)
    strict = build(mini)
    assert strict.returncode != 0 and line in strict.stderr, strict.stderr[-2000:]
    assert "Traceback" not in strict.stderr
    plain = _plain_build(mini)
    assert plain.returncode == 0 and line in plain.stderr, plain.stderr[-2000:]
    page = (mini / "site/sources/sample/index.html").read_text(encoding="utf-8")
    assert page.count('class="ar-note ') == 5  # the packaged note.html


# What parsing cannot tell: (the template, its text, what the build stops with)
FAILING = {
    "undefined": (
        "note",
        '<li id="note-{{ ann.id }}">\n{{ no_such_value }}</li>\n',
        "overrides/note.html:2:1: error: [templates.render] 'no_such_value' is undefined; "
        "fix the template, or delete it from templates_dir to use the packaged one",
    ),
    "python-error": (
        "note",
        '<li id="note-{{ ann.id }}">\n{{ 1 / 0 }}</li>\n',
        "overrides/note.html:2:1: error: [templates.render] ZeroDivisionError: division by zero",
    ),
    # The glossary measures its entries as the corpus loads, before any page is made
    "as-it-loads": (
        "glossary",
        "<h1>Terms</h1>\n{{ no_such_value }}\n",
        "overrides/glossary.html:2:1: error: [templates.render] 'no_such_value' is undefined",
    ),
}


@pytest.mark.parametrize("case", sorted(FAILING))
def test_a_template_that_fails_as_a_page_is_made_stops_the_build_at_its_line(
    mini: Path, write: Callable[[Path, str, str], Path], case: str
) -> None:
    """What parsing cannot tell stops the build with the template's line, never a
    traceback; so does the command line's render."""
    with_glossary(mini, write)
    name, text, line = FAILING[case]
    _overridden(mini, write, **{name: text})
    rendered = run([str(BIN / "annotated-reader"), "render", str(mini / "out")], mini)
    for result in (build(mini), _plain_build(mini), rendered):
        assert result.returncode != 0
        assert line in result.stderr, result.stderr[-2000:]
        assert "Traceback" not in result.stderr


def test_templates_dir_that_is_a_file_is_reported(mini: Path) -> None:
    (mini / "overrides").write_text("not a folder\n", encoding="utf-8")
    _configure(mini, "      templates_dir: overrides\n")
    result = build(mini)
    assert result.returncode != 0
    assert "overrides:1:1: error: [templates.not-a-folder] templates_dir is a file" in result.stderr


def test_templates_dir_that_does_not_exist_is_reported(mini: Path) -> None:
    """A typo in the option must not go unnoticed (found by an outside test)."""
    _configure(mini, "      templates_dir: overides\n")
    result = build(mini)
    assert result.returncode != 0
    assert "overides:1:1: error: [templates.missing-folder] templates_dir names no folder" in (
        result.stderr
    )


def test_a_failing_macro_that_a_cut_page_calls_is_reported_at_the_template_s_line(
    mini: Path, write: Callable[[Path, str, str], Path]
) -> None:
    """A cut glossary calls its entry macro from Python, where Jinja does not rewrite the
    traceback: the compiled module's line was reported (22 for 3, found by an outside
    test)."""
    with_glossary(mini, write)
    packaged = (ROOT / "plugins/annotated_reader/render/templates/glossary_parts.html").read_text(
        encoding="utf-8"
    )
    lines = packaged.split("\n")
    lines[2] = "{{ no_such_value }}" + lines[2]  # the entry macro's second line: line 3
    write(mini, "overrides/glossary_parts.html", "\n".join(lines))
    _configure(mini, "      templates_dir: overrides\n      page_budget: 1000\n")
    result = build(mini)
    assert result.returncode != 0 and "Traceback" not in result.stderr
    assert (
        "overrides/glossary_parts.html:3:1: error: [templates.render] 'no_such_value' is "
        "undefined; fix the template"
    ) in result.stderr, result.stderr[-2000:]
