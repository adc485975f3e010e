"""Sentence by sentence comparison of a gold set with what the graph says about those sentences."""

from __future__ import annotations

from govgraph.evaluation.gold import (
    GoldSentence,
    GoldSet,
    RelationKey,
    relation_key,
    untyped_pairs,
)
from govgraph.evaluation.report import ErrorRow, EvaluationReport
from govgraph.evaluation.system import SystemSentence, SystemStatement, SystemView
from ontology import SYMMETRIC_RELATIONS, Modality, RelationType

NOT_IN_GRAPH = "(sentence not found in the graph)"
SPLIT_NOTE_LENGTH = 90


def resolve_actor(view: SystemView, iri: str, sentence: SystemSentence, gold: GoldSentence) -> str:
    """The gold canonical name a graph actor stands for in this sentence, else its own label.

    The mention surfaces of this sentence are tried before the actor's labels, and a
    candidate the gold sentence itself annotates wins: the gold reuses aliases ("de
    gemeente") for different actors in different documents.
    """
    actor = view.actors.get(iri)
    label = actor.label if actor else iri.rsplit("/", 1)[-1]
    surfaces = [surface for mentioned, surface in sentence.mentions if mentioned == iri and surface]
    return gold.resolve(surfaces, [label, *(actor.alt_labels if actor else ())], fallback=label)


def describe(key: RelationKey, modality: Modality | None = None) -> str:
    """A relation as a reader would check it: 'NOT gemeente —funds→ GGD [normative]'."""
    subject, predicate, obj, negated = key
    symmetric = RelationType(predicate) in SYMMETRIC_RELATIONS
    text = f"{'NOT ' if negated else ''}{subject} —{predicate}{'—' if symmetric else '→'} {obj}"
    if modality is not None and modality is not Modality.Asserted:
        text += f" [{modality.value.lower()}]"
    return text


def evaluate_sentences(gold: GoldSet, view: SystemView) -> EvaluationReport:
    """Score every gold sentence against the graph sentence with the same key."""
    report = EvaluationReport(gold_folders=[str(folder) for folder in gold.folders])
    report.documents_missing = sorted(gold.documents - view.documents)
    matched: set[tuple[str, str]] = set()
    for gold_sentence in gold:
        has_items = bool(gold_sentence.actors or gold_sentence.relations)
        report.sentences_total += 1
        report.sentences_with_items += has_items
        system = view.sentences.get((gold_sentence.doc, gold_sentence.key))
        if system is not None:
            matched.add((gold_sentence.doc, gold_sentence.key))
            report.sentences_matched += 1
            report.sentences_with_items_matched += has_items
        comparison = _SentenceComparison(report, gold_sentence, system, view)
        comparison.compare_actors()
        comparison.compare_relations()
    report.unaligned_system_sentences = len(unaligned_sentences(gold, view, matched))
    return report


def unaligned_sentences(
    gold: GoldSet, view: SystemView, matched: set[tuple[str, str]]
) -> list[SystemSentence]:
    """Graph sentences inside the lines of a gold passage that match no gold sentence.

    Their actors and relations are scored nowhere, so a high count means a sentence
    splitter or cleaner that disagrees with the gold, and scores that flatter the system.
    """
    spans: dict[tuple[str, str], tuple[int, int]] = {}
    for sentence in gold:
        first, last = spans.get((sentence.doc, sentence.passage), sentence.lines)
        spans[(sentence.doc, sentence.passage)] = (
            min(first, sentence.lines[0]),
            max(last, sentence.lines[1]),
        )
    return [
        sentence
        for key, sentence in view.sentences.items()
        if key not in matched
        and any(
            doc == sentence.doc and sentence.overlaps(first, last)
            for (doc, _), (first, last) in spans.items()
        )
    ]


def differently_split(view: SystemView, gold: GoldSentence) -> list[SystemSentence]:
    """Graph sentences on the gold sentence's lines that contain it or lie inside it."""
    return [
        sentence
        for (doc, key), sentence in view.sentences.items()
        if doc == gold.doc
        and sentence.overlaps(*gold.lines)
        and (key in gold.key or gold.key in key)
    ]


