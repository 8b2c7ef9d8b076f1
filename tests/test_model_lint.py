"""Lint the data model: descriptions, one meaning per field name, and the DESIGN.md contract."""

from __future__ import annotations

import json
import typing
from collections import defaultdict
from typing import Any

import pytest

from newsgraph.package.schema_export import json_schema, table_schema
from newsgraph.package.tables import TABLES, TABLES_BY_NAME, TableSpec
from tests.conftest import DATASET
from tests.strategies import split_nullable, split_nullable_schema

TABLE_PARAMS = pytest.mark.parametrize("spec", TABLES, ids=[t.name for t in TABLES])


# --- descriptions --------------------------------------------------------------------------


@TABLE_PARAMS
def test_every_field_has_a_description(spec: TableSpec) -> None:
    props = json_schema(spec)["properties"]
    missing = [name for name, field in spec.model.model_fields.items()
               if not (field.description or "").strip()
               or not str(props[name].get("description", "")).strip()]
    assert missing == [], f"{spec.name}: fields without a description: {missing}"


@TABLE_PARAMS
def test_every_table_and_model_is_described(spec: TableSpec) -> None:
    assert spec.description.strip(), spec.name
    assert (spec.model.__doc__ or "").strip(), spec.model.__name__
    assert json_schema(spec)["description"].strip(), spec.name


# --- one field name, one schema ------------------------------------------------------------

#: Field names whose JSON Schema legitimately differs between tables: the reason, and which
#: tables share which variant. A difference not listed here fails the test; so does an entry
#: that no longer matches the models (then update or remove it).
ALLOWED_DIFFERENCES: dict[str, tuple[str, list[set[str]]]] = {
    "text": (
        "articles.text is the whole source text (null with --omit-text, may be empty); "
        "article_segments.text is a non-empty span, null with --omit-text (segments tile the "
        "article); elsewhere text is a non-empty span or utterance",
        [{"article_segments"}, {"articles"},
         {"quotes", "claims", "actor_mentions", "quote_mentions", "claim_mentions",
          "event_mentions", "actor_roles", "time_mentions"}],
    ),
    "mention_id": (
        "each mention table's primary key has its own id prefix (am_, qm_, cm_, em_, tm_)",
        [{"actor_mentions"}, {"quote_mentions"}, {"claim_mentions"}, {"event_mentions"},
         {"time_mentions"}],
    ),
}


def _schemas_by_field() -> dict[str, dict[str, str]]:
    """field name -> table -> its JSON Schema without ``description``, as canonical JSON."""
    found: dict[str, dict[str, str]] = defaultdict(dict)
    for spec in TABLES:
        for name, prop in json_schema(spec)["properties"].items():
            rest = {k: v for k, v in prop.items() if k != "description"}
            found[name][spec.name] = json.dumps(rest, sort_keys=True)
    return found


def _variants(by_table: dict[str, str]) -> list[set[str]]:
    groups: dict[str, set[str]] = defaultdict(set)
    for table, schema in by_table.items():
        groups[schema].add(table)
    return sorted(groups.values(), key=sorted)


def test_same_field_name_same_schema() -> None:
    problems = []
    for name, by_table in sorted(_schemas_by_field().items()):
        variants = _variants(by_table)
        if name in ALLOWED_DIFFERENCES:
            expected = sorted(ALLOWED_DIFFERENCES[name][1], key=sorted)
            if variants != expected:
                problems.append(f"{name}: allowlisted as {expected}, models give {variants}")
        elif len(variants) > 1:
            detail = {min(tables): json.loads(by_table[min(tables)]) for tables in variants}
            problems.append(f"{name}: differs between tables {variants}: {detail}")
    assert problems == [], "\n".join(problems)


def test_shared_fields_are_really_shared() -> None:
    """The lint above has teeth: the key shared fields do appear in several tables."""
    by_field = _schemas_by_field()
    for name in ("article_id", "char_start", "char_end", "method", "confidence", "actor_id"):
        assert len(by_field[name]) >= 4, (name, sorted(by_field[name]))


