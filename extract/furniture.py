"""Page furniture in PDF-extracted text: running headers, page numbers, footnotes, slugs.

Each finder returns the indices of the lines to drop; `strip_footnote_markers` edits lines in
place. `extract.clean.clean` composes them.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from functools import lru_cache

from extract.actor_lexicon import GAZETTEER_FILE, PATTERNS_FILE
from extract.jsonl import read_jsonl

_UPPER_TITLE = r"[A-ZÀ-ÞĲ][A-ZÀ-ÞĲ0-9 ,:;’'&./()\-]{2,}[A-ZÀ-ÞĲ)0-9]"
_HEADER_LEFT = re.compile(rf"^\s*(\d{{1,4}})\s+({_UPPER_TITLE})\s*$")
_HEADER_RIGHT = re.compile(rf"^\s*({_UPPER_TITLE})\s+(\d{{1,4}})\s*$")
_PAGE_NUMBER = re.compile(r"^\s*\d{1,4}\s*$")
_PRINT_SLUG = re.compile(r"\.indd\s+\d+\s+\d{1,2}-\d{1,2}-\d{2,4}\s+\d{1,2}:\d{2}(?::\d{2})?\s*$")
_FOOTNOTE_BODY = re.compile(r"^\s*\d(?: ?\d)*\]\s")
PAGE_START = re.compile(r"^ \S")  # a new page's first line starts with one space
_FOOTNOTE_BLOCK_MAX = 8
_SENTENCE_END = tuple(".!?:;")
_TITLE_SEARCH_LINES = 10
_TITLE_LINES = 3
CLOSERS = "’”\"')]»"  # closing quotes and brackets that may follow a sentence's stop


def is_blank(line: str) -> bool:
    """True for an empty or whitespace-only line."""
    return not line.strip()


def _blank_lines_after(lines: Sequence[str], index: int) -> int:
    count = 0
    while index + count + 1 < len(lines) and is_blank(lines[index + count + 1]):
        count += 1
    return count


def find_running_headers(lines: Sequence[str]) -> set[int]:
    """Indices of running page headers: "<page> TITLE" / "TITLE <page>" lines.

    A numbered upper-case subheading looks the same, so a candidate counts as a header only when
    its title recurs with another page number, it sits before the run of blank lines that
    marks a page break, or it stands between blank lines inside a sentence (the line before
    ends without a stop and the line after starts in lower case), as in a short document.
    """
    candidates: dict[int, tuple[str, str]] = {}
    for index, line in enumerate(lines):
        match = _HEADER_LEFT.match(line)
        if match:
            candidates[index] = (match.group(2).strip(), match.group(1))
            continue
        match = _HEADER_RIGHT.match(line)
        if match:
            candidates[index] = (match.group(1).strip(), match.group(2))
    numbers_by_title: dict[str, set[str]] = {}
    for title, number in candidates.values():
        numbers_by_title.setdefault(title, set()).add(number)
    document_title = _opening_words(lines)
    return {
        index
        for index, (title, _number) in candidates.items()
        if len(numbers_by_title[title]) > 1
        or _blank_lines_after(lines, index) >= 2
        or _interrupts_sentence(lines, index)
        or _repeats_document_title(title, index, document_title)
    }


def _opening_words(lines: Sequence[str]) -> set[str]:
    """The lower-cased words of the document's first few text lines, where its title stands."""
    opening = [line for line in lines[:_TITLE_SEARCH_LINES] if not is_blank(line)]
    return {word.lower() for line in opening[:_TITLE_LINES] for word in line.split()}


def _repeats_document_title(title: str, index: int, document_title: set[str]) -> bool:
    """Whether a later "<page> TITLE" line repeats the document's own title, as a header does."""
    words = [word.lower() for word in title.split()]
    return index >= _TITLE_SEARCH_LINES and len(words) > 1 and set(words) <= document_title


def _interrupts_sentence(lines: Sequence[str], index: int) -> bool:
    """Whether the line at ``index`` stands alone between two halves of one sentence."""
    before = next((lines[i] for i in range(index - 1, -1, -1) if not is_blank(lines[i])), "")
    after = next((lines[i] for i in range(index + 1, len(lines)) if not is_blank(lines[i])), "")
    return (
        0 < index < len(lines) - 1
        and is_blank(lines[index - 1])
        and is_blank(lines[index + 1])
        and bool(before.strip())
        and before.rstrip().rstrip(CLOSERS)[-1:] not in _SENTENCE_END
        and after.lstrip()[:1].islower()
    )


def find_page_numbers(lines: Sequence[str]) -> set[int]:
    """Indices of lines holding only a page number between blank lines."""
    return {
        index
        for index, line in enumerate(lines)
        if _PAGE_NUMBER.match(line)
        and (index == 0 or is_blank(lines[index - 1]))
        and (index + 1 == len(lines) or is_blank(lines[index + 1]))
    }


def find_print_slugs(lines: Sequence[str]) -> set[int]:
    """Indices of printer's slugs ("interview.indd  11 15-11-2021  17:22:54") left in the text."""
    return {index for index, line in enumerate(lines) if _PRINT_SLUG.search(line)}


