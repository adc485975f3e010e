"""Gold annotation sets in the format of the gold guidelines: loading and validation."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from govgraph.evaluation.normalise import name_key, sentence_key
from ontology import SYMMETRIC_RELATIONS, ActorClass, Modality, RelationType

SENTENCES_FILE = "sentences.jsonl"
ACTORS_FILE = "actors.jsonl"

RelationKey = tuple[str, str, str, bool]  # (subject, property, object, negated)


class GoldFormatError(ValueError):
    """A gold folder or one of its lines does not follow the gold format."""


@dataclass(frozen=True)
class GoldRelation:
    """One annotated relation between two canonical actors of a sentence."""

    subject: str
    predicate: RelationType
    object: str
    negated: bool = False
    modality: Modality = Modality.Asserted
    year: int | None = None

    @property
    def key(self) -> RelationKey:
        """What a system relation must equal: symmetric properties compare unordered."""
        return relation_key(self.subject, self.predicate, self.object, self.negated)


def relation_key(subject: str, predicate: RelationType, obj: str, negated: bool) -> RelationKey:
    """The comparable form of a relation: symmetric properties put their ends in name order."""
    if predicate in SYMMETRIC_RELATIONS and obj < subject:
        subject, obj = obj, subject
    return (subject, predicate.value, obj, negated)


def untyped_pairs(keys: Iterable[RelationKey]) -> set[frozenset[str]]:
    """The unordered actor pairs the non-negated relations tie, whatever their property."""
    return {frozenset((key[0], key[2])) for key in keys if not key[3]}


@dataclass(frozen=True)
class GoldSentence:
    """One annotated sentence: its actors (canonical name to class) and relations."""

    doc: str
    passage: str
    lines: tuple[int, int]
    text: str
    actors: dict[str, ActorClass]
    relations: tuple[GoldRelation, ...]
    aliases: GoldAliases
    surfaces: dict[str, tuple[str, ...]]  # canonical name -> its surfaces in this sentence

    @property
    def key(self) -> str:
        """The normalised text that graph evidence must have to match this sentence."""
        return sentence_key(self.text)

    def resolve(self, *name_levels: Sequence[str], fallback: str) -> str:
        """The canonical actor that some names denote in this sentence, else ``fallback``.

        Levels are tried in order (e.g. the surfaces in the sentence, then an actor's labels);
        a candidate this sentence annotates wins over the first candidate of a level, because
        a gold set may reuse an alias ("de gemeente") for different actors in different places.
        """
        levels = [self.aliases.candidates(names) for names in name_levels]
        annotated = [[name for name in candidates if name in self.actors] for candidates in levels]
        for index, found in enumerate(annotated):
            if found:
                # one surface may name two annotated actors ("kennis- en onderwijsinstellingen"):
                # the later levels (labels, canonical names) pick between them
                for later in annotated[index + 1 :]:
                    narrowed = [name for name in found if name in later]
                    if narrowed:
                        return narrowed[0]
                return found[0]
        return next((candidates[0] for candidates in levels if candidates), fallback)


@dataclass(frozen=True)
class GoldAliases:
    """The canonical actors of a gold set and every name that points to them."""

    classes: dict[str, ActorClass]
    names: dict[str, tuple[str, ...]]  # name_key -> canonical names, in file order

    def lookup(self, name: str) -> tuple[str, ...]:
        """Canonical actors a name may denote; several when the gold reuses an alias."""
        return self.names.get(name_key(name), ())

    def candidates(self, names: Iterable[str]) -> list[str]:
        """The canonical actors any of the names may denote, in order, without repeats."""
        found: list[str] = []
        for name in names:
            found.extend(owner for owner in self.lookup(name) if owner not in found)
        return found


@dataclass(frozen=True)
class GoldSet:
    """The sentences of one or more gold folders."""

    sentences: tuple[GoldSentence, ...]
    folders: tuple[Path, ...]

    def __iter__(self) -> Iterator[GoldSentence]:
        return iter(self.sentences)

    @property
    def documents(self) -> frozenset[str]:
        """The file names the gold annotates."""
        return frozenset(sentence.doc for sentence in self.sentences)


def load_gold(folders: Sequence[Path]) -> GoldSet:
    """Read gold folders (each with sentences.jsonl and actors.jsonl) into one gold set."""
    if not folders:
        raise GoldFormatError("no gold folder given")
    sentences: list[GoldSentence] = []
    for folder in folders:
        aliases = _load_aliases(folder)
        sentences.extend(_load_sentences(folder, aliases))
    return GoldSet(tuple(sentences), tuple(folders))


def _jsonl(path: Path) -> Iterator[tuple[int, dict]]:
    if not path.is_file():
        raise GoldFormatError(
            f"{path}: missing (a gold folder needs {SENTENCES_FILE} and {ACTORS_FILE})"
        )
    with path.open(encoding="utf-8") as lines:
        for number, line in enumerate(lines, start=1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except json.JSONDecodeError as error:
                raise GoldFormatError(f"{path}:{number}: not JSON ({error.msg})") from None
            if not isinstance(record, dict):
                raise GoldFormatError(f"{path}:{number}: expected a JSON object")
            yield number, record


def _actor_class(value: object, where: str) -> ActorClass:
    try:
        return ActorClass(str(value))
    except ValueError:
        raise GoldFormatError(f"{where}: unknown actor class {value!r}") from None


def _load_aliases(folder: Path) -> GoldAliases:
    classes: dict[str, ActorClass] = {}
    names: dict[str, list[str]] = {}
    path = folder / ACTORS_FILE
    for number, record in _jsonl(path):
        where = f"{path}:{number}"
        try:
            actor = str(record["actor"])
            aliases = [str(alias) for alias in record.get("aliases", [])]
        except KeyError as error:
            raise GoldFormatError(f"{where}: missing field {error}") from None
        classes[actor] = _actor_class(record.get("class", "Actor"), where)
        for name in (actor, *aliases):
            owners = names.setdefault(name_key(name), [])
            if actor not in owners:
                owners.append(actor)
    return GoldAliases(classes, {key: tuple(owners) for key, owners in names.items()})


def _relation(record: dict, where: str) -> GoldRelation:
    try:
        predicate = RelationType(record["predicate"])
    except ValueError:
        raise GoldFormatError(f"{where}: unknown predicate {record['predicate']!r}") from None
    try:
        modality = Modality(str(record.get("modality", "asserted")).capitalize())
    except ValueError:
        raise GoldFormatError(f"{where}: unknown modality {record['modality']!r}") from None
    year = record.get("year")
    return GoldRelation(
        subject=str(record["subject"]),
        predicate=predicate,
        object=str(record["object"]),
        negated=bool(record.get("negated", False)),
        modality=modality,
        year=int(year) if year is not None else None,
    )


def _load_sentences(folder: Path, aliases: GoldAliases) -> Iterator[GoldSentence]:
    path = folder / SENTENCES_FILE
    for number, record in _jsonl(path):
        where = f"{path}:{number}"
        try:
            actors: dict[str, ActorClass] = {}
            surfaces: dict[str, list[str]] = {}
            for actor in record.get("actors", []):
                name = str(actor["actor"])
                actors[name] = _actor_class(actor.get("class", "Actor"), where)
                surfaces.setdefault(name, []).append(str(actor.get("surface", name)))
            relations = tuple(
                _relation(relation, where) for relation in record.get("relations", [])
            )
            first, last = record.get("lines", (0, 0))
            yield GoldSentence(
                doc=str(record["doc"]),
                passage=str(record.get("passage", "")),
                lines=(int(first), int(last)),
                text=str(record["sentence"]),
                actors=actors,
                relations=relations,
                aliases=aliases,
                surfaces={name: tuple(forms) for name, forms in surfaces.items()},
            )
        except KeyError as error:
            raise GoldFormatError(f"{where}: missing field {error}") from None
