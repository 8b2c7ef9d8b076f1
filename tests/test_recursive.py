"""Folders of folders (issue 12, item 3): ``--recursive`` searches subfolders; without it the
build says how many article files it left out.

With ``--recursive``, ``articles.source_file`` is the path relative to SRC with POSIX
separators, so equal names in different subfolders never collide, and rows stay sorted by it.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import RECIPE, run_cli

#: Runs the builder or the CLI end to end: left out of ``make test-fast``.
pytestmark = pytest.mark.slow

SEEDS = sorted((RECIPE / "sources").iterdir())


def _tree(root: Path) -> Path:
    """top.txt, sub/a.txt, sub/deeper/b.txt, other/a.txt (same name, other text), plus a
    hidden folder and a non-article file that are never read."""
    for rel, seed in (("top.txt", 0), ("sub/a.txt", 1), ("sub/deeper/b.txt", 2),
                      ("other/a.txt", 3), (".hidden/c.txt", 4)):
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(SEEDS[seed], root / rel)
    (root / "sub" / "notes.pdf").write_bytes(b"%PDF-1.4 not an article")
    return root


def _files(out: Path) -> list[str]:
    lines = (out / "json" / "articles.jsonl").read_text(encoding="utf-8").splitlines()
    return [json.loads(line)["source_file"] for line in lines]


def test_without_recursive_the_top_level_builds_and_the_rest_is_counted(tmp_path: Path) -> None:
    src = _tree(tmp_path / "src")
    out = tmp_path / "pkg"
    result = run_cli("build", src, "--out", out)
    assert result.returncode == 0, result.stderr
    assert _files(out) == ["top.txt"]
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert "3 article files in subfolders ignored" in lines[0], lines[0]
    assert "--recursive" in lines[0] and str(src) in lines[0]
    assert "Traceback" not in result.stderr


def test_a_flat_folder_gets_no_note(tmp_path: Path) -> None:
    src = tmp_path / "flat"
    src.mkdir()
    shutil.copy(SEEDS[0], src)
    (src / "empty-subfolder").mkdir()
    result = run_cli("build", src, "--out", tmp_path / "pkg")
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""


def test_recursive_builds_every_subfolder_with_relative_names(tmp_path: Path) -> None:
    src = _tree(tmp_path / "src")
    out = tmp_path / "pkg"
    result = run_cli("build", src, "--out", out, "--recursive")
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    assert _files(out) == ["other/a.txt", "sub/a.txt", "sub/deeper/b.txt", "top.txt"]
    descriptor = json.loads((out / "datapackage.json").read_text(encoding="utf-8"))
    assert sorted(s["file"] for s in descriptor["sources"]) == _files(out)
    assert run_cli("validate", out).returncode == 0
    checked = subprocess.run([sys.executable, "-m", "frictionless", "validate",
                              str(out / "datapackage.json")], capture_output=True, text=True,
                             check=False)
    assert checked.returncode == 0, checked.stdout[-3000:]


def test_recursive_output_is_the_same_for_any_workers(tmp_path: Path) -> None:
    src = _tree(tmp_path / "src")
    one, two = tmp_path / "one", tmp_path / "two"
    assert run_cli("build", src, "--out", one, "--recursive").returncode == 0
    assert run_cli("build", src, "--out", two, "--recursive", "--workers", "2").returncode == 0
    for rel in ("json/articles.jsonl", "json/quote_mentions.jsonl", "datapackage.json"):
        assert (one / rel).read_bytes() == (two / rel).read_bytes(), rel


def test_recursive_with_a_recipe_is_a_usage_error(tmp_path: Path) -> None:
    result = run_cli("build", RECIPE, "--out", tmp_path / "pkg", "--recursive")
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1 and "--recursive" in result.stderr, result.stderr
    assert not (tmp_path / "pkg").exists()


def test_every_cli_option_is_documented_in_the_readme() -> None:
    """The README's command table names every option of every command (sqlite-utils' habit);
    the publisher guide explains the folder options."""
    from newsgraph.cli import main
    from tests.conftest import REPO

    readme = (REPO / "README.md").read_text(encoding="utf-8")
    guide = (REPO / "docs" / "publisher-guide.md").read_text(encoding="utf-8")
    missing = [f"{name} {opt}" for name, command in main.commands.items()
               for param in command.params for opt in getattr(param, "opts", [])
               if opt.startswith("--") and opt != "--help" and opt not in readme]
    assert missing == [], f"options missing from README.md: {missing}"
    assert "--recursive" in guide
