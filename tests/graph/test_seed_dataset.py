"""The dataset built from the seed corpus passes SHACL and keeps provenance consistent.

The four shorter seed documents are used whole, the long dissertation (001) by its first
100,000 characters, so the test stays within seconds; files are copied to a temporary folder,
never into the project.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from graph.build import build_dataset
from graph.network import actor_network
from graph.store import GraphStore, document_hashes
from graph.validate import validate

LONG_DOCUMENT_PREFIX = 100_000


@pytest.fixture(scope="module")
def seed_folder(seed_corpus: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("seed")
    for source in sorted(seed_corpus.glob("*.txt")):
        data = source.read_bytes()
        if len(data) > 2 * LONG_DOCUMENT_PREFIX:
            data = data[:LONG_DOCUMENT_PREFIX].rsplit(b"\n", 1)[0]
        (folder / source.name).write_bytes(data)
    return folder


@pytest.fixture(scope="module")
def seed_store(seed_folder: Path) -> GraphStore:
    from extract import extract_document
    from extract.pipeline import build_pipeline
    from extract.readers import read_document

    nlp = build_pipeline()
    paths = sorted(seed_folder.glob("*.txt"))
    return build_dataset(extract_document(read_document(path), nlp) for path in paths)


@pytest.mark.slow
def test_seed_dataset_passes_the_shacl_shapes(seed_store: GraphStore) -> None:
    conforms, report = validate(seed_store)
    assert conforms, report


@pytest.mark.slow
def test_seed_statements_point_at_lines_inside_their_files(
    seed_store: GraphStore, seed_folder: Path
) -> None:
    hashes = document_hashes(seed_store)
    assert set(hashes) == {path.name for path in seed_folder.glob("*.txt")}
    line_counts = {
        path.name: len(path.read_bytes().splitlines()) for path in seed_folder.glob("*.txt")
    }
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
