"""Undo the damage PDF extraction does to Dutch text, keeping a map back to the raw file's lines.

One pure function per trap, composed in a fixed order by `clean`:
unicode repair, page furniture (running headers, page numbers, footnote bodies), glued footnote
markers, then paragraph assembly (joining lines, resolving line-final hyphens, splitting headings
and list items off). The output has paragraphs separated by a blank line, each paragraph's lines
joined by single spaces, and headings as paragraphs of their own.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from extract.dehyphenate import Resolution, build_vocabulary, resolve


@dataclass(frozen=True)
class CleanedText:
    """Cleaned text, counts of what was repaired, and a map from cleaned offsets to raw lines."""

    text: str
    stats: Mapping[str, int]
    # chunk_starts[i] is the cleaned offset where text from raw line chunk_lines[i] begins.
    chunk_starts: tuple[int, ...] = field(default=(0,), repr=False)
    chunk_lines: tuple[int, ...] = field(default=(1,), repr=False)

    def line_at(self, offset: int) -> int:
        """The 1-based raw line that the cleaned character at ``offset`` comes from."""
        return self.chunk_lines[max(0, bisect_right(self.chunk_starts, offset) - 1)]

    def line_span(self, start: int, end: int) -> tuple[int, int]:
        """The 1-based inclusive raw line range of the cleaned offsets [start, end)."""
        last = max(start, end - 1)
        while last > start and self.text[last].isspace():
            last -= 1
        return self.line_at(start), self.line_at(last)


# --- trap 1: unicode ------------------------------------------------------------------------

_COMBINING = re.compile(r"[\u0300-\u036f]")
_INVISIBLE = re.compile(r"[\u200b\u200c\u200d\u2060\ufeff]")
_ODD_SPACES = re.compile(r"[\t\u00a0\u2000-\u200a\u202f\u205f\u3000]")
# A symbol-font bullet that text extraction turned into a capital L at the start of a line.
_LOST_BULLET = re.compile(r"^( ?)L (?=\S)", re.MULTILINE)
_LIGATURES = {"\ufb00": "ff", "\ufb01": "fi", "\ufb02": "fl", "\ufb03": "ffi", "\ufb04": "ffl"}


def repair_unicode(text: str) -> tuple[str, Counter[str]]:
    """Compose accents (NFC), write dotless-i + trema as "ï", drop U+FFFD and invisible marks."""
    stats: Counter[str] = Counter()
    stats["dotless_i_fixed"] = text.count("\u0131\u0308")
    text = text.replace("\u0131\u0308", "i\u0308")
    combining_before = len(_COMBINING.findall(text))
    text = unicodedata.normalize("NFC", text)
    stats["accents_composed"] = combining_before - len(_COMBINING.findall(text))
    stats["replacement_chars_dropped"] = text.count("\ufffd")
    text = text.replace("\ufffd", "")
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    # A form feed starts a page; as a leading space it keeps the line count and marks the page.
    text = text.replace("\f", " ")
    text = _INVISIBLE.sub("", text)
    text = text.replace("\u00ad", "-")  # a soft hyphen is only visible where it broke a line
    for ligature, letters in _LIGATURES.items():
        text = text.replace(ligature, letters)
    text, stats["bullets_repaired"] = _LOST_BULLET.subn(r"\1• ", text)
    return _ODD_SPACES.sub(" ", text), stats


# --- trap 2: page furniture -----------------------------------------------------------------

_UPPER_TITLE = r"[A-ZÀ-ÞĲ][A-ZÀ-ÞĲ0-9 ,:;’'&./()\-]{2,}[A-ZÀ-ÞĲ)]"
_HEADER_LEFT = re.compile(rf"^\s*(\d{{1,4}})\s+({_UPPER_TITLE})\s*$")
_HEADER_RIGHT = re.compile(rf"^\s*({_UPPER_TITLE})\s+(\d{{1,4}})\s*$")
_PAGE_NUMBER = re.compile(r"^\s*\d{1,4}\s*$")
_PRINT_SLUG = re.compile(r"\.indd\s+\d+\s+\d{1,2}-\d{1,2}-\d{2,4}\s+\d{1,2}:\d{2}(?::\d{2})?\s*$")
_FOOTNOTE_BODY = re.compile(r"^\s*\d(?: ?\d)*\]\s")
_PAGE_START = re.compile(r"^ \S")
_FOOTNOTE_BLOCK_MAX = 8


def _blank(line: str) -> bool:
    return not line.strip()


def _blank_run(lines: Sequence[str], index: int, step: int) -> int:
    count, index = 0, index + step
    while 0 <= index < len(lines) and _blank(lines[index]):
        count, index = count + 1, index + step
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
        if len(numbers_by_title[title]) > 1 or _blank_run(lines, index, 1) >= 2
    }


def find_page_numbers(lines: Sequence[str]) -> set[int]:
    """Indices of lines holding only a page number between blank lines."""
    return {
        index
        for index, line in enumerate(lines)
        if _PAGE_NUMBER.match(line)
        and (index == 0 or _blank(lines[index - 1]))
        and (index + 1 == len(lines) or _blank(lines[index + 1]))
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
            if _PAGE_START.match(lines[look]):
                dropped.update(range(end, look))
                end = look
                break
        index = end
    return dropped


# --- trap 3: glued footnote markers ---------------------------------------------------------

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


# --- trap 4: paragraphs, line-final hyphens, headings and list items ------------------------

_TERMINAL = ".!?:;←"  # "←" closes an article in magazine layout
_CLOSERS = "’”\"')]»"
_BULLET = re.compile(r"^(?:[–•\-*·▪●◦■]\s|\d{1,2}[.)]?\s+[a-zà-ÿ])")
_CLOSING_PARENTHETICAL = re.compile(r"[.!?…’”]\s*\([^()]*(?:\([^()]*\)[^()]*)*\)$")
_SYMBOL_BULLET = re.compile(r"^[•·▪●◦■]\s")  # never inside a sentence, unlike a dash or a number
_SENTENCE_INSIDE = re.compile(r"[.!?]\s+[A-ZÀ-Þ]")
_MULTISPACE = re.compile(r" {2,}")
_HEADING_MAX_WORDS = 16
_REJOIN_LOOKAHEAD = 5


def _ends_sentence(line: str) -> bool:
    stripped = line.rstrip(_CLOSERS)
    return bool(stripped) and stripped[-1] in _TERMINAL


def _starts_upper(line: str) -> bool:
    stripped = line.lstrip("‘“\"'(")
    return bool(stripped) and (stripped[0].isupper() or stripped[0].isdigit())


def _starts_lower(line: str) -> bool:
    return bool(line) and line[0].islower()


def is_double_spaced(lines: Sequence[str]) -> bool:
    """True when most lines are followed by exactly one blank line (every line a paragraph)."""
    text_lines = [i for i, line in enumerate(lines[:-2]) if not _blank(line)]
    if len(text_lines) < 10:
        return False
    spaced = sum(1 for i in text_lines if _blank(lines[i + 1]) and not _blank(lines[i + 2]))
    return spaced >= 0.6 * len(text_lines)


def _joins(previous: str, following: str, blanks: int, page_furniture: bool) -> bool:
    """Whether two successive text lines belong to one paragraph."""
    if page_furniture:
        return not (_ends_sentence(previous) and _starts_upper(following))
    if blanks == 0:
        return not _starts_list_item(previous, following)
    hyphen_break = previous.endswith("-") and previous[-2:-1].isalpha()
    if previous.isupper() and not hyphen_break:
        return False  # an upper-case heading, not a sentence cut by a stray blank line
    return _starts_lower(following) and (hyphen_break or not _ends_sentence(previous))


def _starts_list_item(previous: str, line: str) -> bool:
    """Whether ``line`` opens a list item rather than continuing the line before it."""
    if _SYMBOL_BULLET.match(line):
        return True
    return bool(_BULLET.match(line)) and _ends_sentence(previous)


def _heading_lines(texts: Sequence[str], width: float, longest: int = 3) -> int:
    """How many leading lines of ``texts`` are a heading glued to the paragraph below (0-3)."""
    for count in range(1, longest + 1):
        if len(texts) <= count:
            return 0
        heading, following = texts[:count], texts[count]
        joined = " ".join(heading)
        if (
            any(_ends_sentence(line) or line.endswith(("-", ",")) for line in heading)
            or not _starts_upper(heading[0])
            or heading[0].startswith("(")
            or not _starts_upper(following)
            or len(joined.split()) > _HEADING_MAX_WORDS
            or _SENTENCE_INSIDE.search(joined)
        ):
            continue
        if count > 1 and heading[-1].rsplit(" ", 1)[-1][:1].isupper():
            continue  # "... van de Stichting Nederlandse Lokale⏎Publieke Omroepen": a name runs on
        short = [len(line) < 0.75 * width for line in heading]
        if (short[-1] or heading[-1].endswith(")")) and (count < 3 or all(short)):
            return count
    return 0


def _ends_block_text(texts: Mapping[int, str], lines: Sequence[int]) -> bool:
    """Whether the lines end a sentence, possibly followed by "(Name, role)" or a citation."""
    if _ends_sentence(texts[lines[-1]]):
        return True
    return bool(_CLOSING_PARENTHETICAL.search(" ".join(texts[i] for i in lines[-3:])))


def _plausible_inner_heading(line: str, width: float) -> bool:
    """A heading inside a block is short and does not end in a small word ("de", "voor")."""
    last = line.rsplit(" ", 1)[-1]
    return len(line) < 0.75 * width and not (last.islower() and len(last) <= 4)


def _split_block(block: list[int], texts: Mapping[int, str], width: float) -> list[list[int]]:
    """Split a block of joined lines into paragraphs: glued headings and list items."""
    paragraphs: list[list[int]] = []
    current: list[int] = []
    position = 0
    while position < len(block):
        index = block[position]
        after_sentence = not current or _ends_block_text(texts, current)
        if after_sentence:
            # Inside a block only a one-line heading after a full stop is believable.
            window = [texts[i] for i in block[position : position + 4]]
            heading = _heading_lines(window, width, 3 if position == 0 else 1)
            if heading and (position == 0 or _plausible_inner_heading(window[0], width)):
                if current:
                    paragraphs.append(current)
                paragraphs.append(block[position : position + heading])
                current = []
                position += heading
                continue
        if current and _starts_list_item(texts[current[-1]], texts[index]):
            paragraphs.append(current)
            current = []
        current.append(index)
        position += 1
    if current:
        paragraphs.append(current)
    return paragraphs


def _typical_width(texts: Mapping[int, str]) -> float:
    lengths = sorted(len(text) for text in texts.values())
    return float(lengths[int(0.9 * (len(lengths) - 1))]) if lengths else 80.0


def assemble_paragraphs(lines: Sequence[str], dropped: set[int]) -> list[list[int]]:
    """Group the kept lines into paragraphs (lists of line indices)."""
    texts = {
        index: _MULTISPACE.sub(" ", line.strip())
        for index, line in enumerate(lines)
        if index not in dropped and not _blank(line)
    }
    width = _typical_width(texts)
    # A new page that opens in lower case continues a sentence from before the page break.
    continues_page = {i for i in texts if _PAGE_START.match(lines[i]) and _starts_lower(texts[i])}
    double_spaced = is_double_spaced(lines)
    blocks: list[list[int]] = []
    previous: int | None = None
    for index in texts:
        if previous is None:
            blocks.append([index])
            previous = index
            continue
        between = range(previous + 1, index)
        furniture = any(i in dropped for i in between)
        blanks = sum(1 for i in between if i not in dropped)
        if double_spaced:
            # Blank lines carry no structure here; a short line ending a sentence ends a paragraph.
            last, length = texts[previous], len(texts[previous])
            ends_paragraph = (_ends_sentence(last) and length < 0.8 * width) or (
                last.endswith(",") and length < 0.4 * width  # "Beste collega's,"
            )
            blanks = 1 if ends_paragraph else max(0, blanks - 1)
        if _joins(texts[previous], texts[index], blanks, furniture) and not (
            index in continues_page and _is_title_block(blocks[-1], texts, width)
        ):
            blocks[-1].append(index)
        else:
            blocks.append([index])
        previous = index
    blocks = rejoin_interrupted_text(blocks, texts, continues_page)
    return [part for block in blocks for part in _split_block(block, texts, width)]


def _is_title_block(block: Sequence[int], texts: Mapping[int, str], width: float) -> bool:
    """A block of at most three short lines without a full stop: a title, not running text."""
    return len(block) <= 3 and all(
        len(texts[i]) < 0.6 * width and not _ends_sentence(texts[i]) for i in block
    )


def rejoin_interrupted_text(
    blocks: Sequence[list[int]], texts: Mapping[int, str], continues_page: set[int]
) -> list[list[int]]:
    """Join a block cut off mid-word or mid-sentence with the block that continues it.

    In magazine layout a pull quote or an inserted heading can sit between the two halves of a
    hyphenated word, and a chapter title page can interrupt a sentence; the blocks in between
    then follow the rejoined text.
    """
    result = [list(block) for block in blocks]
    position = 0
    while position < len(result):
        block = result[position]
        last = texts[block[-1]]
        ahead = range(position + 2, min(position + 2 + _REJOIN_LOOKAHEAD, len(result)))
        later = None
        if last.endswith("-") and last[-2:-1].islower():
            later = next((i for i in ahead if _starts_lower(texts[result[i][0]])), None)
        elif len(block) > 1 and not _ends_sentence(last):
            later = next((i for i in ahead if result[i][0] in continues_page), None)
        if later is not None:
            block.extend(result.pop(later))
            continue
        position += 1
    return result


# --- composition ----------------------------------------------------------------------------


def clean(raw_text: str) -> CleanedText:
    """Clean PDF-extracted text; see the module docstring for the order of the steps."""
    text, stats = repair_unicode(raw_text)
    lines = text.split("\n")
    headers = find_running_headers(lines)
    page_numbers = find_page_numbers(lines)
    footnote_bodies = find_footnote_bodies(lines)
    slugs = find_print_slugs(lines)
    dropped = headers | page_numbers | footnote_bodies | slugs
    stats["headers_dropped"] = len(headers)
    stats["page_numbers_dropped"] = len(page_numbers)
    stats["footnote_body_lines_dropped"] = len(footnote_bodies)
    stats["print_slugs_dropped"] = len(slugs)
    stats["footnotes_dropped"] = strip_footnote_markers(lines, dropped)
    vocabulary = build_vocabulary(text)
    paragraphs = assemble_paragraphs(lines, dropped)
    stats["paragraphs"] = len(paragraphs)

    parts: list[str] = []
    starts: list[int] = []
    line_numbers: list[int] = []
    offset = 0
    for number, paragraph in enumerate(paragraphs):
        if number:
            parts.append("\n\n")
            offset += 2
        pieces = [_MULTISPACE.sub(" ", lines[index].strip()) for index in paragraph]
        separators = [""] * len(pieces)
        for i in range(len(pieces) - 1):
            if pieces[i].endswith("-"):
                join = resolve(pieces[i], pieces[i + 1], vocabulary)
                pieces[i], pieces[i + 1], separators[i] = join.left, join.right, join.separator
                if join.resolution is not Resolution.not_a_break:
                    stats[_RESOLUTION_STAT[join.resolution]] += 1
            else:
                separators[i] = " "
        for index, piece, separator in zip(paragraph, pieces, separators, strict=True):
            starts.append(offset)
            line_numbers.append(index + 1)
            parts.append(piece + separator)
            offset += len(piece) + len(separator)
    return CleanedText(
        text="".join(parts),
        stats=dict(stats),
        chunk_starts=tuple(starts) or (0,),
        chunk_lines=tuple(line_numbers) or (1,),
    )


_RESOLUTION_STAT = {
    Resolution.removed: "hyphens_removed",
    Resolution.kept: "hyphens_kept",
    Resolution.trema: "trema_restored",
}