class _SentenceComparison:
    """One gold sentence against its graph sentence (or against nothing)."""

    def __init__(
        self,
        report: EvaluationReport,
        gold: GoldSentence,
        system: SystemSentence | None,
        view: SystemView,
    ) -> None:
        self.report, self.gold, self.view = report, gold, view
        self.system = system or SystemSentence(gold.doc, "")
        self.missing_note = "" if system else _missing_note(view, gold)
        self.names = {
            iri: resolve_actor(view, iri, self.system, gold) for iri, _ in self.system.mentions
        }
        for statement in self.system.statements:
            for iri in (statement.subject, statement.object):
                if iri not in self.names:
                    self.names[iri] = resolve_actor(view, iri, self.system, gold)

    def error(self, kind: str, level: str, expected: str, found: str) -> None:
        """Record one error row for this sentence."""
        self.report.errors.append(
            ErrorRow(
                doc=self.gold.doc,
                lines=f"{self.gold.lines[0]}-{self.gold.lines[1]}",
                sentence=self.gold.text,
                kind=kind,
                level=level,
                expected=expected,
                found=found if self.system.text else self.missing_note,
            )
        )

    def compare_actors(self) -> None:
        """Score the set of actors mentioned in the sentence, overall and per class."""
        found: dict[str, str] = {}  # canonical name -> the class the graph gives it
        for iri, _ in self.system.mentions:
            actor = self.view.actors.get(iri)
            actor_class = actor.actor_class if actor and actor.actor_class else None
            found.setdefault(self.names[iri], actor_class.value if actor_class else "unknown")
        report = self.report
        for name, gold_class in self.gold.actors.items():
            if name in found:
                report.actors.add(tp=1)
                report.by_class(gold_class.value).add(tp=1)
                report.actor_class.add(found[name] == gold_class.value)
            else:
                report.actors.add(fn=1)
                report.by_class(gold_class.value).add(fn=1)
                self.error("fn", "actor", f"{name} ({gold_class.value})", "")
        for name, found_class in found.items():
            if name not in self.gold.actors:
                report.actors.add(fp=1)
                report.by_class(found_class).add(fp=1)
                self.error("fp", "actor", "", f"{name} ({found_class})")

    def _statement_key(self, statement: SystemStatement) -> RelationKey:
        return relation_key(
            self.names[statement.subject],
            statement.predicate,
            self.names[statement.object],
            statement.negated,
        )

    def _compare_year(self, key: RelationKey, expected: int | None, found: int | None) -> None:
        """Score the year of a matched relation, when the gold or the graph gives one."""
        if expected is None and found is None:
            return
        self.report.year.add(expected == found)
        if expected != found:
            self.error("year", "relation", _year_text(key, expected), _year_text(key, found))

    def compare_relations(self) -> None:
        """Score typed relations (with polarity), modality, and untyped actor pairs."""
        report = self.report
        expected = {relation.key: relation.modality for relation in self.gold.relations}
        expected_years = {relation.key: relation.year for relation in self.gold.relations}
        found: dict[RelationKey, Modality] = {}
        found_years: dict[RelationKey, int | None] = {}
        for statement in self.system.statements:
            key = self._statement_key(statement)
            found.setdefault(key, statement.modality)
            found_years.setdefault(key, statement.year)
        for key, modality in expected.items():
            if key in found:
                report.relations.add(tp=1)
                report.by_property(key[1]).add(tp=1)
                report.modality.add(found[key] is modality)
                if found[key] is not modality:
                    self.error(
                        "modality", "relation", describe(key, modality), describe(key, found[key])
                    )
                self._compare_year(key, expected_years[key], found_years[key])
            else:
                report.relations.add(fn=1)
                report.by_property(key[1]).add(fn=1)
                self.error("fn", "relation", describe(key, modality), _same_pair(key, found))
            if key[3]:
                report.gold_negated += 1
                report.negated_extracted_as_positive += (*key[:3], False) in found
        for key, modality in found.items():
            if key not in expected:
                report.relations.add(fp=1)
                report.by_property(key[1]).add(fp=1)
                self.error("fp", "relation", _same_pair(key, expected), describe(key, modality))
        report.pairs.add_sets(untyped_pairs(found), untyped_pairs(expected))


def _year_text(key: RelationKey, year: int | None) -> str:
    return f"{describe(key)} in {year if year is not None else 'no year'}"


def _same_pair(key: RelationKey, others: dict[RelationKey, Modality]) -> str:
    """The relations on the same two actors, to show a wrong direction, property or polarity."""
    pair = {key[0], key[2]}
    return "; ".join(
        describe(other, modality)
        for other, modality in others.items()
        if {other[0], other[2]} == pair
    )


def _missing_note(view: SystemView, gold: GoldSentence) -> str:
    """Why a gold sentence has no graph sentence: none at all, or split differently."""
    split = differently_split(view, gold)
    if not split:
        return NOT_IN_GRAPH
    shown = " | ".join(sentence.text[:SPLIT_NOTE_LENGTH] for sentence in split)
    return f"{NOT_IN_GRAPH}; split differently in the graph: {shown}"
