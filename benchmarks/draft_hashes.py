"""Fingerprints of everything the per-article stage makes, to prove a speed change exact.

    python benchmarks/draft_hashes.py [--polnear DIR] [--timebank DIR] [--news N]

Runs the per-article stage (``extract.extract_source``: segment, metadata, language, every
step of ``extract.ARTICLE_STAGES``, then the text-reuse shingles) over three corpora and
prints, per corpus, the SHA-256 of a canonical ``repr`` of every draft, field by field
(actors, mentions, roles, quotes, not-quotes, claims, events, times, meta, segments,
shingles) and in all, and the SHA-256 of ``times.find_times`` over each whole text with
and without its publication date:

- ``polnear``: every ``*.txt`` of the PolNeAR training texts (840 articles);
- ``timebank``: the 183 TimeBank TimeML texts, published on their creation date;
- ``news``: ``--news`` articles of ``benchmarks/corpora.py`` (seed 0), written to a
  temporary folder.

A corpus whose folder is absent is skipped. Run it once with ``PYTHONPATH`` at the old code
and once at the new: the lines must be the same. The canonical ``repr`` sorts sets (whose
order depends on string hashing, not on the rules) and keeps every other order as made.
Nothing is written to the repo.
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import hashlib
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from newsgraph.builder.extract import extract_source
from newsgraph.builder.reuse import sentence_shingles
from newsgraph.rules.actors import builtin_gazetteer
from newsgraph.rules.drafts import ArticleDraft, ArticleMeta
from newsgraph.rules.metadata import apply_recipe
from newsgraph.rules.sources import Source, read_source
from newsgraph.rules.times import find_times

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"
FIELDS = ("meta", "segments", "actors", "actor_mentions", "roles", "quotes", "not_quotes",
          "claims", "events", "times")


def canonical(value: Any) -> str:
    """``repr`` with sets sorted; dataclasses, lists, tuples and dicts walked in order."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        inner = ", ".join(f"{f.name}={canonical(getattr(value, f.name))}"
                          for f in dataclasses.fields(value) if f.repr)
        return f"{type(value).__name__}({inner})"
    if isinstance(value, (set, frozenset)):
        return "{" + ", ".join(sorted(canonical(v) for v in value)) + "}"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{canonical(k)}: {canonical(v)}" for k, v in value.items()) + "}"
    if isinstance(value, list):
        return "[" + ", ".join(canonical(v) for v in value) + "]"
    if isinstance(value, tuple):
        return "(" + ", ".join(canonical(v) for v in value) + ",)"
    return repr(value)


def _polnear(folder: Path) -> Iterator[tuple[Source, dt.date | None]]:
    for path in sorted(folder.glob("*.txt")):
        yield read_source(path, max_bytes=20_000_000), None


def _timebank(folder: Path) -> Iterator[tuple[Source, dt.date | None]]:
    from newsgraph.evaluate.timeml_reader import read_corpus

    for doc in read_corpus(folder):
        data = doc.text.encode("utf-8")
        yield Source(doc.doc_id, hashlib.sha256(data).hexdigest(), len(data), "text",
                     doc.text), doc.dct


def _news(n: int, tmp: Path) -> Iterator[tuple[Source, dt.date | None]]:
    sys.path.insert(0, str(REPO / "benchmarks"))
    from corpora import write_news_corpus

    for path in write_news_corpus(tmp / "news", n, seed=0):
        yield read_source(path, max_bytes=20_000_000), None


def fingerprints(items: Iterator[tuple[Source, dt.date | None]]) -> dict[str, str]:
    """SHA-256 per draft field, of the shingles, of ``find_times``, and of all drafts."""
    gazetteer = builtin_gazetteer()
    digests = {name: hashlib.sha256() for name in
               (*FIELDS, "shingles", "find_times", "find_times_dated", "all")}
    count = 0
    for source, published in items:
        def stated(meta: ArticleMeta, day: dt.date | None = published) -> ArticleMeta:
            meta = apply_recipe(meta, None)
            return dataclasses.replace(meta, published=day) if day else meta

        draft: ArticleDraft = extract_source(source, gazetteer, None, stated)
        whole = canonical(draft).encode()
        digests["all"].update(whole + b"\x00")
        for name in FIELDS:
            digests[name].update(canonical(getattr(draft, name)).encode() + b"\x00")
        digests["shingles"].update(canonical(sentence_shingles(draft)).encode() + b"\x00")
        digests["find_times"].update(canonical(find_times(source.text, None)).encode() + b"\0")
        day = published or dt.date(2016, 6, 15)
        digests["find_times_dated"].update(canonical(find_times(source.text, day)).encode()
                                           + b"\0")
        count += 1
    return {"articles": str(count)} | {k: v.hexdigest()[:16] for k, v in digests.items()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--polnear", type=Path, default=SHARED / "polnear" / "train" / "text")
    parser.add_argument("--timebank", type=Path, default=SHARED / "timebank")
    parser.add_argument("--news", type=int, default=300)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        corpora = {"polnear": _polnear(args.polnear) if args.polnear.is_dir() else None,
                   "timebank": _timebank(args.timebank) if args.timebank.is_dir() else None,
                   "news": _news(args.news, Path(tmp)) if args.news else None}
        for name, items in corpora.items():
            if items is None:
                print(f"{name}: skipped (absent)")
                continue
            for key, digest in fingerprints(items).items():
                print(f"{name:9} {key:17} {digest}")


if __name__ == "__main__":
    main()
