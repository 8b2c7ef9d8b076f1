"""Vectorised validation: certify that a table (or a whole package) is valid with Arrow and
DuckDB kernels instead of a Python loop over rows.

The fast path only ever says "valid". Whenever a kernel finds anything wrong, or the JSON
reader refuses a line, the caller re-checks that table (or the package) with the row-by-row
reference validator, which writes the report. Verdicts and messages are therefore the
reference's by construction; ``tests/test_fastcheck.py`` checks it on a battery of packages
with one violation planted each.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from newsgraph.models.calendar_dates import CALENDAR_DATE
from newsgraph.package.layout import parquet_files
from newsgraph.package.schema_export import json_schema, nullable_and_core
from newsgraph.package.tables import TABLES, TableSpec, jsonl_path

if TYPE_CHECKING:
    import pyarrow as pa

#: DuckDB's memory for the package checks; beyond it, joins spill to disk.
DUCKDB_MEMORY = "256MB"
_ISO_DATE = rf"^{CALENDAR_DATE}\z"
_PY_END = "$(?![\\s\\S])"


def re2(pattern: str) -> str:
    """Our whole-string patterns in RE2 syntax: ``$(?![\\s\\S])`` becomes ``\\z``."""
    return pattern[: -len(_PY_END)] + r"\z" if pattern.endswith(_PY_END) else pattern


def _json_read_schema(spec: TableSpec) -> pa.Schema:
    """The Arrow schema to read JSON Lines with: dates stay strings (checked separately)."""
    import pyarrow as pa

    from newsgraph.package.arrow_schema import arrow_schema

    return pa.schema([pa.field(f.name, pa.string() if f.type == pa.date32() else f.type,
                               nullable=True) for f in arrow_schema(spec)])


def _one_object_per_line(raw: bytes) -> bool:
    """Every line starts an object. pyarrow 26's JSON reader crashes the process (SIGSEGV) on
    a line holding a bare ``null``, so anything but objects goes to the reference instead."""
    if not raw:
        return True
    lines = raw.count(b"\n") + (0 if raw.endswith(b"\n") else 1)
    return raw.startswith(b"{") and raw.count(b"\n{") == lines - 1


def _keys_present(raw: bytes, spec: TableSpec, rows: int) -> bool:
    """Every line names every nullable column: a missing key reads as null, which only a
    non-nullable column's null check would catch. (A quote inside a JSON string is escaped,
    so ``"name":`` cannot occur inside a value.)"""
    props = json_schema(spec)["properties"]
    nullable = [c for c in spec.columns if nullable_and_core(props[c])[0]]
    return all(raw.count(f'"{column}":'.encode()) == rows for column in nullable)


def _column_ok(column: pa.ChunkedArray, prop: dict[str, Any]) -> bool:
    import pyarrow as pa
    import pyarrow.compute as pc

    nullable, core = nullable_and_core(prop)
    if not nullable and column.null_count:
        return False
    values = column.drop_null()
    kind = core.get("type")
    if kind == "array":
        values = pc.list_flatten(values)
        if values.null_count:
            return False
        core = core["items"]
        kind = core.get("type")
    if len(values) == 0:
        return True
    if kind == "string":
        if core.get("format") == "date":
            if not pc.all(pc.match_substring_regex(values, _ISO_DATE)).as_py():
                return False
            try:
                pc.cast(values, pa.date32())
            except pa.ArrowInvalid:
                return False
        if "minLength" in core and pc.min(pc.utf8_length(values)).as_py() < core["minLength"]:
            return False
        if "pattern" in core and not pc.all(
                pc.match_substring_regex(values, re2(core["pattern"]))).as_py():
            return False
        return "enum" not in core or bool(pc.all(pc.is_in(values, pa.array(core["enum"]))).as_py())
    if kind == "number" and pc.any(pc.is_nan(values)).as_py():
        return False
    low, high = pc.min_max(values).values()
    if "minimum" in core and low.as_py() < core["minimum"]:
        return False
    return not ("maximum" in core and high.as_py() > core["maximum"])


#: JSON Lines are checked in blocks of about this many bytes (cut at line ends).
BLOCK_BYTES = 16 * 1024 * 1024


def _json_blocks(path: Path) -> Iterator[bytes]:
    """The file in blocks of whole lines; a last line without its newline is its own block."""
    with path.open("rb") as handle:
        rest = b""
        while block := handle.read(BLOCK_BYTES):
            block = rest + block
            cut = block.rfind(b"\n") + 1
            rest = block[cut:]
            if cut:
                yield block[:cut]
        if rest:
            yield rest


class _ParquetRows:
    """The rows of a table's Parquet file (or parts), taken in consecutive runs."""

    def __init__(self, root: Path, spec: TableSpec, schema: pa.Schema) -> None:
        import pyarrow.parquet as pq

        self._files = [pq.ParquetFile(root / rel) for rel in parquet_files(root, spec.name)]
        self.schema_ok = all(f.schema_arrow.remove_metadata().equals(schema) for f in self._files)
        self._batches = (b for f in self._files for b in f.iter_batches(batch_size=65_536))
        self._held: list[pa.RecordBatch] = []
        self._held_rows = 0

    def take(self, n: int) -> pa.Table:
        import pyarrow as pa

        while self._held_rows < n and (batch := next(self._batches, None)) is not None:
            self._held.append(batch)
            self._held_rows += batch.num_rows
        held = pa.Table.from_batches(self._held, self._files[0].schema_arrow)
        taken, rest = held.slice(0, n), held.slice(n)
        self._held, self._held_rows = rest.to_batches(), rest.num_rows
        return taken

    def exhausted(self) -> bool:
        return self._held_rows == 0 and next(self._batches, None) is None


