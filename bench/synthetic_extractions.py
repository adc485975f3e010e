"""Synthetic extraction records at corpus scale, for graph benchmarks (no text from any corpus)."""

from __future__ import annotations

import random

from ontology import (
    ActorClass,
    ActorRecord,
    DocumentExtraction,
    DocumentInfo,
    MentionRecord,
    Modality,
    RelationType,
    SentenceRecord,
    StatementRecord,
)

CLASSES = [c for c in ActorClass if c not in (ActorClass.Actor, ActorClass.Person)]


def synthetic_corpus(
    documents: int = 5, actors: int = 300, statements: int = 4000, seed: int = 7
) -> list[DocumentExtraction]:
    """``documents`` extractions sharing ``actors`` actors, with Zipf-like popularity."""
    rng = random.Random(seed)
    records = [
        ActorRecord(f"actor-{i}", f"Actor {i}", rng.choice(CLASSES), aliases=(f"A{i}",))
        for i in range(actors)
    ]
    weights = [1 / (rank + 1) ** 0.8 for rank in range(actors)]
    per_document = statements // documents
    result = []
    for d in range(documents):
        sentences, mentions, found = [], [], []
        for index in range(per_document):
            subject, obj = rng.choices(records, weights, k=2)
            if subject.key == obj.key:
                continue
            text = f"Zin {index}: {subject.label} en {obj.label} doen iets samen in document {d}."
            start = index * 100
            sentences.append(
                SentenceRecord(index, text, start, start + len(text), index * 3 + 1, index * 3 + 2)
            )
            mentions.append(MentionRecord(subject.key, subject.label, start + 8, start + 16, index))
            mentions.append(MentionRecord(obj.key, obj.label, start + 20, start + 28, index))
            found.append(
                StatementRecord(
                    subject.key,
                    rng.choice(list(RelationType)),
                    obj.key,
                    index,
                    negated=rng.random() < 0.1,
                    modality=rng.choice(list(Modality)),
                    confidence=round(rng.random(), 2),
                    year=rng.choice([None, *range(2000, 2012)]),
                )
            )
        used = {m.actor_key for m in mentions}
        result.append(
            DocumentExtraction(
                document=DocumentInfo(f"doc{d:03d}", f"doc{d:03d}.txt", f"{d:064x}"),
                text="",
                sentences=tuple(sentences),
                actors=tuple(r for r in records if r.key in used),
                mentions=tuple(mentions),
                statements=tuple(found),
            )
        )
    return result
