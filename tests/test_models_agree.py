"""pydantic (strict, JSON input) and the exported JSON Schema give the same verdict on a row.

Valid rows come from ``tests/strategies.py``; invalid rows are valid rows with one mutation.
Every mutation applies to the columns whose JSON Schema allows it (a bad date only to date
columns, and so on), so each (table, mutation) pair below is a real test, never a skip. On
rejection, both sides must also point at the mutated field: pydantic by the error's ``loc`` and
``type`` (never its message), JSON Schema by the error's path.

Disagreements found earlier (a trailing newline after an id, ``1.0`` for an integer, ``"0"``
for a date) are pinned at the end as regression tests.
"""

from __future__ import annotations

import datetime as dt
import functools
import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st
from jsonschema import Draft202012Validator, FormatChecker
from pydantic import ValidationError

from newsgraph.package.schema_export import json_schema
from newsgraph.package.tables import TABLES, TableSpec
from tests.conftest import examples
from tests.strategies import (
    column_strategy,
    field_schemas,
    model_from_row,
    row_strategy,
    text_strategy,
)

SETTINGS = settings(max_examples=examples(100), deadline=None)
MUTATION_SETTINGS = settings(max_examples=examples(50), deadline=None)
TABLE_PARAMS = pytest.mark.parametrize("spec", TABLES, ids=[t.name for t in TABLES])

Row = dict[str, Any]


@functools.cache
def validator(spec: TableSpec) -> Draft202012Validator:
    schema = json_schema(spec)
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema, format_checker=FormatChecker())


def pydantic_errors(spec: TableSpec, row: Row) -> list[dict[str, Any]]:
    """pydantic's errors for a JSON row ([] when valid), validating the JSON text strictly."""
    try:
        spec.model.model_validate_json(json.dumps(row))
    except ValidationError as exc:
        return list(exc.errors())
    return []


def schema_errors(spec: TableSpec, row: Row) -> list[Any]:
    return list(validator(spec).iter_errors(row))


# --- valid rows ----------------------------------------------------------------------------


@TABLE_PARAMS
@SETTINGS
@given(data=st.data())
def test_both_accept_valid_rows(spec: TableSpec, data: st.DataObject) -> None:
    row = data.draw(row_strategy(spec))
    assert pydantic_errors(spec, row) == []
    assert [e.message for e in schema_errors(spec, row)] == []


# --- mutations -----------------------------------------------------------------------------


def _type_error(core: dict[str, Any]) -> str:
    """pydantic's error type for a value of the wrong JSON type in a column with this schema."""
    if "enum" in core:
        return "literal_error"
    kind = core.get("type")
    if kind == "string":
        return "date_type" if core.get("format") == "date" else "string_type"
    return {"integer": "int_type", "number": "float_type", "boolean": "bool_type",
            "array": "list_type"}[kind]


def _is_iso_date(value: str) -> bool:
    try:
        dt.date.fromisoformat(value)
    except ValueError:
        return False
    return re.fullmatch(r"\d{4}-\d{2}-\d{2}", value, re.ASCII) is not None


# Strings that look like dates but are not RFC 3339 full-dates; "0" and "86400" are ones that
# pydantic's JSON mode alone would read as Unix timestamps.
_BAD_DATES = ["2019-12-1", "2019-12-01T00:00:00", "2019-12-01T00:00:00Z", "20191201",
              "2019-02-30", "2019-13-01", "0000-01-01", "2019-12-01Z", "2019-12-01\n",
              " 2019-12-01", "2019-12-01 ", "2019-W48", "+2019-12-01", "2019/12/01",
              "１２３４-01-01", "2019-12-001", "Dec 1, 2019", "", "1575158400.0", "1e3",
              "0", "86400", "-86400", "1575158400", "00000000"]


@dataclass(frozen=True)
class Mutation:
    """Make a valid row invalid at one column (or, for ``unknown_key``, beside the columns)."""

    name: str
    applies: Callable[[bool, dict[str, Any]], bool]  # (nullable, core schema) -> bool
    value: Callable[[str, dict[str, Any], Any], st.SearchStrategy[Any]] | None
    #: pydantic error types accepted for this mutation (given the column's core schema).
    error_types: Callable[[dict[str, Any]], set[str]]


