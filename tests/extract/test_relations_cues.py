"""gov_relations on more Dutch cues and constructions: possessed objects, quantities, mandates."""

from __future__ import annotations

import pytest

from tests.extract.test_relations_support import (
    ASSERTED,
    HYPOTHETICAL,
    NORMATIVE,
    Actor,
    Fact,
    facts,
    statements,
)

GEMEENTE = ("de gemeente", "gemeente-leiden", "Municipality")
GGD = ("de GGD", "ggd-hollands-midden", "PublicHealthService")
POLITIE = ("de politie", "politie-den-haag", "Police")
PROVINCIE = ("de provincie", "provincie-zuid-holland", "Province")
INSPECTIE = ("de inspectie", "igj", "ExecutiveAgency")
RIJK = ("het Rijk", "rijk", "NationalGovernment")
WIJKTEAM = ("het wijkteam", "wijkteam-leiden", "MunicipalBody")
MINISTERIE = ("het ministerie", "ministerie-vws", "Ministry")
RAAD = ("de raad", "raad-leiden", "MunicipalBody")

POSITIVE: list[tuple[str, str, list[Actor], set[Fact]]] = [
    (
        "coordinating the work of two actors",
        "De gemeente coördineert sinds kort het werk van de GGD en de politie.",
        [GEMEENTE, GGD, POLITIE],
        {
            ("gemeente-leiden", "coordinates", "ggd-hollands-midden", False, ASSERTED),
            ("gemeente-leiden", "coordinates", "politie-den-haag", False, ASSERTED),
        },
    ),
    (
        "passive coordination of someone's deployment",
        "Bij de brand werd de inzet van de GGD door de provincie gecoördineerd.",
        [GGD, PROVINCIE],
        {("provincie-zuid-holland", "coordinates", "ggd-hollands-midden", False, ASSERTED)},
    ),
    (
        "regie voeren over the work of an actor",
        "Het is bekend dat de gemeente de regie voert over de inzet van de GGD.",
        [GEMEENTE, GGD],
        {("gemeente-leiden", "coordinates", "ggd-hollands-midden", False, ASSERTED)},
    ),
    (
        "funding the campaign of an actor",
        "De provincie bekostigde in het voorjaar de griepcampagne van de GGD.",
        [PROVINCIE, GGD],
        {("provincie-zuid-holland", "funds", "ggd-hollands-midden", False, ASSERTED)},
    ),
    (
        "supervision over a quantity of actors",
        "De inspectie houdt toezicht op ongeveer 250 zorgaanbieders in de regio.",
        [INSPECTIE, ("zorgaanbieders", "zorgaanbieders", "CareProvider")],
        {("igj", "supervises", "zorgaanbieders", False, ASSERTED)},
    ),
    (
        "supervising the quality of an actor's work",
        "De inspectie houdt toezicht op de kwaliteit van de GGD.",
        [INSPECTIE, GGD],
        {("igj", "supervises", "ggd-hollands-midden", False, ASSERTED)},
    ),
    (
        "a promise to grant means, separable verb",
        "De provincie zegde toe de middelen toe te kennen aan de GGD.",
        [PROVINCIE, GGD],
        {("provincie-zuid-holland", "funds", "ggd-hollands-midden", False, HYPOTHETICAL)},
    ),
    (
        "working under someone's direction is coordination, not steering",
        "Het wijkteam werkt sinds maart onder regie van de gemeente.",
        [WIJKTEAM, GEMEENTE],
        {("gemeente-leiden", "coordinates", "wijkteam-leiden", False, ASSERTED)},
    ),
    (
        "keeping an actor up to date informs it",
        "De politie houdt de GGD wekelijks op de hoogte.",
        [POLITIE, GGD],
        {("politie-den-haag", "informs", "ggd-hollands-midden", False, ASSERTED)},
    ),
    (
        "a plan as the thing asked for is no intention",
        "De gemeente verzocht de GGD een plan van aanpak te schrijven.",
        [GEMEENTE, GGD],
        {("gemeente-leiden", "requests", "ggd-hollands-midden", False, ASSERTED)},
    ),
    (
        "with the help of an actor is support from it",
        "De gemeente coördineert de zorg met de hulp van de GGD.",
        [GEMEENTE, GGD],
        {("ggd-hollands-midden", "supports", "gemeente-leiden", False, ASSERTED)},
    ),
    (
        "with the support of an actor, at the start of the sentence",
        "Met steun van de provincie opent de GGD een nieuw centrum.",
        [PROVINCIE, GGD],
        {("provincie-zuid-holland", "supports", "ggd-hollands-midden", False, ASSERTED)},
    ),
    (
        "paying an amount to an actor",
        "De provincie betaalde dit jaar bijna 3 miljoen euro aan de GGD.",
        [PROVINCIE, GGD],
        {("provincie-zuid-holland", "funds", "ggd-hollands-midden", False, ASSERTED)},
    ),
    (
        "compensating is funding",
        "Het Rijk compenseert de gemeente voor de hogere kosten van de opvang.",
        [RIJK, GEMEENTE],
        {("rijk", "funds", "gemeente-leiden", False, ASSERTED)},
    ),
    (
        "accountable to its own board",
        "Het wijkteam legt elk kwartaal verantwoording af aan zijn eigen stuurgroep.",
        [WIJKTEAM, ("stuurgroep", "stuurgroep", "MunicipalBody")],
        {("wijkteam-leiden", "accountableTo", "stuurgroep", False, ASSERTED)},
    ),
    (
        "referring clients in a passive clause names the target, not the clients",
        "Ouderen worden door het wijkteam vaak doorverwezen naar de GGD.",
        [("Ouderen", "ouderen", "CitizenGroup"), WIJKTEAM, GGD],
        {("wijkteam-leiden", "refersTo", "ggd-hollands-midden", False, ASSERTED)},
    ),
    (
        "referring clients in an active clause names the target, not the clients",
        "Het wijkteam verwijst ouderen vaak door naar de GGD.",
        [WIJKTEAM, ("ouderen", "ouderen", "CitizenGroup"), GGD],
        {("wijkteam-leiden", "refersTo", "ggd-hollands-midden", False, ASSERTED)},
    ),
    (
        "a mandate given to an actor",
        "De gemeente wil het mandaat aan de GGD met twee jaar verlengen.",
        [GEMEENTE, GGD],
        {("gemeente-leiden", "delegatesTo", "ggd-hollands-midden", False, HYPOTHETICAL)},
    ),
    (
        "sharing data informs",
        "De politie deelt haar gegevens voortaan met de GGD.",
        [POLITIE, GGD],
        {("politie-den-haag", "informs", "ggd-hollands-midden", False, ASSERTED)},
    ),
    (
        "praten met is consultation",
        "De provincie praat deze maand met de gemeente over de begroting.",
        [PROVINCIE, GEMEENTE],
        {("gemeente-leiden", "consultsWith", "provincie-zuid-holland", False, ASSERTED)},
    ),
    (
        "overhoop liggen is conflict",
        "De gemeente en de GGD liggen al maanden overhoop over de wachtlijsten.",
        [GEMEENTE, GGD],
        {("gemeente-leiden", "conflictsWith", "ggd-hollands-midden", False, ASSERTED)},
    ),
    (
        "united in an umbrella body",
        "De huurders hebben zich verenigd in de Huurdersbond Leiden.",
        [
            ("De huurders", "huurders", "CitizenGroup"),
            ("de Huurdersbond Leiden", "huurdersbond", "CivilSocietyOrganisation"),
        ],
        {("huurders", "partOf", "huurdersbond", False, ASSERTED)},
    ),
    (
        "asked by its past tense form",
        "De gemeenteraad vroeg het college om een nieuwe nota.",
        [
            ("De gemeenteraad", "raad-leiden", "MunicipalBody"),
            ("het college", "college-leiden", "MunicipalBody"),
        ],
        {("raad-leiden", "requests", "college-leiden", False, ASSERTED)},
    ),
]

