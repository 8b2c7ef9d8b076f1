"""Ctrl-C and closed pipes: what the command line promises about them.

A Ctrl-C in a terminal sends SIGINT to the whole process group: the build's worker processes
(local or Dask) as well as the command itself. Only the command should react, once: it exits
130 with one line (``newsgraph: interrupted; previous output untouched``), and the atomic
writer has already deleted its staging folder. So worker processes are started with SIGINT
shielded (Dask's fork from a server started with SIGINT ignored, ``start_quiet_forkserver``: an
ignored signal survives ``fork`` and ``exec``, and Python and asyncio leave it ignored; local
pool workers ignore it first thing, ``ignore_in_worker``), and they stop when the command
closes its pool or cluster.
"""

from __future__ import annotations

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
    """In a worker process: leave SIGINT to the parent command."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def start_quiet_forkserver() -> None:
    """Start multiprocessing's fork server (unless it runs) with SIGINT ignored, so that it
    and every process forked from it (Dask's workers) ignore SIGINT.

    The server gives its children the handler it started with, and an ignored signal
    survives ``exec``. Only the few milliseconds of the server's ``fork`` and ``exec`` run
    with SIGINT ignored here, and this thread blocks it meanwhile (Linux queues a blocked
    signal even while it is ignored), so a Ctrl-C then is delivered right after. Call it
    before other threads start: a thread that does not block SIGINT could take the signal
    while it is ignored.
    """
    from multiprocessing import forkserver

    main = threading.current_thread() is threading.main_thread()
    if main:
        mask = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
        handler = signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        forkserver.ensure_running()
    finally:
        if main:
            signal.signal(signal.SIGINT, handler)
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
