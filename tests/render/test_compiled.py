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
    env.bytecode_cache = kept_templates(folder, lambda: settings(env))
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


def test_a_filter_jinja_works_out_while_compiling_means_nothing_is_kept(tmp_path: Path) -> None:
    """``{{ "x" | f }}`` is compiled into its result when ``f`` takes no context: a hook's
    filter reading mkdocs.yml would be frozen into the kept template."""

    def env(brand: str) -> Environment:
        made = Environment(loader=DictLoader({"t.html": '{{ "Reader" | branded }}'}))
        made.filters["branded"] = lambda text: f"{brand}: {text}"
        assert keep_theme_templates(made, tmp_path)
        return made

    assert env("OLD").get_template("t.html").render() == "OLD: Reader"
    assert env("NEW").get_template("t.html").render() == "NEW: Reader"
    assert not list(tmp_path.glob("__jinja2_*"))
    assert settings(Environment()) is not None  # Jinja's own filters and tests: kept


def test_settings_changed_after_the_cache_was_given_are_read(tmp_path: Path) -> None:
    """A hook's ``on_env`` runs after the plugin's: the settings are read when the first
    template is loaded, so a template kept untrimmed is never given to a trimming one."""
    first = Environment(loader=DictLoader(SOURCE))
    keep_theme_templates(first, tmp_path)
    assert first.get_template("t.html").render(x=True) == "\nA\n"
    later = Environment(loader=DictLoader(SOURCE))
    keep_theme_templates(later, tmp_path)
    later.trim_blocks = True  # as a hook would, after the plugin's on_env
    assert later.get_template("t.html").render(x=True) == "A\n"


def test_a_kept_template_moved_to_another_name_is_not_loaded(tmp_path: Path) -> None:
    """The seal covers the file's name: one user's own file, put where another setting's
    would be, is not loaded there."""
    plain = _env(tmp_path / "a")
    assert plain.get_template("t.html").render(x=True) == "\nA\n"
    trimmed = _env(tmp_path / "b", trim_blocks=True)
    assert trimmed.get_template("t.html").render(x=True) == "A\n"
    [untrimmed_file] = (tmp_path / "a").glob("__jinja2_*.cache")
    [trimmed_file] = (tmp_path / "b").glob("__jinja2_*.cache")
    trimmed_file.write_bytes(untrimmed_file.read_bytes())
    again = _env(tmp_path / "b", trim_blocks=True)
    assert again.get_template("t.html").render(x=True) == "A\n"


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
