"""The wheel ships the dataset and schema inside the package and works from anywhere.

Builds the wheel, installs it with ``--no-deps`` into a fresh virtual environment that sees
this environment's libraries (pandas, pyarrow, duckdb) through a ``.pth`` file, and from a
folder outside the repo loads every table and queries DuckDB.
"""

from __future__ import annotations

import re
import subprocess
import sys
import sysconfig
import venv
import zipfile
from pathlib import Path

import pytest

from newsgraph.versions import SCHEMA_VERSION
from tests.conftest import REPO

#: Runs the builder or the CLI end to end: left out of ``make test-fast``.
pytestmark = pytest.mark.slow

SCRIPT = """
import json, sys
import newsgraph
assert "/site-packages/newsgraph/" in newsgraph.__file__.replace("\\\\", "/"), newsgraph.__file__
counts = {t: len(newsgraph.load(t)) for t in newsgraph.tables()}
n = newsgraph.connect().sql("select count(*) from quotes").fetchall()[0][0]
view = newsgraph.connect().sql("select count(*) from quotes_with_sources").fetchall()[0][0]
print(json.dumps({"counts": counts, "quotes": n, "view": view}))
"""


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps",
                    "--no-build-isolation", "-w", str(out), str(REPO)], check=True)
    (path,) = out.glob("newsgraph-*.whl")
    return path


def test_wheel_contains_dataset_and_schema_inside_the_package(wheel: Path) -> None:
    names = zipfile.ZipFile(wheel).namelist()
    assert "newsgraph/_data/dataset/datapackage.json" in names
    assert "newsgraph/_data/dataset/parquet/quotes.parquet" in names
    for version in ("1.0.0", SCHEMA_VERSION):  # every published schema version ships
        assert any(n.startswith(f"newsgraph/_data/schema/{version}/json/") for n in names)
    assert not any(n.startswith(("dataset/", "schema/")) for n in names)
    assert wheel.stat().st_size < 2_000_000


def test_wheel_holds_the_package_and_not_the_benchmark_generators(wheel: Path) -> None:
    """The corpus generators live in benchmarks/ and stay out of the wheel; every module of
    the source tree is in it."""
    names = set(zipfile.ZipFile(wheel).namelist())
    assert not [n for n in names if Path(n).name.startswith("synthetic")]
    assert not [n for n in names if n.startswith(("benchmarks/", "tests/"))]
    modules = {p.relative_to(REPO).as_posix() for p in (REPO / "newsgraph").rglob("*.py")}
    assert modules - names == set()


def test_the_readme_states_the_measured_wheel_size(wheel: Path) -> None:
    readme = " ".join((REPO / "README.md").read_text(encoding="utf-8").split())
    stated = float(re.search(r"the wheel is about ([0-9.]+) MB", readme).group(1))  # type: ignore[union-attr]
    measured = wheel.stat().st_size / 1_000_000
    assert abs(measured - stated) <= 0.15 * stated, \
        f"the wheel is {measured:.2f} MB; update the figure in README.md"


def test_installed_wheel_loads_every_table_from_outside_the_repo(wheel: Path,
                                                                 tmp_path: Path) -> None:
    env_dir = tmp_path / "venv"
    venv.create(env_dir, with_pip=True)
    python = env_dir / "bin" / "python"
    site = subprocess.run([str(python), "-c", "import sysconfig; print(sysconfig.get_paths()"
                           "['purelib'])"], capture_output=True, text=True, check=True)
    Path(site.stdout.strip(), "host-libraries.pth").write_text(
        sysconfig.get_paths()["purelib"] + "\n", encoding="utf-8")
    subprocess.run([str(python), "-m", "pip", "install", "--quiet", "--no-deps", str(wheel)],
                   check=True)
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    result = subprocess.run([str(python), "-c", SCRIPT], capture_output=True, text=True,
                            cwd=outside, check=False)
    assert result.returncode == 0, result.stderr
    import json

    report = json.loads(result.stdout)
    assert report["quotes"] > 0 and report["view"] > 0
    # the bundled sources hold no duplicate: that table loads, empty
    assert report["counts"]["article_duplicates"] == 0
    assert all(n > 0 for t, n in report["counts"].items()
               if t not in ("article_relations", "article_duplicates"))
