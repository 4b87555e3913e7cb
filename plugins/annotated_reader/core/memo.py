"""Work that depends only on some inputs' bytes, kept between builds in the cache folder.

An editor who saves one file every minute rebuilds a corpus whose other files did not
change: their YAML parse with line marks, their notes' rendered Markdown and where the
glossary's terms occur in them are the same as last time. Each result is one small JSON
file in the cache folder (``yaml/<key>.json``), its key a hash of exactly what it depends
on: its input text, the library's own code and the versions of the libraries that shape
it. A build reads only the results it asks for, writes each new one as it is made (so a
worker process writes its own), and at the end deletes the ones it did not use: an edit
replaces one file, never a whole store, and the folder holds what the corpus uses.

The cache folder is a plain folder of the project, and a file put there (committed in a
pull request, say) must neither run code nor change a page behind a reviewer's back. So
every key is made with a secret of this machine's user, kept outside the project
(:func:`local_secret`): a file written by anyone else matches no key and is deleted at the
end of the build. Each file carries a seal (an HMAC with the same secret) of its key and
body, checked before the body is read. Results are JSON; only a loaded source file, a tree
of the library's own records that JSON would make slow to rebuild, is a pickle
(``sources/<key>.pickle``), read only once its seal matches — as Jinja's compiled templates
are. A result that cannot be read or is not of the
expected shape is worked out again and written anew, with a note (the adapters log it as
INFO); a folder that cannot be written only costs the next build its time.

An adapter that builds again and again in one process (``mkdocs serve``, on every save)
also keeps, in memory, what its builds made of these results (:class:`Recalled`): a YAML
file's tree with its line marks, a note's rendering. The next build takes those as they are,
without reading, checking and decoding the file again. They are kept under the same keys,
so a changed input misses them just as it misses the file, and only for the results the
last build used. Their users read them and never change them.
"""

from __future__ import annotations

import contextlib
import hashlib
import hmac
import importlib.util
import json
import os
import pickle
import re
import secrets
import stat
import sys
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, Protocol, TypeVar


class Sound(Protocol):
    """A result kept pickled that can tell whether it has its own shape."""

    def sound(self) -> bool: ...


T = TypeVar("T", bound=Sound)


def list_of(items: object, kind: type | tuple[type, ...]) -> bool:
    """Whether ``items`` is a list of ``kind`` (for :meth:`Sound.sound`)."""
    return isinstance(items, list) and all(isinstance(item, kind) for item in items)


PACKAGE = Path(__file__).resolve().parents[1]  # the library: its code is part of every key
FORMAT = 1


@lru_cache(maxsize=1)
def code_version() -> str:
    """A hash of the library's Python files and of the libraries that shape its results:
    any edit to the code (a release, or a developer's working copy) makes new keys."""
    digest = hashlib.sha256(f"{FORMAT}\0{sys.version_info[:2]}".encode())
    for name in ("markdown_it", "yaml", "jinja2"):  # their versions, read without importing
        spec = importlib.util.find_spec(name)
        origin = spec.origin if spec is not None else None
        digest.update(f"\0{name}\0".encode() + (Path(origin).read_bytes() if origin else b""))
    digest.update(b"\0libyaml" if importlib.util.find_spec("yaml._yaml") else b"\0pure")
    for path in sorted(PACKAGE.rglob("*.py")):
        digest.update(b"\0" + path.relative_to(PACKAGE).as_posix().encode() + b"\0")
        digest.update(path.read_bytes())
    return digest.hexdigest()


def secret_file() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "annotated-reader" / "secret"


@lru_cache(maxsize=1)
def local_secret() -> str | None:
    """This user's secret for cache keys (made on first use, readable by the user alone),
    or None when there is nowhere to keep one: then nothing is cached."""
    path = secret_file()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        try:
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        except FileExistsError:
            pass
        else:
            with os.fdopen(fd, "w", encoding="ascii") as out:
                out.write(secrets.token_hex(32))
        secret = path.read_text(encoding="ascii").strip()
    except (OSError, ValueError):
        return None
    return secret if len(secret) >= 32 else None


# Larger than any result a build keeps (the kept site, at 1,000 sources, is some 70 MB).
MAX_KEPT_BYTES = 1 << 30


def read_kept(path: Path) -> bytes:
    """The bytes of a kept file, read only if it is a plain file of at most
    ``MAX_KEPT_BYTES``: a link, a FIFO (which would wait for a writer forever) or a device
    (``/dev/zero`` never ends) put in its place raises OSError, as a file not found does."""
    handle = os.open(path, os.O_RDONLY | _NONBLOCK | _NOFOLLOW)
    with open(handle, "rb") as kept:
        info = os.fstat(handle)
        if not stat.S_ISREG(info.st_mode):
            raise OSError(f"{path.name} is not a plain file")
        data = kept.read(MAX_KEPT_BYTES + 1)
    if len(data) > MAX_KEPT_BYTES:
        raise OSError(f"{path.name} is larger than any kept result")
    return data


