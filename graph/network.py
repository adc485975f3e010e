"""The actor network: a networkx projection of the statements, read with SPARQL from Oxigraph.

`actor_network` returns a ``nx.MultiDiGraph``: node = actor key; one edge per (subject,
property, object) with the property's local name as edge key, because two actors can be tied
by several relations at once (the gemeente funds *and* supervises the GGD) and a researcher
wants to tell them apart. Edges of the symmetric properties (collaboratesWith, consultsWith,
conflictsWith) are stored once, from the smaller key to the larger, with ``symmetric=True``.

Node attributes: ``label``, ``actor_class``, ``mentions`` (in the selected documents), ``iri``.
Edge attributes: ``property``, ``weight`` (statements), ``negated`` (negated statements),
``affirmed`` (the others), ``normative``, ``hypothetical``, ``years`` (sorted distinct),
``documents`` (sorted ids), ``statements`` (sorted IRIs), ``symmetric``.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

import networkx as nx
import pyoxigraph as ox

from graph.iris import actor_key, document_id
from graph.store import GraphStore
from ontology import GOV, SYMMETRIC_RELATIONS, ActorClass, Modality, RelationType
from ontology import PREFIXES as ONTOLOGY_PREFIXES

# The SPARQL prologue of the project's prefixes (gov, rdf, rdfs, skos, prov, dcterms ...).
PREFIXES = "".join(
    f"PREFIX {prefix}: <{namespace}>\n" for prefix, namespace in ONTOLOGY_PREFIXES.items()
)
CO_MENTION = "coMentionedWith"
SYMMETRIC_NAMES = frozenset({*(r.value for r in SYMMETRIC_RELATIONS), CO_MENTION})


def _local(term: ox.NamedNode) -> str:
    return term.value[len(str(GOV)) :]


def _values(variable: str, iris: Iterable[str]) -> str:
    """A SPARQL VALUES block; IRIs come from the closed namespace or the store itself."""
    return f"VALUES ?{variable} {{ {' '.join(f'<{iri}>' for iri in sorted(iris))} }}"


def _document_iris(store: GraphStore, documents: Iterable[str]) -> set[str]:
    """Document IRIs for ids or file names; unknown ones are reported by name."""
    rows = store.query(
        PREFIXES + "SELECT ?doc ?file WHERE { ?doc a gov:Document ; dcterms:identifier ?file }"
    )
    by_name: dict[str, str] = {}
    for row in rows:  # type: ignore[attr-defined]
        by_name[row["file"].value] = row["doc"].value
        by_name[document_id(row["doc"].value)] = row["doc"].value
    wanted = list(documents)
    unknown = [name for name in wanted if name not in by_name]
    if unknown:
        raise ValueError(f"documents not in the graph: {', '.join(unknown)}")
    return {by_name[name] for name in wanted}


def _relation_iris(properties: Iterable[str]) -> set[str]:
    """Property local names (evaluated relations or their sub-properties) to IRIs."""
    iris = set()
    for name in properties:
        try:
            iris.add(str(GOV[str(name)]))
        except (AttributeError, KeyError) as error:
            raise ValueError(f"unknown relation property {name!r}") from error
    return iris


def _class_closure(store: GraphStore, classes: Iterable[str]) -> set[str]:
    """The local names of the given actor classes and all their sub-classes."""
    names = [str(c) for c in classes]
    unknown = [name for name in names if name not in ActorClass.__members__]
    if unknown:
        raise ValueError(f"unknown actor classes: {', '.join(unknown)}")
    rows = store.query(
        PREFIXES
        + f"""SELECT DISTINCT ?sub WHERE {{
          ?sub rdfs:subClassOf* ?class .
          {_values("class", (str(GOV[name]) for name in names))}
        }}"""
    )
    closure = {_local(row["sub"]) for row in rows}  # type: ignore[attr-defined]
    return closure | set(names)


def _modality(name: Modality | str) -> Modality:
    """A modality by name, in any case ("normative" or "Normative")."""
    by_name = {m.value.lower(): m for m in Modality}
    found = by_name.get(str(name).lower())
    if found is None:
        raise ValueError(f"unknown modality {name!r}; use one of {', '.join(Modality)}")
    return found


@dataclass
class _EdgeTally:
    """Statements counted into one (subject, property, object) edge."""

    weight: int = 0
    negated: int = 0
    normative: int = 0
    hypothetical: int = 0
    years: set[int] = field(default_factory=set)
    documents: set[str] = field(default_factory=set)
    statements: set[str] = field(default_factory=set)

    def attributes(self, prop: str) -> dict[str, object]:
        """The edge's networkx attributes."""
        return {
            "property": prop,
            "weight": self.weight,
            "negated": self.negated,
            "affirmed": self.weight - self.negated,
            "normative": self.normative,
            "hypothetical": self.hypothetical,
            "years": sorted(self.years),
            "documents": sorted(self.documents),
            "statements": sorted(self.statements),
            "symmetric": prop in SYMMETRIC_NAMES,
        }


