"""Every payload in every editor-controlled field: rejected at its line, or published inert.

The browser half (test_xss_browser.py) runs the pages; this half reads what was built.
"""

from __future__ import annotations

import html
import json
import re
from collections import Counter
from pathlib import Path
from typing import Any

import html5lib

from .conftest import XssSite
from .payloads import PAYLOADS, REFUSED
from .xss_project import VALIDATED

_SCHEME = re.compile(r"^(?:javascript|data|vbscript):", re.IGNORECASE)
_URL_ATTRS = {"href", "src", "action", "formaction", "xlink:href", "data", "srcset", "poster"}
# Elements this site never writes: each would be a payload's markup come alive.
_FOREIGN = {
    "iframe",
    "object",
    "embed",
    "base",
    "marquee",
    "xmp",
    "noembed",
    "math",
    "template",
    "audio",
    "video",
    "image",
    "x",
    "keygen",
    "isindex",
    "frameset",
    "frame",
    "applet",
    "listing",
    "plaintext",
    "textarea",
    "mglyph",
    "mtext",
    "animate",
}


def _words(text: str) -> str:
    return " ".join(text.split())


def _text(page: str) -> str:
    """What a reader can read on the page, as a browser parses it (a title's or a textarea's
    content is text there, a script's or a style's is not), words joined by single spaces."""
    parts: list[str] = []

    def walk(el: Any) -> None:
        tag = el.tag.rsplit("}", 1)[-1] if isinstance(el.tag, str) else ""
        if tag not in ("script", "style", "template") and el.text and isinstance(el.tag, str):
            parts.append(el.text)
        for child in el:
            walk(child)
            if child.tail:
                parts.append(child.tail)

    walk(html5lib.parse(page, namespaceHTMLElements=False))
    return " ".join("".join(parts).split())


def _pages(site: Path) -> dict[str, str]:
    return {
        p.relative_to(site).as_posix(): p.read_text(encoding="utf-8")
        for p in sorted(site.rglob("*.html"))
    }


def test_there_are_enough_payloads() -> None:
    assert len(PAYLOADS) >= 100


def test_every_problem_is_a_rejected_payload_at_its_line(xss: XssSite) -> None:
    """Free text is never rejected (but for what no text may hold, ``REFUSED``), and nothing
    but a payload's own line is reported."""
    where = {(s.path, s.line): s for s in xss.slots}
    wrong = []
    for p in xss.first_problems:
        slot = where.get((p["path"], p["line"])) or where.get((p["path"], 0))  # 0: a whole file
        refused = (
            slot is not None
            and p["code"] == "yaml.control-character"
            and REFUSED.search(slot.payload) is not None
        )
        if slot is None or (slot.policy != VALIDATED and not refused):
            what = f"{slot.field} ({slot.policy})" if slot else "no payload here"
            wrong.append(
                f"{p['path']}:{p['line']}:{p['col']} [{p['code']}] {what}: {p['message'][:160]}"
            )
    assert wrong == [], "\n".join(wrong)
    assert xss.rejected, "no payload rejected at all: the validated fields were not reached"


def test_strict_build_passes_with_every_accepted_payload(xss: XssSite) -> None:
    assert "Traceback" not in xss.build.stderr
    assert xss.build.returncode == 0, xss.build.stderr[-5000:]


def test_every_accepted_payload_is_published(xss: XssSite) -> None:
    # A strict build that fails still writes every page first (MkDocs aborts at the end):
    # read them, so that one wrongly rejected payload does not hide the others.
    assert (xss.site / "index.html").is_file(), xss.build.stderr[-3000:]
    texts = [_text(page) for page in _pages(xss.site).values()]
    raw = [html.unescape(page) for page in _pages(xss.site).values()]
    everything = "\n".join(texts)
    attributes = "\n".join(raw)
    missing = []
    for n, slot in enumerate(xss.slots):
        if n in xss.rejected:
            continue
        if slot.policy == "text":
            found = _words(slot.value) in everything
        elif slot.policy == "markdown":
            found = slot.token in everything
        else:
            found = slot.value in attributes or _words(slot.value) in everything
        if not found:
            missing.append(slot)
    by_field = Counter(s.field for s in missing)
    examples = [f"{s.path}:{s.line} {s.field}: {s.value!r}" for s in missing[:10]]
    assert not missing, f"not published, by field: {dict(by_field)}; e.g.\n" + "\n".join(examples)


def _scan(page: str) -> list[str]:
    """What the page's markup would run or load, read as a browser reads it (the WHATWG
    parsing algorithm: a title's or a textarea's text is text, a foreign element is not)."""
    found = []
    for el in html5lib.parse(page, namespaceHTMLElements=False).iter():
        if not isinstance(el.tag, str):
            continue  # a comment
        tag = el.tag.rsplit("}", 1)[-1]
        if tag in _FOREIGN:
            found.append(f"<{tag}> element")
        for name, value in el.attrib.items():
            name = name.rsplit("}", 1)[-1] if isinstance(name, str) else str(name)
            squeezed = re.sub(r"[\x00-\x20]", "", value or "")
            if name.startswith("on") or name == "srcdoc":
                found.append(f"<{tag} {name}={value!r}>")
            elif name in _URL_ATTRS and _SCHEME.match(squeezed):
                found.append(f"<{tag} {name}={value!r}>")
            elif name == "http-equiv" and value.lower() == "refresh":
                found.append(f"<{tag} http-equiv=refresh>")
        if tag == "script" and not el.get("src"):
            kind = (el.get("type") or "").lower()
            text = el.text or ""
            if kind.endswith("json"):  # data, never run: it must stay one JSON value
                try:
                    json.loads(text)
                except ValueError as exc:
                    found.append(f"{kind} script that is not JSON ({exc}): {text[:80]!r}")
            elif "__pwned" in text or "alert(" in text or "msgbox" in text:
                found.append(f"script holding {text[:80]!r}")
    return found


def test_no_page_carries_markup_from_the_data(xss: XssSite) -> None:
    """No handler attribute, no script address, no foreign element, no live payload script:
    what the data says is text in every page, the 404 page included."""
    assert (xss.site / "index.html").is_file(), xss.build.stderr[-3000:]
    found = []
    for path, page in _pages(xss.site).items():
        found += [f"{path}: {f}" for f in _scan(page)]
    assert found == [], "\n".join(found)
