"""The vocabulary of dates and times: month and weekday names, units, numbers, seasons.

One home for every calendar word the builder reads (the date grammar in ``timex_parse``,
the dateline patterns in ``segment``, which also share the shape of a numeric date
``NUMERIC_DATE``, the sentence splitter's abbreviations in ``sentences``, the name rules' "not
a name" words in ``names``), so that no two rules disagree on what a month is.
"""

from __future__ import annotations

#: Full month names, in calendar order.
MONTH_NAMES = ("january", "february", "march", "april", "may", "june", "july", "august",
               "september", "october", "november", "december")
#: Every written form of a month -> its number. Abbreviations are only months when written
#: as abbreviations (capitalised, usually with a full stop): ``timex_parse`` checks that.
MONTHS: dict[str, int] = {name: i for i, name in enumerate(MONTH_NAMES, 1)}
MONTH_ABBREVIATIONS: dict[str, int] = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9,
    "sept": 9, "oct": 10, "nov": 11, "dec": 12}
WEEKDAY_NAMES = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
WEEKDAYS: dict[str, int] = {name: i for i, name in enumerate(WEEKDAY_NAMES)}
WEEKDAY_ABBREVIATIONS: dict[str, int] = {
    "mon": 0, "tue": 1, "tues": 1, "wed": 2, "thu": 3, "thur": 3, "thurs": 3, "fri": 4,
    "sat": 5, "sun": 6}
#: A numeric date: day and month in either order, one separator, a four-digit year
#: ("27.11.2019", "11/26/2019"). The date grammar reads a token of this shape
#: (``timex_parse``); the dateline patterns (``segment``) find a line that is one.
NUMERIC_DATE = r"(\d{1,2})(?P<sep>[./])(\d{1,2})(?P=sep)(\d{4})"
#: Every word that names a month or a weekday (lower case, no full stop).
DATE_WORDS = frozenset(MONTHS) | frozenset(MONTH_ABBREVIATIONS) | frozenset(WEEKDAYS)

#: Calendar units (singular and plural) -> the TIMEX3 duration letter.
UNITS: dict[str, str] = {
    "second": "S", "minute": "M", "hour": "H", "day": "D", "week": "W", "weekend": "WE",
    "month": "M", "quarter": "Q", "year": "Y", "decade": "E", "century": "C"}
UNIT_FORMS: dict[str, str] = {**{u: u for u in UNITS}, **{u + "s": u for u in UNITS},
                              "centuries": "century", "yr": "year", "yrs": "year",
                              "hrs": "hour", "mins": "minute", "min": "minute"}
#: Units below a day, written after ``PT`` in a duration.
TIME_UNITS = frozenset({"second", "minute", "hour"})

#: Number words -> value (hyphenated tens such as "twenty-five" are read by the grammar).
NUMBERS: dict[str, int] = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90, "hundred": 100, "a": 1, "an": 1}
#: Words for an unstated number of units ("several years" -> PXY).
VAGUE_NUMBERS = frozenset({"several", "few", "many", "some", "couple", "number"})
ORDINALS: dict[str, int] = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4,
    "last": 4, "final": 4}

#: Seasons -> TIMEX3 code and the months they cover (northern hemisphere, as TimeML does).
SEASONS: dict[str, str] = {"spring": "SP", "summer": "SU", "fall": "FA", "autumn": "FA",
                           "winter": "WI"}
SEASON_MONTHS: dict[str, tuple[int, int]] = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11),
                                             "WI": (12, 14)}
#: Parts of a day -> TIMEX3 code ("this morning" -> ...TMO).
DAY_PARTS: dict[str, str] = {"morning": "MO", "afternoon": "AF", "evening": "EV",
                             "night": "NI", "tonight": "NI", "overnight": "NI"}

#: Words that refer to the present, past or future without a date (TIMEX3 ``*_REF``).
REFERENCES: dict[str, str] = {
    "now": "PRESENT_REF", "currently": "PRESENT_REF", "nowadays": "PRESENT_REF",
    "recently": "PAST_REF", "lately": "PAST_REF"}

#: Words before a time expression that make a relative one point forward ("will meet on
#: Friday" is the coming Friday), and words that make it point back ("met on Friday").
FUTURE_CUES = frozenset({"will", "ll", "shall", "going", "expected", "expects", "expect",
                         "scheduled", "plans", "plan", "planned", "planning", "due", "would",
                         "supposed",
                         "set", "effective", "until", "till", "next", "coming", "upcoming",
                         "begin", "begins", "start", "starts", "hopes", "aims", "intends"})
#: Words before "to" that make the infinitive after it a later act ("is to resume trading
#: Tuesday", "agreed to buy the unit in February", "an agreement to acquire it in January").
FUTURE_BEFORE_TO = frozenset({"is", "are", "agreed", "agrees", "agree", "agreement",
                              "offered", "offer", "proposed", "proposal"})
PAST_CUES = frozenset({"said", "was", "were", "had", "did", "ago", "last", "earlier",
                       "reported", "announced", "told", "has", "have", "ended", "closed"})

__all__ = [
    "DATE_WORDS", "DAY_PARTS", "FUTURE_BEFORE_TO", "FUTURE_CUES", "MONTHS",
    "MONTH_ABBREVIATIONS", "MONTH_NAMES",
    "NUMBERS", "NUMERIC_DATE", "ORDINALS", "PAST_CUES", "REFERENCES", "SEASONS", "SEASON_MONTHS",
    "TIME_UNITS", "UNITS", "UNIT_FORMS", "VAGUE_NUMBERS", "WEEKDAYS", "WEEKDAY_ABBREVIATIONS",
    "WEEKDAY_NAMES",
]
