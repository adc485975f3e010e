"""Regenerate ``ontology/terms.py`` (the closed ``GOV`` namespace) from ``governance.ttl``.

Run ``python -m ontology.generate_terms`` after editing the Turtle; ``--check`` exits non-zero
when terms.py is out of date. Terms keep the order in which the Turtle defines them.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from rdflib import Graph, URIRef
from rdflib.namespace import RDF

from ontology import ONTOLOGY_DIR, ONTOLOGY_TTL

TERMS_PY = ONTOLOGY_DIR / "terms.py"
NAMESPACE = "https://w3id.org/govgraph/ont#"

HEADER = (
    (
        '"""The closed ``gov:`` namespace, generated from ``governance.ttl``: '
        "a typo raises instead of minting an IRI.\n"
    )
    + '''
Regenerate with ``python -m ontology.generate_terms`` after editing the Turtle file.
"""

from rdflib import URIRef
from rdflib.namespace import DefinedNamespace, Namespace


class GOV(DefinedNamespace):
    """Governance ontology of govgraph."""

    _fail = True

'''
)


def defined_terms(turtle: Path) -> list[str]:
    """Local names of the ``gov:`` terms the Turtle file types, in file order."""
    graph = Graph().parse(turtle, format="turtle")
    typed = {
        str(subject)[len(NAMESPACE) :]
        for subject in graph.subjects(RDF.type, None)
        if isinstance(subject, URIRef) and str(subject).startswith(NAMESPACE)
    }
    used = {
        str(term)[len(NAMESPACE) :]
        for triple in graph
        for term in triple
        if isinstance(term, URIRef) and str(term).startswith(NAMESPACE)
    }
    undefined = sorted(used - typed)
    if undefined:
        raise ValueError(f"{turtle}: gov: terms used but never defined: {', '.join(undefined)}")
    text = turtle.read_text(encoding="utf-8")
    positions = {name: text.find(f"\ngov:{name}\n") for name in typed}
    return sorted(typed, key=lambda name: (positions[name], name))


def render(terms: list[str]) -> str:
    """The source text of terms.py for these local names."""
    lines = [f"    {name}: URIRef\n" for name in terms]
    return HEADER + "".join(lines) + f'\n    _NS = Namespace("{NAMESPACE}")\n'


def main(argv: list[str] | None = None) -> int:
    """Write terms.py, or with ``--check`` report whether it is up to date."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only check, do not write")
    args = parser.parse_args(argv)
    source = render(defined_terms(ONTOLOGY_TTL))
    if args.check:
        if TERMS_PY.read_text(encoding="utf-8") != source:
            print(f"{TERMS_PY} is out of date: run python -m ontology.generate_terms")
            return 1
        return 0
    TERMS_PY.write_text(source, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
