"""Tests of the gov_actors component on sentences written for them (Docs built by hand)."""

from __future__ import annotations

import pytest
import spacy
from spacy.language import Language
from spacy.tokens import Doc

from extract import actors as _actors  # noqa: F401  (registers gov_actors)
from extract import lemmas as _lemmas  # noqa: F401  (registers gov_lemmatizer)
from extract.actor_lexicon import actor_key
from extract.actor_text import is_abbreviation
from extract.segment import Segment
from ontology import ActorClass


@pytest.fixture(scope="module")
def nlp() -> Language:
    pipeline = spacy.blank("nl")
    pipeline.add_pipe("gov_lemmatizer")
    pipeline.add_pipe("gov_actors")
    return pipeline


def run(nlp: Language, *sentences: str, kinds: dict[int, str] | None = None) -> Doc:
    """Run the pipeline on sentences joined by spaces, one segment each."""
    text = " ".join(sentences)
    doc = nlp.make_doc(text)
    segments, offset = [], 0
    for index, sentence in enumerate(sentences):
        segments.append(
            Segment(offset, offset + len(sentence), (kinds or {}).get(index, "sentence"))
        )
        offset += len(sentence) + 1
    doc._.segments = segments
    for _, component in nlp.pipeline:
        doc = component(doc)
    return doc


def mentions(doc: Doc) -> list[tuple[str, str]]:
    """(surface, actor key) of every actor mention."""
    return [(span.text, span.kb_id_) for span in doc.spans["actors"]]


def keys(doc: Doc) -> set[str]:
    return {span.kb_id_ for span in doc.spans["actors"]}


def test_actor_key_is_a_stable_ascii_slug() -> None:
    assert actor_key("gemeente Amsterdam") == "gemeente-amsterdam"
    assert actor_key("ministerie van Financiën") == "ministerie-van-financien"
    assert actor_key("college van B&W") == "college-van-b-w"
    assert actor_key("  GGD  Hollands Noorden ") == actor_key("GGD Hollands Noorden")


def test_gazetteer_names_gemeente_with_its_official_identifier(nlp: Language) -> None:
    doc = run(nlp, "De gemeente Utrecht sluit een contract met woningcorporatie Mitros.")
    records = doc._.actors
    assert "gemeente-utrecht" in keys(doc)
    assert records["gemeente-utrecht"].identifier.endswith("/gemeente/gm0344")
    assert records["gemeente-utrecht"].actor_class is ActorClass.Municipality


def test_ministry_names_and_abbreviation_are_one_actor(nlp: Language) -> None:
    doc = run(
        nlp,
        "Het ministerie van Volksgezondheid, Welzijn en Sport betaalt mee.",
        "Ook VWS wil dat de wachtlijsten korter worden.",
        "Het ministerie van VWS stuurt een brief.",
    )
    assert [key for _, key in mentions(doc)] == ["ministerie-van-vws"] * 3
    assert doc._.actors["ministerie-van-vws"].actor_class is ActorClass.Ministry


def test_old_ministry_from_the_hand_written_patterns(nlp: Language) -> None:
    doc = run(nlp, "In 2005 gaf VROM de provincie Gelderland een opdracht.")
    assert {"ministerie-van-vrom", "provincie-gelderland"} <= keys(doc)


def test_abbreviation_defined_in_the_text_is_an_alias_for_the_rest_of_it(nlp: Language) -> None:
    doc = run(
        nlp,
        "De Stichting Buurtwerk Oost (SBO) opende een inloophuis.",
        "Twee jaar later sloot SBO het huis weer.",
    )
    found = mentions(doc)
    assert [key for surface, key in found if "SBO" in surface or "Buurtwerk" in surface] == [
        "sbo",
        "sbo",
    ]
    assert "Stichting Buurtwerk Oost" in doc._.actors["sbo"].aliases


def test_abbreviation_of_a_law_or_meeting_is_no_actor(nlp: Language) -> None:
    doc = run(
        nlp,
        "De Wet Maatschappelijke Ondersteuning (WMO) geldt sinds 2007.",
        "Er kwam een wekelijks overleg (WOG, Wekelijks Overleg Gezondheid).",
    )
    assert keys(doc) == set()


def test_ggd_forms_are_one_actor_and_follow_the_focal_gemeente(nlp: Language) -> None:
    doc = run(
        nlp,
        "De gemeente Leiden vraagt de Gemeentelijke Gezondheidsdienst (GGD) om advies.",
        "De gemeente Leiden betaalt de GGD daarvoor.",
        "Volgens de gemeente Leiden werkt GGD goed.",
    )
    ggd = {key for surface, key in mentions(doc) if "GGD" in surface or "Gezondheid" in surface}
    assert ggd == {"ggd-leiden"}


