"""The reader's choice of where notes go, applied before the text is first laid out.

margin.js keeps the choice (margin, under each paragraph, hidden) in localStorage and sets it
as classes of the text and its article. Set only once the page has loaded, each class change
restyles the whole text and lays out the article again inside the task that opens the page
(measured: 80 of 165 ms with the CPU throttled 4x). This inline script, the text's first
child, sets the same classes while the parser is still at the text's start, so the first
layout is already in the reader's mode and margin.js finds nothing to change; it ticks the
mode in the page's controls (above it, already parsed), which would otherwise show the
default until margin.js runs. It must agree with margin.js on the key, the modes and the
wide screen's width.
"""

from __future__ import annotations

import json

KEY = "annotated-reader:notes"
# Where notes go, as margin.js names them and the page's controls label them; the first is
# the default.
MODES = (("margin", "In the margin"), ("under", "Under each paragraph"), ("hidden", "Hidden"))
WIDE = "(min-width: 76.25em)"

MODE_SCRIPT = (
    '<script>(function(t){if(!t)return;var m="margin";try{var v=JSON.parse('
    f'localStorage.getItem("{KEY}")||"null");'
    f"if(v&&{json.dumps([m for m, _ in MODES], separators=(',', ':'))}.indexOf(v.mode)>=0)m=v.mode}}"
    "catch(e){}"
    't.classList.add("ar-notes-"+m);'
    'var r=document.getElementById("ar-mode-"+m);if(r)r.checked=true;'
    f'if(m==="margin"&&window.matchMedia&&matchMedia("{WIDE}").matches)'
    '(t.closest("article")||t.parentNode).classList.add("ar-margin-on")'
    "})(document.currentScript&&document.currentScript.parentNode)</script>"
)
