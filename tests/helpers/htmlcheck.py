"""Small HTML checks shared by tests: well-formedness, ids, visible text."""

from __future__ import annotations

from html.parser import HTMLParser

VOID = {
    "area",
    "base",
    "br",
    "col",
    "embed",
    "hr",
    "img",
    "input",
    "link",
    "meta",
    "source",
    "track",
    "wbr",
}


class _Tree(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.errors: list[str] = []
        self.ids: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if name == "id" and value is not None:
                self.ids.append(value)
        if tag not in VOID:
            self.stack.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag in VOID:
            return
        if not self.stack or self.stack[-1] != tag:
            self.errors.append(f"</{tag}> closes <{self.stack[-1] if self.stack else None}>")
            if tag in self.stack:
                while self.stack and self.stack.pop() != tag:
                    pass
            return
        self.stack.pop()


def wellformed(html: str) -> list[str]:
    """Misnested or unclosed elements in a fragment (empty list when well-formed)."""
    tree = _Tree()
    tree.feed(html)
    tree.close()
    return tree.errors + [f"<{t}> never closed" for t in tree.stack]


def duplicate_ids(html: str) -> list[str]:
    tree = _Tree()
    tree.feed(html)
    seen: set[str] = set()
    dups = []
    for i in tree.ids:
        if i in seen:
            dups.append(i)
        seen.add(i)
    return dups


class _Text(HTMLParser):
    """Text of an element, skipping subtrees whose class matches ``skip``."""

    def __init__(self, skip: set[str]) -> None:
        super().__init__(convert_charrefs=True)
        self.skip = skip
        self.depth_skipping = 0
        self.stack: list[bool] = []
        self.parts: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in VOID:
            return
        classes = set((dict(attrs).get("class") or "").split())
        skipping = bool(classes & self.skip) or tag in ("script", "style")
        self.stack.append(skipping)
        if skipping:
            self.depth_skipping += 1

    def handle_endtag(self, tag: str) -> None:
        if tag in VOID or not self.stack:
            return
        if self.stack.pop():
            self.depth_skipping -= 1

    def handle_data(self, data: str) -> None:
        if not self.depth_skipping:
            self.parts.append(data)


def text_of(html: str, skip: set[str]) -> str:
    parser = _Text(skip)
    parser.feed(html)
    return " ".join("".join(parser.parts).split())


def between(html: str, start_marker: str, end_marker: str) -> str:
    i = html.index(start_marker)
    j = html.index(end_marker, i)
    return html[i:j]


class _Links(HTMLParser):
    """Each link of a given class: its href and its text (the last link per href wins)."""

    def __init__(self, css: str) -> None:
        super().__init__(convert_charrefs=True)
        self.css = css
        self.href: str | None = None
        self.parts: list[str] = []
        self.found: dict[str, str] = {}

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        if tag == "a" and self.css in (found.get("class") or "").split():
            self.href, self.parts = found.get("href") or "", []

    def handle_endtag(self, tag: str) -> None:
        if tag == "a" and self.href is not None:
            self.found[self.href] = "".join(self.parts).strip()
            self.href = None

    def handle_data(self, data: str) -> None:
        if self.href is not None:
            self.parts.append(data)


def link_texts(html: str, css: str) -> dict[str, str]:
    """href → text of the links with class ``css`` (e.g. Material's ``md-nav__link``)."""
    parser = _Links(css)
    parser.feed(html)
    return parser.found


def article(html: str) -> str:
    """A built page's ``<article>`` element, whole: the page's own content."""
    end = "</article>"
    return html[html.index("<article") : html.index(end) + len(end)]
