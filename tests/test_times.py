"""The date grammar (``newsgraph.rules.times``) on made-up sentences, and its invariants.

Each case is a sentence, a publication date, the expression the grammar must find and the
TIMEX3 value it must give. The property tests hold for any text: every span slices the text,
every value is a TIMEX3 value, every interval is ordered, and the scan stays linear.
"""

from __future__ import annotations

import datetime as dt
import re
import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsgraph.rules.times import RULE, find_times, parse_publication_date
from newsgraph.rules.timex_values import value_interval
from tests.conftest import examples

NOV_27 = dt.date(2019, 11, 27)  # a Wednesday

CASES: list[tuple[str, dt.date | None, str, str, str]] = [
    # sentence, publication date, expression, type, value
    ("The two firms signed the deal Friday.", NOV_27, "Friday", "DATE", "2019-11-22"),
    ("The board will meet on Friday to vote.", NOV_27, "Friday", "DATE", "2019-11-29"),
    ("A fire broke out yesterday in the old mill.", NOV_27, "yesterday", "DATE", "2019-11-26"),
    ("Talks resume tomorrow.", NOV_27, "tomorrow", "DATE", "2019-11-28"),
    ("Sales fell last week.", NOV_27, "last week", "DATE", "2019-W47"),
    ("The plant opens next month.", NOV_27, "next month", "DATE", "2019-12"),
    ("Output rose this year.", NOV_27, "this year", "DATE", "2019"),
    ("The ferry ran on 3 December 2018.", NOV_27, "3 December 2018", "DATE", "2018-12-03"),
    ("The vote is on December 3.", NOV_27, "December 3", "DATE", "2019-12-03"),
    ("It was founded on Dec. 3, 2009.", NOV_27, "Dec. 3, 2009", "DATE", "2009-12-03"),
    ("Work starts in early 2020.", NOV_27, "early 2020", "DATE", "2020"),
    ("Profits doubled in the first half of next year.", NOV_27, "the first half of next year",
     "DATE", "2020-H1"),
    ("The line stays shut until April.", NOV_27, "April", "DATE", "2020-04"),
    ("Bids are due by March 20.", NOV_27, "March 20", "DATE", "2020-03-20"),
    ("Prices rose this month.", NOV_27, "this month", "DATE", "2019-11"),
    ("In nineteen ninety-one the mill was sold.", NOV_27, "nineteen ninety-one", "DATE",
     "1991"),
    ("It was a nineteen eighty attack.", NOV_27, "nineteen eighty", "DATE", "1980"),
    ("The mill closed in nineteen eighty.", NOV_27, "nineteen eighty", "DATE", "1980"),
    ("Sales of 2017 were flat; it forecast growth for the full year.", NOV_27,
     "the full year", "DATE", "2019"),
    ("The firm agreed to purchase the Danish unit of its rival for $22 million in February.",
     NOV_27, "February", "DATE", "2020-02"),
    ("It signed an agreement to acquire the Tulsa, Okla., parts maker in February.",
     NOV_27, "February", "DATE", "2020-02"),
    ("The mill closed this past summer.", NOV_27, "past summer", "DATE", "2019-SU"),
    ("Sales rose in the third quarter. Year-earlier results had a gain.", NOV_27,
     "Year-earlier", "DATE", "2018-Q3"),
    ("The mill closed last summer.", NOV_27, "last summer", "DATE", "2018-SU"),
    ("The mill closed in 1988.", NOV_27, "1988", "DATE", "1988"),
    ("Crowds came this summer.", NOV_27, "this summer", "DATE", "2019-SU"),
    ("Net income rose in the second quarter.", NOV_27, "the second quarter", "DATE", "2019-Q2"),
    ("The rule is effective Jan. 5.", NOV_27, "Jan. 5", "DATE", "2020-01-05"),
    ("The talks ended at 3 p.m. Tuesday.", NOV_27, "3 p.m. Tuesday", "TIME",
     "2019-11-26T15:00"),
    ("She spoke this morning.", NOV_27, "this morning", "TIME", "2019-11-27TMO"),
    ("The deal runs three years.", NOV_27, "three years", "DURATION", "P3Y"),
    ("The council meets every week.", NOV_27, "every week", "SET", "P1W"),
    ("The bridge opened a year ago.", NOV_27, "a year ago", "DATE", "2018"),
    ("Steel was king in the 1980s.", NOV_27, "the 1980s", "DATE", "198"),
    ("Prices are high now.", NOV_27, "now", "DATE", "PRESENT_REF"),
    ("Revenue rose in the third quarter, up from a year earlier.", NOV_27, "a year earlier",
     "DATE", "2018-Q3"),
    ("The firm was sold last April.", NOV_27, "last April", "DATE", "2019-04"),
    ("In May 2003, at a conference, she spoke.", NOV_27, "May 2003", "DATE", "2003-05"),
    # TimeML conventions (grammar@2): "the week" with no week named before stays open, a
    # stretch of months "a year earlier" is the year before, years in words, "ended"
    ("The port was busy during the week, officials said.", NOV_27, "the week", "DATE",
     "2019-WXX"),
    ("Sales rose in the third quarter; for the nine months, profit rose from a year "
     "earlier.", NOV_27, "a year earlier", "DATE", "2018"),
    ("For the nine months, profit rose from the year-earlier period.", NOV_27,
     "the year-earlier period", "DURATION", "P9M"),
    ("Profit for the first quarter of 2020 will beat the year-ago quarter.", NOV_27,
     "the year-ago quarter", "DATE", "2018-Q3"),
    ("The tower rose in the year two thousand.", NOV_27, "the year two thousand", "DATE",
     "2000"),
    ("The ferry sank in January nineteen ninety-seven.", NOV_27,
     "January nineteen ninety-seven", "DATE", "1997-01"),
    ("The frost came in the winter of nineteen eighty-two.", NOV_27,
     "the winter of nineteen eighty-two", "DATE", "1982-WI"),
    ("Profit in the quarter ended Sept. 30 fell.", NOV_27, "the quarter", "DATE", "2019-Q3"),
    ("Net rose in the year ended March 31.", NOV_27, "March 31", "DATE", "2019-03-31"),
    ("Net rose in the year ended March 31.", NOV_27, "the year", "DURATION", "P1Y"),
    ("The mine reopened two months after the flood.", NOV_27, "two months", "DURATION",
     "P2M"),
    ("Over the next couple of years the mill grows.", NOV_27, "the next couple of years",
     "DURATION", "P2Y"),
    ("Shares fell for eight trading days.", NOV_27, "eight trading days", "DURATION", "P8D"),
    ("It sees a fourth-quarter charge; in the latest quarter it lost money.", NOV_27,
     "the latest quarter", "DATE", "2019-Q3"),
    ("Profit rose in the third quarter from the corresponding period last year.", NOV_27,
     "the corresponding period last year", "DATE", "2018-Q3"),
    ("She moved there in May 2011 and the following year she married.", NOV_27,
     "the following year", "DATE", "2012"),
    ("The stock is to resume trading Tuesday.", NOV_27, "Tuesday", "DATE", "2019-12-03"),
    ("The guild is centuries old.", NOV_27, "centuries", "DURATION", "PXC"),
    ("The feud lasted a decade.", NOV_27, "a decade", "DURATION", "P1E"),
    ("The feud lasted two decades.", NOV_27, "two decades", "DURATION", "P20Y"),
    ("The audit took 1 1/2 minutes.", NOV_27, "1 1/2 minutes", "DURATION", "PT1M30S"),
    ("The slump lasted 1 1/2 quarters.", NOV_27, "1 1/2 quarters", "DURATION", "PXQ"),
    ("Prices doubled in the '00s.", NOV_27, "the '00s", "DATE", "200"),
    ("Prices doubled in the '80s.", NOV_27, "the '80s", "DATE", "198"),
    # no publication date: relative expressions stay unresolved, with their type
    ("The two firms signed the deal Friday.", None, "Friday", "DATE", "XXXX-WXX-5"),
    ("The vote is on December 3.", None, "December 3", "DATE", "XXXX-12-03"),
    ("Sales fell last week.", None, "last week", "DATE", "XXXX-WXX"),
    # "to" after agreed/offer is a preposition before a noun phrase: the tense scan goes on
    ("The board agreed to the merger Tuesday.", NOV_27, "Tuesday", "DATE", "2019-11-26"),
    ("The union agreed to the contract in February.", NOV_27, "February", "DATE", "2019-02"),
    # a full stop before a lower-case word ends a sentence unless it closes a short
    # capitalised abbreviation: the cue "will" of the first sentence does not reach on
    ("The plant will close. eBay bought it in February.", NOV_27, "February", "DATE",
     "2019-02"),
    # "the full year" before a stated year or period end is not the current year
    ("Sales for the full year 2018 rose 3%.", NOV_27, "2018", "DATE", "2018"),
]


