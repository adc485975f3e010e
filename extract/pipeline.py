"""The spaCy pipeline: registered components, assembled by name on `spacy.blank("nl")`.

Components communicate through `Doc` extensions:
- ``doc._.segments``: list of `extract.segment.Segment` (sentences, headings, list items), set by
  ``gov_segmenter``, which also sets ``token.is_sent_start``;
- ``doc.spans["actors"]``: actor mentions, ``span.label_`` an `ActorClass` value and
  ``span.kb_id_`` the canonical actor key, set by ``gov_actors``;
- ``doc._.actors``: dict of actor key to `ActorRecord`, set by ``gov_actors``;
- ``doc._.speakers``: dict of segment index to the actor key of a quoted speaker;
- ``doc._.statements``: list of `StatementRecord`, set by ``gov_relations``.
"""

from __future__ import annotations

import spacy
from spacy.language import Language
from spacy.tokens import Doc

# Importing the component modules registers their factories with spaCy.
from extract import actors as _actors  # noqa: F401
from extract import lemmas as _lemmas  # noqa: F401
from extract import relations as _relations  # noqa: F401
from extract import segment as _segment  # noqa: F401

for _name, _default in (
    ("segments", None),
    ("actors", None),
    ("speakers", None),
    ("statements", None),
):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=_default)

PIPELINE = ("gov_segmenter", "gov_lemmatizer", "gov_actors", "gov_relations")


def build_pipeline(model: str | None = None) -> Language:
    """Build the extraction pipeline on a trained Dutch model when given, else on a blank one."""
    nlp = spacy.load(model, exclude=["ner", "lemmatizer"]) if model else spacy.blank("nl")
    nlp.max_length = 20_000_000  # whole dissertations are one Doc; we never run a parser on it
    for name in PIPELINE:
        nlp.add_pipe(name)
    return nlp
