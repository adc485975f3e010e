"""A sentence as the relation extractor sees it: words, actor mentions, clauses and actor groups.

No trained parser exists for Dutch here, so structure comes from rules: a clause ends at
hard punctuation, at a subordinating conjunction, at a comma that does not join a list of
actors, and at "en"/"of" that do not join actors. Inside a clause, actor mentions joined by
commas and conjunctions form one group ("de GGD, de politie en de gemeente"); a group's
marker is the preposition in front of it ("door", "met", "tussen", "van" ...), which tells
the frames whether it can be a subject, an object or a passive agent.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field, replace

from spacy.tokens import Doc, Span

from extract.lemmas import lemma_of

PREPOSITIONS = frozenset(
    [
        "van",
        "door",
        "met",
        "aan",
        "op",
        "tegen",
        "tussen",
        "over",
        "bij",
        "naar",
        "voor",
        "onder",
        "uit",
        "namens",
        "vanuit",
        "tot",
        "via",
        "binnen",
        "in",
        "zonder",
        "richting",
        "jegens",
        "tegenover",
        "vanaf",
        "na",
    ]
)
# words that take an actor out of subject/object position, like a preposition does
MARKERS = PREPOSITIONS | {"dan", "volgens", "zoals", "behalve", "dankzij", "ondanks", "rond"}
MARKERS |= {"naast", "tijdens", "buiten", "sinds", "per", "wegens", "aangaande", "inzake", "achter"}
SUBORDINATORS = frozenset(
    [
        "maar",
        "omdat",
        "terwijl",
        "want",
        "waardoor",
        "zodat",
        "hoewel",
        "nadat",
        "doordat",
        "waarna",
        "wanneer",
        "indien",
        "tenzij",
        "opdat",
        "waarbij",
        "waarin",
        "waarmee",
        "waarop",
        "waarvan",
        "waaruit",
        "zodra",
        "voordat",
        "alvorens",
        "aangezien",
        "mits",
        "toen",
        "om",
    ]
)
RELATIVES = frozenset(["dat", "die", "wat", "welke", "wie"])
HARD_BOUNDARIES = frozenset(list(";:()?![]\"“”‘’'") + ["–", "—", "-", "…"])
LIST_JOINERS = frozenset(
    [
        ",",
        "en",
        "of",
        "zowel",
        "als",
        "ook",
        "evenals",
        "alsmede",
        "maar",
        "noch",
        "/",
        "&",
        "dan",
        "wel",
        "respectievelijk",
        "alsook",
    ]
)
DETERMINERS = frozenset(
    ["de", "het", "een", "deze", "die", "dit", "dat", "hun", "haar", "zijn", "onze", "ons"]
)
ADVERBS = frozenset(
    ["veelal", "vooral", "meestal", "vaak", "soms", "steeds", "nog", "ook", "alleen", "zelfs"]
)
MARKER_SKIPS = frozenset(["zowel", "ook", "alleen", "vooral", "zelfs", "niet", "enkel", "nog"])
# words of quantity or ownership between a preposition and its actor ("op ruim 400 scholen",
# "aan hun eigen raad", "van de zeven gemeenten")
QUANTIFIERS = frozenset(
    ["ruim", "bijna", "circa", "ongeveer", "zo'n", "zo’n", "alle", "beide", "eigen", "veel"]
    + ["enkele", "twee", "drie", "vier", "vijf", "zes", "zeven", "acht", "negen", "tien"]
    + ["elf", "twaalf", "twintig", "honderd", "duizend", "tientallen", "honderden"]
)
PRONOUNS = frozenset(
    [
        "ik",
        "jij",
        "je",
        "u",
        "hij",
        "zij",
        "ze",
        "het",
        "wij",
        "we",
        "jullie",
        "hen",
        "hem",
        "haar",
        "hun",
        "die",
        "dat",
        "deze",
        "dit",
        "wie",
        "men",
        "ons",
        "mij",
        "zich",
        "elkaar",
    ]
)
AUXILIARIES = frozenset(
    ["zijn", "hebben", "worden", "kunnen", "moeten", "dienen", "zullen", "willen", "mogen"]
)
YEAR = re.compile(r"(?<![\d/])(1[89]\d{2}|20\d{2})(?![\d/])")


@dataclass(frozen=True)
class Word:
    """A token of the sentence with its normalised lemma."""

    text: str
    lower: str
    lemma: str
    start_char: int


@dataclass(frozen=True)
class Mention:
    """An actor mention, with token offsets local to its sentence."""

    key: str
    label: str
    start: int
    end: int
    text: str


@dataclass
class Group:
    """Actor mentions joined by commas or conjunctions, with the preposition before them."""

    mentions: list[Mention]
    start: int
    end: int
    marker: str | None = None
    outer: str | None = None  # for a "van" group: the preposition of the noun it belongs to

    def marked_by(self, preps: Iterable[str]) -> bool:
        """True when the group stands after one of the prepositions, directly or through "van"."""
        preps = tuple(preps)
        return self.marker in preps or (self.marker == "van" and self.outer in preps)


@dataclass
class Clause:
    """A stretch of the sentence between clause boundaries, with its actor groups."""

    start: int
    end: int
    groups: list[Group] = field(default_factory=list)
    inherited: Group | None = None  # the subject of a coordinated verb phrase


@dataclass
class Sentence:
    """One segment prepared for relation extraction."""

    words: list[Word]
    mentions: list[Mention]  # outermost mentions, in order; same-range mentions all kept
    nested: list[Mention]  # every mention, nested ones included
    clauses: list[Clause]
    text: str

    def in_mention(self, index: int) -> bool:
        """True when the word at `index` lies inside an outermost actor mention."""
        return any(m.start <= index < m.end for m in self.mentions)

    def clause_of(self, index: int) -> Clause:
        """The clause that holds the word at `index`."""
        for clause in self.clauses:
            if clause.start <= index < clause.end:
                return clause
        return self.clauses[-1]

    def groups(self) -> list[Group]:
        """All actor groups of the sentence, in order."""
        return [group for clause in self.clauses for group in clause.groups]


def normalised_lemma(text: str, lemma: str) -> str:
    """The lemma used for cue matching: lower case, without simplemma's separable underscore."""
    return (lemma or lemma_of(text)).lower().replace("_", "")


