"""``newsgraph build --engine dask``: the per-article stage on a Dask cluster.

The chunks of files go to Dask workers as tasks (``extract_chunk``, the same pure function the
local engine runs in processes); the build context is scattered to every worker once. Results
come back in file order through a bounded window of tasks in flight, so the client's memory
stays flat, and the rest of the build (linking, writing Parquet parts) streams as usual. The
output is the same as a local build's, row for row.

Without ``scheduler`` a ``LocalCluster`` of ``workers`` processes is started (and stopped);
with a scheduler address (``tcp://host:8786``) the build uses that cluster, whose workers must
see the source files at the same paths (a shared file system) and have newsgraph installed.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Iterable, Iterator
from contextlib import ExitStack
from pathlib import Path

from newsgraph.builder.extract import WINDOW_PER_WORKER, Context, Item, Result, extract_chunk, in_order
from newsgraph.builder.interrupts import deferred, start_quiet_forkserver, test_point
from newsgraph.errors import UsageError

#: Where the local cluster's scheduler serves HTTP: a free port, on this machine only.
_ANY_PORT = "127.0.0.1:0"


def prepare_local_cluster() -> None:
    """Start the fork server the local cluster's workers come from; call it before the build
    starts threads of its own (``newsgraph.builder.interrupts.start_quiet_forkserver``)."""
    start_quiet_forkserver()


def extract_dask(files: Iterable[Item], context: Context, workers: int,
                 scheduler: str | None) -> Iterator[Result]:
    """Per-article results in item order, computed on a Dask cluster (a collection's records
    travel in the tasks, read lazily by the client)."""
    try:
        import dask
        from dask.distributed import Client, LocalCluster
    except ImportError:
        raise UsageError("the dask engine needs Dask: pip install 'newsgraph[dask]'") from None
    with ExitStack() as stack:
        if scheduler is None:
            # The workers fork from a server that ignores SIGINT, so a Ctrl-C is this
            # process's alone; it stops them as it closes the cluster (newsgraph.builder.interrupts).
            start_quiet_forkserver()
            # the scheduler runs in this process: when a Ctrl-C cancels its tasks, asyncio
            # would log them as "never retrieved" (Dask's own loggers are silenced below)
            logging.getLogger("asyncio").setLevel(logging.CRITICAL)
            stack.enter_context(dask.config.set(
                {"distributed.worker.multiprocessing-method": "forkserver"}))
            with deferred():  # a cluster half started would be closed noisily at exit
                test_point("cluster start")
                # No dashboard; the scheduler still serves its HTTP routes, by default on
                # port 8787, and warns on stderr when another cluster holds that port: any
                # free port of this machine instead, so a build's stderr stays its own.
                cluster = stack.enter_context(LocalCluster(  # type: ignore[no-untyped-call]
                    n_workers=max(workers, 1), threads_per_worker=1, processes=True,
                    dashboard_address=None, scheduler_kwargs={"dashboard_address": _ANY_PORT},
                    silence_logs=50))
                client = stack.enter_context(Client(cluster))  # type: ignore[no-untyped-call]
        else:
            try:
                client = stack.enter_context(
                    Client(scheduler, timeout="30s"))  # type: ignore[no-untyped-call]
            except OSError as error:
                raise UsageError(f"cannot reach the Dask scheduler at {scheduler} "
                                 f"({error}); check --scheduler") from None
        n_workers = max(len(client.scheduler_info()["workers"]), 1)
        shared = client.scatter(context, broadcast=True)
        # pure=False: a task per chunk even for equal inputs
        yield from in_order(lambda chunk: client.submit(extract_chunk, chunk, shared, pure=False),
                            # absolute, not resolved: a symlinked file keeps its own name
                            (Path(os.path.abspath(p)) if isinstance(p, Path) else p
                             for p in files),
                            WINDOW_PER_WORKER * n_workers)
