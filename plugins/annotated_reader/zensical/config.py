"""Zensical's configuration, generated from the project's ``mkdocs.yml``.

``mkdocs.yml`` stays the one configuration: the site's name, address, theme, palette,
Markdown extensions and extra style sheets and scripts are carried over as written; what
the plugin does inside MkDocs is done here instead: the generated pages are files of the
docs folder, their style sheets and scripts are listed, and the navigation the plugin
orders is written out (unless ``nav:`` gives the editor's own).
"""

from __future__ import annotations

from typing import Any

from ..docsfolder.markdown_toc import MODULE
from ..docsfolder.project import PLUGIN, Project
from ..render.generated import GeneratedSite

# Settings Zensical reads as MkDocs does, carried over unchanged.
CARRIED = (
    "site_name",
    "site_description",
    "site_author",
    "site_url",
    "repo_url",
    "repo_name",
    "edit_uri",
    "copyright",
    "use_directory_urls",
    "extra",
    "markdown_extensions",
    "exclude_docs",
    "not_in_nav",
    "validation",
)


def zensical_config(
    project: Project, site: GeneratedSite, written: list[str], sources_limit: int
) -> dict[str, Any]:
    """The configuration for building the rendered docs folder (``docs``, beside it) into
    ``site``; ``written`` lists the hand-written files copied into it."""
    config = project.config
    out: dict[str, Any] = {k: config[k] for k in CARRIED if config.get(k) not in (None, "")}
    theme = config.get("theme") or {}
    theme = {"name": theme} if isinstance(theme, str) else dict(theme)
    # A custom_dir holds copies of Material's own templates (this project's: two of them,
    # corrected for the HTML checker); Zensical renders with templates of its own, which a
    # copy of Material's would replace. The theme's settings (palette, features, fonts
    # off, language) carry over.
    theme.pop("custom_dir", None)
    out["theme"] = theme
    # A generated page's headings are in raw HTML, which Python-Markdown's toc never reads:
    # this extension (put on Zensical's path) hands it the page's entries instead.
    out["markdown_extensions"] = [*(config.get("markdown_extensions") or []), MODULE]
    out["docs_dir"] = "docs"
    out["site_dir"] = "site"
    out["extra_css"] = [*(config.get("extra_css") or []), *site.stylesheets()]
    out["extra_javascript"] = [*(config.get("extra_javascript") or []), *site.scripts()]
    out["plugins"] = [p for p in _plugins(config) if p != PLUGIN and not _named(p, PLUGIN)]
    out["nav"] = config.get("nav") or site.nav(written, sources_limit)
    return out


def _plugins(config: dict[str, Any]) -> list[Any]:
    plugins = config.get("plugins") or []
    if isinstance(plugins, dict):
        return [{k: v} for k, v in plugins.items()]
    return list(plugins)


def _named(entry: Any, name: str) -> bool:
    return isinstance(entry, dict) and list(entry) == [name]