NEGATED: list[tuple[str, str, list[Actor], set[Fact]]] = [
    (
        "not funding the beds of an actor",
        "De provincie financiert de extra bedden van de GGD dit jaar niet.",
        [PROVINCIE, GGD],
        {("provincie-zuid-holland", "funds", "ggd-hollands-midden", True, ASSERTED)},
    ),
    (
        "not compensated",
        "Het Rijk heeft de gemeente nooit gecompenseerd voor de tekorten.",
        [RIJK, GEMEENTE],
        {("rijk", "funds", "gemeente-leiden", True, ASSERTED)},
    ),
    (
        "not coordinating the work of an actor",
        "De gemeente coördineert het werk van de GGD nog niet.",
        [GEMEENTE, GGD],
        {("gemeente-leiden", "coordinates", "ggd-hollands-midden", True, ASSERTED)},
    ),
    (
        "never paid an amount to an actor",
        "Het Rijk heeft nooit geld betaald aan de gemeente.",
        [RIJK, GEMEENTE],
        {("rijk", "funds", "gemeente-leiden", True, ASSERTED)},
    ),
    (
        "not demanding that an actor acts",
        "De provincie eist niet dat de GGD haar werk stopt.",
        [PROVINCIE, GGD],
        {("provincie-zuid-holland", "requests", "ggd-hollands-midden", True, ASSERTED)},
    ),
    (
        "never referred to an actor in a passive clause",
        "Ouderen worden door het wijkteam nooit naar de GGD doorverwezen.",
        [("Ouderen", "ouderen", "CitizenGroup"), WIJKTEAM, GGD],
        {("wijkteam-leiden", "refersTo", "ggd-hollands-midden", True, ASSERTED)},
    ),
    (
        "never sitting at the table together",
        "De politie zat nooit met de gemeente aan tafel.",
        [POLITIE, GEMEENTE],
        {("gemeente-leiden", "consultsWith", "politie-den-haag", True, ASSERTED)},
    ),
]

