"""Sentence splitting: abbreviations, initials, quotes, attributions, headings, list items."""

from __future__ import annotations

import spacy

from extract.segment import Segment, attribution_of, segment


def sentences(text: str) -> list[str]:
    """The text of every segment, in order."""
    return [text[seg.start : seg.end] for seg in segment(text)]


def test_plain_sentences_split_at_full_stops_and_question_marks() -> None:
    text = "De raad stemde in. Was dat verstandig? Ja! Het college 2.0 ging door."
    assert sentences(text) == [
        "De raad stemde in.",
        "Was dat verstandig?",
        "Ja!",
        "Het college 2.0 ging door.",
    ]


def test_dutch_abbreviations_do_not_end_a_sentence() -> None:
    text = (
        "Dit staat o.a. in het advies (zie blz. 12) van de RMO. Partners, bijv. Leger des "
        "Heils en de GGD, tekenden m.b.t. de opvang. Prof. Jansen en dr. De Wit waren er."
    )
    assert sentences(text) == [
        "Dit staat o.a. in het advies (zie blz. 12) van de RMO.",
        "Partners, bijv. Leger des Heils en de GGD, tekenden m.b.t. de opvang.",
        "Prof. Jansen en dr. De Wit waren er.",
    ]


def test_abbreviation_that_may_end_a_sentence_does() -> None:
    assert sentences("Er waren tafels, stoelen enz. De zaal was vol.") == [
        "Er waren tafels, stoelen enz.",
        "De zaal was vol.",
    ]


def test_initials_do_not_end_a_sentence() -> None:
    text = "Volgens J.C. de Vries en B. Jansen ging het goed. Zij tekenden."
    assert sentences(text) == [
        "Volgens J.C. de Vries en B. Jansen ging het goed.",
        "Zij tekenden.",
    ]


def test_lowercase_after_a_stop_or_a_quote_comma_continues_the_sentence() -> None:
    text = "‘Dat kan niet meer,’ zegt de wethouder. ‘Wij gaan het regelen.’ Daarna was het stil."
    assert sentences(text) == [
        "‘Dat kan niet meer,’ zegt de wethouder.",
        "‘Wij gaan het regelen.’",
        "Daarna was het stil.",
    ]


def test_sentence_may_start_with_an_elided_article() -> None:
    assert sentences("Het was laat. ’s Avonds kwam de raad bijeen.") == [
        "Het was laat.",
        "’s Avonds kwam de raad bijeen.",
    ]


def test_colon_does_not_end_a_sentence() -> None:
    assert sentences("De vraag was: Wie betaalt de rekening?") == [
        "De vraag was: Wie betaalt de rekening?"
    ]


def test_trailing_attribution_stays_in_the_last_sentence_and_names_the_speaker() -> None:
    text = (
        "We hebben eerst met de wethouder gesproken. Dat ging goed. (Karin de Boer, "
        "directeur GGD Noord (GGD-N))"
    )
    segments = segment(text)
    assert [text[s.start : s.end] for s in segments] == [
        "We hebben eerst met de wethouder gesproken.",
        "Dat ging goed. (Karin de Boer, directeur GGD Noord (GGD-N))",
    ]
    assert {s.attribution for s in segments} == {"Karin de Boer, directeur GGD Noord (GGD-N)"}


def test_attribution_belongs_to_its_own_quote_block_only() -> None:
    text = "Het ging mis. (Piet van Dam, adviseur DWI)\n\nDe gemeente greep in."
    assert [s.attribution for s in segment(text)] == ["Piet van Dam, adviseur DWI", None]


def test_look_alike_parentheticals_are_not_attributions() -> None:
    assert attribution_of("RMO 2002, blz. 40") is None
    assert attribution_of("Jansen e.a. 1997, blz. 12") is None
    assert attribution_of("2003, EG") is None
    assert attribution_of("Karel Appel, EG") is None
    assert attribution_of("GGD, politie, de gemeente en het zorgkantoor") is None
    assert attribution_of("BOA, Bestuurlijk Overleg Amsterdam") is None
    assert attribution_of("Noord, Oost en West") is None
    assert attribution_of("Anna ter Horst, wethouder Zorg") == "Anna ter Horst, wethouder Zorg"


def test_a_citation_after_the_last_sentence_is_not_a_speaker() -> None:
    text = "Dit bleek uit het onderzoek. (SCP 2004, blz. 7)"
    assert [(text[s.start : s.end], s.attribution) for s in segment(text)] == [
        ("Dit bleek uit het onderzoek. (SCP 2004, blz. 7)", None)
    ]


