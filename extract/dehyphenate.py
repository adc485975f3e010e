"""Resolve a hyphen at a line end: a break hyphen to remove, a real one to keep, a lost trema.

Dutch drops the trema when a word is hyphenated at that point ("strategie-" + "en" for
"strategieën"), so joining needs evidence: spellings attested elsewhere in the same document
first, then simplemma's Dutch word list, then the trema rules in ``data/trema_rules.jsonl``.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from dataclasses import dataclass
from enum import StrEnum
from functools import lru_cache
from pathlib import Path

import simplemma

TREMA_RULES_FILE = Path(__file__).parent / "data" / "trema_rules.jsonl"
TREMA = {"e": "ë", "i": "ï", "o": "ö", "u": "ü", "a": "ä"}
VOWELS = frozenset("aeiouy")
# A coordinator after the break hyphen makes it a shared-part hyphen: "dak-⏎en thuislozen".
COORDINATORS = frozenset({"en", "of", "tot", "noch"})

_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")
_ELIDED_STEM = re.compile(r"([^\W\d_]+)- (?:en|of|tot|noch)\b")
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
    rows = [json.loads(line) for line in TREMA_RULES_FILE.read_text("utf-8").splitlines() if line]
    return tuple(TremaRule(row["left_suffix"], row["right_prefix"]) for row in rows)


def build_vocabulary(text: str) -> Counter[str]:
    """Lower-case word forms attested in a text, plus ``stem-`` keys for shared-part hyphens."""
    vocabulary = Counter(match.lower() for match in _WORD.findall(text))
    vocabulary.update(f"{stem.lower()}-" for stem in _ELIDED_STEM.findall(text))
    return vocabulary


@lru_cache(maxsize=50_000)
def _known(word: str) -> bool:
    return simplemma.is_known(word, lang="nl")


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
    last_left = left.rsplit("-", 1)[-1]
    if trema and _known(f"{last_left}{_with_trema(right)}".lower()):
        return Resolution.trema
    if _known(f"{last_left}{right}".lower()):
        return Resolution.removed
    if trema and _rule_says_trema(last_left, right):
        return Resolution.trema
    return Resolution.removed


def _choose_before_coordinator(left: str, right: str, vocabulary: Counter[str]) -> Resolution:
    """ "strategie-" + "en" is "strategieën", but "dak-" + "en thuislozen" keeps its hyphen."""
    if _trema_possible(left, right):
        trema = f"{left}{_with_trema(right)}".lower()
        if vocabulary[trema] or _rule_says_trema(left, right):
            return Resolution.trema
    if vocabulary[f"{left}{right}".lower()] and not vocabulary[f"{left.lower()}-"]:
        return Resolution.removed
    return Resolution.kept


def resolve(left_line: str, right_line: str, vocabulary: Counter[str]) -> Join:
    """Join a line ending in "-" with the next line (both stripped), deciding the hyphen's fate."""
    left_match = _LEFT_TOKEN.search(left_line)
    right_match = _RIGHT_WORD.match(right_line)
    if left_match is None:
        before = left_line[-2:-1]
        if before.isupper() or before.isdigit():
            return Join(left_line, right_line, "", Resolution.kept)
        return Join(left_line, right_line, " ", Resolution.not_a_break)
    left_word = left_match.group(1)
    if left_word[-1].isupper() or right_match is None or right_line[0].isupper():
        return Join(left_line, right_line, "", Resolution.kept)
    right_word = right_match.group(0)
    rest = right_line[len(right_word) :]
    if right_word in COORDINATORS and (not rest or rest[0] == " "):
        resolution = _choose_before_coordinator(left_word, right_word, vocabulary)
    else:
        resolution = _choose(left_word, right_word, vocabulary)
    if resolution is Resolution.kept:
        separator = " " if right_word in COORDINATORS and (not rest or rest[0] == " ") else ""
        return Join(left_line, right_line, separator, resolution)
    if resolution is Resolution.trema:
        return Join(left_line[:-1], _with_trema(right_line), "", resolution)
    return Join(left_line[:-1], right_line, "", resolution)
