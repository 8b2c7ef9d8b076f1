"""Croissant (MLCommons, 1.0) metadata for a package: ``croissant.json``.

One ``cr:FileObject`` per Parquet file (with its SHA-256) and one ``cr:RecordSet`` per table
whose fields are extracted from the Parquet columns, generated from the same models and
resource list as ``datapackage.json``.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from newsgraph.package.descriptor import sha256_file
from newsgraph.package.layout import parquet_files, parquet_parts_dir
from newsgraph.package.schema_export import json_schema, nullable_and_core
from newsgraph.package.tables import TABLES, parquet_path
from newsgraph.recipe.manifest import Recipe

CROISSANT_FILE = "croissant.json"
LICENSE_URLS = {"CC-BY-4.0": "https://creativecommons.org/licenses/by/4.0/",
                "Apache-2.0": "https://www.apache.org/licenses/LICENSE-2.0"}

CONTEXT: dict[str, Any] = {
    "@language": "en",
    "@vocab": "https://schema.org/",
    "citeAs": "cr:citeAs",
    "column": "cr:column",
    "conformsTo": "dct:conformsTo",
    "cr": "http://mlcommons.org/croissant/",
    "rai": "http://mlcommons.org/croissant/RAI/",
    "data": {"@id": "cr:data", "@type": "@json"},
    "dataType": {"@id": "cr:dataType", "@type": "@vocab"},
    "dct": "http://purl.org/dc/terms/",
    "equivalentProperty": "cr:equivalentProperty",
    "examples": {"@id": "cr:examples", "@type": "@json"},
    "extract": "cr:extract",
    "field": "cr:field",
    "fileProperty": "cr:fileProperty",
    "fileObject": "cr:fileObject",
    "fileSet": "cr:fileSet",
    "format": "cr:format",
    "includes": "cr:includes",
    "isLiveDataset": "cr:isLiveDataset",
    "jsonPath": "cr:jsonPath",
    "key": "cr:key",
    "md5": "cr:md5",
    "parentField": "cr:parentField",
    "path": "cr:path",
    "recordSet": "cr:recordSet",
    "references": "cr:references",
    "regex": "cr:regex",
    "repeated": "cr:repeated",
    "replace": "cr:replace",
    "samplingRate": "cr:samplingRate",
    "sc": "https://schema.org/",
    "separator": "cr:separator",
    "source": "cr:source",
    "subField": "cr:subField",
    "transform": "cr:transform",
}


def _data_type(core: dict[str, Any]) -> str:
    kind = core.get("type")
    if kind == "string":
        return "sc:Date" if core.get("format") == "date" else "sc:Text"
    if kind == "array":
        return _data_type(core["items"])
    return {"integer": "sc:Integer", "number": "sc:Float", "boolean": "sc:Boolean"}[str(kind)]


def croissant(root: Path, recipe: Recipe, homepage: str | None) -> dict[str, Any]:
    """The Croissant JSON-LD document for the package in ``root``."""
    distribution = []
    record_sets = []
    for spec in TABLES:
        file_id = f"{spec.name}-parquet"
        files = parquet_files(root, spec.name)
        if files == [parquet_path(spec.name)]:
            distribution.append({
                "@type": "cr:FileObject", "@id": file_id, "name": file_id,
                "description": f"The {spec.name} table as Parquet.", "contentUrl": files[0],
                "encodingFormat": "application/x-parquet",
                "sha256": sha256_file(root / files[0]),
            })
        else:  # a folder of parts: a file set (each part's hash is in datapackage.json)
            distribution.append({
                "@type": "cr:FileSet", "@id": file_id, "name": file_id,
                "description": f"The {spec.name} table as a folder of Parquet parts.",
                "includes": f"{parquet_parts_dir(spec.name)}/*.parquet",
                "encodingFormat": "application/x-parquet",
            })
        source_key = "fileObject" if files == [parquet_path(spec.name)] else "fileSet"
        props = json_schema(spec)["properties"]
        fields = []
        for column in spec.columns:
            _, core = nullable_and_core(props[column])
            field: dict[str, Any] = {
                "@type": "cr:Field", "@id": f"{spec.name}/{column}", "name": column,
                "description": props[column].get("description", ""),
                "dataType": _data_type(core),
                "source": {source_key: {"@id": file_id}, "extract": {"column": column}},
            }
            if core.get("type") == "array":
                field["repeated"] = True
            fields.append(field)
        record_sets.append({"@type": "cr:RecordSet", "@id": spec.name, "name": spec.name,
                            "description": spec.description, "field": fields})
    return {
        "@context": CONTEXT,
        "@type": "sc:Dataset",
        "name": recipe.id,
        "description": recipe.description,
        "conformsTo": "http://mlcommons.org/croissant/1.0",
        "license": LICENSE_URLS.get(recipe.licenses.records, recipe.licenses.records),
        "url": homepage or "https://pypi.org/project/newsgraph/",
        "version": recipe.version,
        "citeAs": "newsgraph contributors, " + recipe.title,
        "distribution": distribution,
        "recordSet": record_sets,
    }
