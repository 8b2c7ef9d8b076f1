"""Temporal expressions: find them in text and resolve them to date intervals.

Absolute expressions ("December 2017", "first half of 2020", "November 25, 2019") resolve on
their own (basis ``stated``). Relative ones ("on Tuesday", "last week", "in July", "until
April", "next year") resolve against the article's publication date (basis ``relative``);
without a known publication date they stay unresolved (dates null, precision ``unknown``):
a relative date is never guessed.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass

from newsgraph.models.base import DatePrecision
from newsgraph.models.event import DateBasis

MONTHS = {name.lower(): i for i, name in enumerate(calendar.month_name) if name}
MONTHS.update({name.lower(): i for i, name in enumerate(calendar.month_abbr) if name})
MONTHS["sept"] = 9
WEEKDAYS = {name.lower(): i for i, name in enumerate(calendar.day_name)}

_MONTH = (r"(?P<{0}>January|February|March|April|May|June|July|August|September|October|"
          r"November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?")
_FUTURE = re.compile(r"\b(will|would|shall|expected|plans?|planned|hopes?|aims?|set to|until|"
                     r"by|next|scheduled|going to|due)\b", re.I)

_PATTERNS: list[tuple[str, str]] = [
    ("mdy", _MONTH.format("m") + r"\s+(?P<d>\d{1,2})(?:\s*[-–]\s*(?P<d2>\d{1,2}))?,?\s+(?P<y>\d{4})"),
    ("dmy", r"(?P<d>\d{1,2})(?:\s*[-–]\s*(?P<d2>\d{1,2}))?\s+" + _MONTH.format("m") + r",?\s+(?P<y>\d{4})"),
    ("dotted", r"(?P<d>\d{1,2})\.(?P<mo>\d{1,2})\.(?P<y>\d{4})"),
    ("iso", r"(?P<y>\d{4})-(?P<mo>\d{2})-(?P<d>\d{2})"),
    ("half", r"(?:the\s+)?(?P<which>first|second)\s+half\s+of\s+(?:(?P<y>\d{4})|(?P<rel>next|this|last)\s+year|the\s+year)"),
    ("quarter", r"(?:the\s+)?(?P<which>first|second|third|fourth)\s+quarter\s+of\s+(?:(?P<y>\d{4})|(?P<rel>next|this|last)\s+year|the\s+year)"),
    ("month_year", r"(?:(?P<mid>mid|early|late)-?\s*)?" + _MONTH.format("m") + r"\s+(?P<y>\d{4})"),
    ("month_day", _MONTH.format("m") + r"\s+(?P<d>\d{1,2})(?:\s*[-–]\s*(?P<d2>\d{1,2}))?\b"),
    ("until_month", r"(?P<cue>until|till|by)\s+" + _MONTH.format("m") + r"(?!\s+\d{4})"),
    ("this_month", r"(?P<rel>this|last|next)\s+" + _MONTH.format("m")),
    ("in_month", r"(?:(?P<mid>mid|early|late)-)" + _MONTH.format("m") + r"|\bin\s+" + _MONTH.format("m2")),
    ("year", r"(?:in|by|since|of|until|from)\s+(?P<y>(?:19|20)\d{2})\b"),
    ("weekday", r"(?:on|last|this|next)\s+(?P<wd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"),
    ("relday", r"\b(?P<rd>yesterday|today|tomorrow)\b"),
    ("relperiod", r"(?:(?P<early>earlier|later)\s+)?(?P<rel>last|this|next)\s+(?P<unit>week|month|year)"),
]
_COMPILED = [(name, re.compile(rf"\b(?:{pat})", re.I)) for name, pat in _PATTERNS]


@dataclass(frozen=True)
class TimeExpr:
    """A temporal expression found in text, resolved where possible."""

    char_start: int
    char_end: int
    text: str
    date_start: dt.date | None
    date_end: dt.date | None
    precision: DatePrecision
    basis: DateBasis


def _month_end(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def _month_span(year: int, month: int) -> tuple[dt.date, dt.date]:
    return dt.date(year, month, 1), _month_end(year, month)


def _safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _year_for_month(month: int, anchor: dt.date, future: bool) -> int:
    if future:
        return anchor.year if month >= anchor.month else anchor.year + 1
    return anchor.year if month <= anchor.month else anchor.year - 1


Resolved = tuple[dt.date | None, dt.date | None, DatePrecision, DateBasis]


def _resolve(kind: str, g: dict[str, str | None], anchor: dt.date | None, future: bool
             ) -> Resolved:
    """(start, end, precision, basis) of one match."""
    unresolved: Resolved = (None, None, "unknown", "unknown")
    month = MONTHS.get((g.get("m") or g.get("m2") or "").lower().rstrip("."), 0)
    year = int(g["y"] or 0) if g.get("y") else None
    if kind in ("mdy", "dmy", "dotted", "iso"):
        assert year is not None
        month = month or int(g["mo"] or 0)
        start = _safe_date(year, month, int(g["d"] or 0))
        end = _safe_date(year, month, int(g["d2"] or 0)) if g.get("d2") else start
        return (start, end, "day", "stated") if start and end else unresolved
    if kind in ("half", "quarter"):
        rel = (g.get("rel") or "").lower()
        if year is None:
            if anchor is None:
                return unresolved
            year = anchor.year + {"next": 1, "last": -1}.get(rel, 0)
        parts = 2 if kind == "half" else 4
        index = ["first", "second", "third", "fourth"].index((g["which"] or "").lower())
        first_month = index * (12 // parts) + 1
        start = dt.date(year, first_month, 1)
        end = _month_end(year, first_month + 12 // parts - 1)
        precision: DatePrecision = "half" if kind == "half" else "quarter"
        return start, end, precision, "stated" if g.get("y") else "relative"
    if kind == "month_year":
        assert year is not None
        return (*_month_span(year, month), "month", "stated")
    if anchor is None:
        return unresolved
    if kind == "month_day":
        day = _safe_date(_year_for_month(month, anchor, future), month, int(g["d"] or 0))
        end = _safe_date(day.year, month, int(g["d2"] or 0)) if day and g.get("d2") else day
        return (day, end, "day", "relative") if day and end else unresolved
    if kind in ("until_month", "in_month", "this_month"):
        rel = (g.get("rel") or "").lower()
        if rel == "this":
            year = anchor.year
        elif rel in ("next", "last"):
            year = anchor.year + (1 if rel == "next" else -1)
        else:
            year = _year_for_month(month, anchor, future or kind == "until_month")
        start, end = _month_span(year, month)
        return (None if kind == "until_month" else start), end, "month", "relative"
    if kind == "year":
        return None, None, "unknown", "unknown"  # handled by caller (stated)
    if kind == "weekday":
        target = WEEKDAYS[(g["wd"] or "").lower()]
        delta = (anchor.weekday() - target) % 7
        day = anchor + dt.timedelta(days=(7 - delta) % 7 if future and delta else -delta)
        return day, day, "day", "relative"
    if kind == "relday":
        shift = {"yesterday": -1, "today": 0, "tomorrow": 1}[(g["rd"] or "").lower()]
        day = anchor + dt.timedelta(days=shift)
        return day, day, "day", "relative"
    if kind == "relperiod":
        rel, unit = (g["rel"] or "").lower(), (g["unit"] or "").lower()
        step = {"last": -1, "this": 0, "next": 1}[rel]
        if unit == "week":
            monday = anchor - dt.timedelta(days=anchor.weekday()) + dt.timedelta(weeks=step)
            return monday, monday + dt.timedelta(days=6), "week", "relative"
        if unit == "month":
            index = anchor.year * 12 + anchor.month - 1 + step
            start, end = _month_span(index // 12, index % 12 + 1)
            if (g.get("early") or "").lower() == "earlier" and step == 0:
                end = anchor
            return start, end, "month", "relative"
        y = anchor.year + step
        return dt.date(y, 1, 1), dt.date(y, 12, 31), "year", "relative"
    return unresolved


def find_dates(text: str, anchor: dt.date | None, *, offset: int = 0,
               context: str | None = None) -> list[TimeExpr]:
    """Every temporal expression in ``text`` (offsets shifted by ``offset``).

    ``context`` (default: ``text``) is the sentence used to tell future from past reference
    ("will meet on Friday" is the next Friday, "met on Friday" the last one).
    """
    future = _FUTURE.search(context if context is not None else text) is not None
    candidates = sorted(
        ((m.start(), -len(m.group()), priority, kind, m)
         for priority, (kind, regex) in enumerate(_COMPILED) for m in regex.finditer(text)),
        key=lambda c: c[:3],
    )
    found: list[TimeExpr] = []
    taken_until = -1
    for start_at, _, _, kind, match in candidates:
        if start_at < taken_until:
            continue  # overlaps a longer or higher-priority expression already taken
        taken_until = match.end()
        groups = match.groupdict()
        if kind == "year":
            year = int(groups["y"] or 0)
            resolved: Resolved = (dt.date(year, 1, 1), dt.date(year, 12, 31), "year", "stated")
        else:
            resolved = _resolve(kind, groups, anchor, future)
        start, end, precision, basis = resolved
        found.append(TimeExpr(offset + match.start(), offset + match.end(), match.group(),
                              start, end, precision, basis))
    return found


def parse_publication_date(line: str) -> dt.date | None:
    """The date a dateline or byline line states, e.g. 'November 26, 2019' or '16:02 27.11.2019'."""
    for expr in find_dates(line, None):
        if expr.basis == "stated" and expr.precision == "day":
            return expr.date_start
    return None
