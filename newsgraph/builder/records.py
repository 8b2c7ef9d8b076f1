"""A record of a collection file on its way to the per-article stage.

A collection reader (``newsgraph.builder.collection`` for JSON Lines, CSV and Parquet rows,
``newsgraph.builder.warc`` for WARC responses) runs in the build's main process and only splits the
file into records: for each it yields a ``RecordItem`` (the bytes read, where they are, the
metadata its columns or headers state) or, when the record cannot be an article at all (a
line that is not JSON, a row without text), a ``BadRecord``. Decoding, HTML extraction and
every later stage run where the per-article stage runs (``newsgraph.builder.extract``, in worker
processes or on Dask), so a collection builds at the same per-article speed as a folder. A
record the per-article stage cannot decode (empty, binary, invalid UTF-8) becomes a
``BadRecord`` there, so a build with ``--skip-bad`` can report it and go on.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from dataclasses import dataclass
from pathlib import Path

from newsgraph.errors import InputError
from newsgraph.models.article import MetadataBasis, SourceFormat
from newsgraph.rules.drafts import ArticleMeta
from newsgraph.rules.sources import Source, decode, html_source, sniff

_LANGUAGE = re.compile(r"[a-z]{2,3}(-[A-Za-z0-9]{1,8})*")


@dataclass(frozen=True)
class RecordMeta:
    """Article metadata a record's columns (basis ``column``) or WARC headers (``warc``) state.

    Each value wins over what the rules read from the text; what it leaves null, the rules
    may still find.
    """

    basis: MetadataBasis
    title: str | None = None
    published: dt.date | None = None
    url: str | None = None
    publisher: str | None = None
    authors: tuple[str, ...] = ()
    language: str | None = None
    #: The day a crawler fetched the page (WARC-Date).
    fetched: dt.date | None = None

    def apply(self, meta: ArticleMeta) -> ArticleMeta:
        """``meta`` (what the rules read) with this record's metadata over it."""
        stated: list[str] = []
        if self.title:
            meta.title, stated = self.title, [*stated, "title"]
        if self.published is not None:
            meta.published, meta.published_precision = self.published, "day"
            meta.published_basis = self.basis
            stated.append("published")
        if self.url:
            meta.url, stated = self.url, [*stated, "url"]
        if self.publisher:
            meta.publisher, meta.publisher_basis = self.publisher, self.basis
            stated.append("publisher")
        if self.authors:
            meta.authors, stated = list(self.authors), [*stated, "authors"]
        if self.language and _LANGUAGE.fullmatch(self.language):
            meta.language, stated = self.language, [*stated, "language"]
        if stated:
            where = "the collection's columns" if self.basis == "column" else "the WARC headers"
            meta.note = f"{', '.join(stated)} from {where}"
        return meta


@dataclass(frozen=True)
class RecordItem:
    """One record of a collection, as read: its bytes, where they are and what it states.

    ``raw`` is what ``sha256`` is the hash of: the UTF-8 bytes of a row's text field (a
    Parquet binary column's bytes as stored), or a WARC response's HTTP payload.
    """

    #: The collection as the user named it (for messages).
    path: str
    #: ``articles.source_file``: the collection's file name.
    file_name: str
    locator: str
    #: Line, row or byte offset: orders the records of one file.
    position: int
    #: The line of a text collection, for ``FILE:LINE`` messages (None for Parquet and WARC).
    line: int | None
    raw: bytes
    source_format: SourceFormat
    meta: RecordMeta
    #: The charset an HTTP header declares (WARC), for HTML.
    charset: str | None = None

    def source(self, max_bytes: int) -> Source:
        """The record as a ``Source``; ``InputError`` when it cannot be an article."""
        where = Path(self.file_name)
        if len(self.raw) > max_bytes:
            raise InputError(f"record is {len(self.raw)} bytes, over the {max_bytes}-byte "
                             "limit; split it or raise --max-bytes", file=where)
        sniff(self.raw, where)
        digest = hashlib.sha256(self.raw).hexdigest()
        if self.source_format == "html":  # decoded by the HTTP header's charset, then <meta>
            page = html_source(self.raw, where, self.charset)
            return Source(self.file_name, digest, len(self.raw), "html", page.text,
                          page.encoding, page, record_locator=self.locator,
                          position=self.position, fetched=self.meta.fetched)
        return Source(self.file_name, digest, len(self.raw), self.source_format,
                      decode(self.raw, where), record_locator=self.locator,
                      position=self.position, fetched=self.meta.fetched)

    def bad(self, reason: str) -> BadRecord:
        return BadRecord(self.path, self.file_name, self.locator, self.position, self.line,
                         reason)


@dataclass(frozen=True)
class BadRecord:
    """A record that is not an article: where it is and why (``--skip-bad`` lists it)."""

    path: str
    file_name: str
    locator: str
    position: int
    line: int | None
    reason: str

    def error(self) -> InputError:
        """The one-line error a build without ``--skip-bad`` stops with."""
        if self.line is not None:
            return InputError(self.reason, file=self.path, line=self.line)
        return InputError(f"{self.locator}: {self.reason}", file=self.path)

    def report_row(self) -> dict[str, object]:
        """This record's entry in ``build-report.json``."""
        return {"source_file": self.file_name, "record_locator": self.locator,
                "line": self.line, "reason": self.reason}

