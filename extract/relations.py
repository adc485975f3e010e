"""``gov_relations``: typed governance relations between the actors of each sentence.

For every segment with two or more actors the component finds the cues of the lexicon
(`data/relation_cues.jsonl`) in each clause, lets the cue's argument frame pick subject and
object among the clause's actor groups, and qualifies the result with negation, modality,
year and speaker. Names of roles and units add partOf/represents ("Name, adviseur DMO",
"de afdeling X van de GGD"). One statement is kept per actor pair and sentence: the one
with the best evidence.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc, Span

from extract.doctext import doc_text
from extract.relation_clauses import (
    DETERMINERS,
    Clause,
    Mention,
    Sentence,
    prepare_sentence,
)
from extract.relation_frames import FRAMES, denied_alternatives
from extract.relation_lexicon import (
    CUES_FILE,
    Lexicon,
    RelationCue,
    find_cue,
    load_lexicon,
    present_forms,
)
from extract.relation_qualifiers import is_negated, looks_like_reference, modality_of, year_of
from extract.relation_roles import role_relations
from ontology import ActorClass, StatementRecord

for _name in ("segments", "actors", "speakers", "statements"):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=None)

OUTSIDE_CUE_FACTOR = 0.85  # the cue stands in the clause but not between the two actors
EXTRACTOR = "pattern"
ROLE_EXTRACTOR = "role-pattern"


@dataclass(frozen=True)
class CueMatch:
    """A lexicon entry found at some word positions of a clause."""

    entry: RelationCue
    clause: Clause
    positions: tuple[int, ...]


def _particle_ok(sentence: Sentence) -> Callable[[int], bool]:
    starts = {m.start for m in sentence.mentions}

    def ok(index: int) -> bool:
        nxt = index + 1
        if nxt in starts:
            return False
        return nxt >= len(sentence.words) or sentence.words[nxt].lower not in DETERMINERS

    return ok


def _attributive(sentence: Sentence, positions: tuple[int, ...]) -> bool:
    """A present participle before its noun ("de deelnemende gemeenten") states no relation."""
    if len(positions) != 1 or positions[0] == 0:
        return False
    word = sentence.words[positions[0]]
    previous = sentence.words[positions[0] - 1]
    return word.lower.endswith(("end", "ende")) and previous.lower in DETERMINERS


def find_cues(sentence: Sentence, lexicon: Lexicon) -> list[CueMatch]:
    """Every cue of the lexicon in every clause, longest first."""
    particle_ok = _particle_ok(sentence)
    found: list[CueMatch] = []
    clauses = sentence.clauses
    for n, clause in enumerate(clauses):
        # "gebrek aan samenwerking en ruzie tussen A en B": a cue noun coordinated with the
        # clause that holds the actors takes that clause's actors
        target = clause
        if not clause.groups and n + 1 < len(clauses):
            following = clauses[n + 1]
            if sentence.words[following.start].lower in ("en", "of") and following.groups:
                target = following
        # "vroeg de GGD om hulp": a request verb in the "om" clause of its two actors
        opens_om = sentence.words[clause.start].lower == "om" and n > 0
        governor = clauses[n - 1] if not clause.groups and opens_om else None
        if not target.groups and governor is None:
            continue
        free = [i for i in range(clause.start, clause.end) if not sentence.in_mention(i)]
        present = present_forms(sentence.words, free)
        for entry in lexicon.relations:
            if any(find_cue(sentence.words, c, free, particle_ok, present) for c in entry.unless):
                continue
            owner = governor if governor is not None and entry.addressee_clauses else target
            if not owner.groups:
                continue
            for cue in entry.cues:
                for positions in find_cue(sentence.words, cue, free, particle_ok, present):
                    if _attributive(sentence, positions):
                        continue
                    found.append(CueMatch(entry, owner, positions))
    # longest cues first, so that a cue inside a longer one that found arguments can yield
    return sorted(found, key=lambda m: -len(m.positions))


def _allowed(entry: RelationCue, subject: Mention, obj: Mention) -> bool:
    if subject.key == obj.key:
        return False
    subject_class, object_class = ActorClass(subject.label), ActorClass(obj.label)
    if entry.object_classes and object_class not in entry.object_classes:
        return False
    return object_class not in entry.exclude_object_classes and (
        subject_class not in entry.exclude_subject_classes
    )


def _valid_label(label: str) -> bool:
    return label in ActorClass.__members__


def extract_sentence(
    sentence: Sentence,
    lexicon: Lexicon,
    index: int,
    speaker: str | None = None,
) -> list[StatementRecord]:
    """The statements of one prepared sentence, one per actor pair."""
    candidates = [
        StatementRecord(
            role.subject.key,
            role.prop,
            role.object.key,
            index,
            confidence=role.confidence,
            extractor=ROLE_EXTRACTOR,
            asserted_by=speaker,
            subproperty=role.subproperty,
        )
        for role in role_relations(sentence, lexicon)
    ]
    used: list[set[int]] = []  # word positions of cues that found their arguments
    for match in find_cues(sentence, lexicon):
        entry = match.entry
        if any(set(match.positions) < positions for positions in used):
            continue  # "regie" inside "onder regie van", "geding" inside "kort geding"
        pairs = [
            pair
            for pair in FRAMES[entry.frame](sentence, match.clause, entry, match.positions)
            if _allowed(entry, pair.subject, pair.object)
        ]
        if not pairs:
            continue
        used.append(set(match.positions))
        negated = is_negated(sentence, match.clause, match.positions, lexicon)
        modality = modality_of(sentence, match.clause, match.positions, lexicon)
        year = year_of(sentence, match.clause)
        denials = [] if negated else denied_alternatives(sentence, match.clause, pairs)
        polarities = [(pair, negated) for pair in pairs] + [
            (pair, True) for pair in denials if _allowed(entry, pair.subject, pair.object)
        ]
        for pair, denial in polarities:
            confidence = entry.confidence
            if entry.frame in ("verb", "prep", "symmetric", "nominal") and not pair.between:
                confidence *= OUTSIDE_CUE_FACTOR
            if pair.indirect:
                confidence *= OUTSIDE_CUE_FACTOR
            candidates.append(
                StatementRecord(
                    subject=pair.subject.key,
                    predicate=entry.prop,
                    object=pair.object.key,
                    sentence_index=index,
                    negated=denial,
                    modality=modality,
                    confidence=round(confidence, 2),
                    extractor=EXTRACTOR,
                    year=year,
                    asserted_by=speaker,
                    subproperty=entry.subproperty,
                )
            )
    return _best_per_pair(candidates)


def _best_per_pair(candidates: Iterable[StatementRecord]) -> list[StatementRecord]:
    # a denial is kept beside an assertion about the same pair: "gebrek aan samenwerking en
    # ruzie tussen A en B" says both that they do not collaborate and that they fight
    best: dict[tuple[frozenset[str], bool], StatementRecord] = {}
    for statement in candidates:
        key = (frozenset((statement.subject, statement.object)), statement.negated)
        if key not in best or statement.confidence > best[key].confidence:
            best[key] = statement
    return list(best.values())


class RelationExtractor:
    """Sets ``doc._.statements`` from segments, lemmas and actor spans."""

    def __init__(self, lexicon: Lexicon) -> None:
        """Use the given cue lexicon."""
        self.lexicon = lexicon

    def __call__(self, doc: Doc) -> Doc:
        """Extract the statements of every sentence of the doc."""
        spans: list[Span] = sorted(
            (s for s in doc.spans.get("actors", ()) if _valid_label(s.label_)),
            key=lambda s: s.start_char,
        )
        starts = [s.start_char for s in spans]
        speakers = doc._.speakers or {}
        statements: list[StatementRecord] = []
        text = doc_text(doc)
        for index, segment in enumerate(doc._.segments or ()):
            if segment.kind == "heading":
                continue
            first = bisect_left(starts, segment.start)
            last = bisect_left(starts, segment.end)
            own = [s for s in spans[first:last] if s.end_char <= segment.end]
            if len({s.kb_id_ for s in own}) < 2:
                continue
            if looks_like_reference(text[segment.start : segment.end]):
                continue
            sentence = prepare_sentence(
                doc, segment.start, segment.end, own, self.lexicon.head_nouns
            )
            statements.extend(
                extract_sentence(
                    sentence,
                    self.lexicon,
                    index,
                    speaker=speakers.get(index),
                )
            )
        doc._.statements = statements
        return doc


@Language.factory("gov_relations", default_config={"lexicon_path": ""})
def make_relation_extractor(nlp: Language, name: str, lexicon_path: str) -> RelationExtractor:
    """Create the relation extractor; an empty `lexicon_path` means the packaged cue lexicon."""
    return RelationExtractor(load_lexicon(lexicon_path or str(CUES_FILE)))
