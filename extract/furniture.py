"""Page furniture in PDF-extracted text: running headers, page numbers, footnotes, slugs.

Each finder returns the indices of the lines to drop; `strip_footnote_markers` edits lines in
place. `extract.clean.clean` composes them.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

_UPPER_TITLE = r"[A-ZÀ-ÞĲ][A-ZÀ-ÞĲ0-9 ,:;’'&./()\-]{2,}[A-ZÀ-ÞĲ)]"
_HEADER_LEFT = re.compile(rf"^\s*(\d{{1,4}})\s+({_UPPER_TITLE})\s*$")
_HEADER_RIGHT = re.compile(rf"^\s*({_UPPER_TITLE})\s+(\d{{1,4}})\s*$")
_PAGE_NUMBER = re.compile(r"^\s*\d{1,4}\s*$")
_PRINT_SLUG = re.compile(r"\.indd\s+\d+\s+\d{1,2}-\d{1,2}-\d{2,4}\s+\d{1,2}:\d{2}(?::\d{2})?\s*$")
_FOOTNOTE_BODY = re.compile(r"^\s*\d(?: ?\d)*\]\s")
PAGE_START = re.compile(r"^ \S")  # a new page's first line starts with one space
_FOOTNOTE_BLOCK_MAX = 8


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
    its title recurs with another page number or it sits before the run of blank lines that
    marks a page break.
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
    return {
        index
        for index, (title, _number) in candidates.items()
        if len(numbers_by_title[title]) > 1 or _blank_lines_after(lines, index) >= 2
    }


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


def strip_footnote_markers(lines: list[str], skip: set[int]) -> int:
    """Remove footnote numbers glued to words or punctuation, in place; return how many.

    Markers are numbered consecutively through a document (restarting at 1 per chapter in some),
    so a candidate counts only when it continues the sequence: that keeps "AT5", ages and
    years, which a pattern alone cannot tell from a note number.
    """
    last = 0
    removed = 0
    for index, line in enumerate(lines):
        if index in skip or not _DIGIT.search(line):
            continue
        cuts: list[tuple[int, int]] = []
        for start, end, number, strict in _marker_candidates(line):
            step = number - last
            if step == 1 or (not strict and (1 < step <= _MARKER_MAX_GAP or number == 1)):
                cuts.append((start, end))
                last = number
        for start, end in reversed(cuts):
            line = line[:start] + line[end:]
        if cuts:
            lines[index] = line
            removed += len(cuts)
    return removed
