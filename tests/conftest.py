"""Shared fixtures: the repo paths and a runner for the real CLI in a subprocess."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

REPO = Path(__file__).resolve().parent.parent
RECIPE = REPO / "builders" / "s400_turkey_2019"
DATASET = REPO / "dataset"
GOLD = REPO / "tests" / "gold" / "seeds"
SEED = RECIPE / "sources" / "001_744b32cb9cf5273c.txt"  # one seed article

#: ``make test-fast`` sets ``NEWSGRAPH_TEST_FAST=1``: property tests then try a tenth of their
#: examples (at least 10), so the loop stays short; ``make test`` tries them all.
FAST = os.environ.get("NEWSGRAPH_TEST_FAST") == "1"


def examples(n: int) -> int:
    """The ``max_examples`` of a property test that states ``n``: all of them, or a tenth in
    the fast loop."""
    return max(10, n // 10) if FAST else n


def run_cli(*args: str | Path, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    """Run ``newsgraph ARGS`` as a user would, capturing output."""
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    return subprocess.run([sys.executable, "-m", "newsgraph.cli", *map(str, args)],
                          capture_output=True, text=True, cwd=cwd or REPO, env=env,
                          check=False)


def build_into(tmp_path_factory: pytest.TempPathFactory, src: Path, name: str) -> Path:
    """``newsgraph build SRC --out <a new temporary folder>/NAME``, which must succeed."""
    out = tmp_path_factory.mktemp(name) / name
    result = run_cli("build", src, "--out", out)
    assert result.returncode == 0, result.stderr
    return out


def table_rows(out: Path, table: str) -> list[dict[str, Any]]:
    """The rows of one table of a built package, from its JSON Lines file."""
    lines = (out / "json" / f"{table}.jsonl").read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines]


@pytest.fixture(scope="session")
def built_copy(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The bundled recipe rebuilt into a temporary folder (once per session)."""
    return build_into(tmp_path_factory, RECIPE, "dataset")


# --- the reliability tests (tests/test_reliability_*.py) ----------------------------------------

@pytest.fixture(scope="session")
def clean_package(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A valid package built from one seed article (built once, never modified)."""
    root = tmp_path_factory.mktemp("reliability")
    src = root / "src"
    src.mkdir()
    shutil.copy(SEED, src / SEED.name)
    out = root / "pkg"
    result = run_cli("build", src, "--out", out)
    assert result.returncode == 0, result.stderr
    return out


@pytest.fixture()
def pkg(clean_package: Path, tmp_path: Path) -> Path:
    """A private copy of the clean package, free to corrupt."""
    copy = tmp_path / "pkg"
    shutil.copytree(clean_package, copy, symlinks=True)
    return copy
