"""The cache store's pruning: what it deletes, and that it never lists the whole cache."""

from __future__ import annotations

import hashlib
import tracemalloc
from pathlib import Path

from newsgraph.builder.cache.store import CacheStore

#: Entries of the memory test: 16 to a shard on average.
ENTRIES = 4096


def _filled(root: Path, n: int) -> tuple[CacheStore, list[str]]:
    store = CacheStore(root, "fingerprint")
    keys = [hashlib.sha256(str(i).encode()).hexdigest() for i in range(n)]
    for key in keys:
        store.put(key, {"i": key[:4]}, b"{}")
    return store, keys


def test_prune_deletes_exactly_the_entries_not_used(tmp_path: Path) -> None:
    store, keys = _filled(tmp_path, 300)
    kept = set(keys[::3])
    assert store.prune(kept) == len(keys) - len(kept)
    assert {key for key, _ in store.keys()} == kept  # noqa: SIM118 (a store, not a dict)
    assert store.prune(kept) == 0


def test_prune_holds_one_shard_of_the_listing_at_a_time(tmp_path: Path) -> None:
    """Listing every entry first (as ``list(store.keys())`` did) holds all their paths: at a
    million articles, two million paths. A shard at a time holds 1/256 of them."""
    store, keys = _filled(tmp_path, ENTRIES)
    used = set(keys)
    tracemalloc.start()
    try:
        assert store.prune(used) == 0
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    # the whole listing is about 4096 paths of ~0.3 KB (> 1 MB); a shard's is ~16 of them
    assert peak < 256 * 1024, peak
