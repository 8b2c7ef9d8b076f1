"""Names and paths inside a package folder: the one place they are spelled (no heavy imports).

``newsgraph.tables`` pairs each name with its model and keys and checks it against this list.
"""

from __future__ import annotations

TABLE_NAMES: tuple[str, ...] = (
    "articles", "actors", "quotes", "claims", "events", "actor_mentions", "quote_mentions",
    "claim_mentions", "event_mentions", "event_participants", "article_relations",
    "article_segments", "actor_roles",
)
DATAPACKAGE_FILE = "datapackage.json"
PARQUET_DIR = "parquet"
JSONL_DIR = "json"


def parquet_path(table: str) -> str:
    """Relative path of a table's Parquet file inside a package folder."""
    return f"{PARQUET_DIR}/{table}.parquet"


def jsonl_path(table: str) -> str:
    """Relative path of a table's JSON Lines file inside a package folder."""
    return f"{JSONL_DIR}/{table}.jsonl"
