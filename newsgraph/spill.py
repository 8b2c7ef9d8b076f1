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

A draft reused from the build cache (``newsgraph.cache``) is spilled as it was stored,
compressed JSON (``JsonDraft``), and read back as data, never unpickled.
"""

from __future__ import annotations

import pickle
import struct
import tempfile
from collections.abc import Iterator
from types import TracebackType
from typing import IO

from newsgraph.pipeline.drafts import ArticleDraft

_LENGTH = struct.Struct("<QB")
_PICKLED, _JSON = 0, 1


class JsonDraft(bytes):
    """A draft as the build cache stores it: zlib-compressed JSON of ``cache.codec``, read
    back as data (never unpickled)."""


class DraftSpill:
    """Write pickled drafts (or cached ``JsonDraft``s) with ``append``; read them back with
    ``drafts``."""

    def __init__(self) -> None:
        self._file: IO[bytes] = tempfile.TemporaryFile(  # noqa: SIM115 (closed by close())
            prefix="newsgraph-drafts-")
        self.count = 0

    def append(self, pickled: bytes) -> None:
        kind = _JSON if isinstance(pickled, JsonDraft) else _PICKLED
        self._file.write(_LENGTH.pack(len(pickled), kind))
        self._file.write(pickled)
        self.count += 1

    def drafts(self) -> Iterator[ArticleDraft]:
        self._file.flush()
        self._file.seek(0)
        for _ in range(self.count):
            size, kind = _LENGTH.unpack(self._file.read(_LENGTH.size))
            data = self._file.read(size)
            yield _from_json(data) if kind == _JSON else pickle.loads(data)

    def close(self) -> None:
        self._file.close()

    def __enter__(self) -> DraftSpill:
        return self

    def __exit__(self, kind: type[BaseException] | None, value: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.close()


def _from_json(blob: bytes) -> ArticleDraft:
    """A cached draft (its entry's hash was checked when the first pass read it)."""
    from newsgraph.cache.codec import CodecError, decode_as
    from newsgraph.cache.store import unpack
    from newsgraph.errors import DatasetError

    try:
        return decode_as(ArticleDraft, unpack(blob))
    except (CodecError, ValueError) as error:
        raise DatasetError(f"a build cache entry cannot be read ({error}); build again with "
                           "--no-cache") from None
