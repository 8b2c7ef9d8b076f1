"""Figures of earlier builds in the build cache, reused when they draw the same values.

The timeline figure (``newsgraph.publish.timeline``) is a pure function of the drawn event values,
the code and the matplotlib version, so a build whose dated events are the same as the
last build's copies the PNG instead of drawing it (importing matplotlib alone takes about
a second). One file per figure in ``figures/``: a JSON header line with the SHA-256 and
size of the PNG, then the PNG; one that does not check out is drawn again. A new figure
replaces the old ones.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
from pathlib import Path

from newsgraph.builder.cache.store import frame, unframe

FIGURES_DIR = "figures"


class FigureCache:
    """The ``figures/`` folder of a cache this build holds the lock of."""

    def __init__(self, root: Path, fingerprint: str) -> None:
        """``fingerprint``: the build's (``keys.build_fingerprint``), part of every key."""
        self.folder = root / FIGURES_DIR
        self.fingerprint = fingerprint

    def _name(self, key: str) -> str:
        return hashlib.sha256(f"{self.fingerprint}\x00{key}".encode()).hexdigest()

    def get(self, key: str) -> bytes | None:
        try:
            raw = (self.folder / self._name(key)).read_bytes()
        except OSError:
            return None
        with contextlib.suppress(ValueError):
            header, png = unframe(raw)
            if header.keys() == {"bytes", "sha256"}:
                return png
        return None

    def put(self, key: str, png: bytes) -> None:
        with contextlib.suppress(OSError):  # no room: the next build draws it again
            self.folder.mkdir(parents=True, exist_ok=True)
            for old in self.folder.iterdir():
                old.unlink()
            name = self._name(key)
            tmp = self.folder / f"{name}.tmp"
            tmp.write_bytes(frame({}, png))
            os.replace(tmp, self.folder / name)
