"""The CLI round trip on the bundled sample corpus, and its handling of bad input."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib import Dataset, Literal, URIRef
from rdflib.namespace import PROV, RDF, SKOS

from govgraph.cli import SAMPLE_DIR, cli
from ontology import GOV, ONTOLOGY_GRAPH


@pytest.fixture(scope="session")
def sample_trig(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample corpus built once through the CLI."""
    output = tmp_path_factory.mktemp("build") / "sample.trig"
    result = CliRunner().invoke(cli, ["build", str(SAMPLE_DIR), "-o", str(output)])
    assert result.exit_code == 0, result.output
    return output


@pytest.fixture(scope="session")
def sample_dataset(sample_trig: Path) -> Dataset:
    """The built sample TriG, parsed by rdflib's own parser (not Oxigraph)."""
    dataset = Dataset(default_union=True)
    dataset.parse(sample_trig, format="trig")
    return dataset


def sample_files() -> list[Path]:
    """The text files of the sample corpus."""
    return sorted(p for p in SAMPLE_DIR.iterdir() if p.suffix == ".txt")


def test_build_writes_one_named_graph_per_document_plus_the_ontology(
    sample_dataset: Dataset,
) -> None:
    graph_names = {g.identifier for g in sample_dataset.graphs()}
    documents = set(sample_dataset.subjects(RDF.type, GOV.Document))
    assert len(documents) == len(sample_files())
    assert ONTOLOGY_GRAPH in graph_names
    for document in documents:
        holding = [
            g.identifier for g in sample_dataset.graphs() if (document, RDF.type, GOV.Document) in g
        ]
        assert len(holding) == 1, f"{document} should live in exactly one named graph"


def test_statements_carry_evidence_provenance_and_lines(sample_dataset: Dataset) -> None:
    statements = set(sample_dataset.subjects(RDF.type, GOV.Statement))
    assert len(statements) >= 18, "the sample corpus covers all 18 properties"
    documents = set(sample_dataset.subjects(RDF.type, GOV.Document))
    for statement in statements:
        evidence = sample_dataset.value(statement, GOV.evidence)
        assert isinstance(evidence, Literal) and len(str(evidence)) > 10
        assert sample_dataset.value(statement, PROV.wasDerivedFrom) in documents
        start = sample_dataset.value(statement, GOV.lineStart)
        end = sample_dataset.value(statement, GOV.lineEnd)
        assert start is not None and end is not None and 1 <= int(start) <= int(end)
        for role in (RDF.subject, RDF.object):
            actor = sample_dataset.value(statement, role)
            assert sample_dataset.value(actor, SKOS.prefLabel) is not None


def test_asserted_statements_add_the_plain_triple_and_negated_ones_do_not(
    sample_dataset: Dataset,
) -> None:
    negated_seen = 0
    for statement in sample_dataset.subjects(RDF.type, GOV.Statement):
        triple = (
            sample_dataset.value(statement, RDF.subject),
            sample_dataset.value(statement, RDF.predicate),
            sample_dataset.value(statement, RDF.object),
        )
        negated = sample_dataset.value(statement, GOV.negated).toPython()
        asserted = sample_dataset.value(statement, GOV.modality) == GOV.Asserted
        if negated:
            negated_seen += 1
        if asserted and not negated:
            assert triple in sample_dataset
    assert negated_seen >= 1, "the sample corpus has negated relations"


def test_every_relation_property_is_found_in_the_sample(sample_dataset: Dataset) -> None:
    from ontology import RelationType

    found = {
        sample_dataset.value(s, RDF.predicate)
        for s in sample_dataset.subjects(RDF.type, GOV.Statement)
    }
    parents = {URIRef(GOV[rel.value]) for rel in RelationType}
    sub_to_parent = {
        s: o
        for s, o in sample_dataset.subject_objects(
            URIRef("http://www.w3.org/2000/01/rdf-schema#subPropertyOf")
        )
        if o in parents
    }
    found_parents = {sub_to_parent.get(p, p) for p in found}
    missing = sorted(str(p) for p in parents - found_parents)
    assert len(missing) <= 3, f"sample corpus relations not extracted: {missing}"


def test_query_returns_rows_as_csv_and_json(sample_trig: Path) -> None:
    sparql = (
        "PREFIX gov: <https://w3id.org/govgraph/ont#> "
        "SELECT (COUNT(?s) AS ?n) WHERE { ?s a gov:Statement }"
    )
    as_json = CliRunner().invoke(cli, ["query", str(sample_trig), sparql, "--format", "json"])
    assert as_json.exit_code == 0, as_json.output
    count = int(json.loads(as_json.output)["results"]["bindings"][0]["n"]["value"])
    assert count >= 18
    as_table = CliRunner().invoke(cli, ["query", str(sample_trig), sparql])
    assert as_table.exit_code == 0
    assert str(count) in as_table.output and "(1 row)" in as_table.output


def test_query_with_bad_sparql_is_a_clear_error(sample_trig: Path) -> None:
    result = CliRunner().invoke(cli, ["query", str(sample_trig), "SELECT WHERE {"])
    assert result.exit_code == 1
    assert "SPARQL" in result.output and "Traceback" not in result.output


