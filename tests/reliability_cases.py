"""Shared helpers for the reliability tests: damaged packages, the cases, and the assertions.

Packages to corrupt are built from one seed article (``conftest.SEED``, by the
``clean_package`` and ``pkg`` fixtures in ``conftest.py``), copied per case, then damaged in
one precise way by the functions here. Where a case must reach a deeper check (keys, foreign
keys, spans, row schema), the damaged file is re-hashed in ``datapackage.json`` so that only
the intended check can catch it, and both the JSON Lines and the Parquet copy are changed alike.

Used by ``test_reliability_*.py``, ``test_fastcheck.py`` and ``test_fuzz_validate.py``.
"""

from __future__ import annotations

import hashlib
import json
import shutil
import subprocess
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import newsgraph
from newsgraph.errors import DatasetError, NewsgraphError, UnknownTableError, UsageError
from newsgraph.package.tables import jsonl_path, parquet_path

ERROR = "newsgraph: error: "

FAKE_ACTOR = "act_0000000000000000"


# --- building and corrupting packages ---------------------------------------------------------

def edit_descriptor(pkg: Path, change: Callable[[dict[str, Any]], None]) -> None:
    path = pkg / "datapackage.json"
    descriptor = json.loads(path.read_text(encoding="utf-8"))
    change(descriptor)
    path.write_text(json.dumps(descriptor, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


def resource(descriptor: dict[str, Any], rel: str) -> dict[str, Any]:
    return next(r for r in descriptor["resources"] if r.get("path") == rel)


def rehash(pkg: Path, rel: str) -> None:
    """Make datapackage.json agree with the current bytes of ``rel`` (sha256 and size)."""
    data = (pkg / rel).read_bytes()

    def change(descriptor: dict[str, Any]) -> None:
        entry = resource(descriptor, rel)
        entry["hash"] = f"sha256:{hashlib.sha256(data).hexdigest()}"
        entry["bytes"] = len(data)

    edit_descriptor(pkg, change)


def read_rows(pkg: Path, table: str) -> list[dict[str, Any]]:
    path = pkg / jsonl_path(table)
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def write_jsonl(pkg: Path, table: str, rows: list[Any]) -> None:
    """Write ``rows`` as the table's JSON Lines file and re-hash it."""
    lines = [json.dumps(r, ensure_ascii=False, separators=(",", ":")) + "\n" for r in rows]
    (pkg / jsonl_path(table)).write_text("".join(lines), encoding="utf-8")
    rehash(pkg, jsonl_path(table))


def write_parquet_rows(pkg: Path, table: str,
                       change: Callable[[list[dict[str, Any]]], list[dict[str, Any]]]) -> None:
    """Apply ``change`` to the rows of the table's Parquet copy (same schema) and re-hash it."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    path = pkg / parquet_path(table)
    stored = pq.read_table(path)
    rows = change(stored.to_pylist())
    pq.write_table(pa.Table.from_pylist(rows, schema=stored.schema), path)
    rehash(pkg, parquet_path(table))


def edit_table(pkg: Path, table: str,
               change: Callable[[list[dict[str, Any]]], list[dict[str, Any]]]) -> None:
    """Apply ``change`` to the rows of both copies of a table, keeping every hash consistent."""
    write_jsonl(pkg, table, change(read_rows(pkg, table)))
    write_parquet_rows(pkg, table, change)


def set_field(index: int, name: str, value: Any) -> Callable[[list[dict[str, Any]]],
                                                            list[dict[str, Any]]]:
    def change(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
        rows[index][name] = value
        return rows
    return change


def flip_byte(path: Path, offset: int | None = None) -> None:
    data = bytearray(path.read_bytes())
    at = len(data) // 2 if offset is None else offset
    data[at] ^= 0xFF
    path.write_bytes(bytes(data))


def truncate(path: Path) -> None:
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])


def outside_copy(pkg: Path, rel: str) -> Path:
    """A byte-identical copy of ``rel`` outside the package (so its hash still matches)."""
    target = pkg.parent / "outside" / Path(rel).name
    target.parent.mkdir(exist_ok=True)
    shutil.copy(pkg / rel, target)
    return target


# --- one damaged package per case ------------------------------------------------------------

def duplicate_id(pkg: Path) -> str:
    rows = read_rows(pkg, "quotes")
    edit_table(pkg, "quotes", lambda r: [*r, dict(r[0])])
    return f"{jsonl_path('quotes')}:{len(rows) + 1}"


def dangling_foreign_key(pkg: Path) -> str:
    index = next(i for i, r in enumerate(read_rows(pkg, "quotes")) if r["speaker_id"])
    edit_table(pkg, "quotes", set_field(index, "speaker_id", FAKE_ACTOR))
    return f"{jsonl_path('quotes')}:{index + 1}"


def span_outside_article(pkg: Path) -> str:
    n_chars = read_rows(pkg, "articles")[0]["n_chars"]
    length = len(read_rows(pkg, "quote_mentions")[0]["text"])

    def change(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
        rows[0]["char_start"], rows[0]["char_end"] = n_chars + 1, n_chars + 1 + length
        return rows

    edit_table(pkg, "quote_mentions", change)
    return f"{jsonl_path('quote_mentions')}:1"


def span_text_mismatch(pkg: Path) -> str:
    text = read_rows(pkg, "quote_mentions")[0]["text"]
    edit_table(pkg, "quote_mentions", set_field(0, "text", ("X" if text[0] != "X" else "Y")
                                                + text[1:]))
    return f"{jsonl_path('quote_mentions')}:1"


def confidence_out_of_range(pkg: Path) -> str:
    edit_table(pkg, "quote_mentions", set_field(0, "confidence", 1.5))
    return f"{jsonl_path('quote_mentions')}:1"


def unknown_column(pkg: Path) -> str:
    rows = read_rows(pkg, "quote_mentions")
    rows[0]["colour"] = "blue"  # Parquet cannot hold it without a new schema: JSON copy only
    write_jsonl(pkg, "quote_mentions", rows)
    return f"{jsonl_path('quote_mentions')}:1"


def row_not_an_object(pkg: Path) -> str:
    rows: list[Any] = read_rows(pkg, "quotes")
    rows[1] = [1, 2]
    write_jsonl(pkg, "quotes", rows)
    return f"{jsonl_path('quotes')}:2"


def jsonl_invalid_utf8(pkg: Path) -> str:
    path = pkg / jsonl_path("quotes")
    lines = path.read_bytes().splitlines(keepends=True)
    lines[2] = lines[2].replace(b'"text":"', b'"text":"\xff', 1)
    path.write_bytes(b"".join(lines))
    rehash(pkg, jsonl_path("quotes"))
    return f"{jsonl_path('quotes')}:3"


def parquet_truncated(pkg: Path) -> str:
    truncate(pkg / parquet_path("quote_mentions"))
    return parquet_path("quote_mentions")


def parquet_truncated_rehashed(pkg: Path) -> str:
    truncate(pkg / parquet_path("quote_mentions"))
    rehash(pkg, parquet_path("quote_mentions"))
    return parquet_path("quote_mentions")


def parquet_byte_flipped(pkg: Path) -> str:
    flip_byte(pkg / parquet_path("quote_mentions"))
    return parquet_path("quote_mentions")


def parquet_copy_differs(pkg: Path) -> str:
    index = next(i for i, r in enumerate(read_rows(pkg, "quotes")) if r["speaker_id"])
    write_parquet_rows(pkg, "quotes", set_field(index, "speaker_id", FAKE_ACTOR))
    return f"{parquet_path('quotes')}: row {index + 1} differs from {jsonl_path('quotes')}"


def jsonl_byte_changed(pkg: Path) -> str:
    path = pkg / jsonl_path("quotes")
    data = path.read_bytes()
    at = data.index(b'"text":"') + len(b'"text":"')
    path.write_bytes(data[:at] + (b"Z" if data[at:at + 1] != b"Z" else b"Y") + data[at + 1:])
    return jsonl_path("quotes")


def descriptor_malformed(pkg: Path) -> str:
    path = pkg / "datapackage.json"
    text = path.read_text(encoding="utf-8").rstrip()[:-1]  # drop the closing brace
    path.write_text(text, encoding="utf-8")
    return f"datapackage.json:{text.count(chr(10)) + 1}"


def descriptor_missing(pkg: Path) -> str:
    (pkg / "datapackage.json").unlink()
    return "datapackage.json"


def listed_file_deleted(pkg: Path) -> str:
    (pkg / parquet_path("claims")).unlink()
    return parquet_path("claims")


def listed_file_never_existed(pkg: Path) -> str:
    edit_descriptor(pkg, lambda d: d["resources"].append(
        {"name": "notes", "type": "file", "path": "notes/extra.csv", "bytes": 1,
         "hash": "sha256:" + "0" * 64}))
    return "notes/extra.csv"


def wrong_hash(pkg: Path) -> str:
    edit_descriptor(pkg, lambda d: resource(d, jsonl_path("quotes")).update(
        hash="sha256:" + "0" * 64))
    return jsonl_path("quotes")


def wrong_size(pkg: Path) -> str:
    edit_descriptor(pkg, lambda d: resource(d, jsonl_path("quotes")).update(
        bytes=resource(d, jsonl_path("quotes"))["bytes"] + 1))
    return jsonl_path("quotes")


def table_not_listed(pkg: Path) -> str:
    edit_descriptor(pkg, lambda d: d["resources"].remove(resource(d, jsonl_path("quotes"))))
    return jsonl_path("quotes")


def path_with_dotdot(pkg: Path) -> str:
    outside_copy(pkg, jsonl_path("quotes"))
    edit_descriptor(pkg, lambda d: resource(d, jsonl_path("quotes")).update(
        path="../outside/quotes.jsonl"))
    return "datapackage.json"


def absolute_path(pkg: Path) -> str:
    copy = outside_copy(pkg, jsonl_path("quotes"))
    edit_descriptor(pkg, lambda d: resource(d, jsonl_path("quotes")).update(path=str(copy)))
    return "datapackage.json"


def symlink_outside(pkg: Path) -> str:
    copy = outside_copy(pkg, parquet_path("quote_mentions"))
    (pkg / parquet_path("quote_mentions")).unlink()
    (pkg / parquet_path("quote_mentions")).symlink_to(copy)
    return "datapackage.json"


def symlink_loop(pkg: Path) -> str:
    (pkg / jsonl_path("quotes")).unlink()
    (pkg / jsonl_path("quotes")).symlink_to("quotes.jsonl")
    return "datapackage.json"


def resource_not_an_object(pkg: Path) -> str:
    edit_descriptor(pkg, lambda d: d["resources"].insert(0, jsonl_path("quotes")))
    return "datapackage.json"


@dataclass(frozen=True)
class Case:
    """One way to damage a package: what it is, how, and what the error line must say."""

    what: str
    corrupt: Callable[[Path], str]  # returns FILE[:LINE] that the error line must name
    expect: str

    def __str__(self) -> str:
        return self.corrupt.__name__.replace("_", "-")


@dataclass(frozen=True)
class SourceCase:
    """A source file whose content is not an article whatever its name says."""

    what: str
    name: str
    content: bytes
    expect: str  # the kind of content the error line must name

    def __str__(self) -> str:
        return self.name


#: Content sniffing (issue 12, item 5): a document, image or archive renamed .html/.txt/.md is
#: refused by its magic bytes. The PDF and the zip are valid UTF-8 without a NUL byte, so
#: without sniffing they would be built as articles.
SNIFFED_SOURCES = [
    SourceCase("a PDF renamed .html", "report.html",
               b"%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n"
               b"trailer << /Root 1 0 R >>\n%%EOF\n", "PDF document"),
    SourceCase("a PNG image renamed .txt", "photo.txt",
               b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01", "PNG image"),
    SourceCase("a JPEG image renamed .md", "photo.md",
               b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\x01", "JPEG image"),
    SourceCase("a GIF image renamed .html", "anim.html",
               b"GIF89a\x01\x00\x01\x00\x80\x00\x00\xff\xff\xff", "GIF image"),
    SourceCase("a zip archive renamed .txt", "articles.txt",
               b"PK\x03\x04\x14\x08\x08\x08article.txt Some text that was zipped up\n",
               "zip archive"),
    SourceCase("a gzip archive renamed .txt", "article.txt",
               b"\x1f\x8b\x08\x08\x5c\x8e\x01\x5e\x02\x03article.txt", "gzip archive"),
]


#: Collection files a build refuses (issue 12, items 3 and 5): one line naming the file (and
#: the line where there is one), exit 2, the previous output untouched.
BAD_COLLECTIONS = [
    SourceCase("a JSON Lines file without a text column", "no-text.jsonl",
               b'{"headline": "A", "words": "b"}\n', "no text column"),
    SourceCase("a JSON Lines line that is not JSON", "broken.jsonl",
               b'{"text": "A fine article."}\n{"text": "cut off\n', "broken.jsonl:2: not valid JSON"),
    SourceCase("a JSON Lines line that is a list", "list.jsonl",
               b'[1, 2, 3]\n', "list.jsonl:1: not a JSON object"),
    SourceCase("a JSON Lines line with invalid UTF-8", "latin1.jsonl",
               b'{"text": "caf\xe9"}\n', "latin1.jsonl:1: invalid UTF-8"),
    SourceCase("a row whose text is a binary blob", "blob.jsonl",
               b'{"text": "\\u0000\\u0001PNG"}\n', "blob.jsonl:1: source looks binary"),
    SourceCase("a PDF renamed .jsonl", "export.jsonl",
               b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n", "PDF document"),
    SourceCase("an empty CSV file", "empty.csv", b"", "CSV file is empty"),
    SourceCase("a CSV row without text", "rows.csv", b"text,title\n,no text here\n",
               "rows.csv:2: source is empty"),
    SourceCase("a file renamed .parquet", "table.parquet", b"text\nnot parquet\n",
               "not a readable Parquet file"),
    SourceCase("a file renamed .warc.gz", "crawl.warc.gz", b"not a WARC file\n" * 10,
               "not a WARC file"),
    SourceCase("a file of no collection kind", "articles.docx", b"PK\x03\x04 a Word file",
               "not a folder or a collection file"),
]


INVALID_PACKAGES = [
    Case("a duplicated JSONL row (both copies, hashes updated)", duplicate_id,
         "duplicate primary key"),
    Case("a foreign key that resolves to nothing (hashes updated)", dangling_foreign_key,
         "foreign key dangles"),
    Case("a span outside its article (hashes updated)", span_outside_article,
         "outside its article"),
    Case("a span whose text does not match the article (hashes updated)", span_text_mismatch,
         "text does not match"),
    Case("a row breaking the schema: confidence 1.5 (hashes updated)", confidence_out_of_range,
         "confidence: 1.5 is greater than the maximum"),
    Case("a row with an unknown column (hash updated)", unknown_column, "'colour' was unexpected"),
    Case("a JSONL line that is JSON but not an object (hash updated)", row_not_an_object,
         "not a JSON object"),
    Case("a JSONL line with invalid UTF-8 (hash updated)", jsonl_invalid_utf8, "invalid UTF-8"),
    Case("a Parquet file truncated to half", parquet_truncated, "truncated"),
    Case("a truncated Parquet file whose hash and size were updated", parquet_truncated_rehashed,
         "unreadable Parquet"),
    Case("a Parquet file with one byte flipped", parquet_byte_flipped, "sha256 does not match"),
    Case("a Parquet copy that disagrees with its JSONL file (hash updated)", parquet_copy_differs,
         "rebuild the package"),
    Case("a JSONL file with one byte changed", jsonl_byte_changed, "sha256 does not match"),
    Case("datapackage.json is malformed JSON", descriptor_malformed, "not valid JSON"),
    Case("datapackage.json is missing", descriptor_missing, "datapackage.json is missing"),
    Case("datapackage.json lists a file that was deleted", listed_file_deleted, "file is missing"),
    Case("datapackage.json references a file that never existed", listed_file_never_existed,
         "file is missing"),
    Case("datapackage.json has a wrong hash", wrong_hash, "sha256 does not match"),
    Case("datapackage.json has a wrong size", wrong_size, "size is"),
    Case("datapackage.json does not list a table file", table_not_listed, "not listed"),
    Case("a resource path with '..' (to a byte-identical copy)", path_with_dotdot,
         "points outside the package folder"),
    Case("an absolute resource path (to a byte-identical copy)", absolute_path,
         "points outside the package folder"),
    Case("a data file that is a symlink resolving outside (identical bytes)", symlink_outside,
         "resolves outside the package folder"),
    Case("a data file that is a symlink loop", symlink_loop, "cannot be resolved"),
    Case("a resource that is not a JSON object", resource_not_an_object, "not a JSON object"),
]


# --- assertions ------------------------------------------------------------------------------

def one_line(result: subprocess.CompletedProcess[str], code: int) -> str:
    """The single stderr line of a failed command, after checking its exit code."""
    assert result.returncode == code, (result.returncode, result.stderr)
    assert "Traceback" not in result.stderr, result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    return lines[0]


def api_error(func: Callable[..., Any], *args: Any, **kwargs: Any) -> NewsgraphError:
    """Call a Python API function that must fail; return the package's own error it raised."""
    try:
        result = func(*args, **kwargs)
    except NewsgraphError as error:
        assert "\n" not in str(error)
        return error
    if hasattr(result, "close"):
        result.close()
    raise AssertionError(f"{func.__name__} did not raise")


def names(line: str, pkg: Path, where: str) -> None:
    """``line`` names the package file ``where`` (FILE or FILE:LINE) inside ``pkg``."""
    assert f"{pkg}/{where}" in line, (where, line)


def snapshot(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in root.rglob("*") if p.is_file()}



# --- the Python API cases: load, load_arrow, connect ----------------------------------------

@dataclass(frozen=True)
class ApiCase:
    """A damaged package (or none), an API call on it, and the error it must raise."""

    id: str
    what: str
    corrupt: Callable[[Path], str] | None
    func: Callable[..., Any]
    args: tuple[Any, ...]
    kwargs: dict[str, Any]
    error: type[NewsgraphError]
    expect: str
    same_as_validate: bool = False  # the message is exactly validate's error line

    def __str__(self) -> str:
        return self.id


def _missing_folder(pkg: Path) -> str:
    shutil.rmtree(pkg)
    return ""


API_CASES = [
    ApiCase("load-malformed-descriptor", "load: datapackage.json is malformed",
            descriptor_malformed, newsgraph.load, ("quotes",), {}, DatasetError,
            "not valid JSON", same_as_validate=True),
    ApiCase("connect-path-with-dotdot", "connect: a resource path with '..'",
            path_with_dotdot, newsgraph.connect, (), {}, DatasetError, "points outside",
            same_as_validate=True),
    ApiCase("load_arrow-absolute-path", "load_arrow: an absolute resource path",
            absolute_path, newsgraph.load_arrow, ("quotes",), {}, DatasetError, "points outside",
            same_as_validate=True),
    ApiCase("load-symlink-outside", "load: a Parquet file that is a symlink resolving outside",
            symlink_outside, newsgraph.load, ("quote_mentions",), {}, DatasetError,
            "resolves outside", same_as_validate=True),
    ApiCase("load-verify-byte-flipped", "load(verify=True): a Parquet file with one byte flipped",
            parquet_byte_flipped, newsgraph.load, ("quote_mentions",), {"verify": True},
            DatasetError, "sha256 or size does not match"),
    ApiCase("connect-verify-byte-flipped",
            "connect(verify=True): a Parquet file with one byte flipped",
            parquet_byte_flipped, newsgraph.connect, (), {"verify": True}, DatasetError,
            "sha256 or size does not match"),
    ApiCase("load_arrow-verify-truncated", "load_arrow(verify=True): a Parquet file truncated",
            parquet_truncated, newsgraph.load_arrow, ("quote_mentions",), {"verify": True},
            DatasetError, "sha256 or size does not match"),
    ApiCase("load-truncated", "load (no verify): a Parquet file truncated",
            parquet_truncated, newsgraph.load, ("quote_mentions",), {}, DatasetError,
            "cannot read table"),
    ApiCase("connect-truncated", "connect: a Parquet file truncated",
            parquet_truncated, newsgraph.connect, (), {}, DatasetError, "cannot read table"),
    ApiCase("load-parquet-deleted", "load: a listed Parquet file was deleted",
            listed_file_deleted, newsgraph.load, ("claims",), {}, DatasetError,
            "table file is missing"),
    ApiCase("load-unknown-table", "load: a table name that does not exist",
            None, newsgraph.load, ("nosuch",), {}, UnknownTableError,
            "unknown table 'nosuch'; known tables: articles"),
    ApiCase("load_arrow-unknown-column", "load_arrow: a column name that does not exist",
            None, newsgraph.load_arrow, ("quotes",), {"columns": ["colour"]}, UsageError,
            "unknown column 'colour' in table 'quotes'; known columns: quote_id"),
    ApiCase("load-missing-folder", "load: a package folder that does not exist",
            _missing_folder, newsgraph.load, ("quotes",), {}, UsageError,
            "package folder not found", same_as_validate=True),
]
