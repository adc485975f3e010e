"""Checks on the bundled sample corpus and its gold annotations, the data a new user sees first."""

from __future__ import annotations

import json
import re
import unicodedata
from collections import Counter
from functools import cache
from pathlib import Path

import pytest

from govgraph.cli import SAMPLE_DIR
from ontology import ActorClass, Modality, RelationType

GOLD_DIR = Path(__file__).resolve().parent.parent / "gold" / "sample"
# Parents in the class hierarchy: the gold always names a concrete class below them.
ABSTRACT_CLASSES = {ActorClass.Actor, ActorClass.Organisation, ActorClass.PublicAuthority}
# A running page header left by PDF extraction: "12 JAARVERSLAG GGD IJSSELLAND 2023".
PAGE_HEADER = re.compile(r"^\d+ [A-Z][A-Z ]+ \d{4}$")
META_FIELDS = {"title", "date", "author", "source_type"}
SHARED_RUN_LIMIT = 9  # words in a row that the sample may not share with the seed corpus


def sample_files() -> list[Path]:
    """The sample texts, sorted by name."""
    return sorted(SAMPLE_DIR.glob("*.txt"))


@cache
def gold_sentences() -> tuple[dict, ...]:
    """Every line of the sample gold's sentences.jsonl."""
    with (GOLD_DIR / "sentences.jsonl").open(encoding="utf-8") as lines:
        return tuple(json.loads(line) for line in lines if line.strip())


@cache
def gold_actors() -> dict[str, dict]:
    """The sample gold's canonical actors by name."""
    with (GOLD_DIR / "actors.jsonl").open(encoding="utf-8") as lines:
        records = [json.loads(line) for line in lines if line.strip()]
    return {record["actor"]: record for record in records}


def gold_relations() -> list[dict]:
    """All annotated relations of the sample gold."""
    return [relation for sentence in gold_sentences() for relation in sentence["relations"]]


def reading_text(lines: list[str]) -> str:
    """Lines as a reader writes them: joined, break hyphens removed, page headers dropped."""
    pieces: list[str] = []
    for raw in lines:
        line = raw.strip()
        if not line or PAGE_HEADER.match(line):
            continue
        previous = pieces[-1] if pieces else ""
        # A break hyphen sits between two lowercase letters; "GGZ-" before a break stays.
        if previous[-2:-1].islower() and previous.endswith("-") and line[0].islower():
            pieces[-1] = previous[:-1] + line
        else:
            pieces.append(line)
    return unicodedata.normalize("NFC", re.sub(r"\s+", " ", " ".join(pieces)))


def raw_lines(doc: str) -> list[str]:
    """The lines of a sample file."""
    return (SAMPLE_DIR / doc).read_text(encoding="utf-8").splitlines()


def test_sample_has_six_to_eight_readable_texts_of_150_to_400_words() -> None:
    files = sample_files()
    assert 6 <= len(files) <= 8, [file.name for file in files]
    for file in files:
        text = file.read_bytes().decode("utf-8")  # raises on invalid UTF-8
        assert unicodedata.is_normalized("NFC", text), f"{file.name}: not NFC"
        assert "\r" not in text and "\t" not in text, f"{file.name}: CR or tab"
        assert 150 <= len(text.split()) <= 400, f"{file.name}: {len(text.split())} words"


def test_every_sample_text_has_a_metadata_sidecar() -> None:
    for file in sample_files():
        meta = json.loads(file.with_suffix(".meta.json").read_text(encoding="utf-8"))
        assert set(meta) == META_FIELDS, file.name
        assert all(isinstance(value, str) and value for value in meta.values()), file.name


def test_gold_annotates_every_sample_text_and_nothing_else() -> None:
    annotated = {sentence["doc"] for sentence in gold_sentences()}
    assert annotated == {file.name for file in sample_files()}


@pytest.mark.parametrize("sentence", gold_sentences(), ids=lambda s: f"{s['doc']}:{s['lines']}")
def test_gold_sentence_sits_exactly_at_its_line_range(sentence: dict) -> None:
    lines = raw_lines(sentence["doc"])
    first, last = sentence["lines"]
    assert 1 <= first <= last <= len(lines)
    assert sentence["sentence"] in reading_text(lines[first - 1 : last])
    # Tight: the sentence really starts on `first` and ends on `last`.
    assert sentence["sentence"] not in reading_text(lines[first:last])
    assert sentence["sentence"] not in reading_text(lines[first - 1 : last - 1])


