"""Export formats, --omit-text packages, the dataset card and the CLI's documentation."""

from __future__ import annotations

import csv
import json
import subprocess
import sys
from pathlib import Path

import pytest

import newsgraph
from newsgraph.package.tables import TABLES
from tests.conftest import DATASET, RECIPE, REPO, run_cli

#: Runs the builder or the CLI end to end: left out of ``make test-fast``.
pytestmark = pytest.mark.slow

VIEWS = ("quotes_with_sources", "independent_sources", "events_timeline", "claims_with_sources")


@pytest.mark.parametrize("fmt", ["parquet", "jsonl", "csv"])
def test_every_export_is_a_package_newsgraph_reads(fmt: str, tmp_path: Path) -> None:
    out = tmp_path / "export"
    result = run_cli("export", "--format", fmt, "--out", out, "--dataset", DATASET)
    assert result.returncode == 0, result.stderr
    assert run_cli("validate", out).returncode == 0
    info = run_cli("info", "--dataset", out)
    assert info.returncode == 0 and "schema version" in info.stdout
    query = run_cli("sql", "--json", "SELECT count(*) AS n FROM quotes_with_sources",
                    "--dataset", out)
    assert query.returncode == 0, query.stderr
    expected = newsgraph.connect(DATASET).sql(
        "SELECT count(*) FROM quotes_with_sources").fetchall()[0][0]
    assert json.loads(query.stdout) == {"n": expected} and expected > 0
    for spec in TABLES:
        assert newsgraph.load(spec.name, dataset_dir=out, verify=True).equals(
            newsgraph.load(spec.name, dataset_dir=DATASET)), spec.name
    checked = subprocess.run([sys.executable, "-m", "frictionless", "validate",
                              str(out / "datapackage.json")], capture_output=True, text=True,
                             check=False)
    assert checked.returncode == 0, checked.stdout[-2000:]


def test_the_csv_export_holds_the_rows_with_table_schemas(tmp_path: Path) -> None:
    out = tmp_path / "export"
    assert run_cli("export", "--format", "csv", "--out", out).returncode == 0
    descriptor = json.loads((out / "datapackage.json").read_text(encoding="utf-8"))
    resources = {r["name"]: r for r in descriptor["resources"]}
    for spec in TABLES:
        resource = resources[f"{spec.name}-csv"]
        assert resource["path"] == f"csv/{spec.name}.csv" and resource["type"] == "table"
        types = {f["name"]: f["type"] for f in resource["schema"]["fields"]}
        assert "array" not in types.values()
        with (out / resource["path"]).open(encoding="utf-8", newline="") as handle:
            rows = list(csv.DictReader(handle))
        expected = [json.loads(line) for line in (DATASET / "json" / f"{spec.name}.jsonl")
                    .read_text(encoding="utf-8").splitlines()]
        assert len(rows) == len(expected), spec.name
        for got, want in zip(rows, expected, strict=True):
            for column, value in want.items():
                cell = got[column]
                if isinstance(value, list):
                    assert json.loads(cell) == value
                elif isinstance(value, str):
                    assert cell == value, (spec.name, column)
                elif value is None:
                    assert cell == "", (spec.name, column)


def test_the_duckdb_export_has_every_table_and_the_same_views(tmp_path: Path) -> None:
    import duckdb

    out = tmp_path / "export"
    assert run_cli("export", "--format", "duckdb", "--out", out).returncode == 0
    exported = duckdb.connect(str(out / "newsgraph.duckdb"), read_only=True)
    reference = newsgraph.connect(DATASET)
    for name in (*(t.name for t in TABLES), *VIEWS):
        query = f"SELECT * FROM {name} ORDER BY ALL"
        want = reference.sql(query).fetchall()
        assert exported.sql(query).fetchall() == want, name
        # the bundled sources hold no duplicate (tests/test_duplicates.py builds some)
        assert want or name in ("article_relations", "article_duplicates"), \
            f"{name} is empty: the check is idle"


def test_export_replaces_previous_export_but_not_other_folders(tmp_path: Path) -> None:
    out = tmp_path / "export"
    assert run_cli("export", "--format", "csv", "--out", out).returncode == 0
    assert run_cli("export", "--format", "jsonl", "--out", out).returncode == 0
    assert not (out / "csv").exists() and (out / "json" / "quotes.jsonl").exists()
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
        config = f"- config_name: {spec.name}\n  data_files: parquet/{spec.name}.parquet"
        empty = not (DATASET / "json" / f"{spec.name}.jsonl").read_bytes()
        # an empty table has no config: Hugging Face `datasets` cannot load an empty split
        assert (config not in front) if empty else (config in front), spec.name
    for source in sorted((RECIPE / "sources").iterdir()):
        assert source.name in card


def test_every_cli_command_has_help_and_is_documented() -> None:
    from newsgraph.cli import main

    readme = (REPO / "README.md").read_text(encoding="utf-8")
    for name in main.commands:
        result = run_cli(name, "--help")
        assert result.returncode == 0 and "Usage:" in result.stdout, name
        assert f"newsgraph {name}" in readme, f"`newsgraph {name}` is not in README.md"


def test_a_plain_folder_card_names_the_languages_its_articles_are_in(tmp_path: Path) -> None:
    """A folder without ``recipe.yml`` states no language: the card lists what the articles
    were read as, not English by default."""
    src = tmp_path / "src"
    src.mkdir()
    (src / "a.txt").write_text(
        "Die Regierung in Ankara kauft das russische Raketenabwehrsystem.\n\n"
        "„Wir werden das System in Betrieb nehmen“, sagte der Minister am Dienstag in Ankara. "
        "Die Vereinigten Staaten drohen mit Sanktionen, die Verhandlungen dauern an.\n",
        encoding="utf-8")
    out = tmp_path / "out"
    result = run_cli("build", src, "--out", out)
    assert result.returncode == 0, result.stderr
    front = (out / "README.md").read_text(encoding="utf-8").split("---")[1]
    languages = front.split("language:\n")[1].split("tags:")[0]
    assert languages == "- de\n"
