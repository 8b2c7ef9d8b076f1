"""The value builders: a TIMEX3 type, value and interval for each kind of expression.

``times`` decides which date an expression counts from (the publication date, the last
date the article gave, the Friday before or after) and calls these functions with it:
a day, a month, a season, a quarter or half, a year, a week, a duration, a set, "N units
ago", a shift by units. Here each builds the ``Value`` of what it is given, and
``_unresolved`` keeps the X's of an expression no date anchors (``XXXX-XX-XX``,
``XXXX-04``, a null interval).
"""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass

from newsgraph.models.base import DatePrecision
from newsgraph.models.time import Granularity, TimeBasis, TimexType
from newsgraph.rules.timewords import SEASON_MONTHS, TIME_UNITS, UNITS
from newsgraph.rules.timex_parse import Frame


@dataclass(frozen=True)
class Value:
    """A resolved expression: TIMEX3 type and value, the interval, how it was resolved."""

    timex_type: TimexType
    value: str
    date_start: dt.date | None
    date_end: dt.date | None
    granularity: Granularity
    basis: TimeBasis

    @property
    def precision(self) -> DatePrecision:
        """The project's DatePrecision of the interval (``unknown`` when it has none)."""
        if self.date_start is None or self.date_end is None:
            return "unknown"
        return _PRECISION.get(self.granularity, "unknown")


_PRECISION: dict[str, DatePrecision] = {"time": "day", "day": "day", "week": "week",
                                        "month": "month", "quarter": "quarter", "half": "half",
                                        "year": "year"}
_MIN_YEAR, _MAX_YEAR = 1, 9998


