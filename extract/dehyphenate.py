"""Resolve a hyphen at a line end: a break hyphen to remove, a real one to keep, a lost trema.

Dutch drops the trema when a word is hyphenated at that point ("strategie-" + "en" for
"strategieën"), so joining needs evidence: spellings attested elsewhere in the same document
first, then the Dutch trema words of ``data/trema_words.txt`` (also inside compounds), then
the junction rules of ``data/trema_rules.jsonl``.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from enum import StrEnum
from functools import lru_cache
from pathlib import Path

from extract.jsonl import read_jsonl

TREMA_RULES_FILE = Path(__file__).parent / "data" / "trema_rules.jsonl"
TREMA_WORDS_FILE = Path(__file__).parent / "data" / "trema_words.txt"
TREMA = {"e": "ë", "i": "ï", "o": "ö", "u": "ü", "a": "ä"}
VOWELS = frozenset("aeiouy")
# A coordinator after the break hyphen makes it a shared-part hyphen: "dak-⏎en thuislozen".
COORDINATORS = frozenset({"en", "of", "tot", "noch"})

_WORD = re.compile(r"\w+(?:-\w+)*")
_ELIDED_STEM = re.compile(r"\b(\w+)- (?:en|of|tot|noch)\b")
_SHORTEST_TREMA_WORD = 4
_LEFT_TOKEN = re.compile(r"([^\W\d_]+(?:-[^\W\d_]+)*)-$")
_RIGHT_WORD = re.compile(r"[^\W\d_]+")


class Resolution(StrEnum):
    """What happened to a line-final hyphen."""

    removed = "removed"  # break hyphen inside a word: "samenwer-" + "king"
    kept = "kept"  # real hyphen: "GGZ-" + "instellingen", "dak-" + "en thuislozen"
    trema = "trema"  # break hyphen that swallowed a trema: "ge-" + "isoleerde" -> "geïsoleerde"
    not_a_break = "not_a_break"  # a dash standing alone, not part of a word


@dataclass(frozen=True)
class Join:
    """How two lines meet after resolving the hyphen at the end of the first."""

    left: str
    right: str
    separator: str
    resolution: Resolution


@dataclass(frozen=True)
class TremaRule:
    """A spelling junction where a lost trema returns: left part ends, right part starts."""

    left_suffix: str
    right_prefix: str


@lru_cache(maxsize=1)
def trema_rules() -> tuple[TremaRule, ...]:
    """The trema junction rules from the data file."""
    return tuple(
        TremaRule(row["left_suffix"], row["right_prefix"]) for row in read_jsonl(TREMA_RULES_FILE)
    )


@lru_cache(maxsize=1)
def trema_words() -> frozenset[str]:
    """Lower-case Dutch word forms spelled with a trema."""
    lines = TREMA_WORDS_FILE.read_text("utf-8").splitlines()
    return frozenset(line for line in lines if line and not line.startswith("#"))


def build_vocabulary(text: str) -> Counter[str]:
    """Lower-case word forms attested in a text, plus ``stem-`` keys for shared-part hyphens."""
    lower = text.lower()
    vocabulary = Counter(_WORD.findall(lower))
    vocabulary.update(f"{stem}-" for stem in _ELIDED_STEM.findall(lower))
    return vocabulary


def _has_trema_word(word: str, junction: int) -> bool:
    """Whether a known trema word spans offset ``junction`` of ``word`` (compounds included)."""
    known = trema_words()
    return any(
        word[start:end] in known
        for start in range(junction + 1)
        for end in range(max(junction + 1, start + _SHORTEST_TREMA_WORD), len(word) + 1)
    )


def _with_trema(word: str) -> str:
    return TREMA[word[0]] + word[1:]


def _trema_possible(left: str, right: str) -> bool:
    return left[-1:].lower() in VOWELS and right[:1] in TREMA


def _rule_says_trema(left: str, right: str) -> bool:
    left, right = left.lower(), right.lower()
    return any(
        left.endswith(rule.left_suffix) and right.startswith(rule.right_prefix)
        for rule in trema_rules()
    )


def _choose(left: str, right: str, vocabulary: Counter[str]) -> Resolution:
    """Pick removed, kept or trema for a lower-case junction from the evidence available."""
    joined, hyphenated = f"{left}{right}".lower(), f"{left}-{right}".lower()
    trema = f"{left}{_with_trema(right)}".lower() if _trema_possible(left, right) else None
    counts = {
        Resolution.removed: vocabulary[joined],
        Resolution.trema: vocabulary[trema] if trema else 0,
        Resolution.kept: vocabulary[hyphenated],
    }
    best = max(counts, key=lambda resolution: counts[resolution])
    if counts[best] > 0:
        return best
    if trema and (
        _has_trema_word(trema, len(left)) or _rule_says_trema(left.rsplit("-", 1)[-1], right)
    ):
        return Resolution.trema
    return Resolution.removed


def _shares_head(left: str, following: str, vocabulary: Counter[str]) -> bool:
    """Whether ``left`` plus the tail of the word after the coordinator is attested.

    "organisatie- en verantwoordelijkheidsstructuur" shares "structuur": "organisatiestructuur".
    """
    stem = left.lower()
    following = following.lower()
    return any(
        vocabulary[stem + following[start:]]
        for start in range(len(following) - _SHORTEST_TREMA_WORD + 1)
    )


def _choose_before_coordinator(
    left: str, right: str, following: str, vocabulary: Counter[str]
) -> Resolution:
    """ "strategie-" + "en" is "strategieën", but "dak-" + "en thuislozen" keeps its hyphen."""
    trema = f"{left}{_with_trema(right)}".lower() if _trema_possible(left, right) else None
    if trema and vocabulary[trema]:
        return Resolution.trema
    if vocabulary[f"{left.lower()}-"] or _shares_head(left, following, vocabulary):
        return Resolution.kept
    if trema and (_has_trema_word(trema, len(left)) or _rule_says_trema(left, right)):
        return Resolution.trema
    if vocabulary[f"{left}{right}".lower()]:
        return Resolution.removed
    return Resolution.kept


def resolve(left_line: str, right_line: str, vocabulary: Counter[str]) -> Join:
    """Join a line ending in "-" with the next line (both stripped), deciding the hyphen's fate."""
    left_match = _LEFT_TOKEN.search(left_line, left_line.rfind(" ") + 1)
    right_match = _RIGHT_WORD.match(right_line)
    if left_match is None:
        before = left_line[-2:-1]
        if before and (before.isupper() or before.isdigit() or before in ")’”"):
            return Join(left_line, right_line, "", Resolution.kept)  # "(AWBZ)-financiering"
        return Join(left_line, right_line, " ", Resolution.not_a_break)
    left_word = left_match.group(1)
    if left_word[-1].isupper() or right_match is None or right_line[0].isupper():
        return Join(left_line, right_line, "", Resolution.kept)
    right_word = right_match.group(0)
    rest = right_line[len(right_word) :]
    if right_word in COORDINATORS and (not rest or rest[0] == " "):
        following = _RIGHT_WORD.search(rest)
        resolution = _choose_before_coordinator(
            left_word, right_word, following.group(0) if following else "", vocabulary
        )
    else:
        resolution = _choose(left_word, right_word, vocabulary)
    if resolution is Resolution.kept:
        separator = " " if right_word in COORDINATORS and (not rest or rest[0] == " ") else ""
        return Join(left_line, right_line, separator, resolution)
    if resolution is Resolution.trema:
        return Join(left_line[:-1], _with_trema(right_line), "", resolution)
    return Join(left_line[:-1], right_line, "", resolution)
