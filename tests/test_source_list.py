"""The descriptor's ``sources``: every source listed up to ``LISTED_LIMIT`` articles, a summary
with a digest of the articles table above it; validation ties both to the articles table."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pyarrow.parquet as pq
import pytest
from hypothesis import given
from hypothesis import strategies as st
from synthetic import write_corpus

from newsgraph.package.source_list import LISTED_LIMIT, SourceList, digest_of_columns, source_summary
from tests.conftest import DATASET, run_cli

#: Runs the builder or the CLI end to end: left out of ``make test-fast``.
pytestmark = pytest.mark.slow

_entry = st.fixed_dictionaries({
    "file": st.text(min_size=1, max_size=12),
    "record": st.none() | st.text(min_size=1, max_size=8),
    "hash": st.text("0123456789abcdef", min_size=64, max_size=64).map(lambda h: f"sha256:{h}"),
    "bytes": st.integers(0, 10**9),
    "language": st.sampled_from(["en", "de", None]),
    "publisher": st.none() | st.sampled_from(["Reuters", "Le Monde", "Ünïcode Times"]),
    "published": st.none() | st.dates().map(lambda d: d.isoformat()),
})


@given(st.lists(_entry, max_size=30), st.integers(0, 5))
def test_the_streamed_digest_is_the_digest_of_whole_columns(entries: list[dict[str, object]],
                                                            limit: int) -> None:
    sources = SourceList(limit=limit)
    for entry in entries:
        sources.add(entry)
    columns = {"source_file": [e["file"] for e in entries],
               "record_locator": [e["record"] for e in entries],
               "sha256": [str(e["hash"]).removeprefix("sha256:") for e in entries],
               "bytes": [e["bytes"] for e in entries]}
    assert sources.digest() == digest_of_columns(columns)
    assert sources.listed == (entries if len(entries) <= limit else None)
    described = sources.descriptor_sources("json/articles.jsonl")
    if len(entries) > limit:
        assert described[0]["summary"]["articles"] == len(entries)
        assert sum(sources.languages.values()) == len(entries)


def test_a_small_package_lists_every_source_and_a_changed_entry_is_an_error(
        tmp_path: Path) -> None:
    package = tmp_path / "pkg"
    shutil.copytree(DATASET, package)
    descriptor = json.loads((package / "datapackage.json").read_text(encoding="utf-8"))
    assert source_summary(descriptor) is None and len(descriptor["sources"]) == 5
    descriptor["sources"][1]["bytes"] += 1
    (package / "datapackage.json").write_text(json.dumps(descriptor), encoding="utf-8")
    result = run_cli("validate", package)
    assert result.returncode == 1 and "datapackage.json: sources" in result.stdout + result.stderr


def test_a_large_package_carries_a_summary_that_validation_checks(tmp_path: Path) -> None:
    """End to end: a build just above the limit, frictionless, info, then a tampered summary."""
    src, out = tmp_path / "articles", tmp_path / "out"
    write_corpus(src, LISTED_LIMIT + 1, seed=3)
    (src / "copy.txt").write_bytes((src / "000000.txt").read_bytes())  # a folded duplicate
    built = run_cli("build", src, "--out", out)
    assert built.returncode == 0, built.stderr
    descriptor = json.loads((out / "datapackage.json").read_text(encoding="utf-8"))
    summary = source_summary(descriptor)
    assert summary is not None and summary["articles"] == LISTED_LIMIT + 1
    articles = pq.read_table(out / "parquet" / "articles.parquet").to_pydict()
    assert summary["bytes"] == sum(articles["bytes"])
    assert summary["digest"] == digest_of_columns(
        {k: articles[k] for k in ("source_file", "record_locator", "sha256", "bytes")})
    assert (out / "datapackage.json").stat().st_size < 100_000  # the Table Schemas inline
    checked = subprocess.run([sys.executable, "-m", "frictionless", "validate",
                              str(out / "datapackage.json")], capture_output=True, text=True,
                             check=False)
    assert checked.returncode == 0, checked.stdout[-2000:]
    info = run_cli("info", "--dataset", out)
    assert info.returncode == 0 and "000000.txt:" in info.stdout
    assert f"({LISTED_LIMIT + 1:,} in all)" in info.stdout
    card = (out / "README.md").read_text(encoding="utf-8")
    assert f"{LISTED_LIMIT + 1:,} source articles" in card and summary["digest"] in card
    for key, value in (("articles", LISTED_LIMIT), ("digest", "sha256:" + "0" * 64),
                       ("languages", {"de": LISTED_LIMIT + 1})):
        tampered = json.loads(json.dumps(descriptor))
        tampered["sources"][0]["summary"][key] = value
        (out / "datapackage.json").write_text(json.dumps(tampered), encoding="utf-8")
        result = run_cli("validate", out)
        assert result.returncode == 1, key
        assert f"datapackage.json: sources summary {key}" in result.stdout + result.stderr
