"""The record registries spilled to disk (``builder/registry.py``) give the rows kept in memory
would: the same rows in the same order, whatever the articles' split into runs.

A build with a spill limit of a few entries (every few articles a run goes to the on-disk
store) writes every file of the package byte for byte as one with the default limit (no spill
on these corpora); and on random contributions (records reported by several articles, dates
of every rank, shared participants, evidence repeated) ``Assembler.finish`` gives the same
rows at any limit.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsgraph.builder import registry
from newsgraph.builder.assemble import Assembler
from newsgraph.builder.build import BuildOptions, build
from newsgraph.builder.contribution import (
    ClaimPart,
    Contribution,
    EventDate,
    EventInfo,
    EventPart,
    NameUse,
    QuotePart,
)
from newsgraph.builder.reuse import Reuse
from newsgraph.rules.drafts import ActorDraft
from tests.conftest import DATASET, RECIPE, REPO, examples

sys.path.insert(0, str(REPO / "benchmarks"))
from corpora import write_news_corpus

#: Runs the builder or the CLI end to end: left out of ``make test-fast``.
pytestmark = pytest.mark.slow


def _files(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*"))
            if p.is_file()}


def _build(src: Path | None, out: Path | None, limit: int, monkeypatch: pytest.MonkeyPatch,
           **options: object) -> dict[str, bytes]:
    monkeypatch.setattr(registry, "SPILL_LIMIT", limit)
    spilled: list[int] = []
    add_run = registry.RecordStore.add_run

    def counting(self: registry.RecordStore, *args: object) -> None:
        spilled.append(1)
        add_run(self, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(registry.RecordStore, "add_run", counting)
    result = build(src, out, BuildOptions(**options))  # type: ignore[arg-type]
    assert (len(spilled) > 2) == (limit < 100), "the small limit must spill, the default not"
    return _files(result.out)


def test_the_bundled_dataset_is_the_same_built_with_spilled_registries(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    recipe = tmp_path / "recipe"
    shutil.copytree(RECIPE, recipe)
    assert _build(recipe, tmp_path / "out", 7, monkeypatch, use_cache=False) == _files(DATASET)


@pytest.mark.parametrize("omit_text", [False, True])
def test_a_corpus_with_reuse_is_the_same_built_with_spilled_registries(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, omit_text: bool) -> None:
    src = tmp_path / "src"
    write_news_corpus(src, 30, seed=3)
    for seed in sorted((RECIPE / "sources").glob("*.txt")):
        shutil.copy(seed, src / f"seed_{seed.name}")
    memory = _build(src, tmp_path / "memory", registry.SPILL_LIMIT, monkeypatch,
                    use_cache=False, omit_text=omit_text)
    assert len(memory["json/article_relations.jsonl"]) > 0, "the corpus must reuse text"
    assert _build(src, tmp_path / "one", 1, monkeypatch, use_cache=False,
                  omit_text=omit_text) == memory
    # with the build cache: the first build assembles, the second replays contributions
    for _ in range(2):
        assert _build(src, tmp_path / "cached", 25, monkeypatch, omit_text=omit_text) == memory


# --- random contributions -------------------------------------------------------------------

ACTORS = {f"Name {i}": ActorDraft(name=f"Name {i}", kind="person", aliases={"N"},
                                   method="curated" if i % 2 else "rule:a@1")
          for i in range(4)}
IDS = st.sampled_from([f"r{i}" for i in range(12)])
ROLES = st.sampled_from(["source", "target"])
DATE = st.builds(EventDate, st.integers(0, 50), st.integers(50, 90), st.sampled_from(["a", "b"]),
                 st.sampled_from([None, dt.date(2019, 10, 9), dt.date(2019, 10, 1)]),
                 st.none(), st.sampled_from(["day", "unknown"]),
                 st.sampled_from(["stated", "relative", "publication_date"]))
INFO = st.builds(EventInfo, st.sampled_from(["agreement", "meeting"]), st.sampled_from(["x", "yy"]),
                 st.sampled_from(["occurred", "planned"]), st.none() | DATE,
                 st.none() | st.just("Ankara"), st.just("rule:e@1"))
QUOTE = st.builds(QuotePart, IDS.map("q".__add__), st.sampled_from(["said a", "said b"]),
                  st.none() | st.just("a1"), st.none(), st.just("direct"), st.just("rule:q@1"))
CLAIM = st.builds(ClaimPart, IDS.map("c".__add__), st.none(), st.none(),
                  st.sampled_from(["the text", "u"]), st.just("assertion"), st.just("positive"),
                  st.just("rule:c@1"), st.integers(0, 9), st.lists(IDS.map("q".__add__)),
                  st.lists(IDS.map("e".__add__)))
EVENT = st.builds(EventPart, IDS.map("e".__add__), INFO, st.integers(-1, 2), st.none() | INFO,
                  st.integers(0, 9), st.lists(st.tuples(st.sampled_from(["a1", "a2"]), ROLES)))
ARTICLE = st.tuples(
    st.dictionaries(IDS.map("q".__add__) | IDS.map("c".__add__) | IDS.map("e".__add__)
                    | st.sampled_from(["a1", "a2"]), st.integers(0, 30)),
    st.lists(QUOTE, max_size=3), st.lists(CLAIM, max_size=3), st.lists(EVENT, max_size=3),
    st.lists(st.sampled_from(sorted(ACTORS)), max_size=2))


def _contribution(i: int, article: tuple) -> Contribution:  # type: ignore[type-arg]
    seen, quotes, claims, events, names = article
    uses = [NameUse(n, n, f"a{int(n[-1]) % 2 + 1}") for n in dict.fromkeys(names)]
    return Contribution(f"f{i:03d}", f"f{i:03d}", 0, f"art{i}", uses, seen,
                        {u.actor_id: [u.name, "x"] for u in uses}, quotes, claims, events)


def _finished(articles: list[tuple], limit: int,  # type: ignore[type-arg]
              omit_text: bool) -> dict[str, list[dict]]:  # type: ignore[type-arg]
    assembler = Assembler({}, ACTORS, omit_text=omit_text, related={"f000", "f001"},
                          spill_limit=limit)
    for i, article in enumerate(articles):
        assembler.apply(_contribution(i, article))
    tables: dict[str, list[dict]] = {}  # type: ignore[type-arg]
    reuse = [Reuse("f000", "f001", 2, 3)] if len(articles) > 1 else []
    for name, rows in assembler.finish(reuse, batch=3):
        assert len(rows) <= 3
        tables.setdefault(name, []).extend(rows)
    return tables


@settings(max_examples=examples(150), deadline=None)
@given(articles=st.lists(ARTICLE, max_size=8), limit=st.integers(0, 12), omit_text=st.booleans())
def test_spilled_registries_finish_with_the_rows_kept_in_memory(
        articles: list[tuple], limit: int, omit_text: bool) -> None:  # type: ignore[type-arg]
    memory = _finished(articles, 10**9, omit_text)
    assert _finished(articles, limit, omit_text) == memory


def _sqlite_temporary_files() -> list[str]:
    """What this process's open SQLite temporary files (``etilqs_*``) point to."""
    targets = []
    for fd in Path("/proc/self/fd").iterdir():
        try:
            target = os.readlink(fd)
        except OSError:  # the descriptor of the listing itself, closed meanwhile
            continue
        if "etilqs_" in target:
            targets.append(target)
    return targets


@pytest.mark.skipif(not Path("/proc/self/fd").is_dir(), reason="needs Linux's /proc")
def test_the_store_has_no_name_and_goes_with_the_connection(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """The states are pickled (docs/architecture.md allows it for unnamed files only): the
    store's file must be unlinked while in use, and closed with the store."""
    monkeypatch.setattr(registry, "_CACHE_KIB", 64)  # small, so the pages reach the file
    before = _sqlite_temporary_files()
    store = registry.RecordStore()
    store.add_run({f"q{i:05d}": (i, 0) for i in range(3000)},
                  {f"q{i:05d}": {"text": "x" * 200} for i in range(3000)}, {}, {})
    opened = [t for t in _sqlite_temporary_files() if t not in before]
    assert opened, "the store wrote no temporary file: the test would prove nothing"
    assert all(t.endswith(" (deleted)") for t in opened), opened
    assert sum(1 for _ in store.sorted_states("quotes", 10**9)) == 3000
    store.close()
    assert [t for t in _sqlite_temporary_files() if t not in before] == []
