"""schema/ holds exactly what the models generate; older published versions stay compatible."""

from __future__ import annotations

import json

from newsgraph.package.schema_export import schema_files
from newsgraph.package.tables import TABLES
from newsgraph.versions import SCHEMA_VERSION
from tests.conftest import REPO

SCHEMA = REPO / "schema"


def test_schema_files_are_up_to_date() -> None:
    for rel, text in schema_files().items():
        path = SCHEMA / rel
        assert path.exists(), f"{rel} is missing; run `make schema` and commit schema/"
        assert path.read_text(encoding="utf-8") == text, \
            f"{rel} is out of date; run `make schema` and commit schema/"


def test_every_table_has_json_and_table_schema() -> None:
    for spec in TABLES:
        js = json.loads((SCHEMA / SCHEMA_VERSION / "json" / f"{spec.name}.schema.json").read_text())
        assert js["$schema"] == "https://json-schema.org/draft/2020-12/schema"
        assert SCHEMA_VERSION in js["$id"]
        ts = json.loads((SCHEMA / SCHEMA_VERSION / "table" / f"{spec.name}.table.json").read_text())
        assert ts["primaryKey"] == list(spec.primary_key)


def test_changelog_names_current_version() -> None:
    assert f"## {SCHEMA_VERSION}" in (SCHEMA / "CHANGELOG.md").read_text(encoding="utf-8")


def test_current_schema_is_backward_compatible_with_published_versions() -> None:
    """Every published version's tables and fields still exist, with the same type, and no
    field became required that was optional (docs/schema-versioning.md)."""
    current = {rel: json.loads(text) for rel, text in schema_files().items()}
    for version_dir in sorted(p for p in SCHEMA.iterdir() if p.is_dir()):
        major = version_dir.name.split(".")[0]
        if major != SCHEMA_VERSION.split(".")[0]:
            continue  # a new major version may break; that is what the major bump says
        for old_path in sorted((version_dir / "json").glob("*.schema.json")):
            old = json.loads(old_path.read_text())
            new = current[f"{SCHEMA_VERSION}/json/{old_path.name}"]
            for field, prop in old["properties"].items():
                assert field in new["properties"], f"{old_path.name}: {field} was removed"
                assert _same_or_widened(new["properties"][field], prop), \
                    f"{old_path.name}: {field} changed type or constraints"


def _strip(prop: dict[str, object]) -> dict[str, object]:
    return {k: v for k, v in prop.items() if k not in ("description", "title")}


def _same_or_widened(new: dict[str, object], old: dict[str, object]) -> bool:
    """The same type and constraints, or the old ones made nullable, or an enum with values
    added (minor changes: every value that was valid stays valid)."""
    return _strip(new) == _strip(old) or (
        "anyOf" not in old and _strip(new) == {"anyOf": [_strip(old), {"type": "null"}]}) or (
        _enum_widened(new, old))


def _enum_widened(new: dict[str, object], old: dict[str, object]) -> bool:
    """``new`` is ``old`` with values added to its enum (and nothing else changed)."""
    new_enum, old_enum = new.get("enum"), old.get("enum")
    if not isinstance(new_enum, list) or not isinstance(old_enum, list):
        return False
    rest = {k: v for k, v in _strip(new).items() if k != "enum"}
    return rest == {k: v for k, v in _strip(old).items() if k != "enum"} \
        and set(old_enum) <= set(new_enum)


def test_widening_to_nullable_is_the_only_change_accepted() -> None:
    old = {"type": "string", "minLength": 1, "description": "x"}
    assert _same_or_widened({"type": "string", "minLength": 1, "description": "y"}, old)
    assert _same_or_widened({"anyOf": [{"type": "string", "minLength": 1}, {"type": "null"}]},
                            old)
    assert not _same_or_widened({"type": "string"}, old)
    assert not _same_or_widened({"anyOf": [{"type": "string"}, {"type": "null"}]}, old)


def test_an_enum_may_gain_values_but_not_lose_them() -> None:
    old = {"type": "string", "enum": ["a", "b"]}
    assert _same_or_widened({"type": "string", "enum": ["a", "b", "c"]}, old)
    assert not _same_or_widened({"type": "string", "enum": ["a"]}, old)
    assert not _same_or_widened({"type": "integer", "enum": ["a", "b", "c"]}, old)


#: What 2.0.0 removes or narrows from 1.2.0, each named in its changelog entry (issue 15).
#: The event ontology and the participant roles lost enum values (PLOVER typing); the
#: time_mentions table only adds.
BREAKING_IN_2_0_0: dict[str, set[str]] = {"events": {"event_type"},
                                          "event_participants": {"role"}}


def test_2_0_0_keeps_every_1_2_0_field_but_the_listed_breaks() -> None:
    """A major version may break, but only where its changelog says: every other 1.2.0 table
    and field is still there, the same or widened; and the new table is named there."""
    current = {rel: json.loads(text) for rel, text in schema_files().items()}
    for old_path in sorted((SCHEMA / "1.2.0" / "json").glob("*.schema.json")):
        old = json.loads(old_path.read_text())
        new = current[f"{SCHEMA_VERSION}/json/{old_path.name}"]
        allowed = BREAKING_IN_2_0_0.get(old_path.name.split(".")[0], set())
        for field, prop in old["properties"].items():
            if field in allowed:
                continue
            assert field in new["properties"], f"{old_path.name}: {field} was removed"
            assert _same_or_widened(new["properties"][field], prop), \
                f"{old_path.name}: {field} changed type or constraints"
    changelog = (SCHEMA / "CHANGELOG.md").read_text(encoding="utf-8")
    entry = changelog.split("## 2.0.0", 1)[1].split("\n## ", 1)[0]
    assert "`time_mentions`" in entry
    assert f"{SCHEMA_VERSION}/json/time_mentions.schema.json" in current


def test_a_major_bump_lists_every_enum_value_it_removed() -> None:
    """Each enum value the current schema dropped from the last published version of the
    previous major is named in the changelog section of the major bump (``X.0.0``)."""
    major = int(SCHEMA_VERSION.split(".")[0])
    previous = sorted((p for p in SCHEMA.iterdir() if p.is_dir()
                       and int(p.name.split(".")[0]) == major - 1),
                      key=lambda p: tuple(int(x) for x in p.name.split(".")))
    if not previous:
        return
    log = (SCHEMA / "CHANGELOG.md").read_text(encoding="utf-8")
    # the major bump's own section lists them (a later minor or patch of it has no need to)
    section = log[log.index(f"## {major}.0.0"):].split("\n## ", 1)[0]
    current = {rel: json.loads(text) for rel, text in schema_files().items()}
    unlisted = []
    for old_path in sorted((previous[-1] / "json").glob("*.schema.json")):
        old = json.loads(old_path.read_text())["properties"]
        new = current[f"{SCHEMA_VERSION}/json/{old_path.name}"]["properties"]
        for name, prop in old.items():
            before, after = _enum_of(prop), _enum_of(new.get(name, {}))
            unlisted += [f"{old_path.name}: {name} = {v}" for v in sorted(before - after)
                         if f"`{v}`" not in section]
    assert unlisted == []


def _enum_of(prop: dict[str, object]) -> set[str]:
    options = prop.get("anyOf", [prop])
    assert isinstance(options, list)
    return {v for o in options for v in o.get("enum", [])}
