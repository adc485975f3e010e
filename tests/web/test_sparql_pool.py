"""The query worker pool: snapshots, replacement of dead workers, busy and closed pools."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pyoxigraph
import pytest

from web.sparql_pool import PoolBusyError, QueryPool, QueryTimeoutError
from web.sparql_worker import QueryAnswer, QueryJob

RUNAWAY = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l . ?m ?n ?o }"


def quad(index: int) -> pyoxigraph.Quad:
    return pyoxigraph.Quad(
        pyoxigraph.NamedNode(f"urn:actor:{index}"),
        pyoxigraph.NamedNode("urn:p"),
        pyoxigraph.Literal(str(index)),
    )


def store_with(count: int) -> pyoxigraph.Store:
    store = pyoxigraph.Store()
    store.extend(quad(index) for index in range(count))
    return store


def counting(query: str = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }") -> QueryJob:
    return QueryJob(
        query=query,
        default_graphs=None,
        named_graphs=None,
        union_default_graph=True,
        solutions_format="csv",
        graph_format="ttl",
        row_limit=100,
        prefixes={},
    )


def process_exists(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    # A zombie still answers to kill(0) until its parent (init) reaps it; it runs no more.
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii") as stat:
            return stat.read().rsplit(")", 1)[1].split()[0] != "Z"
    except FileNotFoundError:  # reaped between the two looks
        return False


def count(pool: QueryPool, timeout: float = 30) -> int:
    outcome = pool.run(counting(), timeout)
    assert isinstance(outcome, QueryAnswer)
    return int(outcome.body.decode().split()[1])


def test_workers_answer_from_a_snapshot_until_refreshed() -> None:
    store = store_with(60)
    pool = QueryPool(store, size=1)
    try:
        assert count(pool) == 60
        store.add(quad(60))
        assert count(pool) == 60  # the snapshot, not the live store
        pool.refresh()
        assert count(pool) == 61
    finally:
        pool.close()


def test_a_worker_that_died_while_idle_is_replaced() -> None:
    pool = QueryPool(store_with(60), size=1)
    try:
        assert count(pool) == 60
        (first,) = pool.worker_pids()
        os.kill(first, signal.SIGKILL)
        time.sleep(0.1)
        assert count(pool) == 60
        assert pool.worker_pids() != [first]
    finally:
        pool.close()


def test_a_busy_pool_refuses_after_waiting() -> None:
    pool = QueryPool(store_with(60), size=1)
    try:
        pool.start()
        outcomes: list[BaseException] = []

        def run_away() -> None:
            try:
                pool.run(counting(RUNAWAY), 1.5)
            except QueryTimeoutError as error:
                outcomes.append(error)

        runaway = threading.Thread(target=run_away)
        runaway.start()
        time.sleep(0.3)
        with pytest.raises(PoolBusyError):
            pool.run(counting(), 0.5)
        runaway.join()
        assert len(outcomes) == 1
        assert count(pool) == 60  # the runaway's worker was replaced
    finally:
        pool.close()


def test_close_stops_workers_and_drops_the_snapshot() -> None:
    pool = QueryPool(store_with(10), size=2)
    assert count(pool) == 10
    pids = pool.worker_pids()
    snapshot = pool._resources.snapshot
    assert len(pids) == 2 and snapshot is not None
    assert os.fstat(snapshot.fileno()).st_nlink == 0  # never visible in the file system
    pool.close()
    assert pool.worker_pids() == []
    assert snapshot.closed
    for pid in pids:
        with pytest.raises(ProcessLookupError):
            os.kill(pid, 0)


SERVER_THAT_DIES = f"""
import pyoxigraph
from tests.web.test_sparql_pool import counting, store_with
from web.sparql_pool import QueryPool

pool = QueryPool(store_with(60), size=1)
pool.start()
pool.run(counting(), 60)
print(pool.worker_pids()[0], flush=True)
pool.run(counting({RUNAWAY!r}), 600)
"""


def test_a_worker_exits_when_its_server_dies_mid_query() -> None:
    server = subprocess.Popen(
        [sys.executable, "-c", SERVER_THAT_DIES],
        stdout=subprocess.PIPE,
        cwd=Path(__file__).resolve().parents[2],
    )
    assert server.stdout is not None
    worker = int(server.stdout.readline())
    time.sleep(0.5)  # the runaway is now computing in the worker
    server.kill()
    server.wait()
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline and process_exists(worker):
        time.sleep(0.1)
    assert not process_exists(worker)
