"""Cleaning: one test group per PDF trap, on Dutch strings written for these tests."""

from __future__ import annotations

from extract.clean import clean, repair_unicode
from extract.segment import segment


def paragraphs(text: str) -> list[str]:
    """The paragraphs of a cleaned text."""
    return clean(text).text.split("\n\n")


# --- unicode ---------------------------------------------------------------------------------


def test_decomposed_accents_are_composed() -> None:
    repaired, stats = repair_unicode("De patie\u0308nten kregen e\u0301e\u0301n bed.")
    assert repaired == "De patiënten kregen één bed."
    assert stats["accents_composed"] == 3


def test_dotless_i_with_trema_becomes_i_trema() -> None:
    repaired, stats = repair_unicode("Zij waren ge\u0131\u0308nteresseerd en naı\u0308ef.")
    assert repaired == "Zij waren geïnteresseerd en naïef."
    assert stats["dotless_i_fixed"] == 2


def test_replacement_character_and_invisible_marks_are_dropped() -> None:
    repaired, stats = repair_unicode("Het 3\ufffdS-model\u200b werkt\u00a0goed.")
    assert repaired == "Het 3S-model werkt goed."
    assert stats["replacement_chars_dropped"] == 1


# --- line-break hyphens ----------------------------------------------------------------------


def test_break_hyphen_inside_a_lowercase_word_is_removed() -> None:
    cleaned = clean("De wijkteams zochten samenwer-\nking met de scholen.")
    assert cleaned.text == "De wijkteams zochten samenwerking met de scholen."
    assert cleaned.stats["hyphens_removed"] == 1


def test_hyphen_after_a_capital_or_digit_is_kept() -> None:
    cleaned = clean("Alle GGZ-\ninstellingen deden mee in de jaren 2010-\n2014.")
    assert cleaned.text == "Alle GGZ-instellingen deden mee in de jaren 2010-2014."
    assert cleaned.stats["hyphens_kept"] == 2


def test_hyphen_after_a_bracket_or_quote_is_kept_and_a_lone_dash_is_not_a_break() -> None:
    text = "De (AWBZ)-\nfinanciering en de “4R”-\naanpak en een streep -\nhier."
    assert clean(text).text == "De (AWBZ)-financiering en de “4R”-aanpak en een streep - hier."


def test_hyphen_before_a_capital_is_kept() -> None:
    assert clean("De provincie Noord-\nBrabant betaalde.").text == (
        "De provincie Noord-Brabant betaalde."
    )


def test_compound_with_inner_hyphen_loses_only_the_break_hyphen() -> None:
    assert clean("De Riagg-crisis-\ndienst kwam laat.").text == "De Riagg-crisisdienst kwam laat."


def test_trema_restored_from_a_spelling_elsewhere_in_the_document() -> None:
    cleaned = clean("Wij vergelijken twee scenarioën.\nBeide scenario-\nen kosten geld.")
    assert "Beide scenarioën kosten geld." in cleaned.text
    assert cleaned.stats["trema_restored"] == 1


def test_trema_restored_from_the_lexicon_inside_a_compound() -> None:
    cleaned = clean("Een ge-\nisoleerde dienst en veel onderwijstheorie-\nen.")
    assert cleaned.text == "Een geïsoleerde dienst en veel onderwijstheorieën."
    assert cleaned.stats["trema_restored"] == 2


def test_trema_restored_by_a_junction_rule_for_an_unknown_word() -> None:
    assert clean("Drie buurtbaterie-\nen.").text == "Drie buurtbaterieën."


def test_shared_part_hyphen_before_en_is_kept_with_its_space() -> None:
    cleaned = clean("Het gaat om beleids-\nen uitvoeringsvragen.")
    assert cleaned.text == "Het gaat om beleids- en uitvoeringsvragen."


def test_plural_with_trema_beats_shared_part_when_the_plural_is_attested() -> None:
    text = "Er zijn drie strategieën.\nDie strategie-\nen werken samen."
    assert "Die strategieën werken samen." in clean(text).text


def test_hyphenated_spelling_attested_elsewhere_is_kept() -> None:
    text = "Er zijn nieuwe media-acties.\nDe media-\nacties liepen goed."
    assert "De media-acties liepen goed." in clean(text).text


# --- page furniture --------------------------------------------------------------------------


