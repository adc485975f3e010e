"""gov_relations: year, speaker, confidence, sentence index, sub-properties and its data file."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import spacy

from extract.relation_lexicon import LexiconError, load_lexicon, parse_lexicon
from ontology import GOV, RelationType
from tests.extract.test_relations_support import Actor, build_doc, pipeline, statements

GEMEENTE = ("de gemeente", "gemeente-utrecht", "Municipality")
GGD = ("de GGD", "ggd-utrecht", "PublicHealthService")


def test_year_stated_in_the_sentence_wins_over_the_section_default() -> None:
    [found] = statements(
        "In 1998 financierde de gemeente de GGD.", [GEMEENTE, GGD], default_year=2002
    )
    assert found.year == 1998


def test_a_section_year_is_not_the_statement_year() -> None:
    # The heading's year reaches the graph as gov:sectionYear, from the sentence record.
    [found] = statements("De gemeente financierde de GGD.", [GEMEENTE, GGD], default_year=2002)
    assert found.year is None


def test_no_year_at_all_stays_empty() -> None:
    [found] = statements("De gemeente financierde de GGD.", [GEMEENTE, GGD])
    assert found.year is None


def test_role_membership_carries_no_year() -> None:
    [found] = statements(
        "In 2001 sprak Jan Smit, directeur van de GGD, de raad toe.",
        [("Jan Smit", "jan-smit", "Person"), GGD],
        default_year=2002,
    )
    assert (found.predicate, found.year) == (RelationType.partOf, None)


def test_quoted_speaker_is_the_asserter() -> None:
    [found] = statements(
        "De gemeente financiert de GGD al jaren.", [GEMEENTE, GGD], speakers={0: "jan-smit"}
    )
    assert found.asserted_by == "jan-smit"


def test_narrator_statement_has_no_asserter() -> None:
    [found] = statements("De gemeente financiert de GGD al jaren.", [GEMEENTE, GGD])
    assert found.asserted_by is None


@pytest.mark.parametrize(
    ("sentence", "actors", "predicate", "subproperty"),
    [
        ("De gemeente subsidieert de GGD.", [GEMEENTE, GGD], RelationType.funds, "subsidises"),
        (
            "De gemeente verplichtte de GGD tot meer screening.",
            [GEMEENTE, GGD],
            RelationType.steers,
            "obliges",
        ),
        (
            "De GGD uitte kritiek op de gemeente.",
            [GGD, GEMEENTE],
            RelationType.conflictsWith,
            "criticises",
        ),
        (
            "De afdeling Jeugd van de GGD opende.",
            [("De afdeling Jeugd", "ggd-jeugd", "PublicHealthService"), GGD],
            RelationType.partOf,
            "subOrganisationOf",
        ),
        ("De gemeente financiert de GGD.", [GEMEENTE, GGD], RelationType.funds, None),
    ],
)
def test_finer_cue_names_its_subproperty(
    sentence: str, actors: list[Actor], predicate: RelationType, subproperty: str | None
) -> None:
    [found] = statements(sentence, actors)
    assert (found.predicate, found.subproperty) == (predicate, subproperty)


def test_every_subproperty_is_an_ontology_term() -> None:
    names = {entry.subproperty for entry in load_lexicon().relations if entry.subproperty}
    assert names and all(GOV[name] for name in names | {"subOrganisationOf"})


def test_confidence_follows_the_evidence() -> None:
    [between] = statements("De gemeente financiert de GGD.", [GEMEENTE, GGD])
    [elsewhere] = statements("De GGD wordt door de gemeente gefinancierd.", [GGD, GEMEENTE])
    [nominal] = statements(
        "Het zorgkantoor (de financier van de GGD) zweeg.",
        [("Het zorgkantoor", "zorgkantoor", "HealthInsurer"), GGD],
    )
    assert between.predicate == elsewhere.predicate == nominal.predicate == RelationType.funds
    assert 0 < nominal.confidence < elsewhere.confidence < between.confidence <= 1


def test_statements_point_to_their_own_segment() -> None:
    doc = build_doc(
        ["De GGD opende een nieuwe vestiging.", "De gemeente financiert de GGD."],
        [GGD, GEMEENTE, GGD],
    )
    found = pipeline().get_pipe("gov_relations")(doc)._.statements
    assert [(s.subject, s.sentence_index) for s in found] == [("gemeente-utrecht", 1)]


def test_headings_give_nothing() -> None:
    doc = build_doc(["Samenwerking tussen de gemeente en de GGD"], [GEMEENTE, GGD], kind="heading")
    assert pipeline().get_pipe("gov_relations")(doc)._.statements == []


def test_every_property_has_cues_in_the_lexicon() -> None:
    covered = {entry.prop for entry in load_lexicon().relations}
    assert covered == set(RelationType)


def test_component_reads_the_lexicon_file_it_is_given(tmp_path: Path) -> None:
    lexicon = tmp_path / "cues.jsonl"
    row = {"kind": "relation", "property": "supports", "frame": "verb", "cues": ["bemoedigen"]}
    lexicon.write_text(json.dumps(row) + "\n", encoding="utf-8")
    nlp = spacy.blank("nl")
    component = nlp.add_pipe("gov_relations", config={"lexicon_path": str(lexicon)})
    sentence = "De gemeente bemoedigt de GGD."
    found = component(build_doc([sentence], [GEMEENTE, GGD]))._.statements
    assert [(s.subject, s.predicate, s.object) for s in found] == [
        ("gemeente-utrecht", RelationType.supports, "ggd-utrecht")
    ]
    assert (
        pipeline().get_pipe("gov_relations")(build_doc([sentence], [GEMEENTE, GGD]))._.statements
        == []
    )


@pytest.mark.parametrize(
    ("line", "message"),
    [
        (
            '{"kind": "relation", "property": "pays", "frame": "verb", "cues": ["x"]}',
            "unknown or missing property 'pays'",
        ),
        (
            '{"kind": "relation", "property": "funds", "frame": "sideways", "cues": ["x"]}',
            "frame 'sideways'",
        ),
        (
            '{"kind": "relation", "property": "funds", "frame": "verb", "cues": []}',
            "non-empty 'cues'",
        ),
        ('{"kind": "relation", "property": "funds"', "not valid JSON"),
        ('{"kind": "synonym", "cues": ["x"]}', "unknown kind 'synonym'"),
    ],
)
def test_malformed_lexicon_line_is_reported_with_file_and_line(line: str, message: str) -> None:
    with pytest.raises(LexiconError) as raised:
        parse_lexicon(["", line], "cues.jsonl")
    assert "cues.jsonl, line 2" in str(raised.value)
    assert message in str(raised.value)


def test_missing_lexicon_file_is_named(tmp_path: Path) -> None:
    missing = tmp_path / "absent.jsonl"
    with pytest.raises(LexiconError, match="absent.jsonl"):
        load_lexicon(str(missing))


def test_doc_without_segments_gives_no_statements() -> None:
    doc = pipeline().make_doc("De gemeente financiert de GGD.")
    assert pipeline().get_pipe("gov_relations")(doc)._.statements == []


def test_spans_without_key_or_with_unknown_class_are_ignored() -> None:
    doc = build_doc(
        ["De gemeente financiert de GGD en de politie."],
        [GEMEENTE, ("de GGD", "", "PublicHealthService"), ("de politie", "politie", "Policeforce")],
    )
    assert pipeline().get_pipe("gov_relations")(doc)._.statements == []
