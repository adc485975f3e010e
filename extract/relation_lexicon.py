"""The relation cue lexicon: `data/relation_cues.jsonl` loaded into typed entries and word sets.

A cue is a list of alternatives. Each alternative is either a contiguous phrase of word
patterns ("in opdracht", "kort geding") or parts joined by ``+`` that must all occur in the
clause in any order (separable verbs: "werken+samen" matches "werkt ... samen" and
"samen te werken"). A word pattern matches a token's lemma or its lower-case form, with
``*`` as a wildcard ("*samenwerking" matches "ketensamenwerking").

Each line has a ``kind``. A ``relation`` line gives ``property`` (one of the 18), optional
``subproperty`` (a finer ``gov:`` term), ``frame`` (how to find the arguments: verb, nominal,
prep, symmetric, agent_noun, members, from_to), ``preps`` (prepositions that mark the object),
``inverse``, ``confidence`` (the evidence's base weight), class filters, ``unless`` (cues that
cancel it), ``joint_van``, ``prep_object`` (a direct object is not the other party: the
clients in "verwijst cliënten naar X") and ``addressee_clauses`` (the addressee of a request
may head the "om" clause or be the subject of the "dat" clause), ``possessor_object`` (the
object may own the noun after the preposition). Word lists: ``negation``
(``"scope": "next"`` for negators of the next noun only), ``negation_exception``,
``modality`` (``"scope": "complement"`` for verbs that give their "dat"/"om" clause a
modality: "eist dat ..."), ``role_noun``, ``role_modifier``, ``unit_noun`` and ``head_noun``.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from fnmatch import fnmatchcase
from functools import cache
from pathlib import Path
from typing import Protocol

from ontology import ActorClass, Modality, RelationType

CUES_FILE = Path(__file__).parent / "data" / "relation_cues.jsonl"

FRAMES = frozenset({"verb", "nominal", "prep", "symmetric", "agent_noun", "members", "from_to"})


class LexiconError(ValueError):
    """A malformed line in a cue lexicon file, reported with the file and line number."""


@dataclass(frozen=True)
class Cue:
    """One alternative of a cue: phrases of word patterns that must all be present."""

    phrases: tuple[tuple[str, ...], ...]  # one phrase for contiguous cues, several for "a+b"
    literals: frozenset[str] = frozenset()  # its words without a wildcard
    wildcards: tuple[str, ...] = ()  # its words with one

    @classmethod
    def parse(cls, text: str) -> Cue:
        """Parse "a b" (contiguous) or "a+b c" (co-occurring parts) into a cue."""
        phrases = tuple(tuple(part.split()) for part in text.split("+") if part.strip())
        words = [word for phrase in phrases for word in phrase]
        return cls(
            phrases,
            frozenset(w for w in words if "*" not in w),
            tuple(w for w in words if "*" in w),
        )

    def possible(self, present: frozenset[str]) -> bool:
        """False when some word of the cue is missing from the `present` lemmas and forms."""
        return self.literals <= present and all(
            any(fnmatchcase(form, pattern) for form in present) for pattern in self.wildcards
        )


@dataclass(frozen=True)
class RelationCue:
    """A lexicon entry: cues of one property and how to find its two arguments."""

    prop: RelationType
    frame: str
    cues: tuple[Cue, ...]
    preps: tuple[str, ...] = ()  # prepositions that mark the object
    agent_preps: tuple[str, ...] = ("door",)  # prepositions that mark a passive agent
    inverse: bool = False  # the marked argument is the subject
    confidence: float = 0.7
    subproperty: str | None = None
    object_classes: frozenset[ActorClass] = frozenset()  # empty means any class
    exclude_object_classes: frozenset[ActorClass] = frozenset()
    exclude_subject_classes: frozenset[ActorClass] = frozenset()
    unless: tuple[Cue, ...] = ()  # cues that cancel this entry in a clause ("vraagt zich af")
    joint_van: bool = False  # "de samenwerking van A en B" relates A and B
    prep_object: bool = False  # only a prepositional object counts ("verwijst X naar Y": Y)
    addressee_clauses: bool = False  # "vroeg X om hulp", "eist dat X ...": see verb_frame
    possessor_object: bool = False  # "regie over het werk van X" relates X


@dataclass(frozen=True)
class Lexicon:
    """Everything the relation extractor reads from its data file."""

    relations: tuple[RelationCue, ...]
    negation: tuple[Cue, ...]  # negate every cue of their clause
    local_negation: tuple[Cue, ...]  # negate only the cue right after them ("gebrek aan")
    negation_exceptions: tuple[Cue, ...]
    modality: tuple[tuple[Modality, Cue], ...]
    complement_modality: tuple[tuple[Modality, Cue], ...]  # "eist dat ...": of the dat clause
    conditional_openers: frozenset[str]  # words that make a clause hypothetical when first
    role_nouns: tuple[str, ...]
    role_modifiers: frozenset[str]
    unit_nouns: tuple[str, ...]
    head_nouns: frozenset[str]  # "directie" in "de directie van X": X is meant


def word_matches(pattern: str, lemma: str, lower: str) -> bool:
    """True when a word pattern matches a token's lemma or lower-case form."""
    if "*" in pattern:
        return fnmatchcase(lemma, pattern) or fnmatchcase(lower, pattern)
    return pattern in (lemma, lower)


