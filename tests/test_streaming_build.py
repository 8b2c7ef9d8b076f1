"""The streaming build: its cross-article stages agree with their simple definitions, row groups
and engines never change the rows, the layout (one file or a folder of parts per table, --parts)
is the package's choice whatever the engine, and folders of parts are read by real clients.
"""

from __future__ import annotations

import socket
import subprocess
import sys
from collections import Counter, defaultdict
from pathlib import Path

import duckdb
import pyarrow.parquet as pq
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import newsgraph
from newsgraph.builder.assemble import link_actor_names
from newsgraph.builder.build import BuildOptions, build
from newsgraph.builder.reuse import MAX_ARTICLES_PER_SHINGLE, Reuse, ReuseFinder
from newsgraph.package import writer
from newsgraph.package.tables import TABLES, jsonl_path
from tests.conftest import REPO, examples, run_cli

#: Runs the builder or the CLI end to end: left out of ``make test-fast``.
pytestmark = pytest.mark.slow

FIXTURES = REPO / "tests" / "fixtures" / "articles"


def _pairwise_link(people: Counter[str]) -> dict[str, str]:
    """The definition: compare every name with every other (quadratic). Two names are one
    person when one ends with the other and every name ending with the shorter one ends with
    the longest of them; each such group maps to its full name most articles write."""
    names = sorted(people)

    def ends(longer: str, shorter: str) -> bool:
        a, b = longer.split(), shorter.split()
        return len(a) > len(b) and a[-len(b):] == b

    groups: list[set[str]] = []
    for name in names:
        longer = [o for o in names if ends(o, name)]
        if longer and all(ends(x, y) or ends(y, x) or x == y for x in longer for y in longer):
            group = {name, *longer}
            for g in [g for g in groups if g & group]:
                groups.remove(g)
                group |= g
            groups.append(group)
    canonical = {}
    for group in groups:
        best = max(group, key=lambda n: (" " in n, people[n], len(n.split()), n))
        canonical.update({n: best for n in group if n != best})
    return canonical


NAMES = st.lists(st.lists(st.sampled_from(["Ann", "Bo", "Kim", "Lee", "Tayyip", "Erdogan"]),
                          min_size=1, max_size=4).map(" ".join), max_size=25)


@settings(max_examples=examples(300), deadline=None)
@given(people=NAMES)
def test_suffix_index_linking_equals_the_pairwise_definition(people: list[str]) -> None:
    counts = Counter(people)  # a name written twice: two articles write it
    assert link_actor_names(counts) == _pairwise_link(counts)


def test_a_rare_longer_name_is_not_the_canonical_name() -> None:
    counts = Counter({"Sanders": 3, "Ann Sanders": 9, "Mayor Ann Sanders": 1,
                      "Erdogan": 2, "Recep Tayyip Erdogan": 1, "Tayyip Erdogan": 1})
    assert link_actor_names(counts) == {
        "Sanders": "Ann Sanders", "Mayor Ann Sanders": "Ann Sanders",
        "Erdogan": "Recep Tayyip Erdogan", "Tayyip Erdogan": "Recep Tayyip Erdogan"}


def _reference_reuse(corpus: list[tuple[str, list[list[int]]]]) -> list[Reuse]:
    """The definition, in memory: an inverted index from shingle to articles."""
    index: dict[int, set[str]] = defaultdict(set)
    for name, sentences in corpus:
        for shingles in sentences:
            for s in shingles:
                index[s].add(name)
    found = []
    for name, sentences in sorted(corpus):
        shared: dict[str, int] = defaultdict(int)
        for shingles in sentences:
            hits: dict[str, int] = defaultdict(int)
            for s in shingles:
                names = index[s]
                if len(names) <= MAX_ARTICLES_PER_SHINGLE:
                    for other in names - {name}:
                        hits[other] += 1
            for other, n in hits.items():
                if n >= 0.5 * len(shingles):
                    shared[other] += 1
        found += [Reuse(name, other, n, len(sentences)) for other, n in sorted(shared.items())]
    return found


SENTENCE = st.lists(st.integers(0, 40), min_size=1, max_size=6, unique=True).map(sorted)
CORPUS = st.lists(st.lists(SENTENCE, max_size=5), min_size=1, max_size=8)


@settings(max_examples=examples(60), deadline=None)
@given(articles=CORPUS)
def test_out_of_core_reuse_equals_the_in_memory_definition(tmp_path_factory: pytest.TempPathFactory,
                                                           articles: list[list[list[int]]]) -> None:
    corpus = [(f"{i:03d}.txt", sentences) for i, sentences in enumerate(articles)]
    finder = ReuseFinder(tmp_path_factory.mktemp("reuse"))
    for name, sentences in corpus:
        finder.add(name, sentences)
    assert finder.pairs() == _reference_reuse(corpus)


def test_a_shingle_in_too_many_articles_is_a_stock_phrase(tmp_path: Path) -> None:
    many = [(f"{i:03d}.txt", [[7, 8]]) for i in range(MAX_ARTICLES_PER_SHINGLE + 1)]
    few = many[:3]
    for corpus, expect_pairs in ((many, 0), (few, 6)):
        (tmp_path / str(len(corpus))).mkdir()
        finder = ReuseFinder(tmp_path / str(len(corpus)))
        for name, sentences in corpus:
            finder.add(name, sentences)
        pairs = finder.pairs()
        assert pairs == _reference_reuse(corpus) and len(pairs) == expect_pairs


