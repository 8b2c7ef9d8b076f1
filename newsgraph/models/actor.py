"""Actors (people, organisations, countries, groups, media), their mentions and their roles."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field, StringConstraints

from newsgraph.models.base import (
    METHOD_FIELD,
    ActorId,
    ActorKind,
    ActorMentionId,
    ActorRoleId,
    Date,
    Mention,
    Method,
    NonEmptyStr,
    Record,
)
from newsgraph.models.ids import whole_string

WikidataId = Annotated[str, StringConstraints(pattern=whole_string(r"Q[1-9][0-9]*"))]
#: How strongly a Wikidata id is backed; ids without evidence are never published.
WikidataVerification = Literal["multiple_sources", "single_source", "single_automatic_source"]
MentionForm = Literal[
    "name", "alias", "surname", "honorific", "acronym", "metonym", "demonym", "pronoun"
]


class Actor(Record):
    """A person, organisation, country, group or media outlet, deduplicated across articles."""

    actor_id: ActorId = Field(description="Id derived from kind and canonical name.")
    name: NonEmptyStr = Field(description="Canonical full name, e.g. 'Recep Tayyip Erdogan'.")
    kind: ActorKind = Field(description="person, organization, country, group or media.")
    aliases: list[NonEmptyStr] = Field(
        description="Other names the sources use for the actor (sorted, without the name)."
    )
    description: str | None = Field(
        description="A short disambiguating description, e.g. 'head of Rosoboronexport'."
    )
    wikidata_id: WikidataId | None = Field(
        description="Wikidata item id, only where verified against public files; a wrong id is "
        "worse than none, so unverified actors stay null."
    )
    wikidata_verification: WikidataVerification | None = Field(
        description="How the Wikidata id was checked (null when wikidata_id is null)."
    )
    wikidata_evidence: str | None = Field(
        description="The public files that pair the id with the name."
    )
    method: Method = METHOD_FIELD


class ActorMention(Mention):
    """A place in an article body that names (or refers to) an actor."""

    mention_id: ActorMentionId = Field(description="Id derived from actor, article and offsets.")
    actor_id: ActorId = Field(description="The actor mentioned (-> actors).")
    form: MentionForm = Field(
        description="How the actor is referred to: full name, alias, surname, honorific "
        "('Mr Mikheev'), acronym, metonym ('Ankara' for Turkey's government), demonym ('Turkish' in "
        "'Turkish troops', for an event's participant) or pronoun."
    )


class ActorRole(Mention):
    """A role or title an article gives an actor ('Secretary of State'), with its period."""

    role_id: ActorRoleId = Field(description="Id derived from actor, title and span.")
    actor_id: ActorId = Field(description="The actor holding the role (-> actors).")
    position: NonEmptyStr = Field(description="The role or title as written, e.g. 'Foreign Minister'.")
    organization_id: ActorId | None = Field(
        description="The organisation or country the role is in, where named (-> actors)."
    )
    as_of: Date | None = Field(
        description="The date the source says the role held (its publication date), if known."
    )
    valid_from: Date | None = Field(description="Start of the role where a source states it.")
    valid_to: Date | None = Field(description="End of the role where a source states it.")
