"""The team's own sample documents: every gold sentence, and nothing else, comes out a sentence.

The sample stands for held-out text: letters with salutations and header fields, a one-off
page header inside a sentence, an organisation name ending in a digit.
"""

from __future__ import annotations

import json
from collections import defaultdict
from pathlib import Path

import pytest

from extract.clean import clean
from extract.segment import segment

ROOT = Path(__file__).resolve().parents[2]
SAMPLE_DIR = ROOT / "govgraph" / "sample"
GOLD_FILE = ROOT / "tests" / "gold" / "sample" / "sentences.jsonl"

Sentence = tuple[str, tuple[int, int]]


def _gold_by_document() -> dict[str, set[Sentence]]:
    gold: dict[str, set[Sentence]] = defaultdict(set)
    for line in GOLD_FILE.read_text("utf-8").splitlines():
        row = json.loads(line)
        gold[row["doc"]].add((" ".join(row["sentence"].split()), tuple(row["lines"])))
    return gold


GOLD = _gold_by_document()


@pytest.mark.parametrize("document", sorted(GOLD))
def test_sample_sentences_match_the_gold_exactly(document: str) -> None:
    cleaned = clean((SAMPLE_DIR / document).read_text("utf-8"))
    found = {
        (" ".join(cleaned.text[seg.start : seg.end].split()), cleaned.line_span(seg.start, seg.end))
        for seg in segment(cleaned.text)
        if seg.kind != "heading"
    }
    assert sorted(found - GOLD[document]) == []
    assert sorted(GOLD[document] - found) == []