def _is_citation(doc: Doc, span: Span) -> bool:
    """True for a cited author ("RMO 2002", "Kickert e.a. 1997", "WRR (2006)")."""
    following = doc[span.end : span.end + 3].text
    return bool(re.match(r"^(\(?\s*(1[89]|20)\d{2}[a-z]?\b|e\.a\.)", following))


def _usable(doc: Doc, span: Span) -> bool:
    return bool(span.kb_id_) and span.text.lower() not in PRONOUNS and not _is_citation(doc, span)


def _mentions(
    doc: Doc, spans: Iterable[Span], local: dict[int, int]
) -> tuple[list[Mention], list[Mention]]:
    nested = []
    for span in spans:
        inside = [local[i] for i in range(span.start, span.end) if i in local]
        if inside and _usable(doc, span):
            nested.append(Mention(span.kb_id_, span.label_, inside[0], inside[-1] + 1, span.text))
    nested.sort(key=lambda m: (m.start, -m.end, m.key))
    outer: list[Mention] = []
    for mention in nested:
        covered = any(
            o.start <= mention.start
            and mention.end <= o.end
            and (o.start, o.end) != (mention.start, mention.end)
            for o in outer
        )
        if not covered:
            outer.append(mention)
    return outer, nested


def _is_joiner(word: Word) -> bool:
    """A word that may stand inside a list of actors, also "kennis-" in "kennis- en scholen"."""
    return word.lower in LIST_JOINERS or (len(word.text) > 1 and word.text.endswith("-"))


MAX_ITEM = 5  # words of a list item that is no actor mention ("de gemeentelijke NV Werk")


