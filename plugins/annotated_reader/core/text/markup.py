"""Markdown for untrusted note text: markdown-it-py with raw HTML off and safe links only.

Bodies and definitions arrive in pull requests from anyone, so raw HTML is escaped, images
are off (they would load from outside), and links may only be http(s), mailto or relative.
Cross-references use a light syntax, ``[[note-id]]``, ``[[source:id]]``, ``[[term:id]]``,
``[[event:id]]``, with an optional label after ``|``.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..memo import Memo

if TYPE_CHECKING:  # imported when a text needs markdown-it: most never do (a tenth of a
    # small build's start, and none of an edit's when the edited note is plain text)
    from markdown_it import MarkdownIt
    from markdown_it.renderer import RendererHTML
    from markdown_it.rules_inline import StateInline
    from markdown_it.token import Token
    from markdown_it.utils import EnvType, OptionsDict

# Not followed by "(": "[[1]](https://…)" is a link whose text is in brackets.
REF_PATTERN = re.compile(
    r"\[\[(?:(source|term|event|note):)?([a-z0-9][a-z0-9-]*)(?:\|([^\]\n]+))?\]\](?!\()"
)
_SAFE_SCHEME = re.compile(r"^(?:https?:|mailto:)", re.IGNORECASE)
_ANY_SCHEME = re.compile(r"^[a-z][a-z0-9+.-]*:", re.IGNORECASE)


@dataclass(frozen=True)
class CrossRef:
    namespace: str  # note | source | term | event
    id: str
    label: str | None
    start: int  # offset in the text, for locating it in its file
    text: str  # the reference as written


# A resolver turns a reference into (href, default label), or None when unknown.
Resolver = Callable[[str, str], "tuple[str, str] | None"]


def find_refs(text: str) -> list[CrossRef]:
    """The well-formed ``[[…]]`` references of a Markdown text, in order (malformed ones are
    the cross-reference check's to report)."""
    refs = []
    for m in REF_PATTERN.finditer(text):
        refs.append(CrossRef(m.group(1) or "note", m.group(2), m.group(3), m.start(), m.group(0)))
    return refs


def is_safe_link(url: str) -> bool:
    """Whether a link may be written into a page: http(s), mailto, or no scheme at all."""
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


_ELSEWHERE = ("http:", "https:", "//")


def _render_link_open(
    renderer: RendererHTML, tokens: Sequence[Token], idx: int, options: OptionsDict, env: EnvType
) -> str:
    token = tokens[idx]
    # Another site's address, with a scheme or without one ("//host/…", which is no relative
    # link into this site; markdown-it writes a backslash as %5C, so "/\\host" is not one).
    if str(token.attrGet("href") or "").lower().startswith(_ELSEWHERE):
        token.attrSet("rel", "noopener noreferrer")
        token.attrSet("class", "ar-external")
    return renderer.renderToken(tokens, idx, options, env)


# What markdown-it would render as plain paragraphs: no character it rewrites before
# parsing (CR, NUL; tabs, to be safe) anywhere, and, once the [[…]] references are cut out,
# no character that can start inline syntax, no line that could open a block (heading,
# quote, list, rule, fence, setext underline) and no whitespace at a line's edge (trimmed,
# a hard break or code).
_REWRITTEN = re.compile(r"[\t\r\x00]")
_INLINE_SYNTAX = re.compile(r"[\\`*_\[\]<&]")
_BLOCK_LINE = re.compile(r"^(?:[#>+=~-]|\d+[.)])|^[^\S\n]|[^\S\n]$", re.MULTILINE)
_PARAGRAPH_BREAK = re.compile(r"\n{2,}")


# A reference in a kept rendering: ``\0["term","minsk",null]\0``. markdown-it turns every
# NUL of the text into U+FFFD, so no other NUL is in its output.
_KEPT_REF = re.compile("\x00([^\x00]*)\x00")


def _kept_ref(namespace: str, ident: str, label: str | None) -> str:
    return "\x00" + json.dumps([namespace, ident, label]) + "\x00"


class Markup:
    """One configured parser, reused for every note (building it is the costly part).

    With a ``memo``, what markdown-it renders is kept between builds under a hash of the
    text: its ``[[…]]`` references kept as marks, resolved on every use, since where they
    lead depends on the page and on the rest of the corpus."""

    def __init__(self, memo: Memo | None = None) -> None:
        self.memo = memo
        self._md: MarkdownIt | None = None
        self._resolver: Resolver | None = None
        self._keep_refs = False

    @property
    def md(self) -> MarkdownIt:
        """The parser, made when a text first needs it."""
        if self._md is None:
            from markdown_it import MarkdownIt

            md = MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": False})
            md.disable("image")
            md.validateLink = is_safe_link  # type: ignore[method-assign]
            md.inline.ruler.before("link", "ar_ref", _ref_rule)
            md.add_render_rule(
                "ar_ref", lambda _r, tokens, idx, _o, _e: self._render_ref(tokens, idx)
            )
            md.add_render_rule("link_open", _render_link_open)
            self._md = md
        return self._md

    def render(self, text: str, resolver: Resolver) -> str:
        fast = self.render_plain(text, resolver)
        return self.render_markdown_it(text, resolver) if fast is None else fast

    def render_inline(self, text: str, resolver: Resolver) -> str:
        fast = self.render_plain(text, resolver, inline=True)
        return self.render_markdown_it(text, resolver, inline=True) if fast is None else fast

    def render_markdown_it(self, text: str, resolver: Resolver, *, inline: bool = False) -> str:
        """Always through markdown-it (``render`` takes a shortcut for plain text), or its
        rendering of the same text in an earlier build."""
        if self.memo is None:
            return self._markdown_it(text, resolver, inline)
        key = self.memo.key("inline" if inline else "block", text)
        kept = self.memo.recall(key)
        if not isinstance(kept, str):
            kept = self.memo.get(key)
            if kept is not None and not isinstance(kept, str):
                self.memo.damaged(key)
            if not isinstance(kept, str):
                kept = self._markdown_it(text, None, inline)
                self.memo.put(key, kept)
            self.memo.remember(key, kept)
        if "\x00" not in kept:
            return kept
        try:
            return _KEPT_REF.sub(lambda m: _ref_html(*_ref_args(m.group(1)), resolver), kept)
        except (TypeError, ValueError):  # not a rendering of ours: render it again
            self.memo.damaged(key)
            return self._markdown_it(text, resolver, inline)

    def _markdown_it(self, text: str, resolver: Resolver | None, inline: bool) -> str:
        """markdown-it's HTML; without a ``resolver``, references are left as marks."""
        self._resolver = resolver
        self._keep_refs = resolver is None
        try:
            return str(self.md.renderInline(text) if inline else self.md.render(text))
        finally:
            self._resolver = None
            self._keep_refs = False

    def render_plain(self, text: str, resolver: Resolver, *, inline: bool = False) -> str | None:
        """markdown-it's output for text without Markdown syntax (most notes), at a
        fraction of its cost; None for any other text. Proven identical to markdown-it by
        tests/core/test_markup_fastpath.py, on the real notes and on random hostile text."""
        if _REWRITTEN.search(text):
            return None
        rest = REF_PATTERN.sub("x", text) if "[" in text else text
        if _INLINE_SYNTAX.search(rest) or _BLOCK_LINE.search(rest):
            return None
        if inline:
            return None if "\n" in text else self._plain_html(text, resolver)
        return "".join(
            f"<p>{self._plain_html(para, resolver)}</p>\n"
            for para in _PARAGRAPH_BREAK.split(text.strip("\n"))
            if para
        )

    def _plain_html(self, text: str, resolver: Resolver) -> str:
        if "[" not in text:
            return _escape(text)
        out = []
        pos = 0
        for m in REF_PATTERN.finditer(text):
            out.append(_escape(text[pos : m.start()]))
            out.append(_ref_html(m.group(1) or "note", m.group(2), m.group(3), resolver))
            pos = m.end()
        out.append(_escape(text[pos:]))
        return "".join(out)

    def _render_ref(self, tokens: Sequence[Token], idx: int) -> str:
        meta = tokens[idx].meta
        if self._keep_refs:
            return _kept_ref(meta["namespace"], meta["id"], meta["label"])
        return _ref_html(meta["namespace"], meta["id"], meta["label"], self._resolver)


def _escape(raw: str) -> str:
    """markdown-it's ``escapeHtml`` (``&``, ``<``, ``>`` and ``"``; not ``'``, unlike
    ``html.escape``), without importing it for plain text."""
    return (
        raw.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")
    )


def _ref_args(data: str) -> tuple[str, str, str | None]:
    """A kept reference's namespace, id and label; ValueError for anything else."""
    found = json.loads(data)
    if not (
        isinstance(found, list)
        and len(found) == 3
        and all(isinstance(x, str) for x in found[:2])
        and (found[2] is None or isinstance(found[2], str))
    ):
        raise ValueError("not a kept reference")
    return found[0], found[1], found[2]


def _ref_html(namespace: str, ident: str, label: str | None, resolver: Resolver | None) -> str:
    escape = _escape
    target = resolver(namespace, ident) if resolver else None
    if target is None:
        return f'<span class="ar-broken-ref">{escape(label or ident)}</span>'
    href, default = target
    cls = f"ar-xref ar-xref-{namespace}"
    extra = f' data-ar-term="{escape(ident)}"' if namespace == "term" else ""
    return f'<a class="{cls}" href="{escape(href)}"{extra}>{escape(label or default)}</a>'
