"""Generate the schema artifacts in ``schema/`` from the models (run: ``make schema``).

For each table: a JSON Schema (draft 2020-12, with ``$schema`` and a versioned ``$id``) and a
Frictionless Table Schema (types, constraints, primary and foreign keys). Both are derived from
the pydantic models, never written by hand; ``tests/test_schema_drift.py`` fails when the
checked-in files differ from what this module generates.
"""

from __future__ import annotations

import functools
import sys
from pathlib import Path
from typing import Any

from newsgraph.models.jsonio import dumps_pretty
from newsgraph.package.tables import TABLES, TableSpec
from newsgraph.versions import SCHEMA_VERSION

JSON_SCHEMA_DIALECT = "https://json-schema.org/draft/2020-12/schema"
DRIFT_HINT = "run `make schema` and commit schema/"


def schema_id(table: str, version: str = SCHEMA_VERSION) -> str:
    """The ``$id`` of a table's JSON Schema: a URN carrying the schema version."""
    return f"urn:newsgraph:schema:{version}:{table}"


@functools.cache
def json_schema(spec: TableSpec) -> dict[str, Any]:
    """The JSON Schema of one table's rows, with properties in column order.

    Cached: validators ask for it once per table and check; callers must not mutate it.
    """
    generated = spec.model.model_json_schema(mode="validation")
    properties = generated["properties"]
    return {
        "$schema": JSON_SCHEMA_DIALECT,
        "$id": schema_id(spec.name),
        "title": spec.name,
        "description": (spec.model.__doc__ or "").strip(),
        "type": "object",
        "properties": {name: properties[name] for name in spec.columns},
        "required": list(spec.columns),
        "additionalProperties": False,
    }


def nullable_and_core(prop: dict[str, Any]) -> tuple[bool, dict[str, Any]]:
    """Split ``anyOf: [X, null]`` into (nullable, X); other properties are not nullable."""
    options = prop.get("anyOf")
    if options is None:
        return False, prop
    core = [o for o in options if o.get("type") != "null"]
    if len(core) != 1:
        raise ValueError(f"cannot map union {options!r} to a Table Schema type")
    return len(core) < len(options), core[0]


def _table_field(name: str, prop: dict[str, Any]) -> dict[str, Any]:
    nullable, core = nullable_and_core(prop)
    kind = core.get("type")
    field: dict[str, Any] = {"name": name, "description": prop.get("description", "")}
    constraints: dict[str, Any] = {}
    if kind == "string" and core.get("format") == "date":
        field["type"] = "date"
    elif kind in ("string", "integer", "number", "boolean", "array"):
        field["type"] = kind
    else:
        raise ValueError(f"field {name!r}: no Table Schema type for {core!r}")
    if not nullable:
        constraints["required"] = True
    for json_key, ts_key in (("pattern", "pattern"), ("enum", "enum"), ("minLength", "minLength"),
                             ("minimum", "minimum"), ("maximum", "maximum")):
        if json_key in core:
            constraints[ts_key] = core[json_key]
    if constraints:
        field["constraints"] = constraints
    return field


def table_schema(spec: TableSpec) -> dict[str, Any]:
    """The Frictionless Table Schema of one table (fields, missing values, keys)."""
    props = json_schema(spec)["properties"]
    schema: dict[str, Any] = {
        "fields": [_table_field(name, props[name]) for name in spec.columns],
        "missingValues": [],
        "primaryKey": list(spec.primary_key),
    }
    if spec.foreign_keys:
        schema["foreignKeys"] = [
            {"fields": list(fk.fields),
             "reference": {"resource": fk.table, "fields": list(fk.reference_fields)}}
            for fk in spec.foreign_keys
        ]
    return schema


def schema_files(version: str = SCHEMA_VERSION) -> dict[str, str]:
    """Every generated schema file: relative path under ``schema/`` -> text."""
    files: dict[str, str] = {}
    for spec in TABLES:
        files[f"{version}/json/{spec.name}.schema.json"] = dumps_pretty(json_schema(spec))
        files[f"{version}/table/{spec.name}.table.json"] = dumps_pretty(table_schema(spec))
    return files


def write_schema(root: Path) -> list[Path]:
    """Write the current version's files under ``root`` (``schema/``); return what changed."""
    changed = []
    for rel, text in schema_files().items():
        path = root / rel
        if not path.exists() or path.read_text(encoding="utf-8") != text:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
            changed.append(path)
    return changed


def main(argv: list[str] | None = None) -> int:
    """``python -m newsgraph.package.schema_export [SCHEMA_DIR]``: regenerate the schema artifacts."""
    args = sys.argv[1:] if argv is None else argv
    root = Path(args[0] if args else "schema")
    changed = write_schema(root)
    print(f"schema {SCHEMA_VERSION}: {len(changed)} file(s) updated under {root}/")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
