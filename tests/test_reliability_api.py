"""The Python API on bad packages and names: ``load``, ``load_arrow`` and ``connect`` raise
the package's own errors, with the same message as ``validate``.

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

from pathlib import Path

import pytest

import newsgraph
from tests.conftest import run_cli
from tests.reliability_cases import API_CASES, ERROR, ApiCase, api_error

#: Runs the builder or the CLI end to end: left out of ``make test-fast``.
pytestmark = pytest.mark.slow


@pytest.mark.parametrize("case", API_CASES, ids=str)
def test_python_api_raises_own_errors(pkg: Path, case: ApiCase) -> None:
    where = case.corrupt(pkg) if case.corrupt else ""
    error = api_error(case.func, *case.args, dataset_dir=pkg, **case.kwargs)
    assert isinstance(error, case.error), repr(error)
    message = str(error)
    assert case.expect in message
    if where:
        assert f"{pkg}/{where.split(':')[0]}" in message or f"{pkg}/datapackage.json" in message
    if case.same_as_validate:
        line = run_cli("validate", pkg).stderr.strip()
        assert line == ERROR + message


def test_unknown_table_is_also_a_key_error(pkg: Path) -> None:
    """``UnknownTableError`` keeps ``except KeyError`` working, without KeyError's quoting."""
    error = api_error(newsgraph.load, "nosuch", dataset_dir=pkg)
    assert isinstance(error, KeyError)
    assert str(error).startswith("unknown table 'nosuch'")
