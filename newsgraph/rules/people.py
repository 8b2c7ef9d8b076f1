"""People named in an article, found from the evidence around capitalised names.

A run of capitalised words is trimmed of the title in front of it ("Corvant Chief Executive
Raymond Teo" -> "Raymond Teo", "U.S. Secretary of Energy Kevin Marsh" -> "Kevin Marsh") and is a
person when the text around it says so:

* strong evidence: a title or honorific ("Dr", "Sen.", "Finance Minister"), a role word before
  it ("manager Sophie Brennan", "the critic Simon Achterberg", "envoy, Katrin Vogel,"), an age
  ("Margaret Holt, 71,"), "who" after it, an appositive role ("Marta Lis, chief economist at");
* weaker evidence: a speech verb after it ("Priya Nandakumar said", "Vogel, who ..., remarked")
  or before it ("said Tuilagi Fa'amausili"), a possessive before it ("Kenya's Daniel Kiptoo"),
  or a common given name as its first word ("Mary Jones arrived", ``given_names.yml``).

A surname alone with such evidence ("Farrell said", "Collins, 29,") makes the one full name in
the article that ends with it a person, even when that full name had no evidence of its own
("Kelsey Moran became ..." ... "said Moran, 31"). A single name with no full name is a person
only after a title or honorific ("President Erdogan") or with both kinds of evidence ("Her
husband, Carlos, added"). Surnames, the last two words of longer
names and "Mr/Ms/Dr X" are then mention forms of the full name.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from newsgraph.models.actor import MentionForm
from newsgraph.models.quotation_marks import ENGLISH_CLOSERS, ENGLISH_OPENERS
from newsgraph.rules.drafts import Span
from newsgraph.rules.forms import FormIndex
from newsgraph.rules.lexicon import OBJECT_FORMS, PERSON_VERB_FORMS
from newsgraph.rules.names import (
    HONORIFICS,
    MEDIA_WORDS,
    NAME_RUN,
    NAME_TITLES,
    ORG_WORDS,
    PARTY_WORDS,
    PERSON_VERBS,
    PLACE_WORDS,
    REGION_WORDS,
    WORD,
    given_name_gender,
    is_function_word,
    is_name_prefix,
    is_role,
    is_title_word,
)

PERSON_RULE = "rule:actors.person@3"
SURNAME_RULE = "rule:actors.surname@3"
ROLE_RULE = "rule:actors.role@2"

#: A title before a name, from the one list in ``names`` ("Mr", "Sen", "Judge", ...).
_HONORIFIC_WORDS = frozenset(w.capitalize() for w in NAME_TITLES)
HONORIFIC = "(?:" + "|".join(sorted(_HONORIFIC_WORDS, key=lambda w: (-len(w), w))) + ")"
#: A title and the space before the name it is given to ("Ms. ", "Judge ").
_TITLE_BEFORE = re.compile(rf"\b{HONORIFIC}\.?\s+")
_OFFICIAL = frozenset("""
Secretary Minister Administrator Director Commissioner Chairman Chairwoman Chair Head President
Governor Ambassador Chief Mayor Leader Secretary-General Director-General Undersecretary Envoy
""".split())
#: Speech verbs that may stand before their subject ('"...," said Okafor').
_INVERTED = PERSON_VERB_FORMS - OBJECT_FORMS
_AGE_AFTER = re.compile(r",\s*(?:aged\s+)?\d{1,3},")
_WHO_AFTER = re.compile(r",\s*who\b")
_WHICH_AFTER = re.compile(r",\s*which\b")
_VERB_AFTER = re.compile(rf"(?:,[^,;\"“”()]{{1,120}},|\s*\([^)]*\)|,)?\s+(?:\w+ly\s+)?"
                         rf"(?:on \w+day\s+)?(?:{PERSON_VERBS})\b")
#: A closing quotation mark and comma right before the name: '"We won," Okafor said'.
_QUOTE_BEFORE = re.compile(r"[,?!—-](?:''|[\"”’])\s*$")
#: A quote closed by a comma, then an inverted cue: '"We won," said Okafor'.
_QUOTE_INVERTED = re.compile(rf"[,?!—-](?:''|[\"”’])\s*(?:{PERSON_VERBS})\s+$")
#: A cue and a colon or comma, then an opening mark: 'Okafor said: "We won."'.
_QUOTE_AFTER = re.compile(rf"\s+(?:\w+ly\s+)?(?:{PERSON_VERBS})\s*[:,]\s*(?:''|[\"“])")
_APPOSITIVE_AFTER = re.compile(r",\s*(?P<app>[^,;\"“”]{2,120}?)(?=,|\.|;|$)")
#: Words that never sit in a person's name: besides organisations, outlets and places, the
#: heads of names of states and agreements ("Islamic State", "Fifth Congressional District",
#: "Trans-Pacific Partnership").
_NOT_IN_NAMES = ORG_WORDS | MEDIA_WORDS | PLACE_WORDS | {"state", "district", "partnership"}
#: What may stand right before a sentence's first word: nothing, an end of sentence or clause,
#: an opening quotation mark or bracket.
_SENTENCE_OPENERS = tuple(".!?:;(" + ENGLISH_OPENERS + ENGLISH_CLOSERS.replace("'", ""))


@dataclass
class _Occurrence:
    name: str
    start: int
    end: int
    #: The name opens a sentence, so its first word may be capitalised for that alone.
    initial: bool = False
    strong: bool = False  # a title, role, age, "who" or appositive role says it is a person
    weak: bool = False  # a speech verb or a possessive says it may be
    titled: bool = False  # a title or honorific right in front
    role: tuple[str, Span] | None = None


@dataclass
class People:
    """Persons of one article: names (-> rule), their mention forms and stated roles.

    ``roles`` name the person as written (also a person another table knows, such as a curated
    "Mevlut Cavusoglu"), with the role and where it is written.
    """

    names: dict[str, str] = field(default_factory=dict)
    forms: dict[str, tuple[str, MentionForm]] = field(default_factory=dict)
    roles: list[tuple[str, str, Span]] = field(default_factory=list)


def _name_words(run: list[tuple[int, int, str]]) -> tuple[int, list[tuple[int, int, str]]]:
    """(index where the name starts, words): drop the title, sentence, time and party words in
    front ("of the Year Ann Lowe", "Democrat Ann Lowe" -> "Ann Lowe") and a region after the
    name ("Ted Cruz South Carolina" -> "Ted Cruz")."""
    last = -1
    for i, (_, _, word) in enumerate(run[:-1]):
        if is_title_word(word) or is_function_word(word) or is_name_prefix(word):
            last = i
    words = run[last + 1:]
    region = next((i for i in range(2, len(words) - 1) if words[i][2].lower() in REGION_WORDS
                   and words[i + 1][2][:1].isupper()), None)
    return last + 1, words[:region]


def _valid(words: list[str]) -> bool:
    if len(words) >= 2 and words[0].lower() in REGION_WORDS:
        return False  # "North Carolina", "Central America": a region
    if words and words[-1].lower().rstrip("s") in PARTY_WORDS:
        return False  # "the Kentucky Republican said": a description, not a name
    return bool(words) and not any(
        w.lower() in _NOT_IN_NAMES or is_function_word(w) for w in words
    ) and not (len(words) == 1 and is_title_word(words[0])) \
        and words[-1].lower().rstrip(".") not in HONORIFICS  # "Democratic Rep. Dina Titus"


@lru_cache(maxsize=4096)
def _valid_word(word: str) -> bool:
    """``_valid([word])``, cached: a pure function of the word, asked of every one-word run."""
    return _valid([word])


def _span(text: str, start: int, value: str) -> tuple[str, Span]:
    return value, Span(start, start + len(value), value)


def _left_evidence(o: _Occurrence, text: str, left: str, left_start: int,
                   prefix: list[tuple[int, int, str]]) -> None:
    titles = [(s, w) for s, _, w in prefix if is_title_word(w)]
    if any(is_role(w) or w.lower().rstrip(".") in HONORIFICS for _, w in titles):
        o.strong = o.titled = True
        roles = [s for s, w in titles if w.lower().rstrip(".") not in HONORIFICS]
        if roles:  # "German Finance Minister", not "Dr"
            o.role = _span(text, roles[0], text[roles[0]:prefix[-1][1]])
    words = left.split()[-4:]
    last = words[-1] if words else ""
    if last.rstrip(".") in _HONORIFIC_WORDS:
        o.strong = o.titled = True
    of = 2 if len(words) >= 2 and last in ("of", "for") else 3 if len(words) >= 3 and \
        last == "the" and words[-2] in ("of", "for") else 0
    if of and words[-of] in _OFFICIAL:
        o.strong = o.titled = True  # "Secretary of [Energy] Kevin Marsh"
        at = left.rfind(words[-of] + " ")
        end = prefix[-1][1] if prefix else left_start + len(left.rstrip())
        if at >= 0:
            o.role = _span(text, left_start + at, text[left_start + at:end])
    if not prefix and last and is_role(last.rstrip(",")) and last[:1].isalpha():
        o.strong = True
        role_words = [last.rstrip(",")]
        for w in reversed(words[:-1][-2:]):
            if not w.islower() or not is_title_word(w):
                break  # "climate envoy", "head coach"; not "minutes before captain"
            role_words.insert(0, w)
        role_text = " ".join(role_words)
        at = left.rfind(role_text)
        if at >= 0:
            o.role = o.role or _span(text, left_start + at, role_text)
    if last in _INVERTED or " ".join(words[-2:]) == "according to":
        o.weak = True
        if _QUOTE_INVERTED.search(left):
            o.strong = True  # '"We won," said Okafor': a speaker
    if len(o.name.split()) >= 2 and last[:1].isupper() and last.endswith(("'s", "’s")):
        o.weak = True  # "Kenya's Daniel Kiptoo"
    if given_name_gender(o.name.split()[0]) is not None and (len(o.name.split()) >= 2 or o.strong):
        o.weak = True  # "Mary Jones arrived", "His wife, Ann,"


def _right_evidence(o: _Occurrence, text: str, left: str, right: str, governed: bool) -> bool:
    """Add what follows the name; False if it shows an organisation ("Unison, which").

    ``governed``: the name follows a preposition, so a verb after it has another subject.
    """
    if _WHICH_AFTER.match(right):
        return False
    if _AGE_AFTER.match(right) or _WHO_AFTER.match(right):
        o.strong = True
    m = _APPOSITIVE_AFTER.match(right)
    if m and any(is_role(w) for w in m.group("app").split()[:5]):
        o.strong = True
        o.role = o.role or _span(text, o.end + m.start("app"), m.group("app"))
    if _VERB_AFTER.match(right) and not governed:
        o.weak = True
        if _QUOTE_BEFORE.search(left) or _QUOTE_AFTER.match(right):
            o.strong = True  # '"...," Okafor said', 'Okafor said: "..."': a speaker
    return True


def opens_sentence(text: str, seg_start: int, at: int) -> bool:
    """Nothing but space, or the end of a sentence or clause, stands before ``at`` in the
    segment: ``not (b := text[seg_start:at].rstrip()) or b.endswith(_SENTENCE_OPENERS)``,
    without copying the segment up to every name (quadratic in a long paragraph's length);
    tests/test_people_speed.py proves both agree with hypothesis."""
    i = at
    while i > seg_start and text[i - 1].isspace():
        i -= 1
    return i == seg_start or text[i - 1] in _SENTENCE_OPENERS


def _occurrences(text: str, spans: list[tuple[int, int]]) -> list[_Occurrence]:
    found: list[_Occurrence] = []
    for seg_start, seg_end in spans:
        for m in NAME_RUN.finditer(text, seg_start, seg_end):
            group = m.group()
            if " " not in group and "\u00a0" not in group:
                # one word (the only spaces NAME_RUN takes): most runs, "The", "But", "Trump";
                # what the lines below make of it, with its test cached
                if not (group[:1].isupper() and _valid_word(group)):
                    continue
                first, run = 0, [(m.start(), m.end(), group)]
                words = run
            else:
                run = [(m.start() + w.start(), m.start() + w.end(), w.group())
                       for w in WORD.finditer(group)]
                while len(run) > 1 and run[-1][2] in ("Jr", "Sr"):
                    run.pop()  # "Martin Luther King Jr."
                first, words = _name_words(run)
                if not _valid([w for _, _, w in words if w[:1].isupper()]):
                    continue
            start, end = words[0][0], words[-1][1]
            o = _Occurrence(text[start:end], start, end,
                            initial=opens_sentence(text, seg_start, start))
            left_start = max(seg_start, run[0][0] - 60)
            left = text[left_start:run[0][0]]
            _left_evidence(o, text, left, left_start, run[:first])
            # "Sarah Lin of Aviation Insights said": the verb is Lin's, not the firm's
            governed = not first and left.split()[-1:] in (["of"], ["at"], ["from"], ["for"])
            if _right_evidence(o, text, left, text[end:min(seg_end, end + 120)], governed):
                found.append(o)
    return found


def _sentence_words_dropped(occurrences: list[_Occurrence]) -> list[_Occurrence]:
    """A name that opens a sentence loses a first word that is not a given name when the rest
    is (the end of) another full name the article writes inside a sentence, and the name is
    never written there itself ("Absent Trump, the party ..." with "Donald Trump" elsewhere
    -> "Trump"; "More Hillary Clinton ..." -> "Hillary Clinton"; "Reince Priebus" stays)."""
    inside = {o.name for o in occurrences if not o.initial}
    ends: set[str] = set()
    for name in inside:
        words = name.split()
        if len(words) >= 2:
            ends.update(" ".join(words[k:]) for k in range(len(words)))
    for o in occurrences:
        words = o.name.split()
        if o.initial and len(words) >= 2 and o.name not in inside and \
                given_name_gender(words[0]) is None and " ".join(words[1:]) in ends:
            rest = o.name[len(words[0]):].lstrip()
            o.start += len(o.name) - len(rest)
            o.name = rest
    return occurrences


def find_people(text: str, spans: list[tuple[int, int]], taken: set[str]) -> People:
    """Persons in the read ``spans`` of ``text``; ``taken`` are forms other actors own."""
    occurrences = _sentence_words_dropped(_occurrences(text, spans))
    by_surname: dict[str, set[str]] = {}  # "Moran" -> full names that end with it
    for o in occurrences:
        if len(o.name.split()) >= 2 and o.name not in taken:
            by_surname.setdefault(o.name.split()[-1], set()).add(o.name)
    first_seen: dict[str, int] = {}
    weak_count: dict[str, int] = {}
    for o in occurrences:
        first_seen.setdefault(o.name, o.start)
        if o.weak:
            weak_count[o.name] = weak_count.get(o.name, 0) + 1
    people = People()
    for o in occurrences:
        if len(o.name.split()) >= 2 and (o.strong or o.weak) and o.name not in taken:
            people.names.setdefault(o.name, PERSON_RULE)
    for o in occurrences:
        if len(o.name.split()) != 1 or not (o.strong or o.weak) or o.name in taken:
            continue
        owners = by_surname.get(o.name, set())
        if owners:  # the first named of several ("Hillary Clinton" before "Bill Clinton")
            people.names.setdefault(min(owners, key=first_seen.__getitem__), SURNAME_RULE)
        elif o.titled or (o.strong and o.weak) or weak_count.get(o.name, 0) >= 2:
            # "President Erdogan", "Mr Smith", "Her husband, Carlos, added", and a name that
            # speaks twice ("Renteria said ... Renteria told reporters")
            people.names.setdefault(o.name, PERSON_RULE)
    _add_forms(people, text, taken)
    for o in occurrences:
        if o.role is not None:
            people.roles.append((o.name, o.role[0], o.role[1]))
    return people


def _add_forms(people: People, text: str, taken: set[str]) -> None:
    surnames: dict[str, set[str]] = {}
    for name in people.names:
        people.forms[name] = (name, "name")
        parts = name.split()
        if len(parts) >= 2:
            surnames.setdefault(parts[-1], set()).add(name)
            if len(parts) >= 3:
                surnames.setdefault(" ".join(parts[-2:]), set()).add(name)
    order = {name: i for i, name in enumerate(people.names)}
    for surname, owners in surnames.items():
        if surname not in taken and surname not in people.forms:
            # of several owners, the first named: journalists name the second one in full
            people.forms[surname] = (min(owners, key=order.__getitem__), "surname")
    # one precompiled scanner and a lookup, not a regex of this article's names compiled per
    # article (``forms``); tests/test_forms.py proves it equal to that regex
    known = FormIndex(f for f in people.forms if " " not in f)
    last = 0  # matches do not overlap
    for m in _TITLE_BEFORE.finditer(text):
        form = known.longest_at(text, m.end()) if m.start() >= last else None
        if form is not None:
            last = m.end() + len(form)
            people.forms.setdefault(text[m.start():last], (people.forms[form][0], "honorific"))
