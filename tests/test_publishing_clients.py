"""Real publishing clients read the bundled package: Hugging Face `datasets` (offline) and
`mlcroissant validate`."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from newsgraph.package.tables import TABLES, TABLES_BY_NAME
from tests.conftest import DATASET

#: Runs the builder or the CLI end to end: left out of ``make test-fast``.
pytestmark = pytest.mark.slow


@pytest.fixture()
def offline_hf(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> dict[str, str]:
    env = {"HF_HOME": str(tmp_path / "hf"), "HF_DATASETS_OFFLINE": "1", "HF_HUB_OFFLINE": "1"}
    for key, value in env.items():
        monkeypatch.setenv(key, value)
    return env


def test_huggingface_datasets_loads_every_table_offline(offline_hf: dict[str, str]) -> None:
    # Every table with rows; an empty split cannot be loaded by `datasets` ("corresponds to
    # no data"), so the card gives an empty table (here: article_duplicates) no config.
    filled = [t.name for t in TABLES
              if (DATASET / "json" / f"{t.name}.jsonl").read_bytes()]
    assert set(TABLES_BY_NAME) - set(filled) == {"article_duplicates"}
    script = (
        "import datasets, json, sys\n"
        f"counts = {{t: datasets.load_dataset({str(DATASET)!r}, t)['train'].num_rows "
        f"for t in {filled!r}}}\n"
        "print(json.dumps(counts))\n"
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                            env={**os.environ, **offline_hf}, check=False, timeout=600)
    assert result.returncode == 0, result.stderr[-2000:]
    import json

    counts = json.loads(result.stdout.strip().splitlines()[-1])
    for spec in [TABLES_BY_NAME[name] for name in filled]:
        expected = sum(1 for _ in (DATASET / "json" / f"{spec.name}.jsonl").open())
        assert counts[spec.name] == expected, spec.name


def test_mlcroissant_validates_croissant_json(offline_hf: dict[str, str]) -> None:
    result = subprocess.run(
        [str(Path(sys.executable).parent / "mlcroissant"), "validate", "--jsonld",
         str(DATASET / "croissant.json")],
        capture_output=True, text=True, env={**os.environ, **offline_hf}, check=False,
        timeout=600)
    assert result.returncode == 0, result.stderr[-2000:]