def find_footnote_bodies(lines: Sequence[str]) -> set[int]:
    """Indices of footnote bodies printed at a page foot ("1]  ROB (2021), ...").

    A body may wrap; its continuation lines run up to the next page, whose first line starts
    with a single space. Without such a page start nearby only the numbered lines go.
    """
    dropped: set[int] = set()
    index = 0
    while index < len(lines):
        if not _FOOTNOTE_BODY.match(lines[index]):
            index += 1
            continue
        end = index + 1
        while end < len(lines) and _FOOTNOTE_BODY.match(lines[end]):
            end += 1
        dropped.update(range(index, end))
        for look in range(end, min(end + _FOOTNOTE_BLOCK_MAX, len(lines))):
            if _FOOTNOTE_BODY.match(lines[look]):
                break
            if PAGE_START.match(lines[look]):
                dropped.update(range(end, look))
                end = look
                break
        index = end
    return dropped


# --- glued footnote markers ---------------------------------------------------------

_MARKER = re.compile(r"([^\W\d_]|[.,;:!?’”\"')\]])([1-9]\d{0,2})(?=[\s.,;:!?)’”]|$)")
_MARKER_AFTER_YEAR = re.compile(r"\b(?:19|20)\d\d([1-9]\d{0,2})(?=[\s.,;:!?)’”]|$)")
_MARKER_MAX_GAP = 3
_MARKERS_FOR_A_SEQUENCE = 2  # one glued number alone is no evidence of a footnote sequence
_DIGIT = re.compile(r"\d")


def _marker_candidates(line: str) -> list[tuple[int, int, int, bool]]:
    """(start, end, number, strict) of the digit runs that may be footnote markers.

    A strict candidate (glued to a year or an acronym: "200775", "AT5") must be exactly the
    next number; others may skip a few numbers lost elsewhere.
    """
    found = []
    for match in _MARKER.finditer(line):
        token_start = line.rfind(" ", 0, match.start(2)) + 1
        token = line[token_start : match.start(2)]
        if token[:1].isdigit() or sum(char.isalpha() for char in token) < 2:
            continue  # "2.4", "G4", "3e": numbers and codes, not markers
        acronym = token.isupper() and token.isalpha()
        found.append((match.start(2), match.end(2), int(match.group(2)), acronym))
    for match in _MARKER_AFTER_YEAR.finditer(line):
        found.append((match.start(1), match.end(1), int(match.group(1)), True))
    return sorted(found)


@lru_cache(maxsize=1)
def known_names_with_digits() -> frozenset[str]:
    """Lower-cased words ending in a digit in the actor lexicons ("ieder1", "rd4"): no markers."""
    words: set[str] = set()
    for path in (GAZETTEER_FILE, PATTERNS_FILE):
        for row in read_jsonl(path):
            for name in row.get("names", []) + row.get("forms", []):
                words.update(word.lower() for word in name.split() if word[-1:].isdigit())
    return frozenset(words)


def _glued_word(line: str, start: int, end: int) -> str:
    """The word a candidate marker is glued to, digits included ("ieder1")."""
    word_start = line.rfind(" ", 0, start) + 1
    return line[word_start:end].lstrip("(‘“\"'[").lower()


def strip_footnote_markers(lines: list[str], skip: set[int], notes_printed: bool = False) -> int:
    """Remove footnote numbers glued to words or punctuation, in place; return how many.

    Markers are numbered consecutively through a document (restarting at 1 per chapter in some),
    so a candidate counts only when it continues the sequence: that keeps "AT5", ages and
    years, which a pattern alone cannot tell from a note number. A word that the actor
    lexicons know with its digit ("Woonbedrijf ieder1"), or that recurs with the same digit,
    is a name. A lone marker counts only when the document prints footnote bodies.
    """
    glued = Counter(
        _glued_word(line, start, end)
        for index, line in enumerate(lines)
        if index not in skip and _DIGIT.search(line)
        for start, end, _number, _strict in _marker_candidates(line)
    )
    names = known_names_with_digits()
    last = 0
    cuts_by_line: dict[int, list[tuple[int, int]]] = {}
    for index, line in enumerate(lines):
        if index in skip or not _DIGIT.search(line):
            continue
        for start, end, number, strict in _marker_candidates(line):
            word = _glued_word(line, start, end)
            if word in names or (glued[word] > 1 and word[-len(str(number)) - 1].isalpha()):
                continue
            step = number - last
            if step == 1 or (not strict and (1 < step <= _MARKER_MAX_GAP or number == 1)):
                cuts_by_line.setdefault(index, []).append((start, end))
                last = number
    removed = sum(len(cuts) for cuts in cuts_by_line.values())
    if removed < _MARKERS_FOR_A_SEQUENCE and not notes_printed:
        return 0
    for index, cuts in cuts_by_line.items():
        line = lines[index]
        for start, end in reversed(cuts):
            line = line[:start] + line[end:]
        lines[index] = line
    return removed
