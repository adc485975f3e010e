"""Score gov_relations alone on gold sentences: each sentence its own text, actors from the gold.

This isolates the relation extractor from segmentation and actor errors, which
`govgraph evaluate` on a built graph includes. Typed matches compare (subject, property,
object, negated), with symmetric properties unordered; pairs ignore the property.

    .venv/bin/python bench/relations_on_gold.py [GOLD_SENTENCES.jsonl] [--errors]
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

import spacy
from spacy.tokens import Doc

from extract import relations as _relations  # noqa: F401  (registers gov_relations)
from extract.lemmas import lemma_of
from extract.segment import Segment
from ontology import SYMMETRIC_RELATIONS, RelationType

DEV_GOLD = Path(__file__).resolve().parent.parent.parent / "shared/gold/dev/sentences.jsonl"

Key = tuple[str, object, bool]  # property, subject-object (ordered or not), negated


def relation_key(prop: str, subject: str, obj: str, negated: bool) -> Key:
    """A comparable key: symmetric properties forget the direction."""
    symmetric = RelationType(prop) in SYMMETRIC_RELATIONS
    return (prop, frozenset((subject, obj)) if symmetric else (subject, obj), negated)


def gold_doc(nlp: spacy.Language, row: dict) -> Doc:
    """The gold sentence as a Doc with lemmas, one segment and the gold actor spans."""
    text = row["sentence"]
    doc = nlp.make_doc(text)
    for token in doc:
        token.lemma_ = lemma_of(token.text) if token.is_alpha else token.text.lower()
    spans, taken = [], set()
    for actor in row["actors"]:
        start = text.find(actor["surface"])
        while (start, actor["actor"]) in taken:
            start = text.find(actor["surface"], start + 1)
        span = doc.char_span(
            start,
            start + len(actor["surface"]),
            actor["class"],
            kb_id=actor["actor"],
            alignment_mode="expand",
        )
        if start >= 0 and span is not None:
            taken.add((start, actor["actor"]))
            spans.append(span)
    doc.spans["actors"] = spans
    doc._.segments = [Segment(0, len(text), "sentence")]
    doc._.speakers = {}
    return doc


def f1(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    """Precision, recall and F1 from counts."""
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    return (
        precision,
        recall,
        2 * precision * recall / (precision + recall) if precision + recall else 0.0,
    )


def _scores(counts: Counter[str]) -> str:
    p, r, f = f1(counts["tp"], counts["fp"], counts["fn"])
    return f"P={p:.3f} R={r:.3f} F1={f:.3f}  tp={counts['tp']} fp={counts['fp']} fn={counts['fn']}"


def main(gold_file: Path, show_errors: bool) -> None:
    """Print typed and pair scores, per property, and optionally every error."""
    nlp = spacy.blank("nl")
    component = nlp.add_pipe("gov_relations")
    typed: Counter[str] = Counter()
    pairs: Counter[str] = Counter()
    per_property: dict[str, Counter[str]] = {}
    denied_as_positive = 0
    for line in gold_file.read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        found = component(gold_doc(nlp, row))._.statements
        gold = {
            relation_key(r["predicate"], r["subject"], r["object"], r["negated"])
            for r in row["relations"]
        }
        system = {relation_key(s.predicate.value, s.subject, s.object, s.negated) for s in found}
        for label, keys in (("tp", gold & system), ("fp", system - gold), ("fn", gold - system)):
            typed[label] += len(keys)
            for key in keys:
                per_property.setdefault(key[0], Counter())[label] += 1
        gold_pairs = {frozenset((r["subject"], r["object"])) for r in row["relations"]}
        system_pairs = {frozenset((s.subject, s.object)) for s in found}
        pairs.update(
            tp=len(gold_pairs & system_pairs),
            fp=len(system_pairs - gold_pairs),
            fn=len(gold_pairs - system_pairs),
        )
        positives = {(p, so) for p, so, negated in system if not negated}
        denied_as_positive += sum((p, so) in positives for p, so, negated in gold if negated)
        if show_errors and gold != system:
            print(row["lines"], row["sentence"][:160])
            for key in gold - system:
                print("    missed", key)
            for key in system - gold:
                print("    wrong ", key)
    for name, counts in (("typed", typed), ("pairs", pairs)):
        print(f"{name:28s} {_scores(counts)}")
    print(f"negated gold relations extracted as positive: {denied_as_positive}")
    for prop, counts in sorted(per_property.items()):
        print(f"  {prop:26s} {_scores(counts)}")


if __name__ == "__main__":
    arguments = [a for a in sys.argv[1:] if not a.startswith("--")]
    main(Path(arguments[0]) if arguments else DEV_GOLD, "--errors" in sys.argv)
