"""Argument frames: given a cue in a clause, which actor groups are its subject and object.

Dutch puts the subject first in the clause in main, inverted and subordinate order alike
("De gemeente financiert de GGD", "In 2002 financierde de gemeente de GGD", "dat de gemeente
de GGD financiert"), so without a parser the first group with no preposition is the
subject and the next one the direct object. A "door" group in a passive clause is the agent;
with "krijgen"/"ontvangen" the "van" group is the giver ("kregen van het ministerie de
opdracht").
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from itertools import combinations

from extract.relation_clauses import DETERMINERS, PREPOSITIONS, Clause, Group, Mention, Sentence
from extract.relation_lexicon import RelationCue

PASSIVE_AUXILIARIES = frozenset({"worden"})
RECEIVING_VERBS = frozenset({"krijgen", "ontvangen", "verkrijgen"})
GIVER_MARKERS = ("van", "door", "vanuit")
COPULAS = frozenset(
    ["zijn", "worden", "blijven", "vormen", "lijken", "heten", "fungeren", "gelden"]
)
APPOSITION_GLUE = frozenset([",", "(", ")", "als", "ook", "nog", "al", "nu", "toen", "mede", "wel"])
MEMBER_COPULAS = frozenset({"zijn"})
TASK_NOUNS = frozenset({"taak", "verantwoordelijkheid", "zaak", "bevoegdheid", "rol", "opdracht"})
INITIATORS = frozenset({"initiatief", "verzoek", "opdracht", "aandringen", "instigatie"})


@dataclass(frozen=True)
class Pair:
    """A subject and an object mention, and whether the cue stands between them."""

    subject: Mention
    object: Mention
    between: bool
    indirect: bool = False  # found through an owner, a dependent clause or an initiator


def _pairs(subjects: Group, objects: Group, cue_at: int) -> Iterator[Pair]:
    low, high = sorted((subjects, objects), key=lambda g: g.start)
    between = low.end <= cue_at < high.start
    for subject in subjects.mentions:
        for obj in objects.mentions:
            yield Pair(subject, obj, between)


def _within(group: Group) -> Iterator[Pair]:
    for a, b in combinations(group.mentions, 2):
        yield Pair(a, b, False)


def _unmarked(clause: Clause) -> list[Group]:
    own = [g for g in clause.groups if g.marker is None]
    return [clause.inherited, *own] if clause.inherited is not None else own


def _marked_after(clause: Clause, preps: tuple[str, ...], after: int) -> list[Group]:
    return [g for g in clause.groups if g.marked_by(preps) and g.start >= after]


def _has_lemma(sentence: Sentence, clause: Clause, lemmas: frozenset[str]) -> bool:
    return any(sentence.words[i].lemma in lemmas for i in range(clause.start, clause.end))


def _receiving(sentence: Sentence, clause: Clause) -> Group | None:
    if not _has_lemma(sentence, clause, RECEIVING_VERBS):
        return None
    givers = [g for g in clause.groups if g.marker in GIVER_MARKERS]
    return givers[0] if givers else None


def _orient(entry: RelationCue, subject: Group, obj: Group, cue_at: int) -> Iterator[Pair]:
    if entry.inverse:
        subject, obj = obj, subject
    yield from _pairs(subject, obj, cue_at)


def verb_frame(
    sentence: Sentence, clause: Clause, entry: RelationCue, cue: tuple[int, ...]
) -> Iterator[Pair]:
    """A verb with a direct or prepositional object; passive with a "door" agent."""
    unmarked = _unmarked(clause)
    agents = [g for g in clause.groups if g.marker in entry.agent_preps]
    passive = _has_lemma(sentence, clause, PASSIVE_AUXILIARIES)
    initiated = passive and not agents
    if initiated:
        agents = _initiators(sentence, clause)
    giver = _receiving(sentence, clause)
    if passive and agents:
        direct = [] if entry.prep_object else [g for g in unmarked if g is not agents[0]]
        patients = direct or [
            g for g in _marked_after(clause, entry.preps, 0) if g is not agents[0]
        ]
        owned = not patients
        patients = patients or _possessed(sentence, clause, 0)
        if patients:
            pairs = _orient(entry, agents[0], patients[0], cue[0])
            yield from _indirect(pairs) if initiated or owned else pairs
        return
    if passive:
        return  # a passive without its agent names only one side
    if giver is not None and unmarked:
        yield from _orient(entry, giver, unmarked[0], cue[0])
        return
    if not unmarked:
        return
    subject = unmarked[0]
    objects = [g for g in _marked_after(clause, entry.preps, cue[0]) if g is not subject]
    if not objects and len(unmarked) > 1 and not entry.prep_object:
        objects = [unmarked[1]]
    if objects:
        for obj in objects:
            yield from _orient(entry, subject, obj, cue[0])
        return
    if not entry.prep_object:
        objects = _possessed(sentence, clause, subject.end)[:1]
    if not objects and entry.addressee_clauses:
        objects = _complement_subject(sentence, clause, cue[-1])
    for obj in objects:
        yield from _indirect(_orient(entry, subject, obj, cue[0]))


def _indirect(pairs: Iterator[Pair]) -> Iterator[Pair]:
    return (replace(pair, indirect=True) for pair in pairs)


def _initiators(sentence: Sentence, clause: Clause) -> list[Group]:
    """Who made a passive happen without "door": X in "Op initiatief van X werd Y ingehuurd"."""
    return [
        g
        for g in clause.groups
        if g.marker == "van" and sentence.words[_van_before(sentence, g) - 1].lower in INITIATORS
    ]


def _van_before(sentence: Sentence, group: Group) -> int:
    return next(i for i in range(group.start - 1, -1, -1) if sentence.words[i].lower == "van")


def _complement_subject(sentence: Sentence, clause: Clause, cue_end: int) -> list[Group]:
    """The subject of a "dat" clause right after the cue: "eist (vandaag) dat X en Y ...".

    An article between cue and "dat" makes it a relative clause of a noun ("vraagt om een
    plan dat X ..."), whose subject was not asked anything.
    """
    index = sentence.clauses.index(clause)
    if index + 1 >= len(sentence.clauses):
        return []
    following = sentence.clauses[index + 1]
    between = sentence.words[cue_end + 1 : following.start]
    if sentence.words[following.start].lower != "dat" or len(between) > 3:
        return []
    if any(w.lower in DETERMINERS for w in between):
        return []
    return [g for g in following.groups if g.marker is None][:1]


def _possessed(sentence: Sentence, clause: Clause, after: int) -> list[Group]:
    """Owners of a plain noun phrase object: X in "coördineert het werk van X".

    The noun phrase must be short ("de extra crisisbedden van X") and stand in no
    prepositional phrase, so the verb acts on X's work, beds or campaign.
    """
    found = []
    for group in clause.groups:
        if group.start < after or group.marker != "van" or group.outer is not None:
            continue
        van = _van_before(sentence, group)
        article = next(
            (
                i
                for i in range(van - 1, max(clause.start, van - 4) - 1, -1)
                if sentence.words[i].lower in DETERMINERS
            ),
            None,
        )
        if article is None or any(sentence.in_mention(i) for i in range(article, van)):
            continue
        if article > 0 and sentence.words[article - 1].lower in PREPOSITIONS:
            continue  # "meldt in het jaarverslag 2002 van X": X owns no object
        found.append(group)
    return found


def nominal_frame(
    sentence: Sentence, clause: Clause, entry: RelationCue, cue: tuple[int, ...]
) -> Iterator[Pair]:
    """A relation noun: "de financiering van de GGD door de gemeente", "opdracht kregen van X"."""
    unmarked = _unmarked(clause)
    giver = _receiving(sentence, clause)
    if giver is not None:
        if unmarked:
            yield from _orient(entry, giver, unmarked[0], cue[0])
        return
    agents = [g for g in clause.groups if g.marker in entry.agent_preps]
    subject = agents[0] if agents else (unmarked[0] if unmarked else None)
    if subject is None:
        return
    for obj in _marked_after(clause, entry.preps, cue[-1]):
        if obj is not subject:
            yield from _orient(entry, subject, obj, cue[0])
            return


def prep_frame(
    sentence: Sentence, clause: Clause, entry: RelationCue, cue: tuple[int, ...]
) -> Iterator[Pair]:
    """The object follows a preposition after the cue ("toezicht houden op X", "namens X")."""
    after = cue[-1] + 1
    objects = [
        g
        for g in clause.groups
        if (g.start > cue[0] and _marks_object(entry, g))
        or (g.start >= after and _adjacent(sentence, after, g.start))
    ]
    if not objects:
        return
    obj = objects[0]
    subjects = [g for g in _unmarked(clause) if g is not obj]
    if subjects:
        yield from _orient(entry, subjects[0], obj, cue[0])
        return
    holders = [g for g in _task_holders(sentence, clause) if g is not obj and g.start > obj.end]
    if holders:
        yield from _indirect(_orient(entry, holders[0], obj, cue[0]))


def _task_holders(sentence: Sentence, clause: Clause) -> list[Group]:
    """Y in "Toezicht op X is een taak van Y": the one whose task the activity is."""
    return [
        g
        for g in clause.groups
        if g.marker == "van" and sentence.words[_van_before(sentence, g) - 1].lower in TASK_NOUNS
    ]


def _marks_object(entry: RelationCue, group: Group) -> bool:
    if entry.possessor_object:
        return group.marked_by(entry.preps)
    return group.marker in entry.preps


def _adjacent(sentence: Sentence, after: int, start: int) -> bool:
    return all(w.lower in DETERMINERS for w in sentence.words[after:start])


def symmetric_frame(
    sentence: Sentence, clause: Clause, entry: RelationCue, cue: tuple[int, ...]
) -> Iterator[Pair]:
    """A symmetric relation: "tussen A en B", "A werkt samen met B", "A en B sloten een akkoord"."""
    # "tussen A en B", and "de samenwerking van A en B" right after the cue (not "de kritiek van
    # A en B", where A and B criticise someone else)
    between_groups = [
        g
        for g in clause.groups
        if len(g.mentions) > 1
        and (
            g.marker == "tussen"
            or (
                entry.joint_van
                and g.marker == "van"
                and g.start > cue[-1]
                and _adjacent(sentence, cue[-1] + 2, g.start)
            )
        )
    ]
    if between_groups:
        for group in between_groups:
            yield from _within(group)
        return
    partners = [
        g
        for g in clause.groups
        if g.marked_by(entry.preps)
        and not (g.marker == "tussen" and not _with_and_among(sentence, g))
    ]
    unmarked = _unmarked(clause)
    if partners:
        holders = unmarked or [
            g for g in clause.groups if g.marker in ("van", "door") and g.start < partners[0].start
        ]
        if holders:
            for partner in partners:
                yield from _pairs(holders[0], partner, cue[0])
        return
    # without "met"/"tussen" only the parties listed as subject (or passive agent) are related
    agents = [g for g in clause.groups if g.marker in entry.agent_preps]
    listed = (unmarked or agents)[:1]
    if listed and len(listed[0].mentions) > 1:
        yield from _within(listed[0])


def _with_and_among(sentence: Sentence, group: Group) -> bool:
    """ "samenwerking met en tussen de regiogemeenten": one collective is also a partner.

    Otherwise a lone collective after "tussen" is a relation inside it, which is none.
    """
    before = [w.lower for w in sentence.words[max(0, group.start - 6) : group.start]]
    return "met" in before and "en" in before


def _owner_before(sentence: Sentence, head: int) -> Group | None:
    """The actors that a relation noun is said of: "X (de financier van Y)", "X is lid van Y"."""
    words = sentence.words
    i = head - 1
    adjectives = 0
    while i >= 0 and head - i <= 7:
        ending = [m for m in sentence.mentions if m.end == i + 1]
        if ending:
            return next((g for g in sentence.groups() if g.start <= ending[0].start < g.end), None)
        word = words[i]
        if word.lower in DETERMINERS or word.lower in APPOSITION_GLUE or word.lemma in COPULAS:
            i -= 1
        elif word.text[:1].islower() and word.lower.endswith("e") and adjectives < 2:
            adjectives += 1  # "een belangrijke financier", "de grootste criticus"
            i -= 1
        else:
            return None
    return None


def agent_noun_frame(
    sentence: Sentence, clause: Clause, entry: RelationCue, cue: tuple[int, ...]
) -> Iterator[Pair]:
    """A role noun of the relation: "het Zorgkantoor (de financier van de GGZ)"."""
    owner = _owner_before(sentence, cue[0])
    if owner is None:
        return
    for obj in _marked_after(clause, entry.preps, cue[-1]):
        if obj.start - cue[-1] <= 4 and obj is not owner:
            yield from _orient(entry, owner, obj, cue[0])
            return


def members_frame(
    sentence: Sentence, clause: Clause, entry: RelationCue, cue: tuple[int, ...]
) -> Iterator[Pair]:
    """A whole and its listed members: "De instellingen waren A, B en C", "bestaat uit A en B"."""
    owner = _owner_before(sentence, cue[0])
    after = cue[-1] + 1
    members = [g for g in clause.groups if g.start >= after and _adjacent(sentence, after, g.start)]
    if owner is None or owner.marker is not None or len(owner.mentions) != 1 or not members:
        return
    copula = all(sentence.words[i].lemma in MEMBER_COPULAS for i in cue)
    if copula and len(members[0].mentions) < 2:
        return
    yield from _pairs(members[0], owner, cue[0])


def from_to_frame(
    sentence: Sentence, clause: Clause, entry: RelationCue, cue: tuple[int, ...]
) -> Iterator[Pair]:
    """A transfer "van X naar Y": every "van" group paired with the "naar" group after it."""
    groups = clause.groups
    for n, source in enumerate(groups):
        if source.marker not in ("van", "vanuit"):
            continue
        target = next((g for g in groups[n + 1 :] if g.marker in entry.preps), None)
        if target is not None:
            yield from _pairs(source, target, cue[0])


Frame = Callable[[Sentence, Clause, RelationCue, tuple[int, ...]], Iterator[Pair]]

FRAMES: dict[str, Frame] = {
    "verb": verb_frame,
    "nominal": nominal_frame,
    "prep": prep_frame,
    "symmetric": symmetric_frame,
    "agent_noun": agent_noun_frame,
    "members": members_frame,
    "from_to": from_to_frame,
}


ELLIPSIS_OPENERS = frozenset({",", "en", "maar", "of"})


def _elliptic_group(sentence: Sentence, clause: Clause) -> Group | None:
    """The lone actor group of an elliptic denial: "en niet aan X", ", maar niet X"."""
    words = sentence.words
    i = clause.start
    while i < clause.end and words[i].lower in ELLIPSIS_OPENERS:
        i += 1
    if i >= clause.end or words[i].lower != "niet" or len(clause.groups) != 1:
        return None
    group = clause.groups[0]
    marker_words = 1 if group.marker is not None else 0
    between = [w for w in words[i + 1 : group.start] if w.lower not in DETERMINERS]
    rest = words[group.end : clause.end]
    if len(between) != marker_words or any(w.text[:1].isalnum() for w in rest):
        return None
    return group


def denied_alternatives(sentence: Sentence, clause: Clause, pairs: list[Pair]) -> list[Pair]:
    """Pairs that an elliptic "en niet aan X" after the clause denies, X in the same slot.

    "legt verantwoording af aan de raad en niet aan het ministerie" denies the ministry;
    "onder toezicht van A, niet van B" denies B as the supervisor.
    """
    index = sentence.clauses.index(clause)
    following = [c for c in sentence.clauses[index + 1 :] if c.end - c.start > 1 or c.groups]
    denied = _elliptic_group(sentence, following[0]) if following else None
    if denied is None:
        return []
    slots = {m: g.marker for g in clause.groups for m in g.mentions}
    alternatives = []
    for pair in pairs:
        for other in denied.mentions:
            if slots.get(pair.object) == denied.marker:
                alternatives.append(Pair(pair.subject, other, pair.between))
            elif slots.get(pair.subject) == denied.marker:
                alternatives.append(Pair(other, pair.object, pair.between))
    return alternatives