PAGED = (
    "Het college besprak het onder-\n"
    "\n"
    "12 DE LOKALE OVERHEID IN BEWEGING\n"
    "\n"
    "\n"
    "\n"
    "zoek met de raad. Daarna volgde een besluit.\n"
    "\n"
    "1 ONDUIDELIJKE TAKEN\n"
    "\n"
    "De taken waren niet helder verdeeld tussen de diensten\n"
    "\n"
    "DE LOKALE OVERHEID IN BEWEGING 13\n"
    "\n"
    "\n"
    "\n"
    " en de stadsdelen.\n"
)


def test_running_headers_are_dropped_and_split_words_rejoined() -> None:
    cleaned = clean(PAGED)
    assert "LOKALE OVERHEID" not in cleaned.text
    assert "Het college besprak het onderzoek met de raad." in cleaned.text
    assert "tussen de diensten en de stadsdelen." in cleaned.text
    assert cleaned.stats["headers_dropped"] == 2


def test_numbered_uppercase_subheading_is_content() -> None:
    assert "1 ONDUIDELIJKE TAKEN" in paragraphs(PAGED)


def test_single_running_header_inside_a_sentence_of_a_short_document_is_dropped() -> None:
    text = (
        "2 Handhaving\n"
        "\n"
        "In overleg met de politie en de boa's van de gemeente\n"
        "\n"
        "7 JAARVERSLAG OMGEVINGSDIENST 2022\n"
        "\n"
        "controleert de dienst de bedrijven in het gebied.\n"
    )
    cleaned = clean(text)
    assert "JAARVERSLAG" not in cleaned.text
    assert paragraphs(text)[1] == (
        "In overleg met de politie en de boa's van de gemeente controleert de dienst de "
        "bedrijven in het gebied."
    )
    assert cleaned.stats["headers_dropped"] == 1


def test_header_repeating_the_document_title_between_paragraphs_is_dropped() -> None:
    text = (
        "Jaarverslag 2022\n\nOmgevingsdienst Twente\n\n1 Toezicht\n\n"
        "De dienst bezocht veel bedrijven.\n\nDaarbij hielp de provincie.\n\n"
        "Ook de gemeenten deden mee.\n\nDe politie meldde overtredingen.\n\n"
        "4 JAARVERSLAG OMGEVINGSDIENST TWENTE 2022\n\nDe dienst sloot het jaar af.\n"
    )
    assert "JAARVERSLAG" not in clean(text).text


def test_uppercase_numbered_line_between_sentences_is_kept() -> None:
    text = "De dienst sloot het jaar af.\n\n3 VERGUNNINGEN 2022\n\nDe dienst verleende er veel.\n"
    assert "3 VERGUNNINGEN 2022" in paragraphs(text)


def test_lone_page_number_is_dropped() -> None:
    cleaned = clean("De raad vergaderde en\n\n27\n\nbesloot unaniem.")
    assert cleaned.text == "De raad vergaderde en besloot unaniem."
    assert cleaned.stats["page_numbers_dropped"] == 1


def test_footnote_bodies_at_the_page_foot_are_dropped() -> None:
    text = (
        "De VNG1 schreef een advies dat voor\n"
        "\n"
        "1]\t VNG (2019), Samen sterker. Een advies over\n"
        "\n"
        "de regio. Den Haag.\n"
        " alle gemeenten gold.\n"
    )
    cleaned = clean(text)
    assert cleaned.text == "De VNG schreef een advies dat voor alle gemeenten gold."
    assert cleaned.stats["footnote_body_lines_dropped"] == 3


# --- footnote markers ------------------------------------------------------------------------


def test_footnote_markers_in_sequence_are_removed() -> None:
    text = (
        "Het college nam een besluit.1 Daarna sprak de wethouder2 met de GGD\n"
        "en met de politie (IBS).3 Een man (42) wachtte 48 uur op AT5 en in 2004.\n"
        "Het verslag volgde op 3 mei 20084 en de reactie kwam snel:5\n"
    )
    cleaned = clean(text)
    assert cleaned.text == (
        "Het college nam een besluit. Daarna sprak de wethouder met de GGD en met de politie "
        "(IBS). Een man (42) wachtte 48 uur op AT5 en in 2004. Het verslag volgde op 3 mei "
        "2008 en de reactie kwam snel:"
    )
    assert cleaned.stats["footnotes_dropped"] == 5


def test_numbers_out_of_sequence_are_not_markers() -> None:
    text = "Zender AT5 meldde het.\nDe Wmo2015 geldt sinds 2015.\n"
    assert clean(text).text == "Zender AT5 meldde het. De Wmo2015 geldt sinds 2015."


