"""JSON that can sit inside a ``<script>`` element or be loaded as a script.

Editorial text reaches the term previews and a cut page's index as JSON; written this way,
no value can close the element it sits in, whatever it holds.
"""

from __future__ import annotations

import json


def script_json(data: object, separators: tuple[str, str]) -> str:
    """``data`` as JSON that is inert inside any HTML context (a ``<script>`` element) and
    valid JavaScript on every engine."""
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=separators)
    for char, escaped in (("<", "\\u003c"), ("\u2028", "\\u2028"), ("\u2029", "\\u2029")):
        text = text.replace(char, escaped)
    return text
