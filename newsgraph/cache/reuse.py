"""Run the per-article stage only for the articles the build cache does not hold.

``cached_results`` stands between the items of a build and its extraction engine: each
item gets its key (``keys.item_key``); a hit becomes the same ``Result`` the engine would
have given (the pickled draft for this build's spill and the article's summary), decoded
from the entry; misses go to the engine, in order, and their drafts are stored. Results come
out in item order, so the rest of the build cannot tell a hit from an extraction: the
output is byte-identical by construction. Items are read lazily, one window ahead of the
engine, so memory stays flat for a collection of any size.
"""

from __future__ import annotations

import pickle
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from newsgraph.cache.codec import CodecError, decode, decode_as, encode
from newsgraph.cache.keys import item_key
from newsgraph.cache.store import CacheStore
from newsgraph.extract import ArticleSummary, Context, Item, Result, extract_chunk
from newsgraph.pipeline.drafts import ArticleDraft
from newsgraph.records import BadRecord

Engine = Callable[[Iterable[Item]], Iterator[Result]]


@dataclass
class CacheStats:
    """What the cache did in one build (the one-line summary)."""

    reused: int = 0
    extracted: int = 0
    pruned: int = 0
    #: Keys of every entry this build used or wrote (the rest is pruned after it).
    used: set[str] = field(default_factory=set)

    def summary(self) -> str:
        return (f"build cache: {self.reused} reused, {self.extracted} extracted, "
                f"{self.pruned} pruned")


def payload(draft: ArticleDraft, summary: ArticleSummary) -> dict[str, Any]:
    """The entry of one extracted article: its draft and what its summary adds to it."""
    return {"draft": encode(draft), "shingles": summary.shingles, "source": summary.source}


def from_payload(entry: dict[str, Any]) -> Result:
    """The engine's ``Result`` for a cached article (``CodecError`` if it does not fit)."""
    draft = decode_as(ArticleDraft, entry.get("draft"))
    shingles = decode(list[list[int]], entry.get("shingles"))
    source = entry.get("source")
    if not isinstance(source, dict):
        raise CodecError("source entry is not an object")
    s = draft.source
    summary = ArticleSummary(s.file_name, s.sha256, s.key, s.record_locator, draft.actors,
                             shingles, source)
    return pickle.dumps(draft, protocol=pickle.HIGHEST_PROTOCOL), summary


def cached_results(items: Iterable[Item], context: Context, fingerprint: str,
                   store: CacheStore, engine: Engine, stats: CacheStats) -> Iterator[Result]:
    """Every item's result in item order: hits from ``store``, misses from ``engine``.

    Items are classified as the engine pulls them (an entry file exists or not); a hit is
    read and decoded only when its turn comes, so the queue holds keys, not drafts. A hit
    whose entry turns out corrupt is extracted here, in this process.
    """
    order: deque[tuple[bool, str | None, Item]] = deque()  # (hit?, key, item), in item order
    ready: deque[Result] = deque()  # the engine's results not yet given out

    def misses() -> Iterator[Item]:
        for item in items:
            key = item_key(item, context, fingerprint)
            hit = key is not None and store.has(key)
            order.append((hit, key, item))
            if not hit:
                yield item

    extracted = engine(misses())
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
                stats.used.add(key)
                yield result
                continue
            (result,) = extract_chunk([item], context)  # a corrupt entry: extracted again
        else:
            result = ready.popleft()
        yield _stored(key, result, store, stats)


def _lookup(store: CacheStore, key: str) -> Result | None:
    entry = store.get(key)
    if entry is None:
        return None
    try:
        return from_payload(entry)
    except CodecError:
        store.corrupt += 1
        return None


def _stored(key: str | None, result: Result, store: CacheStore, stats: CacheStats) -> Result:
    """Store the draft of an extracted article under the key its item had."""
    if not isinstance(result, BadRecord):
        stats.extracted += 1
        if key is not None:
            pickled, summary = result
            # our own draft, pickled by this build's engine a moment ago (see newsgraph.spill)
            store.put(key, payload(pickle.loads(pickled), summary))
            stats.used.add(key)
    return result