def _item_end(words: list[Word], start: int, mention_ends: dict[int, int]) -> int:
    """Where a list item that begins at `start` ends: at a separator, mentions inside kept whole."""
    end, plain, seen = start, 0, 0
    while end < len(words) and plain <= MAX_ITEM:
        if end in mention_ends:
            seen += 1
            if seen > 1:
                return start  # one noun phrase names one actor at most
            end = mention_ends[end]
            continue
        word = words[end]
        if word.lower in (",", "en", "of") or word.text in HARD_BOUNDARIES:
            break
        if word.lower in SUBORDINATORS | RELATIVES | PREPOSITIONS or word.text[:1].isdigit():
            break
        end, plain = end + 1, plain + 1
    return end if plain <= MAX_ITEM else start


def _enumerations(words: list[Word], outer: list[Mention]) -> list[tuple[int, int]]:
    """Lists "A, B, C en D" of three or more items, two of them actors, as word ranges.

    Items that are no actor ("justitie", "de gemeentelijke NV Werk") keep the list whole, so
    that "samenwerking tussen A, x, B en C" relates A, B and C.
    """
    mention_ends = {m.start: m.end for m in outer}
    found = []
    start = 0
    while start < len(words):
        items, cursor, closed = [], start, False
        while not closed:
            end = _item_end(words, cursor, mention_ends)
            if end == cursor:
                break
            items.append(cursor)
            if end >= len(words):
                break
            separator = words[end].lower
            if separator == "," and end + 1 < len(words) and words[end + 1].lower in ("en", "of"):
                cursor, closed = end + 2, True
            elif separator == ",":
                cursor = end + 1
            elif separator in ("en", "of"):
                cursor, closed = end + 1, True
            else:
                break
        if closed and cursor < len(words):
            last_end = _item_end(words, cursor, mention_ends)
            items.append(cursor)
            actors = sum(
                any(item <= m < next_item for m in mention_ends)
                for item, next_item in zip(items, [*items[1:], last_end], strict=True)
            )
            if len(items) >= 3 and actors >= 2 and last_end > cursor:
                found.append((items[0], last_end))
                start = last_end
                continue
        start += 1
    return found


def _lone_brackets(words: list[Word], outer: list[Mention]) -> set[int]:
    """Brackets around a single mention, "de burgemeester (Geert Dales) startte": no clause."""
    found: set[int] = set()
    for mention in outer:
        before, after = mention.start - 1, mention.end
        inside = before >= 0 and after < len(words)
        if inside and words[before].text == "(" and words[after].text == ")":
            found.update((before, after))
        # "het ministerie van Justitie en Veiligheid (JenV) stuurt": an abbreviation after it
        closing = after + 2
        bracketed = closing < len(words) and (words[after].text, words[closing].text) == ("(", ")")
        if bracketed and _is_abbreviation(words[after + 1].text):
            found.update((after, closing))
    return found


def _is_abbreviation(text: str) -> bool:
    """ "VWS", "JenV", "IGJ": short, with more than one capital."""
    return text.isalpha() and len(text) <= 8 and sum(c.isupper() for c in text) >= 2


LIST_ITEM_WORDS = 3  # words of a plain noun phrase in a list, after its article


def _plain_lists(words: list[Word], starts: set[int]) -> set[int]:
    """Commas and conjunctions inside a list of plain noun phrases: no clause boundary.

    "droeg de jeugdzorg, de ouderenzorg en het werk over aan de gemeenten" is one clause;
    each item after the first is an article and a few lower-case words.
    """
    found: set[int] = set()
    i = 0
    while i < len(words):
        if words[i].text != "," or i == 0 or not words[i - 1].text[:1].islower():
            i += 1
            continue
        separators, cursor = [i], i
        while True:
            end = _plain_item_end(words, cursor + 1, starts)
            if end is None:
                break
            if words[end].lower in ("en", "of") and _opens_plain_item(words, end + 1, starts):
                found.update([*separators, end])
                break
            if words[end].text != ",":
                break
            separators.append(end)
            cursor = end
        i = max(cursor, i) + 1
    return found


def _opens_plain_item(words: list[Word], start: int, starts: set[int]) -> bool:
    """An article and a lower-case noun: the last item of a plain list ("en het werk")."""
    if start + 1 >= len(words) or start in starts or words[start].lower not in DETERMINERS:
        return False
    noun = words[start + 1]
    closed = SUBORDINATORS | RELATIVES | PREPOSITIONS | DETERMINERS
    return noun.text.isalpha() and noun.text[:1].islower() and noun.lower not in closed


