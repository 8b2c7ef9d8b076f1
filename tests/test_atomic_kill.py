"""A build killed with SIGKILL at any moment leaves the previous package intact and valid."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from newsgraph.validate import validate_package
from tests.conftest import RECIPE, REPO, run_cli


def _snapshot(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in root.rglob("*") if p.is_file()}


def test_sigkill_during_build_keeps_previous_output(tmp_path: Path) -> None:
    out = tmp_path / "pkg"
    small = tmp_path / "small"
    small.mkdir()
    (small / "a.txt").write_bytes((RECIPE / "sources" / "004_8e9136e739b8f44d.txt").read_bytes())
    assert run_cli("build", small, "--out", out).returncode == 0
    old = _snapshot(out)
    complete = tmp_path / "complete"
    assert run_cli("build", RECIPE, "--out", complete).returncode == 0
    new = _snapshot(complete)
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    # Kill the bundled build (which replaces the small package) at spread-out moments.
    for delay in (0.2, 0.5, 0.8, 1.1, 1.4, 1.7, 2.0, 2.5):
        proc = subprocess.Popen([sys.executable, "-m", "newsgraph.cli", "build", str(RECIPE),
                                 "--out", str(out)], env=env, stdout=subprocess.DEVNULL,
                                stderr=subprocess.DEVNULL)
        time.sleep(delay)
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        # Either the swap had not happened (the old package) or it had (the whole new one);
        # never a mix, never a missing folder.
        assert _snapshot(out) in (old, new), f"mixed output after a kill at {delay}s"
        assert validate_package(out).ok
    # The next build cleans up whatever the killed ones left beside the target.
    assert run_cli("build", RECIPE, "--out", out).returncode == 0
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".pkg.tmp-")]
