"""Round-trips for every table: model -> JSON -> model, and model -> Arrow -> Parquet -> model."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsgraph.models.jsonio import dumps_line
from newsgraph.package.tables import TABLES, TableSpec
from tests.conftest import examples
from tests.strategies import arrow_schema, generic_arrow_schema, model_strategy, row_strategy

SETTINGS = settings(max_examples=examples(100), deadline=None)
# tmp_path is shared by the examples of one test: each example overwrites the same file.
FILE_SETTINGS = settings(max_examples=examples(50), deadline=None,
                         suppress_health_check=[HealthCheck.function_scoped_fixture])

TABLE_PARAMS = pytest.mark.parametrize("spec", TABLES, ids=[t.name for t in TABLES])


@TABLE_PARAMS
@SETTINGS
@given(data=st.data())
def test_json_roundtrip(spec: TableSpec, data: st.DataObject) -> None:
    model = data.draw(model_strategy(spec))
    text = model.model_dump_json()
    again = spec.model.model_validate_json(text)
    assert again == model
    assert again.model_dump_json() == text


@TABLE_PARAMS
@SETTINGS
@given(data=st.data())
def test_json_row_is_model_dump(spec: TableSpec, data: st.DataObject) -> None:
    """A generated JSON row is exactly what the model dumps for it (dates as ISO strings)."""
    row = data.draw(row_strategy(spec))
    model = spec.model.model_validate_json(json.dumps(row))
    assert model.model_dump(mode="json") == row
    assert json.loads(model.model_dump_json()) == row


@TABLE_PARAMS
@SETTINGS
@given(data=st.data())
def test_jsonl_line_roundtrip(spec: TableSpec, data: st.DataObject) -> None:
    """The canonical JSON Lines writer (``jsonio.dumps_line``) reads back to the same model."""
    model = data.draw(model_strategy(spec))
    line = dumps_line(model.model_dump(mode="json"))
    assert "\n" not in line
    assert spec.model.model_validate_json(line) == model


def test_arrow_schema_covers_every_column() -> None:
    for spec in TABLES:
        schema = arrow_schema(spec)
        assert schema.names == list(spec.columns), spec.name


def _loosen_items(kind: pa.DataType) -> pa.DataType:
    """A list type with nullable items (item nullability is not compared)."""
    if pa.types.is_list(kind):
        return pa.list_(_loosen_items(kind.value_type))
    return kind


@TABLE_PARAMS
def test_arrow_schema_agrees_with_model_annotations(spec: TableSpec) -> None:
    """The schema used for Parquet and one derived independently from the annotations agree."""
    used, derived = arrow_schema(spec), generic_arrow_schema(spec)
    assert [(f.name, _loosen_items(f.type), f.nullable) for f in used] == \
        [(f.name, _loosen_items(f.type), f.nullable) for f in derived]


def _parquet_roundtrip(spec: TableSpec, rows: list[dict[str, Any]], path: Path) -> pa.Table:
    table = pa.Table.from_pylist(rows, schema=arrow_schema(spec))
    pq.write_table(table, path)
    return pq.read_table(path)


@TABLE_PARAMS
@FILE_SETTINGS
@given(data=st.data())
def test_parquet_roundtrip(spec: TableSpec, data: st.DataObject, tmp_path: Path) -> None:
    models = data.draw(st.lists(model_strategy(spec), min_size=0, max_size=5))
    path = tmp_path / f"{spec.name}.parquet"
    back = _parquet_roundtrip(spec, [m.model_dump() for m in models], path)
    assert back.schema.equals(arrow_schema(spec), check_metadata=False)
    assert back.num_rows == len(models)
    again = [spec.model.model_validate(row) for row in back.to_pylist()]
    assert again == models