NOTHING: list[tuple[str, str, list[Actor]]] = [
    (
        "help to citizens is care, not support between actors",
        "Met hulp van de GGD vonden de bewoners een woning.",
        [GGD, ("de bewoners", "bewoners", "CitizenGroup")],
    ),
    (
        "an activity judged by an actor is not its task",
        "Toezicht op de zorgaanbieders is volgens de inspectie nodig.",
        [("de zorgaanbieders", "zorgaanbieders", "CareProvider"), INSPECTIE],
    ),
    (
        "an owner of the supervised is not the supervisor",
        "Het toezicht op de zorgaanbieders van de gemeente faalt.",
        [("de zorgaanbieders", "zorgaanbieders", "CareProvider"), GEMEENTE],
    ),
    (
        "participating members named with a present participle",
        "Het wijkteam werkt voor de deelnemende gemeenten.",
        [WIJKTEAM, ("gemeenten", "gemeenten", "Municipality")],
    ),
    (
        "a present participle before its noun is no verb",
        "De coördinerende provincie belde gisteren de GGD.",
        [("provincie", "provincie-zuid-holland", "Province"), GGD],
    ),
    (
        "joining the findings of an actor is no membership of it",
        "De GGD sloot aan bij de eerdere bevindingen van de inspectie.",
        [GGD, INSPECTIE],
    ),
    (
        "an owner inside a prepositional phrase with a year is no object",
        "De wethouder meldt in het jaarverslag 2022 van de GGD weinig.",
        [("De wethouder", "wethouder", "Person"), GGD],
    ),
    (
        "paying an invoice of an actor is no funding",
        "De provincie betaalde de factuur van de GGD te laat.",
        [PROVINCIE, GGD],
    ),
    (
        "an owner inside a prepositional phrase is no object",
        "De gemeente coördineert de zorg in de wijken van de GGD.",
        [GEMEENTE, GGD],
    ),
    (
        "a passive without its agent names one side only",
        "De inzet van de GGD en de politie wordt gecoördineerd.",
        [GGD, POLITIE],
    ),
    (
        "a year before an actor is no preposition's quantity",
        "Volgens de GGD financierde in 2021 de provincie geen enkel project.",
        [GGD, PROVINCIE],
    ),
    (
        "referring a client group gives no edge to the clients",
        "Het wijkteam verwijst de ouderen door.",
        [WIJKTEAM, ("de ouderen", "ouderen", "CitizenGroup")],
    ),
]


