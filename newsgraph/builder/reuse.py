"""Text reuse between articles: which articles repeat each other's sentences.

Each body sentence is cut into word 5-gram shingles (after normalising case, quote marks and
"U.S."-style dots); an inverted index from shingle to articles finds candidate pairs, so the
cost grows with the number of shared shingles, not with the square of the number of articles.
A sentence counts as shared with another article when at least half its shingles occur there.
A shingle found in more than ``MAX_ARTICLES_PER_SHINGLE`` articles is a stock phrase, not
evidence of copying, and is ignored: this also keeps the cost linear when a corpus repeats
boilerplate sentences everywhere. Shingles are kept as 64-bit BLAKE2 digests (stable across
runs, unlike ``hash()``) to bound memory.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from pathlib import Path

from newsgraph.models.ids import normalise_key
from newsgraph.rules.drafts import ArticleDraft
from newsgraph.rules.sentences import sentence_spans

RULE = "rule:reuse.shingles@1"
SHINGLE = 5
SHARED_SHARE = 0.5
MIN_SHARED_SENTENCES = 1
MAX_ARTICLES_PER_SHINGLE = 50

_DOTTED = re.compile(r"\b([a-z])\.(?=[a-z]\.)|(?<=\b[a-z])\.(?=\s|$)")
_WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class Reuse:
    """``article`` shares ``shared`` of its ``total`` body sentences with ``other``."""

    article: str
    other: str
    shared: int
    total: int


def _digest(words: list[str]) -> int:
    return int.from_bytes(hashlib.blake2b(" ".join(words).encode(), digest_size=8).digest(), "big")


def _words(sentence: str) -> list[str]:
    key = normalise_key(sentence)
    # the pattern needs a full stop: most keys have none (their final one is stripped), and
    # skipping the substitution there halves the cost of this line
    return _WORD.findall(_DOTTED.sub(r"\1", key) if "." in key else key)


def _shingles_reference(sentence: str) -> set[int]:
    """The shingles as first written, one join and encoding per shingle (the reference of
    ``_shingles``' equality test)."""
    from newsgraph.models.ids import normalise_key_reference

    words = _WORD.findall(_DOTTED.sub(r"\1", normalise_key_reference(sentence)))
    if len(words) < SHINGLE:
        return {_digest(words)} if len(words) >= 3 else set()
    return {_digest(words[i:i + SHINGLE]) for i in range(len(words) - SHINGLE + 1)}


def _shingles(sentence: str) -> set[int]:
    """The digest of each run of ``SHINGLE`` words (of the whole sentence when it has 3 or 4).

    The sentence's words are joined and encoded once, and each shingle is hashed as a slice of
    those bytes: the same bytes as ``" ".join(shingle).encode()``, without a join and an
    encoding per shingle (on PolNeAR body sentences, digests 2x faster); tests/test_reuse.py
    proves it equal to ``_shingles_reference`` with hypothesis.
    """
    words = _words(sentence)
    if len(words) < SHINGLE:
        return {_digest(words)} if len(words) >= 3 else set()
    data = memoryview(" ".join(words).encode())
    starts = [0]  # byte offset of each word, and of the end (+1 for the space)
    for word in words:
        starts.append(starts[-1] + len(word.encode()) + 1)
    blake2b, from_bytes = hashlib.blake2b, int.from_bytes
    return {from_bytes(blake2b(data[starts[i]:starts[i + SHINGLE] - 1], digest_size=8).digest(),
                       "big") for i in range(len(words) - SHINGLE + 1)}


def sentence_shingles(draft: ArticleDraft) -> list[list[int]]:
    """The shingles of each body sentence that has any (pure: runs in the worker processes)."""
    text = draft.source.text
    found = []
    for seg in draft.segments:
        if seg.kind == "body":
            for start, end in sentence_spans(text, seg.char_start, seg.char_end):
                shingles = _shingles(text[start:end])
                if shingles:
                    found.append(sorted(shingles))
    return found


class ReuseFinder:
    """Collects the sentence shingles of each article, in output order, then finds reuse.

    The shingles, and each article's name and sentence count, go into on-disk DuckDB tables
    with a memory limit, so a corpus of any size is joined out of core and nothing here grows
    with the number of articles; the join is by shingle (an inverted index), never article
    by article.
    """

    BATCH = 1_000_000

    def __init__(self, workdir: Path) -> None:
        import duckdb

        self._db = duckdb.connect(str(workdir / "reuse.duckdb"))
        self._db.execute(f"SET memory_limit = '256MB'; SET temp_directory = '{workdir / 'spill'}'; "
                         "SET preserve_insertion_order = false; CREATE TABLE s "
                         "(article INTEGER, sentence BIGINT, shingle UBIGINT); CREATE TABLE a "
                         "(article INTEGER, name VARCHAR, total INTEGER)")
        self.count = 0
        self._articles: tuple[list[str], list[int]] = ([], [])
        self._columns: tuple[list[int], list[int], list[int]] = ([], [], [])
        self._sentence = 0

    def add(self, name: str, sentences: list[list[int]]) -> None:
        article, self.count = self.count, self.count + 1
        self._articles[0].append(name)
        self._articles[1].append(len(sentences))
        articles, ids, shingles = self._columns
        for shingle_set in sentences:
            articles.extend([article] * len(shingle_set))
            ids.extend([self._sentence] * len(shingle_set))
            shingles.extend(shingle_set)
            self._sentence += 1
        if len(shingles) >= self.BATCH or len(self._articles[0]) >= self.BATCH // 10:
            self._flush()

    def _flush(self) -> None:
        import pyarrow as pa

        articles, ids, shingles = self._columns
        batch = pa.table({"article": pa.array(articles, pa.int32()),
                          "sentence": pa.array(ids, pa.int64()),
                          "shingle": pa.array(shingles, pa.uint64())})
        self._db.register("batch", batch)
        self._db.execute("INSERT INTO s SELECT * FROM batch")
        self._db.unregister("batch")
        self._columns = ([], [], [])
        names, totals = self._articles
        first = self.count - len(names)
        self._db.register("batch", pa.table({
            "article": pa.array(range(first, self.count), pa.int32()),
            "name": pa.array(names, pa.string()), "total": pa.array(totals, pa.int32())}))
        self._db.execute("INSERT INTO a SELECT * FROM batch")
        self._db.unregister("batch")
        self._articles = ([], [])

    def pairs(self) -> list[Reuse]:
        """Every ordered pair of articles with shared sentences, in the order they were added."""
        self._flush()
        rows = self._db.execute(f"""
            WITH df AS (SELECT shingle FROM s GROUP BY shingle
                        HAVING count(DISTINCT article) BETWEEN 2 AND {MAX_ARTICLES_PER_SHINGLE}),
            postings AS (SELECT DISTINCT shingle, article FROM s SEMI JOIN df USING (shingle)),
            sizes AS (SELECT sentence, count(*) AS n FROM s GROUP BY sentence),
            hits AS (SELECT s.article, s.sentence, p.article AS other, count(*) AS h
                     FROM s JOIN postings p ON s.shingle = p.shingle AND p.article <> s.article
                     GROUP BY s.article, s.sentence, p.article),
            pairs AS (SELECT hits.article, hits.other, count(*) AS shared
                      FROM hits JOIN sizes USING (sentence)
                      WHERE hits.h >= {SHARED_SHARE} * sizes.n
                      GROUP BY hits.article, hits.other
                      HAVING count(*) >= {MIN_SHARED_SENTENCES})
            SELECT x.name, y.name, pairs.shared, x.total
            FROM pairs JOIN a x ON x.article = pairs.article JOIN a y ON y.article = pairs.other
            ORDER BY pairs.article, pairs.other""").fetchall()
        self._db.close()
        return [Reuse(a, b, n, total) for a, b, n, total in rows]
