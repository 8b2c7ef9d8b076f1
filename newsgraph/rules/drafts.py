"""Draft records: what per-article extraction produces, before ids are assigned.

Drafts refer to actors by canonical name; ``assemble`` links them across articles, derives the
content ids and turns them into validated table rows. Keeping ids out of extraction lets the
cross-article stage merge "Erdogan" into "Recep Tayyip Erdogan" without rewriting ids.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from newsgraph.models.actor import MentionForm, WikidataVerification
from newsgraph.models.article import LanguageBasis, MetadataBasis
from newsgraph.models.base import ActorKind, DatePrecision, QuoteType
from newsgraph.models.claim import Modality, Polarity, Reporting
from newsgraph.models.event import EventStatus, EventType, ParticipantRole
from newsgraph.rules.segment import Segment
from newsgraph.rules.sources import Source
from newsgraph.rules.times import TimeExpr


@dataclass
class ActorDraft:
    name: str
    kind: ActorKind
    aliases: set[str] = field(default_factory=set)
    description: str | None = None
    wikidata_id: str | None = None
    wikidata_verification: WikidataVerification | None = None
    wikidata_evidence: str | None = None
    #: The rule (its constant) or "curated": no default, so every maker says which it is.
    method: str = field(kw_only=True)


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    text: str


@dataclass
class ActorMentionDraft:
    actor: str
    span: Span
    form: MentionForm
    method: str
    confidence: float


@dataclass
class RoleDraft:
    actor: str
    role: str
    organization: str | None
    span: Span
    method: str


@dataclass
class QuoteDraft:
    span: Span
    quote_type: QuoteType
    cue: str | None
    speaker: str | None
    speaker_text: str | None
    intermediary: str | None
    intermediary_text: str | None
    method: str
    confidence: float


@dataclass
class ClaimDraft:
    span: Span
    proposition: str
    claimant: str | None
    claimant_text: str | None
    modality: Modality
    polarity: Polarity
    reporting: Reporting
    cue: str | None
    intermediary: str | None
    quote_index: int | None
    method: str
    confidence: float


@dataclass
class EventDraft:
    key: str
    event_type: EventType
    label: str
    status: EventStatus
    date: TimeExpr | None
    location: str | None
    participants: list[tuple[str, ParticipantRole]]
    spans: list[Span]
    method: str
    confidence: float
    #: Actor mentions the event brings (demonyms: "Turkish troops" -> Turkey), with their
    #: actors; they join the article's actors after curated annotations (``add_event_actors``).
    actor_mentions: list[tuple[ActorMentionDraft, ActorDraft]] = field(default_factory=list)


@dataclass
class ArticleMeta:
    title: str | None = None
    publisher: str | None = None
    original_publisher: str | None = None
    publisher_basis: MetadataBasis = "none"
    agencies: list[str] = field(default_factory=list)
    authors: list[str] = field(default_factory=list)
    published: dt.date | None = None
    published_precision: DatePrecision = "unknown"
    published_basis: MetadataBasis = "none"
    url: str | None = None
    language: str = "en"
    language_basis: LanguageBasis = "none"
    note: str | None = None
    #: ``metadata.RULE`` or "curated" (no default: the maker says which).
    method: str = field(kw_only=True)


@dataclass
class ArticleDraft:
    source: Source
    meta: ArticleMeta
    segments: list[Segment]
    actors: dict[str, ActorDraft] = field(default_factory=dict)
    actor_mentions: list[ActorMentionDraft] = field(default_factory=list)
    roles: list[RoleDraft] = field(default_factory=list)
    quotes: list[QuoteDraft] = field(default_factory=list)
    not_quotes: list[tuple[Span, str]] = field(default_factory=list)
    claims: list[ClaimDraft] = field(default_factory=list)
    events: list[EventDraft] = field(default_factory=list)
    #: Every temporal expression outside boilerplate, in text order (``times``).
    times: list[TimeExpr] = field(default_factory=list)
    #: The attribution resolver the quotes stage built, kept for the claims stage while the
    #: actors stay as they were (the curated stage drops it). A cache of a pure function of
    #: the draft: never compared, never pickled into a spill file.
    resolver: object | None = field(default=None, repr=False, compare=False)

    def __getstate__(self) -> dict[str, object]:
        state = dict(self.__dict__)
        state["resolver"] = None
        return state
