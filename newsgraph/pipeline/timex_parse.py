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
from collections.abc import Iterator
from dataclasses import dataclass

from newsgraph.pipeline.timewords import (
    DAY_PARTS,
    FUTURE_CUES,
    MONTH_ABBREVIATIONS,
    MONTHS,
    NUMBERS,
    ORDINALS,
    PAST_CUES,
    REFERENCES,
    SEASONS,
    UNIT_FORMS,
    VAGUE_NUMBERS,
    WEEKDAY_ABBREVIATIONS,
    WEEKDAYS,
)

#: One token: a number (with its ordinal or plural suffix), a word, or one other character.
_TOKEN = re.compile(r"\d+(?:[:./]\d+)*(?:st|nd|rd|th|s)?|[^\W\d_]+|\S")
#: Spaces allowed between two tokens of one expression (no line break, no punctuation).
_GAP = re.compile(r"[ \t\u00a0]{0,3}")
_LOOKAHEAD = 12
_BACKSCAN = 10

_PREPOSITIONS = frozenset({"on", "in", "by", "at", "since", "until", "till", "through",
                           "during", "from", "before", "after", "of", "for", "to", "as",
                           "throughout", "within", "between", "effective", "around"})
_MONTH_CONTEXT = frozenset({"in", "of", "since", "until", "till", "by", "from", "through",
                            "early", "late", "mid", "last", "next", "this", "during",
                            "before", "after", "between", "and", "to", "or", "each",
                            "every", "around", "effective", "for"})
_APPROX = (("at", "least"), ("more", "than"), ("less", "than"), ("fewer", "than"),
           ("no", "more", "than"), ("nearly",), ("almost",), ("about",), ("roughly",),
           ("some",), ("up", "to"), ("around",), ("approximately",))
_BOUNDARY = (("the", "end", "of"), ("the", "beginning", "of"), ("the", "start", "of"),
             ("the", "middle", "of"), ("the", "close", "of"), ("end", "of"),
             ("the", "turn", "of"))
_REL = {"last": -1, "past": -1, "previous": -1, "this": 0, "current": 0, "next": 1,
        "coming": 1, "following": 1}
_REF_PHRASES = {("the", "past"): "PAST_REF", ("the", "future"): "FUTURE_REF",
                ("in", "the", "past"): "PAST_REF", ("these", "days"): "PRESENT_REF",
                ("at", "the", "moment"): "PRESENT_REF", ("as", "soon", "as", "possible"):
                "FUTURE_REF", ("the", "time", "being"): "PRESENT_REF"}


@dataclass(frozen=True)
class Token:
    start: int
    end: int
    raw: str
    low: str
    #: The token touches the previous one through a hyphen ("third-quarter", "mid-1990s").
    joined: bool = False


@dataclass(frozen=True)
class Frame:
    """What a temporal expression says, before it is resolved to a date.

    ``kind`` is one of: date, month, year, rel (last/this/next unit), weekday, relday,
    quarter, half, season, decade, century, ref, ago, duration, set, time, anaphor.
    """

    kind: str
    year: int | None = None
    month: int | None = None
    day: int | None = None
    weekday: int | None = None
    unit: str | None = None
    count: float | None = None
    shift: int | None = None
    index: int | None = None
    code: str | None = None
    hour: int | None = None
    minute: int | None = None
    base: Frame | None = None
    #: "ago" counts back from the publication date; "earlier"/"later" from the last date.
    anchored: bool = False


@dataclass(frozen=True)
class Match:
    """One temporal expression: token range, frame, and the words around it."""

    start: int
    end: int
    frame: Frame
    preposition: str | None
    #: "future", "past" or None: the tense cue nearest before it in the sentence.
    direction: str | None


def tokens(text: str) -> list[Token]:
    """The word tokens of ``text``; a hyphen between two words joins them (it is dropped)."""
    out: list[Token] = []
    pending = False
    for m in _TOKEN.finditer(text):
        raw = m.group()
        if raw in "-\u2013" and out and out[-1].end == m.start():
            pending = True
            continue
        joined = pending and bool(out) and out[-1].end + 1 == m.start()
        pending = False
        out.append(Token(m.start(), m.end(), raw, raw.lower(), joined))
    return out


