"""`govgraph.evaluation` on hand-made graphs in the contract's shape, with known scores."""

from __future__ import annotations

import json
from dataclasses import dataclass, field, replace
from pathlib import Path

import pyoxigraph
import pytest
from rdflib import RDF, RDFS, SKOS, Literal, Namespace, URIRef
from rdflib.namespace import DCTERMS, PROV

from govgraph.evaluation import GoldFormatError, evaluate
from graph.store import GraphStore
from ontology import GOV, GOVID, ONTOLOGY_GRAPH

# A finer property outside the closed gov: namespace, declared under gov:funds the way the
# ontology declares its own sub-properties.
EXTRA = Namespace("https://example.org/test-extension#")

DOC = "stad_001.txt"
FUNDS = "De gemeente Utrecht financiert de GGD regio Utrecht."
WORKS = "De politie werkt samen met de GGD."
DENIES = "Het ministerie van VWS stuurt de gemeente niet aan."
WEATHER = "Het weer was die dag somber."

GOLD_ACTORS = [
    {"actor": "gemeente Utrecht", "class": "Municipality", "aliases": ["de gemeente", "Utrecht"]},
    {"actor": "GGD regio Utrecht", "class": "PublicHealthService", "aliases": ["de GGD", "GGD"]},
    {"actor": "politie", "class": "Police", "aliases": ["de politie"]},
    {"actor": "ministerie van VWS", "class": "Ministry", "aliases": ["VWS"]},
]


def _gold_line(
    text: str, lines: int, actors: list[tuple[str, str, str]], relations: list[dict]
) -> dict:
    return {
        "doc": DOC,
        "passage": "p1",
        "lines": [lines, lines],
        "sentence": text,
        "actors": [{"surface": s, "actor": a, "class": c} for s, a, c in actors],
        "relations": relations,
    }


def _relation(subject: str, predicate: str, obj: str, negated: bool = False) -> dict:
    return {"subject": subject, "predicate": predicate, "object": obj, "negated": negated}


GGD = ("GGD regio Utrecht", "PublicHealthService")
GEMEENTE = ("gemeente Utrecht", "Municipality")
GOLD_SENTENCES = [
    _gold_line(
        FUNDS,
        1,
        [("De gemeente Utrecht", *GEMEENTE), ("de GGD regio Utrecht", *GGD)],
        [_relation("gemeente Utrecht", "funds", "GGD regio Utrecht")],
    ),
    _gold_line(
        WORKS,
        2,
        [("De politie", "politie", "Police"), ("de GGD", *GGD)],
        [_relation("politie", "collaboratesWith", "GGD regio Utrecht")],
    ),
    _gold_line(
        DENIES,
        3,
        [("Het ministerie van VWS", "ministerie van VWS", "Ministry"), ("de gemeente", *GEMEENTE)],
        [_relation("ministerie van VWS", "steers", "gemeente Utrecht", negated=True)],
    ),
    _gold_line(WEATHER, 4, [], []),
]


def write_gold(
    folder: Path, sentences: list[dict] = GOLD_SENTENCES, actors: list[dict] = GOLD_ACTORS
) -> Path:
    """Write a gold folder (sentences.jsonl, actors.jsonl) and return it."""
    folder.mkdir(parents=True, exist_ok=True)
    for name, rows in (("sentences.jsonl", sentences), ("actors.jsonl", actors)):
        text = "\n".join(json.dumps(row, ensure_ascii=False) for row in rows)
        (folder / name).write_text(text + "\n", encoding="utf-8")
    return folder


@dataclass(frozen=True)
class Actor:
    """A graph actor of the test graphs."""

    key: str
    label: str
    actor_class: URIRef
    alt_labels: tuple[str, ...] = ()


@dataclass(frozen=True)
class Statement:
    """A statement of the test graphs, in the contract's shape."""

    subject: str
    predicate: URIRef
    object: str
    evidence: str
    negated: bool = False
    modality: URIRef = GOV.Asserted
    year: int | None = None


@dataclass
class SystemGraph:
    """What a pretend extractor found in the test document."""

    # (actor key, surface, evidence sentence)
    mentions: list[tuple[str, str, str]] = field(default_factory=list)
    statements: list[Statement] = field(default_factory=list)
    # evidence sentence -> its (first, last) raw lines, given to the mentions in it
    lines: dict[str, tuple[int, int]] = field(default_factory=dict)