def test_de_gemeente_resolves_to_the_focal_gemeente_when_it_dominates(nlp: Language) -> None:
    doc = run(
        nlp,
        "De gemeente Zwolle start een wijkteam.",
        "De gemeente Zwolle betaalt de hulp.",
        "Later evalueert de gemeente Zwolle het team.",
        "De gemeente is tevreden.",
    )
    assert mentions(doc)[-1] == ("De gemeente", "gemeente-zwolle")


def test_de_gemeente_stays_generic_without_a_dominant_gemeente(nlp: Language) -> None:
    doc = run(
        nlp,
        "De gemeente Zwolle en de gemeente Kampen werken samen.",
        "De gemeente moet keuzes maken.",
    )
    assert mentions(doc)[-1] == ("De gemeente", "gemeenten")
    assert doc._.actors["gemeenten"].actor_class is ActorClass.Municipality


def test_author_year_citations_are_not_mentions(nlp: Language) -> None:
    doc = run(
        nlp,
        "Netwerken zijn complex (Kickert e.a. 1997; Zuijderhoudt 1992).",
        "De WRR (2006) en RMO 2002 wezen daar al op, net als Termeer en Koppenjan (2001).",
    )
    assert keys(doc) == set()


def test_an_advisory_body_that_acts_is_a_mention(nlp: Language) -> None:
    doc = run(nlp, "De WRR adviseert het kabinet over de decentralisatie.")
    assert {"wrr", "rijk"} <= keys(doc)


def test_person_with_role_and_portfolio_and_later_surname(nlp: Language) -> None:
    doc = run(
        nlp,
        "Dit besprak wethouder Onderwijs Marieke de Vries met de schoolbesturen.",
        "Volgens De Vries moet het sneller.",
    )
    person = doc._.actors["marieke-de-vries"]
    assert person.actor_class is ActorClass.Person
    assert person.role == "wethouder Onderwijs"
    assert [key for _, key in mentions(doc)].count("marieke-de-vries") == 2
    assert "schoolbesturen" in keys(doc)


def test_cited_author_with_a_known_persons_surname_is_not_that_person(nlp: Language) -> None:
    doc = run(
        nlp,
        "Burgemeester Job Cohen opende de vergadering.",
        "Het model van Cohen (1972) gaat over vuilnisbakken.",
    )
    found = mentions(doc)
    assert [surface for surface, key in found if key == "job-cohen"] == ["Burgemeester Job Cohen"]


def test_role_nouns_and_pronouns_without_a_name_are_not_actors(nlp: Language) -> None:
    doc = run(
        nlp,
        "De burgemeester en de wethouders overlegden.",
        "Zij vonden dat hij gelijk had.",
    )
    assert keys(doc) == set()


def test_quote_attribution_gives_speaker_with_role_and_organisation(nlp: Language) -> None:
    doc = run(
        nlp,
        "We hadden gewoon te weinig geld.",
        "Dat moest anders. (Karel Jansen, adviseur Dienst Werk en Inkomen (DWI))",
    )
    assert doc._.speakers == {1: "karel-jansen"}
    person = doc._.actors["karel-jansen"]
    assert person.actor_class is ActorClass.Person
    assert person.role and person.role.startswith("adviseur")
    assert person.member_of == "dwi"


def test_place_as_location_is_no_gemeente_but_as_organisation_it_is(nlp: Language) -> None:
    located = run(nlp, "In Groningen werken scholen en jongeren samen.")
    assert "gemeente-groningen" not in keys(located)
    acting = run(nlp, "De burgemeester van Groningen besloot het anders te doen.")
    assert ("Groningen", "gemeente-groningen") in mentions(acting)


def test_den_haag_is_the_national_government_unless_it_places_a_body(nlp: Language) -> None:
    metonym = run(nlp, "De gemeenten wachten al maanden op geld uit Den Haag.")
    assert ("Den Haag", "rijk") in mentions(metonym)
    assert metonym._.actors["rijk"].actor_class is ActorClass.NationalGovernment
    location = run(nlp, "De Inspectie Jeugdzorg in Den Haag kreeg een klacht.")
    assert "rijk" not in keys(location)


