"""Loaders read exactly the Parquet files ``datapackage.json`` lists, verified first (issue 13.3).

A package whose quotes are a folder of parts gets an unlisted copy of its part: no loader may
read it, and ``verify=True`` checks every listed part before any row is returned.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

import newsgraph
from newsgraph.errors import DatasetError

#: Runs the builder or the CLI end to end: left out of ``make test-fast``.
pytestmark = pytest.mark.slow


def _as_parts(pkg: Path, table: str) -> Path:
    """Turn ``table``'s Parquet file into a folder with one part, as a Dask build writes."""
    folder = pkg / "parquet" / table
    folder.mkdir()
    (pkg / "parquet" / f"{table}.parquet").rename(folder / "part-00000.parquet")
    path = pkg / "datapackage.json"
    descriptor = json.loads(path.read_text(encoding="utf-8"))
    for resource in descriptor["resources"]:
        if resource.get("path") == f"parquet/{table}.parquet":
            resource["path"] = f"parquet/{table}/part-00000.parquet"
    path.write_text(json.dumps(descriptor), encoding="utf-8")
    return folder


@pytest.mark.parametrize("verify", [False, True])
def test_an_unlisted_copy_of_a_part_is_never_read(pkg: Path, verify: bool) -> None:
    expected = len(newsgraph.load("quotes", dataset_dir=pkg))
    assert expected > 0
    folder = _as_parts(pkg, "quotes")
    shutil.copy(folder / "part-00000.parquet", folder / "part-00001.parquet")
    assert len(newsgraph.load("quotes", dataset_dir=pkg, verify=verify)) == expected
    assert newsgraph.load_arrow("quotes", dataset_dir=pkg, verify=verify).num_rows == expected
    (count,), = newsgraph.connect(pkg, verify=verify).sql(
        "SELECT count(*) FROM quotes").fetchall()
    assert count == expected


def test_verify_checks_every_listed_part_before_returning_rows(pkg: Path) -> None:
    folder = _as_parts(pkg, "quotes")
    part = folder / "part-00000.parquet"
    data = bytearray(part.read_bytes())
    data[len(data) // 2] ^= 0xFF
    part.write_bytes(bytes(data))
    with pytest.raises(DatasetError, match=r"part-00000\.parquet: sha256 or size"):
        newsgraph.load("quotes", dataset_dir=pkg, verify=True)
    with pytest.raises(DatasetError, match=r"part-00000\.parquet: sha256 or size"):
        newsgraph.connect(pkg, verify=True)


def test_a_table_whose_file_is_not_listed_is_refused(pkg: Path) -> None:
    path = pkg / "datapackage.json"
    descriptor = json.loads(path.read_text(encoding="utf-8"))
    descriptor["resources"] = [r for r in descriptor["resources"]
                               if r.get("path") != "parquet/quotes.parquet"]
    path.write_text(json.dumps(descriptor), encoding="utf-8")
    with pytest.raises(DatasetError, match="no Parquet file of table 'quotes' is listed"):
        newsgraph.load("quotes", dataset_dir=pkg)
