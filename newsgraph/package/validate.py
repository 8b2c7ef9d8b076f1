"""Check a built data package: files, hashes, schema, keys and spans.

Three levels, each reporting the first problems with the file and row they are in:
1. the descriptor: parseable, every resource an object whose path stays inside the package
   folder, every table file listed, every file present with the declared size and SHA-256;
2. every row: a JSON object per line, the table's JSON Schema (with format checks) and its
   strict pydantic model; the Parquet copy holds the same rows as the JSON Lines file;
3. the package (only when every row is valid): unique primary keys, resolvable foreign keys,
   every span slicing its article's text exactly, and the descriptor's ``sources`` (the list,
   or above ``source_list.LISTED_LIMIT`` articles the summary) agreeing with the articles.

Every problem is one line, ``FILE[:LINE]: what is wrong; what to do``. Only an unusable
folder raises (``UsageError`` when it is missing, ``DatasetError`` when its descriptor cannot
be used); anything wrong inside the package is a problem in the returned ``Report``.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from newsgraph.package.descriptor import (
    REBUILD,
    is_empty_table,
    read_descriptor,
    safe_resource_path,
    sha256_file,
    short,
)
from newsgraph.package.layout import BUILD_REPORT_FILE, is_parts, parquet_files, parquet_parts_dir
from newsgraph.package.tables import TABLES, TABLES_BY_NAME, jsonl_path, parquet_path

MAX_REPORTED = 5
FIX_ROW = "fix the row or rebuild the package"


@dataclass
class Report:
    """Problems found, as one-line messages naming file and row."""

    problems: list[str] = field(default_factory=list)
    rows: dict[str, int] = field(default_factory=dict)
    #: Tables the vectorised check certified (as Arrow tables), for the package-level checks.
    #: Tables the vectorised check certified valid (their rows were not loaded).
    fast_tables: set[str] = field(default_factory=set)

    def add(self, message: str) -> None:
        self.problems.append(message)

    @property
    def ok(self) -> bool:
        return not self.problems


def check_files(root: Path, descriptor: dict[str, Any], report: Report) -> None:
    """Every table file is listed; every resource is present with its size and hash."""
    with_path = [r for r in descriptor["resources"] if not is_empty_table(r)]
    declared = {resource["path"] for resource in with_path}
    for spec in TABLES:
        for rel in (jsonl_path(spec.name), *parquet_files(root, spec.name)):
            if rel not in declared and (rel.endswith(".jsonl") or (root / rel).is_file()):
                report.add(f"{rel}: not listed in datapackage.json, so its hash cannot be "
                           "checked; " + REBUILD)
    if BUILD_REPORT_FILE not in declared and (root / BUILD_REPORT_FILE).is_file():
        report.add(f"{BUILD_REPORT_FILE}: not listed in datapackage.json, so its hash cannot "
                   "be checked; " + REBUILD)
    for resource in with_path:
        rel = resource["path"]
        path = safe_resource_path(root, rel)
        try:
            is_file = path.is_file()
            size = path.stat().st_size if is_file else 0
        except OSError as error:  # e.g. a name too long for the file system
            report.add(f"{short(rel)}: cannot read ({error.strerror or error}); {REBUILD}")
            continue
        if not is_file:
            report.add(f"{short(rel)}: file is missing; {REBUILD}")
            continue
        if size != resource.get("bytes"):
            report.add(f"{short(rel)}: size is {size} bytes, datapackage.json says "
                       f"{short(repr(resource.get('bytes')))}; the file is truncated or was "
                       "changed, " + REBUILD)
            continue
        declared_hash = str(resource.get("hash", "")).removeprefix("sha256:")
        try:
            actual = sha256_file(path)
        except OSError as error:
            report.add(f"{short(rel)}: cannot read ({error.strerror or error}); check its "
                       "permissions")
            continue
        if actual != declared_hash:
            report.add(f"{short(rel)}: sha256 does not match datapackage.json; the file was changed "
                       "or corrupted, " + REBUILD)


def _read_jsonl(path: Path, rel: str, report: Report) -> list[dict[str, Any]] | None:
    """The rows of a JSON Lines file, or None (and a problem) at the first unusable line."""
    rows = []
    with path.open("rb") as handle:
        for number, raw in enumerate(handle, 1):
            try:
                row = json.loads(raw.decode("utf-8"))
            except UnicodeDecodeError as error:
                report.add(f"{rel}:{number}: invalid UTF-8 at byte {error.start} of the line; "
                           + REBUILD)
                return None
            except (json.JSONDecodeError, RecursionError):
                report.add(f"{rel}:{number}: not valid JSON; {REBUILD}")
                return None
            if not isinstance(row, dict):
                report.add(f"{rel}:{number}: not a JSON object; {REBUILD}")
                return None
            rows.append(row)
    return rows


def _model_error(error: ValueError) -> tuple[str, str]:
    """Field path and message of a pydantic error (first one)."""
    errors = getattr(error, "errors", None)
    if callable(errors):
        try:
            first = errors()[0]
            return "/".join(str(p) for p in first.get("loc", ())) or "row", str(first["msg"])
        except (IndexError, KeyError, TypeError):
            pass
    return "row", str(error).splitlines()[0]


def _row_error(validator: Any, model: Any, row: dict[str, Any]) -> tuple[str, str] | None:
    """None when ``row`` is valid, else (field path, message)."""
    try:
        error = next(iter(validator.iter_errors(row)), None)
    except RecursionError:
        return "row", "nested too deeply"
    if error is not None:
        return "/".join(str(p) for p in error.path) or "row", error.message
    try:
        model.model_validate_json(json.dumps(row))
    except ValueError as exc:
        return _model_error(exc)
    except RecursionError:
        return "row", "nested too deeply"
    return None


def _json_value(value: Any) -> Any:
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, list):
        return [_json_value(v) for v in value]
    return value


def _stored_parquet(root: Path, table: str) -> tuple[Path, str]:
    """The table's Parquet file, or its folder of parts (``build --parts``), and how to name it."""
    if is_parts(root, table):
        return root / parquet_parts_dir(table), parquet_parts_dir(table) + "/"
    return root / parquet_path(table), parquet_path(table)


