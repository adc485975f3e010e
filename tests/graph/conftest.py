"""Hand-made extraction records for the graph tests: two small documents sharing actors."""

from __future__ import annotations

import pytest

from ontology import (
    ActorClass,
    ActorRecord,
    DocumentExtraction,
    DocumentInfo,
    MentionRecord,
    Modality,
    RelationType,
    SentenceRecord,
    StatementRecord,
)

UTRECHT = ActorRecord(
    "gemeente-utrecht", "gemeente Utrecht", ActorClass.Municipality, aliases=("de gemeente",)
)
GGD = ActorRecord(
    "ggd-regio-utrecht",
    "GGD regio Utrecht",
    ActorClass.PublicHealthService,
    aliases=("GGD",),
    identifier="https://identifier.overheid.nl/tooi/id/oorg/oorg99999",
)
ALDERMAN = ActorRecord(
    "an-de-vries",
    "An de Vries",
    ActorClass.Person,
    role="wethouder Zorg",
    member_of="gemeente-utrecht",
)
PROVINCE = ActorRecord("provincie-utrecht", "provincie Utrecht", ActorClass.Province)


def _sentence(index: int, text: str, line: int, **extra: object) -> SentenceRecord:
    start = index * 200
    return SentenceRecord(
        index=index,
        text=text,
        start=start,
        end=start + len(text),
        line_start=line,
        line_end=line + 1,
        **extra,  # type: ignore[arg-type]
    )


def first_document() -> DocumentExtraction:
    """A document with a funded, a negated, a normative and a quoted statement."""
    sentences = (
        _sentence(0, "In 2019 subsidieerde de gemeente Utrecht de GGD regio Utrecht.", 3),
        _sentence(1, "De gemeente contracteert de GGD niet voor de jeugdzorg.", 7),
        _sentence(2, "De provincie Utrecht zou toezicht moeten houden op de GGD.", 12),
        _sentence(
            3,
            "Wethouder An de Vries overlegt elke maand met de GGD.",
            20,
            default_year=2021,
            speaker="an-de-vries",
        ),
    )
    mentions = (
        MentionRecord("gemeente-utrecht", "gemeente Utrecht", 24, 40, 0),
        MentionRecord("ggd-regio-utrecht", "GGD regio Utrecht", 44, 61, 0),
        MentionRecord("gemeente-utrecht", "gemeente", 203, 211, 1),
        MentionRecord("ggd-regio-utrecht", "GGD", 227, 230, 1),
        MentionRecord("provincie-utrecht", "provincie Utrecht", 403, 420, 2),
        MentionRecord("an-de-vries", "An de Vries", 610, 621, 3),
    )
    statements = (
        StatementRecord(
            "gemeente-utrecht",
            RelationType.funds,
            "ggd-regio-utrecht",
            0,
            confidence=0.85,
            year=2019,
            subproperty="subsidises",
        ),
        StatementRecord(
            "gemeente-utrecht", RelationType.contracts, "ggd-regio-utrecht", 1, negated=True
        ),
        StatementRecord(
            "provincie-utrecht",
            RelationType.supervises,
            "ggd-regio-utrecht",
            2,
            modality=Modality.Normative,
        ),
        StatementRecord("an-de-vries", RelationType.consultsWith, "ggd-regio-utrecht", 3),
    )
    return DocumentExtraction(
        document=DocumentInfo("a_nota", "a_nota.txt", "a" * 64, title="Nota gezondheid"),
        text="",
        sentences=sentences,
        actors=(UTRECHT, GGD, PROVINCE, ALDERMAN),
        mentions=mentions,
        statements=statements,
    )


def second_document() -> DocumentExtraction:
    """A document naming the municipality under another label, with one funding statement."""
    sentences = (_sentence(0, "De provincie betaalt de gemeente Utrecht voor de opvang.", 2),)
    municipality = ActorRecord("gemeente-utrecht", "Utrecht", ActorClass.Municipality)
    return DocumentExtraction(
        document=DocumentInfo("b_brief", "b_brief.txt", "b" * 64),
        text="",
        sentences=sentences,
        actors=(municipality, PROVINCE),
        mentions=(
            MentionRecord("provincie-utrecht", "provincie", 3, 12, 0),
            MentionRecord("gemeente-utrecht", "gemeente Utrecht", 22, 38, 0),
        ),
        statements=(
            StatementRecord("provincie-utrecht", RelationType.funds, "gemeente-utrecht", 0),
        ),
    )


@pytest.fixture
def extractions() -> list[DocumentExtraction]:
    """Both hand-made documents."""
    return [first_document(), second_document()]
