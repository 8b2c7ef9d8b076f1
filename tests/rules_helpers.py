"""Run the per-article rule stages on a string (for the tests/test_rules_*.py tables)."""

from __future__ import annotations

import hashlib

from newsgraph.rules.actors import builtin_gazetteer, find_actors
from newsgraph.rules.drafts import ArticleDraft
from newsgraph.rules.metadata import read_metadata
from newsgraph.rules.quotes import find_quotes
from newsgraph.rules.segment import segment
from newsgraph.rules.sources import Source

GAZETTEER = builtin_gazetteer()


def extract(text: str) -> ArticleDraft:
    """Segment, metadata, actors and quotes of ``text`` as a plain-text article."""
    raw = text.encode("utf-8")
    source = Source("test.txt", hashlib.sha256(raw).hexdigest(), len(raw), "text", text)
    segments = segment(text)
    draft = ArticleDraft(source, read_metadata(segments, GAZETTEER), segments)
    find_actors(draft, GAZETTEER)
    find_quotes(draft)
    return draft


def article(*paragraphs: str) -> str:
    """An article with a headline, so that every paragraph given is body text."""
    return "Test headline for a rules table\n\n" + "\n\n".join(paragraphs) + "\n"


def speakers(draft: ArticleDraft) -> dict[str, str | None]:
    """Quote text -> speaker name (None when unattributed or unnamed)."""
    return {q.span.text: q.speaker for q in draft.quotes}
