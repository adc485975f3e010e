"""gov_relations on sentences written for these tests: each case asserts the exact facts."""

from __future__ import annotations

import pytest

from tests.extract.test_relations_support import (
    ASSERTED,
    HYPOTHETICAL,
    NORMATIVE,
    Actor,
    Fact,
    facts,
)

GEMEENTE = ("de gemeente", "gemeente-utrecht", "Municipality")
GGD = ("de GGD", "ggd-utrecht", "PublicHealthService")
POLITIE = ("de politie", "politie-utrecht", "Police")
ARKIN = ("Arkin", "arkin", "MentalHealthProvider")
ZORGKANTOOR = ("het zorgkantoor", "zorgkantoor", "HealthInsurer")
RMO = ("de RMO", "rmo", "AdvisoryBody")

CONSTRUCTIONS: list[tuple[str, str, list[Actor], set[Fact]]] = [
    (
        "active",
        "De gemeente Utrecht financiert de GGD.",
        [("De gemeente Utrecht", "gemeente-utrecht", "Municipality"), GGD],
        {("gemeente-utrecht", "funds", "ggd-utrecht", False, ASSERTED)},
    ),
    (
        "inverted word order",
        "Sinds vorig jaar subsidieert de provincie Stichting Kwadraad.",
        [
            ("de provincie", "provincie-utrecht", "Province"),
            ("Stichting Kwadraad", "kwadraad", "CivilSocietyOrganisation"),
        ],
        {("provincie-utrecht", "funds", "kwadraad", False, ASSERTED)},
    ),
    (
        "subordinate clause, verb last",
        "Iedereen weet dat de gemeente de wijkteams financiert.",
        [GEMEENTE, ("de wijkteams", "wijkteams", "MunicipalBody")],
        {("gemeente-utrecht", "funds", "wijkteams", False, ASSERTED)},
    ),
    (
        "passive with door",
        "De wijkteams werden jarenlang gefinancierd door de gemeente Zwolle.",
        [
            ("De wijkteams", "wijkteams", "MunicipalBody"),
            ("de gemeente Zwolle", "gemeente-zwolle", "Municipality"),
        ],
        {("gemeente-zwolle", "funds", "wijkteams", False, ASSERTED)},
    ),
    (
        "separable verb werkt ... samen",
        "De politie werkt sinds de zomer nauw samen met de GGZ-instelling Arkin.",
        [
            ("De politie", "politie-utrecht", "Police"),
            ("de GGZ-instelling Arkin", "arkin", "MentalHealthProvider"),
        ],
        {("arkin", "collaboratesWith", "politie-utrecht", False, ASSERTED)},
    ),
    (
        "separable verb stelde ... aan",
        "Het college stelde Anna de Vries aan als directeur.",
        [
            ("Het college", "college-utrecht", "MunicipalBody"),
            ("Anna de Vries", "anna-de-vries", "Person"),
        ],
        {("college-utrecht", "appoints", "anna-de-vries", False, ASSERTED)},
    ),
    (
        "coordinated subjects of a symmetric verb",
        "De gemeente en het zorgkantoor werken samen.",
        [GEMEENTE, ("het zorgkantoor", "zorgkantoor", "HealthInsurer")],
        {("gemeente-utrecht", "collaboratesWith", "zorgkantoor", False, ASSERTED)},
    ),
    (
        "coordinated objects give two statements",
        "De gemeente financiert de GGD en de politie.",
        [GEMEENTE, GGD, POLITIE],
        {
            ("gemeente-utrecht", "funds", "ggd-utrecht", False, ASSERTED),
            ("gemeente-utrecht", "funds", "politie-utrecht", False, ASSERTED),
        },
    ),
    (
        "samenwerking tussen A en B",
        "De samenwerking tussen de politie en de reclassering verloopt goed.",
        [POLITIE, ("de reclassering", "reclassering", "Judiciary")],
        {("politie-utrecht", "collaboratesWith", "reclassering", False, ASSERTED)},
    ),
    (
        "conflict tussen A en B",
        "Er ontstond een conflict tussen woningcorporatie Ymere en de gemeente.",
        [("woningcorporatie Ymere", "ymere", "HousingCorporation"), GEMEENTE],
        {("gemeente-utrecht", "conflictsWith", "ymere", False, ASSERTED)},
    ),
    (
        "agent noun in an apposition",
        "Het zorgkantoor (de financier van de GGZ-instellingen) nam het initiatief.",
        [
            ("Het zorgkantoor", "zorgkantoor", "HealthInsurer"),
            ("de GGZ-instellingen", "ggz-instellingen", "MentalHealthProvider"),
        ],
        {("zorgkantoor", "funds", "ggz-instellingen", False, ASSERTED)},
    ),
    (
        "in opdracht van",
        "Het onderzoeksbureau deed de evaluatie in opdracht van het ministerie van VWS.",
        [
            ("Het onderzoeksbureau", "onderzoeksbureau", "KnowledgeInstitute"),
            ("het ministerie van VWS", "ministerie-vws", "Ministry"),
        ],
        {("ministerie-vws", "steers", "onderzoeksbureau", False, ASSERTED)},
    ),
    (
        "onder toezicht van",
        "De jeugdzorgaanbieder staat onder toezicht van de Inspectie.",
        [
            ("De jeugdzorgaanbieder", "jeugdzorgaanbieder", "CareProvider"),
            ("de Inspectie", "igj", "AdvisoryBody"),
        ],
        {("igj", "supervises", "jeugdzorgaanbieder", False, ASSERTED)},
    ),
    (
        "toezicht houden op",
        "De provincie houdt toezicht op de waterschappen.",
        [
            ("De provincie", "provincie-utrecht", "Province"),
            ("de waterschappen", "waterschappen", "WaterBoard"),
        ],
        {("provincie-utrecht", "supervises", "waterschappen", False, ASSERTED)},
    ),
    (
        "namens",
        "Wethouder Jan Smit sprak namens de gemeente Deventer.",
        [
            ("Jan Smit", "jan-smit", "Person"),
            ("de gemeente Deventer", "gemeente-deventer", "Municipality"),
        ],
        {("jan-smit", "represents", "gemeente-deventer", False, ASSERTED)},
    ),
    (
        "attribution after a quote gives partOf",
        "We hebben dat goed geregeld. (Pieter Jansen, directeur GGD Twente)",
        [
            ("Pieter Jansen", "pieter-jansen", "Person"),
            ("GGD Twente", "ggd-twente", "PublicHealthService"),
        ],
        {("pieter-jansen", "partOf", "ggd-twente", False, ASSERTED)},
    ),
    (
        "attribution with procesmanager namens gives represents",
        "Dat lukte pas later. (Els Visser, procesmanager crisisopvang namens de politie)",
        [("Els Visser", "els-visser", "Person"), POLITIE],
        {("els-visser", "represents", "politie-utrecht", False, ASSERTED)},
    ),
    (
        "attribution of a name and an organisation only",
        "Dat was een goede zet. (Mirjam Kok, Arkin)",
        [("Mirjam Kok", "mirjam-kok", "Person"), ARKIN],
        {("mirjam-kok", "partOf", "arkin", False, ASSERTED)},
    ),
    (
        "attribution with a compound role noun and a number",
        "Het werkt. (Said Amrani, netwerkcoördinator 12+ stadsdeel Noord)",
        [
            ("Said Amrani", "said-amrani", "Person"),
            ("stadsdeel Noord", "stadsdeel-noord", "CityDistrict"),
        ],
        {("said-amrani", "partOf", "stadsdeel-noord", False, ASSERTED)},
    ),
    (
        "apposition voorzitter van",
        "Karin Bos, voorzitter van de raad van bestuur van Arkin, reageerde verheugd.",
        [("Karin Bos", "karin-bos", "Person"), ("Arkin", "arkin", "MentalHealthProvider")],
        {("karin-bos", "partOf", "arkin", False, ASSERTED)},
    ),
    (
        "organisation, role noun, name",
        "Volgens de VNG voorzitter Jan de Boer is dat onjuist.",
        [
            ("de VNG", "vng", "UmbrellaOrganisation"),
            ("voorzitter Jan de Boer", "jan-de-boer", "Person"),
        ],
        {("jan-de-boer", "partOf", "vng", False, ASSERTED)},
    ),
    (
        "werd burgemeester van",
        "Joke de Wit werd later burgemeester van Leiden.",
        [("Joke de Wit", "joke-de-wit", "Person"), ("Leiden", "gemeente-leiden", "Municipality")],
        {("joke-de-wit", "partOf", "gemeente-leiden", False, ASSERTED)},
    ),
    (
        "unit named with van",
        "De afdeling Jeugd van de GGD schreef een nieuw plan.",
        [("De afdeling Jeugd", "ggd-jeugd", "PublicHealthService"), GGD],
        {("ggd-jeugd", "partOf", "ggd-utrecht", False, ASSERTED)},
    ),
    (
        "members listed after a copula",
        "De veiligheidsregio bestaat uit de brandweer, de GHOR en de politie.",
        [
            ("De veiligheidsregio", "veiligheidsregio", "IntermunicipalBody"),
            ("de brandweer", "brandweer", "Organisation"),
            ("de GHOR", "ghor", "PublicHealthService"),
            POLITIE,
        ],
        {
            ("brandweer", "partOf", "veiligheidsregio", False, ASSERTED),
            ("ghor", "partOf", "veiligheidsregio", False, ASSERTED),
            ("politie-utrecht", "partOf", "veiligheidsregio", False, ASSERTED),
        },
    ),
    (
        "opdracht krijgen van: the giver steers",
        "In 1990 kregen de wijkteams van de gemeente de opdracht om vaker langs te gaan.",
        [("de wijkteams", "wijkteams", "MunicipalBody"), GEMEENTE],
        {("gemeente-utrecht", "steers", "wijkteams", False, ASSERTED)},
    ),
    (
        "kritiek op",
        "De Nationale ombudsman uitte scherpe kritiek op het UWV.",
        [
            ("De Nationale ombudsman", "ombudsman", "AdvisoryBody"),
            ("het UWV", "uwv", "ExecutiveAgency"),
        ],
        {("ombudsman", "conflictsWith", "uwv", False, ASSERTED)},
    ),
    (
        "ontevreden over het werk van",
        "De politie was ontevreden over het werk van de crisisdienst.",
        [POLITIE, ("de crisisdienst", "crisisdienst", "MentalHealthProvider")],
        {("crisisdienst", "conflictsWith", "politie-utrecht", False, ASSERTED)},
    ),
    (
        "legt verantwoording af aan",
        "Het college legt verantwoording af aan de gemeenteraad.",
        [
            ("Het college", "college-utrecht", "MunicipalBody"),
            ("de gemeenteraad", "raad-utrecht", "MunicipalBody"),
        ],
        {("college-utrecht", "accountableTo", "raad-utrecht", False, ASSERTED)},
    ),
    (
        "coordinated verb phrase shares its subject",
        "De bewoners protesteerden en spraken de gemeente aan op de overlast.",
        [("De bewoners", "bewoners", "CitizenGroup"), GEMEENTE],
        {("gemeente-utrecht", "accountableTo", "bewoners", False, ASSERTED)},
    ),
    (
        "verwijst door naar",
        "De GGD verwijst cliënten door naar het Leger des Heils.",
        [GGD, ("het Leger des Heils", "leger-des-heils", "CivilSocietyOrganisation")],
        {("ggd-utrecht", "refersTo", "leger-des-heils", False, ASSERTED)},
    ),
    (
        "informeert",
        "De politie informeert de GGD over elke melding.",
        [POLITIE, GGD],
        {("politie-utrecht", "informs", "ggd-utrecht", False, ASSERTED)},
    ),
    (
        "adviseert",
        "De Raad voor het Openbaar Bestuur adviseert het kabinet.",
        [
            ("De Raad voor het Openbaar Bestuur", "rob", "AdvisoryBody"),
            ("het kabinet", "kabinet", "NationalGovernment"),
        ],
        {("rob", "advises", "kabinet", False, ASSERTED)},
    ),
    (
        "overgedragen aan",
        "Het Rijk heeft de jeugdzorg overgedragen aan de gemeenten.",
        [("Het Rijk", "rijk", "NationalGovernment"), ("de gemeenten", "gemeenten", "Municipality")],
        {("rijk", "delegatesTo", "gemeenten", False, ASSERTED)},
    ),
    (
        "verschuiven van A naar B",
        "Taken verschuiven van het Rijk naar de provincies.",
        [("het Rijk", "rijk", "NationalGovernment"), ("de provincies", "provincies", "Province")],
        {("rijk", "delegatesTo", "provincies", False, ASSERTED)},
    ),
    (
        "verzocht",
        "De gemeenteraad verzocht het college om een nieuw plan.",
        [
            ("De gemeenteraad", "raad-utrecht", "MunicipalBody"),
            ("het college", "college-utrecht", "MunicipalBody"),
        ],
        {("raad-utrecht", "requests", "college-utrecht", False, ASSERTED)},
    ),
    (
        "voert de regie over",
        "Het zorgkantoor voert de regie over de crisisdiensten.",
        [
            ("Het zorgkantoor", "zorgkantoor", "HealthInsurer"),
            ("de crisisdiensten", "crisisdiensten", "MentalHealthProvider"),
        ],
        {("zorgkantoor", "coordinates", "crisisdiensten", False, ASSERTED)},
    ),
    (
        "ondersteunt",
        "De GGD ondersteunt de politie bij de screening.",
        [GGD, POLITIE],
        {("ggd-utrecht", "supports", "politie-utrecht", False, ASSERTED)},
    ),
    (
        "huurde ... in",
        "De gemeente huurde adviesbureau Berenschot in.",
        [GEMEENTE, ("adviesbureau Berenschot", "berenschot", "Company")],
        {("gemeente-utrecht", "contracts", "berenschot", False, ASSERTED)},
    ),
    (
        "covenant signed by a list gives every pair",
        "De politie, de GGD en de gemeente ondertekenden het convenant.",
        [POLITIE, GGD, GEMEENTE],
        {
            ("ggd-utrecht", "collaboratesWith", "politie-utrecht", False, ASSERTED),
            ("gemeente-utrecht", "collaboratesWith", "politie-utrecht", False, ASSERTED),
            ("gemeente-utrecht", "collaboratesWith", "ggd-utrecht", False, ASSERTED),
        },
    ),
    (
        "niet alleen ... maar ook keeps both partners and is no negation",
        "De gemeente werkt niet alleen samen met de GGD, maar ook met de politie.",
        [GEMEENTE, GGD, POLITIE],
        {
            ("gemeente-utrecht", "collaboratesWith", "ggd-utrecht", False, ASSERTED),
            ("gemeente-utrecht", "collaboratesWith", "politie-utrecht", False, ASSERTED),
        },
    ),
    (
        "de directie van X stands for X",
        "De wethouder noemde de directie van Arkin onbetrouwbaar, zei Jan Smit.",
        [("De wethouder", "wethouder-zorg", "Person"), ARKIN, ("Jan Smit", "jan-smit", "Person")],
        {("arkin", "conflictsWith", "wethouder-zorg", False, ASSERTED)},
    ),
    (
        "a listed head noun keeps the list together, passive signers",
        "Het akkoord werd ondertekend door de politie, het bestuur van Arkin en de GGD.",
        [POLITIE, ARKIN, GGD],
        {
            ("arkin", "collaboratesWith", "politie-utrecht", False, ASSERTED),
            ("arkin", "collaboratesWith", "ggd-utrecht", False, ASSERTED),
            ("ggd-utrecht", "collaboratesWith", "politie-utrecht", False, ASSERTED),
        },
    ),
    (
        "de samenwerking van A en B",
        "De samenwerking van de GGD en de politie verbeterde snel.",
        [GGD, POLITIE],
        {("ggd-utrecht", "collaboratesWith", "politie-utrecht", False, ASSERTED)},
    ),
    (
        "a name in brackets does not end the clause",
        "De wethouder van Zwolle (Anna Bakker) begon een rechtszaak tegen Arkin.",
        [
            ("Zwolle", "gemeente-zwolle", "Municipality"),
            ("Anna Bakker", "anna-bakker", "Person"),
            ARKIN,
        ],
        {
            ("anna-bakker", "partOf", "gemeente-zwolle", False, ASSERTED),
            ("anna-bakker", "conflictsWith", "arkin", False, ASSERTED),
        },
    ),
    (
        "a truncated compound keeps the list together",
        "De gemeente werkt samen met zorg- en welzijnsinstellingen.",
        [GEMEENTE, ("zorg- en welzijnsinstellingen", "welzijnsinstellingen", "CareProvider")],
        {("gemeente-utrecht", "collaboratesWith", "welzijnsinstellingen", False, ASSERTED)},
    ),
    (
        "adjectives between the preposition and the actor",
        "De gemeente zoekt de samenwerking met veelal kleinere woningcorporaties.",
        [GEMEENTE, ("woningcorporaties", "woningcorporaties", "HousingCorporation")],
        {("gemeente-utrecht", "collaboratesWith", "woningcorporaties", False, ASSERTED)},
    ),
    (
        "zitting hebben in",
        "Sinds maart heeft Lotte Pauw zitting in de raad van toezicht van Arkin.",
        [
            ("Lotte Pauw", "lotte-pauw", "Person"),
            ("de raad van toezicht van Arkin", "arkin-rvt", "Organisation"),
        ],
        {("lotte-pauw", "partOf", "arkin-rvt", False, ASSERTED)},
    ),
    (
        "klagen over",
        "De huurders klaagden bij de raad over de woningcorporatie.",
        [
            ("De huurders", "huurders", "CitizenGroup"),
            ("de woningcorporatie", "corporatie", "HousingCorporation"),
        ],
        {("corporatie", "conflictsWith", "huurders", False, ASSERTED)},
    ),
    (
        "een boete opleggen",
        "De Inspectie legde het UWV een boete op.",
        [("De Inspectie", "igj", "AdvisoryBody"), ("het UWV", "uwv", "ExecutiveAgency")],
        {("igj", "supervises", "uwv", False, ASSERTED)},
    ),
    (
        "a preposition before a list with a non-actor first item marks the actor",
        "Naast advies aan scholen en de GGD geeft Arkin ook trainingen.",
        [GGD, ARKIN],
        {("arkin", "advises", "ggd-utrecht", False, ASSERTED)},
    ),
    (
        "volgens at the start keeps the source out of the relation",
        "Volgens de gemeente werkt de politie samen met de GGD.",
        [GEMEENTE, POLITIE, GGD],
        {("ggd-utrecht", "collaboratesWith", "politie-utrecht", False, ASSERTED)},
    ),
    (
        "a list with items that are no actors stays one list",
        "Het convenant werd getekend door de gemeente, twee scholen, de corporaties en de politie.",
        [GEMEENTE, POLITIE],
        {("gemeente-utrecht", "collaboratesWith", "politie-utrecht", False, ASSERTED)},
    ),
    (
        "kritisch over",
        "De ombudsman was kritisch over het UWV.",
        [("De ombudsman", "ombudsman", "AdvisoryBody"), ("het UWV", "uwv", "ExecutiveAgency")],
        {("ombudsman", "conflictsWith", "uwv", False, ASSERTED)},
    ),
    (
        "partner van in an apposition",
        "Arkin, een vaste partner van de GGD, opende een nieuwe locatie.",
        [ARKIN, GGD],
        {("arkin", "collaboratesWith", "ggd-utrecht", False, ASSERTED)},
    ),
    (
        "het niet eens is a conflict, not a negated agreement",
        "De politie en de GGD werden het niet eens.",
        [POLITIE, GGD],
        {("ggd-utrecht", "conflictsWith", "politie-utrecht", False, ASSERTED)},
    ),
    (
        "geen macht over",
        "De gemeente had echter geen formele macht over de zorgaanbieders.",
        [GEMEENTE, ("de zorgaanbieders", "zorgaanbieders", "CareProvider")],
        {("gemeente-utrecht", "steers", "zorgaanbieders", True, ASSERTED)},
    ),
]

