"""Benchmark 1: govgraph's whole extraction (reading and cleaning included) against its ceiling.

The ceiling is the spaCy part govgraph builds on but did not write: ``spacy.blank("nl")``'s
tokenizer over the same raw texts. Both run with a fresh pipeline every repetition (spaCy's
tokenizer caches strings it has seen, so a reused pipeline would flatter the second pass),
interleaved, and the ratio is the median of per-repetition ratios. Pipeline construction is
timed apart: it is paid once per process, not per word.
"""

from __future__ import annotations

import statistics
import time
from pathlib import Path

import spacy
from harness import CORPUS_DIR, Headline, Section, interleaved, median_ratio

from extract import extract_document
from extract.clean import clean
from extract.pipeline import build_pipeline
from extract.readers import RawDocument, collect_inputs, read_document

TARGET = 0.40
MAX_LENGTH = 20_000_000  # as govgraph's pipeline: a whole dissertation is one Doc


def _read(paths: list[Path]) -> list[RawDocument]:
    return [read_document(path, None) for path in paths]


def component_breakdown(raw_documents: list[RawDocument]) -> dict[str, float]:
    """Seconds per stage of one extraction pass: cleaning, tokenizer, each component."""
    nlp = build_pipeline()
    stages: dict[str, float] = {"clean": 0.0, "tokenizer": 0.0}
    for raw in raw_documents:
        start = time.perf_counter()
        text = clean(raw.text).text
        stages["clean"] += time.perf_counter() - start
        start = time.perf_counter()
        doc = nlp.make_doc(text)
        stages["tokenizer"] += time.perf_counter() - start
        for name, component in nlp.pipeline:
            start = time.perf_counter()
            doc = component(doc)
            stages[name] = stages.get(name, 0.0) + time.perf_counter() - start
    return stages


def run(repetitions: int = 3) -> Section:
    """Measure words per second of govgraph's extraction and of the bare tokenizer."""
    paths = collect_inputs([CORPUS_DIR])
    paths = [path for path in paths if path.name != "README.md"]
    raw_documents = _read(paths)
    words = sum(len(raw.text.split()) for raw in raw_documents)
    build_times: list[float] = []

    def govgraph_extraction() -> None:
        start = time.perf_counter()
        nlp = build_pipeline()
        build_times.append(time.perf_counter() - start)
        start = time.perf_counter()
        for path in paths:
            extract_document(read_document(path, None), nlp)
        extraction_times.append(time.perf_counter() - start)

    def blank_tokenizer() -> None:
        nlp = spacy.blank("nl")
        nlp.max_length = MAX_LENGTH
        start = time.perf_counter()
        for raw in raw_documents:
            nlp.make_doc(raw.text)
        tokenizer_times.append(time.perf_counter() - start)

    extraction_times: list[float] = []
    tokenizer_times: list[float] = []
    # warm-up: imports, lexicon files in the page cache
    govgraph_extraction()
    extraction_times.clear()
    build_times.clear()
    interleaved({"govgraph": govgraph_extraction, "tokenizer": blank_tokenizer}, repetitions)
    ratio = median_ratio(tokenizer_times, extraction_times)  # = govgraph speed / ceiling speed
    govgraph_speed = words / statistics.median(extraction_times)
    tokenizer_speed = words / statistics.median(tokenizer_times)
    stages = component_breakdown(raw_documents)
    total_stages = sum(stages.values())
    section = Section(
        title="1. Extraction throughput",
        method=(
            f"The five seed documents ({words:,} whitespace words, `{CORPUS_DIR}`), read, cleaned "
            f"and extracted by `extract_document` with a fresh `build_pipeline()` per repetition, "
            f"against a fresh `spacy.blank('nl')` tokenizer over the same raw texts "
            f"({repetitions} interleaved repetitions after a warm-up, medians)."
        ),
    )
    section.headlines.append(
        Headline(
            benchmark="extraction throughput (words/s)",
            measured=f"govgraph {govgraph_speed:,.0f} words/s",
            anchor=f"blank nl tokenizer {tokenizer_speed:,.0f} words/s",
            ratio=ratio,
            target=f">= {TARGET:.2f}",
            met=ratio >= TARGET,
        )
    )
    section.table = [
        ["what", "median s", "words/s", "ratio to tokenizer speed"],
        [
            "govgraph extraction (read + clean + pipeline + records)",
            f"{statistics.median(extraction_times):.2f}",
            f"{govgraph_speed:,.0f}",
            f"{ratio:.3f}",
        ],
        [
            "`spacy.blank('nl')` tokenizer (bare)",
            f"{statistics.median(tokenizer_times):.2f}",
            f"{tokenizer_speed:,.0f}",
            "1",
        ],
        [
            "`build_pipeline()` (once per process)",
            f"{statistics.median(build_times):.2f}",
            "",
            "",
        ],
    ]
    section.notes.append(
        "Where one extraction pass spends its time: "
        + ", ".join(
            f"{name} {seconds:.2f} s ({seconds / total_stages:.0%})"
            for name, seconds in stages.items()
        )
        + "."
    )
    return section