def test_allowlist_names_existing_tables() -> None:
    for name, (reason, groups) in ALLOWED_DIFFERENCES.items():
        assert reason.strip(), name
        for group in groups:
            assert group <= set(TABLES_BY_NAME), (name, group)


# --- DESIGN.md: vocabularies ---------------------------------------------------------------

#: "Actor `kind` values: person, organization, country, group, media." (DESIGN.md)
DESIGN_ACTOR_KINDS = {"person", "organization", "country", "group", "media"}
#: "Date precision values: day, week, month, quarter, half, year, unknown." (DESIGN.md)
DESIGN_DATE_PRECISIONS = {"day", "week", "month", "quarter", "half", "year", "unknown"}


def _literal_values(spec: TableSpec, column: str) -> set[Any]:
    _nullable, annotation = split_nullable(spec.model.model_fields[column].annotation)
    assert typing.get_origin(annotation) is typing.Literal, (spec.name, column, annotation)
    values = set(typing.get_args(annotation))
    _nullable, core = split_nullable_schema(json_schema(spec)["properties"][column])
    assert set(core["enum"]) == values, (spec.name, column)
    return values


def test_actor_kinds_are_design_md() -> None:
    assert _literal_values(TABLES_BY_NAME["actors"], "kind") == DESIGN_ACTOR_KINDS


def test_date_precisions_are_design_md() -> None:
    columns = [(spec, name) for spec in TABLES for name in spec.columns
               if name.endswith("precision")]
    assert {(s.name, c) for s, c in columns} >= {("events", "date_precision"),
                                                 ("articles", "published_precision")}
    for spec, column in columns:
        assert _literal_values(spec, column) == DESIGN_DATE_PRECISIONS, (spec.name, column)


def test_other_design_md_vocabularies() -> None:
    # quote_type (direct, partial): exact; event status and relation: DESIGN.md lists examples.
    for table in ("quotes", "quote_mentions"):
        assert _literal_values(TABLES_BY_NAME[table], "quote_type") == {"direct", "partial"}
    assert _literal_values(TABLES_BY_NAME["events"], "status") >= {
        "occurred", "planned", "expected", "hypothetical"}
    # DESIGN.md's example relation ("reuses text of") is what the builder emits, undirected:
    # every relation the bundled dataset carries is one the model allows, and there are some.
    emitted = {json.loads(line)["relation"] for line in
               (DATASET / "json" / "article_relations.jsonl").read_text(encoding="utf-8")
               .splitlines()}
    assert emitted == {"shares_text_with"}
    assert emitted <= _literal_values(TABLES_BY_NAME["article_relations"], "relation")


# --- DESIGN.md: table contract -------------------------------------------------------------

#: "Data model v1: table contract" of DESIGN.md: table -> key columns. Renaming any of these is
#: a major schema version; checks outside the test suite read them.
CONTRACT: dict[str, tuple[str, ...]] = {
    "articles": ("article_id", "source_file", "sha256", "title", "publisher", "published",
                 "url", "text"),
    "actors": ("actor_id", "name", "kind", "aliases", "wikidata_id"),
    "quotes": ("quote_id", "text", "speaker_id"),
    "claims": ("claim_id", "claimant_id", "text"),
    "events": ("event_id", "event_type", "date_start", "date_end", "date_precision", "status"),
    "actor_mentions": ("actor_id", "article_id", "char_start", "char_end", "text"),
    "quote_mentions": ("quote_id", "article_id", "char_start", "char_end", "text", "quote_type",
                       "cue", "speaker_text", "intermediary_id", "confidence", "method"),
    "claim_mentions": ("claim_id", "article_id", "char_start", "char_end", "text"),
    "event_mentions": ("event_id", "article_id", "char_start", "char_end", "text"),
    "event_participants": ("event_id", "actor_id", "role"),
    "article_relations": ("article_id", "related_article_id", "relation", "overlap"),
}

