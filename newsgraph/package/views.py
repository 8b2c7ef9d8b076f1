"""The convenience views ``connect()`` creates over the tables, and their columns.

One definition (``VIEWS_SQL``) serves the loaders, ``export --format duckdb``, the data
dictionary and the dataset card; ``view_columns`` asks DuckDB for each view's columns over
empty tables of the package's schema, so the documented columns are always the real ones.
No heavy import at module level (the loaders import this).
"""

from __future__ import annotations

VIEWS_SQL = """
CREATE VIEW quotes_with_sources AS
SELECT s.name AS speaker, q.text, qm.quote_type, i.name AS intermediary, qm.cue,
       qm.speaker_text, a.article_id, a.source_file, a.title, a.publisher,
       a.original_publisher, a.published, qm.char_start, qm.char_end, q.quote_id,
       qm.method, qm.confidence
FROM quote_mentions qm
JOIN quotes q USING (quote_id)
JOIN articles a USING (article_id)
LEFT JOIN actors s ON s.actor_id = q.speaker_id
LEFT JOIN actors i ON i.actor_id = qm.intermediary_id;

CREATE VIEW independent_sources AS
-- articles joined by text reuse count as one source: the smallest id of each group
SELECT a.article_id,
       least(a.article_id, coalesce(min(r.related_article_id), a.article_id)) AS source_group
FROM articles a LEFT JOIN article_relations r ON r.article_id = a.article_id
GROUP BY a.article_id;

CREATE VIEW events_timeline AS
SELECT e.event_id, e.event_type, e.label, e.date_start, e.date_end, e.date_precision,
       e.date_basis, e.status, count(DISTINCT m.article_id) AS n_articles,
       count(DISTINCT g.source_group) AS n_independent_sources
FROM events e
JOIN event_mentions m USING (event_id)
JOIN independent_sources g ON g.article_id = m.article_id
GROUP BY ALL
ORDER BY e.date_start NULLS LAST, e.event_id;

CREATE VIEW claims_with_sources AS
SELECT coalesce(c.name, cl.claimant_text) AS claimant, cl.text, cl.modality, cl.polarity,
       count(DISTINCT m.article_id) AS n_articles,
       count(DISTINCT g.source_group) AS n_independent_sources, cl.claim_id
FROM claims cl
JOIN claim_mentions m USING (claim_id)
JOIN independent_sources g ON g.article_id = m.article_id
LEFT JOIN actors c ON c.actor_id = cl.claimant_id
GROUP BY ALL;
"""

#: What each view holds, in the order ``VIEWS_SQL`` creates them.
VIEWS: dict[str, str] = {
    "quotes_with_sources": "One row per quote mention: the speaker's and intermediary's "
                           "names, the quote and the article it appears in.",
    "independent_sources": "Each article with its source group: articles that reuse each "
                           "other's text count as one source.",
    "events_timeline": "One row per event, by date, with how many articles and independent "
                       "sources report it.",
    "claims_with_sources": "One row per claim with its claimant's name and how many articles "
                           "and independent sources report it.",
}


def view_columns() -> dict[str, list[tuple[str, str]]]:
    """Each view's (column, DuckDB type), from DuckDB over empty tables of every table's
    Arrow schema (no package needed, the same for every package)."""
    import duckdb

    from newsgraph.package.arrow_schema import arrow_schema
    from newsgraph.package.tables import TABLES

    con = duckdb.connect()
    try:
        for spec in TABLES:
            empty = arrow_schema(spec).empty_table()  # noqa: F841 - read by the SQL below
            con.execute(f"CREATE TABLE {spec.name} AS SELECT * FROM empty")
        con.execute(VIEWS_SQL)
        return {name: [(str(c), str(t)) for c, t in zip(con.table(name).columns,
                                                          con.table(name).types, strict=True)]
                for name in VIEWS}
    finally:
        con.close()
