"""What a run of capitalised words names by its own words: an organisation, an outlet, neither.

* a run holding an organisation word ("Royal College of Nursing", "Ohio Department of
  Transportation", "Halvorsen Securities"), a firm with "&" ("Harland & Byrne"), a branch
  named after a country ("Cancer Research UK", "NHS England") is an organisation;
* a run that ends in a newspaper word is an outlet ("Hindustan Times", "Bloomberg News"); a
  known outlet with a section after it is that section ("BBC Sport");
* the words before a title name an organisation ("Corvant Chief Executive Raymond Teo");
* runs that name laws, programmes, prizes and places ("Grid Resilience Act") are none.

Also the other ways a found organisation is written (``short_forms``, ``initials``). The runs
themselves are cut by ``capital_runs``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from newsgraph.models.base import ActorKind
from newsgraph.rules.capital_runs import CONNECTORS, Token, lower_words, run_text, trim_connectors
from newsgraph.rules.names import (
    DEPARTMENTS,
    DESIGNATORS,
    MEDIA_WORDS,
    ORG_WORDS,
    PLACE_WORDS,
    given_name_gender,
    is_function_word,
    is_role,
    is_title_word,
)

ORG_RULE = "rule:actors.organisation@1"
MEDIA_RULE = "rule:actors.media@1"

_COUNTRY_TAILS = frozenset({"UK", "US", "USA", "England", "Scotland", "Wales", "Ireland",
                            "International"})
#: Words after a run that make it the name of a thing, not of an organisation.
_THING_AFTER = re.compile(r"\s+(program|programme|scheme|project|initiative|act|law|award|"
                          r"prize|building|headquarters|campus|report|study|index|survey)\b")
#: Last words of a run that name no organisation (a law, a prize, an event, a place).
NON_ORG = frozenset({"act", "bill", "treaty", "prize", "award", "awards", "cup", "league",
                     "marathon", "games", "olympics", "festival", "program", "programme",
                     "project", "summit", "conference", "forum", "war", "street", "road",
                     "avenue", "square", "airport", "stadium", "arena"})

#: Vocabularies the rules combine, made once (not for every word a generator tests).
_ORG_OR_DESIGNATOR = ORG_WORDS | DESIGNATORS
_DESIGNATORS_NOT_TOWNS = DESIGNATORS - {"city", "town"}
_PLACES_NOT_ORGS = PLACE_WORDS - ORG_WORDS
_NOT_PERSON_WORDS = ORG_WORDS | PLACE_WORDS | MEDIA_WORDS
_ORGS_NOT_DESIGNATORS = ORG_WORDS - DESIGNATORS


@dataclass(frozen=True)
class OrgCandidate:
    """An organisation or outlet named at ``start:end``; ``strong`` if its shape says so."""

    start: int
    end: int
    name: str
    kind: ActorKind
    rule: str
    strong: bool
    acronym: str | None = None


def split_run(run: list[Token]) -> list[Token]:
    """The organisation part of a run: after "Stein of", before "Chief Executive".

    A loop, not recursion, and what the words before and after a token hold is carried
    along, not recomputed per token: a run of thousands of capitalised words ("the Ministry
    of Defence and NATO" repeated) took the square of its length, and a deeper recursion
    than Python allows on "A of B of C of ..." (``tests/test_hostile_work.py``)."""
    cut = True
    while cut:  # "Stein of Acme": the part after the first owner-less connector
        cut = False
        owner = False  # an organisation word before the token
        for i, tok in enumerate(run):
            word = tok.text.lower()
            if word in ("of", "for", "and") and i > 0 and not owner and \
                    not (tok.text == "and" and i == 1):
                run, cut = trim_connectors(run[i + 1:]), True
                break
            owner = owner or word in ORG_WORDS
    plain = [i for i, t in enumerate(run) if not is_title_word(t.text)]
    last_plain = plain[-1] if plain else -1  # a word after the token that is no title
    owner = False  # an organisation word or designator before the token
    for i, tok in enumerate(run):
        if i and is_role(tok.text) and last_plain > i and \
                run[i - 1].text.lower() not in CONNECTORS and owner:
            j = i  # "Senate Majority Leader": the title starts at "Majority"
            while j > 1 and is_title_word(run[j - 1].text) and run[j - 1].text.lower() not in \
                    _ORG_OR_DESIGNATOR:
                j -= 1
            return trim_connectors(run[:j])
        owner = owner or tok.text.lower() in _ORG_OR_DESIGNATOR
    return run


def shape_kind(run: list[Token], text: str, media_names: frozenset[str]) -> ActorKind | None:
    """organization / media if the run's own words say so."""
    words = lower_words(run)
    if len(run) == 1 and words[0] in MEDIA_WORDS and \
            text[max(0, run[0].start - 4):run[0].start].lower() == "the ":
        return "media"  # "wrote The Courier", "the Post reported"
    if len(run) < 2 or any(w in NON_ORG for w in words[-1:]):
        return None
    if _THING_AFTER.match(text, run[-1].end):
        return None
    if words[-1] in MEDIA_WORDS or run[0].text in media_names:
        return "media"
    if (any(w in ORG_WORDS for w in words) or words[-1] in _DESIGNATORS_NOT_TOWNS) \
            and words[-1] not in _PLACES_NOT_ORGS:
        return "organization"
    if "&" in words:
        return "organization"
    if run[-1].text in _COUNTRY_TAILS and (len(run) >= 3 or run[0].text.isupper()) \
            and not any(w in CONNECTORS for w in words) and not is_title_word(run[0].text):
        return "organization"  # "Cancer Research UK", "NHS England"
    return None


def before_title(run: list[Token], text: str) -> OrgCandidate | None:
    """'Corvant Chief Executive Raymond Teo': the words before a title name an organisation."""
    for i, tok in enumerate(run[:4]):
        if is_title_word(tok.text):
            if i == 0 or (not is_role(tok.text) and tok.text.lower() not in DEPARTMENTS):
                return None
            head = run[:i]
            rest = [t for t in run[i:] if not is_title_word(t.text) and t.text not in ("Jr", "Sr")]
            person_like = rest and not any(w in _NOT_PERSON_WORDS
                                           for w in lower_words(rest))
            if person_like and given_name_gender(head[0].text) is None and not any(
                    is_title_word(t.text) or is_function_word(t.text) for t in head):
                return OrgCandidate(head[0].start, head[-1].end, run_text(head, text),
                                    "organization", ORG_RULE, False)
            return None
    return None


def initials(name: str) -> str:
    """'National Labor Relations Board' -> 'NLRB' (connectors skipped), for linking acronyms
    to names."""
    words = [w for w in re.split(r"[\s-]+", name) if w and w.lower() not in CONNECTORS]
    return "".join(w[0] for w in words if w[0].isupper())


def short_forms(name: str) -> list[str]:
    """Other ways a detected organisation is written alone: without its company or club
    designators ("Meridian" for "Meridian Foods") or as its head noun ("Commission")."""
    words = name.split()
    forms = []
    core = list(words)
    while len(core) > 1 and core[-1].lower() in DESIGNATORS:
        core.pop()  # "Applied Orchard Inc" -> "Applied Orchard", "Meridian Foods" -> "Meridian"
    if len(core) < len(words):
        forms.append(" ".join(core))
    if len(words) >= 2 and words[-1].lower() in _ORGS_NOT_DESIGNATORS and words[-1][:1].isupper():
        forms.append(words[-1])
    return forms
