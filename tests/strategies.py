"""Hypothesis strategies for valid rows of every table, derived from the models.

The structure of a value (nullable, list, ``Literal``, date, int, float, str) comes from the
field's annotation in ``model.model_fields``; its constraints (pattern, minLength, minimum,
maximum, ...) come from the field's exported JSON Schema (``newsgraph.package.schema_export``). A new
field is therefore covered without touching this file; an annotation or a JSON Schema keyword
this module does not know raises ``TypeError`` naming the field, so nothing is skipped silently.

Explicit strategies are used only where a regular expression alone gives poor data: ids
(``prefix_`` + 16 hex digits, as ``newsgraph.models.ids.content_id`` makes them), Wikidata ids,
SHA-256 digests, language tags and ``method`` strings. They are keyed by the models' own
patterns (``id_pattern``, ``METHOD_PATTERN``, ``WikidataId``, ``Sha256``, ``Language``), so a
change of pattern syntax keeps them in use. Any other pattern falls back to ``st.from_regex``.

Public helpers:

* ``row_strategy(spec)``: a JSON-able dict (dates as ISO strings), one key per column;
* ``model_strategy(spec)``: a model instance built from such a row;
* ``arrow_schema(spec)``: the pyarrow schema of a table (``newsgraph.package.arrow_schema`` when it
  exists, else the generic derivation below);
* ``field_schemas(spec)``: column -> (nullable, core JSON Schema without the null branch).
"""

from __future__ import annotations

import datetime as dt
import functools
import importlib
import importlib.util
import json
import types
import typing
from typing import Any

import pyarrow as pa
from hypothesis import strategies as st

from newsgraph.models import actor as actor_models
from newsgraph.models import article as article_models
from newsgraph.models.base import METHOD_PATTERN
from newsgraph.models.ids import ID_HEX_DIGITS, PREFIXES, id_pattern
from newsgraph.package.schema_export import json_schema
from newsgraph.package.tables import TableSpec

JsonStrategy = st.SearchStrategy[Any]

#: Largest integer a Parquet/Arrow int64 column holds; JSON Schema sets no upper bound.
INT64_MAX = 2**63 - 1

#: JSON Schema keywords this module knows how to honour (or may ignore, like ``title``).
_KNOWN_KEYWORDS = frozenset({
    "type", "title", "description", "default", "examples", "pattern", "enum", "const", "format",
    "minLength", "maxLength", "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum",
    "items", "minItems", "maxItems", "anyOf",
})


def _pattern_of(annotated: Any) -> str:
    """The ``StringConstraints`` pattern of an ``Annotated[str, ...]`` type of the models."""
    for meta in typing.get_args(annotated)[1:]:
        pattern = getattr(meta, "pattern", None)
        if pattern:
            return str(pattern)
    raise TypeError(f"{annotated!r} has no pattern")


WIKIDATA_PATTERN = _pattern_of(actor_models.WikidataId)
SHA256_PATTERN = _pattern_of(article_models.Sha256)
LANGUAGE_PATTERN = _pattern_of(article_models.Language)

# Pieces of text in several scripts and with awkward characters (combining marks, emoji flags,
# CRLF, curly quotes, NUL), mixed into generated strings.
_SCRIPT_SAMPLES = (
    "Erdoğan", "Эрдоган", "أردوغان", "埃尔多安", "エルドアン", "एर्दोआन", "Ερντογάν", "ארדואן",
    "S-400", "“Patriot”", "«С-400»", "‘F-35’", "e\u0301", "🇹🇷", "👍🏽", " ", "\r\n", "\t", "\x00",
    "İstanbul", "ß", "ﬁ", "\u200b", "Ankara",
)


def hex_digits(n: int) -> st.SearchStrategy[str]:
    """``n`` lowercase hex digits."""
    return st.text(alphabet="0123456789abcdef", min_size=n, max_size=n)


def id_strategy(prefix: str, digits: int = ID_HEX_DIGITS) -> st.SearchStrategy[str]:
    """Ids shaped like ``newsgraph.models.ids.content_id`` output: ``prefix_`` + hex digits."""
    return hex_digits(digits).map(lambda h: f"{prefix}_{h}")


def method_strategy() -> st.SearchStrategy[str]:
    """``curated`` or ``rule:<name>@<version>``."""
    rule = st.builds(
        lambda name, version: f"rule:{name}@{version}",
        st.text(alphabet="abcdefghijklmnopqrstuvwxyz0123456789_.", min_size=1, max_size=20),
        st.integers(min_value=0, max_value=10**6),
    )
    return st.one_of(st.just("curated"), rule)


