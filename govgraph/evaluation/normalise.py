"""Keys that make a gold sentence and a graph's evidence, or two actor names, comparable."""

from __future__ import annotations

import unicodedata

# Leading determiners carry no identity: "de GGD", "De GGD" and "GGD" name one actor.
_DETERMINERS = ("de ", "het ", "een ", "'t ")


def sentence_key(text: str) -> str:
    """The letters and digits of a sentence, NFKC-normalised and case-folded.

    Dropping everything else makes the key blind to what cleaning choices change (spacing
    around punctuation, quote and dash styles, a kept or removed line-break hyphen, a
    capital after a split) and still unique for the sentences of one document.
    """
    folded = unicodedata.normalize("NFKC", text).casefold()
    return "".join(char for char in folded if char.isalnum())


def name_key(name: str) -> str:
    """An actor name folded for alias lookup: NFKC, case-folded, single spaces, no determiner."""
    folded = " ".join(unicodedata.normalize("NFKC", name).casefold().split())
    folded = folded.replace("‘", "'").replace("’", "'").replace("“", '"').replace("”", '"')
    for determiner in _DETERMINERS:
        if folded.startswith(determiner):
            return folded[len(determiner) :]
    return folded
