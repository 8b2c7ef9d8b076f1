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

With the build cache (``newsgraph.builder.cache``) every draft is spilled as the cache stores it,
compressed JSON (``JsonDraft``, with its entry's key), and read back as data, never
unpickled; ``records`` gives them undecoded, since an article whose assembled rows the cache
holds (``builder/cache/rows.py``) never needs its draft.
"""

from __future__ import annotations

import pickle
import struct
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from types import TracebackType
from typing import IO

from newsgraph.rules.drafts import ArticleDraft

_LENGTH = struct.Struct("<QBB")  # payload size, kind, size of the cache key
_PICKLED, _JSON = 0, 1


class JsonDraft(bytes):
    """A draft as the build cache stores it: zlib-compressed JSON of ``cache.codec``, read
    back as data (never unpickled), with the key of its cache entry (None: not cached)."""

    key: str | None

    def __new__(cls, data: bytes, key: str | None = None) -> JsonDraft:
        made = super().__new__(cls, data)
        made.key = key
        return made


@dataclass(frozen=True)
class Spilled:
    """One spilled article: its cache key (None when not cached) and its draft, decoded only
    when asked for (an article whose assembled rows are reused never needs it)."""

    key: str | None
    kind: int
    data: bytes

    def draft(self) -> ArticleDraft:
        return _from_json(self.data) if self.kind == _JSON else pickle.loads(self.data)


class DraftSpill:
    """Write pickled drafts (or cached ``JsonDraft``s) with ``append``; read them back with
    ``drafts``."""

    def __init__(self) -> None:
        self._file: IO[bytes] = tempfile.TemporaryFile(  # noqa: SIM115 (closed by close())
            prefix="newsgraph-drafts-")
        self.count = 0

    def append(self, pickled: bytes) -> None:
        json_draft = isinstance(pickled, JsonDraft)
        key = (pickled.key or "").encode("ascii") if isinstance(pickled, JsonDraft) else b""
        self._file.write(_LENGTH.pack(len(pickled), _JSON if json_draft else _PICKLED,
                                      len(key)))
        self._file.write(key)
        self._file.write(pickled)
        self.count += 1

    def records(self) -> Iterator[Spilled]:
        """Every spilled article in order, its draft not yet decoded."""
        self._file.flush()
        self._file.seek(0)
        for _ in range(self.count):
            size, kind, key_size = _LENGTH.unpack(self._file.read(_LENGTH.size))
            key = self._file.read(key_size).decode("ascii") or None
            yield Spilled(key, kind, self._file.read(size))

    def drafts(self) -> Iterator[ArticleDraft]:
        for spilled in self.records():
            yield spilled.draft()

    def close(self) -> None:
        self._file.close()

    def __enter__(self) -> DraftSpill:
        return self

    def __exit__(self, kind: type[BaseException] | None, value: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.close()


def _from_json(blob: bytes) -> ArticleDraft:
    """A cached draft (its entry's hash was checked when the first pass read it)."""
    from newsgraph.builder.cache.codec import CodecError, decode_as
    from newsgraph.builder.cache.store import unpack
    from newsgraph.errors import DatasetError

    try:
        return decode_as(ArticleDraft, unpack(blob))
    except (CodecError, ValueError) as error:
        raise DatasetError(f"a build cache entry cannot be read ({error}); build again with "
                           "--no-cache") from None
