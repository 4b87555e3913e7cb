"""Jinja templates for the HTML the library emits; a site can override any of them.

Autoescaping is on: every value from editorial data or the sources is escaped unless it
was rendered by :mod:`markup` (which escapes on its own) and wrapped in ``Markup``.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from jinja2 import (
    ChoiceLoader,
    Environment,
    FileSystemLoader,
    PackageLoader,
    StrictUndefined,
    TemplateError,
    TemplateNotFound,
    TemplateSyntaxError,
    nodes,
)
from jinja2.loaders import split_template_path

from ..core.corpus import Paths
from ..core.files import decoded, folder_ok, refusal
from ..core.problems import Location, Problems
from .compiled import kept_templates

ASSETS = Path(__file__).parent / "assets"  # style sheets and scripts every page links


def environment(
    override_dir: Path | None = None,
    cache_dir: Path | None = None,
    broken: frozenset[str] = frozenset(),
) -> Environment:
    """One environment for a build's templates. With ``cache_dir``, compiled templates are
    kept there between builds (compiling ten templates was a tenth of the seed site's build);
    Jinja checks each against its template's source, so an edited template is recompiled."""
    loaders: list[FileSystemLoader | PackageLoader] = []
    if override_dir is not None:
        loaders.append(_NoLinks(str(override_dir), broken))
    loaders.append(PackageLoader("annotated_reader.render", "templates"))
    env = Environment(
        loader=ChoiceLoader(loaders),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=False,
        # Each build makes its own environments, so checking every template's file for
        # changes on every use (two stat calls per note) buys nothing.
        auto_reload=False,
        bytecode_cache=kept_templates(cache_dir),
    )
    return env


def project_templates(
    paths: Paths, folder: Path | None, problems: Problems
) -> tuple[Path | None, frozenset[str]]:
    """``templates_dir`` when its templates may be read: inside the project and no link
    (an error for each one that is not; a linked template is never read, see ``_NoLinks``),
    with the names of its templates that do not parse or name a template there is not (an
    error for each: the packaged template of that name is used instead)."""
    if folder is None or not folder_ok(paths, folder, problems):
        return None, frozenset()
    if not folder.exists():
        problems.error(
            Location(paths.rel(folder), 1, 1),
            "templates.missing-folder",
            "templates_dir names no folder; create it with the templates it replaces, or fix "
            "the option (the packaged templates are used meanwhile)",
        )
        return None, frozenset()
    if not folder.is_dir():
        problems.error(
            Location(paths.rel(folder), 1, 1),
            "templates.not-a-folder",
            "templates_dir is a file; give a folder of templates (named as the packaged ones "
            "they replace), or remove the option",
        )
        return None, frozenset()
    readable = []
    for path in sorted(folder.rglob("*")) if folder.is_dir() else []:
        refused = refusal(paths, path)
        if refused is not None:
            refused.report(Location(paths.rel(path), 1, 1), problems)
        elif path.suffix == ".html" and path.is_file():
            readable.append(path)
    names = {p.relative_to(folder).as_posix() for p in readable} | set(_PACKAGED.list_templates())
    broken = {
        path.relative_to(folder).as_posix()
        for path in readable
        if not _check_template(paths, folder, path, names, problems)
    }
    return folder, frozenset(broken)


# The packaged templates, for their names; and an environment that only parses.
_PACKAGED = PackageLoader("annotated_reader.render", "templates")
_PARSER = Environment(autoescape=True)


def _macros(name: str) -> set[str]:
    """The macros the packaged template ``name`` defines at its top (none if there is none):
    the pages call them, so a site's template of that name must define them too."""
    try:
        source, _, _ = _PACKAGED.get_source(_PARSER, name)
    except TemplateNotFound:
        return set()
    return {m.name for m in _PARSER.parse(source).body if isinstance(m, nodes.Macro)}


def _check_template(
    paths: Paths, folder: Path, path: Path, names: set[str], problems: Problems
) -> bool:
    """A site's template parses and names only templates there are: said at its line as
    the corpus loads, not as a traceback while a page is made."""
    rel = paths.rel(path)
    try:
        source = decoded(rel, path.read_bytes(), problems, "templates")
        if source is None:
            return False
        tree = _PARSER.parse(source, path.relative_to(folder).as_posix())
        _PARSER.compile(tree)  # what only compiling finds: a filter or test there is not
    except OSError as exc:
        problems.error(Location(rel, 1, 1), "templates.unreadable", f"cannot read it: {exc}")
        return False
    except TemplateSyntaxError as exc:
        problems.error(
            Location(rel, exc.lineno or 1, 1),
            "templates.syntax",
            f"template syntax error: {(exc.message or '').rstrip('.')}; fix it, or delete the file to use the "
            "packaged template of that name",
        )
        return False
    sound = True
    own = path.relative_to(folder).as_posix()
    for test in tree.find_all(nodes.Test):  # compiling finds unknown filters, not tests
        if test.name not in _PARSER.tests:
            problems.error(
                Location(rel, test.lineno, 1),
                "templates.syntax",
                f"template syntax error: no test named '{test.name}'; fix it, or delete the "
                "file to use the packaged template of that name",
            )
            sound = False
    missing = sorted(_macros(own) - {m.name for m in tree.body if isinstance(m, nodes.Macro)})
    if missing:
        problems.error(
            Location(rel, 1, 1),
            "templates.missing-macro",
            f"the packaged {own} defines the macro(s) {', '.join(missing)}, which the pages "
            "call and this one does not; copy the packaged template and change the copy",
        )
        sound = False
    for node in tree.find_all((nodes.Extends, nodes.Include, nodes.Import, nodes.FromImport)):
        named = getattr(node, "template", None)
        if isinstance(named, nodes.Const) and isinstance(named.value, str):
            if named.value == own:
                problems.error(
                    Location(rel, node.lineno, 1),
                    "templates.itself",
                    f"the template names itself ('{named.value}'), which never ends; copy "
                    "the packaged template of that name and change the copy",
                )
                sound = False
            elif named.value not in names:
                problems.error(
                    Location(rel, node.lineno, 1),
                    "templates.unknown",
                    f"the template names '{named.value}', which is neither in templates_dir "
                    "nor a packaged template (a path out of the folder is never followed); "
                    f"name one of: {', '.join(sorted(names))}",
                )
                sound = False
    return sound


class _NoLinks(FileSystemLoader):
    """A site's templates, refusing any that is a symbolic link or is broken (the packaged
    one is used; :func:`project_templates` has reported it)."""

    def __init__(self, folder: str, broken: frozenset[str]) -> None:
        super().__init__(folder)
        self.broken = broken  # reported by project_templates: the packaged one is used

    def get_source(
        self, environment: Environment, template: str
    ) -> tuple[str, str, Callable[[], bool]]:
        if template in self.broken:
            raise TemplateNotFound(template)
        for folder in self.searchpath:
            if Path(folder, *split_template_path(template)).is_symlink():
                raise TemplateNotFound(template)
        return super().get_source(environment, template)


def template_failure(exc: BaseException, root: Path) -> str | None:
    """What a template that failed as a page was made did wrong, at its line (a variable it
    names that no page gives it, a division by zero: what parsing cannot tell), for the
    build to stop with instead of a traceback; None when the error is not a template's."""
    where, line = "", 1
    trace = exc.__traceback__
    while trace is not None:  # Jinja gives each template line a frame of its own
        name = trace.tb_frame.f_code.co_filename
        if name.endswith(".html"):
            where, line = name, trace.tb_lineno
            # A macro called from Python (a cut page's parts) runs the compiled code itself,
            # whose line is the generated module's: the template maps it back
            compiled = trace.tb_frame.f_globals.get("__jinja_template__")
            if compiled is not None:
                line = compiled.get_corresponding_lineno(line)
        trace = trace.tb_next
    if not where and not isinstance(exc, TemplateError):
        return None
    path = Path(where)
    shown = path.relative_to(root).as_posix() if path.is_relative_to(root) else path.name
    what = exc.message if isinstance(exc, TemplateError) else f"{type(exc).__name__}: {exc}"
    return (
        f"{shown or 'a template'}:{line}:1: error: [templates.render] "
        f"{(what or type(exc).__name__).rstrip('.')}; fix the template, or delete it from "
        "templates_dir to use the packaged one"
    )
