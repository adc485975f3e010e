"""``gov_lemmatizer``: Dutch lemmas from simplemma.

simplemma is 90.8 % exact on UD Dutch, against 73.5 % for spaCy's lookup tables.
"""

from __future__ import annotations

from functools import lru_cache

import numpy
import simplemma
from spacy.attrs import IS_ALPHA, LEMMA, ORTH
from spacy.language import Language
from spacy.tokens import Doc


@lru_cache(maxsize=200_000)
def lemma_of(word: str) -> str:
    """The lower-case Dutch lemma of a word form (acronyms keep their form)."""
    if word.isupper() and len(word) > 1:
        return word
    return simplemma.lemmatize(word.lower(), lang="nl").lower()


class SimplemmaLemmatizer:
    """Sets ``token.lemma_`` from simplemma, cached per word form."""

    def __call__(self, doc: Doc) -> Doc:
        """Lemmatize every alphabetic token of the doc."""
        # Work on hashes per distinct word form: no Token objects for a 200k-token doc.
        strings = doc.vocab.strings
        columns = doc.to_array([ORTH, IS_ALPHA])
        lemma_by_orth: dict[int, int] = {}
        for orth, is_alpha in set(map(tuple, columns.tolist())):
            word = strings[orth]
            lemma = lemma_of(word) if is_alpha else word.lower()
            lemma_by_orth[orth] = strings.add(lemma)
        lemmas = numpy.fromiter(
            (lemma_by_orth[orth] for orth in columns[:, 0].tolist()),
            dtype="uint64",
            count=len(doc),
        )
        doc.from_array([LEMMA], lemmas.reshape(-1, 1))  # type: ignore[arg-type]  # thinc alias
        return doc


@Language.factory("gov_lemmatizer")
def make_lemmatizer(nlp: Language, name: str) -> SimplemmaLemmatizer:
    """Create the simplemma lemmatizer component."""
    return SimplemmaLemmatizer()
