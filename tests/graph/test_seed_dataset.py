"""The dataset built from the whole seed corpus passes SHACL and keeps provenance consistent."""

from __future__ import annotations

from pathlib import Path

import pytest

from graph.network import actor_network
from graph.store import GraphStore, document_hashes
from graph.validate import validate


@pytest.fixture(scope="module")
def seed_store(seed_build: tuple[Path, str]) -> GraphStore:
    return GraphStore.load(seed_build[0])


@pytest.mark.slow
def test_seed_dataset_passes_the_shacl_shapes(seed_store: GraphStore) -> None:
    conforms, report = validate(seed_store)
    assert conforms, report


@pytest.mark.slow
def test_seed_statements_point_at_lines_inside_their_files(
    seed_store: GraphStore, seed_corpus: Path
) -> None:
    files = [path for path in seed_corpus.iterdir() if path.is_file()]  # README.md is read too
    hashes = document_hashes(seed_store)
    assert set(hashes) == {path.name for path in files}
    line_counts = {path.name: len(path.read_bytes().splitlines()) for path in files}
    rows = seed_store.query(
        """PREFIX gov: <https://w3id.org/govgraph/ont#>
        PREFIX prov: <http://www.w3.org/ns/prov#>
        PREFIX dcterms: <http://purl.org/dc/terms/>
        SELECT ?file ?start ?end WHERE {
          ?st a gov:Statement ; gov:lineStart ?start ; gov:lineEnd ?end ;
              prov:wasDerivedFrom/dcterms:identifier ?file }"""
    )
    checked = 0
    for row in rows:  # type: ignore[attr-defined]
        start, end = int(row["start"].value), int(row["end"].value)
        assert 1 <= start <= end <= line_counts[row["file"].value], row
        checked += 1
    assert checked > 0
    assert checked == sum(d["weight"] for *_, d in actor_network(seed_store).edges(data=True))
