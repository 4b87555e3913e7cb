"""Project folders to build: the real site, synthetic sites, and their plain twins.

Every site is configured from the real ``mkdocs.yml`` (same theme, features and Markdown
extensions), so the only difference between a site and its plain twin is the plugin: the
plain twin drops ``annotated-reader`` and publishes the same texts as Markdown pages.
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
PLUGIN = "annotated-reader"


class _Loader(yaml.SafeLoader):
    """Reads mkdocs.yml; ``!ENV [NAME, default]`` becomes its default."""


def _env(loader: yaml.SafeLoader, node: yaml.Node) -> Any:
    if isinstance(node, yaml.SequenceNode):
        return loader.construct_sequence(node)[-1]
    return None


_Loader.add_constructor("!ENV", _env)


def base_config() -> dict[str, Any]:
    data = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_Loader)
    assert isinstance(data, dict)
    for key in ("repo_url", "edit_uri"):
        if not data.get(key):
            data.pop(key, None)
    return data


def _plugin_name(entry: Any) -> str:
    return str(next(iter(entry))) if isinstance(entry, dict) else str(entry)


def write_config(
    dest: Path,
    site_name: str,
    plugin: dict[str, Any] | None,
    nav: list[Any] | None = None,
) -> None:
    """``mkdocs.yml`` like the real one; ``plugin`` None drops the plugin, else its options."""
    config = base_config()
    config["site_name"] = site_name
    theme = config.get("theme")
    if isinstance(theme, dict) and theme.get("custom_dir"):
        # The real site's theme overrides, whichever docs the project has.
        theme["custom_dir"] = str(ROOT / theme["custom_dir"])
    plugins = [p for p in config.get("plugins", []) if _plugin_name(p) != PLUGIN]
    if plugin is not None:
        plugins.append({PLUGIN: plugin} if plugin else PLUGIN)
    config["plugins"] = plugins
    if nav is not None:
        config["nav"] = nav
    dest.mkdir(parents=True, exist_ok=True)
    (dest / "mkdocs.yml").write_text(
        yaml.safe_dump(config, sort_keys=False, allow_unicode=True), encoding="utf-8"
    )


def real_project(dest: Path) -> Path:
    """A copy of the real site, built with its own mkdocs.yml."""
    if dest.exists():
        shutil.rmtree(dest)
    dest.mkdir(parents=True)
    shutil.copy2(ROOT / "mkdocs.yml", dest / "mkdocs.yml")
    for name in ("docs", "seeds", "annotations"):
        shutil.copytree(ROOT / name, dest / name)
    return dest


def real_texts() -> dict[str, tuple[str, str]]:
    """Source id → (title, verbatim text) of the real corpus."""
    out: dict[str, tuple[str, str]] = {}
    for path in sorted((ROOT / "annotations" / "sources").glob("*.yml")):
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)
        title = (data.get("metadata") or {}).get("title", {}).get("value") or path.stem
        text = (ROOT / "seeds" / data["seed"]).read_text(encoding="utf-8")
        out[path.stem] = (str(title), text)
    return out


def _markdown(title: str, text: str) -> str:
    """A text as a Markdown page: one paragraph per non-blank line, as the plugin sees it."""
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    return f"# {title}\n\n" + "\n\n".join(lines) + "\n"


def plain_project(
    dest: Path,
    texts: dict[str, tuple[str, str]],
    docs: Path,
    site_name: str,
    one_entry_nav: bool = False,
) -> Path:
    """The same texts as Markdown pages under ``sources/``, with an index page listing them.

    ``one_entry_nav`` lists only the home page and the index in the navigation (the other
    pages are still built), the plain equivalent of the plugin's ``nav_sources_limit``.
    """
    if dest.exists():
        shutil.rmtree(dest)
    shutil.copytree(docs, dest / "docs")
    pages = dest / "docs" / "sources"
    pages.mkdir(parents=True, exist_ok=True)
    index = ["# Sources", ""]
    for source_id, (title, text) in texts.items():
        (pages / f"{source_id}.md").write_text(_markdown(title, text), encoding="utf-8")
        index.append(f"- [{title}]({source_id}.md)")
    (pages / "index.md").write_text("\n".join(index) + "\n", encoding="utf-8")
    home = sorted(p.relative_to(dest / "docs").as_posix() for p in (dest / "docs").glob("*.md"))
    nav = [*home, {"Sources": "sources/index.md"}] if one_entry_nav else None
    write_config(dest, site_name, None, nav)
    return dest
