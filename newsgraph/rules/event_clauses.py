"""Who did what to whom: the subject and object of the clause that reports an event.

Given a sentence, the trigger word of its event and the actor mentions in it, the clause is
the words around the trigger up to the nearest clause boundary (a reporting verb, "according
to", a subordinating word, a semicolon). The agents are the actors of the clause's subject
(before the trigger, not governed by a preposition, with those joined to it by "and" or a
comma); the objects are the first actors after the trigger (its object, or its "to" /
"against" / "from" phrase), with their conjuncts. A passive trigger ("were killed by")
swaps them. A pronoun subject after a reporting verb ("Iraq said it would allow") takes the
reporter's subject: the reporter of an event is its source only then.

Every step scans the sentence's characters a bounded number of times: linear in its length.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from newsgraph.rules.event_lexicon import REPORTING_FORMS
from newsgraph.rules.scanner import Cues

_REPORTING = Cues(REPORTING_FORMS | {"according to"})
#: Words that open a new clause: what follows them has a subject of its own (a comparison,
#: "compared with a loss a year earlier", reports an event of its own).
_BOUNDARY = re.compile(r";|\b(?:after|before|when|while|because|although|though|since|but|"
                       r"whereas|unless|until|who|which|whom|whose|where|versus|"
                       r"compared\s+(?:with|to))\b|,\s+(?:and|but)\b")
#: A preposition (or a possessive of another head) in front of a name: the name is no subject.
_GOVERNING = frozenset("of for from at by with to against on in about over than into after "
                       "near between among across toward towards under inside outside "
                       "within via through per like including".split())
#: Words that may stand between a governing word and its name ("to the new Lebanese ...").
_FILLER = re.compile(r"(?:the|a|an|its|their|his|her|some|all|two|three|several|neighboring|"
                     r"neighbouring|new|former|rival|[A-Z][\w.-]*|\d[\d,.]*)$")
_PASSIVE = re.compile(r"\b(?:was|were|been|be|being|is|are|get|got)\s+(?:\w+ly\s+)?$", re.I)
#: A passive needs a participle ("were killed"); "is refusing" and "is opposed to" are none.
_PARTICIPLE = re.compile(r"\w+(?:ed|en|wn|ung|ot|ught|eft|ut)$")
_NOT_PASSIVE_AFTER = re.compile(r"\s+(?:to|that)\b")
_PRONOUN = re.compile(r"\b(?:it|they|he|she|we|its|their|his|her|our)\s+(?:\w+\s+){0,6}$", re.I)
#: "Thousands of Iraqi Kurds", "members of the union": "of" after a quantity governs no name.
_QUANTITY = frozenset("thousands hundreds dozens scores millions members groups group some many "
                      "most all one two three third half part units unit majority".split())
_LEAD = re.compile(r"\s*(?:that\b)?\s*")
_JOIN = re.compile(r"^(?:\s*,\s*|\s+and\s+|\s*,\s*and\s+|\s+or\s+)$")


@dataclass(frozen=True)
class Name:
    """An actor mention in the sentence: where, and the actor's canonical name."""

    start: int
    end: int
    actor: str


@dataclass(frozen=True)
class Clause:
    """The clause of a trigger: its bounds, its agents and objects (actor names, in order)."""

    start: int
    end: int
    agents: tuple[str, ...]
    objects: tuple[str, ...]
    passive: bool


def _governed(text: str, lo: int, at: int) -> bool:
    """A preposition governs the name at ``at`` (looking back at most four words, to ``lo``)."""
    words = re.findall(r"[\w.'’-]+|,", text[max(lo, at - 60):at])
    for i in range(len(words) - 1, max(-1, len(words) - 6), -1):
        word = words[i]
        low = word.lower()
        if low in _GOVERNING:
            before = words[i - 1] if i > 0 else ""
            if before[:1].isupper() and before.lower() not in _GOVERNING:
                continue  # a title: "Minister for Interior X", "Secretary of State X"
            return not (low == "of" and before.lower() in _QUANTITY)
        if low.endswith(("'s", "’s")) or word == ",":
            return False
        if not _FILLER.match(word):
            return False
    return False


