"""What a built graph says about the gold's documents, read with SPARQL on the Oxigraph store."""

from __future__ import annotations

from collections.abc import Collection, Iterator
from dataclasses import dataclass, field

import pyoxigraph

from govgraph.evaluation.normalise import sentence_key
from graph.store import GraphStore
from ontology import GOV, PREFIXES, ActorClass, Modality, RelationType

_PROLOGUE = "\n".join(f"PREFIX {prefix}: <{namespace}>" for prefix, namespace in PREFIXES.items())


@dataclass(frozen=True)
class SystemActor:
    """A graph actor with the names it goes by and its most specific class."""

    iri: str
    label: str
    alt_labels: tuple[str, ...]
    actor_class: ActorClass | None


@dataclass(frozen=True)
class SystemStatement:
    """A statement node reduced to what evaluation compares."""

    subject: str  # actor IRI
    predicate: RelationType  # the evaluated parent property
    object: str
    negated: bool
    modality: Modality
    year: int | None = None


@dataclass
class SystemSentence:
    """Everything the graph attaches to one evidence sentence of one document."""

    doc: str
    text: str
    # one (first, last) raw line span per place the sentence occurs: a text repeated in a
    # document (a summary, a quoted research question) occurs more than once
    line_spans: set[tuple[int, int]] = field(default_factory=set)
    mentions: list[tuple[str, str]] = field(default_factory=list)  # (actor IRI, surface)
    statements: list[SystemStatement] = field(default_factory=list)

    def overlaps(self, first: int, last: int) -> bool:
        """True when one of the sentence's occurrences shares a line with [first, last]."""
        return any(start <= last and first <= end for start, end in self.line_spans)


@dataclass
class SystemView:
    """The graph's sentences (by document and sentence key) and the actors they mention."""

    sentences: dict[tuple[str, str], SystemSentence]
    actors: dict[str, SystemActor]
    documents: frozenset[str]


def _select(
    store: GraphStore, body: str, documents: Collection[str] = ()
) -> Iterator[pyoxigraph.QuerySolution]:
    """Run a SELECT whose ``#DOCUMENTS#`` marker becomes a VALUES list of file names."""
    values = " ".join(str(pyoxigraph.Literal(doc)) for doc in sorted(documents))
    query = f"{_PROLOGUE}\n{body.replace('#DOCUMENTS#', f'VALUES ?file {{ {values} }}')}"
    results = store.query(query)
    assert isinstance(results, pyoxigraph.QuerySolutions)
    yield from results


def _value(solution: pyoxigraph.QuerySolution, name: str) -> str | None:
    term = solution[name]
    return None if term is None else term.value


def _int(solution: pyoxigraph.QuerySolution, name: str) -> int | None:
    value = _value(solution, name)
    return None if value is None else int(value)


_MENTIONS = """
SELECT ?file ?actor ?surface ?evidence ?lineStart ?lineEnd WHERE {
  #DOCUMENTS#
  ?document dcterms:identifier ?file .
  ?mention a gov:Mention ; prov:wasDerivedFrom ?document ;
      gov:denotes ?actor ; gov:evidence ?evidence .
  OPTIONAL { ?mention gov:surface ?surface }
  OPTIONAL { ?mention gov:lineStart ?lineStart ; gov:lineEnd ?lineEnd }
}"""

_STATEMENTS = """
SELECT ?file ?subject ?property ?object ?evidence ?negated ?modality ?year ?lineStart ?lineEnd
WHERE {
  #DOCUMENTS#
  ?document dcterms:identifier ?file .
  ?statement a gov:Statement ; prov:wasDerivedFrom ?document ;
      rdf:subject ?subject ; rdf:predicate ?predicate ; rdf:object ?object ;
      gov:evidence ?evidence .
  ?predicate rdfs:subPropertyOf* ?property .
  OPTIONAL { ?statement gov:negated ?negated }
  OPTIONAL { ?statement gov:modality ?modality }
  OPTIONAL { ?statement gov:year ?year }
  OPTIONAL { ?statement gov:lineStart ?lineStart ; gov:lineEnd ?lineEnd }
}"""

