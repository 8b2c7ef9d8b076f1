"""CPU time of each per-article stage on a folder of articles, and the functions that take it.

    python benchmarks/profile_stages.py CORPUS_DIR [--repeat 3] [--cprofile N]

Reads every ``*.txt``, ``*.md``, ``*.html`` of CORPUS_DIR once, then runs the per-article stage
(``extract.extract_source``'s steps: segment, metadata and language, then each of
``extract.ARTICLE_STAGES``) over all of them ``--repeat`` times and prints, per step, the best
run's CPU milliseconds per article (process time: other processes on the machine cost less
than in wall time). ``--cprofile N`` also prints the N functions with the most own time over
one more run. Machine-dependent figures: nothing is written to the repo. Run it with
``PYTHONPATH=OTHER_CHECKOUT`` to measure another commit's code with the same script.
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import time
from collections.abc import Callable
from pathlib import Path

from newsgraph.builder.extract import ARTICLE_STAGES
from newsgraph.builder.reuse import sentence_shingles
from newsgraph.rules.actors import builtin_gazetteer
from newsgraph.rules.drafts import ArticleDraft
from newsgraph.rules.metadata import apply_language, apply_page, apply_recipe, read_metadata
from newsgraph.rules.segment import segment
from newsgraph.rules.sources import Source, read_source


def _one_run(sources: list[Source], clock: Callable[[], float]) -> dict[str, float]:
    """Seconds per step over all ``sources``."""
    gazetteer = builtin_gazetteer()
    spent: dict[str, float] = {}

    def tick(name: str, since: float) -> float:
        now = clock()
        spent[name] = spent.get(name, 0.0) + now - since
        return now

    for source in sources:
        t = clock()
        segments = segment(source.text, source.page.main if source.page else None)
        t = tick("segment", t)
        meta = apply_recipe(apply_page(read_metadata(segments, gazetteer), source.page), None)
        t = tick("metadata", t)
        meta = apply_language(meta, segments)
        t = tick("language", t)
        draft = ArticleDraft(source, meta, segments)
        for name, stage in ARTICLE_STAGES:
            stage(draft, gazetteer, None)
            t = tick(name, t)
        sentence_shingles(draft)
        tick("shingles", t)
    return spent


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", type=Path)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--cprofile", type=int, default=0, metavar="N")
    args = parser.parse_args()
    paths = sorted(p for p in args.corpus.iterdir() if p.suffix in (".txt", ".md", ".html"))
    sources = [read_source(p, max_bytes=20_000_000) for p in paths]
    _one_run(sources[:20], time.process_time)  # warm up: gazetteer, lazy imports, caches
    runs = [_one_run(sources, time.process_time) for _ in range(args.repeat)]
    best = {name: min(run[name] for run in runs) for name in runs[0]}
    n = len(sources)
    for name, seconds in best.items():
        print(f"{name:22} {1000 * seconds / n:7.3f} ms/article")
    print(f"{'total':22} {1000 * sum(best.values()) / n:7.3f} ms/article "
          f"({n} articles, best of {args.repeat} runs, CPU time)")
    if args.cprofile:
        profile = cProfile.Profile()
        profile.enable()
        _one_run(sources, time.process_time)
        profile.disable()
        pstats.Stats(profile).sort_stats("tottime").print_stats(args.cprofile)


if __name__ == "__main__":
    main()
