"""`frictionless validate` (a real client) accepts every package we write, and catches tampering."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import DATASET

#: Runs the builder or the CLI end to end: left out of ``make test-fast``.
pytestmark = pytest.mark.slow

FRICTIONLESS = [sys.executable, "-m", "frictionless"]


def _validate(descriptor: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*FRICTIONLESS, "validate", str(descriptor)], capture_output=True,
                          text=True, check=False)


def test_frictionless_validates_bundled_dataset() -> None:
    result = _validate(DATASET / "datapackage.json")
    assert result.returncode == 0, result.stdout[-3000:]


def test_frictionless_catches_a_wrong_hash(tmp_path: Path) -> None:
    copy = tmp_path / "dataset"
    shutil.copytree(DATASET, copy)
    target = copy / "json" / "quotes.jsonl"
    data = bytearray(target.read_bytes())
    data[data.index(b"We")] = ord("w")
    target.write_bytes(bytes(data))
    result = _validate(copy / "datapackage.json")
    assert result.returncode != 0
    assert "hash" in result.stdout.lower()


def test_frictionless_validates_a_package_with_empty_tables(tmp_path: Path) -> None:
    from tests.conftest import RECIPE, run_cli

    src = tmp_path / "one"
    src.mkdir()
    shutil.copy(RECIPE / "sources" / "004_8e9136e739b8f44d.txt", src)
    out = tmp_path / "pkg"
    assert run_cli("build", src, "--out", out).returncode == 0
    assert (out / "json" / "article_relations.jsonl").read_bytes() == b""  # one article
    result = _validate(out / "datapackage.json")
    assert result.returncode == 0, result.stdout[-3000:]
    assert run_cli("validate", out).returncode == 0
