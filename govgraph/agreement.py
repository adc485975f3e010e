"""Inter-coder agreement between two gold annotations of the same passages (``govgraph agreement``).

Units. Only sentences both annotators have (same document, same sentence key as in
evaluation) are compared; annotator B's actor names are first mapped to A's canonical names
through A's aliases (B's surfaces in the sentence first, then B's canonical name).

- *Relation decisions* (the primary units): for every shared sentence, every unordered pair of
  actors that either annotator marks in it (as a mention or a relation end), and every one of
  the 18 evaluated properties, each annotator makes one nominal decision: the relations they
  annotate with that property on that pair, written canonically ("x→y", "y→x", both, "not
  x→y", symmetric "x—y"), or "none". Cohen's kappa and Krippendorff's alpha (nominal) are
  computed over these decisions. Most decisions are "none" on both sides; kappa and alpha
  correct for that chance agreement, the raw agreement does not.
- *Pair decisions*: the same with one unit per (sentence, pair), the decision being all
  relations on the pair whatever their property: do the annotators agree on whether and how
  two actors are tied?
- F1 of A against B (B as reference) for the actors per sentence, typed relations
  (subject, property, object, negated) and untyped pairs, as in evaluation.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from itertools import combinations
from pathlib import Path

from govgraph.evaluation.gold import (
    GoldRelation,
    GoldSentence,
    RelationKey,
    load_gold,
    relation_key,
    untyped_pairs,
)
from govgraph.evaluation.matching import describe
from govgraph.evaluation.scoring import Counts
from ontology import RelationType

NONE = "none"


def cohen_kappa(decisions: Sequence[tuple[str, str]]) -> float:
    """Cohen's kappa of two coders' nominal decisions; 1.0 when both only used one category."""
    if not decisions:
        return 1.0
    units = len(decisions)
    observed = sum(a == b for a, b in decisions) / units
    first, second = Counter(a for a, _ in decisions), Counter(b for _, b in decisions)
    expected = sum(first[c] * second[c] for c in first) / units**2
    return 1.0 if expected == 1 else (observed - expected) / (1 - expected)


def krippendorff_alpha(decisions: Sequence[tuple[str, str]]) -> float:
    """Krippendorff's alpha (nominal) of two coders with no missing values.

    Each unit contributes the ordered value pairs (a, b) and (b, a) to the coincidence
    matrix; alpha = 1 - D_observed / D_expected.
    """
    values = Counter(value for pair in decisions for value in pair)
    total = sum(values.values())
    if total < 2:
        return 1.0
    observed_disagreement = sum(2 for a, b in decisions if a != b) / total
    expected_disagreement = (total**2 - sum(n * n for n in values.values())) / (total * (total - 1))
    return 1.0 if expected_disagreement == 0 else 1 - observed_disagreement / expected_disagreement


@dataclass
class AgreementReport:
    """Agreement of two annotators on the passages they share."""

    sentences_shared: int = 0
    sentences_only_a: int = 0
    sentences_only_b: int = 0
    relation_decisions: list[tuple[str, str]] = field(default_factory=list)
    pair_decisions: list[tuple[str, str]] = field(default_factory=list)
    actors: Counts = field(default_factory=Counts)
    relations: Counts = field(default_factory=Counts)
    pairs: Counts = field(default_factory=Counts)

    @property
    def kappa(self) -> float:
        """Cohen's kappa on relation decisions (pair × property)."""
        return cohen_kappa(self.relation_decisions)

    @property
    def alpha(self) -> float:
        """Krippendorff's alpha on relation decisions (pair × property)."""
        return krippendorff_alpha(self.relation_decisions)

    @property
    def raw_agreement(self) -> float:
        """Share of relation decisions on which the annotators agree, chance not corrected."""
        decisions = self.relation_decisions
        return sum(a == b for a, b in decisions) / len(decisions) if decisions else 1.0

    def to_dict(self) -> dict[str, object]:
        """Every figure as plain data."""
        return {
            "sentences": {
                "shared": self.sentences_shared,
                "only_a": self.sentences_only_a,
                "only_b": self.sentences_only_b,
            },
            "relation_decisions": {
                "units": len(self.relation_decisions),
                "with_a_relation": sum(a != NONE or b != NONE for a, b in self.relation_decisions),
                "raw_agreement": round(self.raw_agreement, 4),
                "cohen_kappa": round(self.kappa, 4),
                "krippendorff_alpha": round(self.alpha, 4),
            },
            "pair_decisions": {
                "units": len(self.pair_decisions),
                "cohen_kappa": round(cohen_kappa(self.pair_decisions), 4),
                "krippendorff_alpha": round(krippendorff_alpha(self.pair_decisions), 4),
            },
            "f1_a_against_b": {
                "actors": self.actors.as_dict(),
                "relations": self.relations.as_dict(),
                "pairs": self.pairs.as_dict(),
            },
        }

    def to_json(self) -> str:
        """The figures as indented JSON."""
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=2)

    def to_table(self) -> str:
        """The figures as plain text for the terminal."""
        data = self.to_dict()
        relation = data["relation_decisions"]
        pair = data["pair_decisions"]
        assert isinstance(relation, dict) and isinstance(pair, dict)
        lines = [
            f"sentences shared: {self.sentences_shared} "
            f"(only in A: {self.sentences_only_a}, only in B: {self.sentences_only_b})",
            "",
            f"relation decisions (sentence × actor pair × property): {relation['units']} units, "
            f"{relation['with_a_relation']} with a relation on either side",
            f"  Cohen's kappa {self.kappa:.3f}   Krippendorff's alpha {self.alpha:.3f}   "
            f"raw agreement {self.raw_agreement:.3f}",
            f"pair decisions (sentence × actor pair): {pair['units']} units",
            f"  Cohen's kappa {pair['cohen_kappa']:.3f}   "
            f"Krippendorff's alpha {pair['krippendorff_alpha']:.3f}",
            "",
            f"F1 of A against B{'':11}{'P':>7}{'R':>7}{'F1':>7}",
        ]
        for name, counts in (
            ("actors", self.actors),
            ("relations", self.relations),
            ("pairs", self.pairs),
        ):
            lines.append(f"  {name:26}{counts.precision:7.3f}{counts.recall:7.3f}{counts.f1:7.3f}")
        return "\n".join(lines)