ACTORS = {
    actor.key: actor
    for actor in (
        Actor("gemeente-utrecht", "gemeente Utrecht", GOV.Municipality, ("Utrecht",)),
        Actor("ggd-regio-utrecht", "GGD regio Utrecht", GOV.PublicHealthService, ("GGD",)),
        Actor("politie-midden-nederland", "politie Midden-Nederland", GOV.Police, ("politie",)),
        Actor("ministerie-van-vws", "ministerie van VWS", GOV.Ministry, ("VWS",)),
    )
}

# Evidence as a cleaner might leave it: the key must see past spacing and case.
FUNDS_EVIDENCE = "De gemeente Utrecht financiert de GGD regio Utrecht ."

PERFECT = SystemGraph(
    mentions=[
        ("gemeente-utrecht", "De gemeente Utrecht", FUNDS_EVIDENCE),
        ("ggd-regio-utrecht", "de GGD regio Utrecht", FUNDS_EVIDENCE),
        ("politie-midden-nederland", "De politie", WORKS),
        ("ggd-regio-utrecht", "de GGD", WORKS),
        ("ministerie-van-vws", "Het ministerie van VWS", DENIES),
        ("gemeente-utrecht", "de gemeente", DENIES),
    ],
    statements=[
        Statement("gemeente-utrecht", EXTRA.grants, "ggd-regio-utrecht", FUNDS_EVIDENCE),
        # written the other way round: a symmetric property has no direction
        Statement("ggd-regio-utrecht", GOV.collaboratesWith, "politie-midden-nederland", WORKS),
        Statement("ministerie-van-vws", GOV.steers, "gemeente-utrecht", DENIES, negated=True),
    ],
)


def build_graph(path: Path, system: SystemGraph) -> GraphStore:
    """Write the system's findings as TriG in the contract's shape and load it as govgraph does."""
    store = GraphStore()
    dataset = store.dataset
    ontology = dataset.graph(ONTOLOGY_GRAPH)
    ontology.add((EXTRA.grants, RDFS.subPropertyOf, GOV.funds))
    ontology.add((GOV.Ministry, RDFS.subClassOf, GOV.NationalGovernment))
    document = GOVID["document/stad_001"]
    named = dataset.graph(document)
    named.add((document, RDF.type, GOV.Document))
    named.add((document, DCTERMS.identifier, Literal(DOC)))
    for actor in ACTORS.values():
        node = GOVID[f"actor/{actor.key}"]
        named.add((node, RDF.type, actor.actor_class))
        named.add((node, RDF.type, GOV.Actor))
        named.add((node, SKOS.prefLabel, Literal(actor.label, lang="nl")))
        for alt in actor.alt_labels:
            named.add((node, SKOS.altLabel, Literal(alt, lang="nl")))
    for number, (key, surface, evidence) in enumerate(system.mentions):
        mention = GOVID[f"mention/m{number}"]
        named.add((mention, RDF.type, GOV.Mention))
        named.add((mention, GOV.denotes, GOVID[f"actor/{key}"]))
        named.add((mention, GOV.surface, Literal(surface)))
        named.add((mention, GOV.evidence, Literal(evidence)))
        named.add((mention, PROV.wasDerivedFrom, document))
        if evidence in system.lines:
            first, last = system.lines[evidence]
            named.add((mention, GOV.lineStart, Literal(first)))
            named.add((mention, GOV.lineEnd, Literal(last)))
    for number, statement in enumerate(system.statements):
        node = GOVID[f"statement/s{number}"]
        named.add((node, RDF.type, GOV.Statement))
        named.add((node, RDF.subject, GOVID[f"actor/{statement.subject}"]))
        named.add((node, RDF.predicate, statement.predicate))
        named.add((node, RDF.object, GOVID[f"actor/{statement.object}"]))
        named.add((node, GOV.evidence, Literal(statement.evidence)))
        named.add((node, GOV.negated, Literal(statement.negated)))
        named.add((node, GOV.modality, statement.modality))
        if statement.year is not None:
            named.add((node, GOV.year, Literal(statement.year)))
        named.add((node, PROV.wasDerivedFrom, document))
    store.oxigraph.dump(str(path), format=pyoxigraph.RdfFormat.TRIG)
    return GraphStore.load(path)


@pytest.fixture
def gold(tmp_path: Path) -> Path:
    return write_gold(tmp_path / "gold")