def test_collective_citizens_are_citizen_groups(nlp: Language) -> None:
    doc = run(nlp, "Bewoners en jongeren klagen bij de woningcorporaties.")
    classes = {span.kb_id_: span.label_ for span in doc.spans["actors"]}
    assert classes["bewoners"] == classes["jongeren"] == ActorClass.CitizenGroup.value
    assert classes["woningcorporaties"] == ActorClass.HousingCorporation.value


def test_titled_name_teaches_the_bare_name(nlp: Language) -> None:
    doc = run(
        nlp,
        "De instellingen Lentis en GGZ Noorderlicht werken samen.",
        "Noorderlicht levert de psychiaters.",
    )
    assert [key for surface, key in mentions(doc) if "Noorderlicht" in surface] == [
        "ggz-noorderlicht",
        "ggz-noorderlicht",
    ]


def test_headings_carry_no_mentions(nlp: Language) -> None:
    doc = run(nlp, "De gemeente Breda", "De gemeente Breda betaalt.", kinds={0: "heading"})
    assert len(doc.spans["actors"]) == 1
    assert doc.spans["actors"][0].start_char > len("De gemeente Breda")


def test_every_used_key_has_a_record_with_a_class(nlp: Language) -> None:
    doc = run(
        nlp,
        "De politie, de GGZ-instellingen en het zorgkantoor ondertekenden het convenant.",
        "Het Parool schreef erover, net als de media.",
    )
    assert keys(doc) == set(doc._.actors)
    for span in doc.spans["actors"]:
        assert span.label_ == doc._.actors[span.kb_id_].actor_class.value
    assert {"politie", "ggz-instellingen", "zorgkantoor", "het-parool", "media"} <= keys(doc)


def test_definite_role_points_back_to_the_person_just_named(nlp: Language) -> None:
    doc = run(
        nlp,
        "Toen opende de waarnemend burgemeester van Tilburg (Anton Verbeek) de vergadering.",
        "De burgemeester wilde snel een besluit.",
    )
    people = [(surface, key) for surface, key in mentions(doc) if key == "anton-verbeek"]
    assert people == [("Anton Verbeek", "anton-verbeek"), ("De burgemeester", "anton-verbeek")]
    assert ("Tilburg", "gemeente-tilburg") in mentions(doc)


def test_distinguishing_adjective_makes_another_collective_actor(nlp: Language) -> None:
    doc = run(nlp, "De gemeenten en andere gemeenten overleggen met de centrale crisisdienst.")
    assert {"gemeenten", "andere-gemeenten", "centrale-crisisdienst"} <= keys(doc)


def test_person_named_with_initials(nlp: Language) -> None:
    doc = run(nlp, "Het bevel kwam van commandant P.J. Smeets van de politie.")
    assert doc._.actors["p-j-smeets"].actor_class is ActorClass.Person
    assert doc._.actors["p-j-smeets"].role == "commandant"


def test_den_haag_at_the_start_of_a_sentence_is_the_government(nlp: Language) -> None:
    doc = run(nlp, "Er kwam weinig steun.", "Den Haag wilde er niet aan betalen.")
    assert mentions(doc) == [("Den Haag", "rijk")]


def test_person_name_stops_before_van_and_a_known_body_or_place(nlp: Language) -> None:
    doc = run(
        nlp,
        "Dat zei Lotte de Wit van Volksgezondheid op het congres.",
        "Volgens Sander Bakker van Zwolle is het te duur.",
    )
    assert {"lotte-de-wit", "sander-bakker"} <= keys(doc)
    assert ("Volksgezondheid", "ministerie-van-vws") in mentions(doc)


def test_organisation_after_a_functional_role_is_no_person(nlp: Language) -> None:
    doc = run(nlp, "Een bestuurder Horizon schreef de brief, zegt VNG-voorzitter Kees Dijkstra.")
    people = {
        key for key, record in doc._.actors.items() if record.actor_class is ActorClass.Person
    }
    assert people == {"kees-dijkstra"}


def test_organisation_noun_followed_by_its_name_and_later_the_bare_noun(nlp: Language) -> None:
    doc = run(
        nlp,
        "De huurders richtten de huurdersvereniging Oosterpark op.",
        "Later klaagde de huurdersvereniging bij de corporatie.",
    )
    keys_found = [key for surface, key in mentions(doc) if "huurdersvereniging" in surface]
    assert keys_found == ["huurdersvereniging-oosterpark"] * 2
    record = doc._.actors["huurdersvereniging-oosterpark"]
    assert record.actor_class is ActorClass.CivilSocietyOrganisation