def _statement_query(
    documents: set[str] | None,
    properties: set[str] | None,
    year_from: int | None,
    year_to: int | None,
    modalities: Iterable[Modality | str] | None,
    include_negated: bool,
) -> str:
    filters = []
    if documents is not None:
        filters.append(_values("doc", documents))
    if properties is not None:
        listed = ", ".join(f"<{p}>" for p in sorted(properties))
        filters.append(f"FILTER(?p IN ({listed}) || ?finer IN ({listed}))")
    if year_from is not None:
        filters.append(f"FILTER(BOUND(?year) && ?year >= {int(year_from)})")
    if year_to is not None:
        filters.append(f"FILTER(BOUND(?year) && ?year <= {int(year_to)})")
    if modalities is not None:
        iris = (str(GOV[_modality(m).value]) for m in modalities)
        filters.append(_values("modality", iris))
    if not include_negated:
        filters.append("FILTER(?negated = false)")
    return (
        PREFIXES
        + f"""SELECT ?st ?s ?p ?o ?negated ?modality ?year ?doc WHERE {{
          ?st a gov:Statement ; rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o ;
              gov:negated ?negated ; gov:modality ?modality ; prov:wasDerivedFrom ?doc .
          OPTIONAL {{ ?st gov:year ?statedYear }} OPTIONAL {{ ?st gov:sectionYear ?sectionYear }}
          BIND(COALESCE(?statedYear, ?sectionYear) AS ?year)
          OPTIONAL {{ ?st gov:finerPredicate ?finer }}
          {" ".join(filters)}
        }}"""
    )


def _tally_edges(store: GraphStore, query: str) -> dict[tuple[str, str, str], _EdgeTally]:
    tallies: dict[tuple[str, str, str], _EdgeTally] = {}
    for row in store.query(query):  # type: ignore[attr-defined]
        prop = _local(row["p"])
        source, target = actor_key(row["s"].value), actor_key(row["o"].value)
        if prop in SYMMETRIC_NAMES and target < source:
            source, target = target, source
        tally = tallies.setdefault((source, prop, target), _EdgeTally())
        tally.weight += 1
        tally.negated += row["negated"].value == "true"
        modality = _local(row["modality"])
        tally.normative += modality == Modality.Normative.value
        tally.hypothetical += modality == Modality.Hypothetical.value
        if row["year"] is not None:
            tally.years.add(int(row["year"].value))
        tally.documents.add(document_id(row["doc"].value))
        tally.statements.add(row["st"].value)
    return tallies


def _tally_co_mentions(
    store: GraphStore, documents: set[str] | None
) -> dict[tuple[str, str, str], _EdgeTally]:
    """Actor pairs named in the same sentence, one count per sentence."""
    restrict = _values("doc", documents) if documents is not None else ""
    # Grouped here rather than by a SPARQL self-join, which Oxigraph plans as a cross product.
    rows = store.query(
        PREFIXES
        + f"""SELECT ?a ?doc ?index WHERE {{
          ?mention gov:denotes ?a ; prov:wasDerivedFrom ?doc ; gov:sentenceIndex ?index .
          {restrict}
        }}"""
    )
    sentences: dict[tuple[str, str], set[str]] = {}
    for row in rows:  # type: ignore[attr-defined]
        place = (row["doc"].value, row["index"].value)
        sentences.setdefault(place, set()).add(actor_key(row["a"].value))
    tallies: dict[tuple[str, str, str], _EdgeTally] = {}
    for (doc, _), keys in sentences.items():
        ordered = sorted(keys)
        for i, source in enumerate(ordered):
            for target in ordered[i + 1 :]:
                tally = tallies.setdefault((source, CO_MENTION, target), _EdgeTally())
                tally.weight += 1
                tally.documents.add(document_id(doc))
    return tallies