#: Contract columns DESIGN.md calls nullable ("date or null", "nullable", "nullable when ...").
CONTRACT_NULLABLE = {
    ("articles", "published"), ("actors", "wikidata_id"), ("quotes", "speaker_id"),
    ("claims", "claimant_id"), ("quote_mentions", "intermediary_id"),
}

#: Contract columns DESIGN.md marks "-> actors".
CONTRACT_ACTOR_REFERENCES = {
    ("quotes", "speaker_id"), ("claims", "claimant_id"), ("quote_mentions", "intermediary_id"),
}


@pytest.mark.parametrize("table", sorted(CONTRACT))
def test_contract_table_exists_with_key_columns(table: str) -> None:
    assert table in TABLES_BY_NAME, f"contract table {table!r} is missing"
    spec = TABLES_BY_NAME[table]
    missing = [c for c in CONTRACT[table] if c not in spec.columns]
    assert missing == [], f"{table}: contract columns missing: {missing}"
    exported = [f["name"] for f in table_schema(spec)["fields"]]
    assert [c for c in CONTRACT[table] if c not in exported] == []
    assert set(json_schema(spec)["required"]) >= set(CONTRACT[table])


def test_contract_tables_come_first() -> None:
    """Contract tables lead the registry (tables.py promises it); extra tables follow."""
    names = [t.name for t in TABLES]
    assert set(names[:len(CONTRACT)]) == set(CONTRACT)


#: Contract columns DESIGN.md does not call nullable but the models allow null, with why.
#: Every other contract column must be non-null.
MAY_BE_NULL: dict[tuple[str, str], str] = {
    ("articles", "title"): "a source may have no headline",
    ("articles", "publisher"): "unknown publishers stay null, never guessed",
    ("articles", "url"): "unknown URLs stay null",
    ("articles", "text"): "null in a package built with --omit-text",
    ("events", "date_start"): "date_precision 'unknown': no date stated",
    ("events", "date_end"): "date_precision 'unknown': no date stated",
    ("quote_mentions", "cue"): "a quote without a reporting verb",
    ("quote_mentions", "speaker_text"): "a quote whose speaker is not written near it",
}


def test_contract_nullability() -> None:
    for table, columns in CONTRACT.items():
        props = json_schema(TABLES_BY_NAME[table])["properties"]
        for column in columns:
            nullable, _core = split_nullable_schema(props[column])
            if (table, column) in CONTRACT_NULLABLE:
                assert nullable, f"{table}.{column}: DESIGN.md says nullable"
            elif (table, column) not in MAY_BE_NULL:
                assert not nullable, f"{table}.{column} is nullable; DESIGN.md does not say so"
    assert set(MAY_BE_NULL).isdisjoint(CONTRACT_NULLABLE)
    for (table, column), reason in MAY_BE_NULL.items():
        assert column in CONTRACT[table] and reason, (table, column)


def test_contract_types() -> None:
    def core(table: str, column: str) -> dict[str, Any]:
        prop = json_schema(TABLES_BY_NAME[table])["properties"][column]
        found = split_nullable_schema(prop)[1]
        return {k: v for k, v in found.items() if k not in ("description", "title")}

    assert core("articles", "published") == {"type": "string", "format": "date"}
    assert core("actors", "aliases")["type"] == "array"
    for column in ("date_start", "date_end"):
        assert core("events", column)["format"] == "date"
    overlap = core("article_relations", "overlap")
    assert (overlap["type"], overlap["minimum"], overlap["maximum"]) == ("number", 0, 1)
    for table in ("actor_mentions", "quote_mentions", "claim_mentions", "event_mentions"):
        for column in ("char_start", "char_end"):
            expected = {"type": "integer", "minimum": 0, "maximum": 2**63 - 1}
            assert core(table, column) == expected, (table, column)


def test_contract_actor_references() -> None:
    for table, column in sorted(CONTRACT_ACTOR_REFERENCES):
        fks = {(fk.fields, fk.table, fk.reference_fields)
               for fk in TABLES_BY_NAME[table].foreign_keys}
        assert ((column,), "actors", ("actor_id",)) in fks, (table, column)
