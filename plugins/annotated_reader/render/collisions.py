"""Hand-written files at the address of a generated one.

A site generator writes a page to one file whatever path it came from: with directory
addresses ``timeline.md``, ``timeline/index.md`` and ``timeline/README.md`` all become
``timeline/index.html``. A hand-written page there would silently replace the generated
one, or be replaced by it; and two addresses that differ only in case are one file on the
disks of most readers of the offline bundle (macOS, Windows). Each is an error naming both.
"""

from __future__ import annotations

from collections.abc import Mapping

from ..core.problems import Location, Problems


def collisions(generated: Mapping[str, str], written: Mapping[str, str], docs: str) -> Problems:
    """``generated`` and ``written`` map each file's path (relative to ``docs``) to the file
    the site writes it to; a hand-written file landing where a generated one does, in any
    case, is reported at its path."""
    problems = Problems()
    ours = {dest.casefold(): (path, dest) for path, dest in generated.items()}
    for path, dest in sorted(written.items()):
        found = ours.get(dest.casefold())
        if found is None:
            continue
        theirs, their_dest = found
        case = "" if dest == their_dest else f" (as '{their_dest}': they differ only in case)"
        problems.error(
            Location(f"{docs}/{path}", 1, 1),
            "docs.generated-address",
            f"{docs}/{path} would be written to '{dest}', where the plugin writes its "
            f"generated '{theirs}'{case}; rename or move {docs}/{path}",
        )
    return problems
