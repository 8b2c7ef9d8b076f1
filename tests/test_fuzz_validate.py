"""Fuzzing the validator: arbitrary rows and descriptors never crash it.

``validate_package`` either returns a report (every problem one line) or raises the package's
own ``NewsgraphError``; nothing else escapes, whatever a JSON Lines row or ``datapackage.json``
holds. Rows are written with consistent hashes, so they reach the row and package checks
instead of stopping at the hash check. ``max_examples`` stays moderate so CI is fast; raise it
with ``--hypothesis-profile`` or the ``HYPOTHESIS_MAX_EXAMPLES`` environment variable for a
longer run.
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsgraph.errors import DatasetError, NewsgraphError
from newsgraph.package.tables import TABLE_NAMES, jsonl_path
from newsgraph.package.validate import Report, read_descriptor, validate_package
from tests.conftest import RECIPE, run_cli
from tests.reliability_cases import read_rows, rehash

#: Runs the builder or the CLI end to end: left out of ``make test-fast``.
pytestmark = pytest.mark.slow

EXAMPLES = int(os.environ.get("HYPOTHESIS_MAX_EXAMPLES", "50"))
FUZZ = settings(max_examples=EXAMPLES, deadline=None,
                suppress_health_check=[HealthCheck.function_scoped_fixture,
                                       HealthCheck.too_slow])

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text()
    | st.floats(allow_nan=False, allow_infinity=False),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=12), inner,
                                                                 max_size=4),
    max_leaves=12,
)


@pytest.fixture(scope="module")
def base_package(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("fuzz")
    src = root / "src"
    src.mkdir()
    seed = RECIPE / "sources" / "004_8e9136e739b8f44d.txt"
    shutil.copy(seed, src / seed.name)
    out = root / "pkg"
    assert run_cli("build", src, "--out", out).returncode == 0
    return out


@pytest.fixture()
def scratch(base_package: Path) -> Iterator[Path]:
    """A temporary folder for this test's per-example copies of the package."""
    with tempfile.TemporaryDirectory() as folder:
        yield Path(folder)


def _copy(base: Path, scratch: Path) -> Path:
    target = Path(tempfile.mkdtemp(dir=scratch)) / "pkg"
    shutil.copytree(base, target)
    return target


def _check(pkg: Path) -> Report | None:
    """Run the validator; only a report or a NewsgraphError may come out."""
    try:
        report = validate_package(pkg)
    except NewsgraphError as error:
        assert "\n" not in str(error)
        return None
    for problem in report.problems:
        assert isinstance(problem, str) and "\n" not in problem
    return report


@st.composite
def mutated_rows(draw: st.DrawFn, table: str, rows: list[dict[str, Any]]) -> list[Any]:
    """The table's rows with one row replaced, one field changed, or a row added."""
    out: list[Any] = [dict(r) for r in rows]
    how = draw(st.sampled_from(["replace", "field", "append"]))
    value = draw(json_values)
    if how == "append" or not out:
        return [*out, value]
    index = draw(st.integers(0, len(out) - 1))
    if how == "replace":
        out[index] = value
    else:
        out[index][draw(st.sampled_from(sorted(out[index])) | st.text(max_size=8))] = value
    return out


@FUZZ
@given(data=st.data(), table=st.sampled_from(TABLE_NAMES))
def test_arbitrary_json_rows_never_crash_validate(base_package: Path, scratch: Path,
                                                  data: st.DataObject, table: str) -> None:
    pkg = _copy(base_package, scratch)
    rows = data.draw(mutated_rows(table, read_rows(pkg, table)))
    lines = [json.dumps(r, ensure_ascii=False) + "\n" for r in rows]
    (pkg / jsonl_path(table)).write_text("".join(lines), encoding="utf-8")
    rehash(pkg, jsonl_path(table))
    _check(pkg)


@FUZZ
@given(line=st.binary(max_size=200))
def test_arbitrary_bytes_as_a_row_never_crash_validate(base_package: Path, scratch: Path,
                                                       line: bytes) -> None:
    pkg = _copy(base_package, scratch)
    path = pkg / jsonl_path("quotes")
    path.write_bytes(path.read_bytes() + line.replace(b"\n", b" ") + b"\n")
    rehash(pkg, jsonl_path("quotes"))
    report = _check(pkg)
    assert report is not None and not report.ok  # a row was added: it cannot all be valid


@FUZZ
@given(raw=st.binary(max_size=300))
def test_arbitrary_bytes_as_descriptor_give_dataset_error(base_package: Path, scratch: Path,
                                                          raw: bytes) -> None:
    pkg = _copy(base_package, scratch)
    (pkg / "datapackage.json").write_bytes(raw)
    try:
        parsed = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        parsed = None
    if isinstance(parsed, dict) and isinstance(parsed.get("resources"), list):
        _check(pkg)  # a usable descriptor after all: a report or the package's own error
        return
    with pytest.raises(DatasetError):
        read_descriptor(pkg)
    with pytest.raises(DatasetError):
        validate_package(pkg)


resources = st.lists(
    st.dictionaries(st.sampled_from(["path", "hash", "bytes", "name", "type"]),
                    json_values | st.text(alphabet="./\\:~abc\x00", max_size=300)), max_size=4)


@FUZZ
@given(entries=st.lists(json_values, max_size=3) | resources)
def test_arbitrary_resources_never_crash_validate(base_package: Path, scratch: Path,
                                                  entries: list[Any]) -> None:
    pkg = _copy(base_package, scratch)
    path = pkg / "datapackage.json"
    descriptor = json.loads(path.read_text(encoding="utf-8"))
    descriptor["resources"] = entries + descriptor["resources"]
    path.write_text(json.dumps(descriptor), encoding="utf-8")
    report = _check(pkg)
    assert report is None or not report.ok or not entries
