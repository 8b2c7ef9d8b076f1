"""The record registries of ``Assembler``: per-record state, its merge, and runs on disk.

A build's quotes, claims and events are each one record reported by many articles, and every
record sorts by its first mention (the article's order number, then char_start), which is
fixed by the first article that mentions it. Each record's state is folded from the parts
the articles contribute by one associative ``merge`` (the earlier state first): the first
part's fields stay, evidence and event ids are appended in first-appearance order, the best
dated report is the one with the least ``(dated_rank, order)``, participants are appended in
first-appearance order, and the longest mention is the maximum. ``Assembler.apply`` folds
every article into the registries of the current *run* with the same ``merge``.

Memory is bounded by ``SPILL_LIMIT``: when the in-memory registries hold more entries, the
run is merged into ``RecordStore``, an unnamed sqlite3 file in the system temporary folder (a
table per registry keyed by record id; the first run's quote and first mention win, claims and
events are merged with the states already stored), and the registries start empty again.
``finish`` then reads every record back sorted by (first mention, id) in one query per
table. Because ``merge`` is associative, the rows are the same however the articles fall
into runs; ``tests/test_record_spill.py`` proves it on random contributions and on built
packages.

sqlite3 rather than DuckDB (which the reuse join uses): the runs are merged record by
record (a lookup and an upsert of a pickled state each) and read back through one sorted
join; sqlite's B-tree does both at a bounded page cache. Measured on 50,000 rows of a
24-character id and a 300-byte state: sqlite upserts them in 0.9 s and reads them back
sorted in 0.5 s; DuckDB's ``executemany`` upsert took 5.9 ms a row (about 300 times slower;
its sorted read, 0.07 s, is faster but not what the merge waits on).
"""

from __future__ import annotations

import pickle
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from newsgraph.builder.contribution import ClaimPart, EventInfo, EventPart
from newsgraph.models.event import ParticipantRole

Row = dict[str, Any]
#: Entries (first mentions, quotes, claims, events) the registries hold in memory before
#: the run is merged into the on-disk store: about 70 MB (480 bytes an entry, deep size, on
#: the synthetic corpus, whose articles add 33 entries each).
SPILL_LIMIT = 150_000
#: Records looked up or written per statement while a run is merged.
_CHUNK = 500
#: Pages of sqlite's cache (and sorter) in KiB (negative: a size, not a page count).
_CACHE_KIB = 32 * 1024


@dataclass
class EventRecord:
    """What the event row needs from all its reports: the first, the best dated, who took part."""

    first: EventInfo
    first_article: str
    dated: tuple[tuple[int, int], EventInfo, str] | None = None
    participants: dict[tuple[str, ParticipantRole], None] = field(default_factory=dict)
    #: Length of the event's longest mention (the bound of its label under --omit-text).
    longest: int = 0


@dataclass
class ClaimRecord:
    """The claim row (its evidence and event ids in first-appearance order) and the length
    of its longest mention."""

    row: Row
    longest: int


def event_state(e: EventPart, order: int, art: str) -> EventRecord:
    """The state of one article's reports of an event (article number ``order``)."""
    record = EventRecord(e.first, art, longest=max(0, e.longest),
                         participants=dict.fromkeys(e.participants))
    dated = e.dated_info()
    if dated is not None:
        record.dated = ((e.dated_rank, order), dated, art)
    return record


def merge_event(into: EventRecord, later: EventRecord) -> None:
    """Fold the state of later reports into ``into``."""
    if later.dated is not None and (into.dated is None or later.dated[0] < into.dated[0]):
        into.dated = later.dated
    into.longest = max(into.longest, later.longest)
    for key in later.participants:
        into.participants[key] = None


def claim_state(p: ClaimPart) -> ClaimRecord:
    """The state of one article's part of a claim."""
    return ClaimRecord({
        "claim_id": p.claim_id, "claimant_id": p.claimant_id,
        "claimant_text": p.claimant_text, "text": p.text, "modality": p.modality,
        "polarity": p.polarity, "evidence_quote_ids": list(dict.fromkeys(p.evidence_quote_ids)),
        "event_ids": list(dict.fromkeys(p.event_ids)), "method": p.method}, max(0, p.longest))