class _Cursor:
    """Bounded look-ahead over the tokens from one position."""

    def __init__(self, text: str, toks: list[Token], at: int) -> None:
        self.text, self.toks, self.at = text, toks, at
        self.limit = min(len(toks), at + _LOOKAHEAD)

    def low(self, j: int) -> str:
        return self.toks[j].low if self.at <= j < self.limit else ""

    def raw(self, j: int) -> str:
        return self.toks[j].raw if self.at <= j < self.limit else ""

    def near(self, j: int) -> bool:
        """Token ``j`` follows token ``j - 1`` with only a few spaces between."""
        if not self.at < j < self.limit:
            return False
        prev, tok = self.toks[j - 1], self.toks[j]
        if tok.joined or prev.end == tok.start:
            return True
        gap = _GAP.match(self.text, prev.end, tok.start)
        return gap is not None and gap.end() == tok.start

    def word(self, j: int, *options: str) -> bool:
        return self.near(j) and self.low(j) in options

    def seq(self, j: int, words: tuple[str, ...]) -> int | None:
        """End index when ``words`` follow from ``j`` (``j`` itself need not be near)."""
        for k, w in enumerate(words):
            if self.low(j + k) != w or (k and not self.near(j + k)):
                return None
        return j + len(words)


def _number(c: _Cursor, j: int) -> tuple[int, float | None] | None:
    """(end, count) of a number at ``j``: digits, number words, "twenty-five", "2 1/2"."""
    low = c.low(j)
    if low.isdigit():
        end, value = j + 1, float(int(low))
        if c.near(end) and re.fullmatch(r"1/2", c.low(end)):
            return end + 1, value + 0.5
        return end, value
    if low in VAGUE_NUMBERS or low in ("few", "couple"):
        return j + 1, None
    if low in NUMBERS:
        value = float(NUMBERS[low])
        end = j + 1
        if c.near(end) and c.toks[end].joined and c.low(end) in NUMBERS and value >= 20:
            value += NUMBERS[c.low(end)]
            end += 1
        if c.word(end, "hundred"):
            value, end = value * 100, end + 1
        return end, value
    return None


def _month(c: _Cursor, j: int) -> tuple[int, int] | None:
    """(end, month) of a month name at ``j``: capitalised, and an abbreviation only as one."""
    raw, low = c.raw(j), c.low(j)
    if not raw[:1].isupper():
        return None
    if low in MONTHS:
        return j + 1, MONTHS[low]
    if low in MONTH_ABBREVIATIONS:
        if c.raw(j + 1) == "." and c.toks[j + 1].start == c.toks[j].end:
            return j + 2, MONTH_ABBREVIATIONS[low]
        if c.near(j + 1) and c.low(j + 1)[:1].isdigit() and raw.isalpha() and len(raw) >= 3 \
                and raw[1:].islower():
            return j + 1, MONTH_ABBREVIATIONS[low]
    return None


def _weekday(c: _Cursor, j: int) -> tuple[int, int] | None:
    low = c.low(j)
    if low in WEEKDAYS:
        end = j + 1
        if c.raw(end) == "'" or c.raw(end) == "\u2019":  # "Friday's meeting"
            return end, WEEKDAYS[low]
        return end, WEEKDAYS[low]
    if low in WEEKDAY_ABBREVIATIONS and c.raw(j)[:1].isupper() and c.raw(j + 1) == ".":
        return j + 2, WEEKDAY_ABBREVIATIONS[low]
    return None


def _day(c: _Cursor, j: int) -> int | None:
    low = re.sub(r"(st|nd|rd|th)$", "", c.low(j))
    if low.isdigit() and len(low) <= 2 and 1 <= int(low) <= 31:
        return int(low)
    return None


def _year(c: _Cursor, j: int, *, bare: bool = False) -> int | None:
    low = c.low(j)
    if len(low) == 4 and low.isdigit():
        year = int(low)
        if (1900 if bare else 1000) <= year <= 2099:
            return year
    return None


def _comma(c: _Cursor, j: int) -> int:
    """``j + 1`` when token ``j`` is a comma right after the previous token, else ``j``."""
    return j + 1 if c.raw(j) == "," and c.toks[j].start == c.toks[j - 1].end else j


