"""Polarity, modality and time of a relation cue, and the test for bibliography entries.

Negation and modality are scoped to the cue's clause: a negator or modal verb counts when
it stands in the same clause and is not itself part of the cue ("het niet eens" is a cue of
conflict, not a negated agreement). A "dat"/"om" clause also takes the modality of the
clause it depends on ("Hij wil dat A en B samenwerken").
"""

from __future__ import annotations

import re

from extract.relation_clauses import YEAR, Clause, Sentence
from extract.relation_lexicon import Cue, Lexicon, find_cue
from ontology import Modality

LOCAL_SCOPE = 4  # words before a cue in which "zonder", "gebrek aan" negate it
REFERENCE_PATTERNS = (
    # "Kickert, W.J.M. (1997)." / "Boonstra, J. en ..." : surname, initials
    re.compile(r"^[A-Z][\w'’ -]{1,40},\s+(?:[A-Z]\.\s*){1,4}"),
    # "RMO (2002). Title." / "WRR (2006): ..." : author, year in brackets, then a stop
    re.compile(r"^[^.!?]{1,120}?\((?:1[89]|20)\d{2}[a-z]?\)\s*[.:,]"),
    re.compile(r"\bISBN\b|https?://|\bdoi:", re.IGNORECASE),
)


def looks_like_reference(text: str) -> bool:
    """True for a bibliography entry or a bare citation, which state no relation."""
    stripped = text.strip()
    return any(pattern.search(stripped) for pattern in REFERENCE_PATTERNS)


def _free_positions(
    sentence: Sentence, clause: Clause, cue_positions: tuple[int, ...]
) -> list[int]:
    taken = set(cue_positions)
    return [
        i for i in range(clause.start, clause.end) if i not in taken and not sentence.in_mention(i)
    ]


def is_negated(
    sentence: Sentence, clause: Clause, cue_positions: tuple[int, ...], lexicon: Lexicon
) -> bool:
    """True when a negator outside the cue stands in the cue's clause."""
    free = _free_positions(sentence, clause, cue_positions)
    excused = {
        i
        for cue in lexicon.negation_exceptions
        for match in find_cue(sentence.words, cue, free, lambda _: True)
        for i in match
    }
    # "adviseerde de gemeente zich niet te laten belemmeren": the negation is the advice's content
    embedded = {
        i
        for i in free
        if i > cue_positions[-1]
        and i + 1 < len(sentence.words)
        and sentence.words[i + 1].lower == "te"
    }
    candidates = [i for i in free if i not in excused and i not in embedded]
    if any(find_cue(sentence.words, cue, candidates, lambda _: True) for cue in lexicon.negation):
        return True
    # "gebrek aan samenwerking en ruzie": the lack is of the collaboration only
    window = [
        i
        for i in range(max(0, cue_positions[0] - LOCAL_SCOPE), cue_positions[0])
        if not sentence.in_mention(i) and i not in excused
    ]
    return any(
        find_cue(sentence.words, cue, window, lambda _: True) for cue in lexicon.local_negation
    )


def _clause_modality(
    sentence: Sentence,
    clause: Clause,
    cue_positions: tuple[int, ...],
    cues: tuple[tuple[Modality, Cue], ...],
) -> Modality:
    free = _free_positions(sentence, clause, cue_positions)
    found = {value for value, cue in cues if find_cue(sentence.words, cue, free, lambda _: True)}
    if Modality.Normative in found:
        return Modality.Normative
    if Modality.Hypothetical in found:
        return Modality.Hypothetical
    return Modality.Asserted


def modality_of(
    sentence: Sentence, clause: Clause, cue_positions: tuple[int, ...], lexicon: Lexicon
) -> Modality:
    """Normative, hypothetical or asserted, from modal words, conditional openers and questions."""
    first_word = sentence.words[sentence.clauses[0].start].lower if sentence.words else ""
    own = _clause_modality(sentence, clause, cue_positions, lexicon.modality)
    if own is not Modality.Asserted:
        return own
    opener = sentence.words[clause.start].lower if clause.start < len(sentence.words) else ""
    if opener in lexicon.conditional_openers or first_word in lexicon.conditional_openers:
        return Modality.Hypothetical
    if sentence.text.rstrip().endswith("?"):
        return Modality.Hypothetical  # a question asserts nothing
    index = sentence.clauses.index(clause)
    if opener in ("dat", "om") and index > 0:
        governing = sentence.clauses[index - 1]
        inherited = _clause_modality(sentence, governing, (), lexicon.modality)
        if inherited is Modality.Asserted:
            # "De raad eist dat A en B samenwerken": what is demanded is not yet so
            return _clause_modality(sentence, governing, (), lexicon.complement_modality)
        return inherited
    return Modality.Asserted


def year_of(sentence: Sentence, clause: Clause) -> int | None:
    """A year stated in the cue's clause, else in the sentence (a heading's year is not)."""
    words = sentence.words
    if clause.start < len(words):
        clause_start = words[clause.start].start_char - words[0].start_char
        clause_end = (
            words[clause.end - 1].start_char - words[0].start_char + len(words[clause.end - 1].text)
        )
        found = YEAR.search(sentence.text, clause_start, clause_end)
        if found:
            return int(found.group(1))
    found = YEAR.search(sentence.text)
    return int(found.group(1)) if found else None