def test_digit_of_a_known_organisation_name_is_no_marker() -> None:
    text = "Het eerste overleg was in mei.1 Daarna sprak Woonbedrijf ieder1 met de wijk.2\n"
    assert (
        clean(text).text
        == "Het eerste overleg was in mei. Daarna sprak Woonbedrijf ieder1 met de wijk."
    )


def test_word_recurring_with_the_same_digit_is_a_name() -> None:
    text = (
        "Buurtnet3 opende een loket.1 De gemeente2 betaalde Buurtnet3 voor de huur.\n"
        "Ook Buurtnet3 kreeg een nieuw pand.\n"
    )
    cleaned = clean(text)
    assert cleaned.text.count("Buurtnet3") == 3
    assert "loket. De gemeente betaalde" in cleaned.text


def test_a_lone_glued_number_without_footnotes_is_kept() -> None:
    text = "De stichting Zorgpunt1 opende een vestiging in de wijk.\n"
    cleaned = clean(text)
    assert cleaned.text == "De stichting Zorgpunt1 opende een vestiging in de wijk."
    assert cleaned.stats["footnotes_dropped"] == 0


def test_headings_lose_their_footnote_marker() -> None:
    text = "Tekst met een eerste noot.1\n\n2.3 Methodologische keuzes2\n\nDe tekst gaat door."
    assert "2.3 Methodologische keuzes" in paragraphs(text)


# --- paragraphs, headings, lists -------------------------------------------------------------


def test_heading_glued_to_its_paragraph_becomes_its_own_paragraph() -> None:
    text = (
        "Vorige alinea eindigt hier met een volle regel tekst en een punt.\n"
        "\n"
        "Aanloop (najaar 2003)\n"
        "In 2003 begon de gemeente met een nieuw plan voor de opvang van\n"
        "daklozen in de stad.\n"
    )
    assert paragraphs(text)[1:] == [
        "Aanloop (najaar 2003)",
        "In 2003 begon de gemeente met een nieuw plan voor de opvang van daklozen in de stad.",
    ]


def test_two_line_heading_is_recognised() -> None:
    text = (
        "Een eerdere alinea met een volle regel tekst die eindigt met een punt.\n"
        "\n"
        "Een lange kop over de tweede poging tot een oplossing met de\n"
        "wijkteams\n"
        "De wijkteams begonnen in maart met hun werk in drie stadsdelen.\n"
    )
    assert paragraphs(text)[1] == (
        "Een lange kop over de tweede poging tot een oplossing met de wijkteams"
    )


def test_list_items_become_separate_paragraphs() -> None:
    text = "De partners waren:\n– de GGD;\n– de politie en de\nreclassering;\n– het OM.\n"
    assert paragraphs(text) == [
        "De partners waren:",
        "– de GGD;",
        "– de politie en de reclassering;",
        "– het OM.",
    ]


def test_dash_inside_a_sentence_is_not_a_list_item() -> None:
    text = "Het overleg tussen de wethouders\n– zonder ambtenaren – liep vast.\n"
    assert paragraphs(text) == ["Het overleg tussen de wethouders – zonder ambtenaren – liep vast."]


def test_blank_line_inside_a_sentence_is_layout_damage() -> None:
    text = "– het opstellen van een gedeelde agenda en het formuleren\n\nvan doelen.\n"
    assert paragraphs(text) == [
        "– het opstellen van een gedeelde agenda en het formuleren van doelen."
    ]


def test_double_spaced_text_keeps_sentences_together() -> None:
    lines = [f"Regel {n} van de brief loopt door" for n in range(12)]
    text = "\n\n".join(lines) + ".\n\n \n\nEen nieuwe alinea begint hier.\n"
    result = paragraphs(text)
    assert result == [" ".join(lines) + ".", "Een nieuwe alinea begint hier."]


# --- the offset map --------------------------------------------------------------------------


def test_line_span_points_to_raw_lines() -> None:
    cleaned = clean(PAGED)
    spans = {
        cleaned.text[seg.start : seg.end]: cleaned.line_span(seg.start, seg.end)
        for seg in segment(cleaned.text)
    }
    assert spans["Het college besprak het onderzoek met de raad."] == (1, 7)
    assert spans["Daarna volgde een besluit."] == (7, 7)
    assert spans["De taken waren niet helder verdeeld tussen de diensten en de stadsdelen."] == (
        11,
        17,
    )


def test_line_span_of_a_hyphenated_word_covers_both_lines() -> None:
    cleaned = clean("Eerste regel.\nDe samen-\nwerking groeide.")
    start = cleaned.text.index("De samenwerking")
    assert cleaned.line_span(start, len(cleaned.text)) == (2, 3)
    assert cleaned.line_at(cleaned.text.index("werking")) == 3