def _classes(row: dict, field: str, where: str) -> frozenset[ActorClass]:
    try:
        return frozenset(ActorClass(name) for name in row.get(field, ()))
    except ValueError as error:
        raise LexiconError(f"{where}: unknown actor class in {field!r}: {error}") from None


def _relation(row: dict, where: str) -> RelationCue:
    try:
        prop = RelationType(row["property"])
    except (KeyError, ValueError):
        raise LexiconError(
            f"{where}: unknown or missing property {row.get('property')!r}"
        ) from None
    frame = row.get("frame")
    if frame not in FRAMES:
        raise LexiconError(f"{where}: frame {frame!r} is not one of {sorted(FRAMES)}")
    if not row.get("cues"):
        raise LexiconError(f"{where}: a relation entry needs a non-empty 'cues' list")
    return RelationCue(
        prop=prop,
        frame=frame,
        cues=tuple(Cue.parse(text) for text in row["cues"]),
        preps=tuple(row.get("preps", ())),
        agent_preps=tuple(row.get("agent_preps", ("door",))),
        inverse=bool(row.get("inverse", False)),
        confidence=float(row.get("confidence", 0.7)),
        subproperty=row.get("subproperty"),
        object_classes=_classes(row, "object_classes", where),
        exclude_object_classes=_classes(row, "exclude_object_classes", where),
        exclude_subject_classes=_classes(row, "exclude_subject_classes", where),
        unless=tuple(Cue.parse(text) for text in row.get("unless", ())),
        joint_van=bool(row.get("joint_van", False)),
        prep_object=bool(row.get("prep_object", False)),
        addressee_clauses=bool(row.get("addressee_clauses", False)),
        possessor_object=bool(row.get("possessor_object", False)),
    )