@pytest.mark.parametrize(("sentence", "not_a_time"), [
    ("Nineteen twenty people were hurt.", "Nineteen twenty"),
    ("Police arrested nineteen sixty protesters on Friday.", "nineteen sixty"),
    ("The bus carried nineteen forty-year-old men.", "nineteen forty"),
    ("Profit for the full year of 1998 fell.", "the full year"),
    ("The fund fell in the full year ended June 30.", "the full year"),
])
def test_counts_and_stated_periods_are_not_other_years(sentence: str, not_a_time: str) -> None:
    assert not_a_time not in [t.text for t in find_times(sentence, NOV_27)]


@pytest.mark.parametrize(("sentence", "published", "words", "timex_type", "value"), CASES)
def test_expressions_news_writes(sentence: str, published: dt.date | None, words: str,
                                 timex_type: str, value: str) -> None:
    found = {t.text: t for t in find_times(sentence, published)}
    assert words in found, f"{words!r} not found in {sentence!r}: {sorted(found)}"
    assert (found[words].timex_type, found[words].value) == (timex_type, value)


@pytest.mark.parametrize("sentence", [
    "He was a junior partner.", "This margin is thin.", "You may leave now, she said.",
    "It may rain.", "The march began at noon.", "Prices rose 1.65 percent.",
    "About three-quarters of voters agreed.",
])
def test_words_that_are_not_dates(sentence: str) -> None:
    texts = [t.text.lower() for t in find_times(sentence, NOV_27)]
    assert not any(w in texts for w in ("jun", "mar", "may", "march", "1.65", "three-quarters",
                                        "quarters")), texts