def _actor_attributes(store: GraphStore, documents: set[str] | None) -> dict[str, dict]:
    """Label, class, IRI and mention count of every described actor."""
    actors: dict[str, dict] = {}
    rows = store.query(
        PREFIXES
        + """SELECT ?a ?label ?class WHERE { ?a skos:prefLabel ?label ; a ?class .
             FILTER(STRSTARTS(STR(?class), STR(gov:))) }"""
    )
    for row in rows:  # type: ignore[attr-defined]
        name = _local(row["class"])
        if name not in ActorClass.__members__:
            continue
        actors.setdefault(
            actor_key(row["a"].value),
            {"label": row["label"].value, "actor_class": name, "iri": row["a"].value},
        )
    restrict = _values("doc", documents) if documents is not None else ""
    counts = store.query(
        PREFIXES
        + f"""SELECT ?a (COUNT(?m) AS ?n) WHERE {{
          ?m gov:denotes ?a ; prov:wasDerivedFrom ?doc . {restrict}
        }} GROUP BY ?a"""
    )
    for row in counts:  # type: ignore[attr-defined]
        key = actor_key(row["a"].value)
        if key in actors:
            actors[key]["mentions"] = int(row["n"].value)
    for attributes in actors.values():
        attributes.setdefault("mentions", 0)
    return actors


def actor_network(
    store: GraphStore,
    *,
    documents: Iterable[str] | None = None,
    properties: Iterable[RelationType | str] | None = None,
    classes: Iterable[ActorClass | str] | None = None,
    year_from: int | None = None,
    year_to: int | None = None,
    modalities: Iterable[Modality | str] | None = None,
    include_negated: bool = True,
    min_weight: int = 1,
    co_mentions: bool = False,
) -> nx.MultiDiGraph:
    """The actor network of the statements that pass every filter (see the module docstring).

    ``documents`` takes ids or file names; ``properties`` also matches finer sub-properties;
    ``classes`` keeps actors of those classes and their sub-classes; a year filter drops
    statements without a year. ``co_mentions`` adds weak, symmetric ``coMentionedWith`` edges
    between actors named in one sentence (weight = sentences), unless a year or property
    filter is set, since co-mentions have neither.
    """
    doc_iris = _document_iris(store, documents) if documents is not None else None
    prop_iris = _relation_iris(str(p) for p in properties) if properties is not None else None
    kept_classes = _class_closure(store, classes) if classes is not None else None
    query = _statement_query(doc_iris, prop_iris, year_from, year_to, modalities, include_negated)
    tallies = _tally_edges(store, query)
    if co_mentions and prop_iris is None and year_from is None and year_to is None:
        tallies.update(_tally_co_mentions(store, doc_iris))
    actors = _actor_attributes(store, doc_iris)
    graph = nx.MultiDiGraph()
    for (source, prop, target), tally in sorted(tallies.items()):
        if tally.weight < min_weight:
            continue
        ends = (actors.get(source), actors.get(target))
        if kept_classes is not None and any(
            end is None or end["actor_class"] not in kept_classes for end in ends
        ):
            continue
        for key, attributes in zip((source, target), ends, strict=True):
            graph.add_node(key, **(attributes or {"label": key, "actor_class": "Actor"}))
        graph.add_edge(source, target, key=prop, **tally.attributes(prop))
    return graph


def edge_sign(attributes: dict) -> int:
    """+1 when a tie is affirmed at least as often as it is negated, else -1."""
    return 1 if attributes["affirmed"] >= attributes["negated"] else -1


@dataclass(frozen=True)
class NetworkComparison:
    """Ties that appear, disappear or change sign between two actor networks."""

    new: list[tuple[str, str, str]]
    gone: list[tuple[str, str, str]]
    changed_sign: list[tuple[str, str, str]]
    kept: list[tuple[str, str, str]]


def compare_networks(before: nx.MultiDiGraph, after: nx.MultiDiGraph) -> NetworkComparison:
    """Compare two networks (two documents, two periods) tie by tie: (source, property, target)."""
    edges_before = {(u, k, v): data for u, v, k, data in before.edges(keys=True, data=True)}
    edges_after = {(u, k, v): data for u, v, k, data in after.edges(keys=True, data=True)}
    both = edges_before.keys() & edges_after.keys()
    flipped = {e for e in both if edge_sign(edges_before[e]) != edge_sign(edges_after[e])}
    return NetworkComparison(
        new=sorted(edges_after.keys() - edges_before.keys()),
        gone=sorted(edges_before.keys() - edges_after.keys()),
        changed_sign=sorted(flipped),
        kept=sorted(both - flipped),
    )
