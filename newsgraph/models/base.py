"""Shared building blocks of every record type: the base model, ids, spans, provenance, dates.

Each table's full definition lives in its own module (``article``, ``actor``, ``quote``,
``claim``, ``event``, ``relation``); this module holds only what they share, so that a field
name means the same type and the same thing in every table.

The models say exactly what the exported JSON Schema says and nothing more: a rule that JSON
Schema cannot express (a span's end after its start, a span slicing its article) is checked
at package level by ``newsgraph.package.validate``, so pydantic and JSON Schema always agree on a row.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

from annotated_types import Ge, Le
from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, StringConstraints

from newsgraph.models.calendar_dates import calendar_date
from newsgraph.models.ids import id_pattern, whole_string


class Record(BaseModel):
    """Base of every table row: closed (unknown fields are errors), strict, immutable.

    Strict mode keeps pydantic and the exported JSON Schema in agreement: lax mode would accept
    ``"1"`` for an integer, which JSON Schema rejects.
    """

    model_config = ConfigDict(extra="forbid", strict=True, frozen=True, regex_engine="python-re")


def _id(kind: str) -> StringConstraints:
    return StringConstraints(pattern=id_pattern(kind))


ArticleId = Annotated[str, _id("article")]
SegmentId = Annotated[str, _id("segment")]
ArticleDuplicateId = Annotated[str, _id("article_duplicate")]
ActorId = Annotated[str, _id("actor")]
ActorMentionId = Annotated[str, _id("actor_mention")]
ActorRoleId = Annotated[str, _id("actor_role")]
QuoteId = Annotated[str, _id("quote")]
QuoteMentionId = Annotated[str, _id("quote_mention")]
ClaimId = Annotated[str, _id("claim")]
ClaimMentionId = Annotated[str, _id("claim_mention")]
EventId = Annotated[str, _id("event")]
EventMentionId = Annotated[str, _id("event_mention")]
TimeMentionId = Annotated[str, _id("time_mention")]

NonEmptyStr = Annotated[str, StringConstraints(min_length=1)]



def _integral_float_to_int(value: object) -> object:
    """JSON Schema's ``integer`` accepts ``1.0`` (draft 2020-12); so do we, as the int 1."""
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


def _iso_date_only(value: object) -> object:
    """Strict pydantic reads ``"0"`` as a Unix timestamp; a date must be ``YYYY-MM-DD``."""
    if isinstance(value, str):
        return calendar_date(value)  # ValueError for "2019-W01" and for 2019-02-30
    return value


#: Parquet stores integers as int64.
INT64_MAX = 2**63 - 1
#: An integer that JSON Schema and pydantic judge alike (1.0 is 1; "1" is an error).
Int = Annotated[int, Le(INT64_MAX), BeforeValidator(_integral_float_to_int)]
#: A calendar date, as an ISO ``YYYY-MM-DD`` string in JSON.
Date = Annotated[dt.date, BeforeValidator(_iso_date_only)]
Offset = Annotated[int, Ge(0), Le(INT64_MAX), BeforeValidator(_integral_float_to_int)]

#: How a record was made: ``curated`` (a person, in an annotation file) or ``rule:<name>@<v>``.
METHOD_PATTERN = whole_string(r"curated|rule:[a-z0-9_.]+@[0-9]+")
Method = Annotated[str, StringConstraints(pattern=METHOD_PATTERN)]
Confidence = Annotated[float, Ge(0.0), Le(1.0)]

DatePrecision = Literal["day", "week", "month", "quarter", "half", "year", "unknown"]
ActorKind = Literal["person", "organization", "country", "group", "media"]
QuoteType = Literal["direct", "partial"]

METHOD_FIELD = Field(
    description="How this record was made: 'curated' (from an annotation file) or "
    "'rule:<rule name>@<rule version>' for automatic extraction."
)
CONFIDENCE_FIELD = Field(
    description="How sure the method is, from 0 to 1; curated records are 1.0, rules state their "
    "own calibrated value."
)
ARTICLE_FIELD = Field(description="The source article the span is in (-> articles.article_id).")
CHAR_START_FIELD = Field(
    description="Start of the span in articles.text, in Unicode code points, inclusive."
)
CHAR_END_FIELD = Field(
    description="End of the span in articles.text, in Unicode code points, exclusive; "
    "articles.text[char_start:char_end] == text."
)


class Mention(Record):
    """A place in a source article that attests a record (the shared shape of provenance rows).

    Offsets count Unicode code points of the verbatim article text (not bytes, not UTF-16
    units), so Python slicing, DuckDB ``substring`` and pyarrow compute agree.
    """

    article_id: ArticleId = ARTICLE_FIELD
    char_start: Offset = CHAR_START_FIELD
    char_end: Offset = CHAR_END_FIELD
    text: NonEmptyStr = Field(description="The characters of the article between the offsets.")
    confidence: Confidence = CONFIDENCE_FIELD
    method: Method = METHOD_FIELD


__all__ = [
    "ARTICLE_FIELD",
    "CHAR_END_FIELD",
    "CHAR_START_FIELD",
    "CONFIDENCE_FIELD",
    "METHOD_FIELD",
    "ActorId",
    "ActorKind",
    "ActorMentionId",
    "ActorRoleId",
    "ArticleId",
    "ClaimId",
    "ClaimMentionId",
    "Confidence",
    "Date",
    "DatePrecision",
    "EventId",
    "EventMentionId",
    "Int",
    "Mention",
    "Method",
    "NonEmptyStr",
    "Offset",
    "QuoteId",
    "QuoteMentionId",
    "QuoteType",
    "Record",
    "SegmentId",
    "TimeMentionId",
]
