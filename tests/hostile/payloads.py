"""Script payloads an attacker can put in any editor-controlled field.

Every payload that runs sets ``window.__pwned`` or opens a dialog, so a browser can tell
that it ran. Grouped by the trick each tries; the browser test counts executions, not
strings, so a payload that slips past every check below still gets caught.
"""

from __future__ import annotations

import re

P = "window.__pwned=1"

# What the loader refuses in any text, free text too (``yamlsrc``): control characters but
# tab and line feed, and lone surrogates. Reported at the line; published once taken out.
REFUSED = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff]")

SCRIPT_TAGS = [
    f"<script>{P}</script>",
    f"<SCRIPT>{P}</SCRIPT>",
    f"<ScRiPt>{P}</sCrIpT>",
    f"<script src=data:,{P}></script>",
    f"<script/x>{P}</script>",
    f"<scr<script>ipt>{P}</scr</script>ipt>",
    f"<<script>script>{P}<</script>/script>",
    f"<script\n>{P}</script\n>",
    "<script>alert(1)</script>",
    f"<svg><script>{P}</script></svg>",
    f"<script type=module>{P}</script>",
    f"＜script＞{P}＜/script＞",
]

EVENT_HANDLERS = [
    f"<img src=x onerror={P}>",
    f"<img src=x oNeRrOr={P}>",
    f"<img/src/onerror={P}>",
    f'<img src="x"/onerror="{P}">',
    '<img src=x onerror="&#119;indow.__pwned=1">',
    "<img src=x:alert(1) onerror=eval(src)>",
    f"<svg onload={P}>",
    f"<svg/onload={P}>",
    f"<body onload={P}>",
    f"<details open ontoggle={P}>",
    f"<input autofocus onfocus={P}>",
    f"<select autofocus onfocus={P}></select>",
    f"<textarea autofocus onfocus={P}></textarea>",
    f"<video><source onerror={P}></video>",
    f"<audio src=x onerror={P}>",
    '<iframe srcdoc="<script>parent.__pwned=1</script>">',
    f"<marquee onstart={P}>x</marquee>",
    f"<a onmouseover={P}>hover me</a>",
    f"<div onpointerenter={P}>point here</div>",
    f"<x onclick={P}>click me</x>",
    f"<x contenteditable onblur={P}>edit me</x>",
    f"<style onload={P}></style>",
    f"<object data=javascript:{P}>",
    f"<embed src=javascript:{P}>",
    f"<form><button formaction=javascript:{P}>go</button></form>",
    f"<svg><animate onbegin={P} attributeName=x dur=1s>",
    f"<img srcset=x onerror={P}>",
    f"<image src=x onerror={P}>",
]

URLS = [
    f"javascript:{P}",
    f"JaVaScRiPt:{P}",
    f"JAVASCRIPT:{P}",
    f" javascript:{P}",
    f"\tjavascript:{P}",
    f"java\tscript:{P}",
    f"java\nscript:{P}",
    f"&#106;avascript:{P}",
    f"&#x6A;avascript:{P}",
    f"javascript&colon;{P}",
    f"%6A%61vascript:{P}",
    f"jav&#x09;ascript:{P}",
    f"javascript://%0a{P}",
    f"\x01javascript:{P}",
    f"data:text/html,<script>{P}</script>",
    "DATA:text/html;base64,PHNjcmlwdD53aW5kb3cuX19wd25lZD0xPC9zY3JpcHQ+",
    "vbscript:msgbox(1)",
    "VBScript:msgbox(1)",
    f'https://example.org/"onmouseover="{P}',
    f"https://example.org/'onmouseover='{P}",
    f'https://example.org/"><script>{P}</script>',
]

MARKDOWN = [
    f"[click](javascript:{P})",
    f"[click](JaVaScRiPt:{P})",
    f"[click](&#106;avascript:{P})",
    f"[click](java%0ascript:{P})",
    f"[click](<javascript:{P}>)",
    f"[click]( javascript:{P})",
    f"[click](data:text/html,<script>{P}</script>)",
    "[click](vbscript:msgbox(1))",
    f"<javascript:{P}>",
    f"![img](javascript:{P})",
    f'![img](https://example.org/x.png" onerror="{P})',
    f"[click][r]\n\n[r]: javascript:{P}",
    f'[click](https://example.org "t\\" onmouseover=\\"{P}")',
    f'<https://example.org/"onmouseover="{P}>',
    f"[<img src=x onerror={P}>](https://example.org)",
    f"`<script>{P}</script>`",
    f"```\n<script>{P}</script>\n```",
    f"<div>\n<script>{P}</script>\n</div>",
    f"<details><summary>x</summary><script>{P}</script></details>",
    f"[[source:x001|<img src=x onerror={P}>]]",
]