def _compare_parquet(root: Path, spec_name: str, rows: list[dict[str, Any]],
                     report: Report) -> None:
    """The Parquet copy (file or folder of parts) holds the same rows as the JSON Lines file."""
    import pyarrow.parquet as pq

    path, rel = _stored_parquet(root, spec_name)
    if not path.exists():
        return
    try:
        table = pq.read_table(path)
    except Exception as exc:  # pyarrow raises many types for damaged files
        report.add(f"{rel}: unreadable Parquet ({type(exc).__name__}: "
                   f"{short(str(exc).splitlines()[0] if str(exc) else '')}); " + REBUILD)
        return
    if table.num_rows != len(rows):
        report.add(f"{rel}: {table.num_rows} rows but {jsonl_path(spec_name)} has "
                   f"{len(rows)}; " + REBUILD)
        return
    for number, (stored, row) in enumerate(zip(table.to_pylist(), rows, strict=True), 1):
        if {k: _json_value(v) for k, v in stored.items()} != row:
            report.add(f"{rel}: row {number} differs from {jsonl_path(spec_name)}:{number}; "
                       + REBUILD)
            return


def check_rows(root: Path, report: Report, *, fast: bool = True
               ) -> dict[str, list[dict[str, Any]]] | None:
    """Validate every JSON row against JSON Schema and the model; compare with Parquet.

    With ``fast``, a table that the vectorised check (``newsgraph.package.fastcheck``) certifies
    valid is not looped over; any other table goes through the row-by-row reference, which
    writes the report. Returns the rows of every table, or None when any row is invalid (the
    package-level checks then have nothing trustworthy to work on).
    """
    import jsonschema

    from newsgraph.package import fastcheck
    from newsgraph.package.schema_export import json_schema

    data: dict[str, list[dict[str, Any]]] = {}
    rows_ok = True
    for spec in TABLES:
        if fast:
            certified = fastcheck.table_if_valid(root, spec)
            if certified is not None:
                report.fast_tables.add(spec.name)
                report.rows[spec.name] = certified
                continue
        rel = jsonl_path(spec.name)
        path = root / rel
        if not path.is_file():
            report.add(f"{rel}: table file is missing; {REBUILD}")
            rows_ok = False
            continue
        rows = _read_jsonl(path, rel, report)
        if rows is None:
            rows_ok = False
            continue
        validator = jsonschema.Draft202012Validator(
            json_schema(spec), format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER)
        bad = 0
        for number, row in enumerate(rows, 1):
            problem = _row_error(validator, spec.model, row)
            if problem is not None:
                bad += 1
                if bad <= MAX_REPORTED:
                    where, message = problem
                    report.add(f"{rel}:{number}: {short(where)}: {short(message)}; {FIX_ROW}")
        rows_ok = rows_ok and not bad
        data[spec.name] = rows
        report.rows[spec.name] = len(rows)
        if not bad:
            _compare_parquet(root, spec.name, rows, report)
    return data if rows_ok else None


