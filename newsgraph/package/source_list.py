"""The ``sources`` of a data package: a list of every source, or a summary above a size.

DESIGN.md: "the data package lists every source (above a documented size, the articles table
is the list of sources and the descriptor carries a summary)". Up to ``LISTED_LIMIT``
articles, ``datapackage.json`` lists one entry per article (file, hash, size, publisher,
date, copyright holder). Above it, a list of a million entries would make a descriptor of
hundreds of MB, held in memory by the build; the descriptor then carries one entry whose
``summary`` gives the number of articles, their bytes, languages, publishers and copyright
holders, and a digest that ties it to the articles table (``digest``).

A build feeds every kept article's entry to ``SourceList.add`` in article order. The list keeps
entries only while there are at most ``LISTED_LIMIT``; the counts and the digest are updated
incrementally, so memory stays flat whatever the number of articles.

The digest (``sources_digest``) is over the four columns ``source_file``, ``record_locator``,
``sha256``, ``bytes`` of the articles table, in row order: each column is written as one JSON
array (Python's ``json.dumps`` with its defaults: ``", "`` between items, ASCII escapes), its
SHA-256 taken, and the digest is the SHA-256 of the four lines ``<column> <hex digest>\\n``.
Anyone can recompute it with pyarrow or pandas (``json.dumps(column.to_pylist())``).
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from newsgraph.errors import DatasetError
from newsgraph.package.descriptor import short

#: Up to this many articles the descriptor lists every source; above it, a summary.
LISTED_LIMIT = 1_000
#: The summary names at most this many publishers and copyright holders (the most frequent).
SUMMARY_TOP = 50
#: The columns of ``articles`` the digest covers, in this order.
DIGEST_COLUMNS = ("source_file", "record_locator", "sha256", "bytes")


class _JsonArrayHash:
    """SHA-256 of ``json.dumps(values)``, fed one value at a time."""

    def __init__(self) -> None:
        self._hash = hashlib.sha256(b"[")
        self._first = True

    def add(self, value: Any) -> None:
        self._hash.update((json.dumps(value) if self._first else ", " + json.dumps(value))
                          .encode("ascii"))
        self._first = False

    def hexdigest(self) -> str:
        final = self._hash.copy()
        final.update(b"]")
        return final.hexdigest()


def combine(column_digests: dict[str, str]) -> str:
    """The digest of the sources from the hex SHA-256 of each column's JSON array."""
    text = "".join(f"{name} {column_digests[name]}\n" for name in DIGEST_COLUMNS)
    return "sha256:" + hashlib.sha256(text.encode("ascii")).hexdigest()


def digest_of_columns(columns: dict[str, list[Any]]) -> str:
    """The digest of the sources from whole columns (``DIGEST_COLUMNS`` -> values in row
    order), as a reader recomputes it from the articles table."""
    return combine({name: hashlib.sha256(json.dumps(columns[name]).encode("ascii")).hexdigest()
                    for name in DIGEST_COLUMNS})


def _top(counts: Counter[str]) -> list[dict[str, Any]]:
    ranked = sorted(counts.items(), key=lambda item: (-item[1], item[0]))[:SUMMARY_TOP]
    return [{"name": name, "articles": n} for name, n in ranked]


class SourceList:
    """Every article's ``sources`` entry, or (above ``limit``) the counts and digest only."""

    def __init__(self, limit: int = LISTED_LIMIT) -> None:
        self.limit = limit
        self.count = 0
        self.total_bytes = 0
        self._entries: list[dict[str, Any]] | None = []
        self.languages: Counter[str] = Counter()
        self.publishers: Counter[str] = Counter()
        self.holders: Counter[str] = Counter()
        self._dates: tuple[str, str] | None = None
        self._undated = 0
        self._columns = {name: _JsonArrayHash() for name in DIGEST_COLUMNS}

    def __len__(self) -> int:
        return self.count

    def add(self, entry: dict[str, Any]) -> None:
        """Count one article's entry (``extract.source_entry``), in article order."""
        self.count += 1
        self.total_bytes += entry["bytes"]
        for name, value in zip(DIGEST_COLUMNS, (entry["file"], entry.get("record"),
                                                entry["hash"].removeprefix("sha256:"),
                                                entry["bytes"]), strict=True):
            self._columns[name].add(value)
        self.languages[str(entry.get("language") or "en")] += 1
        self.publishers[entry.get("publisher") or "unknown"] += 1
        self.holders[str(entry.get("copyright_holder") or "unknown")] += 1
        published = entry.get("published")
        if published is None:
            self._undated += 1
        elif self._dates is None:
            self._dates = (published, published)
        else:
            self._dates = (min(self._dates[0], published), max(self._dates[1], published))
        if self._entries is not None:
            self._entries.append(entry)
            if self.count > self.limit:
                self._entries = None  # from here on, the articles table is the list

    @property
    def listed(self) -> list[dict[str, Any]] | None:
        """Every entry, in article order; None above the limit."""
        return self._entries

    def digest(self) -> str:
        return combine({name: h.hexdigest() for name, h in self._columns.items()})

    def summary(self) -> dict[str, Any]:
        """What the descriptor says of the sources when it does not list them."""
        first, last = self._dates or (None, None)
        return {
            "articles": self.count,
            "bytes": self.total_bytes,
            "digest": self.digest(),
            "digest_columns": list(DIGEST_COLUMNS),
            "languages": dict(sorted(self.languages.items())),
            "publishers": _top(self.publishers),
            "distinct_publishers": len(self.publishers),
            "copyright_holders": _top(self.holders),
            "distinct_copyright_holders": len(self.holders),
            "published": {"first": first, "last": last, "undated": self._undated},
        }

    def descriptor_sources(self, articles_path: str) -> list[dict[str, Any]]:
        """``sources`` of ``datapackage.json``: the entries, or one entry with the summary
        pointing at the articles table (``articles_path``, inside the package)."""
        if self._entries is not None:
            return self._entries
        return [{"title": f"The {self.count:,} source articles of this package, one a row of "
                          f"the articles table (source_file, record_locator, sha256, bytes, "
                          f"publisher, published, url); more than {self.limit:,}, so not listed "
                          "here",
                 "path": articles_path,
                 "summary": self.summary()}]


