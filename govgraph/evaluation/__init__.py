"""Scoring a built graph against gold annotations (``govgraph evaluate``).

Scoring design (also in docs/evaluation.md):

- Sentences. A gold sentence is matched to the graph's evidence sentences of the same
  document (``dcterms:identifier`` = the gold's file name) by a key: the NFKC-normalised,
  case-folded letters and digits of the text. Folding case and dropping punctuation and
  spacing makes the match blind to cleaning choices that do not change the words (quote and
  dash styles, a kept line-break hyphen, spacing around brackets); within one document two
  different sentences practically never share their words. An unmatched gold sentence counts
  all its gold items as false negatives. The report gives how many sentences matched, and how
  many graph sentences inside the gold passages matched none (their items are scored nowhere).
- Actors. Per sentence, the set of gold canonical actors against the graph's actors mentioned
  there. A graph actor is mapped to a gold canonical name through the gold aliases
  (actors.jsonl), trying the mention surfaces in the sentence first, then the actor's
  skos:prefLabel and skos:altLabels; a candidate the gold sentence annotates wins (the gold
  reuses aliases such as "de gemeente" across documents). An actor that maps to nothing keeps
  its prefLabel, and is a false positive. Scored overall and per class (true positives and
  false negatives under the gold class, false positives under the graph's class); the class
  accuracy of matched actors is reported apart.
- Typed relations. Per sentence, the set of (subject, property, object, negated): sub-properties
  count as their evaluated parent (rdfs:subPropertyOf* in the ontology graph), the two ends of a
  symmetric property are unordered. A wrong direction or a wrong polarity is thus one false
  positive and one false negative. Modality and year are reported apart, as accuracy on
  matched relations (year: where the gold or the graph gives one). Negated gold relations
  that the graph states positively are counted (must be 0).
- Untyped actor pairs. Per sentence, the unordered pairs of actors with a non-negated
  relation, whatever its property: does the graph see a tie where the gold does?
- Scores. Precision, recall and F1 are micro-averaged over sentences. A score with an empty
  denominator is 1.0 when the other side is empty too, else 0.0.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from govgraph.evaluation.gold import GoldFormatError, GoldSet, load_gold
from govgraph.evaluation.matching import evaluate_sentences
from govgraph.evaluation.report import ErrorRow, EvaluationReport
from govgraph.evaluation.scoring import Counts
from govgraph.evaluation.system import read_system
from graph.store import GraphStore

__all__ = [
    "Counts",
    "ErrorRow",
    "EvaluationReport",
    "GoldFormatError",
    "GoldSet",
    "evaluate",
    "evaluate_gold",
    "load_gold",
]


def evaluate(store: GraphStore, gold_dirs: Sequence[Path]) -> EvaluationReport:
    """Score the graph in ``store`` against the gold folders; raises GoldFormatError on bad gold."""
    return evaluate_gold(store, load_gold(gold_dirs))


def evaluate_gold(store: GraphStore, gold: GoldSet) -> EvaluationReport:
    """Score the graph in ``store`` against an already loaded gold set."""
    return evaluate_sentences(gold, read_system(store, gold.documents))
