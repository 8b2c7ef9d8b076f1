"""Level 2 of the build cache: each article's assembled rows, reused while they still hold.

The second pass of a build turns every draft into rows (``Assembler``); for an article whose
draft came from the cache, that work was done by the build that stored it. Beside each entry
the cache keeps the article's rows of every span table (as columns, with their JSON Lines)
and its ``Contribution`` to the registries, which lists every actor name the article uses
with the name and actor id it linked to. When the current build links each of those names
the same way (``Assembler.holds``: ``link_actor_names`` over the new corpus and the first
article of each name decide it, and nothing else of other articles reaches an article's
rows), the rows are written as stored and the contribution is applied at the article's new
position; otherwise (a new article's full name relinks a surname, the first article of a
name changed) the article is assembled from its draft and its rows are stored again. Either
way the writer receives the same values in the same batches as a build from scratch, so the
package is byte-identical by construction.

Stored rows are the values Arrow gives back (``to_pylist``) and the JSON Lines made from
them, so a block written from the cache and one made now are the same to the writer.
"""

from __future__ import annotations

import datetime as dt
import functools
import json
import zlib
from typing import TYPE_CHECKING, Any

from newsgraph.builder.assemble import SPAN_TABLES, Assembler
from newsgraph.builder.cache.codec import CodecError, decode_as, encode
from newsgraph.builder.cache.store import CacheStore
from newsgraph.builder.contribution import Contribution
from newsgraph.builder.spill import Spilled
from newsgraph.models.jsonio import dumps_line
from newsgraph.package.writer import RowBlock, TableWriter

if TYPE_CHECKING:
    import pyarrow as pa


@functools.cache
def _date_columns(table: str) -> tuple[int, ...]:
    """Positions of the table's date columns (JSON carries them as ISO strings)."""
    import pyarrow as pa

    from newsgraph.package.arrow_schema import arrow_schema
    from newsgraph.package.tables import spec

    return tuple(i for i, f in enumerate(arrow_schema(spec(table))) if f.type == pa.date32())


def block_of(rows: list[dict[str, Any]], schema: pa.Schema) -> RowBlock:
    """The block of freshly assembled dict rows: their values through Arrow and back, and
    the JSON Lines of those values (what ``TableWriter`` writes for dict rows)."""
    if not rows:
        return RowBlock(0, [[] for _ in schema.names], "")
    import pyarrow as pa

    table = pa.Table.from_pylist(rows, schema=schema)
    lines = "".join(dumps_line(row) + "\n" for row in table.to_pylist())
    return RowBlock(table.num_rows, [column.to_pylist() for column in table.columns], lines)


def encode_rows(contribution: Contribution, blocks: list[RowBlock]) -> bytes:
    """An article's stored rows, zlib-compressed: one line of JSON (the contribution, and
    per span table its row count, columns and the byte size of its JSON Lines; dates as
    ISO strings), then the JSON Lines of every table as they are (JSON inside JSON would
    escape every quote and take twice as long to read)."""
    lines = [b.lines.encode("utf-8") for b in blocks]
    head = [encode(contribution), [[b.rows, b.columns, len(raw)] for b, raw in
                                   zip(blocks, lines, strict=True)]]
    return zlib.compress(dumps_line(head).encode("utf-8") + b"\n" + b"".join(lines), 1)


def decode_rows(body: bytes, widths: list[int]) -> tuple[Contribution, list[RowBlock]]:
    """What ``encode_rows`` stored (``CodecError`` when it does not have that shape);
    ``widths``: the number of columns of each span table."""
    try:
        head, _, tail = zlib.decompress(body).partition(b"\n")
        stored, raw_blocks = json.loads(head)
        contribution = decode_as(Contribution, stored)
        if len(raw_blocks) != len(SPAN_TABLES):
            raise CodecError("not one block per span table")
        blocks, at = [], 0
        for table, width, (rows, columns, size) in zip(SPAN_TABLES, widths, raw_blocks,
                                                       strict=True):
            lines = tail[at:at + size].decode("utf-8")
            at += size
            if (type(rows) is not int or len(columns) != width
                    or any(len(c) != rows for c in columns) or lines.count("\n") != rows):
                raise CodecError(f"a block of {table} does not fit the table")
            for i in _date_columns(table):
                columns[i] = [None if v is None else dt.date.fromisoformat(v)
                              for v in columns[i]]
            blocks.append(RowBlock(rows, columns, lines))
        if at != len(tail):
            raise CodecError("stored rows are longer than their blocks")
        return contribution, blocks
    except CodecError:
        raise
    except (ValueError, TypeError, zlib.error) as error:
        raise CodecError(f"stored rows: {error}") from error


class RowsCache:
    """The second pass's use of level 2: reuse an article's rows or assemble and store them."""

    def __init__(self, store: CacheStore, *, omit_text: bool) -> None:
        self.store = store
        self.variant = "omit_text" if omit_text else "text"
        self.reused = 0
        self.assembled = 0

    def add(self, spilled: Spilled, assembler: Assembler,
            writers: dict[str, TableWriter]) -> None:
        """Write one article's span rows into ``writers`` and apply its contribution."""
        tables = [writers[name] for name in SPAN_TABLES]
        key = spilled.key
        found = self._stored(key, tables) if key is not None else None
        if found is not None and assembler.holds(found[0]):
            contribution, blocks = found
            self.reused += 1
        else:
            rows, contribution = assembler.assemble(spilled.draft())
            blocks = [block_of(rows[name], w.schema) for name, w in zip(SPAN_TABLES, tables,
                                                                         strict=True)]
            if key is not None:
                self.store.put_rows(key, self.variant, encode_rows(contribution, blocks))
            self.assembled += 1
        assembler.apply(contribution)
        for writer, block in zip(tables, blocks, strict=True):
            writer.add_block(block)

    def _stored(self, key: str,
                tables: list[TableWriter]) -> tuple[Contribution, list[RowBlock]] | None:
        body = self.store.get_rows(key, self.variant)
        if body is None:
            return None
        try:
            return decode_rows(body, [len(w.schema) for w in tables])
        except CodecError:
            self.store.corrupt += 1
            return None

    def summary(self) -> str:
        return f"rows of {self.reused} reused, {self.assembled} assembled"
