"""Oxigraph terms for the builder: cached IRI nodes and literals with a fixed lexical form."""

from __future__ import annotations

from functools import lru_cache

import pyoxigraph as ox
from rdflib.namespace import RDF, XSD

RDF_TYPE = ox.NamedNode(RDF.type)
_XSD_INTEGER = ox.NamedNode(XSD.integer)
_XSD_DECIMAL = ox.NamedNode(XSD.decimal)
_XSD_BOOLEAN = ox.NamedNode(XSD.boolean)


@lru_cache(maxsize=100_000)
def iri(value: str) -> ox.NamedNode:
    """One Oxigraph node per IRI: predicates, classes and actors recur thousands of times."""
    return ox.NamedNode(value)


def integer(value: int) -> ox.Literal:
    """An xsd:integer literal."""
    return ox.Literal(str(value), datatype=_XSD_INTEGER)


def boolean(value: bool) -> ox.Literal:
    """An xsd:boolean literal."""
    return ox.Literal("true" if value else "false", datatype=_XSD_BOOLEAN)


def decimal(value: float) -> ox.Literal:
    """An xsd:decimal literal; the fixed lexical form keeps output byte-identical between runs."""
    return ox.Literal(f"{value:.4f}".rstrip("0").rstrip(".") or "0", datatype=_XSD_DECIMAL)


def dutch(text: str) -> ox.Literal:
    """A Dutch language-tagged literal."""
    return ox.Literal(text, language="nl")
