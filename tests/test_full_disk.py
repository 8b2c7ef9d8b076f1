"""A full disk while writing is a one-line error and leaves the previous output (13.13).

Where this process may mount a small tmpfs (root), the build really runs out of space on it;
elsewhere the same mechanism (``atomic.replacing``) meets an injected ENOSPC.
"""

from __future__ import annotations

import errno
import os
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from newsgraph.errors import UsageError
from newsgraph.package import atomic
from tests.conftest import RECIPE, run_cli

#: Runs the builder or the CLI end to end: left out of ``make test-fast``.
pytestmark = pytest.mark.slow

MESSAGE = ("no space left on the device while writing the output (the previous output is "
           "untouched); free some space or choose another --out")


@pytest.fixture()
def small_disk(tmp_path: Path) -> Iterator[Path | None]:
    """An 800 KB file system: room for a one-article package (about 410 KB) and its build
    cache, not for the bundled package (about 680 KB) staged beside it; None if none can be
    made."""
    mount = tmp_path / "small"
    mount.mkdir()
    made = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=800k", "tmpfs", str(mount)],
                          capture_output=True, check=False).returncode == 0
    yield mount if made else None
    if made:
        subprocess.run(["umount", str(mount)], check=True)


def test_a_full_disk_is_one_line_and_keeps_the_previous_output(small_disk: Path | None,
                                                               tmp_path: Path) -> None:
    if small_disk is not None:
        out = small_disk / "out"
        (small_disk / "one").mkdir()
        (small_disk / "one" / "a.txt").write_bytes(
            (RECIPE / "sources" / "004_8e9136e739b8f44d.txt").read_bytes())
        assert run_cli("build", small_disk / "one", "--out", out).returncode == 0
        before = {p.name: p.read_bytes() for p in out.rglob("*") if p.is_file()}
        result = run_cli("build", RECIPE, "--out", out)
        assert result.returncode == 2
        assert result.stderr == f"newsgraph: error: {out}: {MESSAGE}\n"
        assert {p.name: p.read_bytes() for p in out.rglob("*") if p.is_file()} == before
        assert sorted(p.name for p in small_disk.iterdir()) == [
            ".out.lock", ".out.newsgraph-cache", "one", "out"]
        return
    out = tmp_path / "out"
    with pytest.raises(UsageError, match=MESSAGE.replace("(", r"\(").replace(")", r"\)")), \
            atomic.replacing(out, "datapackage.json") as staged:
        (staged / "part").write_bytes(b"x")
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
    assert sorted(p.name for p in tmp_path.iterdir()) == []
