"""The benchmark's modules are imported from the repository's ``benchmarks/`` package: the
project's root goes on the import path (``tests/``, on it for the helpers, also holds a
``benchmarks`` folder, these tests, which the root's real package outranks)."""

from __future__ import annotations

import sys

from helpers.project import ROOT

if str(ROOT) not in sys.path:
    sys.path.append(str(ROOT))
