"""Extraction: documents in, `DocumentExtraction` records out. Never imports `graph`."""

from __future__ import annotations

from bisect import bisect_right
from typing import TYPE_CHECKING

from extract.doctext import make_doc_with_text
from ontology import DocumentExtraction, MentionRecord, SentenceRecord

if TYPE_CHECKING:
    from spacy.language import Language

    from extract.readers import RawDocument


def extract_document(raw: RawDocument, nlp: Language) -> DocumentExtraction:
    """Clean a read document, run the pipeline on it and return its records."""
    from extract.clean import clean

    cleaned = clean(raw.text)
    # A Doc that remembers its text, so components need not rebuild it from the tokens.
    doc = nlp(make_doc_with_text(nlp.make_doc, cleaned.text))
    sentences = []
    for index, seg in enumerate(doc._.segments or ()):
        if seg.kind == "heading":
            continue
        line_start, line_end = cleaned.line_span(seg.start, seg.end)
        sentences.append(
            SentenceRecord(
                index=index,
                text=cleaned.text[seg.start : seg.end],
                start=seg.start,
                end=seg.end,
                line_start=line_start,
                line_end=line_end,
                section=seg.section,
                default_year=seg.default_year,
                speaker=(doc._.speakers or {}).get(index),
            )
        )
    starts = [seg.start for seg in doc._.segments or ()]
    mentions = tuple(
        MentionRecord(
            actor_key=span.kb_id_,
            surface=span.text,
            start=span.start_char,
            end=span.end_char,
            sentence_index=bisect_right(starts, span.start_char) - 1,
        )
        for span in doc.spans.get("actors", ())
    )
    return DocumentExtraction(
        document=raw.info,
        text=cleaned.text,
        sentences=tuple(sentences),
        actors=tuple((doc._.actors or {}).values()),
        mentions=mentions,
        statements=tuple(doc._.statements or ()),
    )
