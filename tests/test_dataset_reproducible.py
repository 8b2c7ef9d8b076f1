"""The checked-in dataset/ is exactly what the builder makes, for any worker count."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import DATASET, RECIPE, run_cli

#: Runs the builder or the CLI end to end: left out of ``make test-fast``.
pytestmark = pytest.mark.slow


def _files(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*"))
            if p.is_file()}


def test_rebuild_matches_checked_in_dataset_byte_for_byte(built_copy: Path) -> None:
    expected, actual = _files(DATASET), _files(built_copy)
    assert sorted(actual) == sorted(expected), "file list differs: run `make build` and commit"
    drift = [name for name in expected if expected[name] != actual[name]]
    assert not drift, f"dataset/ is not up to date ({drift}); run `make build` and commit dataset/"


def test_workers_do_not_change_output(built_copy: Path, tmp_path: Path) -> None:
    out = tmp_path / "parallel"
    result = run_cli("build", RECIPE, "--out", out, "--workers", "2")
    assert result.returncode == 0, result.stderr
    assert _files(out) == _files(built_copy)


def test_validate_bundled_dataset_exits_zero() -> None:
    result = run_cli("validate", DATASET)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("valid:")