def test_perfect_system_scores_one(tmp_path: Path, gold: Path) -> None:
    report = evaluate(build_graph(tmp_path / "g.trig", PERFECT), [gold])
    assert (report.sentences_matched, report.sentences_total) == (3, 4)
    assert (report.actors.tp, report.actors.fp, report.actors.fn) == (6, 0, 0)
    assert (report.relations.tp, report.relations.fp, report.relations.fn) == (3, 0, 0)
    assert report.relations.f1 == report.actors.f1 == report.pairs.f1 == 1.0
    assert report.relations_by_property["funds"].tp == 1  # EXTRA.grants counted as gov:funds
    assert (report.gold_negated, report.negated_extracted_as_positive) == (1, 0)
    assert report.actor_class.accuracy == report.modality.accuracy == 1.0
    assert report.errors == []


def test_empty_system_has_zero_recall(tmp_path: Path, gold: Path) -> None:
    report = evaluate(build_graph(tmp_path / "g.trig", SystemGraph()), [gold])
    assert report.sentences_matched == 0
    assert (report.actors.tp, report.actors.fn) == (0, 6)
    assert (report.relations.tp, report.relations.fn) == (0, 3)
    assert report.actors.recall == report.relations.recall == report.pairs.recall == 0.0
    assert report.relations.f1 == 0.0
    assert {row.kind for row in report.errors} == {"fn"}
    assert len(report.errors) == 9
    assert all(row.found == "(sentence not found in the graph)" for row in report.errors)


def test_one_wrong_direction_is_one_fp_and_one_fn(tmp_path: Path, gold: Path) -> None:
    reversed_funds = Statement("ggd-regio-utrecht", GOV.funds, "gemeente-utrecht", FUNDS_EVIDENCE)
    system = replace(PERFECT, statements=[reversed_funds, *PERFECT.statements[1:]])
    report = evaluate(build_graph(tmp_path / "g.trig", system), [gold])
    assert (report.relations.tp, report.relations.fp, report.relations.fn) == (2, 1, 1)
    assert report.relations.precision == pytest.approx(2 / 3)
    assert report.relations.f1 == pytest.approx(2 / 3)
    funds = report.relations_by_property["funds"]
    assert (funds.tp, funds.fp, funds.fn, funds.f1) == (0, 1, 1, 0.0)
    assert report.pairs.f1 == 1.0  # the two actors are still tied
    fn_row = next(row for row in report.errors if row.kind == "fn")
    assert fn_row.expected == "gemeente Utrecht —funds→ GGD regio Utrecht"
    assert fn_row.found == "GGD regio Utrecht —funds→ gemeente Utrecht"


def test_one_wrong_polarity_counts_the_denied_relation(tmp_path: Path, gold: Path) -> None:
    asserted = Statement("ministerie-van-vws", GOV.steers, "gemeente-utrecht", DENIES)
    system = replace(PERFECT, statements=[*PERFECT.statements[:2], asserted])
    report = evaluate(build_graph(tmp_path / "g.trig", system), [gold])
    assert (report.relations.tp, report.relations.fp, report.relations.fn) == (2, 1, 1)
    assert report.negated_extracted_as_positive == 1
    # the graph now ties VWS and the gemeente, which the gold denies
    assert (report.pairs.tp, report.pairs.fp, report.pairs.fn) == (2, 1, 0)
    assert report.pairs.precision == pytest.approx(2 / 3)
    assert report.pairs.recall == 1.0


def test_wrong_modality_is_reported_apart(tmp_path: Path, gold: Path) -> None:
    normative = replace(PERFECT.statements[0], modality=GOV.Normative)
    system = replace(PERFECT, statements=[normative, *PERFECT.statements[1:]])
    report = evaluate(build_graph(tmp_path / "g.trig", system), [gold])
    assert report.relations.f1 == 1.0
    assert (report.modality.correct, report.modality.total) == (2, 3)
    assert [row.kind for row in report.errors] == ["modality"]


def test_actors_score_per_class_and_map_through_aliases(tmp_path: Path, gold: Path) -> None:
    # "Utrecht" is a gold alias of the gemeente: a mention with only that surface still maps.
    extra_mention = ("ministerie-van-vws", "VWS", WORKS)
    system = replace(
        PERFECT,
        mentions=[
            ("gemeente-utrecht", "Utrecht", FUNDS_EVIDENCE),
            *PERFECT.mentions[1:],
            extra_mention,
        ],
    )
    report = evaluate(build_graph(tmp_path / "g.trig", system), [gold])
    assert (report.actors.tp, report.actors.fp, report.actors.fn) == (6, 1, 0)
    ministry = report.actors_by_class["Ministry"]
    assert (ministry.tp, ministry.fp, ministry.fn) == (1, 1, 0)
    assert report.actors_by_class["Police"].f1 == 1.0
    [row] = report.errors
    assert (row.kind, row.level, row.found, row.sentence) == (
        "fp",
        "actor",
        "ministerie van VWS (Ministry)",
        WORKS,
    )


