"""A set of fixed-size digests (SHA-256: 32 bytes) at about their own size in memory.

The first pass keeps the digest of every article kept (to fold byte-identical copies) and
the build cache the key of every entry a build used (to prune the rest): one entry per
article, which in a Python ``set`` of ``bytes`` costs about 100 bytes (the object and its
slot), 100 MB at a million articles. ``DigestSet`` keeps a sorted run of the digests
concatenated in one ``bytearray`` (searched by bisection) and a ``set`` of the newest,
merged into the run whenever it reaches ``PENDING`` entries or an eighth of the run,
whichever is more (so the merges cost O(n log n) in all, not the n**2 / PENDING of a fixed
limit): about 32 bytes an entry in the run, and at most an eighth as many in the set.
"""

from __future__ import annotations

import bisect
import heapq
from collections.abc import Iterator

#: Digests kept in the plain set before they are merged into the sorted run.
PENDING = 65_536


class _Run:
    """The sorted run seen as a sequence of digests (what ``bisect`` needs)."""

    def __init__(self, data: bytearray, size: int) -> None:
        self.data, self.size = data, size

    def __len__(self) -> int:
        return len(self.data) // self.size

    def __getitem__(self, i: int) -> bytes:
        return bytes(self.data[i * self.size:(i + 1) * self.size])

    def __iter__(self) -> Iterator[bytes]:
        for at in range(0, len(self.data), self.size):
            yield bytes(self.data[at:at + self.size])


class DigestSet:
    """A growing set of digests of ``size`` bytes each: ``add`` and ``in``."""

    def __init__(self, size: int = 32) -> None:
        self.size = size
        self._run = _Run(bytearray(), size)
        self._pending: set[bytes] = set()

    def add(self, digest: bytes) -> None:
        if len(digest) != self.size:
            raise ValueError(f"a digest of {len(digest)} bytes, not {self.size}")
        if digest in self:
            return
        self._pending.add(digest)
        if len(self._pending) >= max(PENDING, len(self._run) // 8):
            merged = bytearray()
            for d in heapq.merge(self._run, sorted(self._pending)):
                merged += d
            self._run, self._pending = _Run(merged, self.size), set()

    def __contains__(self, digest: object) -> bool:
        if not isinstance(digest, bytes) or len(digest) != self.size:
            return False
        if digest in self._pending:
            return True
        run = self._run
        at = bisect.bisect_left(run, digest)
        return at < len(run) and run[at] == digest

    def __len__(self) -> int:
        return len(self._run) + len(self._pending)


class HexDigestSet(DigestSet):
    """A ``DigestSet`` of digests given as hex strings (the build cache's keys)."""

    def add_hex(self, key: str) -> None:
        self.add(bytes.fromhex(key))

    def __contains__(self, key: object) -> bool:
        if isinstance(key, str):
            try:
                key = bytes.fromhex(key)
            except ValueError:
                return False
        return super().__contains__(key)
