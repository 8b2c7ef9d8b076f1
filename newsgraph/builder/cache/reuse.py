"""Run the per-article stage only for the articles the build cache does not hold.

``cached_results`` stands between the items of a build and its extraction engine: each
item gets its key (``keys.item_key``); a hit becomes the ``Result`` the engine would have
given (the article's summary, and its draft for this build's spill, left as the entry's
compressed JSON until the second pass decodes it); misses go to the engine, in order, and
their drafts are stored. Results come out in item order, so the rest of the build cannot
tell a hit from an extraction: the output is byte-identical by construction. Items are
read lazily, one window ahead of the engine, so memory stays flat for a collection of any
size.
"""

from __future__ import annotations

import dataclasses
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from newsgraph.builder.cache.codec import CodecError, decode, encode
from newsgraph.builder.cache.keys import item_key
from newsgraph.builder.cache.store import CacheStore
from newsgraph.builder.digests import HexDigestSet
from newsgraph.builder.extract import ArticleSummary, Context, Item, Result, extract_chunk
from newsgraph.builder.records import BadRecord, RecordItem
from newsgraph.builder.spill import JsonDraft
from newsgraph.errors import DatasetError
from newsgraph.rules.drafts import ActorDraft

#: Runs the per-article stage over items with a context (``build._extract``).
Engine = Callable[[Iterable[Item], Context], Iterator[Result]]


@dataclass
class CacheStats:
    """What the cache did in one build (the one-line summary)."""

    reused: int = 0
    extracted: int = 0
    pruned: int = 0
    #: Keys of every entry this build used or wrote (the rest is pruned after it), at 32
    #: bytes a key (``digests``: one per article, at any corpus size).
    used: HexDigestSet = field(default_factory=HexDigestSet)

    def summary(self) -> str:
        return (f"build cache: {self.reused} reused, {self.extracted} extracted, "
                f"{self.pruned} pruned")


def summary_payload(summary: ArticleSummary) -> dict[str, Any]:
    """What the first pass needs of a cached article (its draft is stored beside it)."""
    return {"file_name": summary.file_name, "sha256": summary.sha256, "key": summary.key,
            "record_locator": summary.record_locator,
            "actors": encode(summary.actors), "shingles": summary.shingles,
            "source": summary.source}


def from_entry(summary: dict[str, Any], draft: bytes, key: str | None = None) -> Result:
    """The engine's ``Result`` for a cached article (``CodecError`` if it does not fit): its
    summary, and its draft left compressed for the spill (``spill.JsonDraft``, with the
    entry's ``key``, under which the second pass looks for its assembled rows)."""
    source = summary.get("source")
    if not isinstance(source, dict):
        raise CodecError("source entry is not an object")
    found = ArticleSummary(
        decode(str, summary.get("file_name")), decode(str, summary.get("sha256")),
        decode(str, summary.get("key")), decode(str | None, summary.get("record_locator")),
        decode(dict[str, ActorDraft], summary.get("actors")),
        decode(list[list[int]], summary.get("shingles")), source)
    return JsonDraft(draft, key), found


def cached_results(items: Iterable[Item], context: Context, fingerprint: str,
                   store: CacheStore, engine: Engine, stats: CacheStats) -> Iterator[Result]:
    """Every item's result in item order: hits from ``store``, misses from ``engine``.

    Items are classified as the engine pulls them (an entry file exists or not); a hit is
    read and decoded only when its turn comes, so the queue holds keys, not drafts. A hit
    whose entry turns out corrupt is extracted here, in this process.
    """
    order: deque[tuple[bool, str | None, Item | None]] = deque()  # (hit?, key, item)
    ready: deque[Result] = deque()  # the engine's results not yet given out

    def misses() -> Iterator[Item]:
        for item in items:
            key = item_key(item, context, fingerprint)
            if key is None or not store.has(key):
                order.append((False, key, item))
                yield item
            elif isinstance(item, RecordItem):
                # the engine may pull far ahead through hits: a record's bytes are not kept
                # queued, so its entry is checked now and read again when its turn comes
                if store.get(key) is None:
                    order.append((False, key, item))
                    yield item
                else:
                    order.append((True, key, None))
            else:
                order.append((True, key, item))

    # the workers encode each draft for the cache as they make it (in parallel)
    extracted = engine(misses(), dataclasses.replace(context, cache_json=True))
    while True:
        if not order:
            try:
                ready.append(next(extracted))  # pulls items: queues hits, then this miss
            except StopIteration:
                if not order:
                    return
            continue
        hit, key, item = order[0]
        if not hit and not ready:
            ready.append(next(extracted))
            continue
        order.popleft()
        if hit:
            assert key is not None
            result = _lookup(store, key)
            if result is not None:
                stats.reused += 1
                stats.used.add_hex(key)
                yield result
                continue
            if item is None:  # a record's entry, checked a moment ago under the lock
                raise DatasetError("a build cache entry changed during the build; build "
                                   "again (or with --no-cache)")
            # a corrupt entry: extracted again, here
            (result,) = extract_chunk([item], dataclasses.replace(context, cache_json=True))
        else:
            result = ready.popleft()
        yield _stored(key, result, store, stats)


def _lookup(store: CacheStore, key: str) -> Result | None:
    entry = store.get(key)
    if entry is None:
        return None
    try:
        return from_entry(*entry, key)
    except CodecError:
        store.corrupt += 1
        return None


def _stored(key: str | None, result: Result, store: CacheStore, stats: CacheStats) -> Result:
    """Store the draft of an extracted article under the key its item had (the spill then
    holds the stored form too, with the key, so the second pass can store its rows)."""
    if not isinstance(result, BadRecord):
        stats.extracted += 1
        if key is not None:
            _pickled, summary = result
            stats.used.add_hex(key)
            if summary.cached is not None:  # the worker encoded the draft (Context.cache_json)
                store.put(key, summary_payload(summary), summary.cached)
                return JsonDraft(summary.cached, key), summary
    return result
