"""Arrow schemas derived from the table models (via their JSON Schema), for Parquet I/O."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from newsgraph.package.schema_export import json_schema, nullable_and_core
from newsgraph.package.tables import TableSpec

if TYPE_CHECKING:
    import pyarrow as pa


def _arrow_type(core: dict[str, Any]) -> pa.DataType:
    import pyarrow as pa

    kind = core.get("type")
    if kind == "string":
        return pa.date32() if core.get("format") == "date" else pa.string()
    if kind == "integer":
        return pa.int64()
    if kind == "number":
        return pa.float64()
    if kind == "boolean":
        return pa.bool_()
    if kind == "array":
        return pa.list_(_arrow_type(core["items"]))
    raise ValueError(f"no Arrow type for {core!r}")


def arrow_schema(spec: TableSpec) -> pa.Schema:
    """The Arrow schema of a table: columns in order, nullability from the model."""
    import pyarrow as pa

    props = json_schema(spec)["properties"]
    fields = []
    for name in spec.columns:
        nullable, core = nullable_and_core(props[name])
        fields.append(pa.field(name, _arrow_type(core), nullable=nullable))
    return pa.schema(fields)
