"""The date grammar: find temporal expressions in text and say what each one means.

Text is cut into word tokens once (one linear regex scan, no backtracking over unbounded
text); then, at each token, a few small recognisers look ahead a bounded number of tokens
(never more than ``_LOOKAHEAD``) and the longest match wins. So the cost is linear in the
length of the text whatever it holds: a 150 000-character line of repeated words takes as
long as any other 150 000 characters.

A match gives a ``Frame``, what the words say ("the third quarter": a quarter, index 3, no
year), not yet a date: ``timex_values`` resolves frames against the publication date and
the expressions before them. Span conventions follow TimeML: a determiner and modifiers
("the", "early", "nearly", "the end of") belong to the expression, a preposition ("on",
"in", "by") does not, but is kept as ``preposition`` (event dating prefers such dates).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from itertools import compress
from operator import itemgetter

from newsgraph.rules import timex_starts as starts
from newsgraph.rules.timewords import (
    DAY_PARTS,
    NUMBERS,
    NUMERIC_DATE,
    REFERENCES,
    UNIT_FORMS,
)
from newsgraph.rules.timex_direction import _direction
from newsgraph.rules.timex_periods import _periods
from newsgraph.rules.timex_starts import STARTERS as _STARTERS
from newsgraph.rules.timex_tokens import (
    _APPROX,
    _BOUNDARY,
    _MONTH_CONTEXT,
    _PREPOSITIONS,
    _REF_PHRASES,
    _REL,
    Frame,
    Match,
    Token,
    _comma,
    _Cursor,
    _day,
    _month,
    _spelled_year,
    _unit,
    _weekday,
    _year,
    tokens,
)

__all__ = ["Frame", "Match", "Token", "scan", "tokens"]


#: Token shapes the grammar tests (compiled once: ``re``'s cache look-up per call cost about
#: a tenth of the scan).
_NUMERIC_DATE = re.compile(NUMERIC_DATE)
_TWO_DIGITS = re.compile(r"\d{2}")
_CLOCK = re.compile(r"(\d{1,2})(?:([:.])([0-5]\d))?")
_DECADE = re.compile(r"(1\d|20)(\d)0s")
_SHORT_DECADE = re.compile(r"(\d)0s")
_ORDINAL_DAY = re.compile(r"(\d{1,2})(st|nd|rd|th)")

def _calendar_date(c: _Cursor, j: int) -> tuple[int, Frame] | None:
    """"Dec. 3, 2019", "December 3", "3 December 2019", "December 2019", "May of 2003"."""
    hit = _month(c, j)
    if hit is not None:
        end, month = hit
        if c.near(end) and (spelled := _spelled_year(c, end)) is not None:
            return spelled[0], Frame("month", year=spelled[1], month=month)
        if c.near(end) and (day := _day(c, end)) is not None and not \
                (c.near(end + 1) and c.low(end + 1) in ("%", "percent", "million", "billion")):
            k = _comma(c, end + 1)
            if c.near(k) and (year := _year(c, k)) is not None:
                return k + 1, Frame("date", year=year, month=month, day=day)
            return end + 1, Frame("date", month=month, day=day)
        k = _comma(c, end)
        if c.word(k, "of") and (year := _year(c, k + 1)) is not None and c.near(k + 1):
            return k + 2, Frame("month", year=year, month=month)
        if c.near(k) and (year := _year(c, k)) is not None:
            return k + 1, Frame("month", year=year, month=month)
        if c.word(end, "last", "this", "next") and c.word(end + 1, "year"):
            return end + 2, Frame("month", month=month, shift=_REL[c.low(end)])
        return None
    day = _day(c, j)
    if day is not None and (hit := _month(c, j + 1)) is not None and c.near(j + 1):
        end, month = hit
        k = _comma(c, end)
        if c.near(k) and (year := _year(c, k)) is not None:
            return k + 1, Frame("date", year=year, month=month, day=day)
        return end, Frame("date", month=month, day=day)
    return None


def _bare_month(c: _Cursor, j: int, before: str) -> tuple[int, Frame] | None:
    """"in January", "last April", "mid-November": a month alone, when the words say so."""
    hit = _month(c, j)
    if hit is None:
        return None
    end, month = hit
    if c.low(j) == "may" and before not in _MONTH_CONTEXT - {"and", "or", "to"}:
        return None  # the modal verb
    if before in _MONTH_CONTEXT or (c.raw(j) != c.raw(j).lower() and c.low(j) != "may" \
            and (c.toks[j].joined or before in ("", ",", "("))):
        return end, Frame("month", month=month)
    return None


def _numeric_date(c: _Cursor, j: int) -> tuple[int, Frame] | None:
    """"2019-11-26", "27.11.2019" (day first), "11/26/2019" (month first unless > 12)."""
    low = c.low(j)
    if (m := _NUMERIC_DATE.fullmatch(low)) is not None:
        a, b, year = int(m.group(1)), int(m.group(3)), int(m.group(4))
        day, month = (a, b) if m.group(2) == "." or a > 12 else (b, a)
        return j + 1, Frame("date", year=year, month=month, day=day)
    if len(low) == 4 and low.isdecimal() and c.toks[j + 1:j + 2] and c.near(j + 1) \
            and c.toks[j + 1].joined and _TWO_DIGITS.fullmatch(c.low(j + 1)) \
            and c.near(j + 2) and c.toks[j + 2].joined and _TWO_DIGITS.fullmatch(c.low(j + 2)):
        return j + 3, Frame("date", year=int(low), month=int(c.low(j + 1)),
                            day=int(c.low(j + 2)))
    return None


def _clock(c: _Cursor, j: int) -> tuple[int, int, int] | None:
    """(end, hour, minute) of "3 p.m.", "10:30 a.m.", "noon", "midnight"."""
    low = c.low(j)
    if low in ("noon", "midday"):
        return j + 1, 12, 0
    if low == "midnight":
        return j + 1, 0, 0
    m = _CLOCK.fullmatch(low)
    if m is None or int(m.group(1)) > 24:
        return None
    hour, minute = int(m.group(1)), int(m.group(3) or 0)
    end = j + 1
    half = None
    if c.word(end, "am", "pm"):
        half, end = c.low(end), end + 1
    elif c.word(end, "a", "p") and c.raw(end + 1) == "." and c.low(end + 2) == "m":
        half, end = c.low(end) + "m", end + 3
        if c.raw(end) == "." and c.toks[end].start == c.toks[end - 1].end:
            end += 1
    elif m.group(2) != ":":
        return None  # "1.65" is a number, "16:02" a time
    if half == "pm" and hour < 12:
        hour += 12
    if half == "am" and hour == 12:
        hour = 0
    if c.word(end, "est", "edt", "gmt", "utc", "cst", "pst", "bst", "cet"):
        end += 1
    return end, hour, minute


def _day_anchor(c: _Cursor, j: int) -> tuple[int, Frame] | None:
    """A day a time of day can sit on: a weekday, yesterday/today/tomorrow, a date."""
    low = c.low(j)
    if low in ("yesterday", "today", "tomorrow", "tonight"):
        shift = {"yesterday": -1, "today": 0, "tomorrow": 1, "tonight": 0}[low]
        return j + 1, Frame("relday", shift=shift)
    if (wd := _weekday(c, j)) is not None:
        return wd[0], Frame("weekday", weekday=wd[1])
    return _numeric_date(c, j) or _calendar_date(c, j)


def _days_and_times(c: _Cursor, j: int) -> tuple[int, Frame] | None:
    """Weekdays, relative days and times of day, in any of the orders news writes them."""
    low = c.low(j)
    if low in ("this", "last", "tomorrow", "yesterday", "today", "late", "early") and \
            c.near(j + 1) and c.low(j + 1) in DAY_PARTS and c.low(j + 1) != "tonight":
        base = None if low in ("this", "late", "early") else \
            Frame("relday", shift={"last": -1, "yesterday": -1, "tomorrow": 1}.get(low, 0))
        if low == "last" and c.low(j + 1) != "night":
            return None
        return j + 2, Frame("time", code=DAY_PARTS[c.low(j + 1)], base=base)
    if low == "tonight":
        return j + 1, Frame("time", code="NI")
    if (clock := _clock(c, j)) is not None:
        end, hour, minute = clock
        base = None
        hit = _day_anchor(c, end) if c.near(end) else None
        if hit is None and c.word(end, "on"):
            hit = _day_anchor(c, end + 1)
        if hit is not None:
            end, base = hit
        return end, Frame("time", hour=hour, minute=minute, base=base)
    shift = None
    k = j
    if low in ("last", "this", "next", "past", "coming") and c.near(j + 1):
        shift, k = _REL[low], j + 1
    hit = _day_anchor(c, k)
    if hit is None or (shift is not None and hit[1].kind != "weekday"):
        return None
    end, frame = hit
    if shift is not None:
        frame = Frame("weekday", weekday=frame.weekday, shift=shift)
    k = _comma(c, end)
    if frame.kind == "weekday" and c.near(k) and (date := _calendar_date(c, k)) is not None:
        end, frame = date  # "Friday, Dec. 6, 2019": the date says which Friday
    if c.near(end) and c.low(end) in DAY_PARTS and c.low(end) != "tonight":
        return end + 1, Frame("time", code=DAY_PARTS[c.low(end)], base=frame)
    if c.word(end, "at") and (clock := _clock(c, end + 1)) is not None:
        return clock[0], Frame("time", hour=clock[1], minute=clock[2], base=frame)
    return end, frame


def _decades(c: _Cursor, j: int) -> tuple[int, Frame] | None:
    """"the 1980s", "the mid-1990s", "the '80s", "the 20th century", "1988", "fiscal 1989"."""
    k = j + 1 if c.low(j) == "the" else j
    if c.low(k) in ("early", "late", "mid") and c.near(k + 1):
        k += 1
    low = c.low(k)
    if (m := _DECADE.fullmatch(low)) is not None and (k == j or c.near(k)):
        return k + 1, Frame("decade", year=int(m.group(1) + m.group(2) + "0"))
    if c.raw(k) in ("'", "\u2019") and c.near(k + 1) and \
            (m := _SHORT_DECADE.fullmatch(c.low(k + 1))) is not None:
        # "the '80s" is the 1980s; "the '00s" the 2000s (the 1900s are not written so)
        digit = int(m.group(1))
        return k + 2, Frame("decade", year=(2000 if digit == 0 else 1900) + digit * 10)
    if (m := _ORDINAL_DAY.fullmatch(low)) is not None and \
            c.word(k + 1, "century"):
        return k + 2, Frame("century", year=(int(m.group(1)) - 1) * 100)
    return None


def _references(c: _Cursor, j: int) -> tuple[int, Frame] | None:
    low = c.low(j)
    for words, ref in _REF_PHRASES.items():
        if low == words[0] and (end := c.seq(j, words)) is not None:
            if (words[-1] == "past" and UNIT_FORMS.get(c.low(end))) or \
                    c.low(end) in NUMBERS or c.low(end).isdecimal() or c.low(end) in ("few",
                                                                                 "several"):
                return None
            if words[0] == "in":
                return None  # "in the past": the span is "the past"
            return end, Frame("ref", code=ref)
    if low in REFERENCES:
        return j + 1, Frame("ref", code=REFERENCES[low])
    if low in ("recent", "coming") and c.word(j + 1, "years", "months", "weeks", "days"):
        return j + 2, Frame("ref", code="PAST_REF" if low == "recent" else "FUTURE_REF")
    if low in ("every", "each") and c.near(j + 1):
        k = j + 1
        if c.low(k) == "other":
            k += 1
        if (unit := _unit(c, k)) is not None:
            return k + 1, Frame("set", unit=unit, count=2 if k > j + 1 else 1)
        if (wd := _weekday(c, k)) is not None:
            return wd[0], Frame("set", weekday=wd[1])
    return None


def _year_alone(c: _Cursor, j: int, before: str) -> tuple[int, Frame] | None:
    if c.low(j) == "that" and c.word(j + 1, "year", "month", "week", "day"):
        return j + 2, Frame("anaphor", unit=c.low(j + 1))
    if c.low(j) != "two" and before in _SPELLED_YEAR_BEFORE and \
            (spelled := _spelled_year(c, j)) is not None:
        # "in nineteen ninety-one", "a nineteen ninety-seven attack"; not a count ("arrested
        # nineteen sixty protesters") nor a compound ("nineteen forty-year-old men")
        end = spelled[0]
        if not _counted(c, end) and not (end < c.limit and c.toks[end].joined):
            return end, Frame("year", year=spelled[1])
        return None
    year = _year(c, j, bare=True)
    if year is None or before in ("$", "#", "no", "number", "flight", "route", "page", "of.",
                                  "no.", "population"):
        return None
    if _counted(c, j + 1):
        return None
    return j + 1, Frame("year", year=year)


#: Words a year in words may follow: a preposition of time or an article.
_SPELLED_YEAR_BEFORE = frozenset({"in", "of", "since", "by", "until", "till", "from", "after",
                                  "before", "during", "through", "a", "the", "early", "late",
                                  "mid"})


def _counted(c: _Cursor, j: int) -> bool:
    """Token ``j``, right after a number, makes it a count: "1960 people", "1,990 votes"."""
    after = c.low(j) if c.near(j) else ""
    return after in ("%", "percent", "people", "votes", "shares", "units", "cars", "tons") or \
        after[:1].isdecimal()


Recogniser = Callable[[_Cursor, int, str], "tuple[int, Frame] | None"]
#: The recognisers in the order ``_core`` tries them (the first of equally long matches
#: wins), each with the first words it can match at (``timex_starts``).
_RECOGNISERS: tuple[tuple[Recogniser, frozenset[str]], ...] = (
    (lambda c, j, _b: _numeric_date(c, j), starts.NUMERIC_DATE),
    (lambda c, j, _b: _calendar_date(c, j), starts.CALENDAR_DATE),
    (lambda c, j, _b: _days_and_times(c, j), starts.DAYS_AND_TIMES),
    (_periods, starts.PERIODS),
    (lambda c, j, _b: _decades(c, j), starts.DECADES),
    (lambda c, j, _b: _references(c, j), starts.REFERENCE_STARTS),
    (_bare_month, starts.BARE_MONTH),
    (_year_alone, starts.YEAR_ALONE),
)
_AT_A_NUMBER = tuple(r for r, _words in _RECOGNISERS)
_BY_FIRST_WORD: dict[str, tuple[Recogniser, ...]] = {
    word: tuple(r for r, words in _RECOGNISERS if word in words)
    for word in frozenset().union(*(words for _r, words in _RECOGNISERS))}


def _core(c: _Cursor, j: int, before: str) -> tuple[int, Frame] | None:
    """The longest expression starting at token ``j``: of the recognisers that can start
    with its first word (all of them at a number)."""
    low = c.low(j)
    if low[:1].isdecimal():
        recognisers = _AT_A_NUMBER
    elif low == "the" and not ((after := c.low(j + 1))[:1].isdecimal()
                               or after in starts.AFTER_THE):
        return None
    else:
        recognisers = _BY_FIRST_WORD.get(low, ())
    best: tuple[int, Frame] | None = None
    for recogniser in recognisers:
        hit = recogniser(c, j, before)
        if hit is not None and (best is None or hit[0] > best[0]):
            best = hit
    return best


#: The modifier phrases of ``_APPROX`` and ``_BOUNDARY`` by their first word, in their
#: order (a dictionary look-up instead of a test of every phrase at every start).
_MODIFIERS: dict[str, list[tuple[str, ...]]] = {}
for _words in _APPROX + _BOUNDARY:
    _MODIFIERS.setdefault(_words[0], []).append(_words)


#: The words after "the" that ``_modified`` reads on from (a number is one too): a modifier
#: phrase ("the end of"), "the early/late/mid ...", or what ``_core`` reads after "the".
#: After any other word "the" starts nothing, and ``scan`` goes on to the next start.
_AFTER_THE = frozenset(w[1] for w in _MODIFIERS["the"]) | {"early", "late", "mid"} \
    | starts.AFTER_THE


def _the_alone(toks: list[Token], i: int) -> bool:
    """The "the" at ``i`` starts no expression: the next word is none of ``_AFTER_THE``."""
    after = toks[i + 1].low if i + 1 < len(toks) else ""
    return not (after[:1].isdecimal() or after in _AFTER_THE)


def _modified(c: _Cursor, j: int, before: str) -> tuple[int, Frame] | None:
    """A core expression with the modifiers TimeML keeps in its span."""
    low = c.low(j)
    after = c.low(j + 1)
    for words in _MODIFIERS.get(low, ()):
        if len(words) > 1 and words[1] != after:
            continue  # (``seq`` would say so, later: "the" opens six phrases)
        if (k := c.seq(j, words)) is not None and c.near(k):
            hit = _core(c, k, words[-1])
            if hit is not None and (hit[1].kind in ("duration", "ago") or words in _BOUNDARY):
                return hit
    if low in ("early", "late", "mid", "earlier", "later") and c.near(j + 1):
        hit = _core(c, j + 1, low)
        if hit is not None and hit[1].kind not in ("duration", "set", "ref", "ago"):
            return hit
    if low == "the" and c.word(j + 1, "early", "late", "mid") and c.near(j + 2):
        hit = _core(c, j + 2, c.low(j + 1))
        if hit is not None and hit[1].kind in ("decade", "year", "century"):
            return hit
    return _core(c, j, before)


def _starts(toks: list[Token]) -> list[int]:
    """The indices of the tokens an expression can start at (a starter word or a number), in
    order; found without a Python step per token (most tokens are neither)."""
    lows = list(map(itemgetter(3), toks))
    words = compress(range(len(lows)), map(_STARTERS.__contains__, lows))
    numbers = compress(range(len(lows)), map(str.isdecimal, map(itemgetter(0), lows)))
    return sorted({*words, *numbers})


def scan(text: str) -> Iterator[tuple[Match, list[Token]]]:
    """Every temporal expression of ``text``, left to right, with the tokens it spans."""
    toks = tokens(text)
    i = 0  # the next token an expression may start at
    for at in _starts(toks):
        if at < i:
            continue  # inside the expression found before
        i = at
        if toks[i].low == "the" and _the_alone(toks, i):
            continue  # (what ``_modified`` would find: nothing)
        before = toks[i - 1].low if i else ""
        if before and not _Cursor(text, toks, i - 1).near(i):
            before = ","
        hit = _modified(_Cursor(text, toks, i), i, before)
        if hit is None:
            continue
        end, frame = hit
        k = i - 1
        prep = toks[k].low if k >= 0 and toks[k].low in _PREPOSITIONS else None
        yield Match(i, end, frame, prep, _direction(toks, i)), toks
        i = end
