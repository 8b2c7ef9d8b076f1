"""Quotes: what was said (canonical, across articles) and where each article reports it."""

from __future__ import annotations

from pydantic import Field

from newsgraph.models.base import (
    METHOD_FIELD,
    ActorId,
    Mention,
    Method,
    NonEmptyStr,
    QuoteId,
    QuoteMentionId,
    QuoteType,
    Record,
)


class Quote(Record):
    """An utterance reported in quotation marks, deduplicated across articles.

    One quote is one contiguous quoted segment; a quote interrupted by "X said" is two quotes
    by the same speaker. Headlines, scare quotes and titles in quotation marks are not quotes.
    """

    quote_id: QuoteId = Field(description="Id derived from the normalised text and speaker.")
    text: NonEmptyStr = Field(description="The utterance: the characters between the marks.")
    speaker_id: ActorId | None = Field(
        description="Who said it (-> actors); null when the speaker is unnamed."
    )
    speaker_text: str | None = Field(
        description="The speaker as described when unnamed, e.g. 'a senior official'."
    )
    quote_type: QuoteType = Field(
        description="'direct' for a full quoted sentence or clause, 'partial' for a quoted "
        "fragment inside the reporter's own sentence."
    )
    method: Method = METHOD_FIELD


class QuoteMention(Mention):
    """One place where an article reports a quote; ``text`` excludes the quotation marks."""

    mention_id: QuoteMentionId = Field(description="Id derived from quote, article and offsets.")
    quote_id: QuoteId = Field(description="The quote reported (-> quotes).")
    quote_type: QuoteType = Field(description="'direct' or 'partial', as in this article.")
    cue: str | None = Field(
        description="The reporting verb or phrase, e.g. 'said', 'told', 'cited ... as saying'."
    )
    speaker_text: str | None = Field(
        description="The speaker as written in this article, e.g. 'Mr Mikheev' or 'he'."
    )
    intermediary_id: ActorId | None = Field(
        description="The agency or outlet that relayed the words (-> actors), e.g. RIA in "
        "'RIA cited Mikheev as saying'; null if none is named."
    )
    intermediary_text: str | None = Field(description="The intermediary as written.")
