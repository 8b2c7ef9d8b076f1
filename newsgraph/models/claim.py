"""Claims: propositions that an actor asserts, denies, predicts, intends, demands or warns."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from newsgraph.models.base import (
    METHOD_FIELD,
    ActorId,
    ClaimId,
    ClaimMentionId,
    EventId,
    Mention,
    Method,
    NonEmptyStr,
    QuoteId,
    Record,
)

Modality = Literal[
    "assertion", "denial", "prediction", "intention", "hope", "demand", "warning", "evaluation"
]
Polarity = Literal["positive", "negative"]
Reporting = Literal["direct", "indirect"]


class Claim(Record):
    """A proposition reported as someone's, deduplicated across articles."""

    claim_id: ClaimId = Field(description="Id derived from claimant and normalised proposition.")
    claimant_id: ActorId | None = Field(
        description="Who makes the claim (-> actors); null when unnamed."
    )
    claimant_text: str | None = Field(description="The claimant as described when unnamed.")
    text: NonEmptyStr = Field(description="The proposition, as the source words it.")
    modality: Modality = Field(
        description="assertion, denial, prediction, intention, hope, demand, warning or "
        "evaluation."
    )
    polarity: Polarity = Field(description="'negative' when the proposition is negated.")
    evidence_quote_ids: list[QuoteId] = Field(
        description="Quotes that carry the claim in the speaker's own words (-> quotes)."
    )
    event_ids: list[EventId] = Field(description="Events the claim is about (-> events).")
    method: Method = METHOD_FIELD


class ClaimMention(Mention):
    """One place where an article reports a claim (directly quoted or paraphrased)."""

    mention_id: ClaimMentionId = Field(description="Id derived from claim, article and offsets.")
    claim_id: ClaimId = Field(description="The claim reported (-> claims).")
    reporting: Reporting = Field(
        description="'direct' when the span is a quotation, 'indirect' when paraphrased."
    )
    cue: str | None = Field(description="The reporting verb, e.g. 'said', 'warned'.")
    intermediary_id: ActorId | None = Field(
        description="The agency or outlet that relayed the claim (-> actors), if named."
    )
