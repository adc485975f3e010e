"""A pool of query worker processes, each with a snapshot of the store, killed on overrun.

Each worker is a fresh interpreter running `web/sparql_worker.py` as a script (never a fork
of the multi-threaded web server, and without importing Flask or rdflib, so it starts in a
fraction of a second); it loads an N-Quads dump of the store. That dump is the snapshot the
endpoint answers from; `refresh()` takes a new one after an update. It is an unlinked
temporary file that workers inherit by descriptor, so nothing is left on disk even when the
server is killed.
"""

from __future__ import annotations

import dataclasses
import queue
import socket
import subprocess
import sys
import tempfile
import threading
import time
import weakref
from dataclasses import dataclass
from multiprocessing.connection import Connection
from typing import IO

import pyoxigraph

from web import sparql_worker
from web.sparql_worker import QueryAnswer, QueryFailure, QueryJob, decode_outcome

WORKER_START_TIMEOUT = 120.0  # seconds for a new worker to load its snapshot


class QueryTimeoutError(Exception):
    """The query ran past its time limit; its worker was killed."""


class PoolBusyError(Exception):
    """Every worker stayed busy for the whole time limit."""


class WorkerLostError(Exception):
    """The worker died or could not start (out of memory, crash, unreadable snapshot)."""


@dataclass(eq=False)  # identity: workers live in a set
class _Worker:
    process: subprocess.Popen[bytes]
    connection: Connection
    generation: int
    ready: bool = False

    def wait_ready(self) -> None:
        if self.ready:
            return
        if not self.connection.poll(WORKER_START_TIMEOUT) or self.connection.recv() != "ready":
            raise WorkerLostError("a query worker could not load the dataset snapshot")
        self.ready = True

    def stop(self) -> None:
        self.connection.close()
        self.process.kill()
        self.process.wait(timeout=5)


class QueryPool:
    """Runs queries in `size` worker processes over a snapshot of `store`."""

    def __init__(self, store: pyoxigraph.Store, size: int = 2) -> None:
        self.store = store
        self.size = size
        self._idle: queue.Queue[_Worker] = queue.Queue()
        self._lock = threading.Lock()
        self._generation = 0
        self._started = False
        self._resources = _Resources()
        self._workers = self._resources.workers
        # Workers and snapshots must not outlive the pool or the interpreter.
        weakref.finalize(self, self._resources.release)

    def _take_snapshot(self) -> None:
        snapshot = tempfile.TemporaryFile(prefix="govgraph-sparql-")  # noqa: SIM115 (the pool owns it)
        self.store.dump(snapshot, format=pyoxigraph.RdfFormat.N_QUADS)
        snapshot.flush()
        # Workers still loading the old one hold their own descriptor of it.
        previous, self._resources.snapshot = self._resources.snapshot, snapshot
        if previous is not None:
            previous.close()

    def _spawn(self) -> _Worker:
        ours, theirs = socket.socketpair()
        assert self._resources.snapshot is not None
        descriptors = (theirs.fileno(), self._resources.snapshot.fileno())
        process = subprocess.Popen(
            # -P: the script's own folder (web/) must not shadow standard modules
            [sys.executable, "-P", sparql_worker.__file__, *map(str, descriptors)],
            pass_fds=descriptors,
            stdin=subprocess.DEVNULL,
        )
        theirs.close()
        worker = _Worker(process, Connection(ours.detach()), self._generation)
        self._workers.add(worker)
        return worker

    def _retire(self, worker: _Worker) -> None:
        """Stop a worker and put a fresh one in its place."""
        worker.stop()
        with self._lock:
            self._workers.discard(worker)
            if self._started:
                self._idle.put(self._spawn())

    def start(self) -> None:
        """Take the first snapshot and start the workers (once; later calls do nothing)."""
        with self._lock:
            if self._started:
                return
            self._take_snapshot()
            for _ in range(self.size):
                self._idle.put(self._spawn())
            self._started = True

    def warm(self) -> None:
        """Start the workers in the background, so that the first query does not wait for them."""
        if not self._started:
            threading.Thread(target=self.start, name="sparql-pool-warm", daemon=True).start()

    def refresh(self) -> None:
        """Take a new snapshot after the store changed; workers are replaced as they come free."""
        with self._lock:
            if not self._started:
                return
            self._generation += 1
            self._take_snapshot()

    def _acquire(self, deadline: float) -> _Worker:
        while True:
            try:
                worker = self._idle.get(timeout=max(0.0, deadline - time.monotonic()))
            except queue.Empty:
                raise PoolBusyError from None
            if worker.generation == self._generation and worker.process.poll() is None:
                return worker
            self._retire(worker)

    def run(self, job: QueryJob, timeout: float) -> QueryAnswer | QueryFailure:
        """Evaluate `job` in a worker; raise QueryTimeoutError after `timeout` seconds."""
        self.start()
        worker = self._acquire(time.monotonic() + timeout)
        try:
            worker.wait_ready()  # a replacement may still be loading: not the query's time
            worker.connection.send(vars(job))  # a flat dict: cheaper than asdict's deep copy
            if not worker.connection.poll(timeout):
                self._retire(worker)
                raise QueryTimeoutError
            outcome = decode_outcome(worker.connection.recv())
        except (EOFError, OSError, WorkerLostError) as error:
            self._retire(worker)
            raise WorkerLostError(str(error) or "a query worker died while evaluating") from error
        self._idle.put(worker)
        return outcome

    def worker_pids(self) -> list[int]:
        """The process ids of the live workers (for monitoring and tests)."""
        with self._lock:
            return sorted(worker.process.pid for worker in self._workers)

    def close(self) -> None:
        """Stop every worker and drop the snapshot."""
        with self._lock:
            self._started = False
            self._idle = queue.Queue()
            self._resources.release()


@dataclass
class _Resources:
    """What a pool must give back: its worker processes and its snapshot file."""

    workers: set[_Worker] = dataclasses.field(default_factory=set)
    snapshot: IO[bytes] | None = None

    def release(self) -> None:
        """Kill the workers and drop the snapshot (at close, garbage collection or exit)."""
        for worker in list(self.workers):
            worker.stop()
        self.workers.clear()
        if self.snapshot is not None:
            self.snapshot.close()
            self.snapshot = None