REQUESTS: list[tuple[str, str, list[Actor], set[Fact]]] = [
    (
        "asking someone in an om clause, planned",
        "De wethouder is van plan de provincie om extra geld te vragen.",
        [("De wethouder", "wethouder", "Person"), PROVINCIE],
        {("wethouder", "requests", "provincie-zuid-holland", False, HYPOTHETICAL)},
    ),
    (
        "never asked for help, verb in the om clause",
        "Volgens de krant heeft de gemeente de GGD nooit om hulp gevraagd.",
        [("de krant", "krant", "Media"), GEMEENTE, GGD],
        {("gemeente-leiden", "requests", "ggd-hollands-midden", True, ASSERTED)},
    ),
    (
        "demanding that two actors act",
        "De ondernemersvereniging eiste vorige week dat de gemeente en de politie optreden.",
        [("De ondernemersvereniging", "ondernemers", "CivilSocietyOrganisation")]
        + [GEMEENTE, POLITIE],
        {
            ("ondernemers", "requests", "gemeente-leiden", False, ASSERTED),
            ("ondernemers", "requests", "politie-den-haag", False, ASSERTED),
        },
    ),
    (
        "a proposal's dat clause has its own subject",
        "De raad stelt voor dat de gemeente het mandaat aan de GGD verlengt.",
        [("De raad", "raad-leiden", "MunicipalBody"), GEMEENTE, GGD],
        {("gemeente-leiden", "delegatesTo", "ggd-hollands-midden", False, HYPOTHETICAL)},
    ),
    (
        "what is demanded in a dat clause is hypothetical",
        "De inspectie eist dat de GGD en de politie beter samenwerken.",
        [INSPECTIE, GGD, POLITIE],
        {
            ("igj", "requests", "ggd-hollands-midden", False, ASSERTED),
            ("igj", "requests", "politie-den-haag", False, ASSERTED),
            ("ggd-hollands-midden", "collaboratesWith", "politie-den-haag", False, HYPOTHETICAL),
        },
    ),
    (
        "what is reported in a dat clause stays asserted",
        "De inspectie meldt dat de GGD en de politie goed samenwerken.",
        [INSPECTIE, GGD, POLITIE],
        {("ggd-hollands-midden", "collaboratesWith", "politie-den-haag", False, ASSERTED)},
    ),
]

JANSEN = ("Jan Jansen", "jan-jansen", "Person")

