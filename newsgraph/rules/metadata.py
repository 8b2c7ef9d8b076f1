"""Article metadata from the page header: title, byline, dateline and agency credits.

The title is the headline segment without Markdown markers; authors are the names of a byline
(not newsroom jobs such as "Health Editor"); the publication date is the first full date of a
dateline line, else of a byline ("By Rachel Lin | April 21, 2025"); agencies come from bylines,
credits and a body dateline ("WARSAW, March 3 (Reuters) -").

A web page's markup (``webpage.PageMeta``: Open Graph, JSON-LD, ``<time datetime>``) wins
over what the rules read from its visible text, with basis ``html_meta``; recipe metadata
(``recipe.yml``) wins over both, and says how it was established; what none states stays
null. The language is detected from the body text (``newsgraph.rules.language``); when the text is
too short or the detector unsure, the recipe's language, or English, stands.
"""

from __future__ import annotations

import re

from newsgraph.recipe.manifest import SourceMeta
from newsgraph.rules.actors import READ_KINDS, Gazetteer
from newsgraph.rules.drafts import ArticleMeta
from newsgraph.rules.language import detect
from newsgraph.rules.segment import AGENCY_DATELINE, DATELINE, Segment, plain
from newsgraph.rules.times import parse_publication_date
from newsgraph.rules.webpage import Page

RULE = "rule:metadata.header@2"
_MD_LINK = re.compile(r"\[([^\]]+)\]\([^)]*\)")
_BY = re.compile(r"^(?i:(?:by|from)\s*|(?:par|von|por|di)\s+)")
_CREDIT_PREFIX = re.compile(r"^\(?(?:With (?:input|inputs|reporting) from|Reporting by|Source:)\s*",
                            re.I)
#: Words of a newsroom job or desk, not of an author's name ("Health Editor").
_NEWSROOM = re.compile(r"\b(?:Reporter|Correspondent|Editor|Writer|Bureau|Desk|Staff|Columnist|"
                       r"Contributor|Producer|Team|Newsroom)\b", re.I)


def _names(line: str) -> list[str]:
    bare = _MD_LINK.sub(r"\1", plain(line))
    bare = _CREDIT_PREFIX.sub("", _BY.sub("", bare)).strip(" ()")
    return [n.strip() for n in re.split(r",|\||;|\band\b|&", bare) if n.strip()]


def read_metadata(segments: list[Segment], gazetteer: Gazetteer) -> ArticleMeta:
    """Metadata the page itself states."""
    meta = ArticleMeta(method=RULE)
    for seg in segments:
        if seg.kind == "title" and meta.title is None:
            meta.title = plain(seg.text)
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
                elif seg.kind == "byline" and len(name.split()) in (2, 3) \
                        and not _NEWSROOM.search(name) and not re.search(r"\d", name):
                    meta.authors.append(name)
        elif seg.kind == "body":
            m = DATELINE.match(seg.text) or AGENCY_DATELINE.match(seg.text)
            if m is not None and m.group("agency"):
                entry = gazetteer.forms.get(m.group("agency").strip())
                if entry is not None and entry[0] not in meta.agencies:
                    meta.agencies.append(entry[0])
    if meta.published is None:  # "By Rachel Lin | April 21, 2025"
        for seg in segments:
            if seg.kind == "byline" and (day := parse_publication_date(seg.text)) is not None:
                meta.published, meta.published_precision = day, "day"
                meta.published_basis = "byline"
                break
    return meta


def apply_page(meta: ArticleMeta, page: Page | None) -> ArticleMeta:
    """What a web page's markup states (basis ``html_meta``) over what the rules read."""
    if page is None:
        return meta
    found = page.meta
    meta.title = found.title or meta.title
    meta.authors = list(found.authors) or meta.authors
    meta.url = found.url or meta.url
    if found.publisher:
        meta.publisher, meta.publisher_basis = found.publisher, "html_meta"
    if found.published is not None:
        meta.published, meta.published_precision = found.published, "day"
        meta.published_basis = "html_meta"
    return meta


def apply_language(meta: ArticleMeta, segments: list[Segment]) -> ArticleMeta:
    """The language detected from the title and body, when the detector is sure; else what
    the recipe or a column stated stands, else English (basis 'none')."""
    detected = detect("\n".join(s.text for s in segments if s.kind in READ_KINDS))
    if detected is not None:
        meta.language, meta.language_basis = detected[0], "detected"
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
    meta.url = known.url or meta.url
    meta.language = known.language
    if "language" in known.model_fields_set:
        meta.language_basis = "recipe"
    meta.note = known.note
    if known.published is not None:
        meta.published = known.published
        meta.published_precision = known.published_precision
        meta.published_basis = known.published_basis
    return meta
