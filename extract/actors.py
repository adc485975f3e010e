"""``gov_actors``: recognises governance actors in a Doc and gives each one a stable identity.

Reads ``doc._.segments`` and token lemmas; writes ``doc.spans["actors"]`` (label = actor class,
kb_id = actor key), ``doc._.actors`` (key -> `ActorRecord`) and ``doc._.speakers`` (segment
index -> actor key of a quoted speaker). Knowledge lives in ``data/gazetteer.jsonl`` (derived from
the official registers) and ``data/actor_patterns.jsonl`` (hand-written); this module holds only
the method: phrase matching, abbreviations defined in the text, persons, citations, and resolution
of generic nouns ("de gemeente") to the document's focal actor.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, Token

from extract.actor_lexicon import (
    GAZETTEER_FILE,
    PATTERNS_FILE,
    GenericActor,
    Lexicon,
    LexiconActor,
    actor_key,
    load_lexicon,
)
from extract.actor_persons import Person, PersonFinder
from extract.actor_text import find_definitions, is_capitalised, is_citation, scan_name
from ontology import ActorClass, ActorRecord

for _name in ("segments", "actors", "speakers"):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=None)

DETERMINERS = frozenset(
    {
        "de",
        "het",
        "een",
        "deze",
        "die",
        "dit",
        "haar",
        "zijn",
        "hun",
        "onze",
        "twee",
        "drie",
        "vier",
        "vijf",
    }
)
# Priorities break ties between overlapping candidates of equal length.
PERSON, DEFINED, NAMED, TITLED, PLACE, GENERIC = 6, 5, 4, 3, 2, 1
LOCATION_PREPOSITIONS = frozenset({"in", "uit", "binnen", "buiten"})
ROLE_REFERENCE_WINDOW = 5
HEAD_ANAPHOR_WINDOW = 3  # segments within which "de dienst" can point back to a named service
ANAPHOR_DETERMINERS = frozenset(
    {"de", "deze", "die", "het", "dit"}
)  # segments within which "de burgemeester" can point back to a name


@dataclass(frozen=True)
class SegmentBounds:
    """A segment as a token range, with what the actor recogniser needs of it."""

    index: int
    start: int
    end: int
    kind: str
    attribution: str | None


@dataclass
class Candidate:
    """A possible actor mention before overlaps are settled and generic nouns resolved."""

    start: int
    end: int
    priority: int
    key: str | None = None
    generic: GenericActor | None = None
    form: str = ""  # the matched generic form, lower case
    person: Person | None = None  # a person whose canonical name may still grow


@dataclass
class DocActor:
    """An actor as this document knows it, collected into an `ActorRecord` at the end."""

    label: str
    actor_class: ActorClass
    aliases: set[str] = field(default_factory=set)
    identifier: str | None = None
    role: str | None = None
    member_of: str | None = None


class ActorRecognizer:
    """The ``gov_actors`` component."""

    def __init__(
        self, nlp: Language, lexicon: Lexicon, focal_min_mentions: int, focal_min_share: float
    ):
        self.lexicon = lexicon
        self.focal_min_mentions = focal_min_mentions
        self.focal_min_share = focal_min_share
        self.lower_matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.orth_matcher = PhraseMatcher(nlp.vocab, attr="ORTH")
        self.make_doc = nlp.make_doc
        self.name_index: dict[str, str] = {}  # lower-case name -> key
        self.abbreviation_index: dict[str, str] = {}
        self.generic_forms: dict[str, GenericActor] = {}
        self.place_names: set[str] = set()
        self.gemeente_places: dict[str, str] = {}  # place name -> key of the current gemeente
        self._build_matchers()
        self.heads = tuple(lexicon.head_classes)
        self.persons = PersonFinder(
            lexicon,
            set(self.name_index)
            | set(self.generic_forms)
            | set(map(str.lower, self.abbreviation_index)),
            self.place_names,
        )

    def _add(self, matcher: PhraseMatcher, label: str, phrases: list[str]) -> None:
        if phrases:
            matcher.add(label, [self.make_doc(phrase) for phrase in phrases])

    def _build_matchers(self) -> None:
        for key, actor in self.lexicon.actors.items():
            multi = [name for name in actor.names if " " in name or "-" in name]
            single = [name for name in actor.names if name not in multi] + actor.abbreviations
            self._add(self.lower_matcher, f"N:{key}", multi)
            self._add(self.orth_matcher, f"N:{key}", single)
            self._add(self.orth_matcher, f"P:{key}", actor.places)
            self._add(self.orth_matcher, f"M:{key}", actor.metonyms)
            self.name_index.update({name.lower(): key for name in actor.names})
            self.abbreviation_index.update({abbr: key for abbr in actor.abbreviations})
            self.place_names.update(actor.places, actor.metonyms)
            if actor.actor_class is ActorClass.Municipality and not actor.until:
                self.gemeente_places.update({place: key for place in actor.places})
        for index, generic in enumerate(self.lexicon.generics):
            self._add(self.lower_matcher, f"G:{index}", list(generic.forms))
            self.generic_forms.update({form: generic for form in generic.forms})
        for index, titled in enumerate(self.lexicon.titled):
            self._add(self.lower_matcher, f"T:{index}", list(titled.heads))
        self._add(self.lower_matcher, "R:", sorted(self.lexicon.roles))

    def __call__(self, doc: Doc) -> Doc:
        """Find the actor mentions of one document and resolve them to canonical actors."""
        run = DocumentRun(self, doc)
        run.execute()
        return doc


class DocumentRun:
    """The state of recognising actors in one document."""

    def __init__(self, recognizer: ActorRecognizer, doc: Doc) -> None:
        self.rec = recognizer
        self.lexicon = recognizer.lexicon
        self.doc = doc
        self.segments = self._segments()
        self.segment_of = [0] * len(doc)
        for segment in self.segments:
            for index in range(segment.start, segment.end):
                self.segment_of[index] = segment.index
        self.actors: dict[str, DocActor] = {}
        self.aliases: dict[
            str, tuple[str, int]
        ] = {}  # surface -> (key, priority), this document only
        self.candidates: list[Candidate] = []
        self.persons: dict[str, Person] = {}
        self.attributions: dict[
            int, tuple[Person, int, int]
        ] = {}  # segment -> (speaker, token range)
        self.role_ends: dict[int, int] = {}  # first token of a role phrase -> its end
        recognizer.persons.read(doc)
        self.lowercase_words = recognizer.persons.lowercase_words
        self.last_seen: dict[str, int] = {}  # person name -> last segment that named them

    def _segments(self) -> list[SegmentBounds]:
        doc = self.doc
        bounds = []
        for index, segment in enumerate(doc._.segments or ()):
            span = doc.char_span(segment.start, segment.end, alignment_mode="expand")
            if span is not None:
                attribution = getattr(segment, "attribution", None)
                bounds.append(SegmentBounds(index, span.start, span.end, segment.kind, attribution))
        return bounds or [SegmentBounds(0, 0, len(doc), "sentence", None)]

    def _segment_end(self, token_index: int) -> int:
        return self.segments[self.segment_of[token_index]].end

    def execute(self) -> None:
        """Run every step and write the results onto the Doc."""
        self._match_lexicon()
        self._match_headed_names()
        self._match_compounds()
        for segment in self.segments:
            self._find_definitions(segment)
            if segment.kind != "heading":
                self._find_persons(segment)
        self._match_document_aliases()
        chosen = self._select()
        focal = self._focal_actors(chosen)
        spans = [self._to_span(candidate, focal) for candidate in chosen]
        self._link_attributions(spans)
        self.doc.spans["actors"] = [span for span in spans if span is not None]
        self.doc._.actors = self._records()

    # -- lexicon matches -------------------------------------------------------------------------

    def _actor(self, key: str, surface: str | None = None) -> str:
        """Make sure the document knows a lexicon actor; return its key."""
        if key not in self.actors:
            known: LexiconActor = self.lexicon.actors[key]
            self.actors[key] = DocActor(
                known.label,
                known.actor_class,
                set(known.names) | set(known.abbreviations),
                known.identifier,
            )
        if surface:
            self.actors[key].aliases.add(surface)
        return key

    def _new_actor(self, label: str, actor_class: ActorClass) -> str:
        key = actor_key(label)
        if key in self.lexicon.actors:
            return self._actor(key)
        self.actors.setdefault(key, DocActor(label, actor_class, {label}))
        return key

    def _match_lexicon(self) -> None:
        doc = self.doc
        strings = doc.vocab.strings
        for match_id, start, end in self.rec.lower_matcher(doc) + self.rec.orth_matcher(doc):
            if end > self._segment_end(start):
                continue
            kind, _, payload = strings[match_id].partition(":")
            if kind == "N":
                self.candidates.append(Candidate(start, end, NAMED, key=payload))
            elif kind == "G":
                generic = self.lexicon.generics[int(payload)]
                if generic.placeable and self._is_placed(start, end):
                    continue
                if self._has_other_complement(generic, end):
                    continue  # "de raad van bestuur", "het college van bestuur"
                self.candidates.append(
                    Candidate(
                        start, end, GENERIC, generic=generic, form=doc[start:end].text.lower()
                    )
                )
            elif (kind == "P" and self._place_acts(start, payload)) or (
                kind == "M" and self._metonym_holds(start)
            ):
                self.candidates.append(Candidate(start, end, PLACE, key=payload))
            elif kind == "T":
                self._titled(int(payload), start, end)
            elif kind == "R":
                self.role_ends[start] = max(end, self.role_ends.get(start, end))

    def _has_other_complement(self, generic: GenericActor, end: int) -> bool:
        """ "de raad van bestuur": the noun with this complement names another body."""
        doc = self.doc
        return (
            end + 1 < len(doc)
            and doc[end].lower_ == "van"
            and doc[end + 1].lower_ in generic.other_complements
        )

    def _is_placed(self, start: int, end: int) -> bool:
        """A noun used as a place: after "in", "uit", or before its own name."""
        doc = self.doc
        located = start > 0 and doc[start - 1].lower_ in LOCATION_PREPOSITIONS
        named = end < len(doc) and is_capitalised(doc[end]) and end < self._segment_end(start)
        return located or named

    def _match_compounds(self) -> None:
        """An organisation name inside a compound names it: "VNG-voorzitter", "SP-raadslid"."""
        for token in self.doc:
            prefix, hyphen, _ = token.text.partition("-")
            if hyphen and self.rec.persons.is_role_compound(token.text):
                self.role_ends.setdefault(token.i, token.i + 1)
            if hyphen and prefix in self.rec.abbreviation_index:
                key = self.rec.abbreviation_index[prefix]
                self.candidates.append(Candidate(token.i, token.i + 1, GENERIC, key=key))

    def _place_acts(self, start: int, key: str) -> bool:
        """A place is the gemeente (province) only after "burgemeester van" ("gedeputeerde van")."""
        cues = (
            self.lexicon.province_cues
            if self.lexicon.actors[key].actor_class is ActorClass.Province
            else self.lexicon.place_org_cues
        )
        doc = self.doc
        return start >= 2 and doc[start - 1].lower_ == "van" and doc[start - 2].lower_ in cues

    def _metonym_holds(self, start: int) -> bool:
        """ "Den Haag" is the national government unless the text places something there."""
        doc = self.doc
        floor = self.segments[self.segment_of[start]].start
        if start == floor:
            return True
        before = doc[start - 1].lower_
        if before in {"regio", "gemeente", "stad", "provincie", "van", "rond", "buiten", "binnen"}:
            return False
        if before in {"in", "te", "uit", "bij", "nabij"} and start - 2 > floor:
            # "de Inspectie in Den Haag" places a body; "Tot in Den Haag" points at the government
            return not is_capitalised(doc[start - 2])
        return True

    def _titled(self, index: int, start: int, end: int) -> None:
        pattern = self.lexicon.titled[index]
        name_end = scan_name(
            self.doc,
            end,
            self._segment_end(start),
            allow_joiners=pattern.joiners,
            organisation=True,
        )
        name_end = self.rec.persons.without_trailing_person(self.doc, end, name_end)
        if name_end == end:
            return
        name = self.doc[end:name_end].text
        if not self._is_new_name(name):
            return
        key = self._new_actor(pattern.label.format(name=name), pattern.actor_class)
        self.candidates.append(Candidate(start, name_end, TITLED, key=key))
        if pattern.bare_alias and name not in self.rec.place_names:
            self.aliases.setdefault(name, (key, TITLED))

    def _is_new_name(self, name: str) -> bool:
        """A name that no lexicon entry or generic noun already covers, and no prize or plan."""
        lower = name.lower()
        return not (
            lower.endswith(tuple(self.lexicon.not_name_endings))
            or lower in self.rec.generic_forms
            or lower in self.rec.name_index
            or name in self.rec.abbreviation_index
            or lower in self.lexicon.not_person_words
        )

    def _head_then_name(self, head: Token) -> None:
        """An organisation noun followed by its name: "bewonersvereniging Keizerslanden"."""
        doc = self.doc
        if head.lower_ in self.rec.generic_forms or head.lower_ in self.rec.name_index:
            return  # "gemeenteraad Amsterdam" and the like belong to the generic and titled nouns
        matching = [word for word in self.rec.heads if head.lower_.endswith(word)]
        head_word, base = matching[0], min(matching, key=len)
        if not is_capitalised(head) and len(head) < len(base) + 3:
            return  # only compounds ("bewonersvereniging") name an organisation in lower case
        name_end = scan_name(doc, head.i + 1, self._segment_end(head.i), organisation=True)
        name_end = self.rec.persons.without_trailing_person(doc, head.i + 1, name_end)
        name = doc[head.i + 1 : name_end].text
        if name_end == head.i + 1 or not self._is_new_name(name):
            return
        actor_class = self.lexicon.head_classes[head_word]
        key = self._new_actor(doc[head.i : name_end].text, actor_class)
        self.candidates.append(Candidate(head.i, name_end, TITLED, key=key))
        if len(head) >= len(base) + 3:
            # the bare compound points back to it: "de bewonersvereniging", "de adviesraad"
            self.aliases.setdefault(head.lower_, (key, TITLED))

    def _match_headed_names(self) -> None:
        """Names ending in an organisation noun: "Centrale Riagg Dienst", "Valeriuskliniek"."""
        doc = self.doc
        heads = self.rec.heads
        for token in doc:
            if token.is_upper or not token.lower_.endswith(heads):
                continue
            start = token.i
            floor = self.segments[self.segment_of[start]].start
            if token.i + 1 < len(doc) and is_capitalised(doc[token.i + 1]):
                self._head_then_name(token)  # "Bewonerscommissie Slotervaart"
                continue
            if not is_capitalised(token):
                continue
            while start > floor and is_capitalised(doc[start - 1]) and not doc[start - 1].is_upper:
                start -= 1
            if doc[start].lower_ in DETERMINERS or (
                start == floor and doc[start].lower_ in self.lowercase_words
            ):
                start += 1  # "Bij Stichting X": a capitalised first word of the sentence
            head = next(head for head in heads if token.lower_.endswith(head))
            compound = len(token.lower_) >= len(head) + 3
            if start > token.i or (start == token.i and (not compound or start == floor)):
                continue
            name = doc[start : token.i + 1].text
            if self._is_new_name(name):
                key = self._new_actor(name, self.lexicon.head_classes[head])
                self.candidates.append(Candidate(start, token.i + 1, TITLED, key=key))

    # -- definitions and persons -----------------------------------------------------------------

    def _find_definitions(self, segment: SegmentBounds) -> None:
        for definition in find_definitions(self.doc, segment.start, segment.end):
            key = self.rec.abbreviation_index.get(definition.short) or self.rec.name_index.get(
                definition.long.lower()
            )
            if key is None and (
                definition.short.lower() in self.rec.generic_forms
                or definition.long.lower() in self.rec.generic_forms
            ):
                continue
            if key is None:
                actor_class = self._head_class(definition.long)
                if actor_class is None:
                    continue  # a law, programme or facility: not an actor
                key = self._new_actor(definition.short, actor_class)
            else:
                self._actor(key)
            self.actors[key].aliases.update({definition.short, definition.long})
            self.candidates.append(Candidate(*definition.span, DEFINED, key=key))
            for surface in (definition.short, definition.long, definition.short + "s"):
                self.aliases[surface] = (key, DEFINED)

    def _head_class(self, long_form: str) -> ActorClass | None:
        words = [word.lower() for word in long_form.split() if word[:1].isupper()]
        for head, actor_class in self.lexicon.head_classes.items():
            if any(word == head or word.endswith(head) for word in words):
                return actor_class
        return None

    def _find_persons(self, segment: SegmentBounds) -> None:
        doc = self.doc
        finder = self.rec.persons
        text = doc[segment.start : segment.end].text
        attribution = finder.attribution(text)
        if attribution is None and segment.attribution:
            attribution = finder.attribution(f"({segment.attribution})")
        if attribution:
            speaker = self._person(*attribution)
            self.attributions[segment.index] = (speaker, segment.start, segment.end)
            self.last_seen[speaker.name] = segment.index
        named = finder.role_persons(doc, segment.start, segment.end, self.role_ends)
        for mention, role in named:
            person = self._person(mention.name, role)
            start = mention.start
            if finder.is_role_compound(doc[start].text):
                start += 1  # "SP-raadslid": the compound stays a mention of the party
            self.candidates.append(Candidate(start, mention.end, PERSON, person=person))
            self._office_place(mention.end)
            self.last_seen[person.name] = segment.index
        for mention in finder.cued_persons(doc, segment.start, segment.end):
            self.last_seen[self._person(mention.name).name] = segment.index
        self._role_references(segment, {mention.role_start for mention, _ in named})

    def _office_place(self, end: int) -> None:
        """ "Burgemeester Hanneke Drost van Zwolle": the place after the name is the gemeente."""
        doc = self.doc
        if end + 1 < len(doc) and doc[end].lower_ == "van":
            key = self.rec.gemeente_places.get(doc[end + 1].text)
            if key is not None:
                self.candidates.append(Candidate(end + 1, end + 2, PLACE, key=key))

    def _role_references(self, segment: SegmentBounds, named: set[int | None]) -> None:
        """A definite role ("de burgemeester") is the person just named with that role, if any."""
        doc = self.doc
        for start in range(segment.start, segment.end):
            end = self.role_ends.get(start)
            if end is None or start in named or end >= segment.end:
                continue
            if is_capitalised(doc[end]) or doc[end].text == "(":
                continue  # a name follows the role: that is a named person, not a reference
            first = start
            while first > segment.start and doc[first - 1].lower_ in self.lexicon.role_modifiers:
                first -= 1
            person = self._recent_person(doc[start:end].text.lower(), segment.index)
            if doc[first].lower_ == "de" and person is not None:
                self.candidates.append(Candidate(first, end, PERSON, person=person))

    def _recent_person(self, role: str, segment_index: int) -> Person | None:
        """The person with this role seen last, at most a few segments back."""
        recent = [
            (self.last_seen.get(person.name, -1), person)
            for person in self.persons.values()
            if person.role and role in person.role.lower().split()
        ]
        seen, person = max(recent, key=lambda pair: pair[0], default=(-1, None))
        return person if seen >= segment_index - ROLE_REFERENCE_WINDOW else None

    def _person(self, name: str, role: str | None = None) -> Person:
        """The person a name denotes: one person per surname, named by its longest form."""
        family = name.split()[-1].lower()
        known = self.persons.get(family) or self._by_first_name(name)
        if known is None:
            known = self.persons[family] = Person(name, role)
        elif len(name) > len(known.name) and name.lower().endswith(known.surname.lower()):
            known.aliases.add(known.name)
            known.name = name
        else:
            known.aliases.add(name)
        known.role = known.role or role
        return known

    # -- document aliases ------------------------------------------------------------------------

    def _by_first_name(self, name: str) -> Person | None:
        """The one person whose first name a single word is ("Paul" after "Paul Marsman")."""
        if " " in name:
            return None
        matches = [person for person in self.persons.values() if person.first_name == name]
        return matches[0] if len(matches) == 1 else None

    def _merge_first_names(self) -> None:
        """A person known only by a first name is the one full-name person with that first name."""
        for family, person in list(self.persons.items()):
            target = self._by_first_name(person.name)
            if target is None or target is person:
                continue
            target.aliases.add(person.name)
            target.role = target.role or person.role
            del self.persons[family]
            for candidate in self.candidates:
                if candidate.person is person:
                    candidate.person = target
            for segment_index, (speaker, start, end) in self.attributions.items():
                if speaker is person:
                    self.attributions[segment_index] = (target, start, end)

    def _match_document_aliases(self) -> None:
        """Second pass: names the document itself taught (abbreviations, bare names, persons)."""
        self._merge_first_names()
        first_names = Counter(person.first_name for person in self.persons.values())
        for person in self.persons.values():
            key = self._new_person_actor(person)
            surfaces: set[str] = {person.name, person.surname, *person.aliases}
            first = person.first_name
            if first and first_names[first] == 1 and first.lower() not in self.lowercase_words:
                surfaces.add(first)  # a first name alone, when no other person has it
            surname = person.surname
            surfaces.add(surname[:1].upper() + surname[1:])
            surfaces |= {surface + "s" for surface in list(surfaces)}
            for surface in surfaces:
                self.aliases.setdefault(surface, (key, PERSON))
        if not self.aliases:
            return
        matcher = PhraseMatcher(self.doc.vocab, attr="ORTH")
        for surface in self.aliases:
            matcher.add(surface, [self.rec.make_doc(surface)])
        strings = self.doc.vocab.strings
        for match_id, start, end in matcher(self.doc):
            if end > self._segment_end(start):
                continue
            key, priority = self.aliases[strings[match_id]]
            self.candidates.append(Candidate(start, end, priority, key=key))

    def _new_person_actor(self, person: Person) -> str:
        key = actor_key(person.name)
        actor = self.actors.setdefault(key, DocActor(person.name, ActorClass.Person, {person.name}))
        actor.role = actor.role or person.role
        return key

    # -- choosing and resolving ------------------------------------------------------------------

    def _select(self) -> list[Candidate]:
        """Longest candidates first, then by priority; citations and overlaps are dropped."""
        doc = self.doc
        taken = [False] * len(doc)
        chosen = []
        for candidate in sorted(
            self.candidates, key=lambda c: (c.start - c.end, -c.priority, c.start)
        ):
            if any(taken[candidate.start : candidate.end]):
                continue
            if is_citation(doc, candidate.start, candidate.end):
                continue  # "Kickert e.a. 1997", and titles too: "De slimme gemeente (2007)"
            if self.segments[self.segment_of[candidate.start]].kind == "heading":
                continue
            chosen.append(candidate)
            for index in range(candidate.start, candidate.end):
                taken[index] = True
        chosen = [candidate for candidate in chosen if not self._glosses_a_name(candidate, taken)]
        for candidate in chosen:
            self._extend_left(candidate, taken)
        chosen.sort(key=lambda c: c.start)
        return self._split_elliptic(self._resolve_head_anaphors(chosen, taken))

    def _split_elliptic(self, chosen: list[Candidate]) -> list[Candidate]:
        """ "kennis- en onderwijsinstellingen" names two collectives: add the first one."""
        doc = self.doc
        result = []
        for candidate in chosen:
            result.append(candidate)
            compound = doc[candidate.end - 1]
            first = candidate.start
            while first < candidate.end - 1 and doc[first].lower_ in DETERMINERS:
                first += 1
            if candidate.generic is None or first < 2 or compound.i != first:
                continue
            conjunction, prefix = doc[first - 1], doc[first - 2]
            if conjunction.lower_ not in {"en", "of"} or not prefix.text.endswith("-"):
                continue
            for cut in range(1, len(compound.lower_)):
                form = prefix.lower_.rstrip("-") + compound.lower_[cut:]
                generic = self.rec.generic_forms.get(form)
                if generic is not None and generic is not candidate.generic:
                    result.append(
                        Candidate(first - 2, candidate.end, GENERIC, generic=generic, form=form)
                    )
                    break
        return result

    def _resolve_head_anaphors(self, chosen: list[Candidate], taken: list[bool]) -> list[Candidate]:
        """A definite head noun ("de dienst") is the organisation just named with that head."""
        doc = self.doc
        result: list[Candidate] = []
        recent: dict[str, tuple[int, str]] = {}  # head noun -> (segment, key) of its last mention
        pending = iter(chosen)
        upcoming = next(pending, None)
        for token in doc:
            while upcoming is not None and upcoming.start <= token.i:
                result.append(upcoming)
                self._remember_heads(upcoming, recent)
                upcoming = next(pending, None)
            head = token.lower_
            if head not in self.lexicon.anaphor_heads or taken[token.i] or token.i == 0:
                continue
            if doc[token.i - 1].lower_ not in ANAPHOR_DETERMINERS or taken[token.i - 1]:
                continue
            segment, key = recent.get(head, (-1, ""))
            if key and segment >= self.segment_of[token.i] - HEAD_ANAPHOR_WINDOW:
                result.append(Candidate(token.i - 1, token.i + 1, TITLED, key=key))
                taken[token.i - 1] = taken[token.i] = True
        return result + ([upcoming] if upcoming else []) + list(pending)

    def _remember_heads(self, candidate: Candidate, recent: dict[str, tuple[int, str]]) -> None:
        """Note which head nouns this mention's actor can be called back by."""
        if candidate.key is None or candidate.key not in self.actors:
            return
        words = self.actors[candidate.key].label.lower().split()
        for head in self.lexicon.anaphor_heads:
            if any(word.endswith(head) for word in words):
                recent[head] = (self.segment_of[candidate.start], candidate.key)

    def _glosses_a_name(self, candidate: Candidate, taken: list[bool]) -> bool:
        """A generic abbreviation glossing a name that is no actor: "Openbare Zorg (GGZ)"."""
        doc = self.doc
        start, end = candidate.start, candidate.end
        return (
            candidate.generic is not None
            and start >= 2
            and end < len(doc)
            and doc[start - 1].text == "("
            and doc[end].text == ")"
            and is_capitalised(doc[start - 2])
            and not taken[start - 2]
        )

    def _extend_left(self, candidate: Candidate, taken: list[bool]) -> None:
        """Take in a place adjective ("de Amsterdamse politie") and a determiner."""
        doc = self.doc
        floor = self.segments[self.segment_of[candidate.start]].start
        start = candidate.start
        if candidate.generic and start > floor and not taken[start - 1]:
            before = doc[start - 1]
            if before.lower_ in self.lexicon.distinct_modifiers:
                # "de centrale crisisdienst", "andere gemeenten": another actor than the bare noun
                label = f"{before.lower_} {doc[start : candidate.end].text}"
                candidate.key = self._new_actor(label, candidate.generic.actor_class)
                candidate.generic = None
                start -= 1
            elif is_capitalised(before) and before.lower_.endswith("se") and start - 1 > floor:
                start -= 1
        while start > floor and not taken[start - 1] and doc[start - 1].lower_ in DETERMINERS:
            start -= 1
        for index in range(start, candidate.start):
            taken[index] = True
        candidate.start = start

    def _focal_actors(self, chosen: list[Candidate]) -> dict[ActorClass, str]:
        """The dominant named actor of each class: the one most mentioned, above a threshold."""
        counts: dict[ActorClass, Counter[str]] = {}
        for candidate in chosen:
            if candidate.key is not None:
                known = self.actors.get(candidate.key) or self.lexicon.actors[candidate.key]
                counts.setdefault(known.actor_class, Counter())[candidate.key] += 1
        focal = {}
        for actor_class, counter in counts.items():
            key, count = counter.most_common(1)[0]
            if count >= self.rec.focal_min_mentions and count >= self.rec.focal_min_share * sum(
                counter.values()
            ):
                focal[actor_class] = key
        return focal

    def _resolve_generic(self, candidate: Candidate, focal: dict[ActorClass, str]) -> str:
        generic = candidate.generic
        assert generic is not None
        resolves = generic.resolve == "focal" and (
            not generic.focal_forms or candidate.form in generic.focal_forms
        )
        if resolves:
            if generic.actor_class in focal:
                return focal[generic.actor_class]
            gemeente = focal.get(ActorClass.Municipality)
            if generic.template and gemeente:
                place = self.actors[gemeente].label.removeprefix("gemeente ")
                return self._new_actor(generic.template.format(place=place), generic.actor_class)
        return self._new_actor(generic.label, generic.actor_class)

    def _to_span(self, candidate: Candidate, focal: dict[ActorClass, str]) -> Span:
        if candidate.person is not None:
            key = actor_key(candidate.person.name)
        elif candidate.generic is not None:
            key = self._resolve_generic(candidate, focal)
        else:
            assert candidate.key is not None
            key = candidate.key
        if key in self.lexicon.actors:
            self._actor(key)
        actor = self.actors[key]
        span = Span(
            self.doc, candidate.start, candidate.end, label=actor.actor_class.value, kb_id=key
        )
        actor.aliases.add(span.text)
        return span

    def _link_attributions(self, spans: list[Span]) -> None:
        """Quote attributions give the speaker of the segment and the person's organisation."""
        speakers = {}
        for segment_index, (speaker, start, end) in self.attributions.items():
            key = actor_key(speaker.name)
            speakers[segment_index] = key
            person = self.actors.get(key)
            if person is None or person.member_of:
                continue
            organisations = [
                span.kb_id_
                for span in spans
                if start <= span.start < end
                and span.kb_id_ != key
                and span.label_ != ActorClass.Person.value
                and span.start > self._attribution_start(start, end)
            ]
            if organisations:
                person.member_of = organisations[-1]
        self.doc._.speakers = speakers

    def _attribution_start(self, start: int, end: int) -> int:
        """Token index of the opening bracket of a sentence-final attribution."""
        depth = 0
        for index in range(end - 1, start - 1, -1):
            text = self.doc[index].text
            depth += text == ")"
            depth -= text == "("
            if depth == 0 and text == "(":
                return index
        return end

    def _records(self) -> dict[str, ActorRecord]:
        used = {span.kb_id_ for span in self.doc.spans["actors"]} | set(
            (self.doc._.speakers or {}).values()
        )
        return {
            key: ActorRecord(
                key=key,
                label=actor.label,
                actor_class=actor.actor_class,
                aliases=tuple(sorted(alias for alias in actor.aliases if alias != actor.label)),
                identifier=actor.identifier,
                role=actor.role,
                member_of=actor.member_of,
            )
            for key, actor in self.actors.items()
            if key in used
        }


@Language.factory(
    "gov_actors",
    default_config={
        "focal_min_mentions": 3,
        "focal_min_share": 0.6,
        "gazetteer": "",
        "patterns": "",
    },
)
def make_actor_recognizer(
    nlp: Language,
    name: str,
    focal_min_mentions: int,
    focal_min_share: float,
    gazetteer: str,
    patterns: str,
) -> ActorRecognizer:
    """Create the actor recogniser; empty paths mean the bundled gazetteer and patterns."""
    lexicon = load_lexicon(
        Path(gazetteer) if gazetteer else GAZETTEER_FILE,
        Path(patterns) if patterns else PATTERNS_FILE,
    )
    return ActorRecognizer(nlp, lexicon, focal_min_mentions, focal_min_share)
