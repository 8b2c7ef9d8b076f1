"""Every temporal expression of a text, normalised: the one date grammar of the builder.

``find_times`` reads a text with the grammar of ``timex_parse`` and resolves each expression
with ``timex_values``, left to right, so that an anaphoric expression ("a year earlier",
"the quarter") can take the last date before it. Datelines and bylines
(``parse_publication_date``), collection columns, the ``time_mentions`` table and event
dates all come from here.

Relative expressions resolve against the publication date, the way TimeML normalises
against the document creation time (TempEval-3): "Friday" is the Friday before it (or after
it when the sentence looks forward: "will meet Friday"), "the third quarter" the third
quarter of the year it falls in, "effective Jan. 5" in a November article the next January.
Anaphoric expressions ("a year earlier", "the quarter", "that year") resolve against the
last date the article gave before them (basis ``other_expression``), else the publication
date. Without a publication date a relative expression stays unresolved.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING

from newsgraph.models.base import DatePrecision
from newsgraph.models.event import DateBasis
from newsgraph.models.time import Granularity, TimeBasis, TimexType
from newsgraph.rules.timex_parse import Frame, Match, Token, scan
from newsgraph.rules.timex_values import (
    Value,
    _pick,
    _unresolved,
    ago_value,
    clock_suffix,
    day_value,
    duration_value,
    month_value,
    part_value,
    safe_date,
    season_value,
    set_value,
    shift_value,
    week_value,
    year_value,
)

if TYPE_CHECKING:
    from newsgraph.rules.drafts import ArticleDraft

#: The rule every time mention names in its ``method``.
RULE = "rule:times.grammar@4"
#: The grammar's confidence: the share of its TimeBank expressions with the right value.
CONFIDENCE = 0.88

_EVENT_BASIS: dict[str, DateBasis] = {"stated": "stated", "publication_date": "relative",
                                      "other_expression": "relative", "unresolved": "unknown"}


@dataclass(frozen=True)
class TimeExpr:
    """A temporal expression found in text, resolved where possible.

    The first seven fields are what an event's date needs (``basis`` in the events'
    vocabulary); the rest are the TIMEX3 reading that ``time_mentions`` publishes.
    """

    char_start: int
    char_end: int
    text: str
    date_start: dt.date | None
    date_end: dt.date | None
    precision: DatePrecision
    basis: DateBasis
    timex_type: TimexType = "DATE"
    value: str = "XXXX-XX-XX"
    granularity: Granularity = "none"
    time_basis: TimeBasis = "unresolved"
    preposition: str | None = None


def _resolve(frame: Frame, anchor: dt.date | None, direction: str | None,
             last: Value | None, by_unit: dict[str, Value]) -> Value:
    """The value of one frame (see the module docstring of ``timex_values``)."""
    kind = frame.kind
    if kind == "duration":
        return duration_value(frame)
    if kind == "set":
        return set_value(frame)
    if kind == "year" and frame.year is not None:
        return year_value(frame.year, "stated")
    if kind == "decade" and frame.year is not None:
        y = frame.year
        return Value("DATE", f"{y // 10:03d}", dt.date(y, 1, 1), dt.date(y + 9, 12, 31),
                     "decade", "stated")
    if kind == "century" and frame.year is not None:
        y = frame.year
        return Value("DATE", f"{y // 100:02d}", dt.date(max(y, 1), 1, 1),
                     dt.date(y + 99, 12, 31), "century", "stated")
    if kind == "date" and frame.year is not None and frame.month and frame.day:
        day = safe_date(frame.year, frame.month, frame.day)
        return day_value(day, "stated") if day else _unresolved(frame)
    if kind == "month" and frame.year is not None and frame.month:
        return month_value(frame.year, frame.month, "stated")
    if kind in ("quarter", "half") and frame.year is not None and frame.index:
        return part_value(frame.year, frame.index, 4 if kind == "quarter" else 2, "stated")
    if kind == "season" and frame.year is not None and frame.code:
        return season_value(frame.year, frame.code, "stated")
    if kind == "time" and frame.base is not None:
        base = _resolve(frame.base, anchor, direction, last, by_unit)
        if base.date_start is None or base.granularity != "day":
            return _unresolved(frame)
        return day_value(base.date_start, base.basis, "TIME", clock_suffix(frame))
    if kind == "rel" and frame.anchored and last is not None and last.date_start:
        return _unit_value(frame.unit or "year", frame.shift or 0, last.date_start,
                           "other_expression")
    if kind in ("anaphor", "ago"):
        found = _anaphor(frame, anchor, last, by_unit)
        if found is not None:
            return found
    if anchor is None:
        if kind == "ref":
            return Value("DATE", frame.code or "PRESENT_REF", None, None, "none", "unresolved")
        return _unresolved(frame)
    return _relative(frame, anchor, direction)


def _anaphor(frame: Frame, anchor: dt.date | None, last: Value | None,
             by_unit: dict[str, Value]) -> Value | None:
    """"a year earlier", "the year-ago quarter", "the quarter", "that year": from the dates
    the article gave before (``by_unit["duration"]`` is the expression just before, when it
    was a length: "for the nine months, up from a year earlier")."""
    if frame.kind == "ago":
        unit = frame.unit or "year"
        stretch = by_unit.get("duration")
        if unit == "year" and frame.count == 1 and stretch is not None and \
                frame.code in (None, "period") and stretch.value[-1:] == "M":
            # TimeML gives the months a year back as the year before ("the nine months ...
            # from a year earlier": the year before), or the same length ("the year-earlier
            # period": P9M)
            if frame.code == "period":
                return Value("DURATION", stretch.value, None, None, "none", "other_expression")
            base = last.date_start if last is not None and last.date_start else anchor
            if base is not None:
                return year_value(base.year - 1, "other_expression")
        if frame.year is not None:  # "the 1988 quarter": the quarter last named, in 1988
            target = by_unit.get("quarter")
            if target is None or target.date_start is None:
                return year_value(frame.year, "stated")
            index = (target.date_start.month - 1) // 3 + 1
            return part_value(frame.year, index, 4, "other_expression")
        if frame.code in ("quarter", "period", "month"):
            target = by_unit.get("quarter" if frame.code == "period" else frame.code)
            if target is not None and anchor is not None and target.date_start is not None \
                    and target.date_start > anchor and frame.code != "month":
                # a forecast ("the third quarter of next year") is not what results are
                # compared with: the quarter a year before the last one ended
                return _unit_value("quarter", -5, anchor, "other_expression")
        elif unit == "year" and frame.count == 1:
            # "a year ago", "a year earlier": the same period of the year before, as finely
            # as the article last spoke of periods (results "for the quarter, up from a year
            # earlier")
            target = by_unit.get("quarter") or by_unit.get("month") or (
                last if frame.anchored else None)
        else:
            target = last if frame.anchored else None
        if target is None or target.date_start is None or frame.count is None:
            return None
        return shift_value(target, unit, int(frame.count) * (frame.shift or -1),
                           "other_expression")
    unit = "quarter" if frame.unit == "period" else frame.unit or "year"
    target = by_unit.get(unit)
    if target is None or target.date_start is None:
        return None
    if frame.code == "latest" and anchor is not None and target.date_end is not None and \
            target.date_end >= anchor:
        return None  # "the latest quarter" is one that has ended, not a forecast's
    return Value(target.timex_type, target.value, target.date_start, target.date_end,
                 target.granularity, "other_expression")


def _relative(frame: Frame, anchor: dt.date, direction: str | None) -> Value:
    """A relative frame resolved against the publication date ``anchor``."""
    basis: TimeBasis = "publication_date"
    kind = frame.kind
    if kind == "ref":
        code = frame.code or "PRESENT_REF"
        start = anchor if code != "PAST_REF" else None
        end = anchor if code != "FUTURE_REF" else None
        return Value("DATE", code, start, end, "none", basis)
    if kind == "relday":
        return day_value(anchor + dt.timedelta(days=frame.shift or 0), basis)
    if kind == "time":
        return day_value(anchor, basis, "TIME", clock_suffix(frame))
    if kind == "weekday" and frame.weekday is not None:
        delta = frame.weekday - anchor.weekday()
        if frame.shift == 1 or (frame.shift is None and direction == "future"):
            delta = delta % 7 or (7 if frame.shift == 1 else 0)
        elif frame.shift == -1 or frame.shift is None:
            delta = -((-delta) % 7) or (-7 if frame.shift == -1 else 0)
        return day_value(anchor + dt.timedelta(days=delta), basis)
    if kind == "date" and frame.month and frame.day:
        options = [d for y in (anchor.year - 1, anchor.year, anchor.year + 1)
                   if (d := safe_date(y, frame.month, frame.day)) is not None]
        day = _choose(options, anchor, _forward(direction))
        return day_value(day, basis) if day else _unresolved(frame)
    if kind == "month" and frame.month:
        if frame.shift is not None:
            return month_value(anchor.year + frame.shift, frame.month, basis)
        if frame.code == "this":
            return month_value(anchor.year, frame.month, basis)
        firsts = [dt.date(y, frame.month, 15) for y in (anchor.year - 1, anchor.year,
                                                         anchor.year + 1)]
        # "last April" is the April before, "next March" the one after; a month alone is
        # one that has begun, unless the sentence looks forward
        way = frame.code or ("future" if direction == "future" else "past")
        if way == "past":
            firsts = [d.replace(day=1) for d in firsts]
        year = (_choose(firsts, anchor.replace(day=15), way) or anchor).year
        return month_value(year, frame.month, basis)
    if kind in ("quarter", "half"):
        parts = 4 if kind == "quarter" else 2
        now = (anchor.month - 1) // (12 // parts) + 1
        if frame.index is None:
            return part_value(anchor.year, now, parts, basis)
        if frame.shift is not None:
            return part_value(anchor.year + frame.shift, frame.index, parts, basis)
        # a quarter of this year that has begun is this year's (results are reported after
        # it, plans made during it); one still to come is this year's only when the
        # sentence looks forward, else last year's
        step = 0 if frame.index <= now or direction == "future" else -1
        return part_value(anchor.year + step, frame.index, parts, basis)
    if kind == "season" and frame.code:
        if frame.shift is not None:
            return season_value(anchor.year + frame.shift, frame.code, basis)
        now = {12: 4, 1: 4, 2: 4}.get(anchor.month, (anchor.month - 3) // 3 + 1)
        index = ["SP", "SU", "FA", "WI"].index(frame.code) + 1
        year = anchor.year - (1 if anchor.month <= 2 else 0)
        toward = "past" if frame.unit == "past" else direction
        return season_value(year + _pick(now, index, 4, toward), frame.code, basis)
    if kind == "rel":
        return _unit_value(frame.unit or "year", frame.shift or 0, anchor, basis)
    if kind == "ago":
        return ago_value(frame, anchor, basis)
    if kind == "anaphor":
        unit = "quarter" if frame.unit == "period" else frame.unit or "year"
        if unit == "quarter":  # "the quarter", "the latest period": the last one ended
            return _unit_value("quarter", -1, anchor, basis)
        if unit == "weekend":  # the weekend before, or the coming one
            return _weekend(anchor, direction, basis)
        if unit == "week":  # "the week" with no week named before: TimeML leaves it open
            return Value("DATE", f"{anchor.year:04d}-WXX", dt.date(anchor.year, 1, 1),
                         dt.date(anchor.year, 12, 31), "year", basis)
        return _unit_value(unit, 0, anchor, basis)
    return _unresolved(frame)


def _choose(options: list[dt.date], anchor: dt.date, direction: str | None
            ) -> dt.date | None:
    """The option meant: the nearest to ``anchor``, unless the sentence looks forward (the
    first on or after it) or the expression looks back (the last on or before it)."""
    if direction == "future":
        return min((d for d in options if d >= anchor), default=None)
    if direction == "past":
        return max((d for d in options if d <= anchor), default=None)
    return min(options, key=lambda d: (abs((d - anchor).days), d), default=None)


def _weekend(anchor: dt.date, direction: str | None, basis: TimeBasis) -> Value:
    if direction == "future":
        day = anchor + dt.timedelta(days=(5 - anchor.weekday()) % 7)
    else:
        day = anchor - dt.timedelta(days=(anchor.weekday() - 5) % 7 if anchor.weekday() >= 5
                                    else anchor.weekday() + 1)
    return week_value(day, basis, weekend=True)


def _unit_value(unit: str, shift: int, anchor: dt.date, basis: TimeBasis) -> Value:
    if unit in ("week", "weekend"):
        return week_value(anchor + dt.timedelta(weeks=shift), basis, unit == "weekend")
    if unit == "month":
        index = anchor.year * 12 + anchor.month - 1 + shift
        return month_value(index // 12, index % 12 + 1, basis)
    if unit == "quarter":
        index = anchor.year * 4 + (anchor.month - 1) // 3 + shift
        return part_value(index // 4, index % 4 + 1, 4, basis)
    if unit == "day":
        return day_value(anchor + dt.timedelta(days=shift), basis)
    return year_value(anchor.year + shift, basis)


def _expr(text: str, match: Match, toks: list[Token], value: Value, offset: int) -> TimeExpr:
    start, end = toks[match.start].start, toks[match.end - 1].end
    return TimeExpr(offset + start, offset + end, text[start:end], value.date_start,
                    value.date_end, value.precision, _EVENT_BASIS[value.basis],
                    value.timex_type, value.value, value.granularity, value.basis,
                    match.preposition)


def find_times(text: str, published: dt.date | None, *, offset: int = 0) -> list[TimeExpr]:
    """Every temporal expression of ``text``, resolved against ``published`` (offsets shifted
    by ``offset``), in text order."""
    found: list[TimeExpr] = []
    last: Value | None = None
    by_unit: dict[str, Value] = {}
    for match, toks in scan(text):
        try:
            value = _resolve(match.frame, published, match.direction, last, by_unit)
        except (ValueError, OverflowError):  # a date outside the calendar: keep the words
            value = _unresolved(match.frame)
        found.append(_expr(text, match, toks, value, offset))
        by_unit.pop("duration", None)
        if value.timex_type == "DURATION":
            by_unit["duration"] = value
        if value.timex_type in ("DATE", "TIME") and value.date_start is not None and \
                value.granularity not in ("none",) and value.basis != "other_expression" \
                and "X" not in value.value:
            last = value
            by_unit[value.granularity] = value
    return found


def find_article_times(draft: ArticleDraft) -> None:
    """Fill ``draft.times``: the expressions of every segment but boilerplate, resolved
    against the article's publication date, read in one pass over the text (so that "a year
    earlier" finds the quarter named in the paragraph before)."""
    text = draft.source.text
    regions = [(s.char_start, s.char_end) for s in draft.segments if s.kind != "boilerplate"]
    if not regions:
        return
    found = find_times(text, draft.meta.published)
    k = 0
    for expr in found:
        while k < len(regions) and regions[k][1] <= expr.char_start:
            k += 1
        if k < len(regions) and regions[k][0] <= expr.char_start and \
                expr.char_end <= regions[k][1]:
            draft.times.append(expr)


def parse_publication_date(line: str) -> dt.date | None:
    """The day a dateline or byline line states, e.g. 'November 26, 2019' or '27.11.2019'."""
    for expr in find_times(line, None):
        if expr.time_basis == "stated" and expr.granularity in ("day", "time"):
            return expr.date_start
    return None


def _forward(direction: str | None) -> str | None:
    """A month or a day without a year is the nearest one, unless the sentence looks forward
    (the next one) or it follows "ended" (the last one)."""
    return {"future": "future", "before": "past"}.get(direction or "")