def _plain_item_end(words: list[Word], start: int, starts: set[int]) -> int | None:
    """The index after a list item "de ouderenzorg" that starts at `start`, if it is one."""
    if start >= len(words) or words[start].lower not in DETERMINERS or start in starts:
        return None
    end = start + 1
    while end < len(words) and end - start <= LIST_ITEM_WORDS:
        word = words[end]
        if word.lower in (",", "en", "of"):
            return end if end > start + 1 else None
        if not (word.text.isalpha() or "-" in word.text) or not word.text[:1].islower():
            return None
        if word.lower in SUBORDINATORS | RELATIVES | PREPOSITIONS:
            return None
        end += 1
    return end if end < len(words) and end - start <= LIST_ITEM_WORDS else None


def _boundaries(
    words: list[Word], starts: set[int], ends: set[int], inside: set[int], lone: set[int]
) -> list[int]:
    """Word indices that open a new clause; `lone` holds indices that never do."""
    cuts = []
    for i, word in enumerate(words):
        if i == 0 or i in inside or i in lone:
            continue
        nxt = words[i + 1] if i + 1 < len(words) else None
        previous = words[i - 1]
        if word.text in HARD_BOUNDARIES:
            cuts.append(i)
        elif word.text == ",":
            j = i + 1
            while (
                j < len(words) and j not in starts and _is_joiner(words[j]) and words[j].text != ","
            ):
                j += 1
            joins = i in ends and (
                j in starts or (j < len(words) and words[j].lower in PREPOSITIONS)
            )
            if not joins:
                cuts.append(i)
        elif word.lower in ("en", "of"):
            # "en"/"of" join actors only right after one ("A en B", "A, B, en C", "met A en met B")
            # or two prepositions ("samenwerking met en tussen A")
            after_actor = (
                i in ends or (previous.text == "," and i - 1 in ends) or _is_joiner(previous)
            )
            before_actor = nxt is not None and (
                i + 1 in starts or nxt.lower in PREPOSITIONS | {"ook", "zowel"}
            )
            between_preps = (
                previous.lower in PREPOSITIONS and nxt is not None and nxt.lower in PREPOSITIONS
            )
            if not (after_actor and before_actor) and not between_preps:
                cuts.append(i)
        elif word.lower == "maar" and nxt is not None and nxt.lower == "ook":
            continue
        elif word.lower in SUBORDINATORS:
            cuts.append(i)
        elif word.lower in RELATIVES and previous.lower not in PREPOSITIONS | DETERMINERS:
            # after a noun or verb, "die"/"dat" open a relative or complement clause
            cuts.append(i)
        elif (
            word.lower == "dat"
            and nxt is not None
            and (i + 1 in starts or nxt.lower in DETERMINERS)
        ):
            # after a particle ("stelt voor dat de raad ..."): no demonstrative before an article
            cuts.append(i)
        elif word.lower == "als" and previous.text == ",":
            cuts.append(i)
    return cuts


def _is_quantity(word: Word) -> bool:
    """A quantity word or a number that is not a year ("400", not "2023")."""
    if word.lower in QUANTIFIERS:
        return True
    return word.text.replace(".", "").isdigit() and not YEAR.fullmatch(word.text)


