"""Letter furniture in council letters and proposals: salutation, closing, signature, fields.

A paragraph that opens with a form from ``data/letter_furniture.jsonl`` ("Geachte leden van de
raad,", "Met vriendelijke groet,", "Datum: 12 maart 2024") is no sentence about anyone; the
segmenter keeps it as a heading. The short paragraphs after a closing formula are the
signature block. Credits of magazines and reports ("Tekst: …", "Beeld: …", "Bron: UWV") are
furniture of the same kind.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from extract.jsonl import read_jsonl

LETTER_FURNITURE_FILE = Path(__file__).parent / "data" / "letter_furniture.jsonl"

_MAX_WORDS = {"salutation": 10, "closing": 14, "field": 30, "signature": 12, "credit": 16}
_SENTENCE_INSIDE = re.compile(r"\w\w[.!?]\s+[A-ZÀ-Þ]")  # not after an initial ("J. de Vries")
_WORD_END = re.compile(r"[\s,:]|$")


@dataclass(frozen=True)
class LetterForms:
    """The opening words of each kind of letter furniture, lower-cased."""

    openings: tuple[tuple[str, str], ...]  # (opening, part), longest opening first

    def part_of(self, paragraph: str) -> str | None:
        """The part ("salutation", "field", …) of a paragraph opening with a known form."""
        lower = paragraph.lower()
        for opening, part in self.openings:
            if lower.startswith(opening) and _WORD_END.match(lower, len(opening)):
                return part
        return None


@lru_cache(maxsize=1)
def letter_forms() -> LetterForms:
    """The letter furniture forms from the data file."""
    rows = read_jsonl(LETTER_FURNITURE_FILE)
    pairs = sorted(((row["opening"], row["part"]) for row in rows), key=lambda p: -len(p[0]))
    return LetterForms(tuple(pairs))


def _fits(paragraph: str, part: str) -> bool:
    """Whether a paragraph is short enough and single enough to be this part of a letter."""
    text = " ".join(paragraph.split())
    if len(text.split()) > _MAX_WORDS[part] or _SENTENCE_INSIDE.search(text):
        return False
    if part == "salutation":
        return text[-1] not in ".!?:;"  # "Geachte leden van de raad," but not a sentence
    return True


def letter_parts(paragraphs: list[str]) -> list[str | None]:
    """For each paragraph of a document, its letter part or None for running text."""
    forms = letter_forms()
    parts: list[str | None] = []
    after_closing = False
    for paragraph in paragraphs:
        part = forms.part_of(paragraph.strip())
        if part is None and after_closing:
            part = "signature"
        if part is not None and not _fits(paragraph, part):
            part = None
        after_closing = part in ("closing", "signature")
        parts.append(part)
    return parts
