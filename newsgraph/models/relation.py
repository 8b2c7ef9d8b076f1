"""Relations between articles, such as one repeating another's wire text."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from newsgraph.models.base import METHOD_FIELD, ArticleId, Int, Method, Record

Relation = Literal["reuses_text_of", "shares_text_with"]


class ArticleRelation(Record):
    """``article_id`` repeats sentences of ``related_article_id``.

    ``reuses_text_of`` is directed (the later or derivative copy points at the other);
    ``shares_text_with`` is used when the direction cannot be told. Corroboration counts treat
    articles joined by a relation as one independent source.
    """

    article_id: ArticleId = Field(description="The article that repeats text (-> articles).")
    related_article_id: ArticleId = Field(description="The article repeated (-> articles).")
    relation: Relation = Field(description="'reuses_text_of' or 'shares_text_with'.")
    overlap: float = Field(
        ge=0.0, le=1.0, description="Share of article_id's body sentences found in the other."
    )
    shared_sentences: Int = Field(ge=1, description="Number of body sentences shared.")
    method: Method = METHOD_FIELD