def _marker(words: list[Word], start: int, clause_start: int) -> tuple[str | None, str | None]:
    """The preposition before a group, and for "van" the one before its head noun.

    In "ontevreden over het functioneren van de GGD" the GGD is marked "van" and, through
    "het functioneren", also "over".
    """
    i = start - 1
    modifiers = 0  # "met en tussen veelal kleinere regiogemeenten"
    while i >= 0:
        word = words[i]
        if i == clause_start and word.lower in RELATIVES:
            return None, None  # "stelt voor dat de raad": the clause's "dat" is no article
        if word.lower in MARKER_SKIPS or word.lower in DETERMINERS or _is_quantity(word):
            i -= 1
        elif modifiers < 2 and word.text[:1].islower() and word.lower not in MARKERS:
            if not (word.lower.endswith("e") or word.lower in ADVERBS):
                break
            modifiers += 1
            i -= 1
        else:
            break
    if i > 1 and words[i].lower in ("en", "of") and words[i - 1].text[:1].islower():
        # "hulp aan kinderen en ouders": the preposition before the first conjunct
        j = i - 1
        while j > 0 and j > i - 4 and words[j].lower not in MARKERS and words[j].text[:1].islower():
            j -= 1
        if words[j].lower in PREPOSITIONS:
            i = j
    if i < 0 or words[i].lower not in MARKERS:
        return None, None
    if i == clause_start and words[i].lower in ("als", "dan"):
        return None, None  # a conjunction opening the clause: "Als de gemeente ..."
    marker = words[i].lower
    if marker != "van":
        return marker, None
    for j in range(i - 1, max(-1, i - 5), -1):
        if words[j].lower in PREPOSITIONS:
            return marker, words[j].lower
        if not words[j].text[:1].isalpha():
            break
    return marker, None


def _groups(
    words: list[Word],
    mentions: list[Mention],
    clause: Clause,
    enumerations: list[tuple[int, int]],
) -> list[Group]:
    groups: list[Group] = []
    for mention in (m for m in mentions if clause.start <= m.start and m.end <= clause.end):
        last = groups[-1] if groups else None
        if last is not None:
            between_words = words[last.end : mention.start]
            if [w.text for w in between_words] == ["("] and mention.key == last.mentions[-1].key:
                continue  # "het ministerie van VWS (VWS)": the same actor restated
            same_span = mention.start == last.mentions[-1].start
            # adjacent mentions with nothing between are subject and object, not a list
            same_list = any(a <= last.start and mention.end <= b for a, b in enumerations)
            joined = (
                same_span
                or same_list
                or (
                    bool(between_words)
                    and all(_is_joiner(w) or w.lower == last.marker for w in between_words)
                )
            )
            if joined:
                last.mentions.append(mention)
                last.end = max(last.end, mention.end)
                continue
        marker, outer = _marker(words, mention.start, clause.start)
        first = next((a for a, b in enumerations if a <= mention.start < b), mention.start)
        if marker is None and clause.start <= first < mention.start:
            # a group in a list takes the preposition before the list's first item
            marker, outer = _marker(words, first, clause.start)
        groups.append(Group([mention], mention.start, mention.end, marker, outer))
    return groups


PARTICIPLE_PREFIXES = ("ge", "be", "ver", "ont", "her", "er")
SEPARABLE_PREFIXES = ("aan", "op", "in", "uit", "af", "toe", "over", "bij", "mee", "onder")


def _is_participle(word: Word) -> bool:
    """ "verenigd", "gefinancierd", "aangesloten", "opgericht"; not "werkt" or "steunen"."""
    lower = word.lower
    if not (word.text.isalpha() and word.text.islower()) or word.lemma == lower:
        return False
    prefixed = lower.startswith(PARTICIPLE_PREFIXES) or any(
        lower.startswith(prefix + "ge") for prefix in SEPARABLE_PREFIXES
    )
    return prefixed and lower.endswith(("d", "t", "en"))


def _participle_apposition(words: list[Word], previous: Clause, clause: Clause) -> Group | None:
    """The actor that an apposition ", verenigd in X," or ", aangesloten bij X," is about.

    The apposition is closed by a comma, which tells it from a finite verb phrase
    ("A, werkt samen met B.").
    """
    if clause.start + 1 >= clause.end or words[clause.start].text != ",":
        return None
    closed = clause.end < len(words) and words[clause.end].text == ","
    if not closed or not _is_participle(words[clause.start + 1]):
        return None
    last = previous.groups[-1] if previous.groups else None
    if last is None or last.marker is not None or last.end != clause.start:
        return None
    return last


