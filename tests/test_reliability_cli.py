"""Consumer commands (``sql``, ``info``) on bad packages and folders: one clear line each.

Contract (DESIGN.md, "Commands and paths", "Bad input"):
- ``newsgraph validate`` exits 1 when the data is invalid, 2 when the folder is missing;
- ``build``, ``info`` and ``sql`` exit 2 on bad input or usage;
- stderr is one line naming the file (and line or row) and what to do, never a traceback;
- ``load``, ``load_arrow`` and ``connect`` raise a ``newsgraph.NewsgraphError`` subclass
  with the same message, never a raw pyarrow, DuckDB, OS or key error.

The damaged packages and case lists are in ``reliability_cases.py``. ``python -m
tests.reliability_doc`` runs the ``test_reliability_*.py`` files and ``test_bad_input.py`` and
writes ``docs/reliability.md`` from what the cases actually print.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import run_cli
from tests.reliability_cases import (
    ERROR,
    absolute_path,
    descriptor_malformed,
    jsonl_invalid_utf8,
    one_line,
    parquet_truncated,
)

#: Runs the builder or the CLI end to end: left out of ``make test-fast``.
pytestmark = pytest.mark.slow


def test_sql_on_missing_table_is_one_line(pkg: Path) -> None:
    """`newsgraph sql` on a table that does not exist: exit 2, one line."""
    line = one_line(run_cli("sql", "--dataset", pkg, "SELECT * FROM nosuch"), 2)
    assert line.startswith(ERROR) and "nosuch" in line


@pytest.mark.parametrize("command", [("sql", "SELECT 1"), ("info",)], ids=["sql", "info"])
def test_missing_dataset_folder_is_usage_error(tmp_path: Path, command: tuple[str, ...]) -> None:
    """`sql` and `info` on a --dataset folder that does not exist: exit 2, one line."""
    missing = tmp_path / "no-such-package"
    line = one_line(run_cli(*command, "--dataset", missing), 2)
    assert line == f"{ERROR}{missing}: package folder not found; build it first or give the " \
                  "right path"



@pytest.mark.parametrize(
    ("corrupt", "command", "expect"),
    [
        pytest.param(descriptor_malformed, ("info",), "not valid JSON", id="info-malformed"),
        pytest.param(absolute_path, ("info",), "points outside",
                     id="info-absolute-path"),
        pytest.param(parquet_truncated, ("sql", "SELECT count(*) FROM quotes"),
                     "cannot read table",
                     id="sql-truncated-parquet"),
    ],
)
def test_consumer_commands_on_damaged_package(pkg: Path, corrupt: Callable[[Path], str],
                                              command: tuple[str, ...], expect: str) -> None:
    """`info` and `sql` on a damaged package: exit 2, one line naming the file."""
    where = corrupt(pkg)
    line = one_line(run_cli(*command, "--dataset", pkg), 2)
    assert line.startswith(ERROR) and expect in line
    assert str(pkg) in line and where.split(":")[0].split("/")[-1] in line


def test_info_never_reads_outside_the_package(pkg: Path) -> None:
    """A descriptor pointing at a file outside the package: `info` refuses, reads nothing."""
    absolute_path(pkg)
    result = run_cli("info", "--dataset", pkg)
    assert result.returncode != 0
    assert "points outside the package folder" in one_line(result, result.returncode)
    assert "tables:" not in result.stdout


def test_info_counts_rows_without_decoding(pkg: Path) -> None:
    """`info` reports a package whose JSON Lines hold invalid UTF-8 (validate's job to flag)."""
    jsonl_invalid_utf8(pkg)
    result = run_cli("info", "--dataset", pkg)
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