NEGATION_AND_MODALITY: list[tuple[str, str, list[Actor], set[Fact]]] = [
    (
        "niet",
        "De gemeente financiert de GGD niet langer.",
        [GEMEENTE, GGD],
        {("gemeente-utrecht", "funds", "ggd-utrecht", True, ASSERTED)},
    ),
    (
        "geen",
        "Er is geen samenwerking tussen de politie en de GGD.",
        [POLITIE, GGD],
        {("ggd-utrecht", "collaboratesWith", "politie-utrecht", True, ASSERTED)},
    ),
    (
        "nooit",
        "Het Rijk heeft de gemeenten nooit gesubsidieerd.",
        [("Het Rijk", "rijk", "NationalGovernment"), ("de gemeenten", "gemeenten", "Municipality")],
        {("rijk", "funds", "gemeenten", True, ASSERTED)},
    ),
    (
        "zonder",
        "De gemeente besloot zonder overleg met de woningcorporaties.",
        [GEMEENTE, ("de woningcorporaties", "woningcorporaties", "HousingCorporation")],
        {("gemeente-utrecht", "consultsWith", "woningcorporaties", True, ASSERTED)},
    ),
    (
        "gebrek aan",
        "Het rapport noemt een gebrek aan samenwerking tussen de GGD en de huisartsen.",
        [GGD, ("de huisartsen", "huisartsen", "CareProvider")],
        {("ggd-utrecht", "collaboratesWith", "huisartsen", True, ASSERTED)},
    ),
    (
        "gebrek aan negates only the noun after it; denial and assertion both kept",
        "Gebrek aan samenwerking en openlijke ruzie tussen de GGD en de politie.",
        [GGD, POLITIE],
        {
            ("ggd-utrecht", "collaboratesWith", "politie-utrecht", True, ASSERTED),
            ("ggd-utrecht", "conflictsWith", "politie-utrecht", False, ASSERTED),
        },
    ),
    (
        "a denied collaboration among a list with other items",
        "Er is geen samenwerking tussen scholen, de GGD, justitie en de politie.",
        [GGD, POLITIE],
        {("ggd-utrecht", "collaboratesWith", "politie-utrecht", True, ASSERTED)},
    ),
    (
        "moet",
        "De gemeente moet de jeugdzorgaanbieders beter aansturen.",
        [GEMEENTE, ("de jeugdzorgaanbieders", "jeugdzorgaanbieders", "CareProvider")],
        {("gemeente-utrecht", "steers", "jeugdzorgaanbieders", False, NORMATIVE)},
    ),
    (
        "zou moeten",
        "Het zorgkantoor zou de crisisdienst moeten financieren.",
        [
            ("Het zorgkantoor", "zorgkantoor", "HealthInsurer"),
            ("de crisisdienst", "crisisdienst", "MentalHealthProvider"),
        ],
        {("zorgkantoor", "funds", "crisisdienst", False, NORMATIVE)},
    ),
    (
        "behoort te",
        "De provincie behoort toezicht te houden op de waterschappen.",
        [
            ("De provincie", "provincie-utrecht", "Province"),
            ("de waterschappen", "waterschappen", "WaterBoard"),
        ],
        {("provincie-utrecht", "supervises", "waterschappen", False, NORMATIVE)},
    ),
    (
        "zou",
        "Het zorgkantoor zou de crisisdienst financieren.",
        [
            ("Het zorgkantoor", "zorgkantoor", "HealthInsurer"),
            ("de crisisdienst", "crisisdienst", "MentalHealthProvider"),
        ],
        {("zorgkantoor", "funds", "crisisdienst", False, HYPOTHETICAL)},
    ),
    (
        "als",
        "Als de gemeente de GGD financiert, blijft de crisisdienst open.",
        [GEMEENTE, GGD],
        {("gemeente-utrecht", "funds", "ggd-utrecht", False, HYPOTHETICAL)},
    ),
    (
        "wil",
        "De gemeente wil samenwerken met de woningcorporaties.",
        [GEMEENTE, ("de woningcorporaties", "woningcorporaties", "HousingCorporation")],
        {("gemeente-utrecht", "collaboratesWith", "woningcorporaties", False, HYPOTHETICAL)},
    ),
    (
        "was van plan",
        "Het ministerie was van plan de gemeenten te subsidiëren.",
        [
            ("Het ministerie", "ministerie-bzk", "Ministry"),
            ("de gemeenten", "gemeenten", "Municipality"),
        ],
        {("ministerie-bzk", "funds", "gemeenten", False, HYPOTHETICAL)},
    ),
    (
        "a wish in the main clause covers the dat-clause",
        "De wethouder wil dat de GGD en de politie samenwerken.",
        [GGD, POLITIE],
        {("ggd-utrecht", "collaboratesWith", "politie-utrecht", False, HYPOTHETICAL)},
    ),
    (
        "a negation inside the content of advice does not negate the advice",
        "De raad adviseerde de gemeente zich niet te laten afschrikken.",
        [("De raad", "raad-utrecht", "MunicipalBody"), GEMEENTE],
        {("raad-utrecht", "advises", "gemeente-utrecht", False, ASSERTED)},
    ),
    (
        "a negation in the reproach's dat-clause does not negate the reproach",
        "De GGD verwijt de politie dat zij niet genoeg hielp.",
        [GGD, POLITIE],
        {("ggd-utrecht", "conflictsWith", "politie-utrecht", False, ASSERTED)},
    ),
    (
        "a question asserts nothing",
        "Financiert de gemeente de GGD nog wel?",
        [GEMEENTE, GGD],
        {("gemeente-utrecht", "funds", "ggd-utrecht", False, HYPOTHETICAL)},
    ),
    (
        "negation in another clause does not count",
        "De GGD werkt samen met de politie, maar de huisartsen doen niet mee.",
        [GGD, POLITIE, ("de huisartsen", "huisartsen", "CareProvider")],
        {("ggd-utrecht", "collaboratesWith", "politie-utrecht", False, ASSERTED)},
    ),
]