_ACTORS = """
SELECT ?actor ?label ?altLabel ?class WHERE {
  #DOCUMENTS#
  ?document dcterms:identifier ?file .
  { ?node prov:wasDerivedFrom ?document ; gov:denotes ?actor }
  UNION { ?node prov:wasDerivedFrom ?document ; rdf:subject ?actor }
  UNION { ?node prov:wasDerivedFrom ?document ; rdf:object ?actor }
  OPTIONAL { ?actor skos:prefLabel ?label }
  OPTIONAL { ?actor skos:altLabel ?altLabel }
  OPTIONAL { ?actor a ?class }
}"""

_SUPERCLASSES = """
SELECT ?class ?super WHERE { ?class rdfs:subClassOf+ ?super }"""

_RELATIONS = {str(GOV[relation.value]): relation for relation in RelationType}
_CLASSES = {str(GOV[actor_class.value]): actor_class for actor_class in ActorClass}
_MODALITIES = {str(GOV[modality.value]): modality for modality in Modality}


def read_system(store: GraphStore, documents: Collection[str]) -> SystemView:
    """Collect the mentions, statements and actors the graph holds for the given file names."""
    sentences: dict[tuple[str, str], SystemSentence] = {}

    def sentence(solution: pyoxigraph.QuerySolution) -> SystemSentence:
        doc, evidence = _value(solution, "file") or "", _value(solution, "evidence") or ""
        found = sentences.setdefault((doc, sentence_key(evidence)), SystemSentence(doc, evidence))
        start, end = _int(solution, "lineStart"), _int(solution, "lineEnd")
        if start is not None and end is not None:
            found.line_spans.add((start, end))
        return found

    for solution in _select(store, _MENTIONS, documents):
        sentence(solution).mentions.append(
            (_value(solution, "actor") or "", _value(solution, "surface") or "")
        )
    for solution in _select(store, _STATEMENTS, documents):
        relation = _RELATIONS.get(_value(solution, "property") or "")
        if relation is None:
            continue  # a super-property of an evaluated one, or a property outside the set
        statement = SystemStatement(
            subject=_value(solution, "subject") or "",
            predicate=relation,
            object=_value(solution, "object") or "",
            negated=(_value(solution, "negated") or "false") in ("true", "1"),
            modality=_MODALITIES.get(_value(solution, "modality") or "", Modality.Asserted),
            year=_int(solution, "year"),
        )
        statements = sentence(solution).statements
        if statement not in statements:
            statements.append(statement)
    return SystemView(
        sentences, _read_actors(store, documents), frozenset(_files(store, documents))
    )


def _files(store: GraphStore, documents: Collection[str]) -> Iterator[str]:
    body = "SELECT DISTINCT ?file WHERE { #DOCUMENTS# ?document dcterms:identifier ?file }"
    for solution in _select(store, body, documents):
        yield _value(solution, "file") or ""


def _read_actors(store: GraphStore, documents: Collection[str]) -> dict[str, SystemActor]:
    labels: dict[str, str] = {}
    alt_labels: dict[str, list[str]] = {}
    classes: dict[str, set[ActorClass]] = {}
    for solution in _select(store, _ACTORS, documents):
        actor = _value(solution, "actor") or ""
        label, alt_label = _value(solution, "label"), _value(solution, "altLabel")
        labels.setdefault(actor, label or actor.rsplit("/", 1)[-1])
        alts = alt_labels.setdefault(actor, [])
        if alt_label and alt_label not in alts:
            alts.append(alt_label)
        actor_class = _CLASSES.get(_value(solution, "class") or "")
        classes.setdefault(actor, set()).update({actor_class} if actor_class else set())
    superclasses: dict[ActorClass, set[ActorClass]] = {}
    for solution in _select(store, _SUPERCLASSES):
        sub, sup = (_CLASSES.get(_value(solution, name) or "") for name in ("class", "super"))
        if sub and sup:
            superclasses.setdefault(sub, set()).add(sup)
    return {
        actor: SystemActor(
            actor, label, tuple(alt_labels[actor]), _most_specific(classes[actor], superclasses)
        )
        for actor, label in labels.items()
    }


def _most_specific(
    classes: set[ActorClass], superclasses: dict[ActorClass, set[ActorClass]]
) -> ActorClass | None:
    """The class no other class of the actor is a sub-class of (ties broken by name)."""
    implied = {sup for actor_class in classes for sup in superclasses.get(actor_class, ())}
    generic = {ActorClass.Actor, ActorClass.Organisation, ActorClass.PublicAuthority}
    specific = sorted(classes - implied) or sorted(classes)
    preferred = [actor_class for actor_class in specific if actor_class not in generic]
    return (preferred or specific)[0] if specific else None
