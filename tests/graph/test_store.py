"""Writing and loading dataset files: formats by suffix, atomic writes, clear errors."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph
import pytest

from graph.build import build_dataset
from graph.iris import document_graph_iri
from graph.store import GraphStore, write_dataset, write_store_folder
from ontology import DocumentExtraction


@pytest.mark.parametrize("suffix", [".trig", ".nq", ".jsonld"])
def test_dataset_formats_keep_every_quad(
    extractions: list[DocumentExtraction], tmp_path: Path, suffix: str
) -> None:
    store = build_dataset(extractions)
    path = tmp_path / f"out{suffix}"
    write_dataset(store, path)
    assert set(GraphStore.load(path).oxigraph) == set(store.oxigraph)


def test_turtle_holds_the_union_of_all_graphs_without_duplicates(
    extractions: list[DocumentExtraction], tmp_path: Path
) -> None:
    store = build_dataset(extractions)
    # the same triple in a second graph must come out once
    first = next(iter(store.oxigraph))
    twin_graph = pyoxigraph.NamedNode("https://example.org/twin")
    store.oxigraph.add(pyoxigraph.Quad(first.subject, first.predicate, first.object, twin_graph))
    path = tmp_path / "out.ttl"
    write_dataset(store, path)
    loaded = GraphStore.load(path)
    triples = {(q.subject, q.predicate, q.object) for q in store.oxigraph}
    assert {(q.subject, q.predicate, q.object) for q in loaded.oxigraph} == triples
    assert len(loaded.oxigraph) == len(triples) < len(store.oxigraph)


def test_a_failed_write_keeps_the_old_file_and_leaves_no_temporary(
    extractions: list[DocumentExtraction], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "out.trig"
    path.write_text("old contents")
    store = build_dataset(extractions)

    def broken_dump(*args: object, **kwargs: object) -> None:
        raise OSError("disk full")

    monkeypatch.setattr("graph.store.serialize_dataset", broken_dump)
    with pytest.raises(OSError, match="disk full"):
        write_dataset(store, path)
    assert path.read_text() == "old contents"
    assert [p.name for p in tmp_path.iterdir()] == ["out.trig"]


def test_write_without_suffix_is_trig_and_unknown_suffix_is_refused(
    extractions: list[DocumentExtraction], tmp_path: Path
) -> None:
    store = build_dataset(extractions)
    plain = tmp_path / "dataset"
    write_dataset(store, plain)
    assert GraphStore.load(plain.rename(tmp_path / "dataset.trig")).oxigraph.contains_named_graph(
        pyoxigraph.NamedNode(document_graph_iri("a_nota"))
    )
    with pytest.raises(ValueError, match=r"out\.xls.*\.trig"):
        write_dataset(store, tmp_path / "out.xls")


def test_loading_names_the_bad_file(tmp_path: Path) -> None:
    broken = tmp_path / "broken.trig"
    broken.write_text("this is not turtle <")
    with pytest.raises(ValueError, match="broken.trig"):
        GraphStore.load(broken)
    with pytest.raises(ValueError, match="missing.nq: no such graph file"):
        GraphStore.load(tmp_path / "missing.nq")


def test_store_folder_is_replaced_whole_and_reopens(
    extractions: list[DocumentExtraction], tmp_path: Path
) -> None:
    folder = tmp_path / "store"
    write_store_folder(build_dataset(extractions[:1]), folder)
    built = build_dataset(extractions)
    write_store_folder(built, folder)
    assert set(GraphStore.open(folder).oxigraph) == set(built.oxigraph)
    assert [p.name for p in tmp_path.iterdir()] == ["store"]


def test_build_fills_a_given_empty_store_and_refuses_a_full_one(
    extractions: list[DocumentExtraction], tmp_path: Path
) -> None:
    on_disk = GraphStore.open(tmp_path / "store")
    assert build_dataset(extractions, into=on_disk) is on_disk
    assert set(on_disk.oxigraph) == set(build_dataset(extractions).oxigraph)
    with pytest.raises(ValueError, match="empty store"):
        build_dataset(extractions, into=on_disk)
