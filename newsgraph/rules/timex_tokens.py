"""Tokens and the small readers of the date grammar: numbers, month and weekday names, years.

``timex_parse`` builds its recognisers on these. Every reader looks at a bounded number of
tokens through a ``_Cursor`` (at most ``_LOOKAHEAD`` from where it starts), which is what
keeps the grammar linear in the length of the text. ``Frame`` is what a recognised
expression says before ``timex_values`` resolves it.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from itertools import accumulate, chain, repeat
from typing import NamedTuple

from newsgraph.rules.timewords import (
    MONTH_ABBREVIATIONS,
    MONTHS,
    NUMBERS,
    UNIT_FORMS,
    VAGUE_NUMBERS,
    WEEKDAY_ABBREVIATIONS,
    WEEKDAYS,
)

#: One token: a number (with its ordinal or plural suffix), a word, or one other character.
_TOKEN = re.compile(r"\d+(?:[:./]\d+)*(?:st|nd|rd|th|s)?|[^\W\d_]+|\S")
#: A ``_TOKEN`` with the white space before it (``findall`` gives both: their lengths are
#: the offsets). Only white space is ever skipped between tokens (``\S`` takes any other
#: character), so these pieces tile the text up to its trailing white space. The word
#: alternative comes first (a word and a number never start with the same character) and
#: the runs are possessive (nothing follows them to backtrack for): the same tokens, faster.
_SPACED_TOKEN = re.compile(r"(\s*+)([^\W\d_]++|\d+(?:[:./]\d+)*(?:st|nd|rd|th|s)?|\S)")
_HYPHEN = re.compile("[-\u2013]")
#: Spaces allowed between two tokens of one expression (no line break, no punctuation):
#: ``gap_ok`` reads ``[ \t\u00a0]{0,3}`` spanning the whole gap (``_GAP``, its reference).
_GAP = re.compile(r"[ \t\u00a0]{0,3}")
_GAP_CHARS = " \t\u00a0"


def gap_ok(text: str, start: int, end: int) -> bool:
    """``_GAP.match(text, start, end)`` reaches ``end``: at most three spaces, tabs or
    no-break spaces fill ``text[start:end]``. Without the regex: asked about 400 times an
    article by the date grammar (``tests/test_timex_shortcuts.py`` compares)."""
    return end - start <= 3 and not text[start:end].strip(_GAP_CHARS)
#: The suffix of an ordinal day ("3rd", "21st").
_ORDINAL_SUFFIX = re.compile(r"(st|nd|rd|th)$")
_LOOKAHEAD = 12
_BACKSCAN = 16

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


class Token(NamedTuple):
    """A word, number or other character of the text (a named tuple: a text has thousands,
    and a frozen dataclass took a third of the tokenizer's time to build them)."""

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
    """The word tokens of ``text``; a hyphen between two words joins them (it is dropped).

    Built without a Python step per token (a text has thousands): one ``findall`` gives each
    token with the spaces before it, the offsets are the running sum of their lengths, and
    only the hyphens are then looked at one by one. ``tests/test_timex_starts.py`` holds it
    equal to the token loop it replaces (``tokens_loop``)."""
    pieces = _SPACED_TOKEN.findall(text, 0, len(text.rstrip()))
    offsets = list(accumulate(map(len, chain.from_iterable(pieces))))
    starts, raws = offsets[0::2], [raw for _gap, raw in pieces]
    toks = list(map(tuple.__new__, repeat(Token), zip(
        starts, offsets[1::2], raws, map(str.lower, raws), repeat(False))))
    if "-" not in text and "\u2013" not in text:
        return toks
    out: list[Token] = []
    copied, dropped = 0, -2  # toks[:copied] are in out; the last hyphen dropped
    for m in _HYPHEN.finditer(text):
        h = bisect_left(starts, m.start())  # a hyphen is a token of its own
        if h == 0 or h - 1 == dropped or toks[h - 1].end != toks[h].start:
            continue  # kept as a token
        out.extend(toks[copied:h])
        copied, dropped = h + 1, h
        if h + 1 < len(toks) and toks[h - 1].end + 1 == toks[h + 1].start:
            out.append(toks[h + 1]._replace(joined=True))
            copied = h + 2
    out.extend(toks[copied:])
    return out


def tokens_loop(text: str) -> list[Token]:
    """``tokens`` as a loop over the token matches: the reference it is tested against."""
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
        return gap_ok(self.text, prev.end, tok.start)

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
    if low.isdecimal():
        end, value = j + 1, float(int(low))
        if c.near(end) and c.low(end) == "1/2":
            return end + 1, value + 0.5
        return end, value
    if low in VAGUE_NUMBERS:
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
        if c.near(j + 1) and c.low(j + 1)[:1].isdecimal() and raw.isalpha() and len(raw) >= 3 \
                and raw[1:].islower():
            return j + 1, MONTH_ABBREVIATIONS[low]
    return None


def _weekday(c: _Cursor, j: int) -> tuple[int, int] | None:
    low = c.low(j)
    if low in WEEKDAYS:
        return j + 1, WEEKDAYS[low]
    if low in WEEKDAY_ABBREVIATIONS and c.raw(j)[:1].isupper() and c.raw(j + 1) == ".":
        return j + 2, WEEKDAY_ABBREVIATIONS[low]
    return None


def _day(c: _Cursor, j: int) -> int | None:
    low = _ORDINAL_SUFFIX.sub("", c.low(j))
    if low.isdecimal() and len(low) <= 2 and 1 <= int(low) <= 31:
        return int(low)
    return None


def _year(c: _Cursor, j: int, *, bare: bool = False) -> int | None:
    low = c.low(j)
    if len(low) == 4 and low.isdecimal():
        year = int(low)
        if (1900 if bare else 1000) <= year <= 2099:
            return year
    return None


_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
         "eighty": 80, "ninety": 90}
_DIGITS = {w: n for w, n in NUMBERS.items() if 1 <= n <= 9 and w not in ("a", "an")}


def _spelled_year(c: _Cursor, j: int) -> tuple[int, int] | None:
    """(end, year) of a year in words, as broadcasts write them: "nineteen ninety-seven",
    "nineteen eighty", "two thousand", "two thousand and one" (at most five tokens)."""
    low = c.low(j)
    if low in ("eighteen", "nineteen") and c.near(j + 1) and c.low(j + 1) in _TENS:
        year, end = (1800 if low == "eighteen" else 1900) + _TENS[c.low(j + 1)], j + 2
        if c.near(end) and c.toks[end].joined and c.low(end) in _DIGITS:
            year, end = year + _DIGITS[c.low(end)], end + 1
        return end, year
    if low == "two" and c.word(j + 1, "thousand") and c.near(j + 1):
        end = j + 2
        k = end + 1 if c.word(end, "and") else end
        if c.near(k) and c.low(k) in _DIGITS:
            return k + 1, 2000 + _DIGITS[c.low(k)]
        return end, 2000
    return None


def _comma(c: _Cursor, j: int) -> int:
    """``j + 1`` when token ``j`` is a comma right after the previous token, else ``j``."""
    return j + 1 if c.raw(j) == "," and c.toks[j].start == c.toks[j - 1].end else j


def _unit(c: _Cursor, j: int) -> str | None:
    return UNIT_FORMS.get(c.low(j)) if c.near(j) or j == c.at else None