def _broken_pattern(_name: str, core: dict[str, Any], valid: Any) -> st.SearchStrategy[Any]:
    pattern = core["pattern"]
    edits = st.sampled_from([
        lambda v: " " + v, lambda v: v + "!", lambda v: "!" + v, lambda v: v[:-1],
        lambda v: v.upper() + "Ω", lambda v: v[:1] + "\u00e9" + v[1:], lambda v: "",
        lambda v: v + " ", lambda v: "\n" + v, lambda v: v.replace("_", "-"), lambda v: v + "\n",
    ])
    return edits.map(lambda edit: edit(valid)).filter(lambda v: re.search(pattern, v) is None)


def _out_of_range(_name: str, core: dict[str, Any], _valid: Any) -> st.SearchStrategy[Any]:
    integer = core["type"] == "integer"
    options = []
    if "minimum" in core:
        low = core["minimum"]
        options.append(st.integers(max_value=low - 1) if integer else
                       st.floats(max_value=low, exclude_max=True, allow_nan=False,
                                 allow_infinity=False).filter(lambda v: v < low))
    if "maximum" in core:
        high = core["maximum"]
        options.append(st.integers(min_value=high + 1) if integer else
                       st.floats(min_value=high, exclude_min=True, allow_nan=False,
                                 allow_infinity=False).filter(lambda v: v > high))
    return st.one_of(options)


def _bad_date(_name: str, _core: dict[str, Any], _valid: Any) -> st.SearchStrategy[Any]:
    return st.one_of(st.sampled_from(_BAD_DATES), text_strategy(),
                     st.integers().map(str)).filter(lambda v: not _is_iso_date(v))


def _range_errors(core: dict[str, Any]) -> set[str]:
    return {"greater_than_equal", "less_than_equal", "greater_than", "less_than"}


def _scalar(core: dict[str, Any]) -> bool:
    return core.get("type") != "array"


MUTATIONS: tuple[Mutation, ...] = (
    Mutation("drop_required", lambda n, c: True, None, lambda c: {"missing"}),
    Mutation("string_for_int", lambda n, c: c.get("type") == "integer",
             lambda _n, _c, _v: text_strategy(), lambda c: {"int_type"}),
    Mutation("numeric_string_for_int", lambda n, c: c.get("type") == "integer",
             lambda _n, _c, _v: st.integers(min_value=0).map(str), lambda c: {"int_type"}),
    Mutation("numeric_string_for_number", lambda n, c: c.get("type") == "number",
             lambda _n, _c, _v: st.floats(0, 1).map(str), lambda c: {"float_type"}),
    Mutation("int_for_string", lambda n, c: c.get("type") == "string",
             lambda _n, _c, _v: st.integers(), lambda c: {_type_error(c)}),
    Mutation("bool_for_scalar", lambda n, c: _scalar(c),
             lambda _n, _c, _v: st.booleans(), lambda c: {_type_error(c)}),
    Mutation("scalar_for_list", lambda n, c: c.get("type") == "array",
             lambda _n, _c, _v: st.one_of(text_strategy(), st.integers()),
             lambda c: {"list_type"}),
    Mutation("list_for_scalar", lambda n, c: _scalar(c),
             lambda _n, _c, _v: st.lists(text_strategy(min_size=1), max_size=2),
             lambda c: {_type_error(c)}),
    Mutation("broken_pattern", lambda n, c: "pattern" in c, _broken_pattern,
             lambda c: {"string_pattern_mismatch"}),
    Mutation("empty_non_empty_string", lambda n, c: c.get("minLength", 0) > 0,
             lambda _n, _c, _v: st.just(""), lambda c: {"string_too_short"}),
    Mutation("out_of_range", lambda n, c: "minimum" in c or "maximum" in c, _out_of_range,
             _range_errors),
    Mutation("bad_enum", lambda n, c: "enum" in c,
             lambda _n, c, _v: text_strategy().filter(lambda v: v not in c["enum"]),
             lambda c: {"literal_error"}),
    Mutation("bad_date", lambda n, c: c.get("format") == "date", _bad_date,
             # value_error: newsgraph's own ISO check (a BeforeValidator raising ValueError)
             lambda c: {"date_parsing", "date_from_datetime_parsing",
                        "date_from_datetime_inexact", "value_error"}),
    Mutation("null_in_non_nullable", lambda n, c: not n,
             lambda _n, _c, _v: st.none(), lambda c: {_type_error(c)}),
    Mutation("bad_list_item", lambda n, c: c.get("type") == "array",
             lambda _n, _c, v: st.integers().map(lambda i: [*v, i]),
             lambda c: {_type_error(c["items"])}),
)


