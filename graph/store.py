"""The embedded store: one pyoxigraph `Store` seen through rdflib's `Dataset` API.

pyoxigraph answers SPARQL and bulk loads natively (about 14x faster over HTTP than routing
queries through rdflib's algebra); rdflib gives the familiar Graph API for building and
small reads. Both views share one store, so nothing is copied.

Files are written atomically: into a temporary file in the target's folder, then renamed over
the target, so an interrupted write never leaves a half-written dataset behind.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO

import pyoxigraph
from oxrdflib import OxigraphStore
from rdflib import Dataset

from ontology import GOV, GOVID, PREFIXES

# Oxigraph formats by file suffix: TriG is the contract's default.
SUFFIX_FORMATS: dict[str, pyoxigraph.RdfFormat] = {
    ".trig": pyoxigraph.RdfFormat.TRIG,
    ".nq": pyoxigraph.RdfFormat.N_QUADS,
    ".jsonld": pyoxigraph.RdfFormat.JSON_LD,
    ".ttl": pyoxigraph.RdfFormat.TURTLE,
    ".nt": pyoxigraph.RdfFormat.N_TRIPLES,
}
DEFAULT_FORMAT = pyoxigraph.RdfFormat.TRIG
# Files also get one prefix per kind of instance, so they read `actor:ggd-amsterdam`, not
# `govid:actor\/ggd-amsterdam` (a slash must be escaped in a prefixed name).
PREFIX_STRINGS = {prefix: str(namespace) for prefix, namespace in PREFIXES.items()} | {
    kind: str(GOVID[f"{kind}/"]) for kind in ("actor", "document", "graph", "statement", "mention")
}


class GraphStore:
    """A govgraph dataset: a pyoxigraph store plus an rdflib `Dataset` over the same data."""

    def __init__(self, store: pyoxigraph.Store | None = None) -> None:
        self.oxigraph = store if store is not None else pyoxigraph.Store()
        self.dataset = Dataset(store=OxigraphStore(store=self.oxigraph), default_union=True)

    @classmethod
    def load(cls, path: Path) -> GraphStore:
        """Load a dataset file (TriG, N-Quads, JSON-LD, Turtle, N-Triples) into memory."""
        graph_store = cls()
        graph_store.load_file(path)
        return graph_store

    @classmethod
    def open(cls, folder: Path) -> GraphStore:
        """Open (or create) a persistent on-disk Oxigraph store in ``folder``."""
        if folder.exists() and not folder.is_dir():
            raise ValueError(f"{folder}: a store must be a folder, this is a file")
        return cls(pyoxigraph.Store(str(folder)))

    def load_file(self, path: Path) -> None:
        """Add a dataset file's quads (triple formats go to the default graph)."""
        fmt = SUFFIX_FORMATS.get(path.suffix.lower())
        if fmt is None:
            raise ValueError(
                f"{path}: unsupported graph format {path.suffix!r} "
                f"(use one of {', '.join(SUFFIX_FORMATS)})"
            )
        if not path.is_file():
            raise ValueError(f"{path}: no such graph file")
        try:
            self.oxigraph.bulk_load(path=str(path), format=fmt)
        except SyntaxError as error:
            raise ValueError(f"{path}: not valid {fmt.name}: {error}") from error

    def query(self, sparql: str, *, use_default_graph_as_union: bool = True) -> object:
        """Evaluate a SPARQL query natively in Oxigraph (the union of graphs as default graph)."""
        return self.oxigraph.query(sparql, use_default_graph_as_union=use_default_graph_as_union)


def format_for(path: Path) -> pyoxigraph.RdfFormat:
    """The RDF format a file name asks for: by suffix, TriG when it has none."""
    if not path.suffix:
        return DEFAULT_FORMAT
    fmt = SUFFIX_FORMATS.get(path.suffix.lower())
    if fmt is None:
        raise ValueError(
            f"{path}: cannot write {path.suffix!r}; use one of {', '.join(SUFFIX_FORMATS)}"
        )
    return fmt


@contextmanager
def atomic_output(path: Path) -> Iterator[BinaryIO]:
    """A binary file that replaces ``path`` only once fully written; removed on any error."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(handle, "wb") as output:
            yield output
            output.flush()
            os.fsync(output.fileno())
        os.replace(temp_name, path)
    except BaseException:
        Path(temp_name).unlink(missing_ok=True)
        raise


def serialize_dataset(store: GraphStore, output: BinaryIO, fmt: pyoxigraph.RdfFormat) -> None:
    """Write the dataset; a format without named graphs gets the union of all graphs."""
    if fmt.supports_datasets:
        store.oxigraph.dump(output, fmt, prefixes=PREFIX_STRINGS)
        return
    union = store.oxigraph.query("CONSTRUCT WHERE { ?s ?p ?o }", use_default_graph_as_union=True)
    assert isinstance(union, pyoxigraph.QueryTriples)
    pyoxigraph.serialize(union, output, fmt, prefixes=PREFIX_STRINGS)


def write_dataset(store: GraphStore, path: Path) -> None:
    """Write the dataset to ``path`` atomically, in the format its suffix names (TriG default)."""
    fmt = format_for(path)
    with atomic_output(path) as output:
        serialize_dataset(store, output, fmt)


def write_store_folder(store: GraphStore, folder: Path) -> None:
    """Save the dataset as an on-disk Oxigraph store that `GraphStore.open` opens instantly.

    The store is written into a sibling folder and swapped in only when complete.
    """
    if folder.exists() and not folder.is_dir():
        raise ValueError(f"{folder}: a store must be a folder, this is a file")
    folder.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{folder.name}.", dir=folder.parent))
    try:
        on_disk = pyoxigraph.Store(str(staging))
        on_disk.bulk_extend(store.oxigraph)
        on_disk.flush()
        del on_disk  # closes the database before its folder moves
        previous = folder.with_name(f".{folder.name}.previous")
        if folder.exists():
            folder.rename(previous)
        staging.rename(folder)
        if previous.exists():
            shutil.rmtree(previous)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise


def document_fingerprints(store: GraphStore) -> dict[str, tuple[str, str | None]]:
    """File name → (content hash, extractor version) of every document, for incremental builds."""
    rows = store.oxigraph.query(
        f"""
        PREFIX dcterms: <http://purl.org/dc/terms/>
        SELECT ?name ?hash ?version WHERE {{
          GRAPH ?g {{ ?doc a <{GOV.Document}> ; dcterms:identifier ?name ;
                           <{GOV.contentHash}> ?hash .
                      OPTIONAL {{ ?doc <{GOV.extractorVersion}> ?version }} }}
        }}"""
    )
    return {
        row["name"].value: (row["hash"].value, row["version"].value if row["version"] else None)
        for row in rows  # type: ignore[union-attr]
    }


def document_hashes(store: GraphStore) -> dict[str, str]:
    """File name → content hash of every document in the store."""
    return {name: content for name, (content, _) in document_fingerprints(store).items()}