def language_strategy() -> st.SearchStrategy[str]:
    """BCP 47-like tags: common real ones and arbitrary ones matching the pattern."""
    return st.one_of(
        st.sampled_from(["en", "tr", "ru", "ar", "zh", "de", "fr", "en-GB", "zh-Hans",
                         "es-419", "sr-Latn-RS", "fil"]),
        st.from_regex(r"[a-z]{2,3}(-[A-Za-z0-9]{1,8})*", fullmatch=True),
    )


#: Explicit strategies for the patterns the models use (everything else: ``st.from_regex``).
PATTERN_STRATEGIES: dict[str, st.SearchStrategy[str]] = {
    **{id_pattern(kind): id_strategy(prefix) for kind, prefix in PREFIXES.items()},
    WIKIDATA_PATTERN: st.integers(min_value=1, max_value=10**12).map(lambda n: f"Q{n}"),
    SHA256_PATTERN: hex_digits(64),
    LANGUAGE_PATTERN: language_strategy(),
    METHOD_PATTERN: method_strategy(),
}


def text_strategy(min_size: int = 0, max_size: int | None = None) -> st.SearchStrategy[str]:
    """Arbitrary Unicode text (no lone surrogates), often mixing scripts."""
    mixed = st.lists(st.one_of(st.sampled_from(_SCRIPT_SAMPLES), st.text(max_size=5)),
                     min_size=1, max_size=6).map("".join)
    strategy = st.one_of(st.text(min_size=min_size, max_size=max_size or 40), mixed)
    return strategy.filter(
        lambda s: len(s) >= min_size and (max_size is None or len(s) <= max_size))


def _check_keywords(where: str, schema: dict[str, Any]) -> None:
    unknown = set(schema) - _KNOWN_KEYWORDS
    if unknown:
        raise TypeError(f"{where}: no strategy for JSON Schema keyword(s) {sorted(unknown)}; "
                        "extend tests/strategies.py")


def _string_strategy(where: str, schema: dict[str, Any]) -> st.SearchStrategy[str]:
    if "pattern" in schema:
        if {"minLength", "maxLength"} & set(schema):
            raise TypeError(f"{where}: pattern combined with a length bound is not supported")
        pattern = schema["pattern"]
        if pattern in PATTERN_STRATEGIES:
            return PATTERN_STRATEGIES[pattern]
        return st.from_regex(pattern, fullmatch=True)
    return text_strategy(schema.get("minLength", 0), schema.get("maxLength"))


def _unwrap_annotated(annotation: Any) -> Any:
    while typing.get_origin(annotation) is typing.Annotated:
        annotation = typing.get_args(annotation)[0]
    return annotation


def split_nullable(annotation: Any) -> tuple[bool, Any]:
    """(nullable, the annotation without ``None``) for ``X | None`` / ``Optional[X]``."""
    annotation = _unwrap_annotated(annotation)
    if typing.get_origin(annotation) in (typing.Union, types.UnionType):
        args = typing.get_args(annotation)
        rest = [a for a in args if a is not type(None)]
        if len(rest) != 1:
            raise TypeError(f"unsupported union {annotation!r}")
        return len(rest) < len(args), _unwrap_annotated(rest[0])
    return False, annotation


def split_nullable_schema(schema: dict[str, Any]) -> tuple[bool, dict[str, Any]]:
    """(nullable, core) for a property ``{"anyOf": [core, {"type": "null"}], ...}``."""
    if "anyOf" not in schema:
        return schema.get("type") == "null", schema
    options = schema["anyOf"]
    core = [o for o in options if o.get("type") != "null"]
    if len(core) != 1:
        raise TypeError(f"unsupported union schema {options!r}")
    return len(core) < len(options), core[0]


def value_strategy(where: str, annotation: Any, schema: dict[str, Any]) -> JsonStrategy:
    """JSON values valid for a field with this annotation and JSON Schema."""
    nullable, inner = split_nullable(annotation)
    schema_nullable, core = split_nullable_schema(schema)
    if nullable != schema_nullable:
        raise TypeError(f"{where}: annotation and JSON Schema disagree on nullability")
    _check_keywords(where, schema)
    if nullable:
        return st.one_of(st.none(), value_strategy(where, inner, core))
    origin = typing.get_origin(inner)
    if origin is typing.Literal:
        return st.sampled_from(typing.get_args(inner))
    if origin is list:
        (item,) = typing.get_args(inner)
        return st.lists(value_strategy(f"{where}[]", item, core.get("items", {})),
                        min_size=core.get("minItems", 0), max_size=core.get("maxItems", 4))
    if inner is bool:
        return st.booleans()
    if inner is dt.date:
        return st.dates().map(dt.date.isoformat)
    if inner is int:
        low = core.get("minimum", -INT64_MAX - 1)
        if "exclusiveMinimum" in core:
            low = max(low, core["exclusiveMinimum"] + 1)
        high = core.get("maximum", INT64_MAX)
        if "exclusiveMaximum" in core:
            high = min(high, core["exclusiveMaximum"] - 1)
        return st.integers(min_value=low, max_value=high)
    if inner is float:
        return st.floats(
            min_value=core.get("minimum", core.get("exclusiveMinimum")),
            max_value=core.get("maximum", core.get("exclusiveMaximum")),
            exclude_min="exclusiveMinimum" in core, exclude_max="exclusiveMaximum" in core,
            allow_nan=False, allow_infinity=False,
        )
    if inner is str:
        return _string_strategy(where, core)
    raise TypeError(f"{where}: no strategy for annotation {inner!r}; extend tests/strategies.py")


