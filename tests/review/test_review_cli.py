"""The command-line contract CI relies on: output format, severities, exit statuses."""

from __future__ import annotations

import json
import re
from pathlib import Path

from helpers.project import BIN, build, check, run

SRC = "annotations/sources/sample.yml"
# path:line:col, or the path alone for a problem about a whole file or folder
LINE = re.compile(r"^(\S+?)(?::(\d+):(\d+))?: (error|warning): \[([a-z-]+\.[a-z-]+)\] \S")
PROBLEM = re.compile(r": (error|warning): \[([a-z-]+\.[a-z-]+)\] \S")  # a path with spaces


def break_one_and_warn(mini: Path) -> None:
    """One error (an unknown kind) and one warning (a seed no source file names)."""
    path = mini / SRC
    path.write_text(
        path.read_text(encoding="utf-8").replace("kind: framing", "kind: framin"), "utf-8"
    )
    (mini / "seeds" / "extra.txt").write_text("Unpublished.\n", encoding="utf-8")


def test_errors_and_warnings_are_told_apart_everywhere(mini: Path) -> None:
    break_one_and_warn(mini)
    text = check(mini)
    assert text.returncode == 1
    lines = text.stdout.splitlines()
    assert lines and all(LINE.match(ln) for ln in lines), lines
    severities = {LINE.match(ln)[5]: LINE.match(ln)[4] for ln in lines}  # type: ignore[index]
    assert severities["annotation.unknown-kind"] == "error"
    assert text.stderr.strip().endswith("1 error(s), 1 warning(s)")
    assert "seeds/extra.txt:1:1: warning: [seed.unused]" in text.stdout
    data = json.loads(check(mini, "--format", "json").stdout)
    assert sorted(p["severity"] for p in data) == ["error", "warning"]
    gha = run([str(BIN / "annotated-reader"), "check"], mini, env={"GITHUB_ACTIONS": "true"})
    assert re.search(
        rf"^::error file={re.escape(SRC)},line=\d+,col=\d+::\[annotation\.unknown-kind\]",
        gha.stdout,
        re.M,
    )
    assert "::warning file=seeds/extra.txt,line=1,col=1::[seed.unused]" in gha.stdout
    plain = run([str(BIN / "annotated-reader"), "check"], mini)  # conftest sets it "false"
    assert "::" not in plain.stdout


def test_values_and_file_names_cannot_write_lines_of_their_own(mini: Path) -> None:
    """A value quoted in a message, or a file's name, that holds a line break (or a runner's
    "::" syntax) stays inside its problem's one line: on a CI runner, a line of its own
    starting "::" would be run as a workflow command (``stop-commands`` hides every later
    error)."""
    path = mini / SRC
    text = path.read_text(encoding="utf-8")
    injected = '"framing\\n::warning file=README.md,line=1::INJECTED\\n::stop-commands::tok"'
    path.write_text(text.replace("kind: framing", f"kind: {injected}"), encoding="utf-8")
    (mini / "annotations/sources" / "a,line=1::x\n::warning file=README.md::NAME.yml").write_text(
        "seed: sample.txt\n", encoding="utf-8"
    )
    for env in ({"GITHUB_ACTIONS": "true"}, {}):
        result = run([str(BIN / "annotated-reader"), "check"], mini, env=env)
        lines = result.stdout.splitlines()
        said = [ln for ln in lines if not ln.startswith("::")]
        commands = [ln for ln in lines if ln.startswith("::")]
        assert said and all(PROBLEM.search(ln) for ln in said), said
        assert len(commands) == (len(said) if env else 0), commands
        for command in commands:
            # The file property ends at the first ",": nothing of the name may end it early.
            assert re.match(r"^::(error|warning) file=[^,:]*,line=\d+,col=\d+::\[", command), (
                command
            )
        assert "\\n::warning file=README.md,line=1::INJECTED\\n::stop-commands" in result.stdout
        assert "x\\n::warning file=README.md::NAME.yml" in result.stdout
        data = json.loads(check(mini, "--format", "json").stdout)
        assert any("\\n::stop-commands" in p["message"] for p in data)


def test_exit_statuses(mini: Path, tmp_path: Path) -> None:
    assert check(mini).returncode == 0
    (mini / "seeds" / "extra.txt").write_text("Unpublished.\n", encoding="utf-8")
    assert check(mini).returncode == 0  # warnings alone pass …
    assert check(mini, "--strict").returncode == 1  # … unless --strict
    break_one_and_warn(mini)
    assert check(mini).returncode == 1
    usage = check(mini, "--strict", "--format", "yaml")
    assert usage.returncode == 2 and "invalid choice: 'yaml'" in usage.stderr
    nowhere = run(
        [
            str(BIN / "annotated-reader"),
            "review",
            "--base",
            "HEAD",
            "-o",
            str(tmp_path / "no" / "r.md"),
        ],
        mini,
    )
    assert nowhere.returncode == 2 and "Traceback" not in nowhere.stderr


