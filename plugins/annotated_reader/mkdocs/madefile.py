"""A generated file whose text MkDocs gets only as it copies the file.

``File.generated(content=...)`` keeps the text from ``on_files`` to the end of the build, past
every page's HTML: at 1,000 sources the Web Annotation exports alone were 150 MB held that
way. This file makes its text when it is read or copied, and keeps none of it.
"""

from __future__ import annotations

import os
from collections.abc import Callable

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File


class MadeFile(File):
    _make: Callable[[], str]

    @classmethod
    def of(cls, config: MkDocsConfig, path: str, make: Callable[[], str]) -> MadeFile:
        file = cls.generated(config, path, content="")
        assert isinstance(file, MadeFile)
        file._make = make
        return file

    @property
    def content_string(self) -> str:
        return self._make()

    @content_string.setter
    def content_string(self, value: str) -> None:  # another plugin's text replaces ours
        self._make = lambda: value

    @property
    def content_bytes(self) -> bytes:
        return self._make().encode("utf-8")

    @content_bytes.setter
    def content_bytes(self, value: bytes) -> None:
        self._make = lambda: value.decode("utf-8")

    def is_modified(self) -> bool:
        return True

    def copy_file(self, dirty: bool = False) -> None:
        os.makedirs(os.path.dirname(self.abs_dest_path), exist_ok=True)
        with open(self.abs_dest_path, "wb") as out:
            out.write(self.content_bytes)