NOTHING: list[tuple[str, str, list[Actor]]] = [
    ("co-mention only", "De GGD en de politie waren allebei bij de opening.", [GGD, POLITIE]),
    (
        "pronoun as an actor",
        "Zij financiert de GGD.",
        [("Zij", "gemeente-utrecht", "Municipality"), GGD],
    ),
    (
        "an actor with itself",
        "De gemeente Utrecht werkt samen met Utrecht.",
        [
            ("De gemeente Utrecht", "gemeente-utrecht", "Municipality"),
            ("Utrecht", "gemeente-utrecht", "Municipality"),
        ],
    ),
    (
        "inside one collective",
        "De samenwerking tussen de regiogemeenten verloopt moeizaam, zegt de GGD.",
        [("de regiogemeenten", "regiogemeenten", "Municipality"), GGD],
    ),
    (
        "cited authors",
        "Zie over samenwerking ook RMO 2002 en WRR 2006.",
        [("RMO", "rmo", "AdvisoryBody"), ("WRR", "wrr", "AdvisoryBody")],
    ),
    (
        "bibliography entry",
        "Movisie en VNG (2015). Samenwerking in het sociaal domein. Utrecht: Movisie.",
        [("Movisie", "movisie", "KnowledgeInstitute"), ("VNG", "vng", "UmbrellaOrganisation")],
    ),
    (
        "passive without its agent",
        "Volgens de politie werden de crisisdiensten gefinancierd uit de AWBZ.",
        [POLITIE, ("de crisisdiensten", "crisisdiensten", "MentalHealthProvider")],
    ),
    (
        "cue in a clause with one actor",
        "De GGD kwam te laat, omdat de politie het adres niet had doorgegeven.",
        [GGD, POLITIE],
    ),
    (
        "care for clients is not support",
        "De GGD helpt dak- en thuislozen in de winter.",
        [GGD, ("dak- en thuislozen", "dak-en-thuislozen", "CitizenGroup")],
    ),
    (
        "possessive van between two actors",
        "Het rapport van de GGD en het advies van de RMO lagen op tafel.",
        [GGD, ("de RMO", "rmo", "AdvisoryBody")],
    ),
    (
        "person near an organisation without a role",
        "Jan Smit bezocht gisteren het gebouw van de GGD.",
        [("Jan Smit", "jan-smit", "Person"), GGD],
    ),
    (
        "zowel ... als with a non-relational verb",
        "Zowel de GGD als de politie zat niet te wachten op de nieuwe regels.",
        [GGD, POLITIE],
    ),
    (
        "two actors contrasted, no relation",
        "Het bestuur van Arkin werd als zwak gezien, terwijl de GGD een goed imago had.",
        [("Arkin", "arkin", "MentalHealthProvider"), GGD],
    ),
    (
        "a role noun with an organisation but no person",
        "De burgemeester van Utrecht opende het nieuwe politiebureau van de politie.",
        [("Utrecht", "gemeente-utrecht", "Municipality"), POLITIE],
    ),
    (
        "taking something in hand is not membership",
        "De GGD nam de zaak van de politie in handen.",
        [GGD, POLITIE],
    ),
    (
        "a role noun after a verb belongs to someone else",
        "Jan Smit zei dat de directeur van de GGD ziek was.",
        [("Jan Smit", "jan-smit", "Person"), GGD],
    ),
    (
        "a person's role elsewhere in the sentence",
        "Anna Bakker, die bij het debat was, sprak over de toekomst van de GGD.",
        [("Anna Bakker", "anna-bakker", "Person"), GGD],
    ),
]


