"""The date grammar's recogniser of periods: quarters, halves, seasons, relative units
("last week", "the coming year"), anaphora ("the quarter", "the year-ago period") and
durations ("three years", "the past two months", "a couple of years", "10-year").

Like every recogniser of ``timex_parse`` it reads a bounded number of tokens ahead.
"""

from __future__ import annotations

from newsgraph.rules.timewords import ORDINALS, SEASONS, UNIT_FORMS
from newsgraph.rules.timex_tokens import (
    _MONTH_CONTEXT,
    _REL,
    Frame,
    _Cursor,
    _month,
    _number,
    _spelled_year,
    _unit,
    _year,
)


def _periods(c: _Cursor, j: int, before: str) -> tuple[int, Frame] | None:
    """Quarters, halves, seasons, relative units, anaphora and durations."""
    low = c.low(j)
    k = j
    the = low == "the"
    if the:
        k += 1
    shift = None
    latest = False
    stated = _year(c, k) if the and c.near(k) else None
    if stated is not None:  # "the 1988 second quarter", "the 1989 period"
        k += 1
        if c.word(k, "quarter", "period"):
            return k + 1, Frame("ago", unit="year", code="quarter", year=stated, anchored=True)
    if the and c.word(k, "year") and (spelled := _spelled_year(c, k + 1)) is not None \
            and c.near(k + 1):
        return spelled[0], Frame("year", year=spelled[1])  # "the year two thousand"
    if c.low(k) in _REL and c.word(k + 1, "year") and c.raw(k + 2) in ("'", "\u2019") and \
            c.low(k + 3) == "s" and c.near(k + 4):
        # "this year's third quarter", "last year's quarter", "next year's first half"
        own, m = _REL[c.low(k)], k + 4
        if c.low(m) in ORDINALS and c.word(m + 1, "quarter", "half"):
            return m + 2, Frame(c.low(m + 1), index=min(ORDINALS[c.low(m)],
                                                        4 if c.low(m + 1) == "quarter" else 2),
                                shift=own)
        if c.low(m) in ("quarter", "period"):
            return m + 1, Frame("ago", unit="year", count=abs(own), shift=-1 if own < 0 else 1,
                                code="quarter", anchored=True)
        # else "this year's results", "last year's election": the year itself (below)
    if c.low(k) in _REL and (c.near(k) or k == j):
        shift, k = _REL[c.low(k)], k + 1
    elif c.low(k) in ("latest", "same", "year-ago", "comparable", "corresponding"):
        latest, k = True, k + 1
    elif the and c.low(k) == "full" and c.word(k + 1, "year") and not (
            c.near(k + 2) and (_year(c, k + 2) is not None or
                               c.low(k + 2) in ("of", "ended", "ending", "through", "to"))):
        # "forecast an increase for the full year": the whole of the current year, however
        # many other years the text has named
        return k + 2, Frame("rel", unit="year", shift=0)
    year_ago = False
    if c.low(k) == "year" and c.word(k + 1, "ago", "earlier") and c.toks[k + 1].joined:
        year_ago, k = True, k + 2
        if not (c.near(k) and c.low(k) in ("quarter", "period", "month", "year", "week")):
            # "year-earlier results": the modifier alone is the time
            return k, Frame("ago", unit="year", count=1, anchored=True)
    if c.low(k) in ("fiscal",) and (c.near(k) or k == j):
        k += 1
        if (fiscal := _year(c, k)) is not None and c.near(k):
            return k + 1, Frame("year", year=fiscal)
    # the Nth quarter / half (of YEAR | of next year), "third-quarter", "first-half"
    if c.low(k) in ORDINALS and (c.near(k) or k == j) and c.word(k + 1, "quarter", "half") \
            and not (c.low(k) in ("last", "final") and not the):
        unit = c.low(k + 1)
        index = ORDINALS[c.low(k)]
        if unit == "half":
            index = 2 if c.low(k) in ("last", "final") else min(index, 2)
        end = k + 2
        qyear: int | None = None
        rel: int | None = shift
        if c.word(end, "of") and c.near(end + 1):
            if (y := _year(c, end + 1)) is not None:
                qyear, end = y, end + 2
            elif c.low(end + 1) in ("fiscal",) and (y := _year(c, end + 2)) is not None:
                qyear, end = y, end + 3
            elif c.low(end + 1) in ("next", "this", "last") and c.word(end + 2, "year"):
                rel, end = _REL[c.low(end + 1)], end + 3
            elif c.low(end + 1) == "the" and c.word(end + 2, "year"):
                rel, end = 0, end + 3
        elif c.near(end) and (y := _year(c, end)) is not None:
            qyear, end = y, end + 1
        if stated is not None:
            qyear = stated
        return end, Frame("quarter" if unit == "quarter" else "half", year=qyear,
                          index=index, shift=rel)
    if shift is not None and (hit := _month(c, k)) is not None and c.near(k) and not the:
        # "last April" (the one before), "next March" (the one after), "this May"
        code = {-1: "past", 0: "this", 1: "future"}[shift]
        return hit[0], Frame("month", month=hit[1], code=code)
    if (c.near(k) or k == j) and c.low(k) in ("quarter", "period", "year", "month", "week",
                                              "weekend", "day") and (
            the or shift is not None or latest or year_ago) and k > j:
        unit = c.low(k)
        if year_ago or (latest and c.low(k - 1) in ("year-ago", "comparable")):
            return k + 1, Frame("ago", unit="year", count=1, anchored=True,
                                code=unit)
        if shift is not None:
            if unit == "period" or unit == "day":
                return None
            # "the following year", "the previous month": from the date named before
            told = the and c.low(k - 1) in ("following", "previous")
            return k + 1, Frame("rel", unit=unit, shift=shift, anchored=told)
        if unit == "day" and not latest:
            return None
        if c.word(k + 1, "ended", "ending") and unit not in ("period", "quarter"):
            # "for the year ended June 30" is a length (TimeML), "the quarter ended" a date
            return k + 1, Frame("duration", unit=unit, count=1)
        if unit == "period" and c.low(k - 1) in ("corresponding", "same", "comparable") and \
                c.word(k + 1, "last") and c.word(k + 2, "year"):
            # "the corresponding period last year": the period named, a year back
            return k + 3, Frame("ago", unit="year", count=1, code="period", anchored=True)
        return k + 1, Frame("anaphor", unit=unit, code="latest" if latest else None)
    if c.low(k) in SEASONS and (c.near(k) or k == j) and (the or shift is not None or
                                                          before in _MONTH_CONTEXT):
        code = SEASONS[c.low(k)]
        end = k + 1
        year = None
        if c.word(end, "of") and (y := _year(c, end + 1)) is not None and c.near(end + 1):
            year, end = y, end + 2
        elif c.word(end, "of") and (sp := _spelled_year(c, end + 1)) is not None and \
                c.near(end + 1):
            end, year = sp
        elif c.near(end) and (y := _year(c, end)) is not None:
            year, end = y, end + 1
        if shift == -1 and c.low(k - 1) == "past":  # "this past spring": the latest one
            return end, Frame("season", code=code, year=year, unit="past")
        return end, Frame("season", code=code, year=year, shift=shift)
    # durations: "the past two years", "three years", "a year", "10-year", "the nine months"
    num = _number(c, k) if (c.near(k) or k == j) else None
    if num is None and the and shift is not None and _unit(c, k) is not None:
        num = (k, 1.0)
    if num is not None:
        end, count = num
        if (c.low(k) in ("a", "an", "some") and not c.near(end)) or (count or 0) >= 1000:
            return None
        if c.word(end, "or", "to") and (more := _number(c, end + 1)) is not None:
            end, count = more[0], None
        if c.low(k) in ("a", "an") and c.word(k + 1, "couple") and c.word(k + 2, "of"):
            end, count = k + 3, 2.0  # "a couple of years"
        elif c.low(k) == "couple" and c.word(k + 1, "of"):
            end, count = k + 2, 2.0  # "the next couple of years"
        elif c.word(end, "more", "additional", "further", "straight", "consecutive",
                    "trading", "business", "working", "calendar"):
            end += 1  # "20 more years", "eight trading days"
        dunit = _unit(c, end)
        if dunit is None or (dunit == "quarter" and c.toks[end].joined):
            return None  # "three-quarters" is a fraction
        end += 1
        after = c.low(end) if c.near(end) else ""
        if after in ("ago", "earlier", "before", "later", "after", "back", "hence") and \
                not c.word(end + 1, "than", "that"):
            if after in ("before", "after") and c.near(end + 1) and \
                    c.low(end + 1) not in (".", ",", ";", ")"):
                # "two months after the vote": TimeML marks the length, not the words after
                return end, Frame("duration", unit=dunit, count=count)
            anchored = after != "ago"
            frame = Frame("ago", unit=dunit, count=count, anchored=anchored,
                          shift=1 if after in ("later", "after", "hence") else -1)
            return end + 1, frame
        if c.word(end, "or") and c.word(end + 1, "so") and c.word(end + 2, "ago"):
            return end + 3, Frame("ago", unit=dunit, count=count, shift=-1)
        if before in ("$", "%") or (c.low(k) in ("a", "an", "per") and before in _AMOUNT_END):
            return end, Frame("set", unit=dunit, count=1)
        if c.low(k) in ("a", "an") and count == 1 and c.low(k + 1) not in UNIT_FORMS:
            return None
        return end, Frame("duration", unit=dunit, count=count)
    # bare plural units: "years", "recent months", "decades"
    if c.low(k) in ("years", "months", "weeks", "days", "decades", "centuries", "hours") \
            and (the or k == j):
        return k + 1, Frame("duration", unit=UNIT_FORMS[c.low(k)], count=None)
    return None


_AMOUNT_END = frozenset({"million", "billion", "percent", "%", "thousand", "dollars",
                         "cents", "times", "once", "twice"})
