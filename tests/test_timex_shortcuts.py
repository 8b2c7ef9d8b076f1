"""The date grammar's shortcuts find what the grammar without them finds.

The tokenizer: ``timex_tokens.tokens`` (one ``findall`` and running sums) gives the tokens of
the loop it replaced (``tokens_loop``), on any text.

The first-word shortcut (``timex_starts``):
``timex_parse._core`` tries only the recognisers that can start with a token's first word;
``_core_reference`` below is the grammar as it was, trying all eight at every start (and
``scan`` tries every "the", not only those before a word ``_modified`` reads on from). The
property: on any text made of the grammar's own words (every calendar word, in any case,
with numbers, punctuation and other words between), the scan with the shortcut and the
scan with the reference give the same expressions with the same values.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from unittest import mock

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsgraph.rules import timewords, timex_parse, timex_starts, timex_tokens
from newsgraph.rules.times import TimeExpr, find_times
from newsgraph.rules.timex_parse import (
    _bare_month,
    _calendar_date,
    _Cursor,
    _days_and_times,
    _decades,
    _numeric_date,
    _periods,
    _references,
    _year_alone,
)
from newsgraph.rules.timex_tokens import Frame
from tests.conftest import examples


def _core_reference(c: _Cursor, j: int, before: str) -> tuple[int, Frame] | None:
    """``_core`` before the shortcut: every recogniser at every start."""
    best: tuple[int, Frame] | None = None
    for hit in (_numeric_date(c, j), _calendar_date(c, j), _days_and_times(c, j),
                _periods(c, j, before), _decades(c, j), _references(c, j),
                _bare_month(c, j, before), _year_alone(c, j, before)):
        if hit is not None and (best is None or hit[0] > best[0]):
            best = hit
    return best


def _vocabulary() -> list[str]:
    words: set[str] = set(timex_parse._STARTERS)
    for name in ("MONTHS", "MONTH_ABBREVIATIONS", "WEEKDAYS", "WEEKDAY_ABBREVIATIONS",
                 "UNIT_FORMS", "NUMBERS", "ORDINALS", "SEASONS", "DAY_PARTS", "REFERENCES",
                 "VAGUE_NUMBERS"):
        words |= set(getattr(timewords, name))
    for name in dir(timex_starts):  # (a word missing from these is one of the next lines)
        value = getattr(timex_starts, name)
        if isinstance(value, frozenset):
            words |= value
    for phrase in (*timex_tokens._APPROX, *timex_tokens._BOUNDARY, *timex_tokens._REF_PHRASES):
        words |= set(phrase)
    words |= {"ago", "earlier", "later", "before", "after", "back", "hence", "than", "or",
              "so", "to", "of", "and", "on", "at", "ended", "ending", "year-ago", "period",
              "percent", "million", "people", "votes", "$", "%", "#", "'", "\u2019", ".", ",",
              ";", "(", ")", "-", "\u2013", "a.m.", "p.m.", "am", "pm", "est", "gmt", "s",
              "3", "12", "31", "45", "1988", "2019", "1000", "1990s", "80s", "00s", "3rd",
              "21st", "20th", "1/2", "9:30", "16:02", "1.65", "12/03/2019", "27.11.2019",
              "11", "26", "said", "will", "is", "the", "minister", "Kowalski", "Okla", "full",
              "latest", "same", "comparable", "corresponding", "fiscal", "couple", "past",
              "future", "time", "being", "quarter", "weekend", "century", "decades"}
    return sorted(words)


_WORD = st.sampled_from(_vocabulary())
_CASE = st.sampled_from([str.lower, str.capitalize, str.upper])
_SEP = st.sampled_from([" ", " ", " ", "  ", "\n", "-", "", ", ", ". "])


def reference_times(text: str, published: dt.date | None) -> list[TimeExpr]:
    """``find_times`` with the reference ``_core``, and every "the" tried."""
    with mock.patch.object(timex_parse, "_core", _core_reference), \
            mock.patch.object(timex_parse, "_the_alone", lambda _toks, _i: False):
        return find_times(text, published)


@settings(max_examples=examples(1500), deadline=None)
@given(parts=st.lists(st.tuples(_WORD, _CASE, _SEP), max_size=30),
       published=st.one_of(st.none(), st.just(dt.date(2019, 11, 27))))
def test_the_shortcut_finds_what_the_full_grammar_finds(
        parts: list[tuple[str, Callable[[str], str], str]], published: dt.date | None) -> None:
    text = "".join(case(word) + sep for word, case, sep in parts)
    assert find_times(text, published) == reference_times(text, published)


@pytest.mark.parametrize("text", [
    "the 1980s", "the mid-1990s", "the '80s", "the past", "the time being", "the full year",
    "the third quarter", "the year two thousand", "the week", "the next two years",
    "the 1989 period", "the year-ago quarter", "a year ago", "an hour", "that year",
    "nineteen eighty", "Friday", "this morning", "the fall", "the same period last year",
    "the end of 2019", "the beginning of the year", "the start of March", "the middle of May",
    "the close of trading Friday", "the early 1980s",
    "the late 1990s", "the mid-1990s", "the 20th century", "the '80s"])
def test_the_shortcut_on_expressions_that_start_with_a_word(text: str) -> None:
    sentence = f"It happened in {text}."
    found = find_times(sentence, dt.date(2019, 11, 27))
    assert found and found == reference_times(sentence, dt.date(2019, 11, 27))


def _lines(chunks: list[str]) -> str:
    """One text of many short chunks, a line each: a line break ends any expression, so each
    chunk is read as if alone, and one scan compares them all."""
    return "\n".join(chunks) + "\n"


def test_every_pair_of_the_grammar_words() -> None:
    words = _vocabulary()
    chunks = [f"{a.capitalize()} {b.capitalize()}" for a in words for b in words]
    chunks += [f"{a}-{b}" for a in words for b in words]
    text = _lines(chunks)
    assert find_times(text, None) == reference_times(text, None)


def test_every_triple_that_starts_with_the() -> None:
    words = _vocabulary()
    text = _lines([f"the {b} {c}" for b in words for c in words])
    assert find_times(text, None) == reference_times(text, None)


@settings(max_examples=examples(1500), deadline=None)
@given(parts=st.lists(st.sampled_from(["a", "B", "é", "3", "0", "1st", "s", "th", ":", ".",
                                       "/", "-", "\u2013", "--", " ", "  ", "\t", "\n",
                                       "\u00a0", "\u2009", "\x1c", "\u3000", "_", "'",
                                       "\u2019", ",", "²", "٣", "x²", "mid-1990s",
                                       "third-quarter", "9:30", "12/03/2019", "$"]),
                      max_size=40))
def test_tokens_are_the_token_loop(parts: list[str]) -> None:
    text = "".join(parts)
    assert timex_tokens.tokens(text) == timex_tokens.tokens_loop(text)


@given(text=st.text(max_size=80))
def test_tokens_are_the_token_loop_on_any_text(text: str) -> None:
    assert timex_tokens.tokens(text) == timex_tokens.tokens_loop(text)


@settings(max_examples=examples(300), deadline=None)
@given(parts=st.lists(st.tuples(_WORD, _CASE, _SEP), max_size=30))
def test_the_starts_are_the_tokens_the_scan_loop_tried(
        parts: list[tuple[str, Callable[[str], str], str]]) -> None:
    """``scan`` visits ``_starts``: the tokens its loop over every token tried (a number is
    a token that opens with a decimal digit: a lone "²" is not one, see test_times)."""
    toks = timex_tokens.tokens("".join(case(word) + sep for word, case, sep in parts) + " ²")
    assert timex_parse._starts(toks) == [
        i for i, t in enumerate(toks) if t.low in timex_parse._STARTERS or t.low[:1].isdecimal()]


@settings(max_examples=examples(1000), deadline=None)
@given(text=st.text(alphabet=" \t\u00a0\n\r\u2009x.,-", max_size=8), data=st.data())
def test_the_gap_test_is_the_gap_regex(text: str, data: st.DataObject) -> None:
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    gap = timex_tokens._GAP.match(text, start, end)
    assert timex_tokens.gap_ok(text, start, end) is (gap is not None and gap.end() == end)


@pytest.mark.parametrize("gap", ["", " ", "\t\u00a0 ", "    ", " \n", "\u2009", " x "])
def test_the_gap_test_on_the_edges(gap: str) -> None:
    text = f"9{gap}am"
    reference = timex_tokens._GAP.match(text, 1, 1 + len(gap))
    assert timex_tokens.gap_ok(text, 1, 1 + len(gap)) is (
        reference is not None and reference.end() == 1 + len(gap))
