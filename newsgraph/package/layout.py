"""Names and paths inside a package folder: the one place they are spelled (no heavy imports).

``newsgraph.package.tables`` pairs each name with its model and keys and checks it against this list.
"""

from __future__ import annotations

from pathlib import Path

TABLE_NAMES: tuple[str, ...] = (
    "articles", "actors", "quotes", "claims", "events", "actor_mentions", "quote_mentions",
    "claim_mentions", "event_mentions", "event_participants", "article_relations",
    "article_segments", "actor_roles", "article_duplicates", "time_mentions",
)
DATAPACKAGE_FILE = "datapackage.json"
#: With ``build --skip-bad``: the records skipped as bad, with locator and reason.
BUILD_REPORT_FILE = "build-report.json"
PARQUET_DIR = "parquet"
JSONL_DIR = "json"
#: CSV copies of the tables, written by ``newsgraph export --format csv``.
CSV_DIR = "csv"


def parquet_path(table: str) -> str:
    """Relative path of a table's Parquet file inside a package folder."""
    return f"{PARQUET_DIR}/{table}.parquet"


def parquet_parts_dir(table: str) -> str:
    """Relative path of a table's folder of Parquet parts (written instead of the file by
    ``build --parts``); parts are named so they sort in row order."""
    return f"{PARQUET_DIR}/{table}"


def parquet_part(table: str, number: int) -> str:
    """Relative path of part ``number`` (from 0) of a table's Parquet folder."""
    return f"{parquet_parts_dir(table)}/part-{number:05d}.parquet"


def is_parts(root: Path, table: str) -> bool:
    """The package folder ``root`` holds ``table`` as a folder of parts, not one file: the
    one test of the layout on disk (readers of a published package take the files its
    descriptor lists instead, ``descriptor.listed_parquet``)."""
    return not (root / parquet_path(table)).exists() and (root / parquet_parts_dir(table)).is_dir()


def parquet_files(root: Path, table: str) -> list[str]:
    """The table's Parquet file, or its parts in row order, relative to ``root``."""
    if is_parts(root, table):
        return sorted(f"{parquet_parts_dir(table)}/{p.name}"
                      for p in (root / parquet_parts_dir(table)).glob("*.parquet"))
    return [parquet_path(table)]


def jsonl_path(table: str) -> str:
    """Relative path of a table's JSON Lines file inside a package folder."""
    return f"{JSONL_DIR}/{table}.jsonl"


def csv_path(table: str) -> str:
    """Relative path of a table's CSV file inside an exported package folder."""
    return f"{CSV_DIR}/{table}.csv"
