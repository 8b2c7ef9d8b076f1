"""Event dates: which time mention of its sentence dates an event's trigger.

The events stage (``events``) asks, for a trigger, for a dated (DATE or TIME) time mention
(``times``) of the same sentence: of the trigger's clause first, then one next to the trigger
or after a preposition, then the nearest; else (the caller's) the story's time or the
publication date. Each call looks only at the sentence's own mentions (by bisection).
"""

from __future__ import annotations

import bisect
import datetime as dt
import re

from newsgraph.rules.event_lexicon import REPORTING_FORMS
from newsgraph.rules.times import TimeExpr

#: A clause boundary between a trigger and a date: the date belongs to another clause.
_CLAUSE_BREAK = re.compile(r"[;:\u2014]|,\s+(?:and|but|while|whereas|which|who)\b| but ")
#: Prepositions that introduce an event's time ("signed on Friday", "by March 20").
_DATE_PREPOSITIONS = frozenset({"on", "in", "by", "at", "since", "until", "till", "during",
                                "from", "before", "after", "effective", "through"})


#: Words after the trigger that open a comparison: a time after them is the base period
#: ("rose 5% from $2 million a year earlier"), not the event's.
_COMPARISON = re.compile(r"\b(?:from|compared|versus|vs\.|than)\b", re.I)
#: A time right after these words bounds a period ("the quarter ended Sept. 30").
PERIOD_END = re.compile(r"\b(?:ended|ending|ends)\s*$", re.I)
#: A period's noun right before "ended": "the year ended", "the nine months ending".
PERIOD_NOUN = re.compile(r"\b(?:year|quarter|period|half|months|weeks)\s+$", re.I)
#: What may follow a time after the trigger that dates it ("met Monday.", "arrived Thursday
#: with ..."); a word else makes it a modifier of the next noun ("release third-quarter
#: results", "trimmed his 1990 projection").
_STANDS_ALONE = re.compile(r"\s*(?:[,.;:!?)\u2014'\"]|--|$|(?:with|in|at|on|to|and|or|as|after|"
                           r"before|when|for|from|by|that|amid|despite|while)\b)")
#: What opens the reported clause after "said Friday".
_CLAUSE_NEXT = re.compile(r"\s*(?:,|that\b|it\b|he\b|she\b|they\b|we\b|its\b|their\b|"
                          r"his\b|her\b|the\b)", re.I)
#: A debt's maturity right before a time ("5% notes due Nov. 1, 2009", "bonds maturing in
#: 1999"): the time is the instrument's term, no event's date.
_MATURITY = re.compile(r"(?:%|\b(?:bonds?|notes?|debentures?|securities|certificates|loans?|"
                       r"paper))[^.;]{0,40}\b(?:due|maturing|mature)\s+(?:in\s+|on\s+)?$", re.I)
#: Between a period and a day inside it that bounds it ("this year through Oct. 19"): the
#: second time ends the span, the first dates the event.
_RANGE_END = re.compile(r"\s+(?:through|until|till|thru)\s+", re.I)
#: "that" right after a time opens the clause the trigger is in: the time dates the verb
#: before it ("would recommend to its board today that the dividend be reinstated").
_THAT_CLAUSE = re.compile(r"\s+that\b")
#: A cleft before the time ("It was in 2017 that Turkey signed"): the time is the event's.
_CLEFT = re.compile(r"\b[Ii]t\s+(?:was|is|wasn't|isn't)\s+(?:\w+\s+)?$")
#: At most this many characters between a trigger and a time that stands next to it.
_ADJACENT = 14


#: Words that open a subordinate clause (or, right before a time, are its preposition).
_SUBORDINATE = re.compile(r"\b(?:when|because|although|though|who|which|whom|whose|where|"
                          r"whereas|unless|while|after|before|since|until)\b")


def _subordinate(text: str, lo: int, hi: int, t: TimeExpr) -> bool:
    """A subordinate clause opens between the trigger and the time ``t`` (``lo``..``hi``):
    the word that stands right before the time is its preposition, no clause."""
    for m in _SUBORDINATE.finditer(text, lo, hi):
        if not (hi == t.char_start and not text[m.end():t.char_start].strip()):
            return True
    return False


