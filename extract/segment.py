"""Split cleaned text into sentences, headings and list items, with section, year and quote speaker.

Rules, not a model: a sentence ends at ".", "!", "?" or "…" (with any closing quotes) before a
word that can start one, unless the word before the stop is a Dutch abbreviation from
``data/abbreviations.jsonl`` or an initial ("J.C. van Riessen"). Paragraphs (separated by a blank
line, as `extract.clean.clean` writes them) never share a sentence. A citation or interview
attribution right after a full stop stays in that sentence; an attribution "(Name, role
Organisation)" is recorded as the speaker of every sentence of its quote block.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import cast

import numpy
from spacy.attrs import SENT_START
from spacy.language import Language
from spacy.tokens import Doc
from thinc.types import Ints2d

from extract.doctext import doc_text
from extract.jsonl import read_jsonl
from extract.letter import letter_parts

ABBREVIATIONS_FILE = Path(__file__).parent / "data" / "abbreviations.jsonl"


@dataclass(frozen=True)
class Segment:
    """A stretch of cleaned text: a sentence, a heading or a list item."""

    start: int
    end: int
    kind: str  # "sentence" | "heading" | "list_item"
    section: str | None = None  # text of the heading the segment falls under
    default_year: int | None = None  # a year given by that heading or an enclosing one
    attribution: str | None = None  # "Walter Kamp, adviseur DMO" for a sentence in a quote block


@dataclass(frozen=True)
class Abbreviations:
    """Dutch abbreviations ending in a full stop: some never end a sentence, some may."""

    never_end: frozenset[str]
    may_end: frozenset[str]  # "enz.", "et al.": a sentence end only before a capital letter
    case_sensitive: frozenset[str]

    def _lookup(self, word: str) -> str | None:
        if word in self.never_end or word in self.may_end:
            return word
        lower = word.lower()
        return None if lower in self.case_sensitive else lower

    def blocks_boundary(self, word: str, next_char: str) -> bool:
        """True when the full stop ending ``word`` ends no sentence before ``next_char``."""
        key = self._lookup(word)
        if key in self.never_end:
            return True
        return key in self.may_end and not next_char.isupper()


@lru_cache(maxsize=1)
def abbreviations() -> Abbreviations:
    """The abbreviation list from the data file."""
    rows = read_jsonl(ABBREVIATIONS_FILE)
    return Abbreviations(
        never_end=frozenset(row["abbr"] for row in rows if not row["can_end"]),
        may_end=frozenset(row["abbr"] for row in rows if row["can_end"]),
        case_sensitive=frozenset(row["abbr"] for row in rows if row.get("exact_case")),
    )


_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n\s*")
_STOP = re.compile(r"(?:[.!?]+|…)[’”\"')\]»]*")
_STARTER = re.compile(r"\s+([A-ZÀ-ÞĲ0-9‘“\"'«(\[]|’[st]\b)")  # also "’s Avonds", "’t Hart"
_INITIALS = re.compile(r"(?:[A-ZÀ-Þ]\.)+")
_BULLET = re.compile(r"[–•\-*·▪●◦■]\s+|\d{1,2}[.)]?\s+(?=[a-zà-ÿ])")
_HEADING_NUMBER = re.compile(r"(\d+(?:\.\d+)*)\.?\s")
_SENTENCE_INSIDE = re.compile(r"[.!?]\s+[A-ZÀ-Þ]")
_YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")
_TRAILING_PAREN = re.compile(r"[.!?…’”\"']\s*\(([^()]*(?:\([^()]*\)[^()]*)*)\)\s*$")
_NAME = re.compile(
    r"(?:[A-ZÀ-Þ][\w’'.-]+\s+)(?:(?:van|de|der|den|ter|ten|te|het|la|le|du|da|von|’t|'t)\s+)*"
    r"[A-ZÀ-Þ][\w’'-]+"
)
_EDITORIAL = re.compile(r",\s*(?:EG|red\.?|vert\.?)\s*$")
# A run-in heading: a few words, then a sentence opening with a capitalised function word
# followed by a lower-case word ("Rekenschap over resultaten De overheid maakt ..."). Mid-
# sentence these words are lower case, and a name after them ("De Telegraaf") is capitalised.
_RUN_IN_HEADING = re.compile(
    r"([A-ZÀ-Þ][\w’'-]*(?: [\w’'-]+){0,5}?) (?=(?:De|Het|Een|Deze|Dit|Die|Zij|Hij|Wij|We|Men|Er)"
    r" [a-zà-ÿ])"
)
_ROMAN_NUMERAL = re.compile(r"[IVXLC]+")
_HEADING_MAX_WORDS = 20
_HEADING_MAX_CHARS = 160
_QUESTION_MAX_WORDS = 12
_END_MARK = " \n←"  # a magazine article ends in "(initials) ←"
_UNNUMBERED_LEVEL = 99


def attribution_of(inner: str) -> str | None:
    """The speaker text of a parenthetical when it reads "Name, role Organisation", else None.

    Citations ("RMO 2002, blz. 40"), editorial notes ("1999, EG"), actor lists ("GGD, politie,
    ...") and abbreviation definitions ("BOA, Bestuurlijk Overleg Amsterdam") do not qualify.
    """
    text = " ".join(inner.split())
    if "," not in text or _YEAR.search(text) or _EDITORIAL.search(text):
        return None
    name, _, rest = text.partition(",")
    name = name.strip()
    if not rest.strip() or not _NAME.fullmatch(name) or name.isupper():
        return None
    if any(part.isupper() and len(part) > 1 for part in name.split()):
        return None  # an acronym in the "name": a list or an abbreviation definition
    return text


def _quote_speakers(sentences: Sequence[str]) -> list[str | None]:
    """The attribution closing the quote block each sentence of a paragraph belongs to.

    A block runs from the paragraph start or the previous attribution up to a sentence that
    ends in "(Name, role Organisation)".
    """
    speakers: list[str | None] = [None] * len(sentences)
    block_start = 0
    for index, sentence in enumerate(sentences):
        trailing = _TRAILING_PAREN.search(sentence)
        speaker = attribution_of(trailing.group(1)) if trailing else None
        if speaker:
            speakers[block_start : index + 1] = [speaker] * (index + 1 - block_start)
            block_start = index + 1
    return speakers


def _heading_info(text: str) -> tuple[int, int | None] | None:
    """(level, year) when a paragraph is a heading, else None."""
    stripped = text.rstrip()
    if (
        not stripped
        or len(stripped) > _HEADING_MAX_CHARS
        or len(stripped.split()) > _HEADING_MAX_WORDS
        or stripped[0].islower()
        or _BULLET.match(stripped)
        or _TRAILING_PAREN.search(stripped)
    ):
        return None
    number = _HEADING_NUMBER.match(stripped)
    last = stripped.rstrip("’”\"'»")[-1]
    numbered_question = (
        last == "?" and number is not None and len(stripped.split()) <= _QUESTION_MAX_WORDS
    )
    if last in ".!?:;," and not numbered_question:
        return None  # "1. Wat is er bereikt?" is a heading, an unnumbered question a sentence
    if _SENTENCE_INSIDE.search(stripped, number.end() if number else 0):
        return None
    level = number.group(1).count(".") + 1 if number else _UNNUMBERED_LEVEL
    year = _YEAR.search(stripped)
    return level, int(year.group(1)) if year else None


def _word_before(text: str, stop: int) -> str:
    """The whitespace-delimited word ending at ``stop`` (the stop included), without openers."""
    start = max(text.rfind(" ", 0, stop), text.rfind("\n", 0, stop)) + 1
    return text[start : stop + 1].lstrip("(‘“\"'[«")


def _closing_paren(text: str, opening: int) -> int:
    """Offset of the ")" that closes the "(" at ``opening``, or -1."""
    depth = 0
    for offset in range(opening, len(text)):
        if text[offset] == "(":
            depth += 1
        elif text[offset] == ")":
            depth -= 1
            if depth == 0:
                return offset
    return -1


def _boundary(text: str, stop_start: int, stop_end: int, next_start: int) -> tuple[int, int] | None:
    """(end of this sentence, start of the next) when the stop ends a sentence, else None.

    A parenthetical right after the stop ("... vraagstuk? (RMO 2002, blz. 38) Alleen ...") is a
    citation or attribution of the sentence before it, unless it is an omission mark "(...)",
    a sentence of its own or the start of the next one; at the end of a paragraph it always
    stays with the sentence.
    """
    stop = text[stop_start:stop_end]
    if stop[0] == "." and not stop.startswith(".."):
        word = _word_before(text, stop_start)
        word_start = stop_start + 1 - len(word)
        two_words = f"{_word_before(text, word_start - 2)} {word}" if word_start > 1 else word
        known = abbreviations()
        following = text[next_start]
        if known.blocks_boundary(word, following) or known.blocks_boundary(two_words, following):
            return None
        if _INITIALS.fullmatch(word) and text[next_start].isupper():
            return None
        if word[:-1].isdigit() and stop_start == len(word) - 1:
            return None  # "1. Inleiding": numbering at the start of a paragraph
    if stop_start > 0 and text[stop_start - 1] == "(" and stop.startswith(("...", "…")):
        return None  # "(...)" marks an omission inside a quote
    if text[next_start] != "(":
        return stop_end, next_start
    close = _closing_paren(text, next_start)
    if close == -1:
        return None
    inner = text[next_start + 1 : close].strip()
    if inner in ("...", "…") or inner[-1:] in ".!?":
        return stop_end, next_start
    after = _STARTER.match(text, close + 1)
    if after:
        return close + 1, after.start(1)
    if not text[close + 1 :].strip(_END_MARK):
        return None
    return stop_end, next_start  # "(Netwerken van) organisaties ...": it opens the next sentence


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """Sentence (start, end) offsets within one paragraph."""
    spans: list[tuple[int, int]] = []
    start = len(text) - len(text.lstrip())
    for match in _STOP.finditer(text):
        if match.start() < start:
            continue  # inside a citation already given to the sentence before
        starter = _STARTER.match(text, match.end())
        if starter is None:
            continue
        boundary = _boundary(text, match.start(), match.end(), starter.start(1))
        if boundary is not None:
            spans.append((start, boundary[0]))
            start = boundary[1]
    end = len(text.rstrip())
    if start < end:
        spans.append((start, end))
    return spans


def _paragraphs(text: str) -> list[tuple[int, int]]:
    spans, start = [], 0
    for match in _PARAGRAPH_BREAK.finditer(text):
        spans.append((start, match.start()))
        start = match.end()
    spans.append((start, len(text)))
    return [(s, e) for s, e in spans if text[s:e].strip()]


@dataclass
class _Sections:
    """The open headings, innermost last: (level, title, year)."""

    stack: list[tuple[int, str, int | None]]

    def enter(self, level: int, title: str, year: int | None) -> None:
        while self.stack and self.stack[-1][0] >= level:
            self.stack.pop()
        self.stack.append((level, title, year))

    @property
    def title(self) -> str | None:
        return self.stack[-1][1] if self.stack else None

    @property
    def year(self) -> int | None:
        return next((year for _, _, year in reversed(self.stack) if year is not None), None)


def _run_in_heading(paragraph: str, lead: int) -> int | None:
    """End offset of a heading run into the first sentence of a paragraph, or None."""
    match = _RUN_IN_HEADING.match(paragraph, lead)
    if match is None or _ROMAN_NUMERAL.fullmatch(match.group(1).split()[0]):
        return None
    rest = paragraph[match.end() :]
    return match.end(1) if any(stop in rest for stop in ".!?") else None  # a sentence follows


def segment(text: str) -> list[Segment]:
    """Split cleaned text into sentence, heading and list-item segments, in document order."""
    segments: list[Segment] = []
    sections = _Sections([])
    spans = _paragraphs(text)
    parts = letter_parts([text[start:end] for start, end in spans])
    for (para_start, para_end), part in zip(spans, parts, strict=True):
        paragraph = text[para_start:para_end]
        lead = len(paragraph) - len(paragraph.lstrip())
        if part is not None and part != "field":
            # A salutation, closing, signature or credit: structure, but no section below it.
            end = para_start + len(paragraph.rstrip())
            segments.append(
                Segment(para_start + lead, end, "heading", sections.title, sections.year)
            )
            continue
        heading = _heading_info(paragraph[lead:])
        if heading is None and part == "field":
            year = _YEAR.search(paragraph)
            heading = _UNNUMBERED_LEVEL, int(year.group(1)) if year else None
        if heading is not None:
            title = " ".join(paragraph.split())
            sections.enter(heading[0], title, heading[1])
            end = para_start + len(paragraph.rstrip())
            segments.append(
                Segment(para_start + lead, end, "heading", sections.title, sections.year)
            )
            continue
        run_in = _run_in_heading(paragraph, lead)
        if run_in:
            sections.enter(_UNNUMBERED_LEVEL, paragraph[lead:run_in], None)
            segments.append(
                Segment(
                    para_start + lead, para_start + run_in, "heading", sections.title, sections.year
                )
            )
            lead = run_in + 1
        kind = "sentence"
        bullet = _BULLET.match(paragraph, lead)
        if bullet:
            kind, lead = "list_item", bullet.end()
        spans = sentence_spans(paragraph[lead:])
        speakers = _quote_speakers([paragraph[lead + start : lead + end] for start, end in spans])
        for (start, end), speaker in zip(spans, speakers, strict=True):
            segments.append(
                Segment(
                    para_start + lead + start,
                    para_start + lead + end,
                    kind,
                    sections.title,
                    sections.year,
                    speaker,
                )
            )
    return segments


class Segmenter:
    """Sets ``doc._.segments`` and makes ``token.is_sent_start`` true exactly at segment starts."""

    def __call__(self, doc: Doc) -> Doc:
        """Segment the doc's text and mark the first token of every segment."""
        segments = segment(doc_text(doc))
        doc._.segments = segments
        starts = iter(seg.start for seg in segments)
        next_start = next(starts, None)
        # One from_array call: setting token.is_sent_start one by one rescans the doc each time.
        flags = numpy.full((len(doc), 1), -1, dtype="int64")
        for token in doc:
            is_start = False
            while next_start is not None and token.idx + len(token.text) > next_start:
                is_start = is_start or not token.is_space
                next_start = next(starts, None)
            if is_start or token.i == 0:
                flags[token.i, 0] = 1
        doc.from_array([SENT_START], cast(Ints2d, flags.astype("uint64")))
        return doc


if not Doc.has_extension("segments"):
    Doc.set_extension("segments", default=None)


@Language.factory("gov_segmenter")
def make_segmenter(nlp: Language, name: str) -> Segmenter:
    """Create the rule-based Dutch segmenter component."""
    return Segmenter()
