"""How much editorial input the reader takes: the bounds, in one place.

Annotations arrive in pull requests from anyone, so no file may make a check or a build run
out of memory or time. Each bound sits far above what real data needs (the numbers in the
comments), and going past one is an error at the line where it happens, never a crash.
YAML aliases (``*name``) are refused outright rather than bounded (see ``yamlsrc``).
"""

from __future__ import annotations

# Any editorial YAML file or seed text, in bytes. The largest real file is 72 kB; the
# 5,000-term benchmark glossary is 2 MB.
MAX_FILE_BYTES = 8 * 1024 * 1024

# Values (scalars, lists, mappings) in one YAML file. The 5,000-term glossary has 120,000;
# each costs a few hundred bytes while it is read, so this caps one file near 250 MB.
MAX_YAML_VALUES = 500_000

# Lists and mappings inside each other in one YAML file. The editorial files use 6 levels;
# PyYAML composes by recursion, which a deeper file would exhaust.
MAX_NESTING = 64

# Characters in a quote's exact text, prefix or suffix. The longest real quote (a block of
# page debris) has 656; a longer passage can be marked by several notes.
MAX_QUOTE_CHARS = 20_000
