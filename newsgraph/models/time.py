"""Time mentions: every temporal expression of an article, normalised the TimeML way.

One row per expression ("Friday", "the third quarter", "three years", "every week"), with its
TIMEX3 type and value resolved against the article's publication date (as TimeML resolves
against the document creation time), the interval of days the value allows, and how it was
resolved. An event's date (``events.date_*``) is one of its article's time mentions.
"""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from newsgraph.models.base import Date, DatePrecision, Mention, NonEmptyStr, TimeMentionId

TimexType = Literal["DATE", "TIME", "DURATION", "SET"]
#: How a value was resolved: stated in full, relative to the publication date, relative to
#: an earlier expression of the article ("a year earlier"), or not at all (no date known).
TimeBasis = Literal["stated", "publication_date", "other_expression", "unresolved"]
Granularity = Literal["time", "day", "week", "month", "season", "quarter", "half", "year",
                      "decade", "century", "none"]


class TimeMention(Mention):
    """One temporal expression in an article, with its TIMEX3 value and interval."""

    mention_id: TimeMentionId = Field(description="Id derived from article and offsets.")
    timex_type: TimexType = Field(
        description="TIMEX3 type: DATE (a day or a longer period, or a reference such as "
        "'now'), TIME (a time of day), DURATION ('three years') or SET ('every week')."
    )
    value: NonEmptyStr = Field(
        description="TIMEX3 value: '2019-11-26', '2019-11', '2019-W48', '2019-Q3', '2020-H1', "
        "'2019-SU', '198' (the 1980s), 'PRESENT_REF', 'PAST_REF', 'FUTURE_REF', 'P3Y', "
        "'2019-11-26T15:00'; X's where unknown ('XXXX-XX-XX', 'XXXX-04', 'PXY')."
    )
    date_start: Date | None = Field(
        description="First day the value allows (null for durations, sets, unresolved values "
        "and PAST_REF)."
    )
    date_end: Date | None = Field(
        description="Last day the value allows (null for durations, sets, unresolved values "
        "and FUTURE_REF)."
    )
    precision: DatePrecision = Field(
        description="The interval's precision: day, week, month, quarter, half, year, or "
        "unknown (no interval, or a season, decade or century: see granularity)."
    )
    granularity: Granularity = Field(
        description="How fine the value is: time, day, week, month, season, quarter, half, "
        "year, decade, century, or none (durations, sets, references)."
    )
    basis: TimeBasis = Field(
        description="'stated' (complete as written), 'publication_date' (relative, resolved "
        "against the article's publication date), 'other_expression' (relative to an earlier "
        "time mention of the article: 'a year earlier'), 'unresolved' (relative, and the "
        "article has no publication date)."
    )
