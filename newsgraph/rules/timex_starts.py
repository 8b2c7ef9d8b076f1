"""The words each recogniser of the date grammar can start with, read off its code.

``STARTERS`` are the words the scan tries the grammar at (with every number).

``timex_parse._core`` tries eight recognisers at each token where an expression may begin;
most of them give up at once unless the first token is one of a few words. These sets say,
for each recogniser, every first token (lower case) for which it can return a match; at a
number (a token starting with a digit) every recogniser is tried. A recogniser that is
given any other first token returns None without reading further, so ``_core`` skips it:
the same matches, a fraction of the calls. ``tests/test_timex_starts.py`` holds the grammar
with this shortcut equal to the grammar without it.

Each set is the union of the words its recogniser's branches test first (``c.low(j)``, or
``c.low(k)`` at ``k == j``). After "the" only three recognisers read on, and only when the
next token is one of the words of ``AFTER_THE`` or a number.
"""

from __future__ import annotations

from newsgraph.rules.timewords import (
    DAY_PARTS,
    MONTH_ABBREVIATIONS,
    MONTHS,
    NUMBERS,
    ORDINALS,
    REFERENCES,
    SEASONS,
    UNIT_FORMS,
    VAGUE_NUMBERS,
    WEEKDAY_ABBREVIATIONS,
    WEEKDAYS,
)
from newsgraph.rules.timex_tokens import _APPROX, _BOUNDARY, _REF_PHRASES, _REL

_MONTH_WORDS = frozenset(MONTHS) | frozenset(MONTH_ABBREVIATIONS)
_WEEKDAY_WORDS = frozenset(WEEKDAYS) | frozenset(WEEKDAY_ABBREVIATIONS)
_RELDAYS = frozenset({"yesterday", "today", "tomorrow", "tonight"})

#: Words an expression can start with (any number can, too): the scan tries the grammar only
#: at these, which skips most tokens of a text at the cost of one set look-up.
STARTERS = frozenset(
    set(MONTHS) | set(MONTH_ABBREVIATIONS) | set(WEEKDAYS) | set(WEEKDAY_ABBREVIATIONS)
    | set(NUMBERS) | VAGUE_NUMBERS | set(ORDINALS) | set(UNIT_FORMS) | set(SEASONS)
    | set(DAY_PARTS) | set(REFERENCES) | set(_REL) | {w[0] for w in _APPROX + _BOUNDARY}
    | {w[0] for w in _REF_PHRASES}
    | {"the", "early", "late", "mid", "earlier", "later", "every", "each", "that", "fiscal",
       "latest", "same", "comparable", "yesterday", "today", "tomorrow", "tonight", "noon",
       "midday", "midnight", "recent", "coming", "'", "\u2019"})

#: ``_numeric_date``: only numbers.
NUMERIC_DATE: frozenset[str] = frozenset()
#: ``_calendar_date``: a month name (a day number is a number).
CALENDAR_DATE = _MONTH_WORDS
#: ``_days_and_times``: day parts after these, a time of day, "last/this/next" before a
#: weekday, a day anchor (relative day, weekday, date).
DAYS_AND_TIMES = frozenset({"this", "last", "tomorrow", "yesterday", "today", "late", "early",
                            "tonight", "noon", "midday", "midnight", "next", "past",
                            "coming"}) | _RELDAYS | _WEEKDAY_WORDS | _MONTH_WORDS
#: Words after which ``_periods`` reads on (its ``k``, at the first token or after "the").
_PERIOD_HEADS = frozenset(_REL) | frozenset(
    {"latest", "same", "year-ago", "comparable", "corresponding", "year", "fiscal"}) \
    | frozenset(ORDINALS) | frozenset(SEASONS) | VAGUE_NUMBERS | frozenset(NUMBERS) \
    | frozenset({"years", "months", "weeks", "days", "decades", "centuries", "hours"})
#: ``_periods``: "the", or a head word at the first token.
PERIODS = _PERIOD_HEADS | {"the"}
#: The second token of "the ..." that any recogniser reads on from (a number is one too):
#: for ``_periods`` its heads, the units it reads at ``k > j`` ("the quarter", "the week")
#: and "full" ("the full year"); for ``_decades`` "early", "late", "mid" and an apostrophe
#: ("the mid-1990s", "the '80s"); for ``_references`` "past", "future", "time".
AFTER_THE = _PERIOD_HEADS | frozenset(
    {"full", "quarter", "period", "month", "week", "weekend", "day"}) \
    | frozenset({"early", "late", "mid", "'", "\u2019"}) \
    | frozenset(w[1] for w in _REF_PHRASES if w[0] == "the")
#: ``_decades``: "the 1980s", "the mid-1990s", "the '80s", "the 20th century".
DECADES = frozenset({"the", "early", "late", "mid", "'", "\u2019"})
#: ``_references``: the first word of a reference phrase, a reference word, a set.
REFERENCE_STARTS = frozenset(w[0] for w in _REF_PHRASES) | frozenset(REFERENCES) \
    | frozenset({"recent", "coming", "every", "each"})
#: ``_bare_month``: a month name.
BARE_MONTH = _MONTH_WORDS
#: ``_year_alone``: "that year", a year in words (a year in digits is a number).
YEAR_ALONE = frozenset({"that", "eighteen", "nineteen"})

__all__ = ["AFTER_THE", "BARE_MONTH", "CALENDAR_DATE", "DAYS_AND_TIMES", "DECADES",
           "NUMERIC_DATE", "PERIODS", "REFERENCE_STARTS", "STARTERS", "YEAR_ALONE"]