ROLES_AND_INITIATORS: list[tuple[str, str, list[Actor], set[Fact]]] = [
    (
        "appointed tot a role of an organisation",
        "De gemeente benoemde Jan Jansen tot directeur van de GGD.",
        [GEMEENTE, JANSEN, GGD],
        {
            ("gemeente-leiden", "appoints", "jan-jansen", False, ASSERTED),
            ("jan-jansen", "partOf", "ggd-hollands-midden", False, ASSERTED),
        },
    ),
    (
        "designated as a member of an organisation's board",
        "Het college heeft Jan Jansen aangewezen als lid van het bestuur van de GGD.",
        [("Het college", "college-leiden", "MunicipalBody"), JANSEN, GGD],
        {
            ("college-leiden", "appoints", "jan-jansen", False, ASSERTED),
            ("jan-jansen", "partOf", "ggd-hollands-midden", False, ASSERTED),
        },
    ),
    (
        "an attribution with a team chief",
        "Dat klopt. (Jan Jansen, teamchef politie Den Haag)",
        [JANSEN, ("politie Den Haag", "politie-den-haag", "Police")],
        {("jan-jansen", "partOf", "politie-den-haag", False, ASSERTED)},
    ),
    (
        "a role after the person's first affiliation",
        "Wethouder Jan Jansen van Leiden, voorzitter van de GGD, opende het congres.",
        [JANSEN, ("Leiden", "gemeente-leiden", "Municipality"), GGD],
        {
            ("jan-jansen", "partOf", "gemeente-leiden", False, ASSERTED),
            ("jan-jansen", "partOf", "ggd-hollands-midden", False, ASSERTED),
        },
    ),
    (
        "a second affiliation needs a role",
        "Jan Jansen van Leiden, een inwoner, kent de GGD.",
        [JANSEN, ("Leiden", "gemeente-leiden", "Municipality"), GGD],
        {("jan-jansen", "partOf", "gemeente-leiden", False, ASSERTED)},
    ),
    (
        "proposing to the council asks it",
        "Het college stelt de raad voor om het plan goed te keuren.",
        [("Het college", "college-leiden", "MunicipalBody"), RAAD],
        {("college-leiden", "requests", "raad-leiden", False, ASSERTED)},
    ),
    (
        "telling a newspaper informs it",
        "Dat zegt Jan Jansen tegen de Leidse Courant.",
        [JANSEN, ("de Leidse Courant", "leidse-courant", "Media")],
        {("jan-jansen", "informs", "leidse-courant", False, ASSERTED)},
    ),
    (
        "a passive whose initiator stands after op initiatief van",
        "Op initiatief van de gemeente werd het adviesbureau Berenschot ingehuurd.",
        [GEMEENTE, ("het adviesbureau Berenschot", "berenschot", "Company")],
        {("gemeente-leiden", "contracts", "berenschot", False, ASSERTED)},
    ),
]

APPOSITIONS: list[tuple[str, str, list[Actor], set[Fact]]] = [
    (
        "united in an umbrella, said in an apposition",
        "Ook de waterschappen, verenigd in de Unie van Waterschappen, willen meer geld.",
        [
            ("de waterschappen", "waterschappen", "WaterBoard"),
            ("de Unie van Waterschappen", "uvw", "UmbrellaOrganisation"),
        ],
        {("waterschappen", "partOf", "uvw", False, ASSERTED)},
    ),
    (
        "the main clause after an apposition keeps its subject",
        "De huisartsen, aangesloten bij de coöperatie Zorgdraad, steunen de GGD.",
        [
            ("De huisartsen", "huisartsen", "CareProvider"),
            ("de coöperatie Zorgdraad", "zorgdraad", "CareProvider"),
            GGD,
        ],
        {
            ("huisartsen", "partOf", "zorgdraad", False, ASSERTED),
            ("huisartsen", "supports", "ggd-hollands-midden", False, ASSERTED),
        },
    ),
    (
        "a passive apposition and a symmetric main clause",
        "De GGD, gefinancierd door de gemeente, werkt samen met de politie.",
        [GGD, GEMEENTE, POLITIE],
        {
            ("gemeente-leiden", "funds", "ggd-hollands-midden", False, ASSERTED),
            ("ggd-hollands-midden", "collaboratesWith", "politie-den-haag", False, ASSERTED),
        },
    ),
]