# Two actors in one sentence with no relation between them: every line must give nothing.
NOTHING_BETWEEN_GGD_AND_POLICE = [
    "De GGD stuurde een brief naar de politie.",
    "De GGD en de politie hadden elk een eigen begroting.",
    "Het verslag van de politie lag naast het verslag van de GGD.",
    "De jaarverslagen van de GGD en de politie verschenen tegelijk.",
    "De GGD is gevestigd naast het hoofdbureau van de politie.",
    "De politie heeft een eigen meldkamer, net als de GGD.",
    "De kosten van de politie en de GGD stegen in dat jaar.",
    "De GGD vraagt zich af of de politie wel op tijd komt.",
    "De politie kon de GGD die nacht niet bereiken.",
    "De GGD heeft meer personeel dan de politie.",
    "De GGD publiceerde een rapport over de politie.",
    "De GGD meldde dat de politie overvol zat.",
    "Na overleg besloot de GGD de politie te bellen.",
    "Na het conflict verhuisde de GGD naar een pand van de politie.",
    "Het geld van de GGD ging op aan huisvesting voor de politie.",
    "De gemeente ligt dichter bij de GGD dan bij de politie.",
    "De politie bracht de patiënt naar de GGD.",
    "De GGD wees op de risico's van de plannen van de politie.",
    "Ook de politie had geen idee wat de GGD van plan was.",
    "Anders dan de GGD heeft de politie een nachtdienst.",
    "Het budget van de GGD is groter dan dat van de politie.",
    "Zonder de politie had de GGD het die avond niet gered.",
    "De GGD werd opgericht in 1901, de politie veel eerder.",
    "Het verschil tussen de GGD en de politie is groot.",
    "De overeenkomst tussen de GGD en de politie is dat beide klein zijn.",
    "Het contact met de burgers verliep via de GGD en de politie.",
    "De GGD won de prijs, en de politie kreeg een eervolle vermelding.",
    "De GGD kwam om negen uur, de politie om tien uur.",
    "Voor de GGD was het een drukke nacht, voor de politie een rustige.",
    "De directeur van de GGD en de korpschef van de politie gingen samen op reis.",
    "De GGD en de politie zijn allebei in het stadhuis gehuisvest.",
    "Wie betaalt, de GGD of de politie, is nog onduidelijk.",
    "De GGD stelde vragen over de cijfers die de politie had genoemd.",
    "Het aantal meldingen bij de GGD en de politie daalde.",
    "De GGD begon in 2001, een jaar na de politie.",
    "De wachttijden bij de GGD en bij de politie zijn te lang.",
    "De GGD trok meer vrijwilligers aan dan de politie.",
    "De GGD deed mee aan de proef, de politie nog niet.",
]

