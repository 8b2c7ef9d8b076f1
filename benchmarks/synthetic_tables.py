"""Large valid packages for validation benchmarks (1M+ rows per mention table), made fast.

Rows are generated column-wise with Arrow: every article text is a numbered header plus the
same body, so a mention's offsets are the body offsets shifted by the header length; every
foreign key points at a real row. ``write_large_package(out, rows)`` writes a complete package
(Parquet, JSON Lines, datapackage.json) that ``newsgraph validate`` accepts.
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import TYPE_CHECKING

from newsgraph.models.ids import content_id
from newsgraph.package import atomic
from newsgraph.package.tables import DATAPACKAGE_FILE, TABLES
from newsgraph.publish.finish import write_package
from newsgraph.recipe.manifest import Recipe, SourceMeta

if TYPE_CHECKING:
    import pyarrow as pa

#: The method of every synthetic row (a rule of its own: no article went through the rules).
SYNTHETIC_RULE = "rule:synthetic.tables@1"

BODY = ("Finance Minister Anna Kowalski said on Tuesday that talks would continue. "
        "\"We expect a deal before the end of the year,\" Kowalski told Reuters. ")
TOKEN = "Kowalski"
QUOTE = "We expect a deal before the end of the year,"


def _ids(kind: str, n: int, salt: str) -> list[str]:
    return [content_id(kind, salt, i) for i in range(n)]


def large_tables(n_articles: int, n_mentions: int) -> dict[str, pa.Table]:
    """Every table with ``n_mentions`` rows per mention table over ``n_articles`` articles."""
    import pyarrow as pa

    from newsgraph.package.arrow_schema import arrow_schema
    from newsgraph.package.tables import spec

    n_actors = n_quotes = n_claims = n_events = max(1, n_mentions // 10)
    texts = [f"Article {i}.\n{BODY}" for i in range(n_articles)]
    headers = [len(f"Article {i}.\n") for i in range(n_articles)]
    article_ids = [content_id("article", hashlib.sha256(t.encode()).hexdigest()) for t in texts]
    token_at, quote_at = BODY.index(TOKEN), BODY.index(QUOTE)
    actor_ids = _ids("actor", n_actors, "a")
    quote_ids, claim_ids, event_ids = (_ids("quote", n_quotes, "q"), _ids("claim", n_claims, "c"),
                                       _ids("event", n_events, "e"))
    which = [i % n_articles for i in range(n_mentions)]

    def table(name: str, columns: dict[str, object]) -> pa.Table:
        schema = arrow_schema(spec(name))
        n = len(next(iter(columns.values())))  # type: ignore[arg-type]
        full = {c: columns.get(c, [None] * n) for c in schema.names}
        return pa.Table.from_pydict(full, schema=schema)

    def spans(kind: str, record_ids: list[str], key: str, offset: int, text: str,
              extra: dict[str, object]) -> pa.Table:
        starts = [headers[a] + offset for a in which]
        rids = [record_ids[i % len(record_ids)] for i in range(n_mentions)]
        return table(f"{kind}_mentions", {
            "mention_id": [content_id(f"{kind}_mention", r, i) for i, r in enumerate(rids)],
            key: rids, "article_id": [article_ids[a] for a in which], "char_start": starts,
            "char_end": [s + len(text) for s in starts], "text": [text] * n_mentions,
            "confidence": [0.9] * n_mentions, "method": [SYNTHETIC_RULE] * n_mentions,
            **extra})

    tables = {
        "articles": table("articles", {
            "article_id": article_ids, "source_file": [f"{i:07d}.txt" for i in range(n_articles)],
            "sha256": [hashlib.sha256(t.encode()).hexdigest() for t in texts],
            "bytes": [len(t.encode()) for t in texts], "source_format": ["text"] * n_articles,
            "publisher_basis": ["none"] * n_articles, "agencies": [[]] * n_articles,
            "authors": [[]] * n_articles, "published_precision": ["unknown"] * n_articles,
            "published_basis": ["none"] * n_articles, "language": ["en"] * n_articles,
            "language_basis": ["none"] * n_articles, "encoding": ["utf-8"] * n_articles,
            "text": texts, "n_chars": [len(t) for t in texts],
            "method": [SYNTHETIC_RULE] * n_articles}),
        "actors": table("actors", {
            "actor_id": actor_ids, "name": [f"Person {i}" for i in range(n_actors)],
            "kind": ["person"] * n_actors, "aliases": [[TOKEN]] * n_actors,
            "method": [SYNTHETIC_RULE] * n_actors}),
        "quotes": table("quotes", {
            "quote_id": quote_ids, "text": [QUOTE] * n_quotes,
            "speaker_id": [actor_ids[i % n_actors] for i in range(n_quotes)],
            "quote_type": ["direct"] * n_quotes, "method": [SYNTHETIC_RULE] * n_quotes}),
        "claims": table("claims", {
            "claim_id": claim_ids, "claimant_id": [actor_ids[i % n_actors] for i in range(n_claims)],
            "text": [QUOTE] * n_claims, "modality": ["prediction"] * n_claims,
            "polarity": ["positive"] * n_claims, "evidence_quote_ids": [[]] * n_claims,
            "event_ids": [[]] * n_claims, "method": [SYNTHETIC_RULE] * n_claims}),
        "events": table("events", {
            "event_id": event_ids, "event_type": ["negotiation"] * n_events,
            "label": ["Talks continue"] * n_events, "status": ["ongoing"] * n_events,
            "date_precision": ["unknown"] * n_events, "date_basis": ["unknown"] * n_events,
            "method": [SYNTHETIC_RULE] * n_events}),
        "actor_mentions": spans("actor", actor_ids, "actor_id", token_at, TOKEN,
                                {"form": ["surname"] * n_mentions}),
        "quote_mentions": spans("quote", quote_ids, "quote_id", quote_at, QUOTE,
                                {"quote_type": ["direct"] * n_mentions}),
        "claim_mentions": spans("claim", claim_ids, "claim_id", quote_at, QUOTE,
                                {"reporting": ["direct"] * n_mentions}),
        "event_mentions": spans("event", event_ids, "event_id", token_at, TOKEN, {}),
    }
    for name in ("event_participants", "article_relations", "article_segments", "actor_roles",
                 "article_duplicates", "time_mentions"):
        tables[name] = table(name, {c: [] for c in spec(name).columns})
    assert set(tables) == {t.name for t in TABLES}
    return tables


def write_large_package(out: Path, n_mentions: int, n_articles: int = 10_000) -> Path:
    """Write a valid package with ``n_mentions`` rows per mention table into ``out``."""
    recipe = Recipe(id="synthetic_large", title="Synthetic package for benchmarks",
                    description="Generated by synthetic_tables; not real news.",
                    version="0.0.1", sources=[SourceMeta(file="synthetic",
                                                         copyright_holder="none (synthetic)")])
    with atomic.replacing(out, DATAPACKAGE_FILE) as staged:
        write_package(staged, large_tables(n_articles, n_mentions), recipe, omit_text=False)
    return out
