"""Bad packages given to ``newsgraph validate``: every one gets one clear line.

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

from newsgraph.errors import DatasetError
from newsgraph.package.validate import validate_package
from tests.conftest import run_cli
from tests.reliability_cases import (
    ERROR,
    INVALID_PACKAGES,
    Case,
    dangling_foreign_key,
    names,
    one_line,
    snapshot,
)

#: Runs the builder or the CLI end to end: left out of ``make test-fast``.
pytestmark = pytest.mark.slow


@pytest.mark.parametrize("case", INVALID_PACKAGES, ids=str)
def test_validate_reports_invalid_package(pkg: Path, case: Case) -> None:
    where = case.corrupt(pkg)
    line = one_line(run_cli("validate", pkg), 1)
    assert line.startswith(ERROR), line
    names(line, pkg, where)
    assert case.expect in line
    assert "; " in line.split(f"{pkg}/{where}", 1)[1]  # what is wrong; what to do
    # The Python API says the same thing: one problem, or the error that stopped it.
    try:
        report = validate_package(pkg)
    except DatasetError as error:
        assert line == ERROR + str(error)
    else:
        assert [f"{pkg}/{p}" for p in report.problems] == [line.removeprefix(ERROR)]


def test_validate_missing_folder_is_usage_error(tmp_path: Path) -> None:
    """A package folder that does not exist: exit 2, not 1."""
    missing = tmp_path / "no-such-package"
    line = one_line(run_cli("validate", missing), 2)
    assert line == f"{ERROR}{missing}: package folder not found; build it first or give the " \
                  "right path"


def test_clean_package_is_valid(clean_package: Path) -> None:
    """The control: the package every case starts from validates."""
    assert run_cli("validate", clean_package).returncode == 0


def test_failed_validate_changes_nothing(pkg: Path) -> None:
    """Validating a damaged package only reads it."""
    dangling_foreign_key(pkg)
    before = snapshot(pkg)
    assert run_cli("validate", pkg).returncode == 1
    assert snapshot(pkg) == before
