"""A temporary, append-only file of pickled article drafts, read back in the same order.

The build's first pass extracts every article (in parallel) but can only assign ids once it
has seen every actor name; the drafts wait here on disk rather than in memory, so a build's
memory does not grow with the number of articles.

Why ``pickle`` here, when newsgraph never unpickles data (docs/architecture.md, "Bad input"):
this is the one exception, and it is safe by construction. The file is created with
``tempfile.TemporaryFile``, which on Linux has no name in the file system (it is unlinked at
once), so no other process can open it, replace it or plant bytes in it; only this object
writes it and only this object reads it back, in the same process, during the same build.
The bytes are drafts this build made from the sources (in this process, in its own worker
processes, or on the Dask cluster the user pointed it at, which runs its code anyway); no
byte that a user or a source file supplies is ever unpickled. Anything that reads files from
outside (sources, recipes, annotations, packages) uses JSON, YAML (safe loader), CSV or
Parquet.
"""

from __future__ import annotations

import pickle
import struct
import tempfile
from collections.abc import Iterator
from types import TracebackType
from typing import IO

from newsgraph.pipeline.drafts import ArticleDraft

_LENGTH = struct.Struct("<Q")


class DraftSpill:
    """Write pickled drafts with ``append``; read them back with ``drafts``."""

    def __init__(self) -> None:
        self._file: IO[bytes] = tempfile.TemporaryFile(  # noqa: SIM115 (closed by close())
            prefix="newsgraph-drafts-")
        self.count = 0

    def append(self, pickled: bytes) -> None:
        self._file.write(_LENGTH.pack(len(pickled)))
        self._file.write(pickled)
        self.count += 1

    def drafts(self) -> Iterator[ArticleDraft]:
        self._file.flush()
        self._file.seek(0)
        for _ in range(self.count):
            (size,) = _LENGTH.unpack(self._file.read(_LENGTH.size))
            yield pickle.loads(self._file.read(size))

    def close(self) -> None:
        self._file.close()

    def __enter__(self) -> DraftSpill:
        return self

    def __exit__(self, kind: type[BaseException] | None, value: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.close()
