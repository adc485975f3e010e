"""Token-level tests for actor recognition: citations, proper names, abbreviations in the text."""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc, Token

YEAR = re.compile(r"^(1[89]\d\d|20\d\d)[a-z]?$")
NAME_PARTICLES = frozenset(
    {
        "van",
        "de",
        "der",
        "den",
        "ter",
        "ten",
        "te",
        "het",
        "'t",
        "’t",
        "von",
        "la",
        "le",
        "du",
        "el",
        "al",
        "ben",
        "bin",
        "da",
        "di",
        "dos",
        "del",
    }
)
ORGANISATION_PARTICLES = frozenset({"de", "het", "'t", "’t"})  # "GGZ de Meren"
# "al" and "in" are not glue: "adviseerde het kabinet al in 2014" is no citation
CITATION_GLUE = frozenset({",", "en", "&", "e.a.", "et", "al.", "(", "’", "'"})
OPEN, CLOSE = "(", ")"


def is_year(token: Token) -> bool:
    """A four-digit year such as 1997 or 2007a."""
    return bool(YEAR.match(token.text))


def is_capitalised(token: Token) -> bool:
    """A word that starts with a capital letter."""
    return token.text[:1].isupper() and any(char.isalpha() for char in token.text)


def is_citation(doc: Doc, start: int, end: int) -> bool:
    """True when the stretch is an author cited as a source: "Kickert e.a. 1997", "(RMO, 2002)"."""
    index = end
    limit = min(len(doc), end + 10)
    while index < limit:
        token = doc[index]
        if is_year(token):
            return True
        if token.text in CITATION_GLUE or token.lower_ in CITATION_GLUE:
            index += 1
            continue
        # other authors in the same citation: "Kotter en Cohen (2007)", "Cohen, March en Olson"
        if is_capitalised(token) and index > end and doc[index - 1].text in {",", "en", "&"}:
            index += 1
            continue
        if token.lower_ in NAME_PARTICLES and index + 1 < limit and is_capitalised(doc[index + 1]):
            index += 1
            continue
        return False
    return False


def scan_name(
    doc: Doc, start: int, limit: int, allow_joiners: bool = False, organisation: bool = False
) -> int:
    """End of the proper name that starts at `start`: capitalised words, particles, initials.

    A person's name has particles inside ("Joop van Riessen"); an organisation's only in front
    ("de Meren"), and with `allow_joiners` "en" and commas join its parts ("Welzijn en Sport").
    Returns `start` when no name starts there.
    """
    index = start
    end = start
    while index < limit:
        token = doc[index]
        if index > start and token.is_sent_start:
            break
        if is_capitalised(token) and not token.is_punct:
            index += 1
            end = index
            continue
        particle_allowed = (
            index == start and token.lower_ in ORGANISATION_PARTICLES
            if organisation
            else index > start
        )
        joiner = (token.lower_ in NAME_PARTICLES and particle_allowed) or (
            allow_joiners and index > start and token.text in {",", "en", "&"}
        )
        if joiner and index + 1 < limit and not doc[index + 1].is_sent_start:
            # a particle only belongs to the name when a capitalised word follows it
            look = index + 1
            while look < limit and doc[look].lower_ in NAME_PARTICLES:
                look += 1
            if look < limit and is_capitalised(doc[look]):
                index = look
                continue
        break
    return end


@dataclass(frozen=True)
class Definition:
    """An abbreviation defined in the text, and the token stretch of the whole definition."""

    short: str
    long: str
    span: tuple[int, int]  # "Dienst Werk en Inkomen (DWI)" as one stretch


def _initials_match(short: str, long_form: str) -> bool:
    """Schwartz-Hearst: the short form's letters occur in order in the long form."""
    letters = [char.lower() for char in short if char.isalnum()]
    text = long_form.lower()
    position = len(text) - 1
    for letter_index in range(len(letters) - 1, -1, -1):
        letter = letters[letter_index]
        while position >= 0 and (
            text[position] != letter
            or (letter_index == 0 and position > 0 and text[position - 1].isalnum())
        ):
            position -= 1
        if position < 0:
            return False
        position -= 1
    return True


def is_abbreviation(text: str) -> bool:
    """A short form: a word with two capitals ("DWI", "NZa") or a short word ("Riagg")."""
    if not text[:1].isupper() or len(text) < 2 or len(text) > 12 or " " in text:
        return False
    return sum(char.isupper() for char in text) >= 2 or (text.isalpha() and len(text) <= 6)


def _long_form_before(doc: Doc, paren: int, short: str, floor: int) -> tuple[int, int] | None:
    """The shortest stretch of words before `paren` whose initials spell `short`."""
    for words, start in enumerate(range(paren - 1, max(floor, paren - 12) - 1, -1), start=1):
        token = doc[start]
        if token.is_punct and token.text not in {"-", "&"}:
            return None
        if words > len(short) + 4:
            return None
        if is_capitalised(token) and token.text[0].lower() == short[0].lower():
            candidate = doc[start:paren].text
            if _initials_match(short, candidate):
                return start, paren
    return None


def find_definitions(doc: Doc, start: int, end: int) -> list[Definition]:
    """Abbreviations defined in a token range: "Long Form (LF)", "LF (Long Form)", "(LF, Long)"."""
    found = []
    for index in range(start, end):
        if doc[index].text != OPEN:
            continue
        close = next(
            (i for i in range(index + 1, min(end, index + 16)) if doc[i].text == CLOSE), None
        )
        if close is None:
            continue
        inner = doc[index + 1 : close]
        if (
            len(inner) == 1
            and is_abbreviation(inner.text)
            and sum(c.isupper() for c in inner.text) >= 2
        ):
            long_span = _long_form_before(doc, index, inner.text, start)
            if long_span:
                long_form = doc[long_span[0] : long_span[1]].text
                found.append(Definition(inner.text, long_form, (long_span[0], close + 1)))
            continue
        if len(inner) >= 3 and inner[1].text == "," and is_abbreviation(inner[0].text):
            long_text = doc[index + 3 : close].text
            if _initials_match(inner[0].text, long_text):
                found.append(Definition(inner[0].text, long_text, (index + 1, close)))
            continue
        if len(inner) >= 2 and index > start and is_abbreviation(doc[index - 1].text):
            short = doc[index - 1].text
            if _initials_match(short, inner.text) and is_capitalised(inner[0]):
                found.append(Definition(short, inner.text, (index - 1, close + 1)))
    return found