def source_summary(descriptor: dict[str, Any]) -> dict[str, Any] | None:
    """The summary a descriptor carries in place of the list of sources, if any."""
    sources = descriptor.get("sources")
    if isinstance(sources, list) and len(sources) == 1 and isinstance(sources[0], dict) \
            and isinstance(sources[0].get("summary"), dict):
        summary: dict[str, Any] = sources[0]["summary"]
        return summary
    return None


def _listed_columns(entries: list[Any]) -> dict[str, list[Any]] | None:
    """The digest columns of a listed ``sources``, or None when an entry is malformed."""
    columns: dict[str, list[Any]] = {name: [] for name in DIGEST_COLUMNS}
    for entry in entries:
        if not isinstance(entry, dict) or not isinstance(entry.get("hash"), str):
            return None
        for name, value in zip(DIGEST_COLUMNS, (entry.get("file"), entry.get("record"),
                                                entry["hash"].removeprefix("sha256:"),
                                                entry.get("bytes")), strict=True):
            columns[name].append(value)
    return columns


def _table_facts(batches: Iterator[Any]) -> tuple[str, dict[str, Any]]:
    """The digest and the summary's checkable facts of the articles table, streamed from
    Arrow record batches (``DIGEST_COLUMNS``, ``language``, ``published``): memory stays flat
    at any number of articles."""
    hashes = {name: hashlib.sha256(b"[") for name in DIGEST_COLUMNS}
    rows, total = 0, 0
    languages: Counter[str] = Counter()
    first = last = None
    dated = 0
    for batch in batches:
        if not batch.num_rows:
            continue
        for name in DIGEST_COLUMNS:
            text = json.dumps(batch.column(name).to_pylist())[1:-1]
            hashes[name].update(((", " if rows else "") + text).encode("ascii"))
        rows += batch.num_rows
        total += sum(batch.column("bytes").to_pylist())
        languages.update(str(code or "en") for code in batch.column("language").to_pylist())
        dates = [d for d in batch.column("published").to_pylist() if d is not None]
        if dates:
            dated += len(dates)
            first = min(dates) if first is None else min(first, *dates)
            last = max(dates) if last is None else max(last, *dates)
    for digest in hashes.values():
        digest.update(b"]")
    facts = {"articles": rows, "bytes": total, "languages": dict(sorted(languages.items())),
             "published": {"first": first.isoformat() if first else None,
                           "last": last.isoformat() if last else None,
                           "undated": rows - dated}}
    return combine({name: h.hexdigest() for name, h in hashes.items()}), facts


def sources_problems(descriptor: dict[str, Any], batches: Iterator[Any]) -> list[str]:
    """What is wrong with the descriptor's ``sources`` against the articles table, given as
    Arrow record batches with at least ``DIGEST_COLUMNS``, ``language`` and ``published``.

    A listed ``sources`` must name every article, in order, with its hash and size; a summary
    must give the articles' number, bytes, digest, languages and dates. One line per problem,
    naming ``datapackage.json``.
    """
    fix = "; the descriptor was changed, rebuild the package"
    where = "datapackage.json: sources"
    actual, facts = _table_facts(batches)
    summary = source_summary(descriptor)
    if summary is None:
        entries = descriptor.get("sources")
        columns = _listed_columns(entries) if isinstance(entries, list) else None
        if columns is None or digest_of_columns(columns) != actual:
            return [f"{where} do not list the articles table's source_file, record, sha256 and "
                    f"bytes of each article in order ({len(entries or [])} entries, "
                    f"{facts['articles']} articles){fix}"]
        return []
    expected = {**facts, "digest": actual}
    return [f"{where} summary {key} is {summary.get(key)!r:.80}, the articles table gives "
            f"{expected[key]!r:.80}{fix}"
            for key in ("articles", "bytes", "digest", "languages", "published")
            if summary.get(key) != expected[key]]


#: The columns of ``articles`` that ``newsgraph info`` prints for each source.
INFO_COLUMNS = ("source_file", "record_locator", "publisher", "original_publisher", "published")


def article_sources(root: Path, descriptor: dict[str, Any]) -> Iterator[dict[str, Any]]:
    """Each article's source (``INFO_COLUMNS``), read in batches from the Parquet files the
    descriptor lists for ``articles``: the list of sources at any size."""
    import pyarrow.parquet as pq

    from newsgraph.package.descriptor import listed_parquet, safe_resource_path

    for resource in listed_parquet(descriptor, "articles"):
        path = safe_resource_path(root, resource.get("path"))
        try:
            batches = pq.ParquetFile(path).iter_batches(batch_size=4_096,
                                                        columns=list(INFO_COLUMNS))
            for batch in batches:
                yield from batch.to_pylist()
        except (OSError, ValueError) as error:  # pyarrow's errors derive from these
            raise DatasetError(f"cannot read the articles table ({short(str(error))}); "
                               "run `newsgraph validate` on the package, or rebuild it",
                               file=path) from None
