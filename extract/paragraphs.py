"""Paragraphs from cleaned lines: joining, headings, list items and rejoining interrupted text.

`assemble_paragraphs` groups the kept lines of a document into paragraphs (lists of line
indices); `extract.clean.clean` then joins each paragraph's lines and resolves its hyphens.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence

from extract.furniture import CLOSERS, PAGE_START, is_blank

_TERMINAL = ".!?:;←"  # "←" closes an article in magazine layout
_BULLET = re.compile(r"^(?:[–•\-*·▪●◦■]\s|\d{1,2}[.)]?\s+[a-zà-ÿ])")
_CLOSING_PARENTHETICAL = re.compile(r"[.!?…’”]\s*\([^()]*(?:\([^()]*\)[^()]*)*\)$")
_NUMBERED_TITLE = re.compile(r"^\d{1,2}(?:\.\d{1,2})*\.? [A-ZÀ-Þ]")
_SYMBOL_BULLET = re.compile(r"^[•·▪●◦■]\s")  # never inside a sentence, unlike a dash or a number
_SENTENCE_INSIDE = re.compile(r"[.!?]\s+[A-ZÀ-Þ]")
_MULTISPACE = re.compile(r" {2,}")
_HEADING_MAX_WORDS = 16
_REJOIN_LOOKAHEAD = 5
_COLUMN_SAMPLE = 3
_SHORT_SHARE = 0.75  # a heading line is shorter than this share of a full line
_COLUMN_FULL_SHARE = 0.9  # a line of a justified column fills at least this share of it


def normalize_line(line: str) -> str:
    """A line without surrounding whitespace and with single spaces inside."""
    return _MULTISPACE.sub(" ", line.strip())


def _ends_sentence(line: str) -> bool:
    stripped = line.rstrip(CLOSERS)
    return bool(stripped) and stripped[-1] in _TERMINAL


def _starts_upper(line: str) -> bool:
    stripped = line.lstrip("‘“\"'(")
    return bool(stripped) and (stripped[0].isupper() or stripped[0].isdigit())


def _starts_lower(line: str) -> bool:
    return bool(line) and line[0].islower()


def is_double_spaced(lines: Sequence[str]) -> bool:
    """True when most lines are followed by exactly one blank line (every line a paragraph)."""
    text_lines = [i for i, line in enumerate(lines[:-2]) if not is_blank(line)]
    if len(text_lines) < 10:
        return False
    spaced = sum(1 for i in text_lines if is_blank(lines[i + 1]) and not is_blank(lines[i + 2]))
    return spaced >= 0.6 * len(text_lines)


def _joins(previous: str, following: str, blanks: int, page_furniture: bool) -> bool:
    """Whether two successive text lines belong to one paragraph."""
    if page_furniture:
        return not (_ends_sentence(previous) and _starts_upper(following))
    if previous.endswith("←"):
        return False  # the end mark of a magazine article
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
        short = [len(line) < _SHORT_SHARE * width for line in heading]
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
    return len(line) < _SHORT_SHARE * width and not (last.islower() and len(last) <= 4)


def _is_numbered_title(line: str, width: float) -> bool:
    """Whether a line reads as a numbered section title ("3.3 De visie …")."""
    return (
        bool(_NUMBERED_TITLE.match(line))
        and not _ends_sentence(line)
        and len(line) <= width
        and not line.endswith(("-", ","))
    )


def _column_width(candidate: str, below: Sequence[str]) -> float | None:
    """The width of the text column under a mixed-case heading candidate it fits in, or None.

    In magazine columns a full line is much shorter than the document's typical line, so a
    column line ("Volgens Marcel Broersma, hoogleraar") would pass as a short heading against
    the typical width. An upper-case line or one wider than the column is a title anyway.
    """
    if len(below) < _COLUMN_SAMPLE or candidate.isupper():
        return None
    column = max(len(line) for line in below)
    return column * _COLUMN_FULL_SHARE / _SHORT_SHARE if len(candidate) <= column else None


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
            below = block[position + 1 : position + 1 + _COLUMN_SAMPLE]
            heading_width = min(width, _column_width(window[0], [texts[i] for i in below]) or width)
            heading = _heading_lines(window, heading_width, 3 if position == 0 else 1)
            if heading and (position == 0 or _plausible_inner_heading(window[0], width)):
                if current:
                    paragraphs.append(current)
                paragraphs.append(block[position : position + heading])
                current = []
                position += heading
                continue
        if (
            current
            and texts[current[-1]].rstrip(CLOSERS)[-1:] in ".!?"  # after ":" a list follows
            and position == len(block) - 1
            and _is_numbered_title(texts[index], width)
        ):
            paragraphs.extend([current, [index]])  # "…toe te passen.⏎ 1 Fascinatie, …" ends a page
            current = []
            position += 1
            continue
        if current and _starts_list_item(texts[current[-1]], texts[index]):
            paragraphs.append(current)
            current = []
        current.append(index)
        position += 1
    if current:
        paragraphs.append(current)
    return paragraphs


def typical_width(texts: Iterable[str]) -> float:
    """The length of a full line of running text: the 90th percentile of line lengths."""
    lengths = sorted(len(text) for text in texts)
    return float(lengths[int(0.9 * (len(lengths) - 1))]) if lengths else 80.0


def assemble_paragraphs(lines: Sequence[str], dropped: set[int]) -> list[list[int]]:
    """Group the kept lines into paragraphs (lists of line indices)."""
    texts = {
        index: normalize_line(line)
        for index, line in enumerate(lines)
        if index not in dropped and not is_blank(line)
    }
    width = typical_width(texts.values())
    # A new page that opens in lower case continues a sentence from before the page break.
    continues_page = {i for i in texts if PAGE_START.match(lines[i]) and _starts_lower(texts[i])}
    # A short title opening a new page, with a blank line and then a capital under it.
    following = dict(zip(texts, list(texts)[1:], strict=False))
    page_titles = {
        i
        for i in texts
        if PAGE_START.match(lines[i])
        and i + 1 not in texts
        and _starts_upper(texts[i])
        and not _ends_sentence(texts[i])
        and len(texts[i]) < 0.6 * width
        and i in following
        and _starts_upper(texts[following[i]])
    }
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
        if (
            _joins(texts[previous], texts[index], blanks, furniture)
            and index not in page_titles
            and not (index in continues_page and _is_title_block(blocks[-1], texts, width))
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