_NONBLOCK = getattr(os, "O_NONBLOCK", 0)
_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)


def unlinked(folder: Path) -> bool:
    """Whether no part of ``folder``'s path is a link: a cache folder that is one (a link
    committed as ``.cache``, say) would have builds write, and delete, files elsewhere."""
    return folder.resolve() == Path(os.path.abspath(folder))


def secret_tag() -> str | None:
    """A name part for cache files that only this user's builds, with this code, can guess
    (Jinja's compiled templates, which depend on the code that configures Jinja)."""
    secret = local_secret()
    if secret is None:
        return None
    return hashlib.sha256(f"tag\0{secret}\0{code_version()}".encode()).hexdigest()[:24]


def seal(data: bytes | memoryview) -> bytes | None:
    """A mark of ``data`` that only this user's builds can make (an HMAC with the secret):
    a kept file whose mark does not match was not written by them, or was damaged since,
    and is not used — Jinja's compiled templates are unpickled and run when loaded."""
    secret = local_secret()
    if secret is None:
        return None
    return hmac.new(secret.encode(), data, hashlib.sha256).digest()


def sealed(data: bytes | memoryview, mark: bytes) -> bool:
    expected = seal(data)
    return expected is not None and hmac.compare_digest(expected, mark)


_KEY = re.compile(r"([0-9a-f]{64})\.(?:json|pickle)")


class Recalled:
    """Each kind's results as objects, by key, kept between the builds of one process (an
    adapter makes one and hands it to every build's :class:`Cache`)."""

    def __init__(self) -> None:
        self.kinds: dict[str, dict[str, Any]] = {}


