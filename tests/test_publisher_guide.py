"""The publisher guide's commands run as written (issue 13.22).

Its ``recipe.yml`` is written out with one source, every ``newsgraph`` command of its shell
blocks runs in a scratch folder (``my-articles/`` holds one article), and each must succeed.
"""

from __future__ import annotations

import csv
import html
import json
import re
import shlex
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from newsgraph.recipe.manifest import Recipe
from tests.conftest import REPO, SEED, run_cli

#: Runs the builder or the CLI end to end: left out of ``make test-fast``.
pytestmark = pytest.mark.slow

GUIDE = (REPO / "docs" / "publisher-guide.md").read_text(encoding="utf-8")
SHELL = re.findall(r"```sh\n(.*?)```", GUIDE, re.S)
RECIPE = next(block for block in re.findall(r"```yaml\n(.*?)```", GUIDE, re.S)
              if block.startswith("# my-recipe/recipe.yml"))


def _commands() -> list[list[str]]:
    found = []
    for block in SHELL:
        for line in block.splitlines():
            words = shlex.split(line, comments=True)
            if words and words[0] in ("newsgraph", "frictionless"):
                found.append(words)
    return found


def test_the_guide_recipe_is_complete_and_valid() -> None:
    data = yaml.safe_load(RECIPE)
    recipe = Recipe.model_validate(data)
    for key in ("assertions", "sources"):
        assert key in data
    assert {"file", "copyright_holder", "language"} <= set(data["sources"][0])
    assert "quotation_marks_accounted" in data["assertions"]
    assert recipe.sources[0].file == "story.txt"


def _collections(folder: Path, text: str) -> None:
    """The collection files the guide builds: the seed article as one row of each kind."""
    import io

    import pyarrow as pa
    import pyarrow.parquet as pq
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    (folder / "articles.jsonl").write_text(json.dumps({"text": text}) + "\n", encoding="utf-8")
    with (folder / "articles.csv").open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows([["headline", "body"], ["A headline", text]])
    pq.write_table(pa.table({"text": [text]}), folder / "articles.parquet")
    page = "<html><body><p>" + html.escape(text).replace("\n\n", "</p><p>") + "</p></body></html>"
    with (folder / "crawl.warc.gz").open("wb") as handle:
        writer = WARCWriter(handle, gzip=True)
        http = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")],
                                protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(
            "https://example.com/story", "response", payload=io.BytesIO(page.encode()),
            http_headers=http))


def test_every_command_of_the_guide_runs(tmp_path: Path) -> None:
    _collections(tmp_path, SEED.read_text(encoding="utf-8"))
    (tmp_path / "my-articles").mkdir()
    (tmp_path / "my-articles" / "story.txt").write_bytes(SEED.read_bytes())
    (tmp_path / "my-recipe" / "sources").mkdir(parents=True)
    (tmp_path / "my-recipe" / "sources" / "story.txt").write_bytes(SEED.read_bytes())
    (tmp_path / "my-recipe" / "recipe.yml").write_text(RECIPE, encoding="utf-8")
    for folder, fixture in (("my-pages", "web/harbour_tunnel.html"),
                            ("my-foreign", "languages/fr_greve_transports.txt")):
        (tmp_path / folder).mkdir()
        source = REPO / "tests" / "fixtures" / fixture
        (tmp_path / folder / source.name).write_bytes(source.read_bytes())
    ran = []
    for words in _commands():
        if words[:2] == ["newsgraph", "evaluate"]:
            continue  # "if you wrote gold files": the guide's own condition
        if words[0] == "frictionless":
            result = subprocess.run([sys.executable, "-m", "frictionless", *words[1:]],
                                    cwd=tmp_path, capture_output=True, text=True, check=False)
        else:
            result = run_cli(*words[1:], cwd=tmp_path)
        assert result.returncode == 0, (words, result.stderr, result.stdout[-500:])
        ran.append(words[:2])
    assert ["newsgraph", "build"] in ran and ["newsgraph", "validate"] in ran
    assert ["frictionless", "validate"] in ran and ["newsgraph", "sql"] in ran
