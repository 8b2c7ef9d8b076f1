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
from collections import defaultdict
from dataclasses import dataclass

from newsgraph.ids import normalise_key
from newsgraph.pipeline.drafts import ArticleDraft
from newsgraph.pipeline.sentences import sentence_spans

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


def _shingles(sentence: str) -> set[int]:
    words = _WORD.findall(_DOTTED.sub(r"\1", normalise_key(sentence)))
    if len(words) < SHINGLE:
        return {_digest(words)} if len(words) >= 3 else set()
    return {_digest(words[i:i + SHINGLE]) for i in range(len(words) - SHINGLE + 1)}


def _sentences(draft: ArticleDraft) -> list[set[int]]:
    text = draft.source.text
    found = []
    for seg in draft.segments:
        if seg.kind == "body":
            for start, end in sentence_spans(text, seg.char_start, seg.char_end):
                shingles = _shingles(text[start:end])
                if shingles:
                    found.append(shingles)
    return found


def find_reuse(drafts: list[ArticleDraft]) -> list[Reuse]:
    """Every ordered pair of articles with shared sentences, sorted by file names."""
    per_article = {d.source.file_name: _sentences(d) for d in drafts}
    index: dict[int, set[str]] = defaultdict(set)
    for name, sentences in per_article.items():
        for shingles in sentences:
            for s in shingles:
                index[s].add(name)
    for s in [s for s, names in index.items() if len(names) > MAX_ARTICLES_PER_SHINGLE]:
        del index[s]  # a stock phrase
    found = []
    for name, sentences in sorted(per_article.items()):
        shared: dict[str, int] = defaultdict(int)
        for shingles in sentences:
            hits: dict[str, int] = defaultdict(int)
            for s in shingles:
                for other in index.get(s, ()):
                    if other != name:
                        hits[other] += 1
            for other, n in hits.items():
                if n >= SHARED_SHARE * len(shingles):
                    shared[other] += 1
        for other, n in sorted(shared.items()):
            if n >= MIN_SHARED_SENTENCES:
                found.append(Reuse(name, other, n, len(sentences)))
    return found
