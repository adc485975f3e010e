"""Undo the damage PDF extraction does to Dutch text, keeping a map back to the raw file's lines.

One pure function per trap, composed in a fixed order by `clean`: unicode repair (here), page
furniture and glued footnote markers (`extract.furniture`), magazine drop capitals and stray
spaces (here), paragraph assembly with headings and list items (`extract.paragraphs`), then
joining each paragraph's lines while resolving line-final hyphens (`extract.dehyphenate`).
The output has paragraphs separated by a blank line, each paragraph's lines joined by single
spaces, and headings as paragraphs of their own.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field

from extract.dehyphenate import Resolution, build_vocabulary, resolve
from extract.furniture import (
    find_footnote_bodies,
    find_page_numbers,
    find_print_slugs,
    find_running_headers,
    strip_footnote_markers,
)
from extract.paragraphs import assemble_paragraphs, normalize_line, typical_width


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
        last = max(start, min(end, len(self.text)) - 1)
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


_DROP_CAPITAL = re.compile(r"^\s*([A-Z])\s*$")
# The rest of the word: lower case, or the rest of an acronym ("V⏎NG magazine" is "VNG").
_WORD_REST = re.compile(r"\s*([a-zà-ÿ]+|[A-Z]{1,5}(?![\w-]))")


def join_drop_capitals(lines: list[str], vocabulary: Counter[str]) -> int:
    """Move a magazine drop capital, alone on its line, onto the rest of its word ("E", "lk").

    Only when the joined word occurs elsewhere in the document, so a lone "U" stays apart.
    """
    joined = 0
    for index in range(len(lines) - 1):
        capital = _DROP_CAPITAL.match(lines[index])
        rest = _WORD_REST.match(lines[index + 1])
        if capital and rest and vocabulary[(capital.group(1) + rest.group(1)).lower()] > 1:
            lines[index + 1] = capital.group(1) + lines[index + 1].lstrip()
            lines[index] = ""
            joined += 1
    return joined


_NARROW_COLUMNS = 62  # a full line this short means magazine columns
_WORD_PAIR = re.compile(r"(?<![\w-])([a-zà-ÿ]+) +(?=([a-zà-ÿ]+)(?![\w-]))")


def join_split_words(lines: list[str], vocabulary: Counter[str]) -> int:
    """Close a stray space inside a word of justified magazine text ("ge meentesecretaris").

    Only when the joined word occurs elsewhere in the document and one of the halves occurs
    nowhere else; the caller applies it to narrow-column layout only, where such spaces occur.
    """
    joined = 0
    for index, line in enumerate(lines):
        cuts = [
            (match.end(1), match.start(2))
            for match in _WORD_PAIR.finditer(line)
            if vocabulary[match.group(1) + match.group(2)] > 1
            and min(vocabulary[match.group(1)], vocabulary[match.group(2)]) <= 1
        ]
        for start, end in reversed(cuts):
            line = line[:start] + line[end:]
        if cuts:
            lines[index] = line
            joined += len(cuts)
    return joined


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
    stats["footnotes_dropped"] = strip_footnote_markers(lines, dropped, bool(footnote_bodies))
    vocabulary = build_vocabulary(text)
    stats["drop_capitals_joined"] = join_drop_capitals(lines, vocabulary)
    kept = [normalize_line(line) for i, line in enumerate(lines) if i not in dropped]
    if typical_width(text for text in kept if text) < _NARROW_COLUMNS:
        stats["split_words_joined"] = join_split_words(lines, vocabulary)
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
        pieces = [normalize_line(lines[index]) for index in paragraph]
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
