"""The text of a Doc, read once: `Doc.text` joins every token anew on each access."""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Doc

TEXT_KEY = "govgraph.text"


def doc_text(doc: Doc) -> str:
    """The doc's text, cached in ``doc.user_data`` so components do not rebuild it."""
    text = doc.user_data.get(TEXT_KEY)
    if text is None:
        text = doc.text
        doc.user_data[TEXT_KEY] = text
    return str(text)


def make_doc_with_text(make_doc: Callable[[str], Doc], text: str) -> Doc:
    """Tokenize ``text`` with ``make_doc`` and remember the text on the Doc."""
    doc = make_doc(text)
    doc.user_data[TEXT_KEY] = text
    return doc