def test_organisation_inside_a_compound_is_mentioned(nlp: Language) -> None:
    doc = run(nlp, "Het VNG-bestuur en SP-raadslid Ayla Yilmaz waren het oneens.")
    assert {"vng", "sp", "ayla-yilmaz"} <= keys(doc)


def test_region_as_a_place_is_no_actor_but_as_a_party_it_is(nlp: Language) -> None:
    located = run(nlp, "In de regio wonen veel ouderen alleen.")
    assert "regio" not in keys(located)
    acting = run(nlp, "Taken verschuiven van het Rijk naar de regio.")
    assert {"rijk", "regio"} <= keys(acting)


def test_het_stadsdeel_resolves_to_the_district_the_text_names(nlp: Language) -> None:
    doc = run(
        nlp,
        "Stadsdeel Noord opent een buurthuis.",
        "Stadsdeel Noord betaalt de huur.",
        "Het stadsdeel Noord zoekt vrijwilligers.",
        "Het stadsdeel is tevreden.",
    )
    assert mentions(doc)[-1] == ("Het stadsdeel", "stadsdeel-noord")


def test_english_phrases_and_plans_are_not_persons(nlp: Language) -> None:
    doc = run(
        nlp,
        "Het boek gaat over Managing Networks in de publieke sector.",
        "Volgens Central Government werkt dat niet, zegt wethouder Jeugd Karin Smit.",
    )
    people = {
        key for key, record in doc._.actors.items() if record.actor_class is ActorClass.Person
    }
    assert people == {"karin-smit"}
    assert doc._.actors["karin-smit"].role == "wethouder Jeugd"


def test_named_department_with_joined_name_is_one_actor(nlp: Language) -> None:
    doc = run(nlp, "De afdeling Wonen en Zorg van de gemeente Ede schreef het plan.")
    assert ("De afdeling Wonen en Zorg", "afdeling-wonen-en-zorg") in mentions(doc)
    assert "gemeente-ede" in keys(doc)


def test_first_name_alone_is_the_one_person_with_that_first_name(nlp: Language) -> None:
    doc = run(
        nlp,
        "De lezing ging over Femke Verhoeven en haar werk.",
        "Volgens sommigen, zegt Femke, is dat te somber.",
    )
    assert [key for _, key in mentions(doc)] == ["femke-verhoeven", "femke-verhoeven"]


def test_ministries_have_one_node_whatever_the_register_abbreviation(nlp: Language) -> None:
    doc = run(
        nlp, "Het ministerie van Financiën betaalt; Financiën wil dat ook Defensie bezuinigt."
    )
    assert keys(doc) == {"ministerie-van-financien", "ministerie-van-defensie"}


def test_definite_head_noun_points_back_to_the_named_organisation(nlp: Language) -> None:
    doc = run(
        nlp,
        "In 2004 begon de Stichting Thuisfront met maaltijden aan huis.",
        "De stichting kreeg daarvoor geld van de gemeente Zwolle.",
    )
    assert ("De stichting", "stichting-thuisfront") in mentions(doc)
    far = run(nlp, "De stichting kreeg geld.", "Pas later kwam de Stichting Thuisfront.")
    assert ("De stichting", "stichting-thuisfront") not in mentions(far)


def test_raad_van_bestuur_is_not_the_municipal_council(nlp: Language) -> None:
    doc = run(
        nlp,
        "De raad van bestuur van het ziekenhuis besloot het anders.",
        "De raad stemde daarna in met het plan.",
    )
    assert [surface for surface, _ in mentions(doc)] == ["De raad"]


def test_person_glued_to_an_organisation_name_is_cut_off(nlp: Language) -> None:
    doc = run(nlp, "Dat meldde directeur woningcorporatie Woonwaard Kirsten Bosma gisteren.")
    assert "woonwaard" in keys(doc)
    assert "woonwaard-kirsten-bosma" not in keys(doc)


def test_long_capitalised_word_is_no_abbreviation() -> None:
    assert is_abbreviation("DWI") and is_abbreviation("NZa") and is_abbreviation("Riagg")
    assert not is_abbreviation("Rotterdam")
    assert not is_abbreviation("gemeente")


def test_elliptic_coordination_names_both_collectives(nlp: Language) -> None:
    doc = run(nlp, "De gemeente werkt samen met kennis- en onderwijsinstellingen.")
    assert {"kennisinstellingen", "onderwijsinstellingen"} <= keys(doc)