def agreement(gold_a: Path, gold_b: Path) -> AgreementReport:
    """Compare two gold folders annotating the same passages; raises GoldFormatError on bad gold."""
    sentences_a = {(s.doc, s.key): s for s in load_gold([gold_a])}
    sentences_b = {(s.doc, s.key): s for s in load_gold([gold_b])}
    shared = [key for key in sentences_a if key in sentences_b]
    report = AgreementReport(
        sentences_shared=len(shared),
        sentences_only_a=len(sentences_a.keys() - sentences_b.keys()),
        sentences_only_b=len(sentences_b.keys() - sentences_a.keys()),
    )
    for key in shared:
        _compare(report, sentences_a[key], sentences_b[key])
    return report


def _in_names_of_a(a: GoldSentence, b: GoldSentence) -> dict[str, str]:
    """B's canonical names of this sentence, mapped to A's through A's aliases."""
    names = set(b.actors) | {end for r in b.relations for end in (r.subject, r.object)}
    return {name: a.resolve(b.surfaces.get(name, ()), [name], fallback=name) for name in names}


def _keys(
    relations: Sequence[GoldRelation], names: dict[str, str] | None = None
) -> set[RelationKey]:
    rename = names or {}
    return {
        relation_key(
            rename.get(r.subject, r.subject), r.predicate, rename.get(r.object, r.object), r.negated
        )
        for r in relations
    }


def _decision(keys: set[RelationKey]) -> str:
    return " + ".join(sorted(describe(key) for key in keys)) or NONE


def _compare(report: AgreementReport, a: GoldSentence, b: GoldSentence) -> None:
    names_b = _in_names_of_a(a, b)
    keys_a, keys_b = _keys(a.relations), _keys(b.relations, names_b)
    actors_a = set(a.actors) | {end for key in keys_a for end in (key[0], key[2])}
    actors_b = {names_b[name] for name in b.actors} | {
        end for key in keys_b for end in (key[0], key[2])
    }
    for x, y in combinations(sorted(actors_a | actors_b), 2):
        on_pair_a = {key for key in keys_a if {key[0], key[2]} == {x, y}}
        on_pair_b = {key for key in keys_b if {key[0], key[2]} == {x, y}}
        report.pair_decisions.append((_decision(on_pair_a), _decision(on_pair_b)))
        for relation in RelationType:
            report.relation_decisions.append(
                (
                    _decision({key for key in on_pair_a if key[1] == relation.value}),
                    _decision({key for key in on_pair_b if key[1] == relation.value}),
                )
            )
    report.actors.add_sets(set(a.actors), {names_b[name] for name in b.actors})
    report.relations.add_sets(keys_a, keys_b)
    report.pairs.add_sets(untyped_pairs(keys_a), untyped_pairs(keys_b))
