"""A build killed at any step of the swap leaves the previous package or the new one, and
``atomic.recover`` (run at the start of every build) restores a whole package (issue 13.16).

The kill is deterministic: a test-only environment variable makes the build SIGKILL itself
at step N of the swap (``newsgraph.package.atomic._step``), on the ``renameat2`` exchange and on the
two-rename fallback.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from newsgraph.package import atomic
from newsgraph.package.validate import validate_package
from tests.conftest import RECIPE, REPO, run_cli

#: Runs the builder or the CLI end to end: left out of ``make test-fast``.
pytestmark = pytest.mark.slow


def _snapshot(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in root.rglob("*") if p.is_file()}


@pytest.fixture(scope="module")
def packages(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """An old package (one article) and the new one a build of the recipe makes."""
    root = tmp_path_factory.mktemp("kill")
    small = root / "small"
    small.mkdir()
    (small / "a.txt").write_bytes((RECIPE / "sources" / "004_8e9136e739b8f44d.txt").read_bytes())
    old, new = root / "old", root / "new"
    assert run_cli("build", small, "--out", old).returncode == 0
    assert run_cli("build", RECIPE, "--out", new).returncode == 0
    return old, new


#: (fallback?, step) -> what is at the target right after the kill ("old", "new", "missing")
#: and what ``recover`` leaves there.
CASES = {
    (False, 1): ("old", "old"),
    (False, 2): ("new", "new"),       # exchanged; the old one waits in the staging folder
    (False, 3): ("new", "new"),       # no step 3 on this path: the build completes
    (True, 1): ("old", "old"),
    (True, 2): ("missing", "old"),    # the window between the two renames
    (True, 3): ("new", "new"),        # the new one in place, the old one still beside it
}


@pytest.fixture
def scratch(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The killed build's TMPDIR: a SIGKILL leaves its working folder behind, here and not in
    the machine's /tmp."""
    return tmp_path_factory.mktemp("tmpdir")


def _killing_env(scratch: Path, step: int, fallback: bool) -> dict[str, str]:
    """The environment of a build that kills itself at ``step`` of the swap."""
    return {**os.environ, "PYTHONPATH": str(REPO), "TMPDIR": str(scratch),
            atomic.KILL_AT_STEP: str(step), atomic.NO_EXCHANGE: "1" if fallback else "0"}


@pytest.mark.parametrize(("fallback", "step"), sorted(CASES))
def test_a_kill_at_each_step_of_the_swap_is_recovered(packages: tuple[Path, Path],
                                                      tmp_path: Path, scratch: Path,
                                                      fallback: bool, step: int) -> None:
    old, new = packages
    out = tmp_path / "pkg"
    shutil.copytree(old, out)
    env = _killing_env(scratch, step, fallback)
    result = subprocess.run([sys.executable, "-m", "newsgraph.cli", "build", str(RECIPE),
                             "--out", str(out)], env=env, capture_output=True, check=False)
    after_kill, after_recover = CASES[(fallback, step)]
    completes = (fallback, step) == (False, 3)
    assert result.returncode == (0 if completes else -signal.SIGKILL)
    expected = {"old": _snapshot(old), "new": _snapshot(new)}
    if after_kill == "missing":
        assert not out.exists() and atomic._old(out).is_dir()
    else:
        assert _snapshot(out) == expected[after_kill]
    atomic.recover(out)
    assert _snapshot(out) == expected[after_recover]
    assert validate_package(out).ok
    assert sorted(p.name for p in tmp_path.iterdir()) == [".pkg.lock", ".pkg.newsgraph-cache", "pkg"]


def test_the_next_build_recovers_by_itself(packages: tuple[Path, Path], tmp_path: Path,
                                           scratch: Path) -> None:
    old, new = packages
    out = tmp_path / "pkg"
    shutil.copytree(old, out)
    env = _killing_env(scratch, 2, fallback=True)
    killed = subprocess.run([sys.executable, "-m", "newsgraph.cli", "build", str(RECIPE),
                             "--out", str(out)], env=env, capture_output=True, check=False)
    assert killed.returncode == -signal.SIGKILL and not out.exists()
    assert run_cli("build", RECIPE, "--out", out).returncode == 0
    assert _snapshot(out) == _snapshot(new)
    assert sorted(p.name for p in tmp_path.iterdir()) == [".pkg.lock", ".pkg.newsgraph-cache", "pkg"]