def _calendar_date(c: _Cursor, j: int) -> tuple[int, Frame] | None:
    """"Dec. 3, 2019", "December 3", "3 December 2019", "December 2019", "May of 2003"."""
    hit = _month(c, j)
    if hit is not None:
        end, month = hit
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
    if (m := re.fullmatch(r"(\d{1,2})([./])(\d{1,2})\2(\d{4})", low)) is not None:
        a, b, year = int(m.group(1)), int(m.group(3)), int(m.group(4))
        day, month = (a, b) if m.group(2) == "." or a > 12 else (b, a)
        return j + 1, Frame("date", year=year, month=month, day=day)
    if len(low) == 4 and low.isdigit() and c.toks[j + 1:j + 2] and c.near(j + 1) \
            and c.toks[j + 1].joined and re.fullmatch(r"\d{2}", c.low(j + 1)) \
            and c.near(j + 2) and c.toks[j + 2].joined and re.fullmatch(r"\d{2}", c.low(j + 2)):
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
    m = re.fullmatch(r"(\d{1,2})(?:([:.])([0-5]\d))?", low)
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


def _unit(c: _Cursor, j: int) -> str | None:
    return UNIT_FORMS.get(c.low(j)) if c.near(j) or j == c.at else None


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
        return None
    if c.low(k) in _REL and (c.near(k) or k == j):
        shift, k = _REL[c.low(k)], k + 1
    elif c.low(k) in ("latest", "same", "year-ago", "comparable"):
        latest, k = True, k + 1
    year_ago = False
    if c.low(k) == "year" and c.word(k + 1, "ago", "earlier") and c.toks[k + 1].joined:
        year_ago, k = True, k + 2
        if not (c.near(k) and c.low(k) in ("quarter", "period", "month", "year", "week",
                                           "level", "levels", "results", "figure")):
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
            return k + 1, Frame("rel", unit=unit, shift=shift)
        if unit == "day" and not latest:
            return None
        if c.word(k + 1, "ended", "ending") and unit != "period":
            return k + 1, Frame("duration", unit=unit, count=1)  # "for the year ended June 30"
        return k + 1, Frame("anaphor", unit=unit)
    if c.low(k) in SEASONS and (c.near(k) or k == j) and (the or shift is not None or
                                                          before in _MONTH_CONTEXT):
        code = SEASONS[c.low(k)]
        end = k + 1
        year = None
        if c.word(end, "of") and (y := _year(c, end + 1)) is not None and c.near(end + 1):
            year, end = y, end + 2
        elif c.near(end) and (y := _year(c, end)) is not None:
            year, end = y, end + 1
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
        elif c.word(end, "more", "additional", "further", "straight", "consecutive"):
            end += 1  # "20 more years"
        dunit = _unit(c, end)
        if dunit is None or (dunit == "quarter" and c.toks[end].joined):
            return None  # "three-quarters" is a fraction
        end += 1
        after = c.low(end) if c.near(end) else ""
        if after in ("ago", "earlier", "before", "later", "after", "back", "hence") and \
                not c.word(end + 1, "than", "that"):
            if after in ("before", "after") and c.near(end + 1) and \
                    c.low(end + 1) not in (".", ",", ";", ")"):
                return None
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


def _decades(c: _Cursor, j: int) -> tuple[int, Frame] | None:
    """"the 1980s", "the mid-1990s", "the '80s", "the 20th century", "1988", "fiscal 1989"."""
    k = j + 1 if c.low(j) == "the" else j
    if c.low(k) in ("early", "late", "mid") and c.near(k + 1):
        k += 1
    low = c.low(k)
    if (m := re.fullmatch(r"(1\d|20)(\d)0s", low)) is not None and (k == j or c.near(k)):
        return k + 1, Frame("decade", year=int(m.group(1) + m.group(2) + "0"))
    if c.raw(k) in ("'", "\u2019") and c.near(k + 1) and \
            (m := re.fullmatch(r"(\d)0s", c.low(k + 1))) is not None:
        return k + 2, Frame("decade", year=1900 + int(m.group(1)) * 10)
    if (m := re.fullmatch(r"(\d{1,2})(st|nd|rd|th)", low)) is not None and \
            c.word(k + 1, "century"):
        return k + 2, Frame("century", year=(int(m.group(1)) - 1) * 100)
    return None