def _cases() -> list[Any]:
    cases = []
    for spec in TABLES:
        schemas = field_schemas(spec)
        for mutation in MUTATIONS:
            columns = [c for c, (nullable, core) in schemas.items()
                       if mutation.applies(nullable, core)]
            if columns:
                cases.append(pytest.param(spec, mutation, tuple(columns),
                                          id=f"{spec.name}-{mutation.name}"))
    return cases


CASES = _cases()


def test_every_mutation_applies_somewhere() -> None:
    used = {p.values[1].name for p in CASES}
    assert used == {m.name for m in MUTATIONS}


def _schema_points_at(errors: list[Any], column: str, mutation: str) -> bool:
    for error in errors:
        path = list(error.absolute_path)
        if path[:1] == [column]:
            return True
        if mutation == "drop_required" and error.validator == "required" and not path \
                and repr(column) in error.message:
            return True
    return False


@pytest.mark.parametrize(("spec", "mutation", "columns"), CASES)
@MUTATION_SETTINGS
@given(data=st.data())
def test_both_reject_mutated_rows(spec: TableSpec, mutation: Mutation,
                                  columns: tuple[str, ...], data: st.DataObject) -> None:
    row = data.draw(row_strategy(spec), label="valid row")
    column = data.draw(st.sampled_from(columns), label="column")
    _nullable, core = field_schemas(spec)[column]
    bad = dict(row)
    if mutation.value is None:
        del bad[column]
    else:
        valid = row[column]
        if valid is None:  # mutate a non-null value of the column
            valid = data.draw(column_strategy(spec, column, allow_null=False), label="valid value")
        bad[column] = data.draw(mutation.value(column, core, valid), label="bad value")

    errors = pydantic_errors(spec, bad)
    assert errors, f"pydantic accepted {bad!r}"
    schema_errs = schema_errors(spec, bad)
    assert schema_errs, f"JSON Schema accepted {bad!r}"

    expected = mutation.error_types(core)
    located = [e for e in errors if e["loc"][:1] == (column,)]
    assert located, f"no pydantic error names {column!r}: {errors}"
    assert {e["type"] for e in located} & expected, (expected, errors)
    assert _schema_points_at(schema_errs, column, mutation.name), \
        [(list(e.absolute_path), e.message) for e in schema_errs]


@TABLE_PARAMS
@SETTINGS
@given(data=st.data())
def test_unknown_field_is_extra_forbidden(spec: TableSpec, data: st.DataObject) -> None:
    row = data.draw(row_strategy(spec))
    key = data.draw(st.one_of(text_strategy(), st.sampled_from(["id", "extra", "Text",
                                                                "article_id ", "__class__"]))
                    .filter(lambda k: k not in row))
    bad = {**row, key: data.draw(st.one_of(st.none(), st.integers(), text_strategy()))}

    errors = pydantic_errors(spec, bad)
    assert [(e["type"], e["loc"]) for e in errors] == [("extra_forbidden", (key,))]
    schema_errs = schema_errors(spec, bad)
    assert [e.validator for e in schema_errs] == ["additionalProperties"]
    assert repr(key) in schema_errs[0].message


