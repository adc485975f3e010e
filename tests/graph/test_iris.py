"""Instance IRIs are valid, reversible and change exactly when the content changes."""

from __future__ import annotations

from dataclasses import replace

import pyoxigraph as ox
import pytest

from graph.iris import actor_iri, actor_key, document_id, document_iri, statement_iri
from ontology import RelationType, StatementRecord


@pytest.mark.parametrize("key", ["ggd-amsterdam", "gemeente 's-Hertogenbosch", "cliënten/raad"])
def test_actor_keys_of_any_spelling_make_valid_reversible_iris(key: str) -> None:
    iri = actor_iri(key)
    ox.NamedNode(iri)  # raises on an invalid IRI
    assert "/" not in iri.removeprefix("https://w3id.org/govgraph/id/actor/")
    assert actor_key(iri) == key


def test_document_ids_reverse_and_foreign_iris_are_refused() -> None:
    assert document_id(document_iri("001_696cbeef0d951d60")) == "001_696cbeef0d951d60"
    with pytest.raises(ValueError, match="not a govgraph actor IRI"):
        actor_key(document_iri("x"))
    with pytest.raises(ValueError, match="not a govgraph document IRI"):
        document_id(actor_iri("x"))


def test_statement_iris_depend_on_content_only() -> None:
    statement = StatementRecord("gemeente", RelationType.funds, "ggd", 4, year=2002)
    iri = statement_iri("doc", statement, "De gemeente betaalt de GGD.")
    assert iri == statement_iri("doc", replace(statement), "De gemeente betaalt de GGD.")
    changes = [
        statement_iri("doc", replace(statement, negated=True), "De gemeente betaalt de GGD."),
        statement_iri("doc", replace(statement, year=2003), "De gemeente betaalt de GGD."),
        statement_iri("other", statement, "De gemeente betaalt de GGD."),
        statement_iri("doc", statement, "De gemeente betaalde de GGD."),
    ]
    assert iri not in changes and len(set(changes)) == len(changes)
