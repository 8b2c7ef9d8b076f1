"""Collections of articles, one per row: JSON Lines, CSV and Parquet files.

A reader finds the columns (``ColumnMapping``: given by ``--text-column`` and friends, else
the usual names), then yields one ``RecordItem`` per row in file order, lazily: a JSON Lines
or CSV file is read line by line, a Parquet file in row batches
(``ParquetFile.iter_batches``, never the whole table), so the build's memory does not grow
with the collection. A row that cannot be an article (not JSON, no text) is a ``BadRecord``
in the same stream, in its place. A CSV or Parquet file without a text column is refused
whole; JSON Lines objects need not share keys, so there a line without one is a bad record.

Provenance: ``source_file`` is the collection's file name; the locator is ``line N`` (JSON
Lines, from 1), ``row N`` (CSV data rows, from 1 after the header) or ``row index N``
(Parquet, from 0); ``sha256`` is of the UTF-8 bytes of the row's text field.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Any

from newsgraph.builder.records import BadRecord, RecordItem, RecordMeta
from newsgraph.errors import InputError
from newsgraph.models.calendar_dates import timestamp_date
from newsgraph.rules.sources import sniff

#: Suffixes of collection files and their kind (``.gz`` is a WARC's, see ``newsgraph.builder.warc``).
COLLECTION_SUFFIXES = {".jsonl": "jsonl", ".ndjson": "jsonl", ".csv": "csv",
                       ".parquet": "parquet", ".pq": "parquet"}
#: Rows per Parquet batch: a few MB of text held at a time.
PARQUET_BATCH = 1024

#: Column names tried, in order, for each role when the user names none.
DEFAULT_COLUMNS: dict[str, tuple[str, ...]] = {
    "text": ("text", "content", "body"),
    "id": (),
    "title": ("title", "headline"),
    "date": ("date", "published", "publish_date"),
    "url": ("url", "link"),
    "publisher": ("publisher", "source", "domain"),
    "author": ("author", "authors"),
    "language": ("language", "lang"),
}


@dataclass(frozen=True)
class ColumnMapping:
    """The columns the user named (``--text-column`` ...); None means: find the usual name."""

    text: str | None = None
    id: str | None = None
    title: str | None = None
    date: str | None = None
    url: str | None = None
    publisher: str | None = None
    author: str | None = None
    language: str | None = None

    def resolve(self, columns: list[str], path: Path) -> dict[str, str]:
        """Role -> column of this file; an ``InputError`` listing the columns when a named one
        is missing or no text column is found."""
        listed = ", ".join(columns) or "(none)"
        found: dict[str, str] = {}
        by_lower = {c.lower(): c for c in reversed(columns)}
        for role in (f.name for f in fields(self)):
            named = getattr(self, role)
            if named is not None:
                if named not in columns:
                    raise InputError(f"no column {named!r} (--{role}-column); the columns are: "
                                     f"{listed}", file=path)
                found[role] = named
                continue
            for name in DEFAULT_COLUMNS[role]:
                if name in by_lower:
                    found[role] = by_lower[name]
                    break
        if "text" not in found:
            raise InputError("no text column (looked for text, content, body); the columns "
                             f"are: {listed}; name it with --text-column", file=path)
        return found


def collection_kind(path: Path) -> str | None:
    """'jsonl', 'csv' or 'parquet' for a collection file's name, else None."""
    return COLLECTION_SUFFIXES.get(path.suffix.lower())


def read_collection(path: Path, mapping: ColumnMapping,
                    max_bytes: int) -> Iterator[RecordItem | BadRecord]:
    """Every row of a JSON Lines, CSV or Parquet collection, in file order."""
    kind = collection_kind(path)
    if kind == "parquet":
        return _parquet_rows(path, mapping)
    with path.open("rb") as handle:
        sniff(handle.read(16), path)  # a PDF or zip renamed .jsonl is refused at once
    return _jsonl_rows(path, mapping) if kind == "jsonl" else _csv_rows(path, mapping, max_bytes)


def _item(path: Path, columns: dict[str, str], row: dict[str, Any], locator: str,
          position: int, line: int | None) -> RecordItem | BadRecord:
    """The record of one row (a ``BadRecord`` when its text field is missing or not text)."""
    name = path.name
    if "id" in columns and row.get(columns["id"]) not in (None, ""):
        locator = f"{locator}, id {row[columns['id']]}"
    text = row.get(columns["text"])
    if isinstance(text, str):
        raw = text.encode("utf-8", "surrogateescape")  # CSV: invalid bytes come back as read
    elif isinstance(text, bytes):
        raw = text
    else:
        what = "no value" if text is None else f"a {type(text).__name__}, not text"
        return BadRecord(str(path), name, locator, position, line,
                         f"column {columns['text']!r} has {what}; give the article text or "
                         "drop the row")
    try:
        published = _date(row.get(columns.get("date", "")))
    except ValueError as error:
        return BadRecord(str(path), name, locator, position, line,
                         f"column {columns['date']!r}: {error}")
    meta = RecordMeta(
        basis="column", title=_text(row.get(columns.get("title", ""))),
        published=published, url=_text(row.get(columns.get("url", ""))),
        publisher=_text(row.get(columns.get("publisher", ""))),
        authors=_authors(row.get(columns.get("author", ""))),
        language=(_text(row.get(columns.get("language", ""))) or "").lower() or None)
    return RecordItem(str(path), name, locator, position, line, raw, "text", meta)


