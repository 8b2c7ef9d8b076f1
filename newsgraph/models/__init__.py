"""Schema v1: one pydantic model per table, the single source of truth for every artifact."""

from newsgraph.models.actor import Actor, ActorMention, ActorRole
from newsgraph.models.article import Article, ArticleDuplicate, ArticleSegment
from newsgraph.models.base import Mention, Record
from newsgraph.models.claim import Claim, ClaimMention
from newsgraph.models.event import EVENT_TYPES, Event, EventMention, EventParticipant
from newsgraph.models.quote import Quote, QuoteMention
from newsgraph.models.relation import ArticleRelation
from newsgraph.models.time import TimeMention

__all__ = [
    "EVENT_TYPES",
    "Actor",
    "ActorMention",
    "ActorRole",
    "Article",
    "ArticleDuplicate",
    "ArticleRelation",
    "ArticleSegment",
    "Claim",
    "ClaimMention",
    "Event",
    "EventMention",
    "EventParticipant",
    "Mention",
    "Quote",
    "QuoteMention",
    "Record",
    "TimeMention",
]
