"""Markdown for untrusted note text: markdown-it-py with raw HTML off and safe links only.

Bodies and definitions arrive in pull requests from anyone, so raw HTML is escaped, images
are off (they would load from outside), and links may only be http(s), mailto or relative.
Cross-references use a light syntax, ``[[note-id]]``, ``[[source:id]]``, ``[[term:id]]``,
``[[event:id]]``, with an optional label after ``|``.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from markdown_it import MarkdownIt
from markdown_it.common.utils import escapeHtml
from markdown_it.renderer import RendererHTML
from markdown_it.rules_inline import StateInline
from markdown_it.token import Token
from markdown_it.utils import EnvType, OptionsDict

REF_PATTERN = re.compile(
    r"\[\[(?:(source|term|event|note):)?([a-z0-9][a-z0-9-]*)(?:\|([^\]\n]+))?\]\]"
)
_SAFE_SCHEME = re.compile(r"^(?:https?:|mailto:)", re.IGNORECASE)
_ANY_SCHEME = re.compile(r"^[a-z][a-z0-9+.-]*:", re.IGNORECASE)


@dataclass(frozen=True)
class CrossRef:
    namespace: str  # note | source | term | event
    id: str
    label: str | None
    line_offset: int  # lines below the first line of the text


# A resolver turns a reference into (href, default label), or None when unknown.
Resolver = Callable[[str, str], "tuple[str, str] | None"]


def find_refs(text: str) -> list[CrossRef]:
    refs = []
    for m in REF_PATTERN.finditer(text):
        refs.append(
            CrossRef(m.group(1) or "note", m.group(2), m.group(3), text.count("\n", 0, m.start()))
        )
    return refs


def is_safe_link(url: str) -> bool:
    url = url.strip()
    return bool(_SAFE_SCHEME.match(url)) or not _ANY_SCHEME.match(url)


def _ref_rule(state: StateInline, silent: bool) -> bool:
    if not state.src.startswith("[[", state.pos):
        return False
    m = REF_PATTERN.match(state.src, state.pos)
    if not m:
        return False
    if not silent:
        token = state.push("ar_ref", "", 0)
        token.meta = {"namespace": m.group(1) or "note", "id": m.group(2), "label": m.group(3)}
    state.pos = m.end()
    return True


def _render_link_open(
    renderer: RendererHTML, tokens: Sequence[Token], idx: int, options: OptionsDict, env: EnvType
) -> str:
    token = tokens[idx]
    if str(token.attrGet("href") or "").startswith(("http:", "https:")):
        token.attrSet("rel", "noopener noreferrer")
        token.attrSet("class", "ar-external")
    return renderer.renderToken(tokens, idx, options, env)


class Markup:
    """One configured parser, reused for every note (building it is the costly part)."""

    def __init__(self) -> None:
        md = MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": False})
        md.disable("image")
        md.validateLink = is_safe_link  # type: ignore[method-assign]
        md.inline.ruler.before("link", "ar_ref", _ref_rule)
        md.add_render_rule("ar_ref", lambda _r, tokens, idx, _o, _e: self._render_ref(tokens, idx))
        md.add_render_rule("link_open", _render_link_open)
        self.md = md
        self._resolver: Resolver | None = None

    def render(self, text: str, resolver: Resolver) -> str:
        self._resolver = resolver
        try:
            return str(self.md.render(text))
        finally:
            self._resolver = None

    def render_inline(self, text: str, resolver: Resolver) -> str:
        self._resolver = resolver
        try:
            return str(self.md.renderInline(text))
        finally:
            self._resolver = None

    def _render_ref(self, tokens: Sequence[Token], idx: int) -> str:
        meta = tokens[idx].meta
        escape = escapeHtml
        target = self._resolver(meta["namespace"], meta["id"]) if self._resolver else None
        if target is None:
            return f'<span class="ar-broken-ref">{escape(meta["label"] or meta["id"])}</span>'
        href, label = target
        cls = f"ar-xref ar-xref-{meta['namespace']}"
        extra = f' data-ar-term="{escape(meta["id"])}"' if meta["namespace"] == "term" else ""
        return f'<a class="{cls}" href="{escape(href)}"{extra}>{escape(meta["label"] or label)}</a>'
