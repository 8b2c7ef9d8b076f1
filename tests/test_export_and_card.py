"""Export formats, --omit-text packages, the dataset card and the CLI's documentation."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

from newsgraph.tables import TABLES
from tests.conftest import DATASET, RECIPE, REPO, run_cli


@pytest.mark.parametrize("fmt", ["parquet", "jsonl", "csv", "duckdb"])
def test_export_writes_every_table(fmt: str, tmp_path: Path) -> None:
    out = tmp_path / "export"
    result = run_cli("export", "--format", fmt, "--out", out, "--dataset", DATASET)
    assert result.returncode == 0, result.stderr
    if fmt == "duckdb":
        import duckdb

        con = duckdb.connect(str(out / "newsgraph.duckdb"), read_only=True)
        for spec in TABLES:
            assert con.sql(f"select count(*) from {spec.name}").fetchall()[0][0] >= 0
        assert con.sql("select count(*) from quotes_with_sources").fetchall()[0][0] > 0
        return
    for spec in TABLES:
        name = {"parquet": f"parquet/{spec.name}.parquet", "jsonl": f"json/{spec.name}.jsonl",
                "csv": f"{spec.name}.csv"}[fmt]
        assert (out / name).is_file(), name
    if fmt == "csv":
        with (out / "actors.csv").open(encoding="utf-8") as handle:
            rows = list(csv.DictReader(handle))
        assert isinstance(json.loads(rows[0]["aliases"]), list)


def test_export_replaces_previous_export_but_not_other_folders(tmp_path: Path) -> None:
    out = tmp_path / "export"
    assert run_cli("export", "--format", "csv", "--out", out).returncode == 0
    assert run_cli("export", "--format", "jsonl", "--out", out).returncode == 0
    assert not (out / "quotes.csv").exists() and (out / "json" / "quotes.jsonl").exists()
    mine = tmp_path / "mine"
    mine.mkdir()
    (mine / "notes.txt").write_text("keep", encoding="utf-8")
    result = run_cli("export", "--format", "csv", "--out", mine)
    assert result.returncode == 2 and "not empty" in result.stderr
    assert (mine / "notes.txt").read_text(encoding="utf-8") == "keep"


def test_omit_text_package_is_valid_and_has_no_texts(tmp_path: Path) -> None:
    out = tmp_path / "notext"
    result = run_cli("build", RECIPE, "--out", out, "--omit-text")
    assert result.returncode == 0, result.stderr
    assert run_cli("validate", out).returncode == 0
    articles = [json.loads(line) for line in (out / "json" / "articles.jsonl").open()]
    assert all(a["text"] is None and a["n_chars"] > 0 for a in articles)
    descriptor = json.loads((out / "datapackage.json").read_text(encoding="utf-8"))
    assert descriptor["newsgraph"]["omit_text"] == "true"


def test_card_has_huggingface_configs_and_sources() -> None:
    card = (DATASET / "README.md").read_text(encoding="utf-8")
    front = card.split("---")[1]
    for spec in TABLES:
        assert f"- config_name: {spec.name}\n  data_files: parquet/{spec.name}.parquet" in front
    for source in sorted((RECIPE / "sources").iterdir()):
        assert source.name in card


def test_every_cli_command_has_help_and_is_documented() -> None:
    from newsgraph.cli import main

    readme = (REPO / "README.md").read_text(encoding="utf-8")
    for name in main.commands:
        result = run_cli(name, "--help")
        assert result.returncode == 0 and "Usage:" in result.stdout, name
        assert f"newsgraph {name}" in readme, f"`newsgraph {name}` is not in README.md"
