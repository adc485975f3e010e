"""The closed ``gov:`` namespace, generated from ``governance.ttl``: a typo raises instead of minting an IRI.

Regenerate with ``python -m ontology.generate_terms`` after editing the Turtle file.
"""

from rdflib import URIRef
from rdflib.namespace import DefinedNamespace, Namespace


class GOV(DefinedNamespace):
    """Governance ontology of govgraph."""

    _fail = True

    EvaluatedRelation: URIRef
    Actor: URIRef
    Organisation: URIRef
    PublicAuthority: URIRef
    NationalGovernment: URIRef
    Ministry: URIRef
    Parliament: URIRef
    Province: URIRef
    Municipality: URIRef
    MunicipalBody: URIRef
    CityDistrict: URIRef
    IntermunicipalBody: URIRef
    WaterBoard: URIRef
    ExecutiveAgency: URIRef
    PublicHealthService: URIRef
    AdvisoryBody: URIRef
    Police: URIRef
    Judiciary: URIRef
    CareProvider: URIRef
    MentalHealthProvider: URIRef
    HealthInsurer: URIRef
    HousingCorporation: URIRef
    EducationalInstitution: URIRef
    UmbrellaOrganisation: URIRef
    CivilSocietyOrganisation: URIRef
    KnowledgeInstitute: URIRef
    Company: URIRef
    PoliticalParty: URIRef
    Media: URIRef
    CitizenGroup: URIRef
    Person: URIRef
    Statement: URIRef
    Mention: URIRef
    Document: URIRef
    Modality: URIRef
    Asserted: URIRef
    Normative: URIRef
    Hypothetical: URIRef
    funds: URIRef
    contracts: URIRef
    supervises: URIRef
    steers: URIRef
    accountableTo: URIRef
    advises: URIRef
    delegatesTo: URIRef
    represents: URIRef
    partOf: URIRef
    collaboratesWith: URIRef
    consultsWith: URIRef
    conflictsWith: URIRef
    coordinates: URIRef
    supports: URIRef
    informs: URIRef
    refersTo: URIRef
    appoints: URIRef
    requests: URIRef
    subsidises: URIRef
    procures: URIRef
    inspects: URIRef
    instructs: URIRef
    obliges: URIRef
    reportsTo: URIRef
    mandates: URIRef
    decentralisesTo: URIRef
    subOrganisationOf: URIRef
    criticises: URIRef
    negotiatesWith: URIRef
    facilitates: URIRef
    dismisses: URIRef
    demands: URIRef
    fundedBy: URIRef
    contractedBy: URIRef
    supervisedBy: URIRef
    steeredBy: URIRef
    advisedBy: URIRef
    representedBy: URIRef
    hasPart: URIRef
    coordinatedBy: URIRef
    supportedBy: URIRef
    appointedBy: URIRef
    coMentionedWith: URIRef
    finerPredicate: URIRef
    evidence: URIRef
    negated: URIRef
    modality: URIRef
    confidence: URIRef
    extractor: URIRef
    lineStart: URIRef
    lineEnd: URIRef
    sentenceIndex: URIRef
    year: URIRef
    sectionYear: URIRef
    assertedBy: URIRef
    denotes: URIRef
    surface: URIRef
    start: URIRef
    end: URIRef
    role: URIRef
    contentHash: URIRef
    extractorVersion: URIRef
    sourceType: URIRef

    _NS = Namespace("https://w3id.org/govgraph/ont#")
