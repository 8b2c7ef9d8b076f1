"""The synthetic benchmark corpus is deterministic and builds into a valid package."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from synthetic import write_corpus

from tests.conftest import run_cli

#: Runs the builder or the CLI end to end: left out of ``make test-fast``.
pytestmark = pytest.mark.slow


def _digest(folder: Path) -> str:
    h = hashlib.sha256()
    for path in sorted(folder.iterdir()):
        h.update(path.name.encode() + path.read_bytes())
    return h.hexdigest()


def test_same_seed_same_bytes(tmp_path: Path) -> None:
    write_corpus(tmp_path / "a", 30, seed=7)
    write_corpus(tmp_path / "b", 30, seed=7)
    write_corpus(tmp_path / "c", 30, seed=8)
    assert _digest(tmp_path / "a") == _digest(tmp_path / "b") != _digest(tmp_path / "c")


def test_synthetic_corpus_builds_and_validates(tmp_path: Path) -> None:
    write_corpus(tmp_path / "src", 20, seed=1)
    out = tmp_path / "pkg"
    result = run_cli("build", tmp_path / "src", "--out", out)
    assert result.returncode == 0, result.stderr
    assert run_cli("validate", out).returncode == 0


def test_large_synthetic_package_is_valid(tmp_path: Path) -> None:
    from synthetic_tables import write_large_package

    from newsgraph.package.validate import validate_package

    out = write_large_package(tmp_path / "large", n_mentions=2_000, n_articles=100)
    report = validate_package(out)
    assert report.ok, report.problems[:3]
    assert report.rows["actor_mentions"] == 2_000
