"""``newsgraph export``: a package's tables in another format, as a package, atomically.

Every export is something newsgraph and other clients read as they read a build:

* ``parquet`` / ``jsonl``: the package itself, every file its ``datapackage.json`` lists
  (Parquet and JSON Lines go together: the JSON Lines are the tabular resources Frictionless
  checks, the Parquet files are what ``load`` and ``sql`` read, and ``validate`` checks one
  against the other), so ``validate``, ``info``, ``sql`` and ``load`` take the export folder;
* ``csv``: that package plus ``csv/<table>.csv``, each a tabular resource of the descriptor
  with its Table Schema, hash and size (list columns are JSON arrays, declared as strings),
  so ``frictionless validate`` checks the CSV files too;
* ``duckdb``: one ``newsgraph.duckdb`` database with a table per table and the same views
  ``connect()`` creates.
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any, Literal

from newsgraph.models.jsonio import dumps_pretty
from newsgraph.package import atomic
from newsgraph.package.descriptor import is_empty_table, read_descriptor, safe_resource_path, sha256_file
from newsgraph.package.layout import CSV_DIR, DATAPACKAGE_FILE, csv_path
from newsgraph.package.tables import TABLES, TableSpec

Format = Literal["parquet", "jsonl", "csv", "duckdb"]
FORMATS: tuple[Format, ...] = ("parquet", "jsonl", "csv", "duckdb")
DUCKDB_FILE = "newsgraph.duckdb"
#: Marks a folder as a newsgraph export, which a later export may replace.
EXPORT_MARKER = "newsgraph-export.json"


def _sql_path(path: Path) -> str:
    return str(path).replace("'", "''")


def _copy_package(dataset: Path, descriptor: dict[str, Any], staged: Path) -> None:
    """Every file the descriptor lists, at the same relative path (nothing else)."""
    for resource in descriptor["resources"]:
        if is_empty_table(resource):
            continue
        rel = resource["path"]
        (staged / rel).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(safe_resource_path(dataset, rel), staged / rel)


def csv_schema(spec: TableSpec) -> dict[str, Any]:
    """The Table Schema of ``spec``'s CSV file: list columns become strings holding JSON
    arrays, foreign keys point at the CSV resources, and an empty cell is a null."""
    from newsgraph.package.schema_export import table_schema

    schema = table_schema(spec)
    fields = []
    for field in schema["fields"]:
        if field["type"] == "array":
            field = {**field, "type": "string",
                     "description": f"{field['description']} (a JSON array in this CSV file)"}
        fields.append(field)
    keys = [{**fk, "reference": {**fk["reference"],
                                 "resource": f"{fk['reference']['resource']}-csv"}}
            for fk in schema.get("foreignKeys", [])]
    return {**schema, "fields": fields, "foreignKeys": keys, "missingValues": [""]}


def _write_csv(source: Any, staged: Path) -> list[dict[str, Any]]:
    """One CSV per table (written by DuckDB) and its tabular resource."""
    (staged / CSV_DIR).mkdir()
    resources = []
    for spec in TABLES:
        lists = {c for c, t in zip(source.table(spec.name).columns,
                                   source.table(spec.name).types, strict=True)
                 if str(t).endswith("[]")}
        select = ", ".join(f"to_json({c}) AS {c}" if c in lists else c for c in spec.columns)
        rel = csv_path(spec.name)
        source.execute(f"COPY (SELECT {select} FROM {spec.name}) TO "
                       f"'{_sql_path(staged / rel)}' (HEADER, DELIMITER ',')")
        path = staged / rel
        resources.append({
            "name": f"{spec.name}-csv", "type": "table", "path": rel, "format": "csv",
            "mediatype": "text/csv", "encoding": "utf-8",
            "dialect": {"header": True, "delimiter": ","},
            "description": f"{spec.description} (CSV; the same rows as the JSON Lines file)",
            "hash": f"sha256:{sha256_file(path)}", "bytes": path.stat().st_size,
            "schema": csv_schema(spec)})
    return resources


def _write_duckdb(source: Any, staged: Path) -> None:
    import duckdb

    from newsgraph.package.views import VIEWS_SQL

    database = duckdb.connect(str(staged / DUCKDB_FILE))
    try:
        for spec in TABLES:
            relation = source.table(spec.name).arrow()  # noqa: F841 - read by the SQL below
            database.execute(f"CREATE TABLE {spec.name} AS SELECT * FROM relation")
        database.execute(VIEWS_SQL)
    finally:
        database.close()


def _write(fmt: Format, dataset: Path, staged: Path) -> None:
    from newsgraph.loaders import connect

    descriptor = read_descriptor(dataset)
    source = connect(dataset, verify=True)  # export only what the descriptor vouches for
    try:
        if fmt == "duckdb":
            _write_duckdb(source, staged)
            return
        _copy_package(dataset, descriptor, staged)
        if fmt == "csv":
            descriptor = {**descriptor,
                          "resources": [*descriptor["resources"], *_write_csv(source, staged)]}
        (staged / DATAPACKAGE_FILE).write_text(dumps_pretty(descriptor), encoding="utf-8")
    finally:
        source.close()


def export(dataset: Path, fmt: Format, out: Path) -> Path:
    """Export ``dataset`` to ``out`` in ``fmt``; the previous ``out`` is replaced atomically."""
    read_descriptor(dataset)
    with atomic.replacing(out, EXPORT_MARKER) as staged:
        _write(fmt, dataset, staged)
        (staged / EXPORT_MARKER).write_text(dumps_pretty({"format": fmt}), encoding="utf-8")
    return out
