"""Two builds into the same ``--out``: the second fails at once (issue 13.12).

The first build holds an advisory ``flock`` on ``.<out>.lock`` in the output's parent; the
kernel drops it when that process ends, even by SIGKILL.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from newsgraph.package import atomic
from tests.conftest import REPO, SEED, run_cli

#: Runs the builder or the CLI end to end: left out of ``make test-fast``.
pytestmark = pytest.mark.slow


@pytest.fixture()
def src(tmp_path: Path) -> Path:
    folder = tmp_path / "src"
    folder.mkdir()
    (folder / SEED.name).write_bytes(SEED.read_bytes())
    return folder


def test_a_second_build_into_the_same_out_fails_at_once(src: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    with atomic.exclusive(out):  # a build in progress, as far as any other build can tell
        started = time.monotonic()
        result = run_cli("build", src, "--out", out)
        assert time.monotonic() - started < 30
    assert result.returncode == 2
    assert result.stderr.splitlines() == [
        f"newsgraph: error: {out}: another build is writing this output (it holds "
        f"{tmp_path / '.out.lock'}); wait for it to finish or choose another --out"]
    assert not out.exists()
    assert run_cli("build", src, "--out", out).returncode == 0  # released: builds again


def test_a_killed_build_releases_the_lock(src: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    holder = subprocess.Popen(
        [sys.executable, "-c", "import sys, time; from pathlib import Path; "
         "from newsgraph.package import atomic; "
         f"cm = atomic.exclusive(Path({str(out)!r})); cm.__enter__(); "
         "print('locked', flush=True); time.sleep(600)"],
        stdout=subprocess.PIPE, text=True, env={**os.environ, "PYTHONPATH": str(REPO)})
    assert holder.stdout is not None and holder.stdout.readline() == "locked\n"
    assert run_cli("build", src, "--out", out).returncode == 2
    os.kill(holder.pid, signal.SIGKILL)
    holder.wait(timeout=30)
    result = run_cli("build", src, "--out", out)
    assert result.returncode == 0, result.stderr
