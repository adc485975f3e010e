"""The query worker pool: snapshots, replacement of dead workers, busy and closed pools."""

from __future__ import annotations

import os
import signal
import threading
import time

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


def test_close_stops_workers_and_removes_the_snapshot() -> None:
    pool = QueryPool(store_with(10), size=2)
    assert count(pool) == 10
    pids = pool.worker_pids()
    snapshot_dir = pool._resources.snapshot_dir
    assert len(pids) == 2 and snapshot_dir is not None and snapshot_dir.is_dir()
    pool.close()
    assert pool.worker_pids() == []
    assert not snapshot_dir.exists()
    for pid in pids:
        with pytest.raises(ProcessLookupError):
            os.kill(pid, 0)
