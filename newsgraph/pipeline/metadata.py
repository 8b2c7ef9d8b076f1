"""Article metadata from the page header: title, byline, dateline and agency credits.

Recipe metadata (``recipe.yml``) wins over what the rules read, and says how it was
established; what neither states stays null.
"""

from __future__ import annotations

import re

from newsgraph.pipeline.actors import Gazetteer
from newsgraph.pipeline.dates import parse_publication_date
from newsgraph.pipeline.drafts import ArticleMeta
from newsgraph.pipeline.segment import Segment
from newsgraph.recipe import SourceMeta

RULE = "rule:metadata.header@1"
_MD_LINK = re.compile(r"\[([^\]]+)\]\([^)]*\)")
_BY = re.compile(r"^(?:by|from)\s+", re.I)
_CREDIT_PREFIX = re.compile(r"^\(?(?:With (?:input|inputs|reporting) from|Reporting by|Source:)\s*",
                            re.I)
_DATELINE_AGENCY = re.compile(r"^[A-Z][A-Z .,'-]+\((?P<agency>[A-Z][\w .]+)\)\s*[-–—]")


def _names(line: str) -> list[str]:
    plain = _MD_LINK.sub(r"\1", line)
    plain = _CREDIT_PREFIX.sub("", _BY.sub("", plain)).strip(" ()")
    return [n.strip() for n in re.split(r",|\band\b|&", plain) if n.strip()]


def read_metadata(segments: list[Segment], gazetteer: Gazetteer) -> ArticleMeta:
    """Metadata the page itself states."""
    meta = ArticleMeta()
    for seg in segments:
        if seg.kind == "title" and meta.title is None:
            meta.title = seg.text
        elif seg.kind == "dateline" and meta.published is None:
            meta.published = parse_publication_date(seg.text)
            if meta.published is not None:
                meta.published_precision, meta.published_basis = "day", "dateline"
        elif seg.kind in ("byline", "credit"):
            for name in _names(seg.text):
                entry = gazetteer.forms.get(name)
                if entry is not None and gazetteer.entries[entry[0]].kind == "media":
                    if entry[0] not in meta.agencies:
                        meta.agencies.append(entry[0])
                elif seg.kind == "byline" and len(name.split()) in (2, 3):
                    meta.authors.append(name)
        elif seg.kind == "body":
            m = _DATELINE_AGENCY.match(seg.text)
            if m is not None:
                entry = gazetteer.forms.get(m.group("agency").strip())
                if entry is not None and entry[0] not in meta.agencies:
                    meta.agencies.append(entry[0])
    return meta


def apply_recipe(meta: ArticleMeta, known: SourceMeta | None) -> ArticleMeta:
    """Fill and override rule metadata with what the recipe states about the source."""
    if known is None:
        return meta
    meta.method = "curated"
    meta.title = known.title or meta.title
    meta.publisher = known.publisher
    meta.original_publisher = known.original_publisher
    meta.publisher_basis = known.publisher_basis
    meta.agencies = list(dict.fromkeys([*known.agencies, *meta.agencies]))
    meta.authors = known.authors or meta.authors
    meta.url = known.url
    meta.language = known.language
    meta.note = known.note
    if known.published is not None:
        meta.published = known.published
        meta.published_precision = known.published_precision
        meta.published_basis = known.published_basis
    return meta
