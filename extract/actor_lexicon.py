"""The actor lexicon: gazetteer and hand-written patterns from JSONL, and the actor key function."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from extract.jsonl import read_jsonl
from ontology import ActorClass

DATA_DIR = Path(__file__).parent / "data"
GAZETTEER_FILE = DATA_DIR / "gazetteer.jsonl"
PATTERNS_FILE = DATA_DIR / "actor_patterns.jsonl"


def actor_key(label: str) -> str:
    """The stable key of an actor: its canonical label as a lowercase ASCII slug with hyphens."""
    ascii_label = unicodedata.normalize("NFKD", label).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]+", "-", ascii_label.lower()).strip("-")


@dataclass
class LexiconActor:
    """A known actor: canonical label, class, and the names that denote it."""

    label: str
    actor_class: ActorClass
    names: list[str] = field(default_factory=list)  # matched case-insensitively
    abbreviations: list[str] = field(default_factory=list)  # matched case-sensitively
    places: list[str] = field(
        default_factory=list
    )  # place names: a mention only as an organisation
    metonyms: list[str] = field(default_factory=list)  # place names standing for this actor
    identifier: str | None = None
    until: int | None = None  # last year the actor existed, for historic bodies

    @property
    def key(self) -> str:
        """The canonical key of this actor."""
        return actor_key(self.label)

    def merge(self, other: LexiconActor) -> None:
        """Add the names of another record of the same actor."""
        for attr in ("names", "abbreviations", "places", "metonyms"):
            mine: list[str] = getattr(self, attr)
            mine.extend(name for name in getattr(other, attr) if name not in mine)
        self.identifier = self.identifier or other.identifier
        self.until = self.until or other.until


@dataclass(frozen=True)
class GenericActor:
    """A class noun ("de GGZ-instellingen", "burgers") denoting a collective or generic actor."""

    label: str
    actor_class: ActorClass
    forms: tuple[str, ...]  # lower-case surface forms, without determiner
    resolve: str | None = None  # "focal": the document's dominant actor of the class, if any
    focal_forms: tuple[str, ...] = ()  # forms that resolve; empty means all forms
    template: str | None = None  # label of the resolved actor built from the focal place
    placeable: bool = False  # "in de regio", "de regio IJsselland": a place, not an actor
    # "de raad van bestuur" is another body than "de raad": words after "van" that make it so
    other_complements: tuple[str, ...] = ()


@dataclass(frozen=True)
class TitledPattern:
    """A head word followed by a proper name: "gemeente X", "GGZ X", "stadsdeel X"."""

    heads: tuple[str, ...]  # lower-case head phrases
    actor_class: ActorClass
    label: str  # template with {name}
    bare_alias: bool = True  # the bare name alone denotes the actor later in the document
    joiners: bool = False  # "en" and commas may join the name's parts ("Vangnet en Advies")


@dataclass
class Lexicon:
    """Everything the actor recogniser knows before reading a document."""

    actors: dict[str, LexiconActor] = field(default_factory=dict)
    generics: list[GenericActor] = field(default_factory=list)
    titled: list[TitledPattern] = field(default_factory=list)
    roles: set[str] = field(default_factory=set)
    title_roles: set[str] = field(default_factory=set)  # roles that precede a bare surname
    role_modifiers: set[str] = field(default_factory=set)
    portfolios: set[str] = field(default_factory=set)
    head_classes: dict[str, ActorClass] = field(default_factory=dict)
    place_org_cues: set[str] = field(default_factory=set)
    province_cues: set[str] = field(default_factory=set)
    distinct_modifiers: set[str] = field(default_factory=set)  # "andere gemeenten" is its own actor
    speech_cues: set[str] = field(default_factory=set)
    not_person_words: set[str] = field(default_factory=set)
    not_name_endings: set[str] = field(default_factory=set)  # "Hannie van Leeuwenlezing"
    anaphor_heads: set[str] = field(default_factory=set)  # "de dienst" after "Centrale Dienst"

    def add_actor(self, actor: LexiconActor, *, takes_class: bool = False) -> None:
        """Add an actor, merging it with a known actor of the same key (whose class it may take)."""
        known = self.actors.get(actor.key)
        if known is None:
            self.actors[actor.key] = actor
            return
        known.merge(actor)
        if takes_class:
            known.actor_class = actor.actor_class


def _actor_from_json(row: dict) -> LexiconActor:
    return LexiconActor(
        label=row["label"],
        actor_class=ActorClass(row["class"]),
        names=list(row.get("names", ())),
        abbreviations=list(row.get("abbreviations", ())),
        places=list(row.get("places", ())),
        metonyms=list(row.get("metonyms", ())),
        identifier=row.get("identifier"),
        until=row.get("until"),
    )


def _add_pattern_row(lexicon: Lexicon, row: dict) -> None:
    kind = row["kind"]
    if kind == "actor":  # hand-written knowledge outranks the register's type
        lexicon.add_actor(_actor_from_json(row), takes_class=True)
    elif kind == "generic":
        lexicon.generics.append(
            GenericActor(
                label=row["label"],
                actor_class=ActorClass(row["class"]),
                forms=tuple(form.lower() for form in row["forms"]),
                resolve=row.get("resolve"),
                focal_forms=tuple(row.get("focal_forms", ())),
                template=row.get("template"),
                placeable=row.get("placeable", False),
                other_complements=tuple(row.get("other_complements", ())),
            )
        )
    elif kind == "titled":
        lexicon.titled.append(
            TitledPattern(
                heads=tuple(head.lower() for head in row["heads"]),
                actor_class=ActorClass(row["class"]),
                label=row["label"],
                bare_alias=row.get("bare_alias", True),
                joiners=row.get("joiners", False),
            )
        )
    elif kind == "head":
        lexicon.head_classes.update(
            {word.lower(): ActorClass(row["class"]) for word in row["words"]}
        )
    elif kind == "words":
        target: set[str] = getattr(lexicon, row["set"])
        target.update(word.lower() for word in row["words"])
    else:
        raise ValueError(f"{PATTERNS_FILE.name}: unknown pattern kind {kind!r}")


@lru_cache(maxsize=4)
def load_lexicon(
    gazetteer_file: Path = GAZETTEER_FILE, patterns_file: Path = PATTERNS_FILE
) -> Lexicon:
    """Load the generated gazetteer, then the hand-written patterns that add to and override it."""
    lexicon = Lexicon()
    for row in read_jsonl(gazetteer_file):
        lexicon.add_actor(_actor_from_json(row))
    for row in read_jsonl(patterns_file):
        _add_pattern_row(lexicon, row)
    return lexicon
