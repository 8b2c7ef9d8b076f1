"""Ctrl-C and closed pipes (issue 13.8 and 13.9).

A Ctrl-C reaches the whole process group (the command and its worker processes), as a
terminal sends it: every engine then exits 130 with exactly one line, never reports success,
and leaves the previous output as it was. A reader that closes the pipe ends a command
quietly.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import psutil
import pytest
from synthetic import write_corpus

from newsgraph.builder.interrupts import SIGINT_AT
from tests.conftest import REPO, SEED, run_cli

INTERRUPTED = "newsgraph: interrupted; previous output untouched"

#: Signals and a wait for worker processes: run alone, never beside another test's build.
pytestmark = pytest.mark.serial


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Enough articles that extraction is still running when the signal comes."""
    folder = tmp_path_factory.mktemp("interrupt") / "src"
    folder.mkdir()
    write_corpus(folder, 3000, 7)
    return folder


def _snapshot(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*"))
            if p.is_file()}


def _interrupt_when(args: list[str], ready: int, out: Path) -> subprocess.CompletedProcess[str]:
    """Start ``newsgraph ARGS`` in a session of its own; once it has ``ready`` descendant
    processes (its workers), send SIGINT to the whole group as a terminal would."""
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    process = subprocess.Popen([sys.executable, "-m", "newsgraph.cli", *args], cwd=REPO,
                               env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                               text=True, start_new_session=True)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and process.poll() is None:
        try:
            if len(psutil.Process(process.pid).children(recursive=True)) >= ready:
                break
        except psutil.NoSuchProcess:
            break
        time.sleep(0.05)
    assert process.poll() is None, "the build ended before it could be interrupted"
    os.killpg(process.pid, signal.SIGINT)
    stdout, stderr = process.communicate(timeout=120)
    assert not list(out.parent.glob(f".{out.name}.tmp-*")), "a staging folder was left"
    return subprocess.CompletedProcess(args, process.returncode, stdout, stderr)


@pytest.fixture()
def previous(tmp_path: Path) -> Path:
    src = tmp_path / "one"
    src.mkdir()
    (src / SEED.name).write_bytes(SEED.read_bytes())
    out = tmp_path / "out"
    assert run_cli("build", src, "--out", out).returncode == 0
    return out


@pytest.mark.parametrize(("engine", "ready"), [("local", 2), ("dask", 3)])
def test_ctrl_c_exits_130_with_one_line_and_keeps_the_output(corpus: Path, previous: Path,
                                                             engine: str, ready: int) -> None:
    before = _snapshot(previous)
    result = _interrupt_when(["build", str(corpus), "--out", str(previous), "--no-curated",
                              "--engine", engine, "--workers", "2"], ready, previous)
    assert (result.returncode, result.stderr, result.stdout) == (130, INTERRUPTED + "\n", "")
    assert _snapshot(previous) == before


def test_ctrl_c_while_the_dask_cluster_starts(corpus: Path, previous: Path) -> None:
    """The signal comes exactly as the cluster starts (a test point sends it to the group):
    waiting for a first child process instead raced with the start on a loaded machine."""
    before = _snapshot(previous)
    env = {**os.environ, "PYTHONPATH": str(REPO), SIGINT_AT: "cluster start"}
    process = subprocess.Popen([sys.executable, "-m", "newsgraph.cli", "build", str(corpus),
                                "--out", str(previous), "--no-curated", "--engine", "dask",
                                "--workers", "2"], cwd=REPO, env=env, stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE, text=True, start_new_session=True)
    stdout, stderr = process.communicate(timeout=180)
    assert (process.returncode, stderr, stdout) == (130, INTERRUPTED + "\n", "")
    assert _snapshot(previous) == before
    assert not list(previous.parent.glob(f".{previous.name}.tmp-*")), "a staging folder was left"


@pytest.mark.parametrize("args", [["info"], ["sql", "--json", "SELECT * FROM actor_mentions"]])
def test_a_closed_pipe_ends_the_command_quietly(args: list[str]) -> None:
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    process = subprocess.Popen([sys.executable, "-m", "newsgraph.cli", *args], cwd=REPO,
                               env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert process.stdout is not None and process.stderr is not None
    process.stdout.close()  # the reader is gone before the first line is written
    stderr = process.stderr.read()
    assert process.wait(timeout=60) == 141
    assert stderr == b""