NOTHING_OTHER_PAIRS: list[tuple[str, str, list[Actor]]] = [
    (
        "English text",
        "The municipality funds the GGD and the police.",
        [
            ("The municipality", "gemeente-utrecht", "Municipality"),
            ("the GGD", "ggd-utrecht", "PublicHealthService"),
        ],
    ),
    (
        "bibliography entry with an organisation as author",
        "Gemeente Utrecht (2008). Samenwerken met de GGD. Utrecht: Bestuursdienst.",
        [("Gemeente Utrecht", "gemeente-utrecht", "Municipality"), GGD],
    ),
    (
        "bibliography entry with initials",
        "Kickert, W. en RMO (1997). Samenwerking en sturing. Den Haag: VNG Uitgeverij.",
        [("RMO", "rmo", "AdvisoryBody"), ("VNG", "vng", "UmbrellaOrganisation")],
    ),
    (
        "cited report year",
        "Het rapport van de RMO (2002) gaat vooral over de gemeente.",
        [RMO, GEMEENTE],
    ),
    (
        "payment of something that is no actor",
        "De gemeente betaalde de rekening van de schoonmaker.",
        [GEMEENTE, ("de schoonmaker", "schoonmaker", "Company")],
    ),
    (
        "complaints received, no cue",
        "Het zorgkantoor ontving klachten van de GGD.",
        [("Het zorgkantoor", "zorgkantoor", "HealthInsurer"), GGD],
    ),
    (
        "a letter received",
        "De gemeente kreeg een brief van het zorgkantoor.",
        [GEMEENTE, ZORGKANTOOR],
    ),
    (
        "clients of an organisation",
        "Onder de cliënten van Arkin waren veel jongeren.",
        [ARKIN, ("jongeren", "jongeren", "CitizenGroup")],
    ),
    (
        "an inspection judgement about care, no actor relation cue",
        "De kwaliteit van de zorg bij Arkin is volgens de Inspectie goed.",
        [ARKIN, ("de Inspectie", "igj", "AdvisoryBody")],
    ),
    (
        "a media report without a cue",
        "Het Parool schreef gisteren over Arkin.",
        [("Het Parool", "parool", "Media"), ARKIN],
    ),
    (
        "a spokesperson without a name",
        "Een woordvoerder van de politie bevestigde het bericht van de GGD.",
        [POLITIE, GGD],
    ),
    (
        "a list after a copula whose subject stands after a preposition",
        "Aanwezig naast de bewoners waren de GGD, de politie en het stadsdeel.",
        [
            ("de bewoners", "bewoners", "CitizenGroup"),
            GGD,
            POLITIE,
            ("het stadsdeel", "stadsdeel", "CityDistrict"),
        ],
    ),
    (
        "aansluiten bij findings is no membership",
        "Het advies van de RMO sloot aan bij de bevindingen van de GGD.",
        [RMO, GGD],
    ),
    (
        "a person is no member of a client group",
        "Dat werkt. (Piet Smit, projectleider aanpak jongeren)",
        [("Piet Smit", "piet-smit", "Person"), ("jongeren", "jongeren", "CitizenGroup")],
    ),
    (
        "uit names where someone comes from",
        "De opdracht ging naar Karel Bos, een bemiddelaar uit de regio Twente.",
        [
            ("Karel Bos", "karel-bos", "Person"),
            ("de regio Twente", "regio-twente", "IntermunicipalBody"),
        ],
    ),
    (
        "collaboration among one collective, a person outside it",
        "Mulder richtte zich op de samenwerking tussen de GGZ-instellingen.",
        [
            ("Mulder", "mulder", "Person"),
            ("de GGZ-instellingen", "ggz-instellingen", "MentalHealthProvider"),
        ],
    ),
    (
        "distrust of two parties together is no conflict between them",
        "Het wantrouwen van de bewoners en de media groeide.",
        [("de bewoners", "bewoners", "CitizenGroup"), ("de media", "media", "Media")],
    ),
    (
        "someone's directing role is no coordination of them",
        "De regierol van de gemeente staat ter discussie bij het Rijk.",
        [GEMEENTE, ("het Rijk", "rijk", "NationalGovernment")],
    ),
    (
        "dependence is no relation of the evaluated set",
        "De toekomst van de GGD hangt af van de gemeente.",
        [GGD, GEMEENTE],
    ),
]