def table_if_valid(root: Path, spec: TableSpec) -> int | None:
    """The number of rows, if every row of the JSON Lines file is valid and the Parquet copy
    holds the same rows; None when anything is off (the caller then uses the reference).

    Both files are read a block at a time, so memory stays bounded by the block size.
    """
    import pyarrow as pa

    from newsgraph.package.arrow_schema import arrow_schema

    schema = arrow_schema(spec)
    rows = 0
    try:
        stored = _ParquetRows(root, spec, schema)
        if not stored.schema_ok:
            return None
        for block in _json_blocks(root / jsonl_path(spec.name)):
            typed = _block_if_valid(block, spec, schema)
            if typed is None or not stored.take(typed.num_rows).equals(typed):
                return None
            rows += typed.num_rows
        return rows if stored.exhausted() else None
    except (OSError, pa.ArrowException):
        return None


def _block_if_valid(raw: bytes, spec: TableSpec, schema: pa.Schema) -> pa.Table | None:
    """One block of JSON Lines as a typed Arrow table, if every row in it is valid."""
    import pyarrow as pa
    import pyarrow.json as pj

    if not _one_object_per_line(raw):
        return None
    table = pj.read_json(pa.BufferReader(raw), parse_options=pj.ParseOptions(
        explicit_schema=_json_read_schema(spec), unexpected_field_behavior="error"))
    if not _keys_present(raw, spec, table.num_rows) or raw.count(b"\n") != table.num_rows:
        return None
    props = json_schema(spec)["properties"]
    if not all(_column_ok(table.column(name), props[name]) for name in spec.columns):
        return None
    return table.cast(schema)


def package_if_valid(tables: dict[str, pa.Table | list[Path]]) -> bool:
    """Primary keys unique, foreign keys resolvable and spans exact, all in DuckDB."""
    return not failing_tables(tables)


def failing_tables(tables: dict[str, pa.Table | list[Path]]) -> set[str]:
    """The tables whose primary keys, foreign keys or spans are wrong (empty: all valid).

    A table is an Arrow table or the list of its Parquet files, which DuckDB reads out of core
    (with a memory limit, spilling to disk), so the check's memory does not grow with the
    package. Each check stops at the first bad row (``LIMIT 1``), and the caller re-checks
    with the reference only the tables named here, to report their bad rows.
    """
    import duckdb

    con = duckdb.connect()
    con.execute(f"SET memory_limit = '{DUCKDB_MEMORY}'; SET preserve_insertion_order = false")
    for name, table in tables.items():
        if isinstance(table, list):
            con.read_parquet([str(p) for p in table]).create_view(name)
        else:
            con.register(name, table)
    queries: list[tuple[str, str]] = []  # (table checked, a query giving its first bad row)
    for spec in TABLES:
        keys = ", ".join(spec.primary_key)
        queries.append((spec.name, f"SELECT {keys} FROM {spec.name} GROUP BY ALL "
                                   "HAVING count(*) > 1"))
        for fk in spec.foreign_keys:
            child, parent = fk.fields[0], fk.reference_fields[0]
            queries.append((spec.name, f"SELECT 1 FROM {spec.name} c WHERE c.{child} IS NOT "
                                       f"NULL AND c.{child} NOT IN (SELECT {parent} FROM "
                                       f"{fk.table})"))
        for ref in spec.list_references:
            column, parent = ref.fields[0], ref.reference_fields[0]
            queries.append((spec.name, f"SELECT 1 FROM (SELECT unnest({column}) AS v FROM "
                                       f"{spec.name}) WHERE v NOT IN (SELECT {parent} FROM "
                                       f"{ref.table})"))
        if spec.is_span:
            queries.append((spec.name, _span_query(spec.name, "article_id", "char_start",
                                                   "char_end", "text")))
    queries.append(("events", _span_query("events", "date_article_id", "date_char_start",
                                          "date_char_end", "date_text",
                                          where="m.date_article_id IS NOT NULL")))
    try:
        return {table for table, query in queries
                if con.sql(f"SELECT 1 FROM ({query}) LIMIT 1").fetchall()}
    finally:
        con.close()


def _span_query(table: str, art: str, start: str, end: str, text: str,
                where: str = "TRUE") -> str:
    # DuckDB's substring counts code points from 1, like Python slicing from 0. A null span
    # text (segments under --omit-text) is wrong where the article's text is present, as the
    # reference says (``validate._check_span``).
    return (f"SELECT 1 FROM {table} m JOIN articles a ON a.article_id = m.{art} "
            f"WHERE {where} AND (m.{start} IS NULL OR m.{end} IS NULL OR m.{start} < 0 "
            f"OR m.{end} <= m.{start} OR m.{end} > a.n_chars OR (a.text IS NOT NULL AND "
            f"substring(a.text, m.{start} + 1, m.{end} - m.{start}) IS DISTINCT FROM "
            f"m.{text}))")


__all__ = ["package_if_valid", "re2", "table_if_valid"]
