"""Collections: JSON Lines, CSV and Parquet files of articles, one per row (issue 12, items 3
and 5).

The same texts build the same records from a folder and from each kind of collection, apart
from the locator and metadata columns; a bad row stops the build with ``FILE:LINE``, or with
``--skip-bad`` is listed in ``build-report.json``; duplicate rows fold into
``article_duplicates`` with their locator.
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import json
import random
import subprocess
import sys
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from synthetic import article_text

from newsgraph.builder.collection import ColumnMapping, read_collection
from newsgraph.builder.records import BadRecord, RecordItem
from tests.conftest import run_cli, table_rows

#: Runs the builder or the CLI end to end: left out of ``make test-fast``.
pytestmark = pytest.mark.slow

N = 40
#: Columns of ``articles`` that say where a record is or what its columns state.
LOCATOR_AND_METADATA = ("source_file", "record_locator", "title", "url", "publisher",
                        "publisher_basis", "metadata_note")


def _texts(n: int = N) -> list[str]:
    rng = random.Random(12)
    return [article_text(rng, i) for i in range(n)]


def _build(src: Path, out: Path, *args: str) -> subprocess.CompletedProcess[str]:
    result = run_cli("build", src, "--out", out, *args)
    assert result.returncode == 0, result.stderr
    return result


def _records(texts: list[str]) -> list[dict[str, Any]]:
    return [{"id": f"r{i}", "content": t, "headline": f"Headline {i}",
             "link": f"https://example.com/{i}", "domain": "example.com"}
            for i, t in enumerate(texts)]


def _write_jsonl(path: Path, rows: list[dict[str, Any]]) -> Path:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows),
                    encoding="utf-8")
    return path


def _write_csv(path: Path, rows: list[dict[str, Any]]) -> Path:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    return path


def _write_parquet(path: Path, rows: list[dict[str, Any]]) -> Path:
    pq.write_table(pa.Table.from_pylist(rows), path, row_group_size=7)
    return path


@pytest.fixture(scope="module")
def folder_build(tmp_path_factory: pytest.TempPathFactory) -> Path:
    work = tmp_path_factory.mktemp("folder")
    src = work / "src"
    src.mkdir()
    for i, text in enumerate(_texts()):
        (src / f"{i:06d}.txt").write_text(text, encoding="utf-8")
    _build(src, work / "out")
    return work / "out"


@pytest.mark.parametrize(("suffix", "write", "locator"), [
    (".jsonl", _write_jsonl, "line 1"),
    (".csv", _write_csv, "row 1"),
    (".parquet", _write_parquet, "row index 0"),
])
def test_collection_builds_the_records_of_a_folder(folder_build: Path, tmp_path: Path,
                                                   suffix: str, write: Any,
                                                   locator: str) -> None:
    texts = _texts()
    src = write(tmp_path / f"articles{suffix}", _records(texts))
    out = tmp_path / "out"
    _build(src, out)
    articles = table_rows(out, "articles")
    assert len(articles) == N
    first = articles[0]
    assert first["source_file"] == src.name
    assert first["record_locator"] == locator
    assert first["title"] == "Headline 0"
    assert first["url"] == "https://example.com/0"
    assert (first["publisher"], first["publisher_basis"]) == ("example.com", "column")
    assert first["sha256"] == hashlib.sha256(texts[0].encode("utf-8")).hexdigest()
    assert first["bytes"] == len(texts[0].encode("utf-8"))
    expected = table_rows(folder_build, "articles")
    assert [{k: v for k, v in a.items() if k not in LOCATOR_AND_METADATA} for a in articles] \
        == [{k: v for k, v in a.items() if k not in LOCATOR_AND_METADATA} for a in expected]
    for table in ("actors", "quotes", "quote_mentions", "claims", "claim_mentions", "events",
                  "event_mentions", "event_participants", "actor_mentions", "actor_roles",
                  "article_segments", "article_relations"):
        assert table_rows(out, table) == table_rows(folder_build, table), table
    assert run_cli("validate", out).returncode == 0


def test_the_date_column_gives_published_with_basis_column(tmp_path: Path) -> None:
    text = _texts(1)[0]
    src = _write_jsonl(tmp_path / "a.jsonl", [{"text": text, "date": "2019-11-26T08:00:00Z",
                                               "authors": ["Ann Lee", "Bo Chan"], "lang": "EN"}])
    out = tmp_path / "out"
    _build(src, out)
    article = table_rows(out, "articles")[0]
    assert (article["published"], article["published_basis"]) == ("2019-11-26", "column")
    assert article["authors"] == ["Ann Lee", "Bo Chan"]
    assert article["language"] == "en"


@pytest.mark.parametrize("value", ["2019-W01", "2019-W01-1", "20190105", "2019-001",
                                   "2019-02-30", "2019-11", "soon"])
def test_a_date_that_is_no_calendar_day_is_a_bad_record(tmp_path: Path, value: str) -> None:
    """Python 3.11 reads ISO week, ordinal and basic dates as days: a date column is a
    calendar date (YYYY-MM-DD, a timestamp, a date as written) or the row is bad."""
    src = _write_jsonl(tmp_path / "a.jsonl", [{"text": "x", "date": "2019-11-26"},
                                              {"text": "y", "date": value}])
    good, bad = read_collection(src, ColumnMapping(), 1 << 20)
    assert isinstance(good, RecordItem) and good.meta.published == dt.date(2019, 11, 26)
    assert isinstance(bad, BadRecord) and bad.line == 2
    assert str(bad.error()).startswith(f"{src}:2: column 'date': {value!r} is no")


@pytest.mark.parametrize(("value", "day"), [
    ("2019-11-26T08:00:00Z", dt.date(2019, 11, 26)), ("2019-11-26 08:00", dt.date(2019, 11, 26)),
    ("November 26, 2019", dt.date(2019, 11, 26)), ("26.11.2019", dt.date(2019, 11, 26)),
    ("  ", None), (None, None)])
def test_calendar_dates_timestamps_and_dates_as_written_are_read(tmp_path: Path, value: str,
                                                                 day: dt.date | None) -> None:
    src = _write_jsonl(tmp_path / "a.jsonl", [{"text": "x", "date": value}])
    (item,) = read_collection(src, ColumnMapping(), 1 << 20)
    assert isinstance(item, RecordItem) and item.meta.published == day


def test_a_week_date_stops_the_build_with_file_and_line(tmp_path: Path) -> None:
    src = _write_jsonl(tmp_path / "a.jsonl", [{"text": _texts(1)[0], "date": "2019-W01"}])
    result = run_cli("build", src, "--out", tmp_path / "out")
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in result.stderr, result.stderr
    assert lines[0].startswith(f"newsgraph: error: {src}:1: column 'date': '2019-W01' is not")


def test_named_columns_win_over_the_usual_names(tmp_path: Path) -> None:
    texts = _texts(2)
    rows = [{"text": "not this one", "article_body": t, "uid": f"u{i}"}
            for i, t in enumerate(texts)]
    src = _write_jsonl(tmp_path / "a.jsonl", rows)
    out = tmp_path / "out"
    _build(src, out, "--text-column", "article_body", "--id-column", "uid")
    articles = table_rows(out, "articles")
    assert [a["text"] for a in articles] == texts
    assert [a["record_locator"] for a in articles] == ["line 1, id u0", "line 2, id u1"]


def test_no_text_column_is_one_line_listing_the_columns(tmp_path: Path) -> None:
    src = _write_jsonl(tmp_path / "a.jsonl", [{"headline": "x", "words": "y"}])
    result = run_cli("build", src, "--out", tmp_path / "out")
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in result.stderr
    assert lines[0].startswith(f"newsgraph: error: {src}:1: no text column")
    assert "headline, words" in lines[0] and "--text-column" in lines[0]
    headerless = tmp_path / "a.csv"
    headerless.write_text("headline,words\nx,y\n", encoding="utf-8")
    result = run_cli("build", headerless, "--out", tmp_path / "out")
    assert result.returncode == 2 and "no text column" in result.stderr
    assert "the columns are: headline, words" in result.stderr
    result = run_cli("build", src, "--out", tmp_path / "out", "--text-column", "body_text")
    assert result.returncode == 2 and "no column 'body_text'" in result.stderr


def test_parquet_is_read_in_batches_never_whole(tmp_path: Path,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    texts = _texts(10)
    src = _write_parquet(tmp_path / "a.parquet", _records(texts))

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("the whole Parquet file was read")

    monkeypatch.setattr(pq, "read_table", refuse)
    monkeypatch.setattr(pq.ParquetFile, "read", refuse)
    monkeypatch.setattr("newsgraph.builder.collection.PARQUET_BATCH", 3)
    batches: list[int] = []
    original = pq.ParquetFile.iter_batches

    def spy(self: pq.ParquetFile, *args: Any, **kwargs: Any) -> Any:
        for batch in original(self, *args, **kwargs):
            batches.append(batch.num_rows)
            yield batch

    monkeypatch.setattr(pq.ParquetFile, "iter_batches", spy)
    items = list(read_collection(src, ColumnMapping(), 1 << 20))
    assert all(isinstance(i, RecordItem) for i in items)
    assert [i.raw.decode() for i in items if isinstance(i, RecordItem)] == texts
    assert max(batches) <= 3 and sum(batches) == 10


BAD_ROWS = [
    b"",  # an empty line (line 2)
    json.dumps({"text": None, "title": "no text here"}).encode(),  # a row without text (3)
    b'{"text": "caf\xe9 au lait"}',  # invalid UTF-8 (line 4)
    json.dumps({"text": "\x00\x01\x02PNG\x00\x00binary"}).encode(),  # a binary blob (line 5)
]


def _bad_collection(path: Path) -> tuple[Path, list[str]]:
    texts = _texts(3)
    lines = [json.dumps({"text": texts[0]}).encode(), *BAD_ROWS,
             json.dumps({"text": texts[1]}).encode(), json.dumps({"text": texts[2]}).encode()]
    path.write_bytes(b"\n".join(lines) + b"\n")
    return path, texts


def test_first_bad_record_stops_the_build_with_file_and_line(tmp_path: Path) -> None:
    src, texts = _bad_collection(tmp_path / "bad.jsonl")
    good = _write_jsonl(tmp_path / "good.jsonl", [{"text": texts[0]}])
    out = tmp_path / "out"
    _build(good, out)
    before = {p: p.read_bytes() for p in out.rglob("*") if p.is_file()}
    result = run_cli("build", src, "--out", out)
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in result.stderr, result.stderr
    assert lines[0].startswith(f"newsgraph: error: {src}:2: empty line")
    assert {p: p.read_bytes() for p in out.rglob("*") if p.is_file()} == before


def test_skip_bad_builds_the_rest_and_lists_the_skipped(tmp_path: Path) -> None:
    src, texts = _bad_collection(tmp_path / "bad.jsonl")
    out = tmp_path / "out"
    result = _build(src, out, "--skip-bad")
    assert "4 bad records skipped" in result.stdout
    assert [a["text"] for a in table_rows(out, "articles")] == texts
    assert [a["record_locator"] for a in table_rows(out, "articles")] == ["line 1", "line 6",
                                                                      "line 7"]
    report = json.loads((out / "build-report.json").read_text(encoding="utf-8"))
    assert report["skipped"] == 4
    skipped = report["skipped_records"]
    assert [s["record_locator"] for s in skipped] == ["line 2", "line 3", "line 4", "line 5"]
    assert [s["line"] for s in skipped] == [2, 3, 4, 5]
    reasons = [s["reason"] for s in skipped]
    assert "empty" in reasons[0] and "no value" in reasons[1]
    assert "UTF-8" in reasons[2] and "binary" in reasons[3]
    descriptor = json.loads((out / "datapackage.json").read_text(encoding="utf-8"))
    listed = [r for r in descriptor["resources"] if r.get("path") == "build-report.json"]
    assert len(listed) == 1 and listed[0]["hash"].startswith("sha256:")
    assert run_cli("validate", out).returncode == 0
    frictionless = subprocess.run([sys.executable, "-m", "frictionless", "validate",
                                   str(out / "datapackage.json")], capture_output=True,
                                  text=True, check=False)
    assert frictionless.returncode == 0, frictionless.stdout[-2000:]
    # the report is checked like every resource: a changed byte makes the package invalid
    report_path = out / "build-report.json"
    report_path.write_bytes(report_path.read_bytes().replace(b'"line 2"', b'"line 9"'))
    tampered = run_cli("validate", out)
    assert tampered.returncode == 1 and "build-report.json" in tampered.stderr
    # and so is a report the descriptor does not list
    descriptor["resources"] = [r for r in descriptor["resources"]
                               if r.get("path") != "build-report.json"]
    (out / "datapackage.json").write_text(json.dumps(descriptor), encoding="utf-8")
    unlisted = run_cli("validate", out)
    assert unlisted.returncode == 1 and "build-report.json: not listed" in unlisted.stderr


def test_skip_bad_on_a_csv_namestable_rows(tmp_path: Path) -> None:
    texts = _texts(2)
    src = tmp_path / "a.csv"
    def cell(text: str) -> bytes:
        return ('"' + text.replace('"', '""') + '"').encode("utf-8")

    # a quoted text spans several lines: row 2 starts on the line after row 1 ends
    src.write_bytes(b"text,title\n" + cell(texts[0]) + b",one\n" b",no text\n"
                    b'"bad \xff byte",x\n' + cell(texts[1]) + b",two\n")
    first_lines = texts[0].count("\n") + 1
    result = run_cli("build", src, "--out", tmp_path / "stop")
    assert result.returncode == 2 and f"{src}:{first_lines + 2}: source is empty" in result.stderr
    out = tmp_path / "out"
    _build(src, out, "--skip-bad")
    report = json.loads((out / "build-report.json").read_text(encoding="utf-8"))
    assert [s["record_locator"] for s in report["skipped_records"]] == ["row 2", "row 3"]
    assert [s["line"] for s in report["skipped_records"]] == [first_lines + 2,
                                                                first_lines + 3]
    articles = table_rows(out, "articles")
    assert [a["record_locator"] for a in articles] == ["row 1", "row 4"]
    assert [a["text"] for a in articles] == texts


def test_duplicate_rows_fold_with_their_locator(tmp_path: Path) -> None:
    texts = _texts(2)
    src = _write_jsonl(tmp_path / "a.jsonl", [{"text": texts[0]}, {"text": texts[1]},
                                              {"text": texts[0]}])
    out = tmp_path / "out"
    result = _build(src, out)
    assert "1 duplicate source folded" in result.stdout
    assert [a["record_locator"] for a in table_rows(out, "articles")] == ["line 1", "line 2"]
    (duplicate,) = table_rows(out, "article_duplicates")
    assert duplicate["duplicate_source_file"] == "a.jsonl"
    assert duplicate["duplicate_record_locator"] == "line 3"
    assert duplicate["article_id"] == table_rows(out, "articles")[0]["article_id"]


def test_a_collection_builds_on_worker_processes_the_same(tmp_path: Path) -> None:
    src = _write_jsonl(tmp_path / "a.jsonl", _records(_texts(20)))
    _build(src, tmp_path / "one")
    _build(src, tmp_path / "four", "--workers", "4")
    for table in ("articles", "quotes", "quote_mentions", "actors"):
        assert table_rows(tmp_path / "one", table) == table_rows(tmp_path / "four", table)


def test_bad_record_error_of_a_parquet_row_names_the_row_index() -> None:
    bad = BadRecord("x.parquet", "x.parquet", "row index 4", 4, None, "no value")
    assert str(bad.error()) == "x.parquet: row index 4: no value"


def test_json_lines_objects_need_not_share_keys(tmp_path: Path) -> None:
    texts = _texts(2)
    src = _write_jsonl(tmp_path / "a.jsonl", [{"headline": "no text column here"},
                                              {"body": texts[0], "title": "First"},
                                              {"content": texts[1]}])
    out = tmp_path / "out"
    _build(src, out, "--skip-bad")
    articles = table_rows(out, "articles")
    assert [(a["record_locator"], a["title"]) for a in articles] == [
        ("line 2", "First"), ("line 3", texts[1].split("\n")[0])]
    (skipped,) = json.loads((out / "build-report.json").read_text())["skipped_records"]
    assert skipped["record_locator"] == "line 1" and "no text column" in skipped["reason"]
