"""``annotated-reader add-source``: the text copied unchanged, a skeleton that states nothing
unknown as known and builds strict, and every refusal (exit 2, nothing written)."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from annotated_reader.ratings.admiralty import CRITERIA
from helpers.project import BIN, FIXTURES, build, check, copy_project, run

UNKNOWN_FIELDS = ("author", "outlet", "published", "kind", "language", "url")
# A byte order mark, Windows line ends, a blank first line, non-ASCII and trailing space:
# all kept byte for byte; the title is the first line with text, without the mark.
AWKWARD = "\ufeff\r\n  Über   die Union  \r\n\r\nSecond line – with a dash. \r\n".encode()


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return copy_project(FIXTURES / "mini", tmp_path / "mini")


def add(project: Path, file: Path, *extra: str) -> tuple[int, str]:
    result = run([str(BIN / "annotated-reader"), "add-source", str(file), *extra], project)
    return result.returncode, result.stdout + result.stderr


def listing(project: Path) -> list[str]:
    return sorted(p.relative_to(project).as_posix() for p in project.rglob("*") if p.is_file())


def test_the_text_is_copied_byte_for_byte_and_the_skeleton_builds_strict(
    project: Path, tmp_path: Path
) -> None:
    text = tmp_path / "Über die Union (2022).txt"
    text.write_bytes(AWKWARD)
    code, out = add(project, text)
    assert code == 0, out
    assert (project / "seeds/uber-die-union-2022.txt").read_bytes() == AWKWARD
    data = yaml.safe_load(
        (project / "annotations/sources/uber-die-union-2022.yml").read_text(encoding="utf-8")
    )
    assert data["seed"] == "uber-die-union-2022.txt"
    meta = data["metadata"]
    assert meta["title"]["value"] == "Über die Union"
    assert "Guessed" in meta["title"]["basis"]
    for name in UNKNOWN_FIELDS:
        assert meta[name]["value"] is None, name
        assert meta[name]["basis"].startswith("Unknown"), name
    assert data["rating"]["grade"] == "F"
    assert {c: j["met"] for c, j in data["rating"]["criteria"].items()} == dict.fromkeys(
        CRITERIA, "not-judged"
    )
    assert data["annotations"] == []
    result = check(project, "--strict")
    assert result.returncode == 0, result.stdout + result.stderr
    result = build(project)
    assert result.returncode == 0, result.stderr
    page = (project / "site/sources/uber-die-union-2022/index.html").read_text(encoding="utf-8")
    assert "Second line – with a dash." in page and "Über die Union" in page


def test_an_id_can_be_given_and_a_text_already_in_seeds_is_used_in_place(
    project: Path,
) -> None:
    seed = project / "seeds" / "Scraped 01.TXT"
    seed.write_bytes(b"Headline\n\nBody.\n")
    code, out = add(project, Path("seeds") / seed.name, "--id", "scraped-one")  # as typed
    assert code == 0, out
    assert not (project / "seeds/scraped-one.txt").exists()
    data = yaml.safe_load(
        (project / "annotations/sources/scraped-one.yml").read_text(encoding="utf-8")
    )
    assert data["seed"] == "Scraped 01.TXT"
    assert check(project, "--strict").returncode == 0


REFUSALS = {
    # case: (file bytes, file name, --id or None, code, words of the message)
    "id-of-a-source": (b"T\n", "sample.txt", None, "add-source.id-taken", "sample.yml exists"),
    "id-of-a-seed-only": (
        b"T\n",
        "x.txt",
        "orphan",
        "add-source.id-taken",
        "seeds/orphan.txt exists",
    ),
    "separator": (b"T\n", "x.txt", "a/b", "add-source.bad-id", "path separator"),
    "backslash": (b"T\n", "x.txt", "a\\b", "add-source.bad-id", "path separator"),
    "parent": (b"T\n", "x.txt", "..", "add-source.bad-id", "'..'"),
    "space": (
        b"T\n",
        "x.txt",
        "my text",
        "add-source.bad-id",
        "join words with '-' (e.g. 'my-text')",
    ),
    "capitals": (b"T\n", "x.txt", "MyText", "add-source.bad-id", "e.g. 'mytext'"),
    "reserved": (b"T\n", "x.txt", "note-1", "add-source.bad-id", "ids the site gives its own"),
    "no-id-from-name": (b"T\n", "???.txt", None, "add-source.no-id", "give one with --id"),
    "latin-1": (b"Caf\xe9 society\n", "x.txt", None, "add-source.encoding", "1:4: error"),
    "control": (
        b"Title\n\nA\x1b[31m red\n",
        "x.txt",
        None,
        "add-source.control-character",
        "3:2: error",
    ),
    "empty": (b" \n\n", "x.txt", None, "add-source.empty", "holds no text"),
}


@pytest.mark.parametrize("case", sorted(REFUSALS))
def test_each_refusal_says_why_and_writes_nothing(case: str, project: Path, tmp_path: Path) -> None:
    data, name, ident, code, words = REFUSALS[case]
    (project / "seeds/orphan.txt").write_text("An orphan seed.\n", encoding="utf-8")
    before = listing(project)
    text = tmp_path / name
    text.write_bytes(data)
    status, out = add(project, text, *(["--id", ident] if ident else []))
    assert status == 2, out
    assert f"[{code}]" in out and words in out, out
    assert out.startswith(f"{text}:"), out  # path:line:col: error: [code] message
    assert "Traceback" not in out and "nothing was written" in out
    assert listing(project) == before


def test_a_missing_file_and_a_folder_that_is_no_project(project: Path, tmp_path: Path) -> None:
    status, out = add(project, tmp_path / "absent.txt")
    assert status == 2 and "[add-source.no-file]" in out
    text = tmp_path / "t.txt"
    text.write_text("T\n", encoding="utf-8")
    status, out = add(tmp_path, text)
    assert status == 2 and "[add-source.no-project]" in out and "annotated-reader init" in out
