"""Membership from how people and units are named: the partOf conventions of the gold set.

- an attribution or apposition "(Walter Kamp, adviseur DMO)", "Name, voorzitter van X",
  "Name werd burgemeester van X", "de burgemeester van X (Name)" gives Person partOf Org;
- "procesmanager namens X" next to a person gives Person represents Org;
- a unit named with "van": "de afdeling Y van de GGD", "de crisisdienst van de Riagg" gives
  Unit partOf Org.
These hold whatever the verb of the sentence says, so they carry no year and no modality.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from extract.relation_clauses import DETERMINERS, Mention, Sentence, Word
from extract.relation_lexicon import Lexicon, word_matches
from ontology import ActorClass, RelationType

PERSON = ActorClass.Person.value
NOT_EMPLOYERS = frozenset({PERSON, ActorClass.CitizenGroup.value})
PLACE_PREPOSITIONS = frozenset(["uit", "te", "nabij", "rond", "buiten"])
NUMERALS = frozenset(
    ["twee", "drie", "vier", "vijf", "zes", "zeven", "acht", "negen", "tien", "beide", "alle"]
)
COPULAS = frozenset(["zijn", "worden", "blijven"])
ROLE_GLUE = frozenset(
    [",", "(", ")", "van", "bij", "en", "als", "namens", "heer", "mevrouw", "dhr.", "mw."]
    + ["ook", "later", "toen", "nog", "al", "inmiddels", "eerder", "nu", "destijds", "sinds"]
    # "Name werd (her)benoemd tot directeur van X", "Name is aangewezen als lid van X"
    + ["tot", "benoemd", "herbenoemd", "aangewezen", "aangesteld", "gekozen", "voorgedragen"]
)
SENTENCE_STOPS = frozenset([".", ";", ":", "!", "?"])
APPOSITION_CONFIDENCE = 0.75
UNIT_CONFIDENCE = 0.7
MAX_GAP = 9  # words between a person and an organisation in one role phrase
MAX_UNKNOWN = 3  # words of a role phrase that are no role noun, e.g. "crisisopvang"


@dataclass(frozen=True)
class RoleRelation:
    """A membership or representation found from a role or unit name."""

    subject: Mention
    prop: RelationType
    object: Mention
    confidence: float
    subproperty: str | None = None


def _is_role(word: Word, lexicon: Lexicon) -> bool:
    # compounds name a role too: "netwerkcoördinator", "stadsdeelvoorzitter", "GGZ-woordvoerder"
    return any(
        word_matches(noun, word.lemma, word.lower)
        or (len(noun) > 4 and word.lower.endswith(noun) and word.text[:1].islower())
        or word.lower.endswith("-" + noun)
        for noun in lexicon.role_nouns
    )


def _role_phrase(words: list[Word], lexicon: Lexicon) -> tuple[bool, bool] | None:
    """(has a role noun, says "namens") when the words can join a person and an organisation.

    Before the role noun only glue may stand ("Name, de toenmalige directeur van");
    after it a few other words may ("directeur crisisopvang SPOR en procesmanager namens").
    """
    unknown = 0
    has_role = False
    for word in words:
        if _is_role(word, lexicon):
            has_role = True
        elif (
            word.lower in ROLE_GLUE
            or word.lower in DETERMINERS
            or word.lemma in COPULAS
            or word.lower in lexicon.role_modifiers
        ):
            continue
        elif has_role and word.text not in SENTENCE_STOPS and unknown < MAX_UNKNOWN:
            unknown += 1
        else:
            return None
    return has_role, any(w.lower == "namens" for w in words)


def _bracketed_pair(words: list[Word], person: Mention, org: Mention) -> bool:
    """An attribution without a role: "(Clemens Bernardt, Mentrum)", "(J. Jansen, Zorgkantoor)"."""
    return (
        person.start > 0
        and words[person.start - 1].text == "("
        and [w.text for w in words[person.end : org.start]] == [","]
        and org.end < len(words)
        and words[org.end].text == ")"
    )


def _after_first_affiliation(sentence: Sentence, person: Mention, org: Mention) -> list[Word]:
    """The role words after "Name van X," in "Name van X, voorzitter van Y", else none."""
    words = sentence.words
    for other in sentence.nested:
        if not (person.end < other.start and other.end < org.start):
            continue
        glue = words[person.end : other.start]
        if (
            glue
            and words[other.end].text == ","
            and all(w.lower in ("van", "bij") or w.lower in DETERMINERS for w in glue)
        ):
            return words[other.end + 1 : org.start]
    return []


def _person_org(sentence: Sentence, lexicon: Lexicon) -> Iterator[RoleRelation]:
    words = sentence.words
    mentions = sentence.nested
    for person in (m for m in mentions if m.label == PERSON):
        own_words = words[person.start : person.end]
        for org in (m for m in mentions if m.label not in NOT_EMPLOYERS and m.key != person.key):
            if org.start > 0 and words[org.start - 1].lower in PLACE_PREPOSITIONS:
                continue  # "conflictbemiddelaar uit de regio Den Haag" names a place
            if person.start <= org.start and org.end <= person.end:
                # "de waarnemend burgemeester van Amsterdam (Geert Dales)" as one mention
                before = own_words[: org.start - person.start]
                if any(_is_role(w, lexicon) for w in before) and before[-1].lower in ("van", "bij"):
                    yield RoleRelation(person, RelationType.partOf, org, APPOSITION_CONFIDENCE)
                continue
            if org.start >= person.end and org.start - person.end <= MAX_GAP:
                between = words[person.end : org.start]
                if any(m.label == PERSON and person.end <= m.start < org.start for m in mentions):
                    continue
                if _bracketed_pair(words, person, org):
                    yield RoleRelation(person, RelationType.partOf, org, APPOSITION_CONFIDENCE)
                    continue
                between = _after_first_affiliation(sentence, person, org) or between
                phrase = _role_phrase(between, lexicon)
                if phrase is None:
                    continue
                has_role, on_behalf = phrase
                if on_behalf and between[-1].lower == "namens":
                    yield RoleRelation(person, RelationType.represents, org, APPOSITION_CONFIDENCE)
                elif has_role and not on_behalf:
                    yield RoleRelation(person, RelationType.partOf, org, APPOSITION_CONFIDENCE)
                elif [w.lower for w in between] == ["van"]:
                    yield RoleRelation(person, RelationType.partOf, org, UNIT_CONFIDENCE)
            elif org.end <= person.start and person.start - org.end <= 3:
                # "de CDA-voorzitter Ruth Peetoom", "de CDA voorzitter Ruth Peetoom": the role
                # right after the organisation opens the person's name
                title = [w for w in words[org.end : person.end] if w.lower not in DETERMINERS]
                if (
                    title
                    and _is_role(title[0], lexicon)
                    and all(
                        _is_role(w, lexicon) or w.lower in lexicon.role_modifiers
                        for w in words[org.end : person.start]
                    )
                ):
                    yield RoleRelation(person, RelationType.partOf, org, APPOSITION_CONFIDENCE)
                    continue
                # "de burgemeester van Amsterdam, Job Cohen": a role noun right before the org
                glue = [w.lower for w in words[org.end : person.start]]
                if not all(w in ROLE_GLUE for w in glue):
                    continue
                before = [
                    w
                    for w in words[max(0, org.start - 4) : org.start]
                    if w.lower not in DETERMINERS
                ]
                if before and before[-1].lower in ("van", "bij") and len(before) > 1:
                    before = before[:-1]
                if before and _is_role(before[-1], lexicon):
                    yield RoleRelation(person, RelationType.partOf, org, APPOSITION_CONFIDENCE)


def _is_unit(mention: Mention, sentence: Sentence, lexicon: Lexicon) -> bool:
    words = [
        w
        for w in sentence.words[mention.start : mention.end]
        if w.lower not in DETERMINERS and w.lower not in NUMERALS and not w.text.isdigit()
    ]
    return bool(words) and any(
        word_matches(noun, words[0].lemma, words[0].lower)
        or word_matches(noun, words[0].lower, words[0].lower)
        for noun in lexicon.unit_nouns
    )


def _unit_of(sentence: Sentence, lexicon: Lexicon) -> Iterator[RoleRelation]:
    words = sentence.words
    for unit in sentence.nested:
        if unit.label == PERSON or not _is_unit(unit, sentence, lexicon):
            continue
        for org in sentence.nested:
            if org.label == PERSON or org.key == unit.key:
                continue
            gap = [w.lower for w in words[unit.end : org.start]]
            nested_tail = (
                unit.start < org.start
                and org.end == unit.end
                and words[org.start - 1].lower == "van"
            )
            # "de GGD (afdeling Vangnet en Advies)": a unit in brackets after its organisation
            bracketed = org.end <= unit.start and [
                w.lower for w in words[org.end : unit.start]
            ] == ["("]
            if gap == ["van"] or nested_tail or bracketed:
                yield RoleRelation(
                    unit, RelationType.partOf, org, UNIT_CONFIDENCE, "subOrganisationOf"
                )


def role_relations(sentence: Sentence, lexicon: Lexicon) -> list[RoleRelation]:
    """Every membership and representation the names in the sentence state."""
    return [*_person_org(sentence, lexicon), *_unit_of(sentence, lexicon)]