@functools.cache
def field_schemas(spec: TableSpec) -> dict[str, tuple[bool, dict[str, Any]]]:
    """column -> (nullable, core JSON Schema of the column, without the null branch)."""
    props = json_schema(spec)["properties"]
    return {name: split_nullable_schema(props[name]) for name in spec.columns}


@functools.cache
def row_strategy(spec: TableSpec) -> st.SearchStrategy[dict[str, Any]]:
    """Valid JSON rows of ``spec``'s table (dates as ISO strings), keys in column order."""
    props = json_schema(spec)["properties"]
    fields = spec.model.model_fields
    columns = spec.columns
    rows = st.fixed_dictionaries({
        name: value_strategy(f"{spec.name}.{name}", fields[name].annotation, props[name])
        for name in columns
    })
    return rows.map(lambda row: {name: row[name] for name in columns})


def column_strategy(spec: TableSpec, column: str, *, allow_null: bool = True) -> JsonStrategy:
    """Valid JSON values of one column; ``allow_null=False`` never gives ``None``."""
    prop = json_schema(spec)["properties"][column]
    annotation = spec.model.model_fields[column].annotation
    if not allow_null:
        _nullable, annotation = split_nullable(annotation)
        _nullable, prop = split_nullable_schema(prop)
    return value_strategy(f"{spec.name}.{column}", annotation, prop)


def model_from_row(spec: TableSpec, row: dict[str, Any]) -> Any:
    """Validate a JSON row the way a reader of JSON Lines does (strict, JSON input)."""
    return spec.model.model_validate_json(json.dumps(row))


@functools.cache
def model_strategy(spec: TableSpec) -> st.SearchStrategy[Any]:
    """Model instances of ``spec``'s table."""
    return row_strategy(spec).map(functools.partial(model_from_row, spec))


# --- Arrow ---------------------------------------------------------------------------------

_ARROW_SCALARS: dict[Any, pa.DataType] = {
    str: pa.string(), int: pa.int64(), float: pa.float64(), bool: pa.bool_(),
    dt.date: pa.date32(),
}


def _arrow_field(name: str, annotation: Any) -> pa.Field:
    nullable, inner = split_nullable(annotation)
    origin = typing.get_origin(inner)
    if origin is typing.Literal:
        values = typing.get_args(inner)
        if not all(isinstance(v, str) for v in values):
            raise TypeError(f"{name}: only string Literals map to Arrow")
        kind: pa.DataType = pa.string()
    elif origin is list:
        (item,) = typing.get_args(inner)
        kind = pa.list_(_arrow_field("item", item))
    elif inner in _ARROW_SCALARS:
        kind = _ARROW_SCALARS[inner]
    else:
        raise TypeError(f"{name}: no Arrow type for {inner!r}")
    return pa.field(name, kind, nullable=nullable)


def generic_arrow_schema(spec: TableSpec) -> pa.Schema:
    """A pyarrow schema derived from the model: columns in table order, nullability kept."""
    fields = spec.model.model_fields
    return pa.schema([_arrow_field(name, fields[name].annotation) for name in spec.columns])


def arrow_schema(spec: TableSpec) -> pa.Schema:
    """The package's Arrow schema when ``newsgraph.package.arrow_schema`` exists, else the generic one."""
    if importlib.util.find_spec("newsgraph.package.arrow_schema") is None:
        return generic_arrow_schema(spec)
    module = importlib.import_module("newsgraph.package.arrow_schema")
    for name in ("arrow_schema", "table_arrow_schema", "schema_for"):
        func = getattr(module, name, None)
        if callable(func):
            result = func(spec)
            if not isinstance(result, pa.Schema):
                raise TypeError(f"newsgraph.package.arrow_schema.{name}({spec.name!r}) is not a pa.Schema")
            return result
    raise AttributeError("newsgraph.package.arrow_schema exists but has no arrow_schema(spec) function; "
                         "update tests/strategies.py.arrow_schema")