def test_rebuild_reuses_unchanged_documents(sample_trig: Path, tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for path in sample_files()[:2]:
        (corpus / path.name).write_text(path.read_text(encoding="utf-8"), encoding="utf-8")
    output = tmp_path / "out.trig"
    first = CliRunner().invoke(cli, ["build", str(corpus), "-o", str(output)])
    assert "2 document(s) extracted" in first.output
    changed = sample_files()[0].name
    (corpus / changed).write_text(
        (corpus / changed).read_text(encoding="utf-8") + "\nDe GGD werkt samen met de politie.\n",
        encoding="utf-8",
    )
    second = CliRunner().invoke(cli, ["build", str(corpus), "-o", str(output)])
    assert second.exit_code == 0, second.output
    assert "1 document(s) extracted, 1 unchanged" in second.output
    dataset = Dataset(default_union=True)
    dataset.parse(output, format="trig")
    assert len(set(dataset.subjects(RDF.type, GOV.Document))) == 2
    evidence = {str(o) for o in dataset.objects(None, GOV.evidence)}
    assert "De GGD werkt samen met de politie." in evidence


def test_build_skips_unreadable_files_by_name_and_goes_on(tmp_path: Path) -> None:
    (tmp_path / "leeg.txt").write_text("", encoding="utf-8")
    (tmp_path / "kapot.pdf").write_bytes(b"\x00\x01 not a pdf at all")
    (tmp_path / "goed.txt").write_text(
        "De gemeente Utrecht financiert de GGD regio Utrecht.\n", encoding="utf-8"
    )
    output = tmp_path / "out.trig"
    result = CliRunner().invoke(cli, ["build", str(tmp_path), "-o", str(output)])
    assert result.exit_code == 0, result.output
    assert "leeg.txt" in result.output and "kapot.pdf" in result.output
    assert "1 document(s) extracted" in result.output
    assert output.is_file()


def test_build_with_nothing_readable_fails_and_keeps_the_old_output(tmp_path: Path) -> None:
    (tmp_path / "leeg.txt").write_text("", encoding="utf-8")
    output = tmp_path / "out.trig"
    output.write_text("# earlier build\n", encoding="utf-8")
    result = CliRunner().invoke(
        cli, ["build", str(tmp_path / "leeg.txt"), "-o", str(output), "--full"]
    )
    assert result.exit_code == 1
    assert "no document could be read" in result.output
    assert output.read_text(encoding="utf-8") == "# earlier build\n"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["build", "geen-map", "-o", "x.trig"], "geen-map"),
        (["build", "README.md", "-o", "x.docx"], "--output"),
        (["query", "geen.trig", "ASK {}"], "geen.trig"),
        (["serve", "graph.xyz"], "graph.xyz"),
        (["evaluate", "geen.trig", "."], "sentences.jsonl"),
    ],
)
def test_user_errors_name_the_culprit_without_traceback(args: list[str], message: str) -> None:
    result = CliRunner().invoke(cli, args)
    assert result.exit_code != 0
    assert message in result.output
    assert "Traceback" not in result.output


def test_store_folder_answers_the_same_query_as_the_trig(sample_trig: Path, tmp_path: Path) -> None:
    store_dir = tmp_path / "store"
    built = CliRunner().invoke(
        cli, ["build", str(SAMPLE_DIR), "-o", str(tmp_path / "s.trig"), "--store", str(store_dir)]
    )
    assert built.exit_code == 0, built.output
    sparql = (
        "PREFIX gov: <https://w3id.org/govgraph/ont#> "
        "SELECT (COUNT(?s) AS ?n) WHERE { ?s a gov:Statement }"
    )
    from_file = CliRunner().invoke(cli, ["query", str(sample_trig), sparql, "--format", "csv"])
    from_folder = CliRunner().invoke(cli, ["query", str(store_dir), sparql, "--format", "csv"])
    assert from_folder.exit_code == 0, from_folder.output
    assert from_folder.output == from_file.output


def test_network_csv_export_names_both_files(sample_trig: Path, tmp_path: Path) -> None:
    output = tmp_path / "net.csv"
    result = CliRunner().invoke(
        cli, ["export", str(sample_trig), "--format", "csv", "-o", str(output)]
    )
    assert result.exit_code == 0, result.output
    written = [line.removeprefix("wrote ") for line in result.output.splitlines()]
    assert len(written) == 2 and all(Path(path).is_file() for path in written)
    nodes = Path(written[0]).read_text(encoding="utf-8").splitlines()
    assert len(nodes) > 10


@pytest.mark.slow
def test_build_runs_on_every_seed_document(seed_build: tuple[Path, str], seed_corpus: Path) -> None:
    output, log = seed_build
    assert "skipped" not in log.replace("0 skipped", "")
    dataset = Dataset(default_union=True)
    dataset.parse(output, format="trig")
    identifiers = {
        str(o) for o in dataset.objects(None, URIRef("http://purl.org/dc/terms/identifier"))
    }
    for path in seed_corpus.glob("*.txt"):
        assert path.name in identifiers
    statements = set(dataset.subjects(RDF.type, GOV.Statement))
    assert len(statements) > 100


def test_rebuild_re_extracts_what_another_extractor_version_made(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "brief.txt").write_text("De gemeente Ede financiert de GGD Gelderland-Midden.\n")
    output = tmp_path / "out.trig"
    first = CliRunner().invoke(cli, ["build", str(corpus), "-o", str(output)])
    assert "1 document(s) extracted" in first.output
    again = CliRunner().invoke(cli, ["build", str(corpus), "-o", str(output)])
    assert "0 document(s) extracted, 1 unchanged" in again.output
    import extract.version

    monkeypatch.setattr(extract.version, "extractor_version", lambda model=None: "0" * 16)
    upgraded = CliRunner().invoke(cli, ["build", str(corpus), "-o", str(output)])
    assert "1 document(s) extracted, 0 unchanged" in upgraded.output
    dataset = Dataset(default_union=True)
    dataset.parse(output, format="trig")
    assert {str(v) for v in dataset.objects(None, GOV.extractorVersion)} == {"0" * 16}
