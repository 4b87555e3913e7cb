"""Notes are rendered by ``templates/note.html``; the packaged template by a Python twin.

``render.packaged_note_html`` stands in for the packaged template (Jinja's cost per call
was half of a plain note's). It must render exactly as the template does, and a site's own
``note.html`` (``templates_dir``) must still be used.
"""

from __future__ import annotations

import random
from dataclasses import replace
from pathlib import Path

import pytest
from annotated_reader.assembly import load_corpus
from annotated_reader.core.corpus import Paths
from annotated_reader.core.model import Annotation, Quote, Reference
from annotated_reader.core.problems import Location
from annotated_reader.core.text.markup import Markup
from annotated_reader.core.urls import SiteUrls
from annotated_reader.core.vocabulary.kinds import KINDS
from annotated_reader.core.vocabulary.verdicts import VERDICTS
from annotated_reader.render import source_page as render
from annotated_reader.render.source_page import (
    PageRender,
    note_renderer,
    note_values,
    numbering,
    packaged_note_html,
)
from annotated_reader.render.templates import environment
from annotated_reader.render.views import ClaimLink, NoteView

ROOT = Path(__file__).resolve().parents[2]
PROJECTS = [ROOT, ROOT / "tests" / "fixtures" / "mini"]
HOSTILE = [
    "",
    "x",
    "<script>alert(1)</script>",
    "a & b",
    "\"quoted\" 'single'",
    "&amp;",
    "é—“”",
    "\n",
]


ENV = environment()


def _jinja(values: NoteView) -> str:
    return ENV.get_template("note.html").render(values.context())


@pytest.mark.parametrize("project", PROJECTS, ids=lambda p: p.name)
def test_twin_matches_the_template_on_every_real_note(project: Path) -> None:
    corpus, _ = load_corpus(Paths(project))
    urls = SiteUrls()
    checked = 0
    for source in corpus.sources:
        page = urls.source(source.id)
        resolve = corpus.resolver(page, urls)
        ctx = PageRender(
            resolve=resolve,
            markup=Markup(),
            env=ENV,
            event_link=lambda ident, resolve=resolve: resolve("event", ident),
            claim_link=lambda ann: ClaimLink("../../claims/#c", "also in 2 other sources", ann.id),
        )
        numbers = numbering(source.annotations)
        for ann in source.annotations:
            values = note_values(ann, numbers[ann.id], ctx)
            assert packaged_note_html(values) == _jinja(values), ann.id
            checked += 1
    assert checked >= 5


def test_twin_matches_the_template_on_hostile_notes() -> None:
    rng = random.Random(7)
    base = Annotation(
        id="n", kind="context", quote=Quote("q"), body="", source_id="s",
        location=Location("f.yml", 1, 1), body_line=1,
    )  # fmt: skip
    markup = Markup()
    for _ in range(3000):
        pick = rng.choice
        ann = replace(
            base,
            id=pick(HOSTILE[1:] + ["note-1", "a-b"]),
            kind=pick(list(KINDS)),
            verdict=pick([None, *VERDICTS]),
            correction=pick([None, *HOSTILE]),
            event=pick([None, *HOSTILE]),
            date=pick([None, *HOSTILE]),
            reviewed=pick([None, *HOSTILE]),
            references=[
                Reference(pick(HOSTILE), pick(HOSTILE), base.location)
                for _ in range(rng.randint(0, 3))
            ],
        )
        event = pick([None, {"href": pick(HOSTILE), "label": pick(HOSTILE)}])
        ctx = PageRender(
            resolve=lambda _n, _i: None,
            markup=markup,
            env=ENV,
            event_link=lambda _id, event=event: event and (event["href"], event["label"]),
        )
        values = note_values(replace(ann, body=pick(HOSTILE)), rng.randint(0, 1200), ctx)
        values = replace(
            values,
            verdict=pick([values.verdict, None, *VERDICTS.values()]),
            date_human=pick(HOSTILE),
            claim=pick([None, ClaimLink(pick(HOSTILE), pick(HOSTILE), pick(HOSTILE))]),
        )
        assert packaged_note_html(values) == _jinja(values), values


def test_packaged_template_uses_the_twin_and_an_override_uses_jinja(tmp_path: Path) -> None:
    assert note_renderer(environment()) is packaged_note_html, (
        "templates/note.html is not the one packaged_note_html mirrors: bring the two "
        "together, then record the template's new SHA-256 in render._MIRRORED_NOTE_SHA256"
    )
    assert note_renderer(environment(tmp_path)) is packaged_note_html  # no note.html there
    (tmp_path / "note.html").write_text(
        '<li id="note-{{ ann.id }}">OWN {{ kind.label }}</li>\n', encoding="utf-8"
    )
    render = note_renderer(environment(tmp_path))
    assert render is not packaged_note_html
    corpus, _ = load_corpus(Paths(PROJECTS[1]))
    ann = corpus.sources[0].annotations[0]
    ctx = PageRender(resolve=lambda _n, _i: None, markup=Markup(), env=environment(tmp_path))
    assert render(note_values(ann, 1, ctx)) == (
        f'<li id="note-{ann.id}">OWN {KINDS[ann.kind].label}</li>'
    )


def test_an_edited_packaged_template_goes_back_to_jinja(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(render, "_MIRRORED_NOTE_SHA256", "0" * 64)
    template = ENV.get_template("note.html")
    renderer = note_renderer(ENV)
    assert renderer is not packaged_note_html
    corpus, _ = load_corpus(Paths(PROJECTS[1]))
    ann = corpus.sources[0].annotations[0]
    ctx = PageRender(resolve=lambda _n, _i: None, markup=Markup(), env=ENV)
    view = note_values(ann, 1, ctx)
    assert renderer(view) == template.render(view.context())
