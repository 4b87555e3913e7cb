"""``python -m annotated_reader.bundle`` (``make bundle``)."""

from .build import main

raise SystemExit(main())