def _month_end(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def safe_date(year: int, month: int, day: int) -> dt.date | None:
    """The date, or None where the day does not exist (Feb. 30)."""
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _pick(cycle: int, position: int, length: int, direction: str | None,
          default: str = "past") -> int:
    """How many cycles to move so that ``position`` (of ``length`` per cycle) is the one
    meant: 0 this cycle, -1 the last, +1 the next, given where ``cycle`` (now) stands."""
    way = "past" if direction == "before" else direction or default
    if way == "future":
        return 0 if position >= cycle else 1
    if way == "past":
        return 0 if position <= cycle else -1
    return 0 if abs(position - cycle) <= length // 2 else (1 if position < cycle else -1)


def day_value(day: dt.date, basis: TimeBasis, timex_type: TimexType = "DATE",
              suffix: str = "") -> Value:
    return Value(timex_type, day.isoformat() + suffix, day, day,
                 "time" if timex_type == "TIME" else "day", basis)


def month_value(year: int, month: int, basis: TimeBasis) -> Value:
    return Value("DATE", f"{year:04d}-{month:02d}", dt.date(year, month, 1),
                 _month_end(year, month), "month", basis)


def year_value(year: int, basis: TimeBasis) -> Value:
    return Value("DATE", f"{year:04d}", dt.date(year, 1, 1), dt.date(year, 12, 31), "year",
                 basis)


def week_value(day: dt.date, basis: TimeBasis, weekend: bool = False) -> Value:
    iso = day.isocalendar()
    monday = day - dt.timedelta(days=day.weekday())
    start, end = (monday + dt.timedelta(days=5), monday + dt.timedelta(days=6)) if weekend \
        else (monday, monday + dt.timedelta(days=6))
    return Value("DATE", f"{iso[0]:04d}-W{iso[1]:02d}" + ("-WE" if weekend else ""), start, end,
                 "week", basis)


def part_value(year: int, index: int, parts: int, basis: TimeBasis) -> Value:
    """Quarter (``parts`` 4) or half (2) number ``index`` of ``year``."""
    months = 12 // parts
    first = (index - 1) * months + 1
    letter = "Q" if parts == 4 else "H"
    return Value("DATE", f"{year:04d}-{letter}{index}", dt.date(year, first, 1),
                 _month_end(year, first + months - 1), "quarter" if parts == 4 else "half",
                 basis)


def season_value(year: int, code: str, basis: TimeBasis) -> Value:
    first, last = SEASON_MONTHS[code]
    end_year, end_month = (year + 1, last - 12) if last > 12 else (year, last)
    return Value("DATE", f"{year:04d}-{code}", dt.date(year, first, 1),
                 _month_end(end_year, end_month), "season", basis)


def _unresolved(frame: Frame) -> Value:
    """The value with X's where the missing publication date leaves it unknown."""
    kind = frame.kind
    if kind == "month" or kind == "date":
        month = f"{frame.month:02d}" if frame.month else "XX"
        if kind == "date":
            day = f"{frame.day:02d}" if frame.day else "XX"
            return Value("DATE", f"XXXX-{month}-{day}", None, None, "day", "unresolved")
        return Value("DATE", f"XXXX-{month}", None, None, "month", "unresolved")
    if kind == "quarter":
        return Value("DATE", f"XXXX-Q{frame.index or 'X'}", None, None, "quarter", "unresolved")
    if kind == "half":
        return Value("DATE", f"XXXX-H{frame.index or 'X'}", None, None, "half", "unresolved")
    if kind == "season":
        return Value("DATE", f"XXXX-{frame.code}", None, None, "season", "unresolved")
    if kind == "weekday":
        return Value("DATE", f"XXXX-WXX-{(frame.weekday or 0) + 1}", None, None, "day",
                     "unresolved")
    if kind == "time":
        return Value("TIME", "XXXX-XX-XXT" + clock_suffix(frame)[1:], None, None, "time",
                     "unresolved")
    if kind == "rel" and frame.unit in ("week", "weekend"):
        return Value("DATE", "XXXX-WXX", None, None, "week", "unresolved")
    if kind == "rel" and frame.unit == "month":
        return Value("DATE", "XXXX-XX", None, None, "month", "unresolved")
    if kind in ("rel", "anaphor", "ago") and frame.unit in ("quarter", "period"):
        return Value("DATE", "XXXX-QX", None, None, "quarter", "unresolved")
    if kind in ("rel", "anaphor", "ago") and frame.unit in ("year", None):
        return Value("DATE", "XXXX", None, None, "year", "unresolved")
    return Value("DATE", "XXXX-XX-XX", None, None, "day", "unresolved")


def clock_suffix(frame: Frame) -> str:
    """The ``T..`` part of a TIME value: ``TNI`` for a part of day, else ``Thh:mm``."""
    if frame.code:
        return "T" + frame.code
    return f"T{frame.hour or 0:02d}:{frame.minute or 0:02d}"


def duration_value(frame: Frame) -> Value:
    """``P3Y``, ``PXY``, ``PT2H``, ``P2Y6M``: a length of time, without an interval."""
    unit = frame.unit or "day"
    count = frame.count
    if unit in ("decade", "century") and count is not None and count != 1:
        # "two decades": P20Y, but "a decade" is P1E (TimeML's letters: E decade, C century)
        unit, count = "year", count * (10 if unit == "decade" else 100)
    letter = UNITS[unit]
    body: str
    if count is None:
        body = "X" + letter
    elif count != int(count):
        whole = int(count)
        half = {"year": "6M", "day": "T12H", "hour": "30M", "minute": "30S", "month": "2W",
                "week": "3D"}.get(unit)
        # a half of a unit with no whole smaller one ("1 1/2 quarters") is a length of
        # quarters of unknown count, never a value that drops the half or is empty
        body = "X" + letter if half is None else (f"{whole}{letter}" if whole else "") + half
    else:
        body = f"{int(count)}{letter}"
    prefix = "PT" if unit in TIME_UNITS else "P"
    if body.startswith("T"):
        prefix, body = "P", body
    return Value("DURATION", prefix + body, None, None, "none", "stated")


def set_value(frame: Frame) -> Value:
    if frame.code:
        return Value("SET", frame.code, None, None, "none", "stated")
    if frame.weekday is not None:
        return Value("SET", f"XXXX-WXX-{frame.weekday + 1}", None, None, "none", "stated")
    unit = frame.unit or "day"
    prefix = "PT" if unit in TIME_UNITS else "P"
    return Value("SET", f"{prefix}{int(frame.count or 1)}{UNITS[unit]}", None, None, "none",
                 "stated")


def shift_value(value: Value, unit: str, count: int, basis: TimeBasis) -> Value | None:
    """``value`` moved by ``count`` units at its own granularity ("a year earlier")."""
    if value.date_start is None:
        return None
    start = value.date_start
    g = value.granularity
    months = count * {"year": 12, "quarter": 3, "month": 1}.get(unit, 0)
    days = count * {"week": 7, "day": 1}.get(unit, 0)
    if not months and not days:
        return None
    if months:
        index = start.year * 12 + start.month - 1 + months
        year, month = index // 12, index % 12 + 1
        if not _MIN_YEAR <= year <= _MAX_YEAR:
            return None
        day = min(start.day, calendar.monthrange(year, month)[1])
        moved = dt.date(year, month, day)
    else:
        moved = start + dt.timedelta(days=days)
    if g in ("day", "time"):
        return day_value(moved, basis)
    if g == "week":
        return week_value(moved, basis)
    if g == "month":
        return month_value(moved.year, moved.month, basis)
    if g == "quarter":
        return part_value(moved.year, (moved.month - 1) // 3 + 1, 4, basis)
    if g == "half":
        return part_value(moved.year, (moved.month - 1) // 6 + 1, 2, basis)
    if g == "season" and value.value[-2:].isalpha():
        return season_value(moved.year, value.value[-2:], basis)
    return year_value(moved.year, basis)


def ago_value(frame: Frame, anchor: dt.date, basis: TimeBasis) -> Value:
    """"three years ago" from ``anchor``, at the granularity of the unit."""
    unit = frame.unit or "day"
    if frame.count is None:
        return Value("DATE", "PAST_REF" if (frame.shift or -1) < 0 else "FUTURE_REF",
                     None, anchor, "none", basis) if (frame.shift or -1) < 0 else \
            Value("DATE", "FUTURE_REF", anchor, None, "none", basis)
    n = int(frame.count) * (frame.shift or -1)
    base = {"year": year_value(anchor.year, basis),
            "quarter": part_value(anchor.year, (anchor.month - 1) // 3 + 1, 4, basis),
            "month": month_value(anchor.year, anchor.month, basis),
            "week": week_value(anchor, basis)}.get(unit, day_value(anchor, basis))
    if unit in ("decade", "century"):
        step = 10 if unit == "decade" else 100
        return year_value(anchor.year + n * step, basis)
    if unit in TIME_UNITS:
        return day_value(anchor, basis)
    moved = shift_value(base, unit, n, basis)
    return moved if moved is not None else base


def value_interval(value: str) -> tuple[dt.date, dt.date] | None:
    """The days a TIMEX3 date value covers (``1998-08``: August 1998), or None when it is
    not a calendar date (a duration, a reference, a value with X's)."""
    import re

    m = re.fullmatch(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?|-W(\d{2})(-WE)?|-([QH])(\d)"
                     r"|-(SP|SU|FA|WI))?(?:T.*)?", value)
    if m is None:
        m2 = re.fullmatch(r"(\d{3})|(\d{2})", value)
        if m2 is None:
            return None
        if m2.group(1):
            y = int(m2.group(1)) * 10
            return dt.date(max(y, 1), 1, 1), dt.date(y + 9, 12, 31)
        y = int(m2.group(2)) * 100
        return dt.date(max(y, 1), 1, 1), dt.date(y + 99, 12, 31)
    try:
        year = int(m.group(1))
        if m.group(3):
            day = dt.date(year, int(m.group(2)), int(m.group(3)))
            return day, day
        if m.group(2):
            v = month_value(year, int(m.group(2)), "stated")
        elif m.group(4):
            v = week_value(dt.date.fromisocalendar(year, int(m.group(4)), 1), "stated",
                           bool(m.group(5)))
        elif m.group(6):
            v = part_value(year, int(m.group(7)), 4 if m.group(6) == "Q" else 2, "stated")
        elif m.group(8):
            v = season_value(year, m.group(8), "stated")
        else:
            v = year_value(year, "stated")
    except ValueError:
        return None
    assert v.date_start is not None and v.date_end is not None
    return v.date_start, v.date_end
