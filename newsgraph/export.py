"""``newsgraph export``: copy a package's tables out in another format, atomically.

* ``parquet`` / ``jsonl``: the package's own table files (Parquet with the dataset card,
  whose Hugging Face configs point at them); the whole package, with ``datapackage.json``,
  is the package folder itself;
* ``csv``: one CSV per table (list columns as JSON arrays), written by DuckDB;
* ``duckdb``: one ``newsgraph.duckdb`` database with a table per table and the convenience
  views.
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Literal

from newsgraph import atomic
from newsgraph.card import CARD_FILE, TIMELINE_FILE
from newsgraph.descriptor import read_descriptor
from newsgraph.jsonio import dumps_pretty
from newsgraph.tables import JSONL_DIR, PARQUET_DIR, TABLES

Format = Literal["parquet", "jsonl", "csv", "duckdb"]
FORMATS: tuple[Format, ...] = ("parquet", "jsonl", "csv", "duckdb")
DUCKDB_FILE = "newsgraph.duckdb"
#: Marks a folder as a newsgraph export, which a later export may replace.
EXPORT_MARKER = "newsgraph-export.json"


def _sql_path(path: Path) -> str:
    return str(path).replace("'", "''")


def _write(fmt: Format, dataset: Path, staged: Path) -> None:
    import duckdb

    from newsgraph.loaders import VIEWS_SQL, connect

    if fmt in ("parquet", "jsonl"):
        folder = PARQUET_DIR if fmt == "parquet" else JSONL_DIR
        shutil.copytree(dataset / folder, staged / folder)
        if fmt == "parquet":  # the card's Hugging Face configs point at parquet/
            for name in (CARD_FILE, TIMELINE_FILE):
                if (dataset / name).exists():
                    shutil.copy2(dataset / name, staged / name)
        return
    source = connect(dataset)
    if fmt == "csv":
        for spec in TABLES:
            lists = {c for c, t in zip(source.table(spec.name).columns,
                                       source.table(spec.name).types, strict=True)
                     if str(t).endswith("[]")}
            select = ", ".join(f"to_json({c}) AS {c}" if c in lists else c
                               for c in spec.columns)
            target = _sql_path(staged / f"{spec.name}.csv")
            source.execute(f"COPY (SELECT {select} FROM {spec.name}) TO '{target}' "
                           "(HEADER, DELIMITER ',')")
        return
    database = duckdb.connect(str(staged / DUCKDB_FILE))
    try:
        for spec in TABLES:
            relation = source.table(spec.name).arrow()  # noqa: F841 - read by the SQL below
            database.execute(f"CREATE TABLE {spec.name} AS SELECT * FROM relation")
        database.execute(VIEWS_SQL)
    finally:
        database.close()


def export(dataset: Path, fmt: Format, out: Path) -> Path:
    """Export ``dataset`` to ``out`` in ``fmt``; the previous ``out`` is replaced atomically."""
    read_descriptor(dataset)
    with atomic.replacing(out, EXPORT_MARKER) as staged:
        _write(fmt, dataset, staged)
        (staged / EXPORT_MARKER).write_text(dumps_pretty({"format": fmt}), encoding="utf-8")
    return out