def _rows_of(table: Any) -> list[dict[str, Any]]:
    """An Arrow table's rows as the JSON-like dicts the reference checks read."""
    return [{k: _json_value(v) for k, v in row.items()} for row in table.to_pylist()]


def check_package(data: dict[str, list[dict[str, Any]]], report: Report,
                  only: set[str] | None = None) -> None:
    """Primary keys unique, foreign keys resolvable, spans exact (rows already valid).

    With ``only``, just those tables are checked; ``data`` then needs their rows, the key
    columns of the tables they reference and the articles (``needed``).
    """
    checked = {t.name for t in TABLES} if only is None else only
    keys: dict[str, set[tuple[Any, ...]]] = {}
    for spec in TABLES:
        seen: dict[tuple[Any, ...], int] = {}
        for number, row in enumerate(data.get(spec.name, []), 1):
            key = tuple(row.get(k) for k in spec.primary_key)
            if key in seen and spec.name in checked:
                shown = ", ".join(f"{k}={v!r}" for k, v in zip(spec.primary_key, key, strict=True))
                report.add(f"{jsonl_path(spec.name)}:{number}: duplicate primary key {shown} "
                           f"(also at line {seen[key]}); remove the duplicate or " + REBUILD)
            else:
                seen.setdefault(key, number)
        keys[spec.name] = set(seen)
    for spec in [t for t in TABLES if t.name in checked]:
        for fk in spec.foreign_keys:
            targets = {k[0] for k in keys.get(fk.table, set())}
            for number, row in enumerate(data.get(spec.name, []), 1):
                value = row.get(fk.fields[0])
                if value is not None and value not in targets:
                    report.add(f"{jsonl_path(spec.name)}:{number}: {fk.fields[0]} {value!r} is "
                               f"not in {fk.table}; the foreign key dangles, fix the row or "
                               + REBUILD)
        for ref in spec.list_references:
            targets = {k[0] for k in keys.get(ref.table, set())}
            for number, row in enumerate(data.get(spec.name, []), 1):
                missing = [v for v in row.get(ref.fields[0]) or [] if v not in targets]
                if missing:
                    report.add(f"{jsonl_path(spec.name)}:{number}: {ref.fields[0]} item "
                               f"{missing[0]!r} is not in {ref.table}; the reference dangles, "
                               "fix the row or " + REBUILD)
    articles = {a["article_id"]: a for a in data.get("articles", [])}
    for spec in [t for t in TABLES if t.is_span and t.name in checked]:
        for number, row in enumerate(data.get(spec.name, []), 1):
            _check_span(articles, row, f"{jsonl_path(spec.name)}:{number}", report,
                        ("article_id", "char_start", "char_end", "text"))
    for number, row in enumerate(data.get("events", []) if "events" in checked else [], 1):
        if row.get("date_article_id") is not None:
            _check_span(articles, row, f"{jsonl_path('events')}:{number}", report,
                        ("date_article_id", "date_char_start", "date_char_end", "date_text"))