#: A sentence that opens with a subordinate clause ("Although X grew in May, analysts ...").
_OPENS_SUBORDINATE = re.compile(r"\W*(?:although|though|while|because|whereas|if)\b", re.I)


def _fronted(text: str, start: int, t: TimeExpr, at: int) -> bool:
    """The time ``t`` is in the sentence's fronted subordinate clause and the trigger at
    ``at`` after the comma that closes it."""
    return t.char_end <= at and _OPENS_SUBORDINATE.match(text, start) is not None and \
        "," in text[t.char_end:at] and "," not in text[start:t.char_start]


def _reported(text: str, start: int, at: int, end: int) -> bool:
    """A reporting verb stands right before the time ``at``..``end`` and a clause follows it
    ("said Friday that", "announced on Monday it"): the time dates the statement, not the
    event it reports ("reported third-quarter profit" is no such case)."""
    words = text[max(start, at - 30):at].split()
    if words and words[-1].lower() in ("on", "late", "early"):
        words.pop()
    return bool(words) and words[-1] in REPORTING_FORMS and \
        _CLAUSE_NEXT.match(text, end) is not None


def _bounds(text: str, period: TimeExpr | None, t: TimeExpr) -> bool:
    """``t`` ends the span of the ``period`` right before it, which holds it ("this year
    through Oct. 19", "the quarter until Sept. 30")."""
    return period is not None and period.date_start is not None and \
        period.date_end is not None and t.date_start is not None and \
        t.date_end is not None and period.date_start <= t.date_start and \
        t.date_end <= period.date_end and (period.date_start, period.date_end) != \
        (t.date_start, t.date_end) and \
        _RANGE_END.fullmatch(text, period.char_end, t.char_start) is not None


def event_date(text: str, times: list[TimeExpr], starts: list[int], start: int, end: int,
                at: int) -> TimeExpr | None:
    """The time mention that dates an event whose trigger is at ``at`` in the sentence
    ``start``..``end``: a dated (DATE or TIME) expression of the same sentence; of the same
    clause first (not a comparison's base period after the trigger, nor the end of a period
    "ended Sept. 30"), then one next to the trigger or after a preposition, then the
    nearest. ``starts`` are the mentions' offsets (sorted), so only the sentence's own
    mentions are looked at."""
    best: tuple[tuple[bool, bool, int], TimeExpr] | None = None
    previous: TimeExpr | None = None
    for t in times[bisect.bisect_left(starts, start):bisect.bisect_left(starts, end)]:
        period, previous = previous, t
        if not (start <= t.char_start and t.char_end <= end) or t.date_start is None \
                or t.date_end is None or t.timex_type not in ("DATE", "TIME") \
                or _MATURITY.search(text, max(start, t.char_start - 60), t.char_start):
            continue
        lo, hi = (t.char_end, at) if t.char_end <= at else (at, t.char_start)
        other_clause = _CLAUSE_BREAK.search(text, lo, hi) is not None or \
            _subordinate(text, lo, hi, t) or _fronted(text, start, t, at) or \
            (hi == t.char_start and _COMPARISON.search(text, lo, hi) is not None) or \
            PERIOD_END.search(text, max(start, t.char_start - 12), t.char_start) is not None \
            or (t.char_end <= at and _reported(text, start, t.char_start, t.char_end)) \
            or (t.char_end <= at and _THAT_CLAUSE.match(text, t.char_end) is not None
                and _CLEFT.search(text, start, t.char_start) is None) \
            or _bounds(text, period, t)
        near = t.preposition in _DATE_PREPOSITIONS or (
            hi - lo <= _ADJACENT and (t.char_end <= at or _STANDS_ALONE.match(text, t.char_end)))
        key = (other_clause, not near, abs(t.char_start - at))
        if best is None or key < best[0]:
            best = (key, t)
    return best[1] if best else None


def publication(published: dt.date | None) -> TimeExpr | None:
    """The fallback date: the article's publication day (no words of the text give it)."""
    if published is None:
        return None
    return TimeExpr(0, 0, "", published, published, "day", "publication_date")
