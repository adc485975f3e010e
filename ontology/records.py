"""Typed records that cross package borders: extraction results handed to the graph builder.

`extract` produces a `DocumentExtraction` per document; `graph` turns it into RDF. Neither
package imports the other, so these frozen dataclasses are the whole interface between them.
Actors are referred to by their canonical key (a slug such as ``gemeente-amsterdam``); the
graph package turns keys into IRIs.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class ActorClass(StrEnum):
    """Actor classes of the governance ontology (local names under ``gov:``)."""

    Actor = "Actor"
    Organisation = "Organisation"
    PublicAuthority = "PublicAuthority"
    NationalGovernment = "NationalGovernment"
    Ministry = "Ministry"
    Parliament = "Parliament"
    Province = "Province"
    Municipality = "Municipality"
    MunicipalBody = "MunicipalBody"
    CityDistrict = "CityDistrict"
    IntermunicipalBody = "IntermunicipalBody"
    WaterBoard = "WaterBoard"
    ExecutiveAgency = "ExecutiveAgency"
    PublicHealthService = "PublicHealthService"
    AdvisoryBody = "AdvisoryBody"
    Police = "Police"
    Judiciary = "Judiciary"
    CareProvider = "CareProvider"
    MentalHealthProvider = "MentalHealthProvider"
    HealthInsurer = "HealthInsurer"
    HousingCorporation = "HousingCorporation"
    EducationalInstitution = "EducationalInstitution"
    UmbrellaOrganisation = "UmbrellaOrganisation"
    CivilSocietyOrganisation = "CivilSocietyOrganisation"
    KnowledgeInstitute = "KnowledgeInstitute"
    Company = "Company"
    PoliticalParty = "PoliticalParty"
    Media = "Media"
    CitizenGroup = "CitizenGroup"
    Person = "Person"


class RelationType(StrEnum):
    """The 18 evaluated relation properties of the contract (local names under ``gov:``)."""

    funds = "funds"
    contracts = "contracts"
    supervises = "supervises"
    steers = "steers"
    accountableTo = "accountableTo"
    advises = "advises"
    delegatesTo = "delegatesTo"
    represents = "represents"
    partOf = "partOf"
    collaboratesWith = "collaboratesWith"
    consultsWith = "consultsWith"
    conflictsWith = "conflictsWith"
    coordinates = "coordinates"
    supports = "supports"
    informs = "informs"
    refersTo = "refersTo"
    appoints = "appoints"
    requests = "requests"

    @property
    def symmetric(self) -> bool:
        """True for the properties whose direction does not matter."""
        return self in SYMMETRIC_RELATIONS


SYMMETRIC_RELATIONS = frozenset(
    {RelationType.collaboratesWith, RelationType.consultsWith, RelationType.conflictsWith}
)


class Modality(StrEnum):
    """How a statement is put: as fact, as norm, or as possibility/plan."""

    Asserted = "Asserted"
    Normative = "Normative"
    Hypothetical = "Hypothetical"


@dataclass(frozen=True)
class DocumentInfo:
    """A source document and its optional metadata."""

    doc_id: str  # the file name without extension, e.g. "001_696cbeef0d951d60"
    file_name: str  # the file's own name, e.g. "001_696cbeef0d951d60.txt"
    content_hash: str  # sha256 of the raw bytes, for incremental builds
    title: str | None = None
    date: str | None = None
    author: str | None = None
    source_type: str | None = None  # dissertation, essay, news, council paper ...
    extractor_version: str | None = None  # fingerprint of the extraction code that read it


@dataclass(frozen=True)
class SentenceRecord:
    """One cleaned sentence with its place in the cleaned text and in the raw file."""

    index: int
    text: str
    start: int  # offset in the cleaned text
    end: int
    line_start: int  # 1-based, inclusive, in the raw file
    line_end: int
    section: str | None = None  # heading of the section the sentence is in
    default_year: int | None = None  # year given by the section heading, e.g. "(najaar 2002)"
    speaker: str | None = None  # actor key of a quoted speaker, when the sentence is a quote


@dataclass(frozen=True)
class ActorRecord:
    """A canonical actor: one node per real actor across documents and runs."""

    key: str  # canonical slug, stable across runs: "gemeente-amsterdam"
    label: str  # skos:prefLabel
    actor_class: ActorClass
    aliases: tuple[str, ...] = ()
    identifier: str | None = None  # official identifier IRI (TOOI, register), when known
    role: str | None = None  # for persons: "wethouder Zorg"
    member_of: str | None = None  # for persons: actor key of the organisation


@dataclass(frozen=True)
class MentionRecord:
    """A stretch of cleaned text that names an actor."""

    actor_key: str
    surface: str
    start: int  # offsets in the cleaned text
    end: int
    sentence_index: int


@dataclass(frozen=True)
class StatementRecord:
    """A relation stated in one sentence, negated or not."""

    subject: str  # actor key
    predicate: RelationType
    object: str  # actor key
    sentence_index: int
    negated: bool = False
    modality: Modality = Modality.Asserted
    confidence: float = 0.5
    extractor: str = "pattern"
    year: int | None = None
    asserted_by: str | None = None  # actor key of a quoted speaker
    subproperty: str | None = None  # finer gov: property under `predicate`, e.g. "subsidises"


@dataclass(frozen=True)
class DocumentExtraction:
    """Everything extracted from one document: the unit the graph builder consumes."""

    document: DocumentInfo
    text: str  # the cleaned text that offsets refer to
    sentences: tuple[SentenceRecord, ...] = ()
    actors: tuple[ActorRecord, ...] = ()
    mentions: tuple[MentionRecord, ...] = ()
    statements: tuple[StatementRecord, ...] = ()
