"""docs/data-dictionary.md is what the models and the bundled dataset generate."""

from __future__ import annotations

from newsgraph.package.tables import TABLES
from newsgraph.publish.dictionary import render
from tests.conftest import DATASET, REPO


def test_data_dictionary_is_up_to_date() -> None:
    current = (REPO / "docs" / "data-dictionary.md").read_text(encoding="utf-8")
    assert current == render(DATASET), "docs/data-dictionary.md is stale; run `make docs`"


def test_data_dictionary_covers_every_field() -> None:
    text = render(DATASET)
    for spec in TABLES:
        assert f"## `{spec.name}`" in text
        for column in spec.columns:
            assert f"| `{column}` |" in text, (spec.name, column)
