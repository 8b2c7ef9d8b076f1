"""Bad packages, bad table names and bad output folders: every one gets one clear line.

The companion of ``test_bad_input.py`` (bad sources and curated files). Packages to corrupt
are built from one seed article, copied per case, then damaged in one precise way. Where a
case must reach a deeper check (keys, foreign keys, spans, row schema), the damaged file is
re-hashed in ``datapackage.json`` so that only the intended check can catch it, and both the
JSON Lines and the Parquet copy are changed alike.

Contract (DESIGN.md, "Commands and paths", "Bad input"):
- ``newsgraph validate`` exits 1 when the data is invalid, 2 when the folder is missing;
- ``build``, ``info`` and ``sql`` exit 2 on bad input or usage;
- stderr is one line naming the file (and line or row) and what to do, never a traceback;
- ``load``, ``load_arrow`` and ``connect`` raise a ``newsgraph.NewsgraphError`` subclass
  with the same message, never a raw pyarrow, DuckDB, OS or key error.

``python -m tests.reliability_doc`` runs this file and ``test_bad_input.py`` and writes
``docs/reliability.md`` from what the cases actually print.
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

import pytest

import newsgraph
from newsgraph.errors import DatasetError, NewsgraphError, UnknownTableError, UsageError
from newsgraph.tables import jsonl_path, parquet_path
from newsgraph.validate import validate_package
from tests.conftest import RECIPE, run_cli

SEED = RECIPE / "sources" / "001_744b32cb9cf5273c.txt"
ERROR = "newsgraph: error: "

FAKE_ACTOR = "act_0000000000000000"


# --- building and corrupting packages ---------------------------------------------------------

@pytest.fixture(scope="session")
def clean_package(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A valid package built from one seed article (built once, never modified)."""
    root = tmp_path_factory.mktemp("reliability")
    src = root / "src"
    src.mkdir()
    shutil.copy(SEED, src / SEED.name)
    out = root / "pkg"
    result = run_cli("build", src, "--out", out)
    assert result.returncode == 0, result.stderr
    return out


@pytest.fixture()
def pkg(clean_package: Path, tmp_path: Path) -> Path:
    """A private copy of the clean package, free to corrupt."""
    copy = tmp_path / "pkg"
    shutil.copytree(clean_package, copy, symlinks=True)
    return copy


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


# --- validate ---------------------------------------------------------------------------------

@pytest.mark.parametrize("case", INVALID_PACKAGES, ids=str)
def test_validate_reports_invalid_package(pkg: Path, case: Case) -> None:
    where = case.corrupt(pkg)
    line = one_line(run_cli("validate", pkg), 1)
    assert line.startswith(ERROR), line
    names(line, pkg, where)
    assert case.expect in line
    assert "; " in line.split(f"{pkg}/{where}", 1)[1]  # what is wrong; what to do
    # The Python API says the same thing: one problem, or the error that stopped it.
    try:
        report = validate_package(pkg)
    except DatasetError as error:
        assert line == ERROR + str(error)
    else:
        assert [f"{pkg}/{p}" for p in report.problems] == [line.removeprefix(ERROR)]


def test_validate_missing_folder_is_usage_error(tmp_path: Path) -> None:
    """A package folder that does not exist: exit 2, not 1."""
    missing = tmp_path / "no-such-package"
    line = one_line(run_cli("validate", missing), 2)
    assert line == f"{ERROR}{missing}: package folder not found; build it first or give the " \
                  "right path"


def test_clean_package_is_valid(clean_package: Path) -> None:
    """The control: the package every case starts from validates."""
    assert run_cli("validate", clean_package).returncode == 0


# --- the Python API: load, load_arrow, connect ------------------------------------------------

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


@pytest.mark.parametrize("case", API_CASES, ids=str)
def test_python_api_raises_own_errors(pkg: Path, case: ApiCase) -> None:
    where = case.corrupt(pkg) if case.corrupt else ""
    error = api_error(case.func, *case.args, dataset_dir=pkg, **case.kwargs)
    assert isinstance(error, case.error), repr(error)
    message = str(error)
    assert case.expect in message
    if where:
        assert f"{pkg}/{where.split(':')[0]}" in message or f"{pkg}/datapackage.json" in message
    if case.same_as_validate:
        line = run_cli("validate", pkg).stderr.strip()
        assert line == ERROR + message


def test_unknown_table_is_also_a_key_error(pkg: Path) -> None:
    """``UnknownTableError`` keeps ``except KeyError`` working, without KeyError's quoting."""
    error = api_error(newsgraph.load, "nosuch", dataset_dir=pkg)
    assert isinstance(error, KeyError)
    assert str(error).startswith("unknown table 'nosuch'")


# --- the command line: sql and info ----------------------------------------------------------

def test_sql_on_missing_table_is_one_line(pkg: Path) -> None:
    """`newsgraph sql` on a table that does not exist: exit 2, one line."""
    line = one_line(run_cli("sql", "--dataset", pkg, "SELECT * FROM nosuch"), 2)
    assert line.startswith(ERROR) and "nosuch" in line


@pytest.mark.parametrize("command", [("sql", "SELECT 1"), ("info",)], ids=["sql", "info"])
def test_missing_dataset_folder_is_usage_error(tmp_path: Path, command: tuple[str, ...]) -> None:
    """`sql` and `info` on a --dataset folder that does not exist: exit 2, one line."""
    missing = tmp_path / "no-such-package"
    line = one_line(run_cli(*command, "--dataset", missing), 2)
    assert line == f"{ERROR}{missing}: package folder not found; build it first or give the " \
                  "right path"




