"""Editorial input past the bounds of ``core/limits.py`` is refused at its line, quickly.

An alias bomb, a 3,000-deep flow list, a file of half a million values, an oversized file
or quote: each is an error at ``path:line:col`` from ``annotated-reader check`` (exit 1)
and from ``mkdocs build --strict`` (which fails), never a traceback or an exhausted
machine. The YAML cases are also read by PyYAML alone (no libyaml), which must agree.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from annotated_reader.core import yamlsrc
from annotated_reader.core.limits import MAX_FILE_BYTES, MAX_NESTING, MAX_QUOTE_CHARS
from annotated_reader.core.problems import Problems
from annotated_reader.core.yamlsrc import load_yaml
from helpers.project import build, check

SRC = "annotations/sources/sample.yml"
GLOSSARY = "annotations/glossary.yml"

# Ten lines standing for 9**8 (43 million) strings once every alias is followed.
BOMB = "".join(
    f"{name}: &{name} [{', '.join([f'*{prev}'] * 9 if prev else ['x'] * 9)}]\n"
    for prev, name in zip(["", *"abcdefgh"], "abcdefghi", strict=False)
)


def _deep(levels: int) -> str:
    return "terms: " + "[" * levels + "]" * levels + "\n"


YAML_CASES = {
    # name: (text, line:col of the error, code)
    "alias-bomb": (BOMB, "2:8", "yaml.alias"),
    "alias-to-a-scalar": ("a: &x text\nb: *x\n", "2:4", "yaml.alias"),
    "flow-list-3000-deep": (_deep(3000), f"1:{7 + MAX_NESTING}", "yaml.too-deep"),
    "block-mappings-too-deep": (
        "".join("  " * i + "k:\n" for i in range(MAX_NESTING + 5)),
        f"{MAX_NESTING + 1}:{2 * MAX_NESTING + 1}",
        "yaml.too-deep",
    ),
    "too-many-values": ("a: [" + "1, " * 1005 + "]\n", "1:2996", "yaml.too-many-values"),
}
VALUES = 1000  # the bound, lowered for these cases: PyYAML alone would take long to reach it


@pytest.mark.parametrize("fast", [True, False], ids=["libyaml", "pyyaml"])
@pytest.mark.parametrize("case", sorted(YAML_CASES))
def test_yaml_past_a_bound_is_refused_where_it_happens(
    case: str, fast: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    text, where, code = YAML_CASES[case]
    monkeypatch.setattr(yamlsrc, "MAX_YAML_VALUES", VALUES)
    if not fast:
        monkeypatch.setattr(yamlsrc, "_FAST_LOADER", None)
    problems = Problems()
    assert load_yaml("f.yml", text, problems) is None
    assert [p.code for p in problems.items] == [code]
    assert str(problems.items[0]).startswith(f"f.yml:{where}"), str(problems.items[0])


def test_nesting_up_to_the_bound_loads() -> None:
    problems = Problems()
    root = load_yaml("f.yml", _deep(MAX_NESTING - 1), problems)
    assert root is not None and not problems.items


def test_anchors_without_aliases_load() -> None:
    """Only following an alias multiplies; an anchor alone names a value and is harmless."""
    problems = Problems()
    root = load_yaml("f.yml", "a: &x [1, 2]\n", problems)
    assert root is not None and not problems.items and root.plain() == {"a": ["1", "2"]}


def _big_seed(project: Path) -> None:
    (project / "seeds" / "huge.txt").write_bytes(b"word " * (MAX_FILE_BYTES // 5 + 1))


def _big_glossary(project: Path) -> None:
    (project / GLOSSARY).write_bytes(b"# " + b"x" * MAX_FILE_BYTES + b"\nterms: []\n")


def _long_quote(project: Path) -> None:
    path = project / SRC
    quote = "Union Headline " * (MAX_QUOTE_CHARS // 15 + 1)
    text = path.read_text(encoding="utf-8")
    path.write_text(
        text.replace('{exact: "Leave a Reply"}', f'{{exact: "{quote}"}}'), encoding="utf-8"
    )


def _yaml(rel: str, text: str) -> Callable[[Path], None]:
    def write(project: Path) -> None:
        (project / rel).write_text(text, encoding="utf-8")

    return write


PROJECT_CASES = {
    # name: (break the project, the first words of the error line)
    "alias-bomb-in-the-glossary": (_yaml(GLOSSARY, BOMB), f"{GLOSSARY}:2:8: error: [yaml.alias]"),
    "deep-list-in-a-source-file": (
        _yaml(SRC, "seed: sample.txt\nlayout: " + "[" * 3000 + "]" * 3000 + "\n"),
        f"{SRC}:2:{8 + MAX_NESTING}: error: [yaml.too-deep]",
    ),
    "oversized-seed": (_big_seed, "seeds/huge.txt:1:1: error: [seed.too-large]"),
    "oversized-glossary": (_big_glossary, f"{GLOSSARY}:1:1: error: [glossary.too-large]"),
    "quote-too-long": (_long_quote, f"{SRC}:45:20: error: [quote.too-long]"),
}


@pytest.mark.parametrize("case", sorted(PROJECT_CASES))
def test_check_and_strict_build_report_it_without_traceback(case: str, mini: Path) -> None:
    breaker, expected = PROJECT_CASES[case]
    breaker(mini)
    checked = check(mini)
    assert checked.returncode == 1, checked.stdout + checked.stderr
    assert "Traceback" not in checked.stdout + checked.stderr
    assert any(line.startswith(expected) for line in checked.stdout.splitlines()), checked.stdout
    built = build(mini)
    assert built.returncode != 0
    assert "Traceback" not in built.stdout + built.stderr
    assert expected in built.stderr, built.stderr
