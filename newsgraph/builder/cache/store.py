"""The build cache's folder: one hashed, versioned file per article entry, under a lock.

Layout of a cache folder (by default ``.<out>.newsgraph-cache/`` beside the output, never
inside the package folder)::

    cache.json            {"newsgraph_cache": FORMAT, "fingerprint": ...}: what built it
    lock                  flock'ed by the build that uses the cache
    entries/ab/<key>.ngc  one article: a JSON header line, then two zlib-compressed JSON
                          values: its summary (read in the first pass) and its draft
                          (read in the second, when its rows must be made again)
    entries/ab/<key>.ngr  the same article's assembled rows and registry contribution
                          (``builder/cache/rows.py``), a JSON header line then zlib-compressed JSON;
                          pruned with its entry

An entry's header carries the SHA-256 of its payload; an entry whose hash, format or key
does not check out is corrupt and is ignored (counted, one line of warning), never used. A
``cache.json`` from another cache format, package version, rules or options empties the
folder (one line of warning): its entries could never be hit again. Entries are written to
a temporary name and renamed, so a build killed while writing leaves no half entry under a
real name. Nothing here is pickled: entries are data on disk, read back as JSON.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import shutil
import zlib
from collections.abc import Container, Iterator
from pathlib import Path
from typing import Any

#: The layout and entry format; a cache of another format is ignored and emptied.
#: 2: assembled rows beside each entry (``.ngr``).
FORMAT = 2
MANIFEST_FILE = "cache.json"
LOCK_FILE = "lock"
ENTRIES_DIR = "entries"
SUFFIX = ".ngc"
ROWS_SUFFIX = ".ngr"


class CacheStore:
    """An open cache folder, locked for this build (use ``open_store``)."""

    def __init__(self, root: Path, fingerprint: str) -> None:
        self.root = root
        self.fingerprint = fingerprint
        self.warnings: list[str] = []
        self.corrupt = 0
        self.written = 0
        self.write_failed = False

    @property
    def _entries(self) -> Path:
        return self.root / ENTRIES_DIR

    def _path(self, key: str, suffix: str = SUFFIX) -> Path:
        return self._entries / key[:2] / f"{key}{suffix}"

    def check_manifest(self) -> None:
        """Empty the folder when its manifest is missing, corrupt or from other settings."""
        path = self.root / MANIFEST_FILE
        wanted = {"newsgraph_cache": FORMAT, "fingerprint": self.fingerprint}
        found: Any = None
        with contextlib.suppress(OSError, ValueError):
            found = json.loads(path.read_text(encoding="utf-8"))
        if found == wanted:
            return
        if found is not None or self._entries.exists():
            what = "unreadable" if not isinstance(found, dict) else (
                "from another cache format" if found.get("newsgraph_cache") != FORMAT else
                "from another newsgraph version, rules or options")
            self.warnings.append(f"build cache {self.root} is {what}; ignored, extracting "
                                 "every article")
        shutil.rmtree(self._entries, ignore_errors=True)
        tmp = path.with_name(MANIFEST_FILE + ".tmp")
        tmp.write_text(json.dumps(wanted, sort_keys=True) + "\n", encoding="utf-8")
        os.replace(tmp, path)

    def has(self, key: str) -> bool:
        """Whether an entry file for ``key`` exists (``get`` checks it)."""
        return self._path(key).is_file()

    def get(self, key: str) -> tuple[dict[str, Any], bytes] | None:
        """The entry under ``key``: its summary (decoded) and its draft (still compressed,
        decoded when the second pass needs it); None when missing or corrupt (counted)."""
        try:
            raw = self._path(key).read_bytes()
        except OSError:
            return None
        try:
            header, body = unframe(raw)
            if (header.get("format") != FORMAT or header.get("key") != key
                    or not isinstance(header.get("summary_bytes"), int)):
                raise ValueError("header does not match")
            cut = header["summary_bytes"]
            summary = json.loads(zlib.decompress(body[:cut]))
            if not isinstance(summary, dict):
                raise ValueError("summary is not an object")
            return summary, body[cut:]
        except (ValueError, zlib.error):
            self.corrupt += 1
            return None

    def put(self, key: str, summary: dict[str, Any], draft: bytes) -> None:
        """Store an article's ``summary`` (a JSON value) and ``draft`` (``pack``ed JSON)
        under ``key``."""
        if self.write_failed:
            return
        head = pack(summary)
        self._write(self._path(key), frame({"format": FORMAT, "key": key,
                                            "summary_bytes": len(head)}, head + draft))

    def _write(self, path: Path, framed: bytes) -> None:
        """Write an entry file under a temporary name, then rename it."""
        tmp = path.with_name(path.name + ".tmp")
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            with tmp.open("wb") as f:
                f.write(framed)
            os.replace(tmp, path)
        except OSError as error:  # a full disk: the build goes on, the cache stops growing
            self.write_failed = True
            with contextlib.suppress(OSError):
                tmp.unlink()
            self.warnings.append(f"build cache {self.root} cannot be written "
                                 f"({error.strerror}); later articles are not cached")
            return
        self.written += 1

    def get_rows(self, key: str, variant: str) -> bytes | None:
        """The assembled rows stored beside entry ``key`` for output ``variant`` (still
        compressed); None when missing, for another variant, or corrupt (counted)."""
        try:
            raw = self._path(key, ROWS_SUFFIX).read_bytes()
        except OSError:
            return None
        try:
            header, body = unframe(raw)
        except ValueError:
            header, body = {}, b""
        if header.get("format") != FORMAT or header.get("key") != key:
            self.corrupt += 1
            return None
        return body if header.get("variant") == variant else None

    def put_rows(self, key: str, variant: str, body: bytes) -> None:
        """Store an article's assembled rows (``pack``ed JSON) beside entry ``key``."""
        if self.write_failed:
            return
        self._write(self._path(key, ROWS_SUFFIX),
                    frame({"format": FORMAT, "key": key, "variant": variant}, body))

    def keys(self) -> Iterator[tuple[str, Path]]:
        """Every entry's key and file (and stray temporary files, keyed by their name).

        Each of the 256 shard folders is listed whole before its first entry is yielded, so
        the caller may delete what it is given; the listing in memory is 1/256 of the cache
        (a list of every entry was 2 million paths, hundreds of MB, at a million articles)."""
        if not self._entries.is_dir():
            return
        for sub in sorted(self._entries.iterdir()):
            if sub.is_dir():
                for path in sorted(sub.iterdir()):
                    yield path.name.removesuffix(SUFFIX).removesuffix(ROWS_SUFFIX), path

    def prune(self, used: Container[str]) -> int:
        """Delete every entry this build did not use; how many were deleted."""
        pruned = 0
        for key, path in self.keys():
            if key not in used:
                with contextlib.suppress(OSError):
                    path.unlink()
                    pruned += path.name.endswith(SUFFIX)  # entries, not rows or temporaries
        return pruned

    def corrupt_warning(self) -> None:
        if self.corrupt:
            self.warnings.append(f"build cache {self.root}: {self.corrupt} corrupt "
                                 f"entr{'y' if self.corrupt == 1 else 'ies'} ignored "
                                 "(hash or format mismatch); extracted again")


