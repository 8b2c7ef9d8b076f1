"""Events: dated happenings with type, status, normalised dates, location and participants.

Event types form a small ontology; each maps to the nearest code of CAMEO (Conflict and
Mediation Event Observations, the coding scheme behind GDELT and ICEWS), given in
``EVENT_TYPES`` and in the data dictionary, so the records can be joined to event datasets.
"""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from newsgraph.models.base import (
    METHOD_FIELD,
    ActorId,
    ArticleId,
    Date,
    DatePrecision,
    EventId,
    EventMentionId,
    Mention,
    Method,
    NonEmptyStr,
    Offset,
    Record,
)

#: event_type -> (CAMEO code, CAMEO label, what the type covers).
EVENT_TYPES: dict[str, tuple[str, str, str]] = {
    "contract_signing": ("057", "Sign formal agreement", "a deal or contract signed"),
    "negotiation": ("046", "Engage in negotiation", "talks towards an agreement"),
    "meeting": ("040", "Consult", "a meeting, summit or call between parties"),
    "visit": ("042", "Make a visit", "an official visit"),
    "arms_delivery": ("062", "Cooperate militarily", "weapons or parts delivered"),
    "weapons_test": ("150", "Demonstrate military or police power", "a weapons system tested"),
    "deployment": ("150", "Demonstrate military or police power", "a system made operational"),
    "sanction": ("163", "Impose embargo, boycott, or sanctions", "sanctions imposed or threatened"),
    "suspension": ("160", "Reduce relations", "a party suspended from a programme or deal"),
    "demand": ("100", "Demand", "a demand or deadline set"),
    "warning": ("130", "Threaten", "a warning of consequences"),
    "appeal": ("020", "Make an appeal or request", "a call or letter urging action"),
    "statement": ("010", "Make statement", "a statement, interview or briefing on a stated day"),
    "military_operation": ("190", "Use conventional military force", "a military offensive"),
    "coup_attempt": ("180", "Use unconventional violence", "an attempted coup"),
    "rejection": ("120", "Reject", "a proposal or request refused"),
    "other": ("", "", "anything the types above do not cover"),
}

EventType = Literal[
    "contract_signing", "negotiation", "meeting", "visit", "arms_delivery", "weapons_test",
    "deployment", "sanction", "suspension", "demand", "warning", "appeal", "statement",
    "military_operation", "coup_attempt", "rejection", "other",
]
EventStatus = Literal[
    "occurred", "ongoing", "planned", "expected", "hypothetical", "cancelled", "denied"
]
#: How an event's date was obtained.
DateBasis = Literal["stated", "relative", "publication_date", "unknown"]
ParticipantRole = Literal["agent", "recipient", "target", "participant", "host", "source"]


class Event(Record):
    """A happening that sources report, deduplicated across articles, with a normalised date.

    ``date_start``..``date_end`` is the interval the date expression allows at
    ``date_precision`` (a month gives its first and last day); ``date_basis`` says whether the
    date was stated, resolved from a relative expression ('on Tuesday') against the article's
    publication date, or unknown, and ``date_article_id``/``date_char_*`` point at the words.
    """

    event_id: EventId = Field(description="Id derived from the event's type and key.")
    event_type: EventType = Field(description="Type from the ontology in EVENT_TYPES (CAMEO).")
    label: NonEmptyStr = Field(description="A one-line description of what happened.")
    status: EventStatus = Field(
        description="Factuality: occurred, ongoing, planned, expected, hypothetical, "
        "cancelled or denied, as the sources report it."
    )
    date_start: Date | None = Field(description="First day the date expression allows.")
    date_end: Date | None = Field(description="Last day the date expression allows.")
    date_precision: DatePrecision = Field(
        description="day, week, month, quarter, half, year or unknown."
    )
    date_basis: DateBasis = Field(
        description="'stated' (an absolute date in the text), 'relative' (resolved against the "
        "article's publication date), 'publication_date' (the article date as fallback), or "
        "'unknown'."
    )
    date_text: str | None = Field(description="The date expression as written, e.g. 'on Tuesday'.")
    date_article_id: ArticleId | None = Field(
        description="The article whose words gave the date (-> articles)."
    )
    date_char_start: Offset | None = Field(description="Start of date_text in that article.")
    date_char_end: Offset | None = Field(description="End of date_text in that article.")
    location: str | None = Field(description="Where it happened, as named, if stated.")
    method: Method = METHOD_FIELD


class EventMention(Mention):
    """One place where an article reports an event."""

    mention_id: EventMentionId = Field(description="Id derived from event, article and offsets.")
    event_id: EventId = Field(description="The event reported (-> events).")


class EventParticipant(Record):
    """An actor's part in an event (who acted, on whom, who hosted...)."""

    event_id: EventId = Field(description="The event (-> events).")
    actor_id: ActorId = Field(description="The participating actor (-> actors).")
    role: ParticipantRole = Field(
        description="agent (did it), recipient (received it), target (it was done against), "
        "participant, host or source (e.g. the supplier)."
    )
    method: Method = METHOD_FIELD