def test_unresolved_without_a_publication_date() -> None:
    (friday,) = find_times("They met on Friday.", None)
    assert friday.time_basis == "unresolved" and friday.date_start is None
    (stated,) = find_times("They met on 5 May 2019.", None)
    assert stated.time_basis == "stated" and stated.date_start == dt.date(2019, 5, 5)


def test_an_interval_follows_its_value() -> None:
    (quarter,) = find_times("Sales in the third quarter of 2019 rose.", None)
    assert (quarter.date_start, quarter.date_end) == (dt.date(2019, 7, 1), dt.date(2019, 9, 30))
    assert quarter.precision == "quarter" and quarter.granularity == "quarter"
    assert value_interval(quarter.value) == (quarter.date_start, quarter.date_end)


def test_publication_dates_of_datelines_and_bylines() -> None:
    assert parse_publication_date("November 26, 2019") == dt.date(2019, 11, 26)
    assert parse_publication_date("16:02 27.11.2019") == dt.date(2019, 11, 27)
    assert parse_publication_date("By Rachel Lin | April 21, 2025") == dt.date(2025, 4, 21)
    assert parse_publication_date("2019-11-26T08:00") == dt.date(2019, 11, 26)
    assert parse_publication_date("November 2019") is None  # no day
    assert RULE == "rule:times.grammar@4"