def _text(value: object) -> str | None:
    if value is None:
        return None
    text = " ".join(str(value).split())
    return text or None


def _authors(value: object) -> tuple[str, ...]:
    if isinstance(value, list | tuple):
        return tuple(a for a in (_text(v) for v in value) if a)
    text = _text(value)
    return tuple(a.strip() for a in text.split(";") if a.strip()) if text else ()


def _date(value: object) -> dt.date | None:
    """A column's date: a date or timestamp value, a string that opens with ``YYYY-MM-DD``,
    or a date as written ('November 26, 2019'); None when the column is empty, ValueError for
    any other value (an ISO week date "2019-W01" is refused, not read as a Monday)."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    text = _text(value)
    if text is None:
        return None
    day = timestamp_date(text)  # ValueError for 2019-02-30
    if day is not None:
        return day
    from newsgraph.rules.times import parse_publication_date

    day = parse_publication_date(text)
    if day is None:  # "2019-W01", "20190105", "soon": no calendar day the rules can read
        raise ValueError(f"{text[:40]!r} is not a date (write YYYY-MM-DD, a timestamp that "
                         "opens with it, or a date such as 'November 26, 2019')")
    return day


def _jsonl_rows(path: Path, mapping: ColumnMapping) -> Iterator[RecordItem | BadRecord]:
    """One record per line. JSON objects need not share their keys, so each line's columns
    are found on that line (a line without a text column is a bad record, with its keys)."""
    keys: tuple[str, ...] | None = None
    columns: dict[str, str] = {}
    with path.open("rb") as handle:
        for number, line in enumerate(handle, 1):
            locator = f"line {number}"

            def bad(reason: str, locator: str = locator, number: int = number) -> BadRecord:
                return BadRecord(str(path), path.name, locator, number, number, reason)

            if not line.strip():
                if line.endswith(b"\n"):  # a last line without content is not a record
                    yield bad("empty line; remove it or give the article")
                continue
            try:
                row = json.loads(line.decode("utf-8-sig" if number == 1 else "utf-8"))
            except UnicodeDecodeError as error:
                yield bad(f"invalid UTF-8 at byte {error.start} of the line; re-save the file "
                          "as UTF-8")
                continue
            except (json.JSONDecodeError, RecursionError):
                yield bad("not valid JSON; give one JSON object per line")
                continue
            if not isinstance(row, dict):
                yield bad("not a JSON object; give one JSON object per line")
                continue
            if tuple(row) != keys:
                keys = tuple(row)
                try:
                    columns = mapping.resolve(list(row), path)
                except InputError as error:
                    keys = None
                    yield bad(error.message)
                    continue
            yield _item(path, columns, row, locator, number, number)


def _csv_rows(path: Path, mapping: ColumnMapping,
              max_bytes: int) -> Iterator[RecordItem | BadRecord]:
    """One record per data row (a quoted field may span lines; errors name its first line).

    Bytes that are not UTF-8 are kept as read (``surrogateescape``), so such a row fails
    alone, as invalid UTF-8, when the per-article stage decodes its text.
    """
    import csv

    csv.field_size_limit(max(max_bytes, 131072))
    with path.open("r", encoding="utf-8", errors="surrogateescape", newline="") as handle:
        if handle.read(1) != "\ufeff":
            handle.seek(0)
        reader = csv.reader(handle)
        try:
            header = next(reader)
        except StopIteration:
            raise InputError("the CSV file is empty; give a header row and one article per "
                             "row", file=path) from None
        except csv.Error as error:
            raise InputError(f"not a CSV file ({error}); check the file", file=path,
                             line=reader.line_num) from None
        columns = mapping.resolve(header, path)
        number, start = 0, reader.line_num + 1
        while True:
            try:
                cells = next(reader)
            except StopIteration:
                return
            except csv.Error as error:
                raise InputError(f"the CSV cannot be read past here ({error}); fix the row",
                                 file=path, line=start) from None
            number += 1
            locator = f"row {number}"
            if not any(cell.strip() for cell in cells):
                yield BadRecord(str(path), path.name, locator, number, start,
                                "empty row; remove it or give the article")
            else:
                yield _item(path, columns, dict(zip(header, cells, strict=False)), locator,
                            number, start)
            start = reader.line_num + 1


def _parquet_rows(path: Path, mapping: ColumnMapping) -> Iterator[RecordItem | BadRecord]:
    """One record per row, read in batches of ``PARQUET_BATCH`` rows (only the mapped
    columns)."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    try:
        parquet = pq.ParquetFile(path)
    except (pa.ArrowException, OSError) as error:
        raise InputError(f"not a readable Parquet file ({str(error).splitlines()[0]}); check "
                         "the file", file=path) from None
    columns = mapping.resolve(parquet.schema_arrow.names, path)
    index = 0
    try:
        for batch in parquet.iter_batches(batch_size=PARQUET_BATCH,
                                          columns=sorted(set(columns.values()))):
            for row in batch.to_pylist():
                yield _item(path, columns, row, f"row index {index}", index, None)
                index += 1
    except pa.ArrowException as error:
        raise InputError(f"row index {index}: the Parquet file cannot be read past here "
                         f"({str(error).splitlines()[0]}); check the file", file=path) from None


__all__ = ["COLLECTION_SUFFIXES", "ColumnMapping", "collection_kind", "read_collection"]