def _inherit_subjects(words: list[Word], clauses: list[Clause]) -> None:
    """Give a coordinated verb phrase the subject of the clause before it.

    "Burgers klaagden en spraken de gemeente aan": the clause "en spraken de gemeente aan"
    has no subject of its own. Only a clause opened by a conjunction and then a bare word
    (no article, pronoun or actor) inherits.
    """
    apposition: Clause | None = None
    # a lone comma between two clauses ("..., maar zat nooit met X aan tafel") lends nothing
    meaningful = [c for c in clauses if any(words[i].text != "," for i in range(c.start, c.end))]
    for previous, clause in zip(meaningful, meaningful[1:], strict=False):
        opener = words[clause.start].lower
        if previous is apposition and opener == ",":
            # "De GGD, gefinancierd door X, werkt samen met Y": the main clause goes on
            clause.inherited = previous.inherited
            continue
        apposed = _participle_apposition(words, previous, clause)
        if apposed is not None:
            clause.inherited, apposition = apposed, clause
            continue
        if opener not in ("en", "of", "maar") or clause.start + 1 >= clause.end:
            continue
        nxt = words[clause.start + 1]
        if nxt.lower in DETERMINERS or nxt.lower in PRONOUNS or nxt.lower == "er":
            continue
        after = words[clause.start + 2] if clause.start + 2 < clause.end else None
        if nxt.lemma in AUXILIARIES and after is not None and after.lower in DETERMINERS:
            continue  # "maar dienen de uitvoerders ...": the subject follows the verb
        if any(g.start == clause.start + 1 for g in clause.groups):
            continue
        if words[previous.start].lower == "om":
            continue  # an "om ... te" clause has no subject of its own to lend
        subjects = [
            g
            for g in ([previous.inherited] if previous.inherited else []) + previous.groups
            if g and g.marker is None
        ]
        if subjects:
            clause.inherited = subjects[0]


def _widen_over_heads(
    words: list[Word], outer: list[Mention], heads: frozenset[str]
) -> list[Mention]:
    """Let "de directie van X", "het bestuur van X" stand for X: the gold names X.

    The mention then starts at the head's article, so that it lists, takes a preposition
    and fills a subject slot like X itself.
    """
    widened = []
    previous_end = 0
    for mention in outer:
        i = mention.start - 1
        while i >= 0 and words[i].lower in DETERMINERS:
            i -= 1
        start = mention.start
        if i > 0 and words[i].lower == "van" and words[i - 1].lower in heads:
            j = i - 1
            while j > 0 and words[j - 1].lower in heads:
                j -= 1
            while j > 0 and words[j - 1].lower in DETERMINERS:
                j -= 1
            if j >= previous_end:
                start = j
        widened.append(replace(mention, start=start) if start != mention.start else mention)
        previous_end = mention.end
    return widened


def prepare_sentence(
    doc: Doc,
    char_start: int,
    char_end: int,
    spans: Iterable[Span],
    heads: frozenset[str] = frozenset(),
) -> Sentence:
    """Words, mentions, clauses and groups of the segment between two character offsets.

    `heads` are nouns that stand for the organisation after "van" ("de directie van X").
    """
    region = doc.char_span(char_start, char_end, alignment_mode="expand")
    tokens = [t for t in region if not t.is_space] if region is not None else []
    local = {t.i: n for n, t in enumerate(tokens)}
    words = [
        Word(t.text, t.text.lower(), normalised_lemma(t.text, t.lemma_), t.idx) for t in tokens
    ]
    outer, nested = _mentions(doc, spans, local)
    outer = _widen_over_heads(words, outer, heads)
    starts = {m.start for m in outer}
    ends = {m.end for m in outer}
    inside = {i for m in outer for i in range(m.start + 1, m.end)}
    enumerations = _enumerations(words, outer)
    listed = {i for a, b in enumerations for i in range(a + 1, b)}
    lone = _lone_brackets(words, outer) | listed | _plain_lists(words, starts)
    cuts = [0, *_boundaries(words, starts, ends, inside, lone), len(words)]
    clauses = [Clause(a, b) for a, b in zip(cuts, cuts[1:], strict=False) if b > a]
    if not clauses:
        clauses = [Clause(0, len(words))]
    for clause in clauses:
        clause.groups = _groups(words, outer, clause, enumerations)
    _inherit_subjects(words, clauses)
    text = region.text if region is not None else ""
    return Sentence(words, outer, nested, clauses, text)