def merge_claim(into: ClaimRecord, later: ClaimRecord) -> None:
    """Fold the state of a later part into ``into``."""
    into.longest = max(into.longest, later.longest)
    for key in ("evidence_quote_ids", "event_ids"):
        have = into.row[key]
        known = set(have)
        for x in later.row[key]:
            if x not in known:
                have.append(x)
                known.add(x)


class RecordStore:
    """The registries' runs merged on disk (sqlite3), read back sorted by first mention."""

    def __init__(self) -> None:
        # "" is SQLite's private temporary database: a file in the system temporary folder
        # (TMPDIR, like the build's other temporary files) that SQLite unlinks as it opens
        # it, so it has no name, nobody else can open or replace it, and it goes when the
        # connection closes or the process dies. That is what lets the states be pickled
        # (docs/architecture.md: the spill exception).
        self._db = sqlite3.connect("", isolation_level=None)
        for pragma in ("journal_mode=OFF", "synchronous=OFF", "temp_store=FILE",
                       f"cache_size=-{_CACHE_KIB}"):
            self._db.execute(f"PRAGMA {pragma}")
        self._db.execute("CREATE TABLE seen (id TEXT PRIMARY KEY, o INTEGER, s INTEGER) "
                         "WITHOUT ROWID")
        for table in ("quotes", "claims", "events"):
            self._db.execute(f"CREATE TABLE {table} (id TEXT PRIMARY KEY, state BLOB) "
                             "WITHOUT ROWID")
        self.runs = 0

    def add_run(self, first_seen: dict[str, tuple[int, int]], quotes: dict[str, Row],
                claims: dict[str, ClaimRecord], events: dict[str, EventRecord]) -> None:
        """Merge one run of the registries (articles after every earlier run's) into the
        store."""
        db = self._db
        db.execute("BEGIN")
        # a record's first mention and quote are those of its first run: kept if stored
        db.executemany("INSERT OR IGNORE INTO seen VALUES (?, ?, ?)",
                       [(k, o, s) for k, (o, s) in sorted(first_seen.items())])
        db.executemany("INSERT OR IGNORE INTO quotes VALUES (?, ?)",
                       [(k, _dump(v)) for k, v in sorted(quotes.items())])
        self._merge("claims", claims, merge_claim)
        self._merge("events", events, merge_event)
        db.execute("COMMIT")
        self.runs += 1

    def _merge(self, table: str, states: dict[str, Any], merge: Any) -> None:
        ids = sorted(states)
        for at in range(0, len(ids), _CHUNK):
            chunk = ids[at:at + _CHUNK]
            marks = ",".join("?" * len(chunk))
            merged = {}
            for key, blob in self._db.execute(
                    f"SELECT id, state FROM {table} WHERE id IN ({marks})", chunk):
                earlier = pickle.loads(blob)
                merge(earlier, states[key])
                merged[key] = earlier
            self._db.executemany(f"INSERT OR REPLACE INTO {table} VALUES (?, ?)",
                                 [(k, _dump(merged.get(k) or states[k])) for k in chunk])

    def first(self, record_id: str) -> tuple[int, int] | None:
        """A record's first mention, None when no article mentions it."""
        found = self._db.execute("SELECT o, s FROM seen WHERE id = ?", (record_id,)).fetchone()
        return None if found is None else (found[0], found[1])

    def sorted_states(self, table: str, far: int) -> Iterator[tuple[str, Any]]:
        """Every record of ``table`` ('quotes', 'claims', 'events') with its state, sorted by
        (first mention, id); a record without a mention sorts as ``(far, 0)``."""
        cursor = self._db.execute(
            f"SELECT t.id, t.state FROM {table} t LEFT JOIN seen f ON f.id = t.id "
            "ORDER BY coalesce(f.o, ?), coalesce(f.s, 0), t.id", (far,))
        while batch := cursor.fetchmany(1024):
            for key, blob in batch:
                yield key, pickle.loads(blob)

    def close(self) -> None:
        self._db.close()


def _dump(state: Any) -> bytes:
    return pickle.dumps(state, protocol=pickle.HIGHEST_PROTOCOL)
