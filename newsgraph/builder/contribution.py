"""What one article adds to the corpus-wide registries of ``Assembler``, as plain data.

``article_rows.assemble_article`` turns an article's draft into its provenance rows and a
``Contribution``: the actor names it uses and the ids they resolved to (the assumptions its
rows were made under), the first position of every record it mentions, the surface forms of
its actors, and its candidates for the quote, claim and event records. ``Assembler.apply``
replays a contribution into the registries at the article's position in the corpus, so an
article assembled in an earlier build (its rows and contribution kept by the build cache,
``builder/cache/rows.py``) adds exactly what assembling it again would, while every name it uses
still resolves to the same actor (``Assembler.holds``).

Positions inside an article are kept as they are (``char_start``); the article's own
position in the corpus is given when the contribution is applied, never stored, so adding
or removing other articles does not invalidate it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from newsgraph.models.base import DatePrecision, QuoteType
from newsgraph.models.claim import Modality, Polarity
from newsgraph.models.event import DateBasis, EventStatus, EventType, ParticipantRole
from newsgraph.rules.drafts import ActorDraft


@dataclass
class NameUse:
    """An actor name the article uses, the name it linked to and that actor's id."""

    name: str
    target: str
    actor_id: str
    #: The article's own record of the actor, used only when no article's summary has the
    #: target (not stored: a cached contribution whose target is missing is not replayed).
    local: ActorDraft | None = field(default=None, compare=False)


@dataclass
class QuotePart:
    """A quote record as the article's first mention of it would make it."""

    quote_id: str
    text: str
    speaker_id: str | None
    speaker_text: str | None
    quote_type: QuoteType
    method: str


@dataclass
class ClaimPart:
    """A claim record candidate, with the article's evidence and events for it, in order."""

    claim_id: str
    claimant_id: str | None
    claimant_text: str | None
    text: str
    modality: Modality
    polarity: Polarity
    method: str
    #: Length of the claim's longest mention in the article.
    longest: int
    evidence_quote_ids: list[str]
    event_ids: list[str]


@dataclass
class EventDate:
    """What an event's row takes of its date (the first seven fields of ``TimeExpr``)."""

    char_start: int
    char_end: int
    text: str
    date_start: dt.date | None
    date_end: dt.date | None
    precision: DatePrecision
    basis: DateBasis


@dataclass
class EventInfo:
    """What the event row takes from the report that stands for the event."""

    event_type: EventType
    label: str
    status: EventStatus
    date: EventDate | None
    location: str | None
    method: str


@dataclass
class EventPart:
    """The article's reports of one event: the first, the best dated, who took part."""

    event_id: str
    first: EventInfo
    #: The best date basis of the reports (rank of ``article_rows.BASIS_RANK``), -1 when
    #: none is dated.
    dated_rank: int
    #: The first report with that basis, None when it is ``first`` (or none is dated).
    dated: EventInfo | None
    longest: int
    participants: list[tuple[str, ParticipantRole]]

    def dated_info(self) -> EventInfo | None:
        """The first report with the best date basis; None when no report is dated."""
        if self.dated_rank < 0:
            return None
        return self.first if self.dated is None else self.dated


@dataclass
class Contribution:
    """Everything ``Assembler.add`` of one article does to the registries."""

    key: str
    file_name: str
    position: int
    article_id: str
    names: list[NameUse]
    #: Record id -> the first char_start of its mentions in the article.
    seen: dict[str, int]
    #: Actor id -> the texts of its mentions in the article (pronouns aside).
    surface: dict[str, list[str]]
    quotes: list[QuotePart]
    claims: list[ClaimPart]
    events: list[EventPart]
