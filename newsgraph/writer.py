"""Write a data package: Parquet and JSON Lines per table plus ``datapackage.json``.

Tabular resources are the JSON Lines files with their Table Schemas inline (Frictionless reads
them faithfully); the Parquet files are listed as file resources with hash and size (Frictionless
5 reads Parquet only through pandas and misreports list and nullable columns). Everything is
deterministic: fixed column order, sorted rows, no timestamps.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from newsgraph.card import CARD_FILE, TIMELINE_FILE, render_card
from newsgraph.croissant import CROISSANT_FILE, croissant
from newsgraph.descriptor import sha256_file
from newsgraph.jsonio import dumps_line, dumps_pretty
from newsgraph.models.base import Record
from newsgraph.recipe import Recipe
from newsgraph.schema_export import table_schema
from newsgraph.tables import DATAPACKAGE_FILE, TABLES, jsonl_path, parquet_path
from newsgraph.timeline import render_timeline
from newsgraph.versions import PACKAGE_VERSION, SCHEMA_VERSION

ROW_GROUP_SIZE = 64_000

if TYPE_CHECKING:
    import pyarrow as pa


def to_arrow(table: str, rows: list[Record]) -> pa.Table:
    """Validated records of ``table`` as an Arrow table with the table's exact schema."""
    import pyarrow as pa

    from newsgraph.arrow_schema import arrow_schema
    from newsgraph.tables import spec

    schema = arrow_schema(spec(table))
    columns = {name: [getattr(r, name) for r in rows] for name in schema.names}
    return pa.Table.from_pydict(columns, schema=schema)


def write_parquet(path: Path, arrow: pa.Table, metadata: dict[str, str]) -> None:
    """Parquet with zstd, statistics, row groups of ROW_GROUP_SIZE and our footer metadata."""
    import pyarrow.parquet as pq

    arrow = arrow.replace_schema_metadata(
        {f"newsgraph.{k}": v for k, v in sorted(metadata.items())})
    path.parent.mkdir(parents=True, exist_ok=True)
    pq.write_table(arrow, path, compression="zstd", row_group_size=ROW_GROUP_SIZE,
                   write_statistics=True, store_schema=True)


def write_jsonl(path: Path, arrow: pa.Table) -> None:
    """One compact JSON object per row, columns in table order, dates as ISO strings."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8", newline="\n") as handle:
        for batch in arrow.to_batches(max_chunksize=ROW_GROUP_SIZE):
            handle.writelines(dumps_line(row) + "\n" for row in batch.to_pylist())


def _resource_file(root: Path, rel: str) -> dict[str, Any]:
    path = root / rel
    return {"hash": f"sha256:{sha256_file(path)}", "bytes": path.stat().st_size}


def versions(recipe_version: str) -> dict[str, str]:
    return {"package_version": PACKAGE_VERSION, "schema_version": SCHEMA_VERSION,
            "dataset_version": recipe_version}


def write_package(root: Path, tables: dict[str, pa.Table], recipe: Recipe,
                  sources: list[dict[str, Any]], *, omit_text: bool) -> None:
    """Write every table and the descriptor into ``root`` (a staging folder)."""
    meta = versions(recipe.version)
    meta.update({"dataset_id": recipe.id, "omit_text": str(omit_text).lower()})
    resources: list[dict[str, Any]] = []
    for t in TABLES:
        write_jsonl(root / jsonl_path(t.name), tables[t.name])
        write_parquet(root / parquet_path(t.name), tables[t.name], meta)
    for t in TABLES:
        rel = jsonl_path(t.name)
        if tables[t.name].num_rows:
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
        rel = parquet_path(t.name)
        resources.append({
            "name": f"{t.name}-parquet", "type": "file", "path": rel, "format": "parquet",
            "mediatype": "application/vnd.apache.parquet",
            "description": f"{t.name} as Parquet (zstd); same rows and columns as {jsonl_path(t.name)}.",
            **_resource_file(root, rel)})
    counts = {t.name: tables[t.name].num_rows for t in TABLES}
    has_timeline = render_timeline(tables["events"].to_pylist(), root / TIMELINE_FILE)
    (root / CARD_FILE).write_text(
        render_card(recipe, sources, counts, versions(recipe.version), has_timeline=has_timeline),
        encoding="utf-8")
    (root / CROISSANT_FILE).write_text(dumps_pretty(croissant(root, recipe, recipe.homepage)),
                                       encoding="utf-8")
    for rel, title in ((CARD_FILE, "Dataset card (also a Hugging Face dataset card)"),
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
        "sources": sources,
        "newsgraph": meta,
        "resources": resources,
    }
    (root / DATAPACKAGE_FILE).write_text(dumps_pretty(descriptor), encoding="utf-8")
