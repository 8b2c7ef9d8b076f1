"""The writer refuses rows whose keys are not the table's fields (issue 13.4).

``pa.Table.from_pylist`` would drop a misspelled key and write a null column; the writer names
the stray key, the missing field and the table's fields instead.
"""

from __future__ import annotations

from pathlib import Path

import pyarrow.parquet as pq
import pytest

import newsgraph
from newsgraph.errors import DatasetError
from newsgraph.package.writer import TableWriter

#: Runs the builder or the CLI end to end: left out of ``make test-fast``.
pytestmark = pytest.mark.slow


def _row(pkg: Path) -> dict[str, object]:
    return dict(newsgraph.load_arrow("quotes", dataset_dir=pkg).to_pylist()[0])


def test_a_misspelled_key_is_refused_naming_both(clean_package: Path, tmp_path: Path) -> None:
    row = _row(clean_package)
    row["speakr_id"] = row.pop("speaker_id")
    writer = TableWriter(tmp_path, "quotes", {})
    with pytest.raises(DatasetError, match=r"keys \['speakr_id'\].*lacks fields "
                                           r"\['speaker_id'\].*fields of quotes are quote_id"):
        writer.add([row])


def test_an_extra_key_is_refused(clean_package: Path, tmp_path: Path) -> None:
    row = {**_row(clean_package), "note": "x"}
    with pytest.raises(DatasetError, match=r"keys \['note'\] that are not its fields"):
        TableWriter(tmp_path, "quotes", {}).add([row])


def test_an_arrow_table_with_other_columns_is_refused(clean_package: Path,
                                                      tmp_path: Path) -> None:
    arrow = newsgraph.load_arrow("quotes", dataset_dir=clean_package)
    renamed = arrow.rename_columns(["speakr_id" if n == "speaker_id" else n
                                    for n in arrow.schema.names])
    with pytest.raises(DatasetError, match="speakr_id"):
        TableWriter(tmp_path, "quotes", {}).add_arrow(renamed)


def test_rows_with_exactly_the_fields_are_written(clean_package: Path, tmp_path: Path) -> None:
    row = _row(clean_package)
    writer = TableWriter(tmp_path, "quotes", {})
    writer.add([row])
    assert writer.close() == 1

    assert pq.read_table(tmp_path / "parquet" / "quotes.parquet").to_pylist() == [row]
