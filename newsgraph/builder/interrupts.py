"""Ctrl-C and closed pipes: what the command line promises about them.

A Ctrl-C in a terminal sends SIGINT to the whole process group: the build's worker processes
(local or Dask) as well as the command itself. Only the command should react, once: it exits
130 with one line (``newsgraph: interrupted; previous output untouched``), and the atomic
writer has already deleted its staging folder. So worker processes are started with SIGINT
shielded (Dask's fork from a server whose preloaded module ignores SIGINT, so that its children
get SIGINT ignored, ``start_quiet_forkserver``; local pool workers ignore it first thing,
``ignore_in_worker``), and they stop when the command closes its pool or cluster.
"""

from __future__ import annotations

import os
import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager

INTERRUPTED = "newsgraph: interrupted; previous output untouched"
#: The exit status of a command stopped by SIGINT (128 + 2), as a shell reports it.
EXIT_INTERRUPTED = 130
#: The exit status of a command whose reader closed the pipe (128 + SIGPIPE), as Unix tools.
EXIT_BROKEN_PIPE = 141


def ignore_in_worker() -> None:
    """In a worker process: leave SIGINT to the parent command (and lift the block the
    worker was forked with, ``shielded_forks``: a Ctrl-C that came meanwhile is dropped)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})


@contextmanager
def shielded_forks() -> Iterator[None]:
    """Processes forked inside start with SIGINT blocked (a blocked mask survives fork), so a
    Ctrl-C between a worker's fork and its ``ignore_in_worker`` cannot stop it half-started
    (measured: 1 build in 3 lost the signal or hung when the worker start was slow). In this
    process the signal waits until the block ends, then is taken as usual."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    mask = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, mask)


def start_quiet_forkserver() -> None:
    """Start multiprocessing's fork server (unless it runs) so that every process forked from
    it (Dask's workers) ignores SIGINT.

    The server restores, in each child, the handlers it had before it set its own; a module it
    preloads (``newsgraph.builder._sigint_ignored``) sets SIGINT to ignored before that point. The
    command itself never changes its own handler here: a Ctrl-C at any moment reaches it.
    (An earlier version ignored SIGINT in the command while the server started; a signal
    that a C library thread of the command took meanwhile was lost, and the build went on.)
    """
    from multiprocessing import forkserver, resource_tracker

    # The fork server starts the resource tracker first, and that start unblocks SIGINT in
    # this thread when it is done: so start the tracker (it shields itself) before blocking.
    resource_tracker.ensure_running()
    preload = list(getattr(forkserver._forkserver, "_preload_modules", []))
    if "newsgraph.builder._sigint_ignored" not in preload:
        forkserver.set_forkserver_preload([*preload, "newsgraph.builder._sigint_ignored"])
    # The server starts with SIGINT blocked (a blocked mask survives fork and exec), so that
    # a Ctrl-C during its own start-up waits, and is dropped once its preload ignores it.
    # Only this thread blocks it: the command still takes the signal, at once or right after.
    main = threading.current_thread() is threading.main_thread()
    mask = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT}) if main else None
    try:
        forkserver.ensure_running()
    finally:
        if mask is not None:
            signal.pthread_sigmask(signal.SIG_SETMASK, mask)


@contextmanager
def deferred() -> Iterator[None]:
    """A Ctrl-C inside is held and raised (as KeyboardInterrupt) when the block ends: for
    steps that must not stop half-way, such as starting a cluster that would otherwise be
    left for an exit hook to close (which fails loudly)."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    held: list[int] = []
    previous = signal.signal(signal.SIGINT, lambda number, _frame: held.append(number))
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)
    if held:
        raise KeyboardInterrupt


def commit() -> None:
    """The command's work is done (the output swapped in): a late Ctrl-C must not turn the
    success about to be reported into exit 130."""
    if threading.current_thread() is threading.main_thread():
        signal.signal(signal.SIGINT, signal.SIG_IGN)


#: Test-only: the name of a point (``test_point``) where the command sends SIGINT to its own
#: process group, as a terminal would, so that a test interrupts exactly there.
SIGINT_AT = "NEWSGRAPH_TEST_SIGINT_AT"


def test_point(name: str) -> None:
    """Send Ctrl-C to this process group here when the tests ask for it (``SIGINT_AT``)."""
    if os.environ.get(SIGINT_AT) == name:
        os.killpg(os.getpgrp(), signal.SIGINT)
