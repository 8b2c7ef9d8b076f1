"""Check a built data package: files, hashes, schema, keys and spans.

Three levels, each reporting the first problems with the file and row they are in:
1. the descriptor: parseable, every resource path inside the package folder, every file
   present with the declared size and SHA-256;
2. every row: the table's JSON Schema (with format checks) and its strict pydantic model;
   the Parquet copy holds the same rows as the JSON Lines file;
3. the package: unique primary keys, resolvable foreign keys, and every span slicing its
   article's text exactly.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any

from newsgraph.errors import DatasetError, UsageError
from newsgraph.tables import DATAPACKAGE_FILE, TABLES, jsonl_path, parquet_path
from newsgraph.writer import sha256_file

MAX_REPORTED = 5


@dataclass
class Report:
    """Problems found, as one-line messages naming file and row."""

    problems: list[str] = field(default_factory=list)
    rows: dict[str, int] = field(default_factory=dict)

    def add(self, message: str) -> None:
        self.problems.append(message)

    @property
    def ok(self) -> bool:
        return not self.problems


def safe_resource_path(root: Path, rel: object) -> Path:
    """Resolve a resource path, refusing absolute paths, '..' and anything outside ``root``."""
    if not isinstance(rel, str) or not rel:
        raise DatasetError("resource path must be a non-empty string", file=root / DATAPACKAGE_FILE)
    pure = PurePosixPath(rel)
    if pure.is_absolute() or ".." in pure.parts or "\\" in rel or ":" in pure.parts[0]:
        raise DatasetError(f"resource path {rel!r} points outside the package folder; "
                           "use a relative path inside it", file=root / DATAPACKAGE_FILE)
    path = (root / pure).resolve()
    if root.resolve() not in path.parents:
        raise DatasetError(f"resource path {rel!r} resolves outside the package folder",
                           file=root / DATAPACKAGE_FILE)
    return path


def read_descriptor(root: Path) -> dict[str, Any]:
    """The parsed ``datapackage.json`` of a package folder."""
    if not root.is_dir():
        raise UsageError("package folder not found; build it first or give the right path",
                         file=root)
    path = root / DATAPACKAGE_FILE
    try:
        descriptor = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise DatasetError("datapackage.json is missing; rebuild the package", file=path) from None
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        line = getattr(error, "lineno", None)
        raise DatasetError("datapackage.json is not valid JSON; rebuild the package",
                           file=path, line=line) from None
    if not isinstance(descriptor, dict) or not isinstance(descriptor.get("resources"), list):
        raise DatasetError("datapackage.json has no resources list; rebuild the package",
                           file=path)
    return descriptor


def check_files(root: Path, descriptor: dict[str, Any], report: Report) -> None:
    """Every resource is inside the folder and has its declared size and hash."""
    for resource in descriptor["resources"]:
        path = safe_resource_path(root, resource.get("path"))
        rel = resource["path"]
        if not path.is_file():
            report.add(f"{rel}: file is missing; rebuild the package")
            continue
        size = path.stat().st_size
        if size != resource.get("bytes"):
            report.add(f"{rel}: size is {size} bytes, datapackage.json says "
                       f"{resource.get('bytes')}; the file is truncated or was changed")
        declared = str(resource.get("hash", "")).removeprefix("sha256:")
        if sha256_file(path) != declared:
            report.add(f"{rel}: sha256 does not match datapackage.json; the file was changed "
                       "or corrupted, rebuild it")


def _read_jsonl(path: Path, rel: str, report: Report) -> list[dict[str, Any]]:
    rows = []
    with path.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, 1):
            try:
                rows.append(json.loads(line))
            except json.JSONDecodeError:
                report.add(f"{rel}:{number}: not a JSON object; rebuild the package")
                return rows
    return rows


def check_rows(root: Path, report: Report) -> dict[str, list[dict[str, Any]]]:
    """Validate every JSON row against JSON Schema and the model; compare with Parquet."""
    import jsonschema
    import pyarrow.parquet as pq

    from newsgraph.schema_export import json_schema

    data: dict[str, list[dict[str, Any]]] = {}
    for spec in TABLES:
        rel = jsonl_path(spec.name)
        path = root / rel
        if not path.is_file():
            report.add(f"{rel}: table file is missing; rebuild the package")
            continue
        rows = _read_jsonl(path, rel, report)
        validator = jsonschema.Draft202012Validator(
            json_schema(spec), format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER)
        bad = 0
        for number, row in enumerate(rows, 1):
            error = next(iter(validator.iter_errors(row)), None)
            if error is None:
                try:
                    spec.model.model_validate_json(json.dumps(row))
                except ValueError as exc:
                    error = exc
            if error is not None:
                bad += 1
                if bad <= MAX_REPORTED:
                    where = "/".join(str(p) for p in getattr(error, "path", [])) or "row"
                    message = getattr(error, "message", str(error).splitlines()[0])
                    report.add(f"{rel}:{number}: {where}: {message}")
        data[spec.name] = rows
        report.rows[spec.name] = len(rows)
        parquet = root / parquet_path(spec.name)
        if parquet.exists():
            try:
                table = pq.read_table(parquet)
            except Exception as exc:
                report.add(f"{parquet_path(spec.name)}: unreadable Parquet ({type(exc).__name__})")
                continue
            if table.num_rows != len(rows):
                report.add(f"{parquet_path(spec.name)}: {table.num_rows} rows but {rel} has "
                           f"{len(rows)}; rebuild the package")
    return data


def check_package(data: dict[str, list[dict[str, Any]]], report: Report) -> None:
    """Primary keys unique, foreign keys resolvable, spans exact."""
    keys: dict[str, set[tuple[Any, ...]]] = {}
    for spec in TABLES:
        seen: set[tuple[Any, ...]] = set()
        for number, row in enumerate(data.get(spec.name, []), 1):
            key = tuple(row.get(k) for k in spec.primary_key)
            if key in seen:
                report.add(f"{jsonl_path(spec.name)}:{number}: duplicate primary key {key}")
            seen.add(key)
        keys[spec.name] = seen
    for spec in TABLES:
        for fk in spec.foreign_keys:
            targets = {k[0] for k in keys.get(fk.table, set())}
            for number, row in enumerate(data.get(spec.name, []), 1):
                value = row.get(fk.fields[0])
                if value is not None and value not in targets:
                    report.add(f"{jsonl_path(spec.name)}:{number}: {fk.fields[0]} {value!r} is "
                               f"not in {fk.table}; the foreign key dangles")
    articles = {a["article_id"]: a for a in data.get("articles", [])}
    for spec in [t for t in TABLES if t.is_span]:
        for number, row in enumerate(data.get(spec.name, []), 1):
            _check_span(articles, row, f"{jsonl_path(spec.name)}:{number}", report,
                        ("article_id", "char_start", "char_end", "text"))
    for number, row in enumerate(data.get("events", []), 1):
        if row.get("date_article_id") is not None:
            _check_span(articles, row, f"{jsonl_path('events')}:{number}", report,
                        ("date_article_id", "date_char_start", "date_char_end", "date_text"))


def _check_span(articles: dict[str, dict[str, Any]], row: dict[str, Any], where: str,
                report: Report, names: tuple[str, str, str, str]) -> None:
    art_key, start_key, end_key, text_key = names
    article = articles.get(row.get(art_key))  # type: ignore[arg-type]
    start, end, text = row.get(start_key), row.get(end_key), row.get(text_key)
    if article is None or not isinstance(start, int) or not isinstance(end, int):
        if article is not None:
            report.add(f"{where}: span offsets missing")
        return
    if not 0 <= start < end <= article["n_chars"]:
        report.add(f"{where}: span [{start}, {end}) is outside its article "
                   f"({article['n_chars']} characters)")
    elif article.get("text") is not None and article["text"][start:end] != text:
        report.add(f"{where}: text does not match the article at [{start}, {end})")


def validate_package(root: Path) -> Report:
    """Run every check on the package in ``root``; raise only for unusable folders."""
    report = Report()
    descriptor = read_descriptor(root)
    check_files(root, descriptor, report)
    if report.ok:
        data = check_rows(root, report)
        check_package(data, report)
    return report
