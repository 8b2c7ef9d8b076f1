"""Output folders and files get the modes the user's umask gives (issue 13.10).

The staging folder comes from ``mkdtemp`` (0700) and is swapped in as the output; it must
end with the mode ``mkdir`` would give, for a new ``--out`` and for an existing empty one.
"""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import REPO, SEED

#: Runs the builder or the CLI end to end: left out of ``make test-fast``.
pytestmark = pytest.mark.slow


def _build(src: Path, out: Path, umask: int) -> None:
    code = (f"import os, sys; os.umask({umask:#o}); from newsgraph.cli import main; "
            f"sys.argv = ['newsgraph', 'build', {str(src)!r}, '--out', {str(out)!r}]; main()")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            env={**os.environ, "PYTHONPATH": str(REPO)}, check=False)
    assert result.returncode == 0, result.stderr


def _modes(root: Path) -> set[tuple[str, int]]:
    paths = [root, *root.rglob("*")]
    return {("dir" if p.is_dir() else "file", stat.S_IMODE(p.stat().st_mode)) for p in paths}


@pytest.mark.parametrize("umask", [0o022, 0o002, 0o077])
@pytest.mark.parametrize("existing", [False, True])
def test_output_modes_follow_the_umask(tmp_path: Path, umask: int, existing: bool) -> None:
    src = tmp_path / "src"
    src.mkdir()
    (src / SEED.name).write_bytes(SEED.read_bytes())
    out = tmp_path / "out"
    if existing:
        out.mkdir(mode=0o755)
        out.chmod(0o755)
    _build(src, out, umask)
    assert _modes(out) == {("dir", 0o777 & ~umask), ("file", 0o666 & ~umask)}
