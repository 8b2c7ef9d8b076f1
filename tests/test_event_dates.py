"""An event's date is the time mention of its clause, else the publication date, else none.

Made-up articles; the events stage (``rules/events.py``) picks among the article's time
mentions (``rules/times.py``), so the event's ``date_*`` are always one mention's.
"""

from __future__ import annotations

import datetime as dt

from newsgraph.rules.events import find_events
from newsgraph.rules.times import find_article_times
from tests.rules_helpers import article, extract

PUBLISHED = dt.date(2019, 11, 27)


def _events(body: str, published: dt.date | None = PUBLISHED):  # type: ignore[no-untyped-def]
    draft = extract(article(body))
    draft.meta.published = published
    find_article_times(draft)
    find_events(draft, published)
    return draft


def test_the_date_of_the_clause_after_a_preposition() -> None:
    draft = _events("Ankara and Moscow signed the contract on Friday, and the talks resume "
                    "in 2021.")
    (event,) = draft.events
    assert event.date is not None and event.date.text == "Friday"
    assert event.date.date_start == dt.date(2019, 11, 22)
    assert event.date in draft.times  # the same expression the time_mentions table carries


def test_a_day_not_the_month() -> None:
    draft = _events("The ministry demanded a reply from the contractor by March 20.")
    (event,) = draft.events
    assert event.date is not None and event.date.text == "March 20"
    assert (event.date.date_start, event.date.date_end) == (dt.date(2020, 3, 20),) * 2


def test_else_the_publication_date_else_none() -> None:
    (event,) = _events("The two governments signed the contract in the capital.").events
    assert event.date is not None and event.date.basis == "publication_date"
    assert event.date.date_start == PUBLISHED and event.date.text == ""
    (undated,) = _events("The two governments signed the contract in the capital.",
                         None).events
    assert undated.date is None


def test_a_sentence_without_a_date_keeps_the_story_time() -> None:
    draft = _events("The brewer's sales fell 4% in the third quarter. Its profit rose to "
                    "two million dollars.")
    first, second = draft.events
    assert first.date is not None and first.date.text == "the third quarter"
    assert second.date is first.date


def test_not_the_base_of_a_comparison_and_a_period_end_is_no_event() -> None:
    draft = _events("The jobless rate fell to 4 percent last month from 5 percent in May.")
    assert draft.events[0].date is not None and draft.events[0].date.text == "last month"
    draft = _events("For the year ended Sept. 30, the brewer earned two million dollars.")
    assert [e.event_type for e in draft.events] == ["economic_release"]  # "ended": no event


def test_a_comparison_is_an_event_of_its_own_and_keeps_its_time() -> None:
    draft = _events("The brewer reported a loss in the third quarter, compared with a profit "
                    "a year earlier.")
    loss, profit = draft.events
    assert loss.date is not None and loss.date.text == "the third quarter"
    assert profit.date is not None and profit.date.text == "a year earlier"


def test_a_possessive_year_dates_the_noun_it_owns() -> None:
    (event,) = _events("Last year's sales of the brewer fell by a third.").events
    assert event.date is not None and event.date.text == "Last year"
    assert event.date.date_start == dt.date(2018, 1, 1)


def test_dated_events_without_participants_are_not_one_event() -> None:
    """Two bombings on the same Friday, nobody named: nothing says they are one event, so
    their keys (which merge reports across articles) stay apart."""
    draft = _events("A car bomb exploded near the market on Friday morning. "
                    "A second bomb exploded at the port on Friday.")
    bombings = [e for e in draft.events if not e.participants]
    assert len(bombings) == 2 and bombings[0].date is not None
    assert bombings[0].key != bombings[1].key


def test_a_maturity_is_no_event_date() -> None:
    draft = _events("Ankara signed a contract for $40 million of 7% bonds due "
                    "Nov. 1, 2031.")
    dated = [e for e in draft.events if e.date is not None]
    assert dated and all(e.date.text != "Nov. 1, 2031" for e in dated)  # type: ignore[union-attr]


def test_not_the_time_of_a_fronted_subordinate_clause() -> None:
    draft = _events("Although the talks stalled in May, Ankara and Moscow signed the contract "
                    "for the fourth quarter.")
    (event,) = draft.events
    assert event.date is not None and event.date.text == "the fourth quarter"


def test_a_day_that_ends_a_period_does_not_date_the_event() -> None:
    draft = _events("The fund has fallen 2% this year through Oct. 19.")
    (event,) = draft.events
    assert event.date is not None and event.date.text == "this year"


def test_a_time_before_that_dates_the_verb_before_it() -> None:
    draft = _events("The chairman will recommend to the board today that the dividend be "
                    "reinstated at a modest level later this year.")
    dates = {e.date.text for e in draft.events if e.date is not None}
    assert "today" not in dates and "later this year" in dates


def test_a_cleft_time_dates_the_event_after_that() -> None:
    draft = _events("It was in 2017 that Turkey signed the contract for delivery in 2019.")
    (event,) = draft.events
    assert event.date is not None and event.date.text == "2017"