ELLIPTIC_DENIALS: list[tuple[str, str, list[Actor], set[Fact]]] = [
    (
        "accountable to one and, elliptically, not to another",
        "Het wijkteam legt verantwoording af aan de raad en niet aan het ministerie.",
        [WIJKTEAM, RAAD, MINISTERIE],
        {
            ("wijkteam-leiden", "accountableTo", "raad-leiden", False, ASSERTED),
            ("wijkteam-leiden", "accountableTo", "ministerie-vws", True, ASSERTED),
        },
    ),
    (
        "supervised by one, not by another: the denied actor is the subject",
        "De GGD staat onder toezicht van de inspectie, niet van het ministerie.",
        [GGD, INSPECTIE, MINISTERIE],
        {
            ("igj", "supervises", "ggd-hollands-midden", False, ASSERTED),
            ("ministerie-vws", "supervises", "ggd-hollands-midden", True, ASSERTED),
        },
    ),
    (
        "funding one, but not the other direct object",
        "De gemeente financiert de GGD, maar niet de politie.",
        [GEMEENTE, GGD, POLITIE],
        {
            ("gemeente-leiden", "funds", "ggd-hollands-midden", False, ASSERTED),
            ("gemeente-leiden", "funds", "politie-den-haag", True, ASSERTED),
        },
    ),
    (
        "a denial in another slot denies nothing",
        "De gemeente financiert de GGD en niet met de politie.",
        [GEMEENTE, GGD, POLITIE],
        {("gemeente-leiden", "funds", "ggd-hollands-midden", False, ASSERTED)},
    ),
]

CLAUSES: list[tuple[str, str, list[Actor], set[Fact]]] = [
    (
        "an activity that is the task of an actor, and elliptically not of another",
        "Toezicht op de zorgaanbieders is een taak van de inspectie en niet van de gemeente.",
        [("de zorgaanbieders", "zorgaanbieders", "CareProvider"), INSPECTIE, GEMEENTE],
        {
            ("igj", "supervises", "zorgaanbieders", False, ASSERTED),
            ("gemeente-leiden", "supervises", "zorgaanbieders", True, ASSERTED),
        },
    ),
    (
        "direction that is the responsibility of an actor",
        "De regie over de GGD is de verantwoordelijkheid van de provincie.",
        [GGD, PROVINCIE],
        {("provincie-zuid-holland", "coordinates", "ggd-hollands-midden", False, ASSERTED)},
    ),
    (
        "a verb phrase after ', maar' keeps the subject",
        "De provincie steunde de GGD, maar overlegde nooit met de gemeente.",
        [PROVINCIE, GGD, GEMEENTE],
        {
            ("provincie-zuid-holland", "supports", "ggd-hollands-midden", False, ASSERTED),
            ("gemeente-leiden", "consultsWith", "provincie-zuid-holland", True, ASSERTED),
        },
    ),
    (
        "an auxiliary and an article after ', maar' bring their own subject",
        "De gemeente kreeg nieuwe taken, maar dienen de wijkteams gegevens te leveren aan de GGD.",
        [GEMEENTE, ("de wijkteams", "wijkteams", "MunicipalBody"), GGD],
        {("wijkteams", "informs", "ggd-hollands-midden", False, NORMATIVE)},
    ),
    (
        "an om clause lends no subject to an inverted main clause",
        "Het Rijk hielp om de wet van de gemeente (WMO) uit te voeren en kregen de wijkteams"
        " de opdracht samen met de politie te werken.",
        [RIJK, GEMEENTE, ("de wijkteams", "wijkteams", "MunicipalBody"), POLITIE],
        {("politie-den-haag", "collaboratesWith", "wijkteams", False, ASSERTED)},
    ),
    (
        "a list of plain noun phrases keeps the clause whole",
        "In 2015 droeg het Rijk de jeugdzorg, de ouderenzorg en het werk over aan de gemeente.",
        [RIJK, GEMEENTE],
        {("rijk", "delegatesTo", "gemeente-leiden", False, ASSERTED)},
    ),
    (
        "an abbreviation in brackets after an actor cuts no clause",
        "Toch stuurt het ministerie van Justitie en Veiligheid (JenV) de politie met regels aan.",
        [("het ministerie van Justitie en Veiligheid", "jenv", "Ministry"), POLITIE],
        {("jenv", "steers", "politie-den-haag", False, ASSERTED)},
    ),
    (
        "an actor restated in brackets is not its own object",
        "Toch stuurt het ministerie van Justitie en Veiligheid (JenV) de politie met regels aan.",
        [
            ("het ministerie van Justitie en Veiligheid", "jenv", "Ministry"),
            ("JenV", "jenv", "Ministry"),
            POLITIE,
        ],
        {("jenv", "steers", "politie-den-haag", False, ASSERTED)},
    ),
    (
        "a comma before a new main clause still cuts",
        "De gemeente financiert de opvang, de wethouder steunt de politie en de GGD.",
        [GEMEENTE, POLITIE, GGD],
        set(),
    ),
]