def test_empty_text_cleans_to_empty() -> None:
    cleaned = clean("")
    assert cleaned.text == ""
    assert cleaned.line_span(0, 0) == (1, 1)


def test_title_page_inside_a_sentence_moves_after_the_sentence() -> None:
    text = (
        "De gemeente wil met dit plan vooral een bijdrage leveren aan een\n"
        "betere samenwerking tussen\n"
        "\n"
        "IV\n"
        "\n"
        "Slotbeschouwing\n"
        " de wijkteams en de huisartsen. Daarna volgt meer.\n"
    )
    assert paragraphs(text) == [
        "De gemeente wil met dit plan vooral een bijdrage leveren aan een betere samenwerking "
        "tussen de wijkteams en de huisartsen. Daarna volgt meer.",
        "IV",
        "Slotbeschouwing",
    ]


def test_word_split_around_a_pull_quote_is_rejoined() -> None:
    text = (
        "Het college zegt dat de samen-\n"
        "\n"
        "EEN CITAAT IN HOOFDLETTERS\n"
        "OVER TWEE REGELS.\n"
        "\n"
        "THEMA ZORG\n"
        "\n"
        "werking goed verloopt.\n"
    )
    assert paragraphs(text)[0] == "Het college zegt dat de samenwerking goed verloopt."


def test_printers_slug_is_dropped() -> None:
    slug = "14 Wijkbladen_nieuws.indd   14 02-03-2022   09:41:07"
    text = f"De raad besloot.\n\n{slug}\nHet college volgde."
    cleaned = clean(text)
    assert cleaned.text == "De raad besloot.\n\nHet college volgde."
    assert cleaned.stats["print_slugs_dropped"] == 1


def test_heading_after_a_full_stop_inside_a_block_is_split_off() -> None:
    text = (
        "De eerste ronde met alle partners aan tafel eindigde met een akkoord.\n"
        " Tweede ronde 3 mei 2006\n"
        "Tijdens de tweede ronde ging het over geld en over de planning van de\n"
        "wijkteams.\n"
    )
    assert paragraphs(text) == [
        "De eerste ronde met alle partners aan tafel eindigde met een akkoord.",
        "Tweede ronde 3 mei 2006",
        "Tijdens de tweede ronde ging het over geld en over de planning van de wijkteams.",
    ]


def test_form_feed_page_break_keeps_the_raw_line_numbers() -> None:
    cleaned = clean("De raad stemde\n\fin met het plan.\nHet college volgde.")
    assert cleaned.text == "De raad stemde in met het plan. Het college volgde."
    assert cleaned.line_at(cleaned.text.index("Het college")) == 3


def test_symbol_font_bullet_read_as_capital_l_becomes_a_list_item() -> None:
    cleaned = clean("De vragen zijn:\nL wie betaalt?\nL wie beslist?\n")
    assert cleaned.text.split("\n\n") == ["De vragen zijn:", "• wie betaalt?", "• wie beslist?"]
    assert cleaned.stats["bullets_repaired"] == 2


def test_symbol_bullets_split_items_even_without_punctuation() -> None:
    text = "Wat de wijkteams nodig hebben\n• een vaste contactpersoon\n• ruimte voor maatwerk\n"
    assert paragraphs(text) == [
        "Wat de wijkteams nodig hebben",
        "• een vaste contactpersoon",
        "• ruimte voor maatwerk",
    ]


def test_heading_after_a_quote_attribution_is_split_off() -> None:
    text = (
        "Het liep uiteindelijk goed af met de wijkteams in de stad. (Anna de Wit,\n"
        "adviseur DMO)\n"
        " Opvattingen over de aanpak\n"
        "Uit de gesprekken blijkt dat de meeste partners tevreden waren over de\n"
        "aanpak.\n"
    )
    assert paragraphs(text)[1] == "Opvattingen over de aanpak"


def test_a_name_running_on_to_the_next_line_is_not_a_heading() -> None:
    text = (
        "Vorige alinea met een punt aan het eind van de regel.\n"
        "\n"
        "De wethouder sprak op een congres van\n"
        "de Vereniging Nederlandse\n"
        "Gemeenten (VNG) over de wijkteams.\n"
    )
    assert paragraphs(text)[1] == (
        "De wethouder sprak op een congres van de Vereniging Nederlandse Gemeenten (VNG) over "
        "de wijkteams."
    )