def _jsonl(root: Path) -> dict[str, bytes]:
    return {t.name: (root / jsonl_path(t.name)).read_bytes() for t in TABLES}


@pytest.fixture(scope="module")
def local_build(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("local") / "pkg"
    build(FIXTURES, out, BuildOptions(use_curated=False))
    return out


def test_small_row_groups_give_the_same_rows(local_build: Path, tmp_path: Path,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(writer, "ROW_GROUP_SIZE", 7)
    monkeypatch.setattr(writer, "MAX_GROUP_CHARS", 5_000)  # cuts the article texts too
    out = tmp_path / "small-groups"
    build(FIXTURES, out, BuildOptions(use_curated=False))
    assert _jsonl(out) == _jsonl(local_build)
    mentions = pq.ParquetFile(out / "parquet" / "actor_mentions.parquet")
    assert mentions.metadata.num_row_groups > 10
    assert max(mentions.metadata.row_group(i).num_rows
               for i in range(mentions.metadata.num_row_groups)) == 7
    assert pq.ParquetFile(out / "parquet" / "articles.parquet").metadata.num_row_groups > 1
    assert run_cli("validate", out).returncode == 0


@pytest.fixture(scope="module")
def dask_build(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("dask") / "pkg"
    result = run_cli("build", FIXTURES, "--out", out, "--no-curated", "--engine", "dask",
                     "--workers", "2", "--parts")  # a LocalCluster of two worker processes
    assert result.returncode == 0, result.stderr
    return out


def test_dask_engine_gives_the_same_rows_as_the_local_engine(dask_build: Path,
                                                             local_build: Path) -> None:
    assert _jsonl(dask_build) == _jsonl(local_build)
    for t in TABLES:
        assert not (dask_build / "parquet" / f"{t.name}.parquet").exists()
        parts = sorted((dask_build / "parquet" / t.name).glob("part-*.parquet"))
        assert parts, t.name
        assert pq.read_table(dask_build / "parquet" / t.name).equals(
            pq.read_table(local_build / "parquet" / f"{t.name}.parquet"))


def _files(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*"))
            if p.is_file()}


def test_the_layout_is_an_option_of_the_package_not_of_the_engine(local_build: Path,
                                                                   tmp_path: Path) -> None:
    """Without --parts a Dask build writes the local engine's package, byte for byte; with
    it, the local engine writes folders of parts holding the same rows."""
    dask_single = tmp_path / "dask-single"
    result = run_cli("build", FIXTURES, "--out", dask_single, "--no-curated", "--engine",
                     "dask", "--workers", "2", "--no-cache")
    assert result.returncode == 0, result.stderr
    assert _files(dask_single) == _files(local_build)
    local_parts = tmp_path / "local-parts"
    build(FIXTURES, local_parts, BuildOptions(use_curated=False, parts=True))
    assert _jsonl(local_parts) == _jsonl(local_build)
    for t in TABLES:
        assert not (local_parts / "parquet" / f"{t.name}.parquet").exists()
        assert pq.read_table(local_parts / "parquet" / t.name).equals(
            pq.read_table(local_build / "parquet" / f"{t.name}.parquet"))
    assert run_cli("validate", local_parts).returncode == 0


def test_folders_of_parts_are_read_by_duckdb_newsgraph_and_frictionless(dask_build: Path) -> None:
    assert run_cli("validate", dask_build).returncode == 0
    for t in TABLES:
        [(n,)] = duckdb.sql(
            f"select count(*) from '{dask_build}/parquet/{t.name}/*.parquet'").fetchall()
        assert n == len(newsgraph.load(t.name, dataset_dir=dask_build))
    connection = newsgraph.connect(dataset_dir=dask_build)
    [(quotes,)] = connection.sql("select count(*) from quotes_with_sources").fetchall()
    assert quotes > 0
    result = subprocess.run([sys.executable, "-m", "frictionless", "validate",
                             str(dask_build / "datapackage.json")], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout[-2000:]


def test_a_missing_part_is_caught(dask_build: Path, tmp_path: Path) -> None:
    import shutil

    copy = tmp_path / "copy"
    shutil.copytree(dask_build, copy)
    next((copy / "parquet" / "quotes").glob("part-*.parquet")).unlink()
    result = run_cli("validate", copy)
    assert result.returncode == 1 and "part-00000.parquet: file is missing" in result.stderr


def test_scheduler_without_the_dask_engine_is_a_usage_error(tmp_path: Path) -> None:
    result = run_cli("build", FIXTURES, "--out", tmp_path / "x", "--scheduler", "tcp://h:1")
    assert result.returncode == 2
    assert result.stderr.strip() == "newsgraph: error: --scheduler needs --engine dask"


def test_a_dask_build_keeps_stderr_clean_when_another_cluster_holds_the_dashboard_port(
        tmp_path: Path) -> None:
    """Dask's scheduler serves HTTP on port 8787 by default and warns on stderr ("Port 8787 is
    already in use") when another cluster holds it; the build's own cluster takes any free
    port, so its stderr stays empty."""
    with socket.socket() as held:
        try:
            held.bind(("127.0.0.1", 8787))
            held.listen()
        except OSError:
            pass  # something else already holds it: the case this test is about
        result = run_cli("build", FIXTURES, "--out", tmp_path / "pkg", "--no-curated",
                         "--engine", "dask", "--workers", "1", "--no-cache")
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
