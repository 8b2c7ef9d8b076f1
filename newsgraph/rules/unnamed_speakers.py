"""Unnamed speakers: "a spokesman for X", "one man", "Residents of Kelbrook", "officials".

A speaker the text describes but does not name is kept as words (speaker null). The head
nouns are one alternation (``UNNAMED_HEADS``), read by ``attribution`` (the subject of a cue,
the candidates a pronoun may stand for) and ``claim_ends``; ``unnamed_phrase`` finds such a
phrase in a clause, skipping the regexes when no word of the clause can open a head.
``noun_phrase_speaker`` reads any other noun phrase that is the whole subject of a cue ('"...,"
the statement said', 'said the former president'): the quote sieves keep its words when no
sieve names anyone.
"""

from __future__ import annotations

import re

from newsgraph.rules.determiners import DETERMINERS, QUANTIFIERS
from newsgraph.rules.names import is_date_word, is_function_word
from newsgraph.rules.scanner import Cues, alternation, lowered

#: The head nouns of an unnamed speaker ("a spokesman", "officials"), as an alternation.
UNNAMED_HEADS = (
    r"spokesman|spokeswoman|spokesperson|spokespeople|officials?|sources?|diplomats?|aides?|"
    r"analysts?|experts?|ministers?|lawmakers?|senators?|officers?|representatives?|person|"
    r"people|judges?|supervisors?|managers?|chief executives?|executives?|man|men|woman|women|"
    r"residents?|witness|witnesses|workers?|employees?|members?|spectators?|fans?|doctors?|"
    r"nurses?|teachers?|students?|parents?|mother|father|neighbou?rs?|advis[eo]rs?|insiders?|"
    r"directors?|bankers?|economists?|traders?|lawyers?|voters?|protesters?|campaigners?|"
    r"activists?|organi[sz]ers?|critics?|opponents?|supporters?|observers?|customers?|"
    r"shoppers?|passengers?|patients?|survivors?|villagers?|locals?|owners?|investors?|"
    r"researchers?|scientists?|police|authorities"
)
#: An unnamed speaker anywhere in a clause, its head after a determiner or possessor and at
#: most four words ("a senior party spokesman").
UNNAMED = re.compile(
    r"\b(?:an?|the|one|two|three|several|some|many|another|its|their|his|her|our|"
    r"[A-Z][\w’'.-]*(?:['’]s))\s+(?:[\w.’'-]+\s+){0,4}?(?P<head>" + UNNAMED_HEADS + r")\b",
    re.I)
#: The heads as words, searched in lower case (``Cues``: a word scan, not the alternation
#: tried at every position: 0.43 s against 0.05 s over the 840 PolNeAR texts' paragraphs).
UNNAMED_HEAD = Cues.of_alternation(UNNAMED_HEADS)
#: The words one of which a clause must hold for ``UNNAMED`` or ``UNNAMED_START`` to find a
#: head in it (a head's first word: "chief" of "chief executive"), in lower case.
_HEAD_WORDS = UNNAMED_HEAD.first_words()
_WORDS = re.compile(r"\w+")
#: A head right before the cue that ends a stretch ("critics have", "officials also").
UNNAMED_NEAR_CUE = re.compile(
    r"\b(?P<head>" + UNNAMED_HEADS + r")\s+(?:(?:have|has|had|also|were|was|\w+ly)\s+)*$")
#: A head at the start of a clause, after at most two capitalised words ("Residents ...").
UNNAMED_START = re.compile(
    r"^\s*(?:[A-Z][\w’'-]*\s+){0,2}?(?P<head>" + UNNAMED_HEADS + r")\b", re.I)


def unnamed_phrase(clause: str) -> re.Match[str] | None:
    """``UNNAMED.search(clause) or UNNAMED_START.match(clause)``, not tried when no word of
    the clause in lower case opens a head (both need one: 17 us a clause against 2 us for
    the words, and most clauses name no unnamed speaker). Exact: the head they match, with
    ``re.I``, after a space or the clause's start and before a word boundary, is that word
    in lower case (``lowered`` says when lowering is what ``re.I`` reads; lowering keeps
    every character as wordy as it was). ``tests/test_attribution_unnamed.py`` compares."""
    low = lowered(clause)
    if low is not None and _HEAD_WORDS.isdisjoint(_WORDS.findall(low)):
        return None
    return UNNAMED.search(clause) or UNNAMED_START.match(clause)


#: The determiners that open a speaker described by a noun phrase ("the statement", "his
#: longtime physician", "one user", "another official"); quantifiers ("some", "many") are not
#: among them: "some say" is a claim of nobody in particular.
_NOUN_PHRASE_OPENERS = (DETERMINERS - QUANTIFIERS) | {"one", "another"}
#: A determiner, at most four words, and a head in lower case that ends in a letter or digit,
#: on one line: '"...," the statement said', 'said the former president.' (``re.I`` on the
#: determiner only: a capitalised head is a name, the actor stages' to find).
_NOUN_PHRASE = (r"(?P<np>(?i:" + alternation(_NOUN_PHRASE_OPENERS) + r")[ \u00a0]+"
                r"(?:[\w’'-]+[ \u00a0]+){0,4}?[a-z](?:[\w’'-]*\w)?)")
#: The whole stretch before a cue is the noun phrase, then adverbs only ("the report also").
_NOUN_PHRASE_BEFORE_CUE = re.compile(r"\s*" + _NOUN_PHRASE +
                                     r"(?:\s+(?:also|later|then|again|\w+ly))*\s*")
#: The noun phrase right after a cue, up to a stop, a comma or the stretch's end.
_NOUN_PHRASE_AFTER_CUE = re.compile(r"\s*" + _NOUN_PHRASE + r"\s*(?:[.,;:!?]|$)")


def noun_phrase_speaker(text: str, start: int, end: int, *, cue_after: bool) -> str | None:
    """The words of a speaker that a noun phrase describes without naming, when a cue's
    subject stretch ``text[start:end]`` holds that phrase and nothing else ("the statement",
    "the company", "the New Jersey governor"), or None.

    What it stands for (which statement, which governor) is coreference, beyond the
    attribution rules: the quote keeps the words, as it does for "a spokeswoman". A phrase
    any of whose words is a function or date word ("that it", "the company this week") is
    not taken: those are not one noun phrase.

    Narrower than the claims' subject noun phrase (``claim_sources.noun_phrase_before``: any
    words after the clause's last comma) on purpose. Measured on the PolNeAR training texts,
    that grammar gave speaker words to 85% of the quotes whose gold Source is a noun phrase
    (this one: 77%), but about one in six of the words it added, in a sample of 60, named no
    speaker ("But polls", "she sent an email", "came"); a wrong speaker is worse than none.
    """
    if cue_after:
        m = _NOUN_PHRASE_BEFORE_CUE.fullmatch(text, start, end)
    else:
        m = _NOUN_PHRASE_AFTER_CUE.match(text, start, end)
    if m is None:
        return None
    words = m.group("np").split()
    if any(is_function_word(w) or is_date_word(w) for w in words[1:]):
        return None
    return m.group("np")