def test_check_reads_the_plugin_s_options_from_mkdocs_yml(mini: Path) -> None:
    """``check`` reports what the build reports: it looks where mkdocs.yml tells the plugin
    to look (a moved annotations folder, a site's templates), unless told otherwise."""
    (mini / "annotations").rename(mini / "editorial")
    (mini / "overrides").mkdir()
    (mini / "overrides" / "note.html").write_text("<li>{{ ann.id\n", encoding="utf-8")
    cfg = mini / "mkdocs.yml"
    cfg.write_text(
        cfg.read_text(encoding="utf-8").replace(
            "  - annotated-reader\n",
            "  - annotated-reader:\n      annotations_dir: editorial\n"
            "      templates_dir: overrides\n",
        ),
        encoding="utf-8",
    )
    result = check(mini)
    assert result.stdout.splitlines() == [
        "overrides/note.html:1:1: error: [templates.syntax] template syntax error: unexpected "
        "end of template, expected 'end of print statement'; fix it, or delete the file to use "
        "the packaged template of that name"
    ], result.stdout
    told = check(mini, "--annotations", "annotations")  # the flag wins: no such folder
    assert told.stdout.startswith("annotations/sources: error: [source.none]"), told.stdout
    cfg.write_text("site_name: [unclosed\n", encoding="utf-8")
    broken = check(mini)
    assert broken.returncode == 2 and broken.stderr.startswith("mkdocs.yml:"), broken.stderr
    assert "Traceback" not in broken.stderr


def test_check_reads_an_mkdocs_yml_with_tags_mkdocs_and_material_use(mini: Path) -> None:
    """!relative and !!python/name are common in a site's configuration; check only needs
    the plugin's options, and must not refuse the file (an outside test found exit 2)."""
    cfg = mini / "mkdocs.yml"
    cfg.write_text(
        cfg.read_text(encoding="utf-8")
        + "extra:\n  base: !relative $config_dir\nmarkdown_extensions:\n  - pymdownx.emoji:\n"
        "      emoji_index: !!python/name:material.extensions.emoji.twemoji\n",
        encoding="utf-8",
    )
    result = check(mini)
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stderr.strip() == "0 error(s), 0 warning(s)"


def test_check_follows_inherit_as_mkdocs_does(mini: Path) -> None:
    """A site whose plugin options live in an inherited file: check looks where the build
    looks (it read only mkdocs.yml, and reported a moved annotations folder as missing)."""
    (mini / "annotations").rename(mini / "editorial")
    cfg = mini / "mkdocs.yml"
    base = cfg.read_text(encoding="utf-8").replace(
        "  - annotated-reader\n", "  - annotated-reader:\n      annotations_dir: editorial\n"
    )
    (mini / "config").mkdir()
    (mini / "config" / "base.yml").write_text(base, encoding="utf-8")
    cfg.write_text("INHERIT: config/base.yml\nsite_name: Inherited\n", encoding="utf-8")
    result = check(mini)
    assert result.returncode == 0 and not result.stdout, result.stdout + result.stderr
    assert build(mini).returncode == 0  # as MkDocs reads it
    # A loop, and a file that is not there: each an error at its line, exit 2
    (mini / "config" / "base.yml").write_text("INHERIT: ../mkdocs.yml\n" + base, encoding="utf-8")
    loop = check(mini)
    assert loop.returncode == 2 and loop.stderr.startswith(
        "config/base.yml:1:1: error: [config.inherit] INHERIT names '../mkdocs.yml', which "
        "inherits this file again"
    ), loop.stderr
    cfg.write_text("site_name: x\nINHERIT: nowhere.yml\n", encoding="utf-8")
    missing = check(mini)
    assert missing.returncode == 2 and missing.stderr.startswith(
        "mkdocs.yml:2:1: error: [config.inherit] INHERIT names 'nowhere.yml', which is not a file"
    ), missing.stderr
    assert "Traceback" not in loop.stderr + missing.stderr
    # An inherited file that is empty, or only a comment, is {} to MkDocs (check exited 2)
    (mini / "config" / "base.yml").write_text(base, encoding="utf-8")
    (mini / "config" / "empty.yml").write_text("# nothing yet\n", encoding="utf-8")
    cfg.write_text("INHERIT: config/base.yml\n", encoding="utf-8")
    (mini / "config" / "base.yml").write_text("INHERIT: empty.yml\n" + base, encoding="utf-8")
    empty = check(mini)
    assert empty.returncode == 0 and not empty.stdout, empty.stdout + empty.stderr
    # One not UTF-8: at its bad byte, as every other file (it was Python's own words)
    (mini / "config" / "empty.yml").write_bytes(b"# nothing\nsite_name: caf\xe9\n")
    bad = check(mini)
    assert bad.returncode == 2 and bad.stderr.startswith(
        "config/empty.yml:2:15: error: [config.encoding] config/empty.yml is not UTF-8"
    ), bad.stderr