def _references(c: _Cursor, j: int) -> tuple[int, Frame] | None:
    low = c.low(j)
    for words, ref in _REF_PHRASES.items():
        if low == words[0] and (end := c.seq(j, words)) is not None:
            if (words[-1] == "past" and UNIT_FORMS.get(c.low(end))) or \
                    c.low(end) in NUMBERS or c.low(end).isdigit() or c.low(end) in ("few",
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
    year = _year(c, j, bare=True)
    if year is None or (before in ("$", "#", "no", "number", "flight", "route", "page", "of.",
                                  "no.", "to", "population") and before != "to"):
        return None
    after = c.low(j + 1) if c.near(j + 1) else ""
    if after in ("%", "percent", "people", "votes", "shares", "units", "cars", "tons") or \
            after[:1].isdigit():
        return None
    return j + 1, Frame("year", year=year)


def _core(c: _Cursor, j: int, before: str) -> tuple[int, Frame] | None:
    """The longest expression starting at token ``j``."""
    best: tuple[int, Frame] | None = None
    for hit in (_numeric_date(c, j), _calendar_date(c, j), _days_and_times(c, j),
                _periods(c, j, before), _decades(c, j), _references(c, j),
                _bare_month(c, j, before), _year_alone(c, j, before)):
        if hit is not None and (best is None or hit[0] > best[0]):
            best = hit
    return best


def _modified(c: _Cursor, j: int, before: str) -> tuple[int, Frame] | None:
    """A core expression with the modifiers TimeML keeps in its span."""
    for words in _APPROX + _BOUNDARY:
        if c.low(j) == words[0] and (k := c.seq(j, words)) is not None and c.near(k):
            hit = _core(c, k, words[-1])
            if hit is not None and (hit[1].kind in ("duration", "ago") or words in _BOUNDARY):
                return hit
    low = c.low(j)
    if low in ("early", "late", "mid", "earlier", "later") and c.near(j + 1):
        hit = _core(c, j + 1, low)
        if hit is not None and hit[1].kind not in ("duration", "set", "ref", "ago"):
            return hit
    if low == "the" and c.word(j + 1, "early", "late", "mid") and c.near(j + 2):
        hit = _core(c, j + 2, c.low(j + 1))
        if hit is not None and hit[1].kind in ("decade", "year", "century"):
            return hit
    return _core(c, j, before)


def _direction(toks: list[Token], at: int) -> str | None:
    """The tense cue nearest before token ``at`` within its sentence, as a direction."""
    for k in range(at - 1, max(-1, at - 1 - _BACKSCAN), -1):
        low = toks[k].low
        if low in (".", "?", "!", ";"):
            break
        if low in FUTURE_CUES:
            return "future"
        if low in PAST_CUES or (low.endswith("ed") and len(low) > 4):
            return "past"
    return None


#: Words an expression can start with (any number can, too): the scan tries the grammar only
#: at these, which skips most tokens of a text at the cost of one set look-up.
_STARTERS = frozenset(
    set(MONTHS) | set(MONTH_ABBREVIATIONS) | set(WEEKDAYS) | set(WEEKDAY_ABBREVIATIONS)
    | set(NUMBERS) | VAGUE_NUMBERS | set(ORDINALS) | set(UNIT_FORMS) | set(SEASONS)
    | set(DAY_PARTS) | set(REFERENCES) | set(_REL) | {w[0] for w in _APPROX + _BOUNDARY}
    | {w[0] for w in _REF_PHRASES}
    | {"the", "early", "late", "mid", "earlier", "later", "every", "each", "that", "fiscal",
       "latest", "same", "comparable", "yesterday", "today", "tomorrow", "tonight", "noon",
       "midday", "midnight", "recent", "coming", "'", "\u2019"})


def scan(text: str) -> Iterator[tuple[Match, list[Token]]]:
    """Every temporal expression of ``text``, left to right, with the tokens it spans."""
    toks = tokens(text)
    i = 0
    while i < len(toks):
        if not (toks[i].low in _STARTERS or toks[i].low[:1].isdigit()):
            i += 1
            continue
        before = toks[i - 1].low if i else ""
        if before and not _Cursor(text, toks, i - 1).near(i):
            before = ","
        hit = _modified(_Cursor(text, toks, i), i, before)
        if hit is None:
            i += 1
            continue
        end, frame = hit
        k = i - 1
        prep = toks[k].low if k >= 0 and toks[k].low in _PREPOSITIONS else None
        yield Match(i, end, frame, prep, _direction(toks, i)), toks
        i = end
