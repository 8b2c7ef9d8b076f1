"""``TableWriter`` writes the same bytes whether rows come as dicts or as ``RowBlock``s.

Level 2 of the build cache (``builder/cache/rows.py``) hands the writer an unchanged article's rows
as columns with their JSON Lines already made; a build from scratch hands it dicts. The
Parquet row groups are cut by batches (``CONVERT_BATCH``) and by text size, so the two
must make the same batches too: any mix of dicts and blocks, split anywhere between
articles, gives the files of the all-dict writer, byte for byte.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pyarrow.parquet as pq
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsgraph.builder.article_rows import SPAN_TABLES
from newsgraph.builder.cache.rows import block_of, decode_rows, encode_rows
from newsgraph.builder.contribution import Contribution
from newsgraph.package import writer
from newsgraph.package.tables import jsonl_path, parquet_path
from tests.conftest import REPO, examples

TABLES = ("articles", "actor_roles", "time_mentions", "quote_mentions")


def rows_of(table: str) -> list[dict[str, Any]]:
    """The bundled dataset's rows of ``table``, as Python values (dates, lists, nulls)."""
    return pq.read_table(REPO / "dataset" / parquet_path(table)).to_pylist()


ROWS = {table: rows_of(table) for table in TABLES}


def written(root: Path, table: str, pieces: list[tuple[bool, list[dict[str, Any]]]]) -> bytes:
    w = writer.TableWriter(root, table, {"dataset_id": "t"})
    for as_block, rows in pieces:
        if as_block:
            w.add_block(block_of(rows, w.schema))
        else:
            w.add(rows)
    w.close()
    return (root / jsonl_path(table)).read_bytes() + (root / parquet_path(table)).read_bytes()


@settings(max_examples=examples(40), deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(table=st.sampled_from(TABLES), data=st.data())
def test_blocks_and_dicts_write_the_same_bytes(tmp_path_factory: pytest.TempPathFactory,
                                               monkeypatch: pytest.MonkeyPatch, table: str,
                                               data: st.DataObject) -> None:
    # small batches and row groups, so that batch boundaries decide where groups are cut
    monkeypatch.setattr(writer, "CONVERT_BATCH", 5)
    monkeypatch.setattr(writer, "ROW_GROUP_SIZE", 12)
    monkeypatch.setattr(writer, "MAX_GROUP_CHARS", 300 if table != "articles" else 6000)
    rows = ROWS[table][:60]
    cuts = sorted(data.draw(st.sets(st.integers(1, len(rows) - 1), max_size=30)))
    pieces = [rows[a:b] for a, b in zip([0, *cuts], [*cuts, len(rows)], strict=True)]
    kinds = data.draw(st.lists(st.booleans(), min_size=len(pieces), max_size=len(pieces)))
    tmp = tmp_path_factory.mktemp("w")
    expected = written(tmp / "dicts", table, [(False, p) for p in pieces])
    assert written(tmp / "mixed", table, list(zip(kinds, pieces, strict=True))) == expected


def test_a_block_survives_its_stored_form() -> None:
    """Stored rows decode to the block that was stored (dates back as dates)."""
    from newsgraph.package.arrow_schema import arrow_schema
    from newsgraph.package.tables import spec

    blocks = [block_of(rows_of(t)[:7], arrow_schema(spec(t))) for t in SPAN_TABLES]
    contribution = Contribution("a.txt", "a.txt", -1, "art_1", [], {"x": 3}, {}, [], [], [])
    back, decoded = decode_rows(encode_rows(contribution, blocks),
                                [len(arrow_schema(spec(t))) for t in SPAN_TABLES])
    assert back == contribution and decoded == blocks
