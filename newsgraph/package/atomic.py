"""Atomic replacement of an output folder.

A build writes into a temporary folder beside the target, then swaps it in with Linux
``renameat2(RENAME_EXCHANGE)``, which exchanges two paths in one step: a SIGKILL at any moment
leaves either the old folder or the new one, never a mix. Where the call is unavailable, the
fallback renames the old folder to ``<target>.old`` first, and ``recover`` (run at the start of
every build) puts it back if a crash hit the window between the two renames.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import errno
import os
import shutil
import signal
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from newsgraph.errors import UsageError

AT_FDCWD = -100
RENAME_EXCHANGE = 2
_libc = ctypes.CDLL(ctypes.util.find_library("c") or None, use_errno=True)


def _exchange(a: Path, b: Path) -> bool:
    """Swap two paths atomically; False if the system cannot."""
    renameat2 = getattr(_libc, "renameat2", None)
    if renameat2 is None:
        return False
    result = renameat2(AT_FDCWD, os.fsencode(a), AT_FDCWD, os.fsencode(b), RENAME_EXCHANGE)
    return bool(result == 0)


def _old(target: Path) -> Path:
    return target.with_name(target.name + ".old")


def recover(target: Path) -> None:
    """Finish or undo an interrupted swap, and drop leftovers of killed builds."""
    old = _old(target)
    if old.exists() and not target.exists():
        old.rename(target)
    elif old.exists():
        shutil.rmtree(old, ignore_errors=True)
    for leftover in target.parent.glob(f".{target.name}.tmp-*"):
        shutil.rmtree(leftover, ignore_errors=True)


def check_replaceable(target: Path, marker: str) -> None:
    """Refuse to replace anything that is not our own earlier output.

    ``target`` may be missing, an empty folder, or a folder holding ``marker`` (the file every
    output of this kind has, e.g. ``datapackage.json``); anything else is a user's files, which
    a swap would delete.
    """
    if target.is_symlink() or (target.exists() and not target.is_dir()):
        raise UsageError("output exists and is not a folder; choose another --out", file=target)
    if target.is_dir() and any(target.iterdir()) and not (target / marker).is_file():
        raise UsageError(f"output folder is not empty and has no {marker}, so it is not an "
                         "earlier output; choose an empty or new --out", file=target)


def current_umask() -> int:
    """The process's umask (reading it means setting it, so it is set straight back)."""
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def _make_parent(target: Path) -> None:
    """Create ``target``'s parent folders, refusing a parent that is a file."""
    for parent in (target.parent, *target.parent.parents):
        if parent.exists():
            if not parent.is_dir():
                raise UsageError("a parent of the output is a file, not a folder; choose "
                                 "another --out", file=parent)
            break
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise UsageError(f"cannot write beside the output ({error.strerror}); choose a writable "
                         "--out", file=target) from None


def lock_path(target: Path) -> Path:
    """The lock file of an output: beside it, in its parent, never inside the package."""
    return target.with_name(f".{target.name}.lock")


@contextmanager
def exclusive(target: Path) -> Iterator[None]:
    """Hold an advisory lock (``flock``) on ``target``'s lock file for the whole build.

    A second build into the same output fails at once instead of deleting the first one's
    staging folder or racing its swap. The kernel releases the lock when the process ends,
    however it ends (even by SIGKILL), so a stale lock file never blocks a later build; the
    empty file itself stays.
    """
    import fcntl

    _make_parent(target)
    path = lock_path(target)
    try:
        fd = os.open(path, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o666)
    except OSError as error:
        raise UsageError(f"cannot create the lock file {path.name} ({error.strerror}); choose "
                         "a writable --out", file=target) from None
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise UsageError(f"another build is writing this output (it holds {path}); wait "
                             "for it to finish or choose another --out", file=target) from None
        yield
    finally:
        os.close(fd)  # closing releases the lock


def staging_dir(target: Path) -> Path:
    """A fresh temporary folder beside ``target`` (same filesystem, so renames are atomic)."""
    _make_parent(target)
    try:
        staged = Path(tempfile.mkdtemp(prefix=f".{target.name}.tmp-", dir=target.parent))
        # mkdtemp makes the folder 0700; the output gets what the user's umask gives, as a
        # folder made by mkdir would (the swap puts this very folder at ``target``)
        staged.chmod(0o777 & ~current_umask())
        return staged
    except OSError as error:
        raise UsageError(f"cannot write beside the output ({error.strerror}); choose a writable "
                         "--out", file=target) from None


@contextmanager
def replacing(target: Path, marker: str) -> Iterator[Path]:
    """Write into a staging folder and swap it in on success; on any failure (or a signal)
    delete it and leave ``target`` as it was. ``marker`` is what an earlier output holds
    (see ``check_replaceable``)."""
    recover(target)
    check_replaceable(target, marker)
    staged = staging_dir(target)
    try:
        yield staged
        replace_dir(staged, target)
    except OSError as error:
        shutil.rmtree(staged, ignore_errors=True)
        if error.errno in (errno.ENOSPC, errno.EDQUOT):  # a full disk or quota: the user's to fix
            raise UsageError("no space left on the device while writing the output (the "
                             "previous output is untouched); free some space or choose "
                             "another --out", file=target) from None
        raise
    except BaseException:
        shutil.rmtree(staged, ignore_errors=True)
        raise


#: Test hooks (read only by ``tests/test_atomic_kill.py``): SIGKILL this process at step N of
#: a swap, and take the two-rename fallback even where ``renameat2`` works.
KILL_AT_STEP = "NEWSGRAPH_TEST_KILL_AT_SWAP_STEP"
NO_EXCHANGE = "NEWSGRAPH_TEST_NO_EXCHANGE"


def _step(number: int) -> None:
    """Step ``number`` of a swap: 1 nothing renamed yet, 2 the first rename done (exchanged,
    or the old folder moved to ``.old``), 3 the new folder in place with ``.old`` beside it."""
    if os.environ.get(KILL_AT_STEP) == str(number):
        os.kill(os.getpid(), signal.SIGKILL)


def replace_dir(staged: Path, target: Path) -> None:
    """Put ``staged`` at ``target`` atomically and remove the previous contents."""
    _step(1)
    if not target.exists():
        staged.rename(target)
        return
    if os.environ.get(NO_EXCHANGE) != "1" and _exchange(staged, target):
        _step(2)
        shutil.rmtree(staged)
        return
    old = _old(target)
    target.rename(old)
    _step(2)
    staged.rename(target)
    _step(3)
    shutil.rmtree(old)