ATTR_LIST = [
    f'{{: onclick="{P}" }}',
    f"text {{: onmouseover={P} }}",
    f"{{#x onclick={P}}}",
    f'{{: .x onfocus="{P}" tabindex=0 }}',
]

BREAKOUTS = [
    f'"><script>{P}</script>',
    f"'><script>{P}</script>",
    f'" onmouseover="{P}',
    f"' onfocus='{P}' autofocus '",
    f"</title><script>{P}</script>",
    f"</script><script>{P}</script>",
    f"</style><script>{P}</script>",
    f"</textarea><script>{P}</script>",
    f"</noscript><img src=x onerror={P}>",
    f"</template><script>{P}</script>",
    f"--><script>{P}</script>",
    f"<!--<script>{P}</script>-->",
    f"]]><script>{P}</script>",
    f"</a><script>{P}</script>",
    f"</mark><script>{P}</script>",
    f"</li></ol></aside><script>{P}</script>",
    f"</xmp><script>{P}</script>",
    f"</iframe><script>{P}</script>",
    f"</noembed><script>{P}</script>",
    f'<a href="javascript:{P}">x</a>',
    '<base href="javascript:/">',
    f'<meta http-equiv="refresh" content="0;url=javascript:{P}">',
]

MXSS = [
    f"<svg><p><style><img src=x onerror={P}>",
    f"<math><mtext><table><mglyph><style><img src=x onerror={P}>",
    f'<noscript><p title="</noscript><img src=x onerror={P}>">',
    f"<template><script>{P}</script></template>",
    f'<svg></p><style><a id="</style><img src=1 onerror={P}>">',
    f"<form><math><mtext></form><form><mglyph><style></math><img src onerror={P}>",
    f'<xmp><p title="</xmp><img src=x onerror={P}>">',
    f"<svg><a><animate attributeName=href values=javascript:{P} /><text x=20 y=20>X</text></a></svg>",
]

TEMPLATES = [
    "{{7*7}}",
    "{{constructor.constructor('window.__pwned=1')()}}",
    "{% raw %}{{7*7}}{% endraw %}",
    "{%print(7*7)%}",
    "{{ config }}",
    "${window.__pwned=1}",
    "#{7*7}",
    "<%= 7*7 %>",
    "{{self.__init__.__globals__}}",
    "{{''.__class__.__mro__}}",
]

JSON_BREAKOUTS = [
    f'"}}]</script><script>{P}</script>',
    f"\u2028{P}",
    f"\u2029{P}",
    f"'}};{P};//",
    f'"}};{P};//',
    f'\\"}};{P};//',
    f"</script ><script>{P}</script>",
    f"\\x3cscript\\x3e{P}\\x3c/script\\x3e",
    f"\\u003cscript\\u003e{P}\\u003c/script\\u003e",
]

ENTITIES = [
    f"&lt;script&gt;{P}&lt;/script&gt;",
    f"&#60;script&#62;{P}&#60;/script&#62;",
    f"&#x3C;img src=x onerror={P}&#x3E;",
    f"&amp;lt;script&amp;gt;{P}&amp;lt;/script&amp;gt;",
    f"%3Cscript%3E{P}%3C/script%3E",
    f"&lt;img src=x onerror={P}&gt;",
]

# Ids a note, term or event may really have (the id grammar allows them): names that
# mean something to JavaScript objects and to HTML.
IDS = ["constructor", "prototype", "tostring", "hasownproperty", "valueof", "script", "onerror"]

PAYLOADS = (
    SCRIPT_TAGS
    + EVENT_HANDLERS
    + URLS
    + MARKDOWN
    + ATTR_LIST
    + BREAKOUTS
    + MXSS
    + TEMPLATES
    + JSON_BREAKOUTS
    + ENTITIES
    + IDS
)
