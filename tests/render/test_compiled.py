"""Compiled templates kept between builds: the theme's as well as ours. A kept template is
used only by an environment that would compile it the same way, and only while its source
is unchanged."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from annotated_reader.render.compiled import keep_theme_templates, kept_templates, settings
from helpers.project import build
from jinja2 import DictLoader, Environment

SOURCE = {"t.html": "{% if x %}\nA\n{% endif %}\n"}


def _env(folder: Path, **options: bool) -> Environment:
    env = Environment(loader=DictLoader(SOURCE), **options)
    env.bytecode_cache = kept_templates(folder, settings(env))
    return env


def test_an_environment_with_other_settings_does_not_load_another_ones_templates(
    tmp_path: Path,
) -> None:
    plain = _env(tmp_path)
    assert plain.get_template("t.html").render(x=True) == "\nA\n"
    assert list(tmp_path.glob("__jinja2_*.cache"))  # kept
    trimmed = _env(tmp_path, trim_blocks=True)  # the same template, compiled otherwise
    assert trimmed.get_template("t.html").render(x=True) == "A\n"
    again = _env(tmp_path)  # the first settings again: compiled, not the trimmed code
    assert again.get_template("t.html").render(x=True) == "\nA\n"


def test_settings_name_what_the_code_generator_reads() -> None:
    base = settings(Environment())
    assert settings(Environment()) == base
    for options in (
        {"trim_blocks": True},
        {"lstrip_blocks": True},
        {"autoescape": True},
        {"block_start_string": "<%", "block_end_string": "%>"},
        {"keep_trailing_newline": True},
        {"extensions": ["jinja2.ext.loopcontrols"]},
        {"finalize": str},
    ):
        assert settings(Environment(**options)) != base, options  # type: ignore[arg-type]


def test_a_theme_environment_keeps_its_own_cache(tmp_path: Path) -> None:
    env = Environment()
    assert keep_theme_templates(env, tmp_path / "theme")
    mine = env.bytecode_cache
    assert keep_theme_templates(env, tmp_path / "other") and env.bytecode_cache is mine


def test_the_themes_templates_are_kept_and_an_edited_override_is_compiled_again(
    mini: Path, write: Callable[[Path, str, str], Path]
) -> None:
    cfg = mini / "mkdocs.yml"
    cfg.write_text(
        cfg.read_text(encoding="utf-8").replace(
            "  name: material\n", "  name: material\n  custom_dir: overrides\n"
        ),
        encoding="utf-8",
    )
    override = '{% extends "base.html" %}{% block footer %}<p>FOOTER ONE</p>{% endblock %}\n'
    write(mini, "overrides/main.html", override)
    first = build(mini)
    assert first.returncode == 0, first.stderr
    theme = mini / ".cache/plugin/annotated-reader/theme"
    kept = {p.name: p.stat().st_ino for p in theme.glob("__jinja2_*.cache")}
    assert len(kept) > 10  # Material's base, main, 404 and partials
    page = (mini / "site/sources/sample/index.html").read_text(encoding="utf-8")
    assert "FOOTER ONE" in page
    write(mini, "overrides/main.html", override.replace("ONE", "TWO"))
    second = build(mini)
    assert second.returncode == 0, second.stderr
    page = (mini / "site/sources/sample/index.html").read_text(encoding="utf-8")
    assert "FOOTER TWO" in page and "FOOTER ONE" not in page
    now = {p.name: p.stat().st_ino for p in theme.glob("__jinja2_*.cache")}
    assert now.keys() == kept.keys()
    rewritten = [name for name in kept if now[name] != kept[name]]
    assert len(rewritten) == 1  # main.html compiled again; every other one loaded
