"""Files outside the project are never read: a symbolic link (or a folder option leading out
of the project) is refused with an error naming it, by ``check`` and by the strict build, and
a build that goes on anyway (not strict) publishes nothing from the other side of the link."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest
from helpers.project import BIN, build, check, run

SECRET = "SECRET-7f3a-outside-the-project"
SAMPLE = "annotations/sources/sample.yml"
GLOSSARY = """terms:
  - id: minsk
    term: Minsk
    category: place
    definition: "SECRET-7f3a-outside-the-project"
    aliases: [Minsk]
"""


def _outside(mini: Path) -> Path:
    folder = mini.parent / "outside"
    folder.mkdir(exist_ok=True)
    return folder


def _link_out(mini: Path, rel: str, text: str) -> str:
    """Put ``text`` outside the project and link ``rel`` to it; the link's target."""
    target = _outside(mini) / Path(rel).name
    target.write_text(text, encoding="utf-8")
    link = mini / rel
    if link.exists():
        link.unlink()
    link.parent.mkdir(parents=True, exist_ok=True)
    link.symlink_to(target)
    return str(target)


def _with_secret(mini: Path, rel: str) -> str:
    return (mini / rel).read_text(encoding="utf-8").replace("A sample source", SECRET)


def seed_link(mini: Path) -> tuple[str, str]:
    text = (mini / "seeds/sample.txt").read_text(encoding="utf-8") + SECRET + "\n"
    return "seeds/sample.txt", _link_out(mini, "seeds/sample.txt", text)


def leak_seed_link(mini: Path) -> tuple[str, str]:
    """The report's case: a new seed linked out of the project, and a source file naming it."""
    sample = (mini / SAMPLE).read_text(encoding="utf-8")
    leak = sample.replace("seed: sample.txt", "seed: 999_leak.txt")
    leak = leak[: leak.index("annotations:\n")].replace("[[s-inner]]", "the text")
    (mini / "annotations/sources/leak.yml").write_text(leak, encoding="utf-8")
    return "seeds/999_leak.txt", _link_out(mini, "seeds/999_leak.txt", SECRET + "\n")


def source_link(mini: Path) -> tuple[str, str]:
    return SAMPLE, _link_out(mini, SAMPLE, _with_secret(mini, SAMPLE))


def glossary_link(mini: Path) -> tuple[str, str]:
    return "annotations/glossary.yml", _link_out(mini, "annotations/glossary.yml", GLOSSARY)


def events_link(mini: Path) -> tuple[str, str]:
    return "annotations/events.yml", _link_out(mini, "annotations/events.yml", f"# {SECRET}\n")


def link_inside(mini: Path) -> tuple[str, str]:
    """A link to a file of the project itself is refused too: links are never followed."""
    (mini / "copy.txt").write_text(
        (mini / "seeds/sample.txt").read_text(encoding="utf-8") + SECRET, encoding="utf-8"
    )
    (mini / "seeds/sample.txt").unlink()
    (mini / "seeds/sample.txt").symlink_to("../copy.txt")
    return "seeds/sample.txt", "../copy.txt"


def seeds_folder_link(mini: Path) -> tuple[str, str]:
    outside = _outside(mini) / "seeds"
    (mini / "seeds").rename(outside)
    (outside / "sample.txt").write_text(
        (outside / "sample.txt").read_text(encoding="utf-8") + SECRET, encoding="utf-8"
    )
    (mini / "seeds").symlink_to(outside)
    return "seeds", str(outside)


def template_link(mini: Path) -> tuple[str, str]:
    config = mini / "mkdocs.yml"
    config.write_text(
        config.read_text(encoding="utf-8").replace(
            "  - annotated-reader\n", "  - annotated-reader:\n      templates_dir: overrides\n"
        ),
        encoding="utf-8",
    )
    return "overrides/sources_index.html", _link_out(
        mini, "overrides/sources_index.html", f"<p>{SECRET}</p>"
    )


