"""Named persons: quote attributions, role + name, speech cues, full names, later surnames."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import simplemma
from spacy.tokens import Doc

from extract.actor_lexicon import Lexicon
from extract.actor_text import NAME_PARTICLES, is_capitalised, is_citation, scan_name

# "(Walter Kamp, adviseur Dienst Maatschappelijke Ontwikkeling (DMO))" at the end of a sentence
ATTRIBUTION = re.compile(
    r"\((?P<name>[A-Z][^(),]{2,40}), (?P<role>[a-z][^()]*(?:\([^()]*\)[^()]*)?)\)\s*$"
)


def is_word(text: str, language: str) -> bool:
    """A word of the language, compounds with hyphens part by part ("Financieel-Economische")."""
    return all(simplemma.is_known(part, lang=language) for part in text.split("-") if part)


@dataclass
class Person:
    """A named person found in one document."""

    name: str
    role: str | None = None
    member_of_span: tuple[int, int] | None = None  # token stretch naming the organisation
    aliases: set[str] = field(default_factory=set)

    @property
    def first_name(self) -> str | None:
        """The first name of a full name ("Paul Marsman"); None for initials or a bare surname."""
        first, _, rest = self.name.partition(" ")
        return first if rest and "." not in first and first[:1].isupper() else None

    @property
    def surname(self) -> str:
        """The family name with its particles, as written after a first name: "ter Horst"."""
        words = self.name.split()
        start = len(words) - 1
        while start > 1 and words[start - 1].lower() in NAME_PARTICLES:
            start -= 1
        return " ".join(words[start:]) if len(words) > 1 else self.name


@dataclass(frozen=True)
class PersonMention:
    """A token stretch that names a person (role words included when they precede the name)."""

    start: int
    end: int
    name: str
    role_start: int | None = None  # where the role phrase before the name starts


class PersonFinder:
    """Finds persons by structural cues; never by a bare capitalised word alone."""

    def __init__(self, lexicon: Lexicon, known_words: set[str], place_names: set[str]) -> None:
        self.lexicon = lexicon
        self.known_words = known_words  # lower-case names and forms of organisations
        self.place_names = place_names
        self.heads = tuple(lexicon.head_classes)
        self.lowercase_words: set[str] = set()  # of the document being read; set by `read`

    def read(self, doc: Doc) -> None:
        """Note the words the document writes in lower case somewhere."""
        self.lowercase_words = {token.text for token in doc if token.is_lower}

    def _name_ok(self, doc: Doc, start: int, end: int) -> bool:
        if end <= start or is_citation(doc, start, end):
            return False
        words = [token for token in doc[start:end] if token.lower_ not in NAME_PARTICLES]
        if (
            not is_capitalised(doc[end - 1])
            or not words
            or any(token.lower_ in self.lexicon.not_person_words for token in words)
        ):
            return False
        if any(token.is_upper and len(token) > 1 and "." not in token.text for token in words):
            return False  # acronyms name organisations; initials ("J.C.") name persons
        if all(is_word(token.lower_, "nl") for token in words):
            return False  # "Radar Advies", "Vangnet": Dutch words, not a person's name
        english = [token for token in words if len(token) > 5 and is_word(token.lower_, "en")]
        if len(english) > 1 and len(english) == end - start:
            return False  # "Central Government", "Managing Networks": English, not a name
        if any(token.lower_.endswith(self.heads) for token in words):
            return False  # "Bureau Leerplicht Plus"
        if words[-1].lower_.endswith(tuple(self.lexicon.not_name_endings)):
            return False  # "Hannie van Leeuwenlezing", "Boxtel het Grotestedenbeleid"
        if doc[start:end].text in self.place_names or all(
            token.text in self.place_names for token in words
        ):
            return False  # "Gooise Meren", "Groningen Leeuwarden"; "ter Horst" is a surname
        return doc[start:end].text.lower() not in self.known_words

    def _trim(self, doc: Doc, start: int, end: int) -> int:
        """Cut "van <place or organisation>" off a name: "Hugo de Jonge van Volksgezondheid"."""
        for index in range(start + 1, end - 1):
            rest = doc[index + 1 : end].text
            if doc[index].lower_ == "van" and (
                rest in self.place_names
                or rest.lower() in self.known_words
                or rest.lower() in self.lexicon.portfolios
            ):
                end = index
                break
        while end > start and doc[end - 1].lower_ in NAME_PARTICLES:
            end -= 1
        return end

    def _name_end(self, doc: Doc, start: int, end: int) -> int:
        """End of the person name starting at `start`, without a trailing organisation."""
        return self._trim(doc, start, scan_name(doc, start, end))

    def without_trailing_person(self, doc: Doc, start: int, end: int) -> int:
        """End of an organisation name without a person glued on ("Eigen Haard Henri Kardaun")."""
        for cut in range(start + 1, end - 1):
            first = doc[cut].text
            if (
                first.isalpha()
                and first.lower() not in self.lowercase_words
                and not simplemma.is_known(first.lower(), lang="nl")
                and self._name_end(doc, cut, end) == end
                and self._name_ok(doc, cut, end)
            ):
                return cut
        return end

    def is_role_compound(self, text: str) -> bool:
        """ "CvA-voorzitter", "JA21-Kamerlid": an organisation glued to a role noun."""
        return "-" in text and text.rsplit("-", 1)[1].lower() in self.lexicon.roles

    def role_persons(
        self, doc: Doc, start: int, end: int, role_ends: dict[int, int]
    ) -> list[tuple[PersonMention, str]]:
        """Persons named after a role: "wethouder Zorg Guusje ter Horst", "commandant J. Melchior".

        `role_ends` maps the first token of each role phrase in the doc to its end.
        """
        found = []
        index = start
        while index < end:
            if index not in role_ends:
                index += 1
                continue
            length = role_ends[index] - index
            role_start = index
            while role_start > start and doc[role_start - 1].lower_ in self.lexicon.role_modifiers:
                role_start -= 1
            name_start = index + length
            role_words = [doc[i].text for i in range(index, name_start)]
            portfolio = self._portfolio_at(doc, name_start, end)
            if portfolio:
                role_words += [doc[i].text for i in range(name_start, portfolio)]
                name_start = portfolio
            elif name_start + 1 < end and doc[name_start].lower_ == "van":
                # "de burgemeester van Amsterdam (Geert Dales)": skip the organisation
                place_end = scan_name(doc, name_start + 1, end)
                if place_end > name_start + 1 and place_end < end and doc[place_end].text == "(":
                    name_start = place_end
            if name_start < end and doc[name_start].text == "(":
                name_end = scan_name(doc, name_start + 1, end)
                if (
                    name_end < end
                    and doc[name_end].text in {")", ","}
                    and self._name_ok(doc, name_start + 1, name_end)
                ):
                    name = doc[name_start + 1 : name_end].text
                    found.append(
                        (PersonMention(name_start + 1, name_end, name, index), " ".join(role_words))
                    )
                index = name_start + 1
                continue
            name_end = self._name_end(doc, name_start, end)
            single_word = name_end - name_start == 1
            if single_word and role_words[0].lower() not in self.lexicon.title_roles:
                name_end = name_start  # "bestuurder Spirit" names an organisation, not a person
            if name_end > name_start and self._name_ok(doc, name_start, name_end):
                name = doc[name_start:name_end].text
                found.append(
                    (PersonMention(role_start, name_end, name, index), " ".join(role_words))
                )
                index = name_end
            else:
                index = name_start
        return found

    def _portfolio_at(self, doc: Doc, index: int, end: int) -> int:
        """End of a capitalised portfolio ("Zorg", "Economische Zaken") after a role, or 0."""
        if index < end and doc[index].lower_ == "van":
            index += 1
        for length in (3, 2, 1):
            words = doc[index : min(end, index + length)]
            if (
                len(words) == length
                and is_capitalised(words[0])
                and words.text.lower() in self.lexicon.portfolios
            ):
                return index + length
        return 0

    def cued_persons(self, doc: Doc, start: int, end: int) -> list[PersonMention]:
        """Surnames after a speech verb ("zegt Baaijens") and full names ("Casper van den Berg")."""
        found = []
        index = start
        while index < end:
            token = doc[index]
            if token.lower_ in self.lexicon.speech_cues and index + 1 < end:
                name_start = index + 1
                if self.is_role_compound(doc[name_start].text):
                    name_start += 1  # "zegt CvA-voorzitter Ton Heerts"
                name_end = self._name_end(doc, name_start, end) if name_start < end else name_start
                if name_end > name_start and self._name_ok(doc, name_start, name_end):
                    found.append(PersonMention(name_start, name_end, doc[name_start:name_end].text))
                    index = name_end
                    continue
            if is_capitalised(token) and self._looks_like_full_name(doc, index, (start, end)):
                name_end = self._name_end(doc, index, end)
                if self._name_ok(doc, index, name_end):
                    found.append(PersonMention(index, name_end, doc[index:name_end].text))
                index = scan_name(doc, index, end)
                continue
            index += 1
        return found

    def _looks_like_full_name(self, doc: Doc, index: int, segment: tuple[int, int]) -> bool:
        """First name + (particles) + surname, where the first name is not a Dutch word."""
        start, end = segment
        if index > start and is_capitalised(doc[index - 1]):
            previous = doc[index - 1]
            sentence_word = index - 1 == start and (
                previous.lower_ in self.lowercase_words
                or simplemma.is_known(previous.lower_, lang="nl")
            )
            if not sentence_word:
                return False  # inside a longer capitalised stretch
        name_end = self._name_end(doc, index, end)
        words = doc[index:name_end]
        capitals = [token for token in words if token.lower_ not in NAME_PARTICLES]
        if len(capitals) != 2 or name_end - index > 5:
            return False
        first = words[0].text
        return (
            len(first) > 1
            and first.isalpha()
            and first.lower()
            not in self.lowercase_words  # a first name is never written lower case
            and not simplemma.is_known(first.lower(), lang="nl")
        )

    def attribution(self, text: str) -> tuple[str, str] | None:
        """Name and role of a quote attribution such as "(Walter Kamp, adviseur DMO)"."""
        match = ATTRIBUTION.search(text)
        if not match:
            return None
        name = match.group("name").strip()
        if len(name.split()) < 2 or not all(
            part[:1].isupper() or part.lower() in NAME_PARTICLES for part in name.split()
        ):
            return None
        return name, match.group("role").strip()
