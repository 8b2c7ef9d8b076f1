"""Finish a package: its publishing files and ``datapackage.json``, after its tables.

The descriptor lists every file with its hash and size. Tabular resources are the JSON Lines
files with their Table Schemas inline (Frictionless reads them faithfully); the Parquet files
are listed as file resources with hash and size (Frictionless 5 reads Parquet only through
pandas and misreports list and nullable columns). It sits above ``newsgraph.package`` because
it writes the publishing files (card, Croissant, timeline) into the package and lists them.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from newsgraph.models.jsonio import dumps_pretty
from newsgraph.package.descriptor import sha256_file
from newsgraph.package.layout import BUILD_REPORT_FILE
from newsgraph.package.schema_export import table_schema
from newsgraph.package.source_list import SourceList
from newsgraph.package.tables import DATAPACKAGE_FILE, TABLES, jsonl_path, parquet_path
from newsgraph.package.writer import TableWriter, table_metadata, versions
from newsgraph.publish.card import CARD_FILE, TIMELINE_FILE, render_card
from newsgraph.publish.croissant import CROISSANT_FILE, croissant
from newsgraph.publish.timeline import Figures, render_timeline
from newsgraph.recipe.manifest import Recipe

if TYPE_CHECKING:
    import pyarrow as pa


def _resource_file(root: Path, rel: str) -> dict[str, Any]:
    path = root / rel
    return {"hash": f"sha256:{sha256_file(path)}", "bytes": path.stat().st_size}



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