CASES: dict[str, Callable[[Path], tuple[str, str]]] = {
    "seed": seed_link,
    "new-seed-and-source": leak_seed_link,
    "source-file": source_link,
    "glossary": glossary_link,
    "events": events_link,
    "link-inside-the-project": link_inside,
    "seeds-folder": seeds_folder_link,
    "template": template_link,
}


def _published(site: Path) -> list[str]:
    return [
        str(p.relative_to(site))
        for p in site.rglob("*")
        if p.is_file() and SECRET.encode() in p.read_bytes()
    ]


@pytest.mark.parametrize("case", sorted(CASES))
def test_a_link_is_refused_and_never_read(mini: Path, case: str) -> None:
    rel, target = CASES[case](mini)
    message = (
        f"{rel}:1:1: error: [file.symlink] '{rel}' is a symbolic link (to '{target}'); links are "
        "refused so that no file outside the project is read or published: put the file "
        "itself there"
    )
    result = check(mini)  # templates_dir too: check reads the plugin's options
    assert result.returncode == 1
    assert message in result.stdout.splitlines()
    assert SECRET not in result.stdout + result.stderr
    built = build(mini)
    assert built.returncode != 0
    assert message in built.stderr
    assert "Traceback" not in built.stderr
    # Not strict: the build goes on, and nothing from behind the link is published.
    loose = run([str(BIN / "mkdocs"), "build", "--site-dir", "loose"], mini)
    assert (mini / "loose/index.html").is_file(), loose.stderr
    assert _published(mini / "loose") == []


@pytest.mark.parametrize(
    ("option", "value"),
    [("seeds_dir", "../outside/seeds"), ("templates_dir", "../outside/templates")],
)
def test_a_folder_option_leading_out_of_the_project_is_refused(
    mini: Path, option: str, value: str
) -> None:
    outside = _outside(mini)
    (outside / "seeds").mkdir()
    (outside / "seeds/sample.txt").write_text(SECRET, encoding="utf-8")
    (outside / "templates").mkdir()
    (outside / "templates/sources_index.html").write_text(SECRET, encoding="utf-8")
    config = mini / "mkdocs.yml"
    config.write_text(
        config.read_text(encoding="utf-8").replace(
            "  - annotated-reader\n", f"  - annotated-reader:\n      {option}: {value}\n"
        ),
        encoding="utf-8",
    )
    built = build(mini)
    assert built.returncode != 0
    assert f"{value}:1:1: error: [file.outside] '{value}' is outside the project folder" in (
        built.stderr
    )
    assert "Traceback" not in built.stderr
    assert _published(mini / "site") == [] if (mini / "site").exists() else True


def test_a_dangling_link_is_reported_not_skipped(mini: Path) -> None:
    (mini / "annotations/glossary.yml").symlink_to(mini.parent / "nowhere.yml")
    result = check(mini)
    assert result.returncode == 1
    assert "annotations/glossary.yml:1:1: error: [file.symlink]" in result.stdout


def test_a_docs_file_leading_outside_stops_the_build(
    mini: Path, write: Callable[[Path, str, str], Path]
) -> None:
    target = _link_out(mini, "docs/leak.md", f"# {SECRET}\n")
    built = build(mini)
    assert built.returncode != 0
    assert (
        "docs/leak.md:1:1: error: [file.outside] 'docs/leak.md' leads outside the project folder"
    ) in built.stderr
    assert target not in built.stdout
    assert _published(mini / "site") == [] if (mini / "site").exists() else True


def test_a_docs_link_inside_the_project_is_fine(
    mini: Path, write: Callable[[Path, str, str], Path]
) -> None:
    write(mini, "NOTES.md", "# Notes\n\nKept at the top of the project.\n")
    (mini / "docs/notes.md").symlink_to(os.path.relpath(mini / "NOTES.md", mini / "docs"))
    built = build(mini)
    assert built.returncode == 0, built.stderr
    assert "Kept at the top" in (mini / "site/notes/index.html").read_text(encoding="utf-8")
