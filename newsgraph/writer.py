"""Write a data package: Parquet and JSON Lines per table plus ``datapackage.json``.

Tabular resources are the JSON Lines files with their Table Schemas inline (Frictionless reads
them faithfully); the Parquet files are listed as file resources with hash and size (Frictionless
5 reads Parquet only through pandas and misreports list and nullable columns). Everything is
deterministic: fixed column order, sorted rows, no timestamps.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from newsgraph.card import CARD_FILE, TIMELINE_FILE, render_card
from newsgraph.croissant import CROISSANT_FILE, croissant
from newsgraph.descriptor import sha256_file
from newsgraph.errors import DatasetError
from newsgraph.jsonio import dumps_line, dumps_pretty
from newsgraph.layout import BUILD_REPORT_FILE, parquet_part
from newsgraph.recipe import Recipe
from newsgraph.schema_export import table_schema
from newsgraph.source_list import SourceList
from newsgraph.tables import DATAPACKAGE_FILE, TABLES, jsonl_path, parquet_path
from newsgraph.timeline import Figures, render_timeline
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
        from newsgraph.arrow_schema import arrow_schema
        from newsgraph.tables import spec

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


def _resource_file(root: Path, rel: str) -> dict[str, Any]:
    path = root / rel
    return {"hash": f"sha256:{sha256_file(path)}", "bytes": path.stat().st_size}


def versions(recipe_version: str) -> dict[str, str]:
    return {"package_version": PACKAGE_VERSION, "schema_version": SCHEMA_VERSION,
            "dataset_version": recipe_version}


def table_metadata(recipe: Recipe, *, omit_text: bool) -> dict[str, str]:
    """Footer metadata of every Parquet file: the three versions, the dataset and text policy."""
    meta = versions(recipe.version)
    meta.update({"dataset_id": recipe.id, "omit_text": str(omit_text).lower()})
    return meta


def write_package(root: Path, tables: dict[str, pa.Table], recipe: Recipe, *,
                  omit_text: bool) -> None:
    """Write every table (Arrow, in memory) and the package files into ``root``; the
    ``sources`` come from the articles table."""
    meta = table_metadata(recipe, omit_text=omit_text)
    counts = {}
    for t in TABLES:
        writer = TableWriter(root, t.name, meta)
        writer.add_arrow(tables[t.name])
        counts[t.name] = writer.close()
    sources = SourceList()
    for article in tables["articles"].to_pylist():
        sources.add({"file": article["source_file"], "record": article["record_locator"],
                     "hash": f"sha256:{article['sha256']}", "bytes": article["bytes"],
                     "language": article["language"], "publisher": article["publisher"],
                     "published": article["published"].isoformat() if article["published"]
                     else None, "copyright_holder": "unknown"})
    finish_package(root, counts, tables["events"].to_pylist(), recipe, sources,
                   omit_text=omit_text)


def finish_package(root: Path, counts: dict[str, int], events: list[dict[str, Any]],
                   recipe: Recipe, sources: SourceList, *, omit_text: bool,
                   parquet_files: dict[str, list[str]] | None = None,
                   build_report: dict[str, Any] | None = None,
                   figures: Figures | None = None) -> None:
    """The publishing files and ``datapackage.json`` for tables already written into ``root``.

    ``sources`` are the articles' entries (``source_list``): listed in the descriptor up to
    its limit, summarised above it. ``parquet_files`` lists each table's Parquet files when
    they are folders of parts; each part is then a file resource of its own, with its hash.
    ``build_report`` (a build with ``--skip-bad``) is written as ``build-report.json`` and
    listed with its hash too. ``figures``: figures of earlier builds, for the timeline.
    """
    meta = table_metadata(recipe, omit_text=omit_text)
    resources: list[dict[str, Any]] = []
    for t in TABLES:
        rel = jsonl_path(t.name)
        if counts[t.name]:
            resources.append({
                "name": t.name, "type": "table", "path": rel, "format": "jsonl",
                "mediatype": "application/jsonl", "encoding": "utf-8",
                "description": t.description, **_resource_file(root, rel),
                "schema": table_schema(t)})
        else:
            # frictionless 5 cannot read an empty JSON Lines file ("generator raised
            # StopIteration"), so an empty table is declared with inline header-only data and
            # its (empty) file is listed as a plain file with its hash.
            resources.append({
                "name": t.name, "type": "table", "data": [list(t.columns)],
                "description": f"{t.description} (no rows in this package)",
                "schema": table_schema(t)})
            resources.append({
                "name": f"{t.name}-jsonl", "type": "file", "path": rel, "format": "jsonl",
                "description": f"{t.name} as JSON Lines (empty).", **_resource_file(root, rel)})
    for t in TABLES:
        files = (parquet_files or {}).get(t.name, [parquet_path(t.name)])
        for number, rel in enumerate(files):
            part = f" (part {number + 1} of {len(files)})" if len(files) > 1 else ""
            resources.append({
                "name": f"{t.name}-parquet" + (f"-{number:05d}" if parquet_files else ""),
                "type": "file", "path": rel, "format": "parquet",
                "mediatype": "application/vnd.apache.parquet",
                "description": f"{t.name} as Parquet (zstd){part}; same rows and columns as "
                               f"{jsonl_path(t.name)}.",
                **_resource_file(root, rel)})
    has_timeline = render_timeline(events, root / TIMELINE_FILE, figures)
    (root / CARD_FILE).write_text(
        render_card(recipe, sources, counts, versions(recipe.version), has_timeline=has_timeline,
                    parts=parquet_files is not None, omit_text=omit_text),
        encoding="utf-8")
    (root / CROISSANT_FILE).write_text(dumps_pretty(croissant(root, recipe, recipe.homepage)),
                                       encoding="utf-8")
    if build_report is not None:
        (root / BUILD_REPORT_FILE).write_text(dumps_pretty(build_report), encoding="utf-8")
    for rel, title in ((CARD_FILE, "Dataset card (also a Hugging Face dataset card)"),
                       (BUILD_REPORT_FILE, "Build report: the records skipped as bad, with "
                                           "their locators and reasons"),
                       (TIMELINE_FILE, "Timeline of the dated events"),
                       (CROISSANT_FILE, "Croissant (MLCommons) metadata")):
        if (root / rel).exists():
            resources.append({"name": rel.split(".")[0].lower(), "type": "file", "path": rel,
                              "description": title, **_resource_file(root, rel)})
    descriptor = {
        "$schema": "https://datapackage.org/profiles/2.0/datapackage.json",
        "name": recipe.id.replace("_", "-"),
        "title": recipe.title,
        "description": recipe.description,
        "version": recipe.version,
        "licenses": [
            {"name": recipe.licenses.records, "title": "Derived records (tables other than "
             "the article texts)"},
            {"name": recipe.licenses.code, "title": "newsgraph code and schema"},
        ],
        "sources": sources.descriptor_sources(jsonl_path("articles")),
        "newsgraph": meta,
        "resources": resources,
    }
    (root / DATAPACKAGE_FILE).write_text(dumps_pretty(descriptor), encoding="utf-8")
