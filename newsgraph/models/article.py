"""Articles (one row per source file or collection record), their segments (title, byline,
body, boilerplate...) and the byte-identical copies folded into them.

An article keeps everything a citation needs and the verbatim text; nothing is deleted from a
source: boilerplate is a segment with a reason, so every character stays accountable.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field, StringConstraints

from newsgraph.models.base import (
    METHOD_FIELD,
    ArticleDuplicateId,
    ArticleId,
    Date,
    DatePrecision,
    Int,
    Mention,
    Method,
    NonEmptyStr,
    Record,
    SegmentId,
)
from newsgraph.models.ids import whole_string

SourceFormat = Literal["text", "markdown", "html"]
#: How a piece of article metadata was established ('html_meta': read from a web page's
#: markup: meta tags, JSON-LD, <time datetime>; ``column``: a column of a collection file
#: (``--title-column``...); ``warc``: a WARC record's headers (its target URI and fetch date).
MetadataBasis = Literal["dateline", "byline", "url", "recipe", "inferred", "html_meta", "column",
                        "warc", "none"]
#: How an article's language was established: detected from its text, stated by the recipe
#: or a collection's column, or none of these ('en' then stands as the default).
LanguageBasis = Literal["detected", "recipe", "column", "inferred", "none"]
SegmentKind = Literal[
    "title", "byline", "dateline", "subheading", "body", "caption", "credit", "boilerplate"
]
Sha256 = Annotated[str, StringConstraints(pattern=whole_string(r"[0-9a-f]{64}"))]
Language = Annotated[str, StringConstraints(pattern=whole_string(r"[a-z]{2,3}(-[A-Za-z0-9]{1,8})*"))]


class Article(Record):
    """One source article: its verbatim text, hash and what is known to cite it."""

    article_id: ArticleId = Field(
        description="Id derived from the SHA-256 of the source bytes ('art_' + 16 hex digits)."
    )
    source_file: NonEmptyStr = Field(
        description="The input file's name, e.g. '000_e5a66e069e38f3c4.txt'; from a folder "
        "built with --recursive, its path relative to that folder with '/' separators "
        "('2019/nov/a.txt'); for a record of a collection (JSON Lines, CSV, Parquet or WARC "
        "file), the collection's file name."
    )
    record_locator: NonEmptyStr | None = Field(
        description="Where in the collection file the record is: 'line N' (JSON Lines, "
        "counting from 1), 'row N' (CSV data rows, counting from 1 after the header), 'row "
        "index N' (Parquet, counting from 0), or 'record <WARC-Record-ID> at offset N' (WARC, "
        "the record's byte offset in the file, compressed if it is); a ', id X' suffix gives "
        "the value of --id-column. Null for an article read from a file of its own. Rows are "
        "ordered by source_file, then the record's position in that file."
    )
    sha256: Sha256 = Field(
        description="SHA-256 of the raw source bytes, lowercase hex: of the whole file for an "
        "article file; for a JSON Lines, CSV or Parquet record, of the UTF-8 bytes of its "
        "text field (for a Parquet binary column, the bytes as stored); for a WARC record, of "
        "its HTTP payload (the body after the HTTP headers, de-chunked and decompressed as "
        "the server's transfer and content encodings require)."
    )
    bytes: Int = Field(ge=0, description="Size in bytes of what sha256 is the hash of (the raw "
                       "source file, or the record's bytes as read).")
    source_format: SourceFormat = Field(
        description="'text' and 'markdown' keep the source as written; for 'html' the text is "
        "the extracted plain text while sha256 and bytes describe the raw file."
    )
    encoding: NonEmptyStr | None = Field(
        description="The character encoding the source bytes were decoded with: 'utf-8' for "
        "text and Markdown; for a web page the charset it declares (an HTTP header, then "
        "<meta charset>), else 'utf-8', as Python's codec name (e.g. 'cp1252'); null when "
        "not known (schema 1.2.0)."
    )
    title: str | None = Field(description="The headline as written in the source, if any; "
                              "for a web page, its og:title, JSON-LD headline or <h1>, "
                              "without a site-name suffix.")
    publisher: str | None = Field(
        description="Who published this copy of the article, if known; null otherwise."
    )
    original_publisher: str | None = Field(
        description="Who first published the text when this copy reposts it, if known."
    )
    publisher_basis: MetadataBasis = Field(
        description="How publisher/original_publisher were established ('none' if unknown)."
    )
    agencies: list[NonEmptyStr] = Field(
        description="News agencies the article credits (e.g. Reuters, Xinhua), in source order."
    )
    authors: list[NonEmptyStr] = Field(description="Named authors credited in a byline.")
    published: Date | None = Field(
        description="Publication date when the source or its metadata states it; never guessed."
    )
    published_precision: DatePrecision = Field(
        description="Precision of 'published' ('unknown' when it is null)."
    )
    published_basis: MetadataBasis = Field(
        description="How 'published' was established: a dateline or byline in the text, the "
        "URL, the recipe's metadata, or 'none'."
    )
    url: str | None = Field(description="Where the article was published, if known.")
    fetched: Date | None = Field(
        description="The day a crawler fetched the page, from its WARC record's WARC-Date; "
        "null for other sources. Not a publication date (see 'published')."
    )
    language: Language = Field(description="Language of the text as a lower-case ISO 639-1 "
                               "code (a BCP 47 tag), e.g. 'en', 'fr', 'de'.")
    language_basis: LanguageBasis = Field(
        description="How 'language' was established: 'detected' from the body text (above a "
        "confidence threshold), stated by the 'recipe' or a collection's 'column', or 'none' "
        "(too short or too uncertain to tell: 'en' stands as the default). The attribution "
        "rules read English only (schema 1.2.0)."
    )
    metadata_note: str | None = Field(
        description="Free-text note on how the metadata was established or why it is unknown."
    )
    text: str | None = Field(
        description="The full source text, verbatim (source bytes decoded as UTF-8, a BOM "
        "dropped, line endings untouched); null in a package built with --omit-text."
    )
    n_chars: Int = Field(ge=0, description="Length of the text in Unicode code points.")
    method: Method = METHOD_FIELD


class ArticleSegment(Mention):
    """A contiguous region of an article with its role: title, byline, body, boilerplate...

    Segments tile the non-blank lines of the text; extraction only looks at body, title and
    subheading segments, and a name found only in boilerplate is not an actor.
    """

    segment_id: SegmentId = Field(description="Id derived from article, kind and offsets.")
    text: NonEmptyStr | None = Field(  # type: ignore[assignment]
        description="The characters of the article between the offsets; null in a package "
        "built with --omit-text (segments tile the whole text, so they keep offsets and "
        "reasons only).")
    segment_kind: SegmentKind = Field(description="The segment's role in the page: title, "
                                      "byline, dateline, subheading, body, caption, credit or boilerplate.")
    reason: str | None = Field(
        description="Why a boilerplate/caption/credit segment was set aside (e.g. "
        "'advertisement', 'comment form', 'duplicated caption')."
    )


class ArticleDuplicate(Record):
    """A source whose bytes are identical to an earlier source's, folded into that article.

    Duplicates are normal in news (syndicated copies, a file saved twice, a crawl that met
    the same page twice): the first copy in source order is the article; every later copy
    with the same SHA-256 (a file, or a collection record with the same text or payload) is a
    row here, so it stays accounted for without repeating its records. ``article_relations`` cannot hold it,
    since its ``related_article_id`` must be an article of its own.
    """

    duplicate_id: ArticleDuplicateId = Field(
        description="Id derived from the kept article and the duplicate's file name."
    )
    article_id: ArticleId = Field(description="The article kept in its place (-> articles).")
    duplicate_source_file: NonEmptyStr = Field(
        description="The duplicate input file's name, as source_file would give it."
    )
    duplicate_record_locator: NonEmptyStr | None = Field(
        description="Where the duplicate record is in its collection file, as "
        "articles.record_locator gives it; null for a duplicate file of its own."
    )
    sha256: Sha256 = Field(description="SHA-256 of the duplicate's bytes, lowercase hex, as "
                           "articles.sha256 defines it (a file's raw bytes, a record's bytes "
                           "as read).")
    bytes: Int = Field(ge=0, description="Size in bytes of what sha256 is the hash of.")
    method: Method = METHOD_FIELD