def parse_lexicon(lines: list[str], source: str) -> Lexicon:
    """Build a lexicon from JSON lines; `source` names the file in error messages."""
    relations: list[RelationCue] = []
    negation: list[Cue] = []
    local_negation: list[Cue] = []
    exceptions: list[Cue] = []
    modality: list[tuple[Modality, Cue]] = []
    complement_modality: list[tuple[Modality, Cue]] = []
    openers: set[str] = set()
    words: dict[str, list[str]] = {
        "role_noun": [],
        "role_modifier": [],
        "unit_noun": [],
        "head_noun": [],
    }
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        where = f"{source}, line {number}"
        try:
            row = json.loads(line)
        except json.JSONDecodeError as error:
            raise LexiconError(f"{where}: not valid JSON ({error.msg})") from None
        kind = row.get("kind")
        if kind == "relation":
            relations.append(_relation(row, where))
        elif kind == "negation":
            scoped = local_negation if row.get("scope") == "next" else negation
            scoped.extend(Cue.parse(text) for text in row["cues"])
        elif kind == "negation_exception":
            exceptions.extend(Cue.parse(text) for text in row["cues"])
        elif kind == "modality":
            value = Modality(row["modality"])
            modal = complement_modality if row.get("scope") == "complement" else modality
            modal.extend((value, Cue.parse(text)) for text in row["cues"])
            openers.update(row.get("clause_start", ()))
        elif kind in words:
            words[kind].extend(row["cues"])
        else:
            raise LexiconError(f"{where}: unknown kind {kind!r}")
    return Lexicon(
        relations=tuple(relations),
        negation=tuple(negation),
        local_negation=tuple(local_negation),
        negation_exceptions=tuple(exceptions),
        modality=tuple(modality),
        complement_modality=tuple(complement_modality),
        conditional_openers=frozenset(openers),
        role_nouns=tuple(words["role_noun"]),
        role_modifiers=frozenset(words["role_modifier"]),
        unit_nouns=tuple(words["unit_noun"]),
        head_nouns=frozenset(words["head_noun"]),
    )


@cache
def load_lexicon(path: str = str(CUES_FILE)) -> Lexicon:
    """Read and cache the cue lexicon from a JSONL file."""
    try:
        lines = Path(path).read_text(encoding="utf-8").splitlines()
    except OSError as error:
        raise LexiconError(
            f"cannot read the relation cue lexicon {path}: {error.strerror}"
        ) from None
    return parse_lexicon(lines, path)


class Matchable(Protocol):
    """What cue matching needs of a word."""

    @property
    def lemma(self) -> str:
        """The normalised lemma."""

    @property
    def lower(self) -> str:
        """The lower-case form."""


def _phrase_at(words: Sequence[Matchable], i: int, phrase: tuple[str, ...]) -> bool:
    if i + len(phrase) > len(words):
        return False
    return all(
        word_matches(p, words[i + k].lemma, words[i + k].lower) for k, p in enumerate(phrase)
    )


def present_forms(words: Sequence[Matchable], allowed: Sequence[int]) -> frozenset[str]:
    """The lemmas and lower-case forms of the words at the allowed positions."""
    return frozenset(form for i in allowed for form in (words[i].lemma, words[i].lower))


def find_cue(
    words: Sequence[Matchable],
    cue: Cue,
    allowed: Sequence[int],
    is_particle_ok: Callable[[int], bool],
    present: frozenset[str] | None = None,
) -> list[tuple[int, ...]]:
    """Every match of a cue among the allowed word positions, as tuples of word positions.

    `present` (the lemmas and forms of the allowed words) lets a caller that tries many
    cues on one clause compute it once. A separable part that is a bare preposition ("aan",
    "op") only counts where it is a verb particle, which `is_particle_ok` decides (not
    followed by a noun phrase).
    """
    allowed_set = set(allowed)
    if present is None:
        present = present_forms(words, allowed)
    if not cue.possible(present):
        return []

    def starts(phrase: tuple[str, ...]) -> list[int]:
        return [
            i
            for i in allowed
            if all(i + k in allowed_set for k in range(len(phrase)))
            and _phrase_at(words, i, phrase)
        ]

    first, *rest = cue.phrases
    matches = []
    for i in starts(first):
        positions = list(range(i, i + len(first)))
        for phrase in rest:
            candidates = [
                j
                for j in starts(phrase)
                if not set(range(j, j + len(phrase))) & set(positions)
                and (len(phrase) > 1 or phrase[0] not in PARTICLE_PREPOSITIONS or is_particle_ok(j))
            ]
            if not candidates:
                break
            nearest = min(candidates, key=lambda j: abs(j - i))
            positions.extend(range(nearest, nearest + len(phrase)))
        else:
            matches.append(tuple(sorted(positions)))
    return matches


PARTICLE_PREPOSITIONS = frozenset(
    ["aan", "op", "in", "uit", "door", "over", "voor", "af", "bij", "mee"]
)
