"""Load the dataset into pandas, Arrow or DuckDB.

``dataset_dir=None`` means the bundled dataset (the checkout's ``dataset/`` or the copy inside
the installed wheel). Heavy libraries are imported here, on first use.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from newsgraph.errors import DatasetError, UnknownTableError, UsageError
from newsgraph.package.descriptor import listed_parquet, read_descriptor, safe_resource_path, verify_file
from newsgraph.package.layout import DATAPACKAGE_FILE, TABLE_NAMES
from newsgraph.package.paths import bundled_dataset
from newsgraph.package.views import VIEWS_SQL

if TYPE_CHECKING:
    import duckdb
    import pandas as pd
    import pyarrow as pa



def _root(dataset_dir: str | Path | None) -> tuple[Path, dict[str, Any]]:
    """The package folder and its descriptor (a missing folder, bad JSON or a path leaving
    the folder raise here)."""
    root = Path(dataset_dir) if dataset_dir is not None else bundled_dataset()
    return root, read_descriptor(root)


def _parquet(root: Path, descriptor: dict[str, Any], table: str, verify: bool) -> list[Path]:
    """Exactly the Parquet files the descriptor lists for ``table``, each checked (hash and
    size) first when ``verify``; nothing else in the folder is ever read."""
    if not isinstance(table, str) or table not in TABLE_NAMES:
        raise UnknownTableError(f"unknown table {table!r}; known tables: "
                                f"{', '.join(TABLE_NAMES)}")
    listed = listed_parquet(descriptor, table)
    if not listed:
        raise DatasetError(f"no Parquet file of table {table!r} is listed in "
                           f"{DATAPACKAGE_FILE}; rebuild the package or reinstall",
                           file=root / DATAPACKAGE_FILE)
    paths = []
    for resource in listed:
        if verify:
            paths.append(verify_file(root, resource))
            continue
        path = safe_resource_path(root, resource["path"])
        if not path.is_file():
            raise DatasetError("table file is missing; rebuild the package or reinstall",
                               file=path)
        paths.append(path)
    return paths


def _columns(table: str, paths: list[Path], columns: list[str] | None) -> list[str] | None:
    """The requested columns, checked against the file's own schema."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    if columns is None:
        return None
    if not isinstance(columns, list | tuple) or not all(isinstance(c, str) for c in columns):
        raise UsageError(f"columns must be a list of column names, got {columns!r}")
    try:
        known = pq.read_schema(paths[0]).names
    except (OSError, ValueError, pa.ArrowException) as error:
        raise DatasetError(f"cannot read table ({_first_line(error)}); rebuild the package "
                           "or reinstall", file=paths[0]) from None
    unknown = [c for c in columns if c not in known]
    if unknown:
        raise UsageError(f"unknown column {unknown[0]!r} in table {table!r}; known columns: "
                         f"{', '.join(known)}")
    return list(columns)


def load_arrow(table: str, *, columns: list[str] | None = None,
               dataset_dir: str | Path | None = None, verify: bool = False) -> pa.Table:
    """One table as a ``pyarrow.Table`` (columns as in the data dictionary).

    Reads exactly the table's files listed in ``datapackage.json``; with ``verify=True``
    each one's SHA-256 and size are checked before any row is read.
    """
    import pyarrow as pa
    import pyarrow.parquet as pq

    paths = _parquet(*_root(dataset_dir), table, verify)
    wanted = _columns(table, paths, columns)
    parts = []
    for path in paths:
        try:
            parts.append(pq.read_table(path, columns=wanted))
        except (OSError, ValueError, pa.ArrowException) as error:  # a damaged file
            raise DatasetError(f"cannot read table ({_first_line(error)}); rebuild the "
                               "package or reinstall", file=path) from None
    return parts[0] if len(parts) == 1 else pa.concat_tables(parts)


def _first_line(error: BaseException) -> str:
    lines = str(error).strip().splitlines()
    return lines[0] if lines else type(error).__name__


def load(table: str, *, columns: list[str] | None = None,
         dataset_dir: str | Path | None = None, verify: bool = False) -> pd.DataFrame:
    """One table as a pandas DataFrame with pyarrow dtypes (nullable ints, lists, dates).

    ``newsgraph.load("quotes")`` gives one row per quote: ``quote_id``, ``text``,
    ``speaker_id``, ``speaker_text``, ``quote_type``, ``method``. See ``tables()`` for names
    and ``docs/data-dictionary.md`` for every column.
    """
    import pandas as pd

    frame: pd.DataFrame = load_arrow(table, columns=columns, dataset_dir=dataset_dir,
                                     verify=verify).to_pandas(types_mapper=pd.ArrowDtype)
    return frame


def connect(dataset_dir: str | Path | None = None, *,
            verify: bool = False) -> duckdb.DuckDBPyConnection:
    """An in-memory DuckDB connection with one view per table plus the convenience views.

    Views use absolute paths, so the connection works from any working directory:
    ``quotes_with_sources``, ``events_timeline``, ``claims_with_sources``. With
    ``verify=True`` every Parquet file's hash and size are checked first.
    """
    import duckdb

    root, descriptor = _root(dataset_dir)
    con = duckdb.connect()
    try:
        for table in TABLE_NAMES:
            paths = _parquet(root, descriptor, table, verify=verify)
            files = ", ".join("'" + str(p).replace("'", "''") + "'" for p in paths)
            try:
                con.execute(f"CREATE VIEW {table} AS SELECT * FROM read_parquet([{files}])")
            except duckdb.Error as error:
                raise DatasetError(f"cannot read table ({_first_line(error)}); rebuild the "
                                   "package or reinstall", file=paths[0]) from None
    except BaseException:
        con.close()
        raise
    con.execute(VIEWS_SQL)
    return con