@TABLE_PARAMS
def test_python_input_is_strict_too(spec: TableSpec) -> None:
    """Strict in Python mode as well: a str where a column wants an int/date/list is refused."""
    schemas = field_schemas(spec)
    for column, (_nullable, core) in schemas.items():
        wrong = 1 if core.get("type") in ("string", "array") else "1"
        row = {c: None for c in schemas} | {column: wrong}
        try:
            spec.model.model_validate(row)
        except ValidationError as exc:
            located = [e for e in exc.errors() if e["loc"][:1] == (column,)]
            assert {e["type"] for e in located} & {_type_error(core)}, exc.errors()
        else:  # pragma: no cover - a failure
            pytest.fail(f"{spec.name}.{column} accepted {wrong!r}")


# --- former disagreements, now regression tests ---------------------------------------------
# Each was a row one side accepted and the other rejected, before newsgraph.models.base fixed it.


def _cases_for(predicate: Callable[[dict[str, Any]], bool]) -> list[Any]:
    cases = []
    for spec in TABLES:
        columns = tuple(c for c, (_n, core) in field_schemas(spec).items() if predicate(core))
        if columns:
            cases.append(pytest.param(spec, columns, id=spec.name))
    return cases


def _agree(spec: TableSpec, row: Row) -> bool:
    """Both sides' verdict on ``row`` (True: valid), failing the test if they differ."""
    by_pydantic = not pydantic_errors(spec, row)
    by_schema = not schema_errors(spec, row)
    assert by_pydantic == by_schema, (
        f"pydantic {'accepts' if by_pydantic else 'rejects'}, JSON Schema "
        f"{'accepts' if by_schema else 'rejects'} {row!r}")
    return by_pydantic


@pytest.mark.parametrize(("spec", "columns"), _cases_for(lambda c: "pattern" in c))
@MUTATION_SETTINGS
@given(data=st.data())
def test_both_reject_trailing_newline_in_pattern(spec: TableSpec, columns: tuple[str, ...],
                                                 data: st.DataObject) -> None:
    """Python's ``$`` matches before a final newline; the patterns must not let it through."""
    row = data.draw(row_strategy(spec))
    column = data.draw(st.sampled_from(columns))
    value = data.draw(column_strategy(spec, column, allow_null=False))
    suffix = data.draw(st.sampled_from(["\n", "\r\n", "\n\n", "\r"]))
    bad = {**row, column: value + suffix}
    assert _agree(spec, bad) is False


@pytest.mark.parametrize(("spec", "columns"), _cases_for(lambda c: c.get("type") == "integer"))
@MUTATION_SETTINGS
@given(data=st.data())
def test_agree_on_floats_for_int(spec: TableSpec, columns: tuple[str, ...],
                                 data: st.DataObject) -> None:
    """JSON Schema's ``integer`` (draft 2020-12) accepts 1.0 and rejects 1.5; so must pydantic."""
    row = data.draw(row_strategy(spec))
    column = data.draw(st.sampled_from(columns))
    value = data.draw(column_strategy(spec, column, allow_null=False))
    assume(abs(value) < 2**52)  # value and value + 0.5 are exact floats
    integral = {**row, column: float(value)}
    assert _agree(spec, integral) is True
    assert getattr(model_from_row(spec, integral), column) == value
    assert type(getattr(model_from_row(spec, integral), column)) is int
    assert _agree(spec, {**row, column: value + 0.5}) is False


@pytest.mark.parametrize(("spec", "columns"), _cases_for(lambda c: c.get("format") == "date"))
@MUTATION_SETTINGS
@given(data=st.data())
def test_both_reject_numeric_date_string(spec: TableSpec, columns: tuple[str, ...],
                                         data: st.DataObject) -> None:
    """pydantic's JSON mode would read "0" or "86400" as a Unix timestamp (1970-01-01/02)."""
    row = data.draw(row_strategy(spec))
    column = data.draw(st.sampled_from(columns))
    days = data.draw(st.integers(min_value=-10**5, max_value=10**5))
    assert _agree(spec, {**row, column: str(days * 86400)}) is False