@pytest.mark.parametrize(
    ("sentence", "actors", "expected"),
    [pytest.param(s, a, e, id=i) for i, s, a, e in CONSTRUCTIONS],
)
def test_construction_gives_exact_facts(
    sentence: str, actors: list[Actor], expected: set[Fact]
) -> None:
    assert facts(sentence, actors) == expected


@pytest.mark.parametrize(
    ("sentence", "actors", "expected"),
    [pytest.param(s, a, e, id=i) for i, s, a, e in NEGATION_AND_MODALITY],
)
def test_negation_and_modality(sentence: str, actors: list[Actor], expected: set[Fact]) -> None:
    assert facts(sentence, actors) == expected


@pytest.mark.parametrize(("sentence", "actors"), [pytest.param(s, a, id=i) for i, s, a in NOTHING])
def test_sentence_gives_nothing(sentence: str, actors: list[Actor]) -> None:
    assert facts(sentence, actors) == set()


@pytest.mark.parametrize("sentence", NOTHING_BETWEEN_GGD_AND_POLICE)
def test_ggd_and_police_unrelated(sentence: str) -> None:
    assert (
        facts(
            sentence,
            [GGD, POLITIE]
            if sentence.lower().find("de ggd") < sentence.lower().find("de politie")
            else [POLITIE, GGD],
        )
        == set()
    )


@pytest.mark.parametrize(
    ("sentence", "actors"), [pytest.param(s, a, id=i) for i, s, a in NOTHING_OTHER_PAIRS]
)
def test_other_pairs_unrelated(sentence: str, actors: list[Actor]) -> None:
    assert facts(sentence, actors) == set()