_VALUE = re.compile(
    r"(?:\d{4}|X{4})(?:-(?:\d{2}|XX)(?:-(?:\d{2}|XX))?|-W(?:\d{2}|XX)(?:-(?:\d|WE))?"
    r"|-[QH][\dX]|-(?:SP|SU|FA|WI))?(?:T(?:\d{2}:\d{2}|MO|AF|EV|NI))?"
    r"|\d{2,3}|PRESENT_REF|PAST_REF|FUTURE_REF|PT?(?:\d+|X)(?:[YMWDHS]|Q|DE|CE|WE)"
    r"(?:\d+[YMWDHS])?|P\d*[YMWD]?T\d+[HM]|XXXX-WXX-\d(?:T\w+)?")

_WORDS = st.sampled_from(
    "the a on in by last next this early late mid Friday friday May may March Dec. Sept. 3 "
    "30 2019 1988 1980s '80s quarter third first half year years month week ago earlier "
    "every each yesterday today tomorrow morning night 3 p.m. noon , . - said will signed "
    "summer fiscal of two three-year 12/03/2019 27.11.2019 2019-11-26 now recently".split())


@settings(max_examples=examples(300), deadline=None)
@given(words=st.lists(_WORDS, max_size=40), seps=st.lists(st.sampled_from([" ", "  ", "\n",
                                                                          "-", ""]),
                                                          min_size=40, max_size=40),
       published=st.one_of(st.none(), st.dates(dt.date(1900, 1, 1), dt.date(2100, 12, 31))))
def test_invariants_on_any_text(words: list[str], seps: list[str],
                                published: dt.date | None) -> None:
    text = "".join(w + s for w, s in zip(words, seps, strict=False))
    found = find_times(text, published)
    assert [t.char_start for t in found] == sorted(t.char_start for t in found)
    for t in found:
        assert text[t.char_start:t.char_end] == t.text and t.text
        assert _VALUE.fullmatch(t.value), t.value
        assert t.timex_type in ("DATE", "TIME", "DURATION", "SET")
        if t.date_start is not None and t.date_end is not None:
            assert t.date_start <= t.date_end
        if published is None:
            assert t.time_basis in ("stated", "unresolved", "other_expression")
    assert find_times(text, published) == found  # the same input, the same output


@pytest.mark.serial
def test_linear_time_on_a_long_line() -> None:
    """Twice the text takes about twice as long (an earlier grammar took minutes here)."""
    unit = "Kowalski said on Tuesday that the May talks in 2019 would go on every week. "

    def cost(n: int) -> float:
        started = time.process_time()  # this process's CPU: other processes' load does not count
        find_times(unit * n, NOV_27)
        return time.process_time() - started

    small, large = cost(400), cost(1600)
    assert large < 8 * small + 0.5, (small, large)


#: Characters that ``str.isdigit`` accepts and ``int`` refuses: superscripts, circled and
#: parenthesised numbers ("5 km²", "①"). A digit test of the grammar that let them through
#: crashed the whole build on an article that wrote an area in square kilometres.
_DIGIT_LIKE = [chr(c) for c in range(0x110000) if chr(c).isdigit() and not chr(c).isdecimal()]


@pytest.mark.parametrize("shape", ["on {c} May 2019", "{c}{c}/{c}/2019", "in {c}{c}{c}{c}",
                                   "the {c}s", "the {c}{c}th of May", "5 km {c} in size",
                                   "{c} years ago", "at {c}:30 p.m."])
def test_digit_like_characters_are_not_numbers(shape: str) -> None:
    assert len(_DIGIT_LIKE) > 100
    for c in _DIGIT_LIKE:
        found = find_times(shape.format(c=c), NOV_27)
        assert all(c not in t.text for t in found), (c, shape, found)
