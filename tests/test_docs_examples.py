"""The Python examples in docs/examples.md run and their assertions hold."""

from __future__ import annotations

import re

import pytest

from tests.conftest import REPO

BLOCKS = re.findall(r"```python\n(.*?)```", (REPO / "docs" / "examples.md").read_text("utf-8"),
                    re.S)


@pytest.mark.parametrize("code", BLOCKS, ids=[f"block{i}" for i in range(len(BLOCKS))])
def test_example_runs(code: str) -> None:
    exec(compile(code, "docs/examples.md", "exec"), {})


def test_docs_link_the_one_dataset_card() -> None:
    assert "../dataset/README.md" in (REPO / "docs" / "README.md").read_text("utf-8")
