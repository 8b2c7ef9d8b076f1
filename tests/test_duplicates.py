"""Byte-identical sources are folded into the first copy and recorded (issue 12, item 4).

A folder holding the same article twice (a syndicated copy, a file saved twice) builds: the
first copy in source order is the article, every later copy is a row of
``article_duplicates`` pointing at it, and the build summary says how many were folded. The
package stays valid for newsgraph and for ``frictionless validate``.
"""

from __future__ import annotations

import hashlib
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from newsgraph.models.ids import content_id
from tests.conftest import RECIPE, run_cli

#: Runs the builder or the CLI end to end: left out of ``make test-fast``.
pytestmark = pytest.mark.slow

SEEDS = RECIPE / "sources"
FIRST = "004_8e9136e739b8f44d.txt"
OTHER = "001_744b32cb9cf5273c.txt"


def _rows(out: Path, table: str) -> list[dict[str, object]]:
    lines = (out / "json" / f"{table}.jsonl").read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines]


def _frictionless(out: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "frictionless", "validate",
                           str(out / "datapackage.json")], capture_output=True, text=True,
                          check=False)


def test_identical_sources_are_folded_and_recorded(tmp_path: Path) -> None:
    src = tmp_path / "src"
    src.mkdir()
    # b_ and z_ are copies of a_; m_ is another article. The copies sort after and around it.
    shutil.copy(SEEDS / FIRST, src / "a_first.txt")
    shutil.copy(SEEDS / FIRST, src / "b_copy.txt")
    shutil.copy(SEEDS / OTHER, src / "m_other.txt")
    shutil.copy(SEEDS / FIRST, src / "z copy with spaces.txt")
    out = tmp_path / "pkg"
    result = run_cli("build", src, "--out", out)
    assert result.returncode == 0, result.stderr
    assert "2 duplicate sources folded" in result.stdout, result.stdout

    articles = _rows(out, "articles")
    assert [a["source_file"] for a in articles] == ["a_first.txt", "m_other.txt"]
    raw = (SEEDS / FIRST).read_bytes()
    sha = hashlib.sha256(raw).hexdigest()
    kept = articles[0]["article_id"]
    assert kept == content_id("article", sha)
    duplicates = _rows(out, "article_duplicates")
    assert duplicates == [
        {"duplicate_id": content_id("article_duplicate", kept, name), "article_id": kept,
         "duplicate_source_file": name, "duplicate_record_locator": None, "sha256": sha,
         "bytes": len(raw), "method": "rule:exact_duplicate@1"}
        for name in ("b_copy.txt", "z copy with spaces.txt")]
    # the copies add no records of their own: the kept article's mentions are all there are
    assert {m["article_id"] for m in _rows(out, "quote_mentions")} <= \
        {a["article_id"] for a in articles}
    descriptor = json.loads((out / "datapackage.json").read_text(encoding="utf-8"))
    assert "json/article_duplicates.jsonl" in [r.get("path") for r in descriptor["resources"]]

    assert run_cli("validate", out).returncode == 0
    checked = _frictionless(out)
    assert checked.returncode == 0, checked.stdout[-3000:]


def test_same_build_without_the_copies_differs_only_by_the_duplicates(tmp_path: Path) -> None:
    """Folding is exact: the other tables are those of a build without the copies."""
    with_copies, without = tmp_path / "with", tmp_path / "without"
    for folder in (with_copies, without):
        folder.mkdir()
        shutil.copy(SEEDS / FIRST, folder / "a.txt")
        shutil.copy(SEEDS / OTHER, folder / "c.txt")
    shutil.copy(SEEDS / FIRST, with_copies / "b.txt")
    for folder in (with_copies, without):
        assert run_cli("build", folder, "--out", tmp_path / f"{folder.name}-pkg").returncode == 0
    for table in ("articles", "actors", "quotes", "quote_mentions", "claims", "events",
                  "article_relations", "article_segments"):
        assert (tmp_path / "with-pkg" / "json" / f"{table}.jsonl").read_bytes() == \
            (tmp_path / "without-pkg" / "json" / f"{table}.jsonl").read_bytes(), table
    assert len(_rows(tmp_path / "with-pkg", "article_duplicates")) == 1


def test_no_duplicates_gives_an_empty_table(tmp_path: Path) -> None:
    src = tmp_path / "src"
    src.mkdir()
    shutil.copy(SEEDS / FIRST, src)
    shutil.copy(SEEDS / OTHER, src)
    out = tmp_path / "pkg"
    result = run_cli("build", src, "--out", out)
    assert result.returncode == 0, result.stderr
    assert "0 duplicate sources folded" in result.stdout, result.stdout
    assert (out / "json" / "article_duplicates.jsonl").read_bytes() == b""
    assert (out / "parquet" / "article_duplicates.parquet").is_file()
    checked = _frictionless(out)
    assert checked.returncode == 0, checked.stdout[-3000:]


def test_a_duplicate_pointing_at_no_article_is_invalid(tmp_path: Path) -> None:
    """The validator checks the new table's foreign key (the table is registered)."""
    from newsgraph.package.tables import TABLES_BY_NAME
    from newsgraph.package.validate import Report, check_package

    spec = TABLES_BY_NAME["article_duplicates"]
    assert spec.foreign_keys[0].table == "articles"
    row = {"duplicate_id": content_id("article_duplicate", "art_0000000000000000", "x.txt"),
           "article_id": "art_0000000000000000", "duplicate_source_file": "x.txt",
           "sha256": "0" * 64, "bytes": 1, "method": "rule:exact_duplicate@1"}
    data: dict[str, list[dict[str, object]]] = {t: [] for t in TABLES_BY_NAME}
    data["article_duplicates"] = [row]
    report = Report()
    check_package(data, report)  # type: ignore[arg-type]
    assert any("article_duplicates" in p and "article_id" in p for p in report.problems), \
        report.problems
