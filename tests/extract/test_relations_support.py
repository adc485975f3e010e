"""Helpers for the relation tests: hand-built Docs, no segmenter or actor finder needed."""

from __future__ import annotations

from dataclasses import dataclass

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from extract import relations as _relations  # noqa: F401  (registers gov_relations)
from extract.lemmas import lemma_of
from ontology import Modality, StatementRecord

Actor = tuple[str, str, str]  # surface as written in the text, actor key, ActorClass value
Fact = tuple[str, str, str, bool, str]  # subject, property, object, negated, modality


@dataclass(frozen=True)
class FakeSegment:
    """The fields of `extract.segment.Segment` that the relation extractor reads."""

    start: int
    end: int
    kind: str = "sentence"
    section: str | None = None
    default_year: int | None = None
    attribution: str | None = None


_NLP: Language | None = None


def pipeline() -> Language:
    """A blank Dutch pipeline holding only the relation component."""
    global _NLP
    if _NLP is None:
        _NLP = spacy.blank("nl")
        _NLP.add_pipe("gov_relations")
    return _NLP


def build_doc(
    sentences: list[str],
    actors: list[Actor],
    *,
    kind: str = "sentence",
    default_year: int | None = None,
    speakers: dict[int, str] | None = None,
) -> Doc:
    """A Doc of the sentences, one segment each, with lemmas and actor spans set by hand.

    Actors are found in text order, ignoring case: each surface is searched after the previous
    one's start, so the same surface can be listed twice.
    """
    text = " ".join(sentences)
    doc = pipeline().make_doc(text)
    for token in doc:
        token.lemma_ = lemma_of(token.text) if token.is_alpha else token.text.lower()
    spans = []
    cursor = 0
    for surface, key, actor_class in actors:
        start = text.lower().find(surface.lower(), cursor)
        if start < 0:
            raise ValueError(f"actor surface {surface!r} not found in {text!r}")
        span = doc.char_span(start, start + len(surface), label=actor_class, kb_id=key)
        if span is None:
            raise ValueError(f"actor surface {surface!r} does not fall on token boundaries")
        spans.append(span)
        cursor = start
    doc.spans["actors"] = spans
    segments, offset = [], 0
    for sentence in sentences:
        segments.append(FakeSegment(offset, offset + len(sentence), kind, None, default_year))
        offset += len(sentence) + 1
    doc._.segments = segments
    doc._.speakers = speakers or {}
    doc._.actors = {}
    return doc


def statements(sentence: str, actors: list[Actor], **options: object) -> list[StatementRecord]:
    """Run gov_relations over one sentence and return its statements."""
    doc = build_doc([sentence], actors, **options)  # type: ignore[arg-type]
    return list(pipeline().get_pipe("gov_relations")(doc)._.statements)


def facts(sentence: str, actors: list[Actor], **options: object) -> set[Fact]:
    """The (subject, property, object, negated, modality) facts of one sentence.

    Symmetric properties are written with the two keys in sorted order.
    """
    found = set()
    for s in statements(sentence, actors, **options):
        subject, obj = s.subject, s.object
        if s.predicate.symmetric:
            subject, obj = sorted((subject, obj))
        found.add((subject, s.predicate.value, obj, s.negated, s.modality.value))
    return found


ASSERTED = Modality.Asserted.value
NORMATIVE = Modality.Normative.value
HYPOTHETICAL = Modality.Hypothetical.value
