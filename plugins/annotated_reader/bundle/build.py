"""The offline bundle: the site built to be opened from disk, zipped the same way every time.

``python -m annotated_reader.bundle.build`` (``make bundle``) does five things:

1. builds ``mkdocs.offline.yml`` — the hosted configuration plus Material's ``offline`` plugin,
   with ``.html`` addresses — by running MkDocs as a command (this library imports nothing
   from MkDocs);
2. copies iframe-worker's shim, installed by npm, to the address that configuration lists
   among its polyfills: Material's offline plugin loads the shim from a CDN unless one is
   listed, and without it search cannot start its worker under ``file://``;
3. leaves out the pages only a web server shows (``404.html``: a server sends it for an
   address it has no file for, with root-absolute links so that it works at any depth; from
   disk nothing opens it, and opened by hand its links would point at the disk's root);
4. refuses a site that loads anything from another machine or links to a missing file
   (:mod:`annotated_reader.bundle.check`);
5. writes one zip holding one folder named after the site (``site_name`` made an id, then
   ``-offline``: ``union-state-reader-offline/``), whose ``index.html`` is the home page.
   Entries are sorted and dated ``SOURCE_DATE_EPOCH``, so the same input gives the same
   bytes. The zip is named the same way unless ``--output`` says otherwise.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import time
import zipfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import yaml

from ..core.fields import slug
from .check import broken_local, outside_loads

SHIM_IN_PACKAGE = Path("iframe-worker") / "shim" / "index.js"
_ZIP_EPOCH_MIN = 315532800  # 1980-01-01, the earliest date a zip entry can hold
SERVER_ONLY = ("404.html",)  # pages a web server shows by itself; none opens from disk


class BundleError(Exception):
    """A bundle that cannot be built; the message says what to do."""


def shim_address(config_file: Path) -> str:
    """Where the offline configuration loads the search shim from (site-relative)."""
    data = yaml.safe_load(config_file.read_text(encoding="utf-8")) or {}
    polyfills = (data.get("extra") or {}).get("polyfills") or []
    for item in polyfills:
        url = item if isinstance(item, str) else (item or {}).get("path", "")
        if "iframe-worker" in url:
            if "://" in url or url.startswith("/"):
                raise BundleError(
                    f"{config_file.name}: the iframe-worker polyfill must be a path inside the "
                    f"site, not {url!r}"
                )
            return str(url)
    raise BundleError(
        f"{config_file.name}: list the search shim under extra.polyfills (a path holding "
        "'iframe-worker'), or Material's offline plugin loads it from a CDN"
    )


class _ConfigLoader(yaml.SafeLoader):
    """MkDocs' configuration as plain YAML: a tag (``!ENV [NAME, default]``,
    ``!!python/name:…``) is read as its default or as nothing, never obeyed."""


def _untagged(loader: yaml.SafeLoader, suffix: str, node: yaml.Node) -> Any:
    if isinstance(node, yaml.SequenceNode):
        items = loader.construct_sequence(node)
        return items[-1] if items else None
    return loader.construct_scalar(node) if isinstance(node, yaml.ScalarNode) else None


_ConfigLoader.add_multi_constructor("!", _untagged)
_ConfigLoader.add_multi_constructor("tag:yaml.org,2002:python/", _untagged)


def site_name(config_file: Path) -> str:
    """``site_name`` of an MkDocs configuration, following ``INHERIT``."""
    for _ in range(10):  # a chain of parents is short; a loop of them is not followed forever
        data = yaml.load(config_file.read_text(encoding="utf-8"), Loader=_ConfigLoader) or {}
        if isinstance(data, dict) and isinstance(data.get("site_name"), str):
            return str(data["site_name"])
        parent = data.get("INHERIT") if isinstance(data, dict) else None
        if not isinstance(parent, str):
            break
        config_file = config_file.parent / parent
    raise BundleError(f"{config_file.name}: no site_name, which names the bundle's folder")


def folder_name(name: str) -> str:
    """The bundle's folder (and default zip name) for a site called ``name``."""
    return f"{slug(name) or 'site'}-offline"


def build_site(config_file: Path, site_dir: Path, *, strict: bool = True) -> None:
    """Run ``mkdocs build`` on ``config_file``; its messages go straight to the terminal."""
    cmd = [sys.executable, "-m", "mkdocs", "build", "--clean", "-f", str(config_file)]
    cmd += ["--site-dir", str(site_dir)] + (["--strict"] if strict else [])
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    if subprocess.run(cmd, cwd=config_file.parent, env=env, check=False).returncode != 0:
        raise BundleError(f"mkdocs build -f {config_file.name} failed (its messages are above)")


