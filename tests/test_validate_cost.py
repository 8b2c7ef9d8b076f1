"""A failed validation costs little more than a valid one (issue 13.14).

The DuckDB package check names the tables it finds wrong (stopping at the first bad row);
only those are re-read, with just the key columns of the tables they reference and the
articles, for the reference check that reports the rows. The messages are the reference's
(``tests/test_fastcheck.py`` compares them on every planted violation).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsgraph.package import fastcheck
from newsgraph.package.layout import parquet_files
from newsgraph.package.tables import TABLES
from newsgraph.package.validate import needed, validate_package

#: Runs the builder or the CLI end to end: left out of ``make test-fast``.
pytestmark = pytest.mark.slow

DANGLING = "quo_0000000000000000"


def _parquet(root: Path) -> dict[str, object]:
    return {t.name: [root / rel for rel in parquet_files(root, t.name)] for t in TABLES}


def test_a_valid_package_has_no_failing_table(clean_package: Path) -> None:
    assert fastcheck.failing_tables(_parquet(clean_package)) == set()  # type: ignore[arg-type]


def _dangle_in_parquet(pkg: Path, row: int) -> None:
    """Point quote mention ``row`` (from 0) of the Parquet file at a quote that is not there."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    path = pkg / "parquet" / "quote_mentions.parquet"
    table = pq.read_table(path)
    ids = table.column("quote_id").to_pylist()
    ids[row] = DANGLING
    index = table.schema.get_field_index("quote_id")
    pq.write_table(table.set_column(index, table.schema.field(index), pa.array(ids)), path)


def test_a_dangling_key_names_its_table_only(pkg: Path) -> None:
    _dangle_in_parquet(pkg, 0)
    assert fastcheck.failing_tables(_parquet(pkg)) == {"quote_mentions"}  # type: ignore[arg-type]


def test_only_the_failing_table_and_what_it_references_are_read() -> None:
    assert needed({"quote_mentions"}) == {
        "quote_mentions": None, "quotes": ["quote_id"], "articles": None,
        "actors": ["actor_id"]}
    assert needed({"event_participants"}) == {
        "event_participants": None, "events": ["event_id"], "actors": ["actor_id"]}
    assert needed({"claims"}) == {"claims": None, "actors": ["actor_id"],
                                  "quotes": ["quote_id"], "events": ["event_id"]}


def test_the_report_names_the_bad_row_as_the_reference_does(pkg: Path) -> None:
    lines = (pkg / "json" / "quote_mentions.jsonl").read_text(encoding="utf-8").splitlines()
    row = json.loads(lines[1])
    row["quote_id"] = DANGLING
    lines[1] = json.dumps(row, ensure_ascii=False, separators=(",", ":"))
    (pkg / "json" / "quote_mentions.jsonl").write_text("\n".join(lines) + "\n",
                                                       encoding="utf-8")
    _dangle_in_parquet(pkg, 1)
    descriptor = json.loads((pkg / "datapackage.json").read_text(encoding="utf-8"))
    from newsgraph.package.descriptor import sha256_file

    for resource in descriptor["resources"]:
        if resource.get("path") in ("json/quote_mentions.jsonl", "parquet/quote_mentions.parquet"):
            file = pkg / resource["path"]
            resource["hash"], resource["bytes"] = f"sha256:{sha256_file(file)}", file.stat().st_size
    (pkg / "datapackage.json").write_text(json.dumps(descriptor), encoding="utf-8")
    fast, reference = validate_package(pkg, fast=True), validate_package(pkg, fast=False)
    assert fast.problems == reference.problems == [
        "json/quote_mentions.jsonl:2: quote_id 'quo_0000000000000000' is not in quotes; the "
        "foreign key dangles, fix the row or rebuild the package"]