def test_double_spaced_text_ends_a_paragraph_at_a_short_last_line() -> None:
    line = "Dit is regel {} van een lange brief aan alle collega's van de dienst"
    long_lines = [line.format(n) for n in range(6)]
    text = "\n\n".join(["Beste collega's,", *long_lines, "en dat was het.", *long_lines]) + ".\n"
    result = paragraphs(text)
    assert result[0] == "Beste collega's,"
    assert result[1].endswith("en dat was het.")
    assert len(result) == 3


def test_drop_capital_on_its_own_line_rejoins_its_word() -> None:
    text = "Het bestuur vergaderde.\n\nH\net college besloot. U\nkunt reageren. Het is goed.\n"
    cleaned = clean(text)
    assert "Het college besloot. U kunt reageren." in cleaned.text
    assert cleaned.stats["drop_capitals_joined"] == 1


def test_drop_capital_rejoins_the_rest_of_its_acronym() -> None:
    text = "De VNG vergaderde.\n\nV\nNG en gemeenten spraken. De VNG is tevreden.\n"
    assert "VNG en gemeenten spraken." in clean(text).text


def test_article_end_mark_ends_the_paragraph() -> None:
    text = "De raad stemde in met het plan. (AB) ←\n Een nieuw bericht begint hier.\n"
    assert paragraphs(text) == [
        "De raad stemde in met het plan. (AB) ←",
        "Een nieuw bericht begint hier.",
    ]


def test_title_opening_a_new_page_is_its_own_paragraph() -> None:
    text = (
        "De raad stemde in met het plan.\n Verantwoording\n\nDit hoofdstuk beschrijft de aanpak.\n"
    )
    assert paragraphs(text) == [
        "De raad stemde in met het plan.",
        "Verantwoording",
        "Dit hoofdstuk beschrijft de aanpak.",
    ]


def test_stray_space_inside_a_word_is_closed_in_narrow_columns_only() -> None:
    column = ["De gemeentesecretaris sprak", "met de raad en de wethouder."] * 4
    column += ["Daarna ging de ge meentesecretaris", "naar huis."]
    assert "Daarna ging de gemeentesecretaris naar huis." in clean("\n".join(column)).text
    wide = [line + " en nog veel meer woorden die de regel heel lang maken" for line in column]
    assert "ge meentesecretaris" in clean("\n".join(wide)).text


MAGAZINE = (
    "Deze inleiding staat over de hele breedte van de pagina en loopt tot de rechtermarge door.\n"
    "Ook de tweede regel van de inleiding is lang, want het blad zet haar in een brede kolom.\n"
    "De derde regel van de inleiding sluit de brede kolom af met een gewone volle punt hier.\n"
    "\n"
    "Volgens Petra de Graaf, directeur\n"
    "Veiligheidsregio Twente, is de\n"
    "oefening goed verlopen. De brand-\n"
    "weer en de politie werkten samen.\n"
    "\n"
    "Nieuwe afspraken\n"
    "De gemeente en de GGD maakten in\n"
    "het voorjaar nieuwe afspraken over\n"
    "de nazorg na een grote brand.\n"
)


def test_full_column_line_before_a_capital_is_no_heading_in_magazine_layout() -> None:
    parts = paragraphs(MAGAZINE)
    assert parts[1] == (
        "Volgens Petra de Graaf, directeur Veiligheidsregio Twente, is de oefening goed "
        "verlopen. De brandweer en de politie werkten samen."
    )


def test_short_heading_over_a_magazine_column_is_still_a_heading() -> None:
    assert paragraphs(MAGAZINE)[2:] == [
        "Nieuwe afspraken",
        "De gemeente en de GGD maakten in het voorjaar nieuwe afspraken over de nazorg na een "
        "grote brand.",
    ]


def test_numbered_title_at_a_page_top_after_a_full_stop_is_its_own_paragraph() -> None:
    text = (
        "De wethouder trad af na het debat in de raad.\n"
        " 4 De nasleep van het debat\n"
        "\n"
        "In de weken daarna zocht de raad een opvolger.\n"
    )
    assert paragraphs(text) == [
        "De wethouder trad af na het debat in de raad.",
        "4 De nasleep van het debat",
        "In de weken daarna zocht de raad een opvolger.",
    ]


def test_numbered_line_after_a_colon_is_no_title() -> None:
    text = "De keten kent drie delen:\n1 De intake van nieuwe cliënten\n\nDaarna volgt de rest.\n"
    assert paragraphs(text)[0] == "De keten kent drie delen: 1 De intake van nieuwe cliënten"