def test_unmatched_sentence_loses_its_items_and_is_counted(tmp_path: Path, gold: Path) -> None:
    changed = "De politie werkt vaak samen met de GGD."
    system = SystemGraph(
        mentions=[
            (key, surface, changed if evidence == WORKS else evidence)
            for key, surface, evidence in PERFECT.mentions
        ],
        statements=[
            replace(s, evidence=changed) if s.evidence == WORKS else s for s in PERFECT.statements
        ],
    )
    report = evaluate(build_graph(tmp_path / "g.trig", system), [gold])
    assert report.sentences_matched == 2
    assert (report.actors.tp, report.actors.fn, report.actors.fp) == (4, 2, 0)
    assert (report.relations.tp, report.relations.fn, report.relations.fp) == (2, 1, 0)


def test_bad_gold_is_named_with_file_and_line(tmp_path: Path) -> None:
    broken = [
        dict(GOLD_SENTENCES[0], relations=[{"subject": "a", "predicate": "owns", "object": "b"}])
    ]
    folder = write_gold(tmp_path / "gold", broken)
    with pytest.raises(GoldFormatError, match=r"sentences\.jsonl:1: unknown predicate 'owns'"):
        evaluate(GraphStore(), [folder])
    (folder / "actors.jsonl").unlink()
    with pytest.raises(GoldFormatError, match=r"actors\.jsonl: missing"):
        evaluate(GraphStore(), [folder])


def test_a_differently_split_sentence_is_explained_and_counted(tmp_path: Path, gold: Path) -> None:
    merged = f"{WORKS} {WEATHER}"  # the graph's splitter missed the boundary
    system = SystemGraph(
        mentions=[
            (key, surface, merged if evidence == WORKS else evidence)
            for key, surface, evidence in PERFECT.mentions
        ],
        statements=[s for s in PERFECT.statements if s.evidence != WORKS],
        lines={merged: (2, 4), FUNDS_EVIDENCE: (1, 1), DENIES: (3, 3)},
    )
    report = evaluate(build_graph(tmp_path / "g.trig", system), [gold])
    assert report.unaligned_system_sentences == 1
    missed = [row for row in report.errors if row.sentence == WORKS]
    assert len(missed) == 3  # politie, GGD and their collaboration
    assert all(row.found.endswith(f"split differently in the graph: {merged}") for row in missed)


def test_an_alias_shared_by_two_gold_actors_goes_to_the_one_the_sentence_annotates(
    tmp_path: Path,
) -> None:
    # Listed first, the generic "gemeenten" also claims "de gemeente" (as the dev gold does
    # across its documents); in these sentences the gold means gemeente Utrecht.
    generic = {"actor": "gemeenten", "class": "Municipality", "aliases": ["de gemeente"]}
    gold = write_gold(tmp_path / "gold", actors=[generic, *GOLD_ACTORS])
    report = evaluate(build_graph(tmp_path / "g.trig", PERFECT), [gold])
    assert (report.actors.tp, report.actors.fp, report.actors.fn) == (6, 0, 0)
    assert report.relations.f1 == 1.0


def test_years_of_matched_relations_are_scored_apart(tmp_path: Path) -> None:
    sentences = [dict(line) for line in GOLD_SENTENCES]
    sentences[0]["relations"] = [dict(sentences[0]["relations"][0], year=2019)]
    gold = write_gold(tmp_path / "gold", sentences)
    right = replace(PERFECT.statements[0], year=2019)
    wrong = replace(PERFECT.statements[0], year=2018)
    spurious = replace(PERFECT.statements[1], year=2020)  # the gold ties no year to it

    report = evaluate(
        build_graph(
            tmp_path / "right.trig", replace(PERFECT, statements=[right, *PERFECT.statements[1:]])
        ),
        [gold],
    )
    assert (report.year.correct, report.year.total) == (1, 1)
    system = replace(PERFECT, statements=[wrong, spurious, PERFECT.statements[2]])
    report = evaluate(build_graph(tmp_path / "wrong.trig", system), [gold])
    assert report.relations.f1 == 1.0
    assert (report.year.correct, report.year.total) == (0, 2)
    assert [(row.kind, row.found) for row in report.errors] == [
        ("year", "gemeente Utrecht —funds→ GGD regio Utrecht in 2018"),
        ("year", "GGD regio Utrecht —collaboratesWith— politie in 2020"),
    ]