@pytest.mark.parametrize(
    ("corrupt", "command", "expect"),
    [
        pytest.param(descriptor_malformed, ("info",), "not valid JSON", id="info-malformed"),
        pytest.param(absolute_path, ("info",), "points outside",
                     id="info-absolute-path"),
        pytest.param(parquet_truncated, ("sql", "SELECT count(*) FROM quotes"),
                     "cannot read table",
                     id="sql-truncated-parquet"),
    ],
)
def test_consumer_commands_on_damaged_package(pkg: Path, corrupt: Callable[[Path], str],
                                              command: tuple[str, ...], expect: str) -> None:
    """`info` and `sql` on a damaged package: exit 2, one line naming the file."""
    where = corrupt(pkg)
    line = one_line(run_cli(*command, "--dataset", pkg), 2)
    assert line.startswith(ERROR) and expect in line
    assert str(pkg) in line and where.split(":")[0].split("/")[-1] in line


def test_info_never_reads_outside_the_package(pkg: Path) -> None:
    """A descriptor pointing at a file outside the package: `info` refuses, reads nothing."""
    absolute_path(pkg)
    result = run_cli("info", "--dataset", pkg)
    assert result.returncode != 0
    assert "points outside the package folder" in one_line(result, result.returncode)
    assert "tables:" not in result.stdout


# --- build: output folders and source folders ------------------------------------------------

def _snapshot(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in root.rglob("*") if p.is_file()}


@pytest.fixture()
def src(tmp_path: Path) -> Path:
    folder = tmp_path / "src"
    folder.mkdir()
    shutil.copy(SEED, folder / SEED.name)
    return folder


def test_build_out_under_a_regular_file(tmp_path: Path, src: Path) -> None:
    """--out whose parent is a regular file (unwritable even for root): exit 2, one line."""
    blocker = tmp_path / "blocker"
    blocker.write_text("not a folder\n", encoding="utf-8")
    line = one_line(run_cli("build", src, "--out", blocker / "out"), 2)
    assert line.startswith(ERROR) and "blocker" in line
    assert blocker.read_text(encoding="utf-8") == "not a folder\n"


def _chmod_stops_writes(folder: Path) -> bool:
    probe = folder / ".probe"
    try:
        probe.write_text("", encoding="utf-8")
    except PermissionError:
        return True
    probe.unlink()
    return False


def test_build_out_in_read_only_folder(tmp_path: Path, src: Path) -> None:
    """--out inside a read-only folder: exit 2, one line naming it."""
    parent = tmp_path / "read-only"
    parent.mkdir()
    parent.chmod(0o555)
    try:
        if not _chmod_stops_writes(parent):
            pytest.skip("running as root: chmod does not stop writes "
                        "(test_build_out_under_a_regular_file covers this case)")
        line = one_line(run_cli("build", src, "--out", parent / "out"), 2)
        assert line.startswith(ERROR) and "read-only" in line
    finally:
        parent.chmod(0o755)


def test_source_symlink_outside_the_folder(tmp_path: Path, src: Path) -> None:
    """A source folder holding a symlink to a file outside it: exit 2, old output untouched."""
    out = tmp_path / "out"
    assert run_cli("build", src, "--out", out).returncode == 0
    before = _snapshot(out)
    secret = tmp_path / "secret.txt"
    secret.write_bytes(SEED.read_bytes())
    (src / "leak.txt").symlink_to(secret)
    line = one_line(run_cli("build", src, "--out", out), 2)
    assert line == f"{ERROR}{src}/leak.txt: symlink points outside the source folder; copy the " \
                   "file in instead"
    assert _snapshot(out) == before


@pytest.mark.parametrize(
    ("name", "content", "expect"),
    [
        ("bom-only.txt", b"\xef\xbb\xbf\r\n", "source is empty"),
        ("no-visible-text.html", b"<html><head><script>var x;</script></head></html>\n",
         "no visible text"),
    ],
    ids=["bom-only", "html-without-text"],
)
def test_source_without_text(tmp_path: Path, src: Path, name: str, content: bytes,
                             expect: str) -> None:
    """A source that decodes to no text at all is refused, not built as an empty article."""
    (src / name).write_bytes(content)
    line = one_line(run_cli("build", src, "--out", tmp_path / "out"), 2)
    assert line.startswith(f"{ERROR}{src}/{name}: ") and expect in line
    assert not (tmp_path / "out").exists()




def test_build_refuses_out_that_is_a_file(tmp_path: Path, src: Path) -> None:
    """--out naming an existing regular file: exit 2, the file untouched."""
    target = tmp_path / "notes.txt"
    target.write_text("my notes\n", encoding="utf-8")
    line = one_line(run_cli("build", src, "--out", target), 2)
    assert "notes.txt" in line
    assert target.read_text(encoding="utf-8") == "my notes\n"


def test_build_refuses_out_that_is_not_a_package(tmp_path: Path, src: Path) -> None:
    """--out naming a non-empty folder that is not a package: exit 2, its files untouched."""
    target = tmp_path / "thesis"
    target.mkdir()
    (target / "chapter1.md").write_text("years of work\n", encoding="utf-8")
    before = _snapshot(target)
    line = one_line(run_cli("build", src, "--out", target), 2)
    assert "thesis" in line
    assert _snapshot(target) == before


def test_failed_validate_changes_nothing(pkg: Path) -> None:
    """Validating a damaged package only reads it."""
    dangling_foreign_key(pkg)
    before = _snapshot(pkg)
    assert run_cli("validate", pkg).returncode == 1
    assert _snapshot(pkg) == before


def test_info_counts_rows_without_decoding(pkg: Path) -> None:
    """`info` reports a package whose JSON Lines hold invalid UTF-8 (validate's job to flag)."""
    jsonl_invalid_utf8(pkg)
    result = run_cli("info", "--dataset", pkg)
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