@dataclass
class Memo:
    """One kind of work's results, one file each in ``folder``; see the module's docstring."""

    kind: str
    version: str
    secret: str
    folder: Path
    used: set[str] = field(default_factory=set)
    bad: set[str] = field(default_factory=set)  # results unreadable, unsealed or misshapen
    unwritable: str | None = None  # why a result could not be written, if one could not
    recalled: dict[str, Any] | None = None  # kept in memory between builds (Recalled)

    def recall(self, key: str) -> Any | None:
        """What an earlier build of this process made of the result under ``key``, or None."""
        value = self.recalled.get(key) if self.recalled is not None else None
        if value is not None:
            self.used.add(key)
        return value

    def remember(self, key: str, value: Any) -> None:
        """Keep what was made of a result for the next build of this process (none when
        builds are not repeated: a single build would only hold it longer)."""
        if self.recalled is not None:
            self.recalled[key] = value

    def key(self, *parts: str) -> str:
        digest = hashlib.sha256(f"{self.secret}\0{self.version}".encode())
        for part in parts:
            digest.update(b"\0" + part.encode("utf-8", "surrogatepass"))
        return digest.hexdigest()

    def get(self, key: str) -> Any | None:
        """The result kept under ``key``, or None (then :meth:`put` it once worked out)."""
        body = self._read(key, ".json")
        try:
            return None if body is None else json.loads(body.decode("utf-8"))
        except (UnicodeDecodeError, ValueError, RecursionError):
            self.bad.add(key)
            return None

    def get_pickled(self, key: str) -> bytes | None:
        """The pickle kept under ``key``, its seal checked: only this user's builds wrote
        it (unpickle it with :func:`pickle.loads`; a shape error means :meth:`damaged`)."""
        return self._read(key, ".pickle")

    def recall_pickled(self, key: str, kind: type[T]) -> T | None:
        """A fresh copy of the ``kind`` kept pickled under ``key`` (from this process's last
        build, else from the folder), or None; a pickle that does not load as a sound one
        is :meth:`damaged`. Fresh, because its user may change what it is given. Sealed
        means written by this user, not by this code: the shape is checked all the same."""
        data = self.recall(key)
        if not isinstance(data, bytes):
            data = self.get_pickled(key)
            if data is None:
                return None
            self.remember(key, data)
        try:
            value = pickle.loads(data)
            if not isinstance(value, kind) or value.sound() is not True:
                raise TypeError(f"not a {kind.__name__}")
        except Exception:  # noqa: BLE001 - sealed, so ours; any failure to load is damage
            self.damaged(key)
            return None
        return value

    def keep_pickled(self, key: str, value: object) -> None:
        """Keep ``value`` for later builds, pickled (see :meth:`recall_pickled`)."""
        self.remember(key, self.put_pickled(key, value))

    def _read(self, key: str, suffix: str) -> bytes | None:
        self.used.add(key)
        try:
            data = read_kept(self.folder / f"{key}{suffix}")
        except (FileNotFoundError, NotADirectoryError):
            return None
        except OSError:
            self.bad.add(key)
            return None
        mark, _, body = data.partition(b"\n")
        try:
            if sealed(key.encode() + b"\0" + body, bytes.fromhex(mark.decode("ascii"))):
                return body
        except (UnicodeDecodeError, ValueError):
            pass
        self.bad.add(key)
        return None

    def damaged(self, key: str) -> None:
        """The result under ``key`` was not of the shape its user wrote: it is replaced."""
        self.bad.add(key)
        for suffix in (".json", ".pickle"):
            with contextlib.suppress(OSError):
                (self.folder / f"{key}{suffix}").unlink()

    def put(self, key: str, value: Any) -> None:
        try:
            body = json.dumps(value, ensure_ascii=False).encode("utf-8")
        except ValueError as exc:  # text JSON cannot encode
            self.used.add(key)
            self.unwritable = str(exc)
            return
        self._write(key, ".json", body)

    def put_pickled(self, key: str, value: Any) -> bytes:
        """Keep ``value`` pickled under ``key``; the pickle, for :meth:`remember`."""
        body = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
        self._write(key, ".pickle", body)
        return body

    def _write(self, key: str, suffix: str, body: bytes) -> None:
        self.used.add(key)
        if self.unwritable is not None:
            return
        path = self.folder / f"{key}{suffix}"
        temp = self.folder / f".{key}.{os.getpid()}.tmp"
        try:
            mark = seal(key.encode() + b"\0" + body) or b""
            self.folder.mkdir(parents=True, exist_ok=True)
            temp.write_bytes(mark.hex().encode("ascii") + b"\n" + body)
            os.replace(temp, path)
        except OSError as exc:
            self.unwritable = str(exc)
            with contextlib.suppress(OSError):
                temp.unlink(missing_ok=True)

    def take_used(self) -> list[str]:
        """The keys this process used since the last call (a worker's, for its parent)."""
        used, self.used = sorted(self.used), set()
        return used

    def sweep(self) -> None:
        """Delete every result this build did not use (other code's, other corpora's)."""
        try:
            names = [(p, m[1]) for p in self.folder.iterdir() if (m := _KEY.fullmatch(p.name))]
        except OSError:
            return
        for path, key in names:
            if key not in self.used:
                with contextlib.suppress(OSError):
                    path.unlink()


class Cache:
    """The cache folder's memos (none kept when ``folder`` is None) and the notes on what
    could not be read or written."""

    def __init__(self, folder: Path | None, recalled: Recalled | None = None) -> None:
        self.folder = folder
        self.memos: dict[str, Memo] = {}
        self.notes: list[str] = []
        self.recalled = recalled

    def memo(self, kind: str) -> Memo | None:
        secret = local_secret()
        if self.folder is None or secret is None:
            return None
        if kind not in self.memos:
            folder = self.folder / kind
            if not unlinked(folder):
                self.notes.append(
                    f"the cache folder {kind}/ is reached through a link; nothing is kept "
                    "there (make cache_dir a plain folder)"
                )
                self.folder = None
                return None
            recalled = self.recalled.kinds.setdefault(kind, {}) if self.recalled else None
            self.memos[kind] = Memo(kind, code_version(), secret, folder, recalled=recalled)
        return self.memos[kind]

    def take_used(self) -> dict[str, list[str]]:
        return {kind: memo.take_used() for kind, memo in self.memos.items()}

    def merge(self, used: dict[str, list[str]]) -> None:
        for kind, keys in used.items():
            memo = self.memo(kind)
            if memo is not None:
                memo.used.update(keys)

    def save(self) -> None:
        """End of the build: delete what it did not use, and say what went wrong."""
        for kind, memo in sorted(self.memos.items()):
            memo.sweep()
            if memo.recalled is not None:  # what this build did not use is not kept either
                for key in memo.recalled.keys() - memo.used:
                    del memo.recalled[key]
            if memo.bad:
                self.notes.append(
                    f"ignored {len(memo.bad)} unreadable or damaged cache file(s) in {kind}/; "
                    "worked out again"
                )
            if memo.unwritable is not None:
                self.notes.append(
                    f"could not write to the cache folder {kind}/ ({memo.unwritable})"
                )
            memo.bad, memo.unwritable = set(), None
