"""Write a package's tables: Parquet and JSON Lines per table, rows checked as they come.

``newsgraph.publish.finish`` then writes the publishing files and ``datapackage.json``.

Tabular resources are the JSON Lines files with their Table Schemas inline (Frictionless reads
them faithfully); the Parquet files are listed as file resources with hash and size (Frictionless
5 reads Parquet only through pandas and misreports list and nullable columns). Everything is
deterministic: fixed column order, sorted rows, no timestamps.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from newsgraph.errors import DatasetError
from newsgraph.models.jsonio import dumps_line
from newsgraph.package.layout import parquet_part
from newsgraph.package.tables import jsonl_path, parquet_path
from newsgraph.recipe.manifest import Recipe
from newsgraph.versions import PACKAGE_VERSION, SCHEMA_VERSION

ROW_GROUP_SIZE = 64_000
#: Rows are converted from dicts to Arrow in batches of this size, bounding the dict buffer.
CONVERT_BATCH = 2_048
#: A row group is cut early once its rows hold this many characters of text (article texts).
MAX_GROUP_CHARS = 16_000_000


@dataclass(frozen=True)
class RowBlock:
    """Rows of one table as columns (the table's field order, Python values as Arrow's
    ``to_pylist`` gives them) with their JSON Lines text, one line per row."""

    rows: int
    columns: list[list[Any]]
    lines: str


if TYPE_CHECKING:
    import pyarrow as pa
    import pyarrow.parquet as pq


class TableWriter:
    """Streams one table into ``parquet/<table>.parquet`` (row groups) and its JSON Lines file.

    Rows arrive as dicts (or as ``RowBlock``s of columns with their JSON Lines made), become
    Arrow batches every ``CONVERT_BATCH`` rows (the JSON Lines of dict rows are written from
    that batch, so both files hold exactly the same values), and the batches
    make one Parquet row group of ``ROW_GROUP_SIZE`` rows (fewer when they hold more than
    ``MAX_GROUP_CHARS`` of text, as the article texts do). Memory stays bounded by one row
    group of Arrow data per table, whatever the number of rows.
    """

    def __init__(self, root: Path, table: str, metadata: dict[str, str], *,
                 parts: bool = False) -> None:
        from newsgraph.package.arrow_schema import arrow_schema
        from newsgraph.package.tables import spec

        self.root, self.table, self.parts = root, table, parts
        self.schema = arrow_schema(spec(table)).with_metadata(
            {f"newsgraph.{k}": v for k, v in sorted(metadata.items())})
        (root / jsonl_path(table)).parent.mkdir(parents=True, exist_ok=True)
        self._jsonl = (root / jsonl_path(table)).open("w", encoding="utf-8", newline="\n")
        self._parquet: pq.ParquetWriter | None = None
        #: Buffered rows, column by column, and where their JSON Lines come from: a run of
        #: dict rows (None: made from the Arrow batch) or a block's own lines.
        self._columns: list[list[Any]] = [[] for _ in self.schema.names]
        self._segments: list[tuple[int, str | None]] = []
        self._buffered = 0
        self._queue: list[pa.RecordBatch] = []
        self._queued_rows = 0
        self._chars = 0
        self.num_rows = 0
        self._fields = frozenset(self.schema.names)
        #: The Parquet files written, relative to ``root`` (one, or one per part).
        self.files: list[str] = []

    def _parquet_writer(self) -> pq.ParquetWriter:
        """The open Parquet file: the table's file, or a new part for every row group."""
        import pyarrow.parquet as pq

        if self._parquet is None:
            rel = parquet_part(self.table, len(self.files)) if self.parts else \
                parquet_path(self.table)
            (self.root / rel).parent.mkdir(parents=True, exist_ok=True)
            self._parquet = pq.ParquetWriter(self.root / rel, self.schema, compression="zstd",
                                             write_statistics=True, store_schema=True)
            self.files.append(rel)
        return self._parquet

    def add(self, rows: list[dict[str, Any]]) -> None:
        """Buffer dict rows; each must have exactly the table's fields as keys."""
        for row in rows:
            if row.keys() != self._fields:
                self._refuse(row.keys())
        if rows:
            for column, name in zip(self._columns, self.schema.names, strict=True):
                column.extend([row[name] for row in rows])
            segments = self._segments
            if segments and segments[-1][1] is None:  # one run of dict rows
                segments[-1] = (segments[-1][0] + len(rows), None)
            else:
                segments.append((len(rows), None))
            self._buffered += len(rows)
        if self._buffered >= CONVERT_BATCH:
            self._convert()

    def add_block(self, block: RowBlock) -> None:
        """Buffer rows given as columns with their JSON Lines already made (``RowBlock``:
        an article's rows kept by the build cache); they join the same Arrow batches and
        row groups as dict rows would, so the files are the same bytes."""
        if block.rows:
            for column, values in zip(self._columns, block.columns, strict=True):
                column.extend(values)
            self._segments.append((block.rows, block.lines))
            self._buffered += block.rows
        if self._buffered >= CONVERT_BATCH:
            self._convert()

    def add_arrow(self, arrow: pa.Table) -> None:
        """Write an Arrow table with this table's columns (in row groups)."""
        if set(arrow.schema.names) != self._fields:
            self._refuse(arrow.schema.names)
        self._convert()
        for batch in arrow.replace_schema_metadata(self.schema.metadata).to_batches():
            self._jsonl.writelines(dumps_line(row) + "\n" for row in batch.to_pylist())
            self._take(batch)

    def _refuse(self, keys: Any) -> None:
        """A row whose keys are not the table's fields would become a null column (Arrow
        drops unknown keys silently): refused, naming the keys and the fields."""
        extra = sorted(set(keys) - self._fields)
        missing = sorted(self._fields - set(keys))
        raise DatasetError(f"a row of table {self.table!r} has keys {extra} that are not "
                           f"its fields and lacks fields {missing}; the fields of "
                           f"{self.table} are {', '.join(self.schema.names)}")

    def _convert(self) -> None:
        """Buffered rows become one Arrow batch (far smaller than the dicts), and their JSON
        Lines are written: from the batch for dict rows, as given for blocks."""
        if not self._buffered:
            return
        import pyarrow as pa

        columns, segments = self._columns, self._segments
        self._columns = [[] for _ in self.schema.names]
        self._segments, self._buffered = [], 0
        # what ``Table.from_pylist`` does: one array per column, of the field's type
        batch = pa.RecordBatch.from_arrays(
            [pa.array(values, type=f.type) for values, f in zip(columns, self.schema,
                                                                 strict=True)],
            schema=self.schema)
        offset = 0
        for count, lines in segments:
            if lines is None:
                rows = batch.slice(offset, count).to_pylist()
                self._jsonl.writelines(dumps_line(row) + "\n" for row in rows)
            else:
                self._jsonl.write(lines)
            offset += count
        self._take(batch)

    def _take(self, batch: pa.RecordBatch) -> None:
        """Queue a batch (its JSON Lines are written) for the current row group."""
        while batch.num_rows:
            room = ROW_GROUP_SIZE - self._queued_rows
            head, batch = batch.slice(0, room), batch.slice(room)
            self._queue.append(head)
            self._queued_rows += head.num_rows
            if "text" in head.schema.names:
                import pyarrow.compute as pc

                self._chars += pc.sum(pc.utf8_length(head.column("text"))).as_py() or 0
            if self._queued_rows >= ROW_GROUP_SIZE or self._chars >= MAX_GROUP_CHARS:
                self._write_group()

    def _write_group(self) -> None:
        if self._queue:
            import pyarrow as pa

            group = pa.Table.from_batches(self._queue, self.schema).combine_chunks()
            self._parquet_writer().write_table(group, row_group_size=ROW_GROUP_SIZE)
            if self.parts:
                self._close_parquet()
            self.num_rows += group.num_rows
        self._queue, self._queued_rows, self._chars = [], 0, 0

    def _close_parquet(self) -> None:
        if self._parquet is not None:
            self._parquet.close()
            self._parquet = None

    def close(self) -> int:
        """Flush what is buffered and close both files; the number of rows written."""
        self._convert()
        self._write_group()
        if not self.num_rows:  # an empty table still gets its (empty) row group, as before
            self._parquet_writer().write_table(self.schema.empty_table(),
                                               row_group_size=ROW_GROUP_SIZE)
        self._close_parquet()
        self._jsonl.close()
        return self.num_rows


def versions(recipe_version: str) -> dict[str, str]:
    return {"package_version": PACKAGE_VERSION, "schema_version": SCHEMA_VERSION,
            "dataset_version": recipe_version}


def table_metadata(recipe: Recipe, *, omit_text: bool) -> dict[str, str]:
    """Footer metadata of every Parquet file: the three versions, the dataset and text policy."""
    meta = versions(recipe.version)
    meta.update({"dataset_id": recipe.id, "omit_text": str(omit_text).lower()})
    return meta