def test_omission_mark_starts_the_next_sentence() -> None:
    text = "Het was stil. (...) Maar toen kwam de pers. (Jan de Vries, woordvoerder)"
    assert sentences(text) == [
        "Het was stil.",
        "(...) Maar toen kwam de pers. (Jan de Vries, woordvoerder)",
    ]


def test_ellipsis_before_lowercase_continues() -> None:
    assert sentences("Het plan was ... niet uitvoerbaar. Klaar.") == [
        "Het plan was ... niet uitvoerbaar.",
        "Klaar.",
    ]


def test_paragraphs_never_share_a_sentence() -> None:
    assert sentences("Een zin zonder punt\n\nDe volgende alinea.") == [
        "Een zin zonder punt",
        "De volgende alinea.",
    ]


def test_headings_carry_section_and_year_to_the_sentences_below() -> None:
    text = (
        "6.2 De casus\n\n"
        "Aanloop (najaar 2002)\n\n"
        "De wethouder begon. De raad volgde.\n\n"
        "Uitvoering\n\n"
        "Het plan liep.\n\n"
        "6.3 Ontwikkelingen in 2005\n\n"
        "Details\n\n"
        "Dat jaar groeide het."
    )
    rows = [(text[s.start : s.end], s.kind, s.section, s.default_year) for s in segment(text)]
    assert rows == [
        ("6.2 De casus", "heading", "6.2 De casus", None),
        ("Aanloop (najaar 2002)", "heading", "Aanloop (najaar 2002)", 2002),
        ("De wethouder begon.", "sentence", "Aanloop (najaar 2002)", 2002),
        ("De raad volgde.", "sentence", "Aanloop (najaar 2002)", 2002),
        ("Uitvoering", "heading", "Uitvoering", None),
        ("Het plan liep.", "sentence", "Uitvoering", None),
        ("6.3 Ontwikkelingen in 2005", "heading", "6.3 Ontwikkelingen in 2005", 2005),
        ("Details", "heading", "Details", 2005),
        ("Dat jaar groeide het.", "sentence", "Details", 2005),
    ]


def test_numbered_heading_with_a_full_stop_after_its_number() -> None:
    text = "2. Professionele ruimte is het speerpunt\n\nDe wijkteams kregen ruimte."
    assert [(s.kind, s.section) for s in segment(text)] == [
        ("heading", "2. Professionele ruimte is het speerpunt"),
        ("sentence", "2. Professionele ruimte is het speerpunt"),
    ]


def test_short_quote_with_attribution_is_not_a_heading() -> None:
    text = "Dat werkt niet. (Els Bos, adviseur DMO)"
    assert [(s.kind, s.attribution) for s in segment(text)] == [
        ("sentence", "Els Bos, adviseur DMO")
    ]


def test_list_items_are_segments_of_their_own_without_the_bullet() -> None:
    text = "De partners waren:\n\n– de GGD;\n\n– de politie. Zij werkten mee.\n\n1 een plan;"
    rows = [(text[s.start : s.end], s.kind) for s in segment(text)]
    assert rows == [
        ("De partners waren:", "sentence"),
        ("de GGD;", "list_item"),
        ("de politie.", "list_item"),
        ("Zij werkten mee.", "list_item"),
        ("een plan;", "list_item"),
    ]


def test_segments_are_ordered_and_do_not_overlap() -> None:
    text = "Kop\n\nEen zin. Nog een zin.\n\n– punt een;\n\nSlot (Ab de Wit, lid)."
    segments = segment(text)
    assert all(isinstance(s, Segment) for s in segments)
    assert all(a.end <= b.start for a, b in zip(segments, segments[1:], strict=False))
    assert all(text[s.start : s.end] == text[s.start : s.end].strip() for s in segments)


def test_spacy_component_marks_sentence_starts_at_segment_starts() -> None:
    nlp = spacy.blank("nl")
    nlp.add_pipe("gov_segmenter")
    text = "Inleiding\n\nDe GGD o.a. werkte mee. Dr. Jansen niet.\n\n– de politie;"
    doc = nlp(text)
    starts = [token.idx for token in doc if token.is_sent_start]
    assert starts == [seg.start for seg in doc._.segments]
    assert [span.text for span in doc.sents][1] == "De GGD o.a. werkte mee."