NO_REQUEST: list[tuple[str, str, list[Actor]]] = [
    (
        "a helping verb in an om clause does not reach back",
        "De provincie belde de GGD om te helpen.",
        [PROVINCIE, GGD],
    ),
    (
        "an apposition of an actor after volgens has no subject",
        "Volgens de GGD, opgericht in 1990, is de politie te laat.",
        [GGD, POLITIE],
    ),
    (
        "an apposition after a prepositional actor lends it to nothing",
        "Het rapport over de GGD, gepubliceerd door de inspectie, is kritisch.",
        [GGD, INSPECTIE],
    ),
    (
        "imagining something is no proposal",
        "De raad kan zich het besluit van het college goed voorstellen.",
        [RAAD, ("het college", "college-leiden", "MunicipalBody")],
    ),
    (
        "saying no to an actor informs it of nothing",
        "De GGD zegt nee tegen de gemeente.",
        [GGD, GEMEENTE],
    ),
    (
        "saying something about an actor is no informing",
        "Jan Jansen zegt dat hij tegen de gemeente is.",
        [JANSEN, GEMEENTE],
    ),
    (
        "speaking to the members of an organisation is no membership",
        "Jan Jansen sprak tot de leden van de GGD.",
        [JANSEN, GGD],
    ),
    (
        "an initiative in an active clause is not the hirer",
        "Op initiatief van de gemeente huurde de GGD een adviseur in.",
        [GEMEENTE, GGD],
    ),
    (
        "a relative dat clause after the asked thing names no addressee",
        "De provincie vraagt om een plan dat de GGD al kent.",
        [PROVINCIE, GGD],
    ),
]


@pytest.mark.parametrize(
    ("sentence", "actors", "expected"),
    [
        pytest.param(s, a, e, id=i)
        for cases in (
            POSITIVE,
            NEGATED,
            REQUESTS,
            ROLES_AND_INITIATORS,
            APPOSITIONS,
            ELLIPTIC_DENIALS,
            CLAUSES,
        )
        for i, s, a, e in cases
    ],
)
def test_cue_gives_exact_facts(sentence: str, actors: list[Actor], expected: set[Fact]) -> None:
    assert facts(sentence, actors) == expected


@pytest.mark.parametrize(
    ("sentence", "actors"), [pytest.param(s, a, id=i) for i, s, a in NOTHING + NO_REQUEST]
)
def test_sentence_gives_nothing(sentence: str, actors: list[Actor]) -> None:
    assert facts(sentence, actors) == set()


def test_an_owned_object_is_weaker_evidence_than_a_direct_one() -> None:
    [direct] = statements("De gemeente coördineert de GGD.", [GEMEENTE, GGD])
    [owned] = statements("De gemeente coördineert het werk van de GGD.", [GEMEENTE, GGD])
    assert (direct.object, owned.object) == ("ggd-hollands-midden", "ggd-hollands-midden")
    assert owned.confidence < direct.confidence


def test_an_initiator_is_weaker_evidence_than_a_door_agent() -> None:
    hired = ("het bureau Berenschot", "berenschot", "Company")
    [agent] = statements(
        "Het bureau Berenschot werd door de gemeente ingehuurd.", [hired, GEMEENTE]
    )
    [initiator] = statements(
        "Op initiatief van de gemeente werd het bureau Berenschot ingehuurd.", [GEMEENTE, hired]
    )
    assert (agent.subject, initiator.subject) == ("gemeente-leiden", "gemeente-leiden")
    assert initiator.confidence < agent.confidence