def install_shim(site_dir: Path, node_modules: Path, address: str) -> Path:
    """Copy the npm package's shim into the built site at ``address``."""
    shim = node_modules / SHIM_IN_PACKAGE
    if not shim.is_file():
        raise BundleError(
            f"{shim} is missing: install the build tools with `make bundle` "
            "(npm ci in build/npm from tools/npm/package-lock.json)"
        )
    dest = site_dir / address
    dest.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(shim, dest)
    return dest


def check_offline(site_dir: Path) -> None:
    """Fail with every outside load and every broken local link, not just the first."""
    problems = [f"loads from outside: {r}" for r in outside_loads(site_dir)]
    problems += [f"broken link: {r}" for r in broken_local(site_dir)]
    if problems:
        shown = "\n  ".join(problems[:50])
        more = f"\n  … and {len(problems) - 50} more" if len(problems) > 50 else ""
        raise BundleError(f"the offline site would not work from disk:\n  {shown}{more}")


def zip_epoch() -> int:
    try:
        epoch = int(os.environ.get("SOURCE_DATE_EPOCH", "0"))
    except ValueError:
        epoch = 0
    return max(epoch, _ZIP_EPOCH_MIN)


def write_zip(site_dir: Path, zip_path: Path, folder: str) -> Path:
    """Zip ``site_dir`` as ``folder/…``: sorted entries, fixed dates and modes."""
    stamp = time.gmtime(zip_epoch())[:6]
    zip_path.parent.mkdir(parents=True, exist_ok=True)
    tmp = zip_path.with_name(zip_path.name + ".part")
    with zipfile.ZipFile(tmp, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as zf:
        for path in sorted(p for p in site_dir.rglob("*") if p.is_file()):
            info = zipfile.ZipInfo(f"{folder}/{path.relative_to(site_dir).as_posix()}", stamp)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            info.create_system = 3  # Unix, so the mode above is read as one
            zf.writestr(info, path.read_bytes(), compresslevel=9)
    tmp.replace(zip_path)
    return zip_path


def offline_config(root: Path, config_name: str) -> Path:
    """The offline configuration, or what to do when the project has none."""
    config_file = root / config_name
    if not config_file.is_file():
        raise BundleError(
            f"{config_file}: no such file. It is the site's configuration built for file:// "
            "(INHERIT: mkdocs.yml, use_directory_urls: false, Material's offline plugin and "
            "the iframe-worker polyfill); `annotated-reader init` writes one in every new "
            "project: copy it from there, or give its name with --config"
        )
    return config_file


def make_bundle(
    root: Path,
    output: Path,
    node_modules: Path,
    *,
    config_name: str = "mkdocs.offline.yml",
    work: Path | None = None,
    strict: bool = True,
) -> Path:
    """Build, check and zip the offline site of the project at ``root``; returns the zip."""
    config_file = offline_config(root, config_name)
    address = shim_address(config_file)
    folder = folder_name(site_name(config_file))
    site_dir = (work or root / "build" / "offline") / folder
    build_site(config_file, site_dir, strict=strict)
    install_shim(site_dir, node_modules, address)
    for name in SERVER_ONLY:
        (site_dir / name).unlink(missing_ok=True)
    check_offline(site_dir)
    return write_zip(site_dir, output, folder)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m annotated_reader.bundle.build",
        description="Build the offline HTML bundle: a zip of the site that works from file://.",
    )
    parser.add_argument("--root", default=".", help="folder holding mkdocs.offline.yml")
    parser.add_argument("--config", default="mkdocs.offline.yml", help="offline configuration")
    parser.add_argument("--output", help="the zip to write (default: dist/<site name>-offline.zip)")
    parser.add_argument(
        "--node-modules",
        default="build/npm/node_modules",
        help="npm folder holding iframe-worker (make bundle installs it)",
    )
    parser.add_argument("--work", default="build/offline", help="where the site is built")
    parser.add_argument(
        "--no-strict",
        dest="strict",
        action="store_false",
        help="build even when the editorial data has warnings (a preview, not a release)",
    )
    args = parser.parse_args(argv)
    root = Path(args.root).resolve()
    try:
        folder = folder_name(site_name(offline_config(root, args.config)))
        output = args.output or f"dist/{folder}.zip"
        out = make_bundle(
            root,
            (root / output).resolve(),
            (root / args.node_modules).resolve(),
            config_name=args.config,
            work=(root / args.work).resolve(),
            strict=args.strict,
        )
    except (BundleError, OSError, yaml.YAMLError) as exc:
        print(f"bundle: {exc}", file=sys.stderr)
        return 1
    print(f"bundle: wrote {out} — unzip it anywhere and open {folder}/index.html")
    return 0


if __name__ == "__main__":
    sys.exit(main())