def needed(tables: set[str]) -> dict[str, list[str] | None]:
    """What ``check_package(..., only=tables)`` reads: every column of ``tables`` and of
    ``articles`` (for spans), the key columns of the tables they reference."""
    wanted: dict[str, list[str] | None] = {}
    for spec in [t for t in TABLES if t.name in tables]:
        wanted[spec.name] = None
        for ref in (*spec.foreign_keys, *spec.list_references):
            if wanted.get(ref.table, []) is not None:
                wanted[ref.table] = sorted({*(wanted.get(ref.table) or []),
                                            *TABLES_BY_NAME[ref.table].primary_key})
        if spec.is_span or spec.name == "events":
            wanted["articles"] = None
    return wanted


def _check_span(articles: dict[str, dict[str, Any]], row: dict[str, Any], where: str,
                report: Report, names: tuple[str, str, str, str]) -> None:
    art_key, start_key, end_key, text_key = names
    article = articles.get(row.get(art_key))  # type: ignore[arg-type]
    start, end, text = row.get(start_key), row.get(end_key), row.get(text_key)
    if article is None or not isinstance(start, int) or not isinstance(end, int):
        if article is not None:
            report.add(f"{where}: span offsets missing; {FIX_ROW}")
        return
    if not 0 <= start < end <= article["n_chars"]:
        report.add(f"{where}: span [{start}, {end}) is outside its article {article['article_id']}"
                   f" ({article['n_chars']} characters); fix the offsets or " + REBUILD)
    elif article.get("text") is not None and article["text"][start:end] != text:
        report.add(f"{where}: text does not match article {article['article_id']} at "
                   f"[{start}, {end}); fix the span or " + REBUILD)


def validate_package(root: Path, *, fast: bool = True) -> Report:
    """Run every check on the package in ``root``.

    Raises only ``UsageError`` (no such folder) or ``DatasetError`` (the descriptor cannot be
    used); every other problem is listed in the returned report.
    """
    from newsgraph.package import fastcheck

    report = Report()
    descriptor = read_descriptor(root)
    check_files(root, descriptor, report)
    if report.ok:
        data = check_rows(root, report, fast=fast)
        if data is not None:
            import pyarrow.parquet as pq

            from newsgraph.package.source_list import DIGEST_COLUMNS, sources_problems

            if report.ok:  # the articles' Parquet copy is certified
                wanted = [*DIGEST_COLUMNS, "language", "published"]
                batches = (batch for rel in parquet_files(root, "articles")
                           for batch in pq.ParquetFile(root / rel).iter_batches(
                               batch_size=65_536, columns=wanted))
                for problem in sources_problems(descriptor, batches):
                    report.add(problem)

            certified = report.fast_tables
            failing = {t.name for t in TABLES}
            if len(certified) == len(TABLES):
                # Every table's Parquet files hold the same rows as its JSON Lines (certified
                # above), so DuckDB checks keys and spans over them out of core; only a table
                # it finds wrong is re-checked by the reference, which reports the rows,
                # reading just that table, the keys it references and the articles.
                failing = fastcheck.failing_tables(
                    {name: [root / rel for rel in parquet_files(root, name)]
                     for name in certified})
            if failing:
                for name, columns in needed(failing).items():
                    if name not in data:  # rows the reference already read are whole
                        data[name] = _rows_of(pq.read_table(_stored_parquet(root, name)[0],
                                                            columns=columns))
                check_package(data, report, only=failing)
    return report