def test_citation_after_a_stop_belongs_to_the_sentence_before() -> None:
    text = (
        "Wie is eigenaar van het vraagstuk? (WRR 2004, blz. 9) Alleen zo kan het. "
        "Het werkt niet. (Els Bos, adviseur DMO) Daarna volgde een besluit. "
        "Dat bleek later. (Sommige) gemeenten twijfelden. (Zie ook bijlage 2.) Einde."
    )
    assert sentences(text) == [
        "Wie is eigenaar van het vraagstuk? (WRR 2004, blz. 9)",
        "Alleen zo kan het.",
        "Het werkt niet. (Els Bos, adviseur DMO)",
        "Daarna volgde een besluit.",
        "Dat bleek later.",
        "(Sommige) gemeenten twijfelden.",
        "(Zie ook bijlage 2.)",
        "Einde.",
    ]


def test_attribution_inside_a_paragraph_ends_its_quote_block() -> None:
    text = "Wij wilden meer. Het kon niet. (Els Bos, adviseur DMO) De gemeente reageerde."
    assert [s.attribution for s in segment(text)] == [
        "Els Bos, adviseur DMO",
        "Els Bos, adviseur DMO",
        None,
    ]


def test_two_word_abbreviation_ends_a_sentence_only_before_a_capital() -> None:
    text = "Dat bleek al (Jansen et al. 2004). Zie ook De Vries et al. De raad stemde in."
    assert sentences(text) == [
        "Dat bleek al (Jansen et al. 2004).",
        "Zie ook De Vries et al.",
        "De raad stemde in.",
    ]


def kinds(text: str) -> list[tuple[str, str]]:
    """(kind, text) of every segment, in order."""
    return [(seg.kind, text[seg.start : seg.end]) for seg in segment(text)]


def test_numbered_question_is_a_heading_and_an_unnumbered_one_a_sentence() -> None:
    text = "2. Wat ging er mis?\n\nDe GGD belde te laat. Wie had dat gedacht?"
    assert kinds(text) == [
        ("heading", "2. Wat ging er mis?"),
        ("sentence", "De GGD belde te laat."),
        ("sentence", "Wie had dat gedacht?"),
    ]
    assert segment(text)[1].section == "2. Wat ging er mis?"


def test_letter_furniture_is_structure_not_sentences() -> None:
    text = (
        "Kenmerk: 2024/118\n\nDatum: 4 juni 2024\n\nGeachte voorzitter, geachte leden,\n\n"
        "Het college informeert u over de opvang.\n\nMet vriendelijke groet,\n\n"
        "Burgemeester en wethouders van Zwolle,\n\nde secretaris, de burgemeester,\n\n"
        "J. de Vries, A. Bakker"
    )
    segments = segment(text)
    assert [seg.kind for seg in segments] == ["heading"] * 3 + ["sentence"] + ["heading"] * 4
    opvang = segments[3]
    assert (opvang.section, opvang.default_year) == ("Datum: 4 juni 2024", 2024)


def test_a_sentence_opening_like_letter_furniture_stays_a_sentence() -> None:
    text = "Beste praktijken uit andere regio's werden gedeeld. Daarna volgde de lunch."
    assert [kind for kind, _ in kinds(text)] == ["sentence", "sentence"]


def test_run_in_heading_is_split_from_its_first_sentence() -> None:
    text = "Toezicht op afstand De provincie kijkt mee met de begroting. Zij grijpt zelden in."
    assert kinds(text) == [
        ("heading", "Toezicht op afstand"),
        ("sentence", "De provincie kijkt mee met de begroting."),
        ("sentence", "Zij grijpt zelden in."),
    ]
    assert segment(text)[1].section == "Toezicht op afstand"


def test_a_name_with_a_capital_article_is_no_run_in_heading() -> None:
    text = "Volgens De Telegraaf betaalde de gemeente te veel. II De aanpak"
    assert kinds(text)[0] == ("sentence", "Volgens De Telegraaf betaalde de gemeente te veel.")
    assert kinds("II De aanpak van de wijk")[0] == ("heading", "II De aanpak van de wijk")


def test_initials_and_end_mark_of_a_magazine_article_stay_with_its_last_sentence() -> None:
    text = "Het college stemde in. De raad volgt in mei. (JdV) ←"
    assert sentences(text) == ["Het college stemde in.", "De raad volgt in mei. (JdV) ←"]


def test_credit_lines_are_headings_that_open_no_section() -> None:
    text = (
        "De nieuwe koers\n\nTEKST: ANNA DE BOER | BEELD: JAN KOK\n\nDe VNG kiest een nieuwe koers."
    )
    segments = segment(text)
    assert [seg.kind for seg in segments] == ["heading", "heading", "sentence"]
    assert segments[2].section == "De nieuwe koers"
