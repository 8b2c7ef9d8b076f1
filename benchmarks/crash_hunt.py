"""Hunt for crashes of the per-article stage on mutated news text.

    python benchmarks/crash_hunt.py [--examples N] [--seed S] [--minutes M] [--keep DIR]

Draws articles of ``benchmarks/corpora.py`` (seed 0) and, per example, mutates them at random:
slices of one article, joins of slices of several (by blank lines, newlines, spaces or
nothing), characters of random Unicode categories inserted at random places (every category
but surrogates, which UTF-8 decoding never yields), attribution cues, quotation marks,
parentheses, dates and capitalised names repeated tens to hundreds of times, and a mix of
these. Each text goes through the whole per-article stage (``extract.extract_source``:
segment, metadata, language, actors, quotes, times, events, claims) and every draft is
checked:

- no exception;
- every offset is right: for each span of the draft (``Span``, a segment, a time
  expression), ``text[start:end]`` is the span's text.

The slowest examples are printed with their time, as a lead for super-linear cost. A failing
example is printed with its number (the same ``--seed`` and number give the same text) and,
with ``--keep DIR``, written to ``DIR/<number>.txt``. Exit status 1 when any example failed.
Nothing is written to the repo.
"""

from __future__ import annotations

import argparse
import dataclasses
import hashlib
import random
import sys
import tempfile
import time
import traceback
import unicodedata
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from newsgraph.builder.extract import extract_source
from newsgraph.rules.actors import builtin_gazetteer
from newsgraph.rules.drafts import ArticleDraft
from newsgraph.rules.metadata import apply_recipe
from newsgraph.rules.sources import Source

REPO = Path(__file__).resolve().parent.parent
#: What is repeated: cues, quotation marks (unbalanced too), brackets, dates, names, joints.
REPEATED = [" said", " said.", " says", ", said", " and said", " according to", " told",
            " argued that", " “", " ”", ' "', " '", " «", " (", " )", " [", ", ", "; ",
            " — ", " on Tuesday", " March 3, 2015", " 2015-03-03", " last week", " at 3 p.m.",
            " Anna Kowalski", " Mr. Berg", " the Ministry of Defence", " NATO", " officials",
            " he", " it", " who", " that", "\n", "\n\n", " Asked whether", " -", "..."]


def _categories() -> dict[str, list[str]]:
    """Every code point but surrogates, by Unicode category."""
    found: dict[str, list[str]] = {}
    for code in range(0x110000):
        char = chr(code)
        category = unicodedata.category(char)
        if category != "Cs":
            found.setdefault(category, []).append(char)
    return found


def _articles(n: int) -> list[str]:
    sys.path.insert(0, str(REPO / "benchmarks"))
    from corpora import write_news_corpus

    with tempfile.TemporaryDirectory() as tmp:
        return [p.read_text(encoding="utf-8") for p in write_news_corpus(Path(tmp), n, seed=0)]


def _slice(rng: random.Random, text: str) -> str:
    a = rng.randrange(len(text) + 1)
    return text[a:rng.randint(a, len(text))]


def mutate(rng: random.Random, articles: list[str], categories: dict[str, list[str]]) -> str:
    """One mutated text (deterministic for the state of ``rng``)."""
    kind = rng.choice(["slice", "join", "unicode", "repeat", "mix"])
    text = rng.choice(articles)
    if kind in ("slice", "mix"):
        text = _slice(rng, text)
    if kind in ("join", "mix"):
        parts = [_slice(rng, rng.choice(articles)) for _ in range(rng.randint(2, 4))]
        text = rng.choice(["\n\n", "\n", " ", ""]).join([text, *parts])
    if kind in ("unicode", "mix"):
        chars = list(text)
        names = sorted(categories)
        for _ in range(rng.randint(1, 40)):
            pool = categories[rng.choice(names)]
            chars.insert(rng.randint(0, len(chars)), rng.choice(pool))
        text = "".join(chars)
    if kind in ("repeat", "mix"):
        for _ in range(rng.randint(1, 3)):
            at = rng.randint(0, len(text))
            unit = rng.choice(REPEATED)
            text = text[:at] + unit * rng.randint(10, 300) + text[at:]
    return text


def _spans(value: Any) -> Iterator[tuple[int, int, str]]:
    """(start, end, text) of every span, segment and time expression inside a draft."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        names = {f.name for f in dataclasses.fields(value)}
        if {"start", "end", "text"} <= names:
            yield value.start, value.end, value.text  # type: ignore[attr-defined]
        elif {"char_start", "char_end", "text"} <= names:
            yield value.char_start, value.char_end, value.text  # type: ignore[attr-defined]
        for name in names - {"source", "resolver"}:
            yield from _spans(getattr(value, name))
    elif isinstance(value, dict):
        for item in value.values():
            yield from _spans(item)
    elif isinstance(value, list | tuple | set | frozenset):
        for item in value:
            yield from _spans(item)


def check(text: str, gazetteer: Any) -> ArticleDraft:
    """The per-article stage over ``text``; AssertionError on a span with wrong offsets."""
    raw = text.encode("utf-8")
    source = Source("hunt.txt", hashlib.sha256(raw).hexdigest(), len(raw), "text", text)
    draft = extract_source(source, gazetteer, None, lambda meta: apply_recipe(meta, None))
    for start, end, words in _spans(draft):
        assert text[start:end] == words, f"offsets {start}:{end} hold {text[start:end]!r}, " \
                                         f"not {words!r}"
    return draft


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--examples", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--minutes", type=float, default=None, help="stop after this long")
    parser.add_argument("--articles", type=int, default=60, help="articles to mutate")
    parser.add_argument("--keep", type=Path, default=None, help="write failing texts here")
    args = parser.parse_args()
    gazetteer = builtin_gazetteer()
    articles = _articles(args.articles)
    categories = _categories()
    started = time.monotonic()
    slowest: list[tuple[float, int, int]] = []
    failed = done = 0
    for number in range(args.examples):
        if args.minutes is not None and time.monotonic() - started > args.minutes * 60:
            break
        text = mutate(random.Random(f"{args.seed}:{number}"), articles, categories)
        begun = time.process_time()
        try:
            check(text, gazetteer)
        except Exception:  # every failure is reported, whatever it is
            failed += 1
            print(f"example {number} ({len(text)} chars) failed:")
            traceback.print_exc(limit=-3, file=sys.stdout)
            if args.keep is not None:
                args.keep.mkdir(parents=True, exist_ok=True)
                (args.keep / f"{number}.txt").write_text(text, encoding="utf-8",
                                                        errors="surrogatepass")
        slowest = sorted([*slowest, (time.process_time() - begun, number, len(text))])[-5:]
        done += 1
    print(f"{done} examples (seed {args.seed}), {failed} failed, "
          f"{time.monotonic() - started:.0f} s")
    for seconds, number, size in reversed(slowest):
        print(f"  slowest: example {number}, {size} chars, {seconds:.2f} s CPU")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
