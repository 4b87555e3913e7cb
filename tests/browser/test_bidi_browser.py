"""A direction override in a seed moves the reader's note number with the text it is in,
but never mirrors it: the number is the reader's, not the text's.

An outside test put ``\u202ethe treaty was signed in 1997 by both\u202c`` in a seed with a
note on "treaty was signed": Chromium showed note 34 as 43."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from helpers.browser import serve
from helpers.project import ROOT, build, copy_project

SEED = "001_853985c96cb4248a.txt"
NOTE = (
    '\n  - id: mondo-t20\n    kind: context\n    quote: {exact: "treaty was signed"}\n'
    '    body: "A note inside a right-to-left override."\n    reviewed: "2026-11-22"\n'
)

# Each character of the link's text with the left edge of its box, in text order.
_EDGES = """(id) => {
  const link = document.getElementById(id);
  const out = [];
  const walker = document.createTreeWalker(link, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    for (let i = 0; i < node.data.length; i++) {
      const range = document.createRange();
      range.setStart(node, i);
      range.setEnd(node, i + 1);
      out.push([node.data[i], range.getBoundingClientRect().left]);
    }
  }
  return out;
}"""


def test_a_note_number_inside_an_override_reads_left_to_right(tmp_path: Path, browser: Any) -> None:
    project = copy_project(ROOT, tmp_path / "real")
    with (project / "seeds" / SEED).open("a", encoding="utf-8") as seed:
        seed.write(
            "\n\nINDIA the minister said \u202ethe treaty was signed in 1997 by both\u202c "
            "as reported.\n"
        )
    with (project / "annotations/sources/mondo-new-soviet-union.yml").open(
        "a", encoding="utf-8"
    ) as notes:
        notes.write(NOTE)
    built = build(project)
    assert built.returncode == 0, built.stderr[-2000:]
    with serve(project / "site") as url:
        page = browser.new_page(viewport={"width": 1440, "height": 900})
        page.goto(url + "sources/mondo-new-soviet-union/")
        edges = page.evaluate(_EDGES, "ref-mondo-t20")
        page.close()
    digits = [(char, left) for char, left in edges if char.isdigit()]
    assert len(digits) == 2, edges  # a two-digit number: mirrored, it reads the other way
    assert digits[0][1] < digits[1][1], edges