def test_gold_sentences_cover_each_text_in_order_except_standalone_headings() -> None:
    for file in sample_files():
        lines = raw_lines(file.name)
        covered: set[int] = set()
        previous_end = 0
        for sentence in (s for s in gold_sentences() if s["doc"] == file.name):
            first, last = sentence["lines"]
            assert first >= previous_end, f"{file.name}: sentence at {first} is out of order"
            previous_end = last
            covered.update(range(first, last + 1))
        for number, line in enumerate(lines, start=1):
            if not line.strip() or number in covered:
                continue
            neighbours = [lines[i - 1] for i in (number - 1, number + 1) if 1 <= i <= len(lines)]
            assert all(not neighbour.strip() for neighbour in neighbours), (
                f"{file.name}:{number} is neither annotated nor a standalone heading: {line!r}"
            )


@pytest.mark.parametrize("sentence", gold_sentences(), ids=lambda s: f"{s['doc']}:{s['lines']}")
def test_gold_actors_and_relations_are_grounded_in_their_sentence(sentence: dict) -> None:
    actors = gold_actors()
    mentioned = set()
    for mention in sentence["actors"]:
        assert mention["surface"] in sentence["sentence"], mention
        assert mention["actor"] in actors, mention
        assert mention["class"] == actors[mention["actor"]]["class"], mention
        mentioned.add(mention["actor"])
    for relation in sentence["relations"]:
        assert {relation["subject"], relation["object"]} <= mentioned, relation
        assert relation["subject"] != relation["object"], relation
        RelationType(relation["predicate"])
        Modality(relation["modality"].capitalize())
        if "year" in relation:
            assert str(relation["year"]) in sentence["sentence"], relation


def test_gold_states_each_relation_once_per_sentence() -> None:
    for sentence in gold_sentences():
        keys = []
        for relation in sentence["relations"]:
            ends = (relation["subject"], relation["object"])
            if RelationType(relation["predicate"]).symmetric:
                ends = tuple(sorted(ends))
            keys.append((*ends, relation["predicate"]))
        assert len(keys) == len(set(keys)), sentence["sentence"]


def test_gold_actor_classes_are_known_and_every_actor_is_used() -> None:
    used = {mention["actor"] for s in gold_sentences() for mention in s["actors"]}
    for name, record in gold_actors().items():
        assert ActorClass(record["class"]) not in ABSTRACT_CLASSES, name
        assert name in used, f"{name} is in actors.jsonl but no sentence mentions it"


def test_gold_covers_every_concrete_actor_class() -> None:
    classes = {ActorClass(record["class"]) for record in gold_actors().values()}
    assert set(ActorClass) - ABSTRACT_CLASSES - classes == set()


def test_gold_has_every_relation_property_at_least_twice() -> None:
    counts = Counter(RelationType(relation["predicate"]) for relation in gold_relations())
    assert {prop: counts[prop] for prop in RelationType if counts[prop] < 2} == {}


def test_gold_has_negation_norms_plans_and_years() -> None:
    relations = gold_relations()
    assert sum(relation["negated"] for relation in relations) >= 3
    modalities = Counter(relation["modality"] for relation in relations)
    assert modalities["normative"] >= 2
    assert modalities["hypothetical"] >= 1
    assert sum("year" in relation for relation in relations) >= 3


def test_citation_and_damaged_layout_traps_are_in_the_sample() -> None:
    texts = {file.name: file.read_text(encoding="utf-8") for file in sample_files()}
    joined = "\n".join(texts.values())
    assert re.search(r"\([A-Z][a-z]+( [a-z]+)* [A-Z][a-z]+ \d{4}\)", joined), "no author citation"
    assert re.search(r"[a-z]-\n[a-z]", joined), "no line-break hyphen"
    assert any(PAGE_HEADER.match(line) for line in joined.splitlines()), "no page header"
    cited = {m["surface"] for s in gold_sentences() for m in s["actors"]}
    assert not any("Van der Berg" in surface for surface in cited)


def test_no_sample_sentence_is_taken_from_the_seed_corpus(seed_corpus: Path) -> None:
    seed_text = " ".join(
        reading_text(path.read_text(encoding="utf-8", errors="replace").splitlines())
        for path in sorted(seed_corpus.glob("*.txt"))
    )
    copied = [s["sentence"] for s in gold_sentences() if s["sentence"] in seed_text]
    assert copied == []
    # Organisation names share up to 8 words with the seed ("uit onderzoek van het Sociaal
    # en Cultureel Planbureau"); a longer shared run would be a copied phrase.
    seed_runs = word_runs(seed_text, SHARED_RUN_LIMIT)
    shared = [
        run
        for sentence in gold_sentences()
        for run in word_runs(sentence["sentence"], SHARED_RUN_LIMIT) & seed_runs
    ]
    assert shared == []


def word_runs(text: str, length: int) -> set[str]:
    """Every run of `length` consecutive lowercased words of a text."""
    words = text.lower().split()
    return {" ".join(words[i : i + length]) for i in range(len(words) - length + 1)}