def _chain(names: list[Name], first: int, text: str) -> list[Name]:
    """The name at ``first`` and the names joined to it by 'and' or commas."""
    out = [names[first]]
    for nxt in names[first + 1:]:
        if not _JOIN.match(text[out[-1].end:nxt.start]):
            break
        out.append(nxt)
    return out


def _clause_start(text: str, s_start: int, at: int) -> tuple[int, int | None]:
    """Where the trigger's clause starts, and the reporting verb it follows (if it does)."""
    start, reporting = s_start, None
    for cue in _REPORTING.finditer(text, s_start, at):
        start, reporting = cue.end(), cue.start()
    for m in _BOUNDARY.finditer(text, start, at):
        start = m.end()
    lead = _LEAD.match(text, start, at)
    return (lead.end() if lead else start), reporting


def _clause_end(text: str, at: int, s_end: int) -> int:
    """Where the clause after the trigger ends: a reporting verb, a comma before one, or a
    subordinating word."""
    end = s_end
    cue = _REPORTING.search(text, at, s_end)
    if cue is not None:
        comma = text.rfind(",", at, cue.start())
        end = comma if comma != -1 and cue.start() - comma < 60 else cue.start()
    boundary = _BOUNDARY.search(text, at, end)
    return boundary.start() if boundary is not None else end


def _subjects(names: list[Name], text: str, lo: int, at: int) -> list[Name]:
    """The clause's subject names: the first ungoverned name in [lo, at), with conjuncts."""
    inside = [n for n in names if lo <= n.start and n.end <= at]
    for i, name in enumerate(inside):
        if not _governed(text, lo, name.start):
            return _chain(inside, i, text)
    return []


def obligation(text: str, s_start: int, s_end: int, at: tuple[int, int],
               names: list[Name]) -> Clause | None:
    """'X said (that) Y must ...': a clause whose agent is the reporter X and whose target is
    Y, the subject of 'must'; None when no reporting verb comes before it."""
    start, reporting = _clause_start(text, s_start, at[0])
    if reporting is None:
        return None
    lo, _ = _clause_start(text, s_start, reporting)
    agents = tuple(dict.fromkeys(n.actor for n in _subjects(names, text, lo, reporting)))
    targets = tuple(dict.fromkeys(n.actor for n in _subjects(names, text, start, at[0])))
    return Clause(start, _clause_end(text, at[1], s_end), agents, targets, False)


def analyse(text: str, s_start: int, s_end: int, trigger: tuple[int, int],
            names: list[Name]) -> Clause:
    """The clause around ``trigger`` (character offsets in ``text``) with its actors."""
    t_start, t_end = trigger
    start, reporting = _clause_start(text, s_start, t_start)
    end = _clause_end(text, t_end, s_end)
    subjects = _subjects(names, text, start, t_start)
    if not subjects and reporting is not None and (
            _PRONOUN.search(text, start, t_start) or len(text[start:t_start].split()) <= 3):
        # "Iraq said it would allow ...": the pronoun is the reporter; so is the subject of
        # a reporting verb whose object is the event ("Italy announced a suspension").
        lo, _ = _clause_start(text, s_start, reporting)
        subjects = _subjects(names, text, lo, reporting)
    after = [n for n in names if t_end <= n.start and n.end <= end]
    objects = _chain(after, 0, text) if after else []
    passive = _PASSIVE.search(text, max(s_start, t_start - 30), t_start) is not None and \
        _PARTICIPLE.match(text, t_start, t_end) is not None and \
        _NOT_PASSIVE_AFTER.match(text, t_end) is None
    if passive:
        by = [n for n in after if text[max(t_end, n.start - 40):n.start].rstrip()
              .lower().endswith(("by", "by the", "by an", "by a"))]
        agents = tuple(n.actor for n in by[:1])
        objects = subjects
    else:
        agents = tuple(dict.fromkeys(n.actor for n in subjects))
    # An actor may be both ("Afghan guerillas ... into Kabul": Afghanistan on both sides).
    targets = tuple(dict.fromkeys(n.actor for n in objects))
    return Clause(start, end, agents, targets, passive)
