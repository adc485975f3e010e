"""The real seed corpus, cleaned and segmented: measurable properties and the dev gold sentences."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from extract.clean import CleanedText, clean, repair_unicode
from extract.segment import segment

SEED_001 = "001_696cbeef0d951d60.txt"
HEADER_LINE = re.compile(r"^\s*(?:\d{1,4} [A-Z][A-Z ]{6,}|[A-Z][A-Z ]{6,} \d{1,4})\s*$")
GLUED_MARKER = re.compile(
    r"(?<![\w/.])[a-zà-ÿ]{2,}\d{1,3}(?=[\s.,;:)]|$)|(?<=[a-zà-ÿ][.,;:’”)])\d{1,3}\b"
)
BREAK_AT_LINE_END = re.compile(r"[a-zà-ÿ]-$", re.MULTILINE)


@pytest.fixture(scope="module")
def raw_001(seed_corpus: Path) -> str:
    """The raw text of the dissertation (seed 001)."""
    return (seed_corpus / SEED_001).read_text("utf-8")


@pytest.fixture(scope="module")
def cleaned_001(raw_001: str) -> CleanedText:
    """Seed 001, cleaned once for the module."""
    return clean(raw_001)


def test_no_line_of_seed_001_ends_in_a_break_hyphen(cleaned_001: CleanedText) -> None:
    assert BREAK_AT_LINE_END.findall(cleaned_001.text) == []


def test_no_running_header_survives(raw_001: str, cleaned_001: CleanedText) -> None:
    lines = raw_001.split("\n")
    headers = [
        line.strip()
        for index, line in enumerate(lines)
        if HEADER_LINE.match(line) and not "".join(lines[index + 1 : index + 3]).strip()
    ]
    assert len(headers) > 10
    assert [header for header in headers if header in cleaned_001.text] == []


def test_no_word_keeps_a_glued_footnote_number(cleaned_001: CleanedText) -> None:
    glued = [
        match.group(0)
        for match in GLUED_MARKER.finditer(cleaned_001.text)
        if not match.group(0)[:1].isdigit() or match.start() == 0
    ]
    assert glued == []
    assert cleaned_001.stats["footnotes_dropped"] > 50


def test_every_ggz_instellingen_stays_hyphenated(raw_001: str, cleaned_001: CleanedText) -> None:
    broken_anywhere = r"(?:-\s*)?".join("instellingen")
    in_raw = re.findall(rf"GGZ-\s*{broken_anywhere}", raw_001)
    assert len(in_raw) > 20
    assert cleaned_001.text.count("GGZ-instellingen") == len(in_raw)
    assert "GGZinstellingen" not in cleaned_001.text


def test_line_break_hyphens_are_all_resolved(raw_001: str, cleaned_001: CleanedText) -> None:
    stats = cleaned_001.stats
    resolved = stats["hyphens_removed"] + stats["hyphens_kept"] + stats["trema_restored"]
    raw_breaks = len(re.findall(r"\w-\s*$", raw_001, re.MULTILINE))
    assert resolved >= 0.98 * raw_breaks
    assert stats["trema_restored"] > 10
    for word in ("strategieën", "geïsoleerde", "coördinatie", "beïnvloeding"):
        assert word in cleaned_001.text
    assert "strategieen" not in cleaned_001.text and "geisoleerde" not in cleaned_001.text


def test_unicode_traps_are_repaired(cleaned_001: CleanedText) -> None:
    assert "\u0308" not in cleaned_001.text and "\u0131" not in cleaned_001.text
    assert "\ufffd" not in cleaned_001.text
    assert "patiënten" in cleaned_001.text


def test_line_spans_point_at_raw_lines_with_the_same_words(
    raw_001: str, cleaned_001: CleanedText
) -> None:
    lines = repair_unicode(raw_001)[0].split("\n")  # "4�R" reads "4R" in the cleaned text
    segments = segment(cleaned_001.text)
    for seg in segments[:: max(1, len(segments) // 300)]:
        first, last = cleaned_001.line_span(seg.start, seg.end)
        words = cleaned_001.text[seg.start : seg.end].split()
        assert words[0][:2] in lines[first - 1], (first, words[0])
        assert words[-1][-2:] in lines[last - 1] or words[-1] in lines[last - 2], (last, words)


@pytest.mark.slow
def test_dev_gold_sentences_are_reproduced(shared_dir: Path, seed_corpus: Path) -> None:
    gold_file = shared_dir / "gold" / "dev" / "sentences.jsonl"
    if not gold_file.is_file():
        pytest.skip(f"{gold_file} is absent")
    gold = [json.loads(line) for line in gold_file.read_text("utf-8").splitlines() if line]
    found: dict[str, set[tuple[str, tuple[int, int]]]] = {}
    for name in {row["doc"] for row in gold}:
        cleaned = clean((seed_corpus / name).read_text("utf-8"))
        found[name] = {
            (
                " ".join(cleaned.text[seg.start : seg.end].split()),
                cleaned.line_span(seg.start, seg.end),
            )
            for seg in segment(cleaned.text)
        }
    hits = [
        (" ".join(row["sentence"].split()), tuple(row["lines"])) in found[row["doc"]]
        for row in gold
    ]
    assert sum(hits) / len(hits) >= 0.95


@pytest.mark.slow
def test_every_seed_cleans_and_segments(seed_corpus: Path) -> None:
    for path in sorted(seed_corpus.glob("*.txt")):
        raw = path.read_text("utf-8")
        cleaned = clean(raw)
        segments = segment(cleaned.text)
        # Magazine columns can put a word's second half many blocks later: allow a rare leftover.
        assert len(BREAK_AT_LINE_END.findall(cleaned.text)) <= raw.count("\n") / 1000, path.name
        assert len(segments) > 20, path.name
        assert all(
            1 <= cleaned.line_span(s.start, s.end)[0] <= cleaned.line_span(s.start, s.end)[1]
            for s in segments
        ), path.name
