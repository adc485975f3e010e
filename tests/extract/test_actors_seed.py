"""Spot checks of gov_actors on the seed corpus: no citation, pronoun, year or header as actor."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import spacy
from spacy.language import Language
from spacy.tokens import Doc

from extract import actors as _actors  # noqa: F401  (registers gov_actors)
from extract import lemmas as _lemmas  # noqa: F401  (registers gov_lemmatizer)
from extract.actor_lexicon import GAZETTEER_FILE
from extract.clean import clean
from extract.scripts.build_gazetteer import build
from extract.segment import segment

PRONOUNS = {"zij", "hij", "wij", "we", "ik", "u", "ze", "die", "dat", "hen", "hun", "ons"}
YEAR_AFTER = re.compile(r"^\s*\(?\s*(1[89]\d\d|20\d\d)\b")
# Authors the dissertation cites as sources; none of them may become an actor when cited.
CITED_AUTHORS = ("Kickert", "Koppenjan", "Termeer", "Mintzberg", "Zuijderhoudt", "Steketee")


@pytest.fixture(scope="module")
def nlp() -> Language:
    pipeline = spacy.blank("nl")
    pipeline.max_length = 20_000_000
    pipeline.add_pipe("gov_lemmatizer")
    pipeline.add_pipe("gov_actors")
    return pipeline


def process(nlp: Language, path: Path) -> Doc:
    """Clean and segment a seed file, then run the lemmatizer and the actor recogniser."""
    text = clean(path.read_text(encoding="utf-8")).text
    doc = nlp.make_doc(text)
    doc._.segments = segment(text)
    for _, component in nlp.pipeline:
        doc = component(doc)
    return doc


def assert_no_junk_actors(doc: Doc) -> None:
    text = doc.text
    for span in doc.spans["actors"]:
        record = doc._.actors[span.kb_id_]
        assert span.text.lower() not in PRONOUNS, span.text
        assert not re.fullmatch(r"[\d\s.,()-]+", record.label), record.label
        assert len(record.label.split()) <= 8, f"header-like label {record.label!r}"
        if record.actor_class.value != "CitizenGroup":
            following = text[span.end_char : span.end_char + 8]
            assert not YEAR_AFTER.match(following), f"citation {span.text!r}{following!r}"


def test_essay_actors_are_clean_and_de_gemeente_stays_generic(
    nlp: Language, seed_corpus: Path
) -> None:
    doc = process(nlp, seed_corpus / "003_6012d3cce1f1b831.txt")
    assert_no_junk_actors(doc)
    generic = [span.kb_id_ for span in doc.spans["actors"] if span.text.lower() == "de gemeente"]
    assert generic and set(generic) == {"gemeenten"}


@pytest.mark.slow
def test_dissertation_resolves_to_amsterdam_and_skips_cited_authors(
    nlp: Language, seed_corpus: Path
) -> None:
    doc = process(nlp, seed_corpus / "001_696cbeef0d951d60.txt")
    assert_no_junk_actors(doc)
    by_surface = {span.text.lower(): span.kb_id_ for span in doc.spans["actors"]}
    assert by_surface["de gemeente"] == "gemeente-amsterdam"
    assert doc._.actors["gemeente-amsterdam"].identifier.endswith("gm0363")
    for span in doc.spans["actors"]:
        if span.text.startswith(CITED_AUTHORS):
            assert not YEAR_AFTER.match(doc.text[span.end_char : span.end_char + 8])
    speakers = set(doc._.speakers.values())
    assert "walter-kamp" in speakers
    assert doc._.actors["walter-kamp"].member_of == "dmo"


def test_committed_gazetteer_is_what_the_registers_give(shared_dir: Path) -> None:
    rows = build(shared_dir / "data")
    with GAZETTEER_FILE.open(encoding="utf-8") as lines:
        committed = [json.loads(line) for line in lines]
    assert rows == committed
    labels = {row["label"] for row in rows}
    assert {"gemeente Amsterdam", "provincie Utrecht", "ministerie van VWS", "UWV"} <= labels
    assert sum(row["class"] == "Province" for row in rows) == 12