@contextlib.contextmanager
def open_store(root: Path, fingerprint: str) -> Iterator[CacheStore]:
    """The cache at ``root``, locked for this build; an ``UnusableCache`` (with its warning) when
    another build holds it or it cannot be made, so the build goes on without a cache."""
    import fcntl

    store = CacheStore(root, fingerprint)
    try:
        root.mkdir(parents=True, exist_ok=True)
        fd = os.open(root / LOCK_FILE, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o666)
    except OSError as error:
        yield _unusable(root, f"cannot be created ({error.strerror})")
        return
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            yield _unusable(root, "is in use by another build")
            return
        store.check_manifest()
        yield store
    finally:
        os.close(fd)


class UnusableCache(CacheStore):
    """Stands for a cache that cannot be used: carries its warning, holds nothing."""

    def has(self, key: str) -> bool:
        return False

    def get(self, key: str) -> tuple[dict[str, Any], bytes] | None:
        return None

    def put(self, key: str, summary: dict[str, Any], draft: bytes) -> None:
        return None

    def get_rows(self, key: str, variant: str) -> bytes | None:
        return None

    def put_rows(self, key: str, variant: str, body: bytes) -> None:
        return None

    def prune(self, used: Container[str]) -> int:
        return 0


def frame(fields: dict[str, Any], body: bytes) -> bytes:
    """A cache file: one JSON header line (``fields`` with the body's size and SHA-256),
    then the body. ``unframe`` reads it back."""
    header = {**fields, "bytes": len(body), "sha256": hashlib.sha256(body).hexdigest()}
    return json.dumps(header, sort_keys=True).encode("ascii") + b"\n" + body


def unframe(raw: bytes) -> tuple[dict[str, Any], bytes]:
    """The header and body of a ``frame``d file; ValueError when the header is not a JSON
    object or the body's size or SHA-256 does not match it."""
    head, _, body = raw.partition(b"\n")
    header = json.loads(head)
    if (not isinstance(header, dict) or header.get("bytes") != len(body)
            or header.get("sha256") != hashlib.sha256(body).hexdigest()):
        raise ValueError("header does not match")
    return header, body


def pack(value: Any) -> bytes:
    """A JSON value as zlib-compressed UTF-8 JSON (level 1: fast, about 6 times smaller)."""
    return zlib.compress(json.dumps(value, ensure_ascii=False,
                                    separators=(",", ":")).encode("utf-8"), 1)


def unpack(blob: bytes) -> Any:
    """The JSON value ``pack`` made ``blob`` from."""
    return json.loads(zlib.decompress(blob))


def _unusable(root: Path, why: str) -> CacheStore:
    store = UnusableCache(root, "")
    store.warnings.append(f"build cache {root} {why}; building without it")
    return store
