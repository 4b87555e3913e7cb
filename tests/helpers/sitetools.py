"""Helpers for the bundle, accessibility, print and layout tests: npm tools, axe, contrast."""

from __future__ import annotations

import filecmp
import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

from helpers.project import ROOT

NPM_SRC = ROOT / "tools" / "npm"
NPM_DIR = ROOT / "build" / "npm"
NODE_MODULES = NPM_DIR / "node_modules"
STAMP = NODE_MODULES / ".installed"


def node_modules() -> Path:
    """The pinned npm packages (tools/npm), installed with ``npm ci`` into build/npm.

    ``make test`` installs them first; this does the same when the tests run on their own
    (or when the lock file changed since), so a bare ``pytest`` works too.
    """
    lock = NPM_SRC / "package-lock.json"
    fresh = (
        STAMP.is_file()
        and (NPM_DIR / "package-lock.json").is_file()
        and filecmp.cmp(lock, NPM_DIR / "package-lock.json", shallow=False)
    )
    if not fresh:
        npm = shutil.which("npm")
        if npm is None:
            raise RuntimeError("npm is missing: run `make test`, which installs it")
        NPM_DIR.mkdir(parents=True, exist_ok=True)
        for name in ("package.json", "package-lock.json"):
            shutil.copyfile(NPM_SRC / name, NPM_DIR / name)
        subprocess.run(
            [npm, "ci", "--ignore-scripts", "--no-audit", "--no-fund"],
            cwd=NPM_DIR,
            check=True,
            capture_output=True,
        )
        STAMP.touch()
    return NODE_MODULES


def settle(page: Any) -> None:
    """Wait until every CSS transition and finite animation on the page has ended: halfway
    through a colour's transition, its contrast is neither the colour before nor after. Two
    frames first: a scroll moves the text under a resting pointer, and the hover transition
    that starts then is only listed at the next frame (a CI run met one halfway)."""
    page.evaluate(
        """() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))
            .then(() => Promise.all(document.getAnimations()
            .filter(a => a.effect && a.effect.getComputedTiming().endTime !== Infinity)
            .map(a => a.finished.catch(() => null))))"""
    )


# Rules whose "needs review" results count as violations. axe cannot be sure that aria-label on
# an element without a role is ignored (some screen readers read it); the W3C checker rejects
# it outright, and a name that only some readers hear is no name.
AXE_CERTAIN = ("aria-prohibited-attr",)


def axe_violations(page: Any, within: tuple[str, ...] = ()) -> list[str]:
    """Every violation axe-core finds on the page as it is now, of any impact, one line each.

    All the rules axe runs by default (WCAG 2.x A and AA, and its best practices), minor
    ones included: a reader who meets a "minor" problem meets it on every page; and the
    rules of ``AXE_CERTAIN`` when axe asks for review. ``within`` limits the run to the
    elements those selectors name. The page is checked once it has settled (:func:`settle`).
    """
    if not page.evaluate("typeof window.axe === 'object'"):
        page.add_script_tag(path=str(node_modules() / "axe-core" / "axe.min.js"))
    settle(page)
    result = page.evaluate(
        """async ([within, certain]) => {
            const where = within.length ? {include: within.map(s => [s])} : document;
            const r = await axe.run(where, {resultTypes: ["violations", "incomplete"]});
            const sure = r.incomplete.filter(v => certain.includes(v.id));
            return r.violations.concat(sure).map(v => ({id: v.id, impact: v.impact, help: v.help,
                nodes: v.nodes.map(n => n.target.join(" ") + " — " + n.failureSummary)}));
        }""",
        [list(within), list(AXE_CERTAIN)],
    )
    return [
        f"[{v['impact']}] {v['id']}: {v['help']}\n    " + "\n    ".join(v["nodes"][:5])
        for v in result
    ]


_RGB = re.compile(r"rgba?\(([\d.]+),\s*([\d.]+),\s*([\d.]+)(?:,\s*([\d.]+))?\)")


def rgb(css: str) -> tuple[float, float, float, float]:
    """A computed colour (``rgb(…)`` or ``rgba(…)``) as r, g, b in 0–255 and alpha."""
    m = _RGB.fullmatch(css.strip())
    if not m:
        raise ValueError(f"not a computed colour: {css!r}")
    return (float(m[1]), float(m[2]), float(m[3]), float(m[4]) if m[4] else 1.0)


def luminance(color: tuple[float, float, float, float]) -> float:
    """WCAG 2 relative luminance."""

    def channel(c: float) -> float:
        c /= 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b, _ = color
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)


def contrast(a: tuple[float, float, float, float], b: tuple[float, float, float, float]) -> float:
    """WCAG 2 contrast ratio of two opaque colours (1 to 21)."""
    la, lb = sorted((luminance(a), luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def grey(color: tuple[float, float, float, float]) -> tuple[float, float, float, float]:
    """The colour as a greyscale printer renders it (same luminance)."""
    y = luminance(color)
    v = 255 * (12.92 * y if y <= 0.0031308 else 1.055 * y ** (1 / 2.4) - 0.055)
    return (v, v, v, 1.0)


def route_offline(context: Any) -> list[str]:
    """Abort every request that is not ``file:``; returns the list where they are recorded."""
    outside: list[str] = []

    def handle(route: Any) -> None:
        url = route.request.url
        if url.startswith("file:"):
            route.continue_()
        else:
            outside.append(url)
            route.abort()

    def seen(request: Any) -> None:
        if not request.url.startswith(("file:", "data:", "about:", "blob:")):
            outside.append(request.url)

    context.route("**/*", handle)
    context.on("request", seen)  # also what a route might not see (workers, frames)
    return outside
