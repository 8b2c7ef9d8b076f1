"""The DuckDB views' columns are generated into the data dictionary and the card (13.20)."""

from __future__ import annotations

import newsgraph
from newsgraph.package.views import VIEWS, view_columns
from tests.conftest import DATASET, REPO


def test_view_columns_are_the_columns_connect_gives() -> None:
    con = newsgraph.connect(DATASET)
    assert list(view_columns()) == list(VIEWS)
    for name, columns in view_columns().items():
        relation = con.table(name)
        assert columns == [(str(c), str(t)) for c, t in
                           zip(relation.columns, relation.types, strict=True)], name


def test_every_view_and_column_is_in_the_dictionary_and_the_card() -> None:
    dictionary = (REPO / "docs" / "data-dictionary.md").read_text(encoding="utf-8")
    card = (DATASET / "README.md").read_text(encoding="utf-8")
    for name, columns in view_columns().items():
        assert f"### `{name}`" in dictionary
        for column, kind in columns:
            assert f"| `{column}` | {kind} |" in dictionary, (name, column)
        row = next(line for line in card.splitlines() if line.startswith(f"| `{name}` |"))
        assert [c for c, _ in columns if f"`{c}`" not in row] == [], name
