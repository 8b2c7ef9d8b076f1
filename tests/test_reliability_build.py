"""``newsgraph build`` on bad output folders and source folders: one clear line, nothing
overwritten.

Contract (DESIGN.md, "Commands and paths", "Bad input"):
- ``newsgraph validate`` exits 1 when the data is invalid, 2 when the folder is missing;
- ``build``, ``info`` and ``sql`` exit 2 on bad input or usage;
- stderr is one line naming the file (and line or row) and what to do, never a traceback;
- ``load``, ``load_arrow`` and ``connect`` raise a ``newsgraph.NewsgraphError`` subclass
  with the same message, never a raw pyarrow, DuckDB, OS or key error.

The damaged packages and case lists are in ``reliability_cases.py``. ``python -m
tests.reliability_doc`` runs the ``test_reliability_*.py`` files and ``test_bad_input.py`` and
writes ``docs/reliability.md`` from what the cases actually print.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from tests.conftest import SEED, run_cli
from tests.reliability_cases import (
    BAD_COLLECTIONS,
    ERROR,
    SNIFFED_SOURCES,
    SourceCase,
    one_line,
    snapshot,
)

#: Runs the builder or the CLI end to end: left out of ``make test-fast``.
pytestmark = pytest.mark.slow


@pytest.fixture()
def src(tmp_path: Path) -> Path:
    folder = tmp_path / "src"
    folder.mkdir()
    shutil.copy(SEED, folder / SEED.name)
    return folder


def test_build_out_under_a_regular_file(tmp_path: Path, src: Path) -> None:
    """--out whose parent is a regular file (unwritable even for root): exit 2, one line."""
    blocker = tmp_path / "blocker"
    blocker.write_text("not a folder\n", encoding="utf-8")
    line = one_line(run_cli("build", src, "--out", blocker / "out"), 2)
    assert line.startswith(ERROR) and "blocker" in line
    assert blocker.read_text(encoding="utf-8") == "not a folder\n"


def _chmod_stops_writes(folder: Path) -> bool:
    probe = folder / ".probe"
    try:
        probe.write_text("", encoding="utf-8")
    except PermissionError:
        return True
    probe.unlink()
    return False


@contextmanager
def _unwritable_folder(tmp_path: Path) -> Iterator[Path]:
    """A folder this process cannot create files in: a chmod 555 folder, or, for root (whom
    chmod does not stop), the root of sysfs, where nobody may create a file."""
    parent = tmp_path / "read-only"
    parent.mkdir()
    parent.chmod(0o555)
    try:
        if _chmod_stops_writes(parent):
            yield parent
            return
    finally:
        parent.chmod(0o755)
    sysfs = Path("/sys")
    assert sysfs.is_dir() and _chmod_stops_writes(sysfs), "no folder refuses this process's writes"
    yield sysfs


def test_build_out_in_read_only_folder(tmp_path: Path, src: Path) -> None:
    """--out inside a folder that refuses writes: exit 2, one line naming it."""
    with _unwritable_folder(tmp_path) as parent:
        out = parent / "newsgraph-test-out"
        line = one_line(run_cli("build", src, "--out", out), 2)
        assert line.startswith(f"{ERROR}{out}: ") and "choose a writable --out" in line
        assert not out.exists()


def test_source_symlink_outside_the_folder(tmp_path: Path, src: Path) -> None:
    """A source folder holding a symlink to a file outside it: exit 2, old output untouched."""
    out = tmp_path / "out"
    assert run_cli("build", src, "--out", out).returncode == 0
    before = snapshot(out)
    secret = tmp_path / "secret.txt"
    secret.write_bytes(SEED.read_bytes())
    (src / "leak.txt").symlink_to(secret)
    line = one_line(run_cli("build", src, "--out", out), 2)
    assert line == f"{ERROR}{src}/leak.txt: symlink points outside the source folder; copy the " \
                   "file in instead"
    assert snapshot(out) == before


@pytest.mark.parametrize(
    ("name", "content", "expect"),
    [
        ("bom-only.txt", b"\xef\xbb\xbf\r\n", "source is empty"),
        ("no-visible-text.html", b"<html><head><script>var x;</script></head></html>\n",
         "no visible text"),
    ],
    ids=["bom-only", "html-without-text"],
)
def test_source_without_text(tmp_path: Path, src: Path, name: str, content: bytes,
                             expect: str) -> None:
    """A source that decodes to no text at all is refused, not built as an empty article."""
    (src / name).write_bytes(content)
    line = one_line(run_cli("build", src, "--out", tmp_path / "out"), 2)
    assert line.startswith(f"{ERROR}{src}/{name}: ") and expect in line
    assert not (tmp_path / "out").exists()




@pytest.mark.parametrize("case", SNIFFED_SOURCES, ids=str)
def test_sniffed_content_is_refused(tmp_path: Path, src: Path, case: SourceCase) -> None:
    """A document, image or archive with an article's suffix is refused by its magic bytes."""
    out = tmp_path / "out"
    assert run_cli("build", src, "--out", out).returncode == 0
    before = snapshot(out)
    (src / case.name).write_bytes(case.content)
    line = one_line(run_cli("build", src, "--out", out), 2)
    assert line.startswith(f"{ERROR}{src}/{case.name}: "), line
    assert case.expect in line, line
    assert snapshot(out) == before


@pytest.mark.parametrize("case", BAD_COLLECTIONS, ids=str)
def test_bad_collection_is_refused(tmp_path: Path, src: Path, case: SourceCase) -> None:
    """A collection file with a bad record or of no known kind: one line naming the file,
    exit 2, the previous output untouched."""
    out = tmp_path / "out"
    assert run_cli("build", src, "--out", out).returncode == 0
    before = snapshot(out)
    bad = tmp_path / case.name
    bad.write_bytes(case.content)
    line = one_line(run_cli("build", bad, "--out", out), 2)
    assert line.startswith(f"{ERROR}{bad}"), line
    assert case.expect in line, line
    assert snapshot(out) == before


def test_build_refuses_out_that_is_a_file(tmp_path: Path, src: Path) -> None:
    """--out naming an existing regular file: exit 2, the file untouched."""
    target = tmp_path / "notes.txt"
    target.write_text("my notes\n", encoding="utf-8")
    line = one_line(run_cli("build", src, "--out", target), 2)
    assert "notes.txt" in line
    assert target.read_text(encoding="utf-8") == "my notes\n"


def test_build_refuses_out_that_is_not_a_package(tmp_path: Path, src: Path) -> None:
    """--out naming a non-empty folder that is not a package: exit 2, its files untouched."""
    target = tmp_path / "thesis"
    target.mkdir()
    (target / "chapter1.md").write_text("years of work\n", encoding="utf-8")
    before = snapshot(target)
    line = one_line(run_cli("build", src, "--out", target), 2)
    assert "thesis" in line
    assert snapshot(target) == before
