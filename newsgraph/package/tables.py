"""The table registry: names, models, keys and order of every table in a package.

File names and table names are constants here and nowhere else (STYLE habit 8). The contract
tables of DESIGN.md come first; ``article_segments`` and ``actor_roles`` add provenance for
boilerplate and for titles, ``article_duplicates`` records the byte-identical copies folded
into an article.
"""

from __future__ import annotations

from dataclasses import dataclass

from newsgraph import models
from newsgraph.models.base import Record
from newsgraph.package.layout import (
    DATAPACKAGE_FILE,
    JSONL_DIR,
    PARQUET_DIR,
    TABLE_NAMES,
    jsonl_path,
    parquet_path,
)


@dataclass(frozen=True)
class ForeignKey:
    """``fields`` of this table reference ``reference_fields`` of ``table``."""

    fields: tuple[str, ...]
    table: str
    reference_fields: tuple[str, ...]


@dataclass(frozen=True)
class TableSpec:
    """One table: its model, primary key, foreign keys and whether its rows are spans."""

    name: str
    model: type[Record]
    primary_key: tuple[str, ...]
    foreign_keys: tuple[ForeignKey, ...] = ()
    is_span: bool = False
    description: str = ""
    #: List columns whose every item references another table (Table Schema cannot say so,
    #: so only newsgraph's validator checks them).
    list_references: tuple[ForeignKey, ...] = ()

    @property
    def columns(self) -> tuple[str, ...]:
        """Column order: primary key first, then the model's fields in definition order."""
        rest = [f for f in self.model.model_fields if f not in self.primary_key]
        return (*self.primary_key, *rest)


def _fk(field: str, table: str, ref: str) -> ForeignKey:
    return ForeignKey((field,), table, (ref,))


_ART = _fk("article_id", "articles", "article_id")

TABLES: tuple[TableSpec, ...] = (
    TableSpec("articles", models.Article, ("article_id",),
              description="One row per source article: verbatim text, hash, citation."),
    TableSpec("actors", models.Actor, ("actor_id",),
              description="People, organisations, countries, groups and media, deduplicated."),
    TableSpec("quotes", models.Quote, ("quote_id",),
              (_fk("speaker_id", "actors", "actor_id"),),
              description="Utterances in quotation marks, deduplicated across articles."),
    TableSpec("claims", models.Claim, ("claim_id",),
              (_fk("claimant_id", "actors", "actor_id"),),
              description="Propositions reported as an actor's, with modality and polarity.",
              list_references=(_fk("evidence_quote_ids", "quotes", "quote_id"),
                               _fk("event_ids", "events", "event_id"))),
    TableSpec("events", models.Event, ("event_id",),
              (_fk("date_article_id", "articles", "article_id"),),
              description="Dated happenings with type, status and normalised dates."),
    TableSpec("actor_mentions", models.ActorMention, ("mention_id",),
              (_fk("actor_id", "actors", "actor_id"), _ART), is_span=True,
              description="Where each actor is named in an article body."),
    TableSpec("quote_mentions", models.QuoteMention, ("mention_id",),
              (_fk("quote_id", "quotes", "quote_id"), _ART,
               _fk("intermediary_id", "actors", "actor_id")), is_span=True,
              description="Where each quote appears, with cue, speaker as written, intermediary."),
    TableSpec("claim_mentions", models.ClaimMention, ("mention_id",),
              (_fk("claim_id", "claims", "claim_id"), _ART,
               _fk("intermediary_id", "actors", "actor_id")), is_span=True,
              description="Where each claim is reported."),
    TableSpec("event_mentions", models.EventMention, ("mention_id",),
              (_fk("event_id", "events", "event_id"), _ART), is_span=True,
              description="Where each event is reported."),
    TableSpec("event_participants", models.EventParticipant, ("event_id", "actor_id", "role"),
              (_fk("event_id", "events", "event_id"), _fk("actor_id", "actors", "actor_id")),
              description="Actors taking part in events, with their role."),
    TableSpec("article_relations", models.ArticleRelation,
              ("article_id", "related_article_id", "relation"),
              (_ART, _fk("related_article_id", "articles", "article_id")),
              description="Articles that repeat other articles' sentences."),
    TableSpec("article_segments", models.ArticleSegment, ("segment_id",), (_ART,), is_span=True,
              description="Title, byline, body and boilerplate regions of each article."),
    TableSpec("actor_roles", models.ActorRole, ("role_id",),
              (_fk("actor_id", "actors", "actor_id"), _ART,
               _fk("organization_id", "actors", "actor_id")), is_span=True,
              description="Roles and titles the articles give actors."),
    TableSpec("article_duplicates", models.ArticleDuplicate, ("duplicate_id",), (_ART,),
              description="Sources byte-identical to an earlier one, folded into its article."),
    TableSpec("time_mentions", models.TimeMention, ("mention_id",), (_ART,), is_span=True,
              description="Every temporal expression of each article, normalised as TIMEX3."),
)

TABLES_BY_NAME: dict[str, TableSpec] = {t.name: t for t in TABLES}
if tuple(TABLES_BY_NAME) != TABLE_NAMES:  # pragma: no cover - a programming error
    raise RuntimeError("newsgraph.package.layout.TABLE_NAMES is out of step with tables.TABLES")


def spec(table: str) -> TableSpec:
    """The spec of ``table``; raises ``KeyError`` naming the known tables otherwise."""
    try:
        return TABLES_BY_NAME[table]
    except KeyError:
        raise KeyError(f"unknown table {table!r}; known tables: {', '.join(TABLE_NAMES)}") from None


__all__ = [
    "DATAPACKAGE_FILE",
    "JSONL_DIR",
    "PARQUET_DIR",
    "TABLES",
    "TABLES_BY_NAME",
    "TABLE_NAMES",
    "ForeignKey",
    "TableSpec",
    "jsonl_path",
    "parquet_path",
    "spec",
]
