"""One build's use of the cache: where it is, opening it, and what to say at the end.

``build`` calls ``cache_session`` once, around its extraction, and ``finish`` after the new
output is in place (only then are stale entries pruned: a failed build keeps the cache it
found, plus the entries it made). With the cache off (``--no-cache``) the session passes the
engine's results through and says nothing.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterable, Iterator
from pathlib import Path

from newsgraph.builder.cache.figures import FigureCache
from newsgraph.builder.cache.keys import build_fingerprint
from newsgraph.builder.cache.reuse import CacheStats, Engine, cached_results
from newsgraph.builder.cache.rows import RowsCache
from newsgraph.builder.cache.store import CacheStore, UnusableCache, open_store
from newsgraph.builder.extract import Context, Item, Result
from newsgraph.errors import UsageError

#: The default cache folder of output ``OUT``: a hidden sibling, ``.OUT.newsgraph-cache``.
SUFFIX = ".newsgraph-cache"


def default_cache_dir(out: Path) -> Path:
    """``.<out>.newsgraph-cache`` in the output's parent folder (never inside the package)."""
    out = out.absolute()
    return out.parent / f".{out.name}{SUFFIX}"


def check_cache_dir(cache: Path, out: Path) -> None:
    """A cache must not be the package folder or inside it (OUT holds only the package)."""
    c, o = cache.resolve(), out.resolve()
    if c == o or c.is_relative_to(o) or o.is_relative_to(c):
        raise UsageError("the build cache must be outside the output folder (and not hold "
                         "it); choose another --cache", file=cache)


class CacheSession:
    """The cache of one build (or none, with ``store`` None)."""

    def __init__(self, store: CacheStore | None, context: Context, fingerprint: str) -> None:
        self.store, self.context, self.fingerprint = store, context, fingerprint
        self.stats = CacheStats()
        self.rows_cache: RowsCache | None = None

    def results(self, items: Iterable[Item], engine: Engine) -> Iterator[Result]:
        if self.store is None:
            return engine(items, self.context)
        return cached_results(items, self.context, self.fingerprint, self.store, engine,
                              self.stats)

    def rows(self, *, omit_text: bool) -> RowsCache | None:
        """Level 2 for the second pass: the articles' assembled rows (None without a
        usable cache)."""
        if self.store is not None and not isinstance(self.store, UnusableCache):
            self.rows_cache = RowsCache(self.store, omit_text=omit_text)
        return self.rows_cache

    @property
    def figures(self) -> FigureCache | None:
        """Figures drawn by earlier builds (None without a usable cache)."""
        if self.store is None or isinstance(self.store, UnusableCache):
            return None
        return FigureCache(self.store.root, self.fingerprint)

    def finish(self) -> None:
        """After a successful build: prune what it did not use."""
        if self.store is not None:
            self.stats.pruned = self.store.prune(self.stats.used)

    @property
    def warnings(self) -> list[str]:
        if self.store is None:
            return []
        self.store.corrupt_warning()
        return self.store.warnings

    @property
    def summary(self) -> str | None:
        if self.store is None:
            return None
        rows = "" if self.rows_cache is None else f"; {self.rows_cache.summary()}"
        return self.stats.summary() + rows


@contextlib.contextmanager
def cache_session(out: Path, cache: Path | None, context: Context, *, enabled: bool,
                  use_curated: bool) -> Iterator[CacheSession]:
    """The build's cache session, its folder locked for the build while it runs."""
    if not enabled:
        yield CacheSession(None, context, "")
        return
    root = cache if cache is not None else default_cache_dir(out)
    check_cache_dir(root, out)
    fingerprint = build_fingerprint(context, use_curated=use_curated)
    with open_store(root, fingerprint) as store:
        yield CacheSession(store, context, fingerprint)
