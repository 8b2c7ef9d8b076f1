"""Benchmark corpora that look like real news: realistic lengths and wire copy.

``synthetic.py`` writes short (about 1 KB) articles whose sentences come from small
vocabularies, so almost every shingle is shared by thousands of articles and skipped as a stock
phrase: the text-reuse join has nothing to report. Real coverage is longer (2-8 KB) and a good
share of it is wire copy: an agency's paragraphs reprinted, verbatim, by other outlets.

``write_news_corpus(folder, n, seed, reuse_share)`` writes ``n`` such articles: each is a
synthetic article (quotes in every attribution pattern, names, dates, boilerplate) padded with
body paragraphs of distinctive sentences to a length drawn between ``MIN_BYTES`` and
``MAX_BYTES``; a ``reuse_share`` of the articles copies two to five paragraphs verbatim from
one of the ``WIRE_WINDOW`` articles before it, as a republished wire story does. The same
seed gives the same bytes. Benchmarks only: this module is not in the wheel.
"""

from __future__ import annotations

import random
from collections import deque
from pathlib import Path

from synthetic import article_text

MIN_BYTES, MAX_BYTES = 2_000, 8_000
#: An article copies from one of this many articles before it (wire copy runs in days).
WIRE_WINDOW = 200
#: The share of articles that reprint paragraphs of another (about a third of news is wire).
REUSE_SHARE = 0.3

_WORDS = """
government minister officials agreement talks border economy market prices energy gas oil
pipeline contract defence missile system army troops security police court judge law vote
election parliament party coalition opposition leader spokesman ministry office report data
figures growth inflation budget deficit debt bank central interest rates currency exports
imports trade tariffs sanctions investors companies industry workers union strike wages jobs
farmers harvest drought floods storm water supply hospital doctors patients health schools
teachers students university research scientists climate emissions coal solar wind power
grid network railway airport port shipping cargo tanker fleet navy coast island region
province district village city capital residents protest crowd march rally demands reform
plan proposal draft bill committee hearing inquiry investigation evidence documents
statement interview conference summit delegation envoy ambassador embassy visit meeting
negotiators deadline weeks months year quarter season morning evening night weekend
early late recent previous next last first second third major minor key final new old
local national regional foreign domestic public private official senior junior former
acting deputy chief head general state federal northern southern eastern western central
strong weak rising falling stable sharp modest steady slow rapid sudden expected unexpected
announced confirmed denied rejected approved signed delayed cancelled suspended resumed
extended reduced raised increased cut boosted lowered warned urged called pledged promised
argued claimed insisted noted added explained suggested estimated predicted reported
because although while after before during since until despite amid following ahead
""".split()


def _sentence(rng: random.Random) -> str:
    words = [rng.choice(_WORDS) for _ in range(rng.randint(12, 24))]
    return words[0].capitalize() + " " + " ".join(words[1:]) + "."


def _paragraph(rng: random.Random) -> str:
    return " ".join(_sentence(rng) for _ in range(rng.randint(2, 4)))


def news_article(rng: random.Random, index: int, wire: deque[list[str]],
                 reuse_share: float = REUSE_SHARE) -> str:
    """One article of ``MIN_BYTES``-``MAX_BYTES`` (deterministic for ``rng`` and ``wire``, the
    padding paragraphs of the articles before it; this article's own are appended)."""
    base = article_text(rng, index).split("\n\n")
    head, footer = base[:-3], base[-3:]
    target = rng.randint(MIN_BYTES, MAX_BYTES)
    copied: list[str] = []
    if wire and rng.random() < reuse_share:
        source = rng.choice(list(wire))
        start = rng.randrange(len(source))
        copied = source[start:start + rng.randint(2, 5)]
    own: list[str] = []
    size = sum(len(p) + 2 for p in head + footer + copied)
    while size < target:
        own.append(_paragraph(rng))
        size += len(own[-1]) + 2
    if own or copied:
        wire.append(own or copied)
    cut = rng.randint(0, len(own))
    return "\n\n".join([*head, *own[:cut], *copied, *own[cut:], *footer]) + "\n"


def write_news_corpus(folder: Path, n: int, seed: int = 0,
                      reuse_share: float = REUSE_SHARE) -> list[Path]:
    """Write ``n`` articles ``000000.txt``... into ``folder``; the same seed, the same bytes."""
    folder.mkdir(parents=True, exist_ok=True)
    rng = random.Random(seed)
    wire: deque[list[str]] = deque(maxlen=WIRE_WINDOW)
    paths = []
    for index in range(n):
        path = folder / f"{index:06d}.txt"
        path.write_text(news_article(rng, index, wire, reuse_share), encoding="utf-8",
                        newline="\n")
        paths.append(path)
    return paths
