"""The benchmark's realistic corpus (benchmarks/corpora.py): deterministic, 2-8 KB articles,
and wire copy that the build's text-reuse join finds."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from tests.conftest import REPO, run_cli

sys.path.insert(0, str(REPO / "benchmarks"))
from corpora import MAX_BYTES, MIN_BYTES, write_news_corpus

#: Runs the builder or the CLI end to end: left out of ``make test-fast``.
pytestmark = pytest.mark.slow


def _bytes(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


def test_the_same_seed_gives_the_same_bytes_and_another_seed_others(tmp_path: Path) -> None:
    write_news_corpus(tmp_path / "a", 30, seed=5)
    write_news_corpus(tmp_path / "b", 30, seed=5)
    write_news_corpus(tmp_path / "c", 30, seed=6)
    assert _bytes(tmp_path / "a") == _bytes(tmp_path / "b") != _bytes(tmp_path / "c")
    sizes = [len(b) for b in _bytes(tmp_path / "a").values()]
    assert all(MIN_BYTES <= s <= MAX_BYTES + 1_000 for s in sizes)


def test_wire_copy_is_found_by_the_reuse_join(tmp_path: Path) -> None:
    src, out = tmp_path / "news", tmp_path / "out"
    write_news_corpus(src, 40, seed=2, reuse_share=0.5)
    paragraphs: dict[str, set[str]] = {}
    for name, raw in _bytes(src).items():
        for paragraph in raw.decode().split("\n\n"):
            if len(paragraph) > 200:
                paragraphs.setdefault(paragraph, set()).add(name)
    copies = {frozenset(names) for names in paragraphs.values() if len(names) > 1}
    assert len(copies) >= 5  # pairs of articles sharing a whole paragraph
    assert run_cli("build", src, "--out", out).returncode == 0
    rows = [json.loads(line) for line in (out / "json" / "article_relations.jsonl").open()]
    ids = {json.loads(line)["source_file"]: json.loads(line)["article_id"]
           for line in (out / "json" / "articles.jsonl").open()}
    found = {frozenset((r["article_id"], r["related_article_id"])) for r in rows}
    assert all(frozenset(ids[n] for n in pair) in found for pair in copies if len(pair) == 2)


def test_the_quick_benchmark_writes_its_report(tmp_path: Path) -> None:
    """`benchmarks/run.py --quick` end to end: every section, the realistic corpus among the
    builds, and the validation ratios (no timing is asserted)."""
    import subprocess

    out = tmp_path / "performance.md"
    done = subprocess.run([sys.executable, str(REPO / "benchmarks" / "run.py"), "--quick",
                           "--out", str(out)], capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr[-2000:]
    report = out.read_text(encoding="utf-8")
    assert "x the limit (target: within 2x)" in report and "frictionless validate" in report
    assert "| news | 100 |" in report and "MB/s per core" in report
    assert (tmp_path / "performance-build.png").is_file()
