"""Fuzzing the builder through the real build: arbitrary text and bytes never crash it.

Each example is one generated source in a folder (or in a recipe with quality assertions),
built with ``newsgraph.builder.build.build`` as the command line does: the per-article stage, the
spill, the streaming writer, the quality assertions and the validation of the written
package. A build either succeeds, and the package then passes ``validate`` with every span
slicing the text exactly, or raises the package's own one-line error; the previous output is
never touched. ``make fuzz`` runs a long profile.
"""

from __future__ import annotations

import functools
import json
import os
import shutil
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsgraph.builder.build import BuildOptions, build
from newsgraph.errors import DatasetError, InputError, NewsgraphError
from newsgraph.package.validate import validate_package
from newsgraph.rules.sources import MAGIC
from tests.conftest import SEED

#: Runs the builder or the CLI end to end: left out of ``make test-fast``.
pytestmark = pytest.mark.slow

EXAMPLES = int(os.environ.get("HYPOTHESIS_MAX_EXAMPLES", "20"))
NEWSY = st.sampled_from([
    '"', "“", "”", "‘", "’", " said ", " told Reuters ", ", he added. ", "\n\n", "\r\n",
    "President Anna Kowalski", "Mr Kowalski", "Turkey", "on Tuesday", "in July 2019",
    "according to ", " cited Mikheev as saying ", "Ankara", "—", "U.S.", "Dec. 3-4",
    "Москва", "北京", "مرحبا", "🙂", "\u0301", "\t", "*", "#", "<p>", "&amp;",
    # digits that are not decimal ("5 km²", "①") and decimal digits of other scripts
    "²", " ³ ", "①", "⁴/⁵/2019", "٢٠١٩", " 12:3", " 1990s ", " 3rd ",
])
TEXT = st.one_of(
    st.text(max_size=400),
    st.lists(st.one_of(NEWSY, st.text(max_size=12)), max_size=60).map("".join),
    st.just('"' * 50), st.just("“" * 7 + "”"), st.just(""),
)
RECIPE = """id: fuzz
title: Fuzz
description: One generated article.
version: 0.0.1
sources:
  - {{file: {name}, copyright_holder: nobody, language: en}}
assertions: {{min_actors_per_article: 1, quotation_marks_accounted: true}}
"""


def _snapshot(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in root.rglob("*") if p.is_file()}


@functools.cache
def _previous() -> Path:
    """An earlier output (one seed article, built once), copied under every example."""
    root = Path(tempfile.mkdtemp(prefix="newsgraph-fuzz-"))
    (root / "src").mkdir()
    (root / "src" / SEED.name).write_bytes(SEED.read_bytes())
    build(root / "src", root / "out")
    return root / "out"


def _build(work: Path, name: str, data: bytes, *, recipe: bool) -> NewsgraphError | None:
    """Build one source into ``work/out`` over an earlier output; check what happened and
    return the error the build refused it with, if any."""
    if work.exists():
        shutil.rmtree(work)
    src = work / "src"
    (src / "sources" if recipe else src).mkdir(parents=True)
    (src / "sources" / name if recipe else src / name).write_bytes(data)
    if recipe:
        (src / "recipe.yml").write_text(RECIPE.format(name=json.dumps(name)), encoding="utf-8")
    out = work / "out"
    shutil.copytree(_previous(), out)
    before = _snapshot(out)
    try:
        result = build(src, out, BuildOptions())
    except NewsgraphError as error:
        assert isinstance(error, InputError | DatasetError), error
        assert "\n" not in str(error) and str(error).strip()
        assert _snapshot(out) == before  # the previous output is untouched
        return error
    assert result.rows["articles"] == 1
    assert validate_package(out, fast=False).ok
    assert validate_package(out, fast=True).ok
    return None


SETTINGS = settings(max_examples=EXAMPLES, deadline=None,
                    suppress_health_check=[HealthCheck.function_scoped_fixture])


@SETTINGS
@given(text=TEXT, suffix=st.sampled_from([".txt", ".md", ".html"]), recipe=st.booleans())
def test_arbitrary_text_builds_or_fails_cleanly(tmp_path: Path, text: str, suffix: str,
                                                recipe: bool) -> None:
    error = _build(tmp_path / "work", f"article{suffix}", text.encode("utf-8"), recipe=recipe)
    if error is not None and not recipe:
        # Without a recipe's assertions, refused only when there is no text (blank, a BOM,
        # HTML with nothing visible), a NUL byte makes it look binary, or it starts with the
        # magic bytes of a document, image or archive.
        assert isinstance(error, InputError)
        assert not text.removeprefix("\ufeff").strip() or "\x00" in text or suffix == ".html" \
            or text.encode("utf-8").startswith(tuple(magic for magic, _ in MAGIC))


@SETTINGS
@given(data=st.binary(max_size=300))
def test_arbitrary_bytes_build_or_fail_cleanly(tmp_path: Path, data: bytes) -> None:
    error = _build(tmp_path / "work", "article.txt", data, recipe=False)
    assert error is None or (isinstance(error, InputError) and error.file is not None)


def test_a_very_long_article_builds(tmp_path: Path) -> None:
    text = '"We will win," said Anna Kowalski on Tuesday. ' * 20_000
    assert _build(tmp_path / "work", "long.txt", text.encode("utf-8"), recipe=False) is None
    assert json.loads((tmp_path / "work" / "out" / "json" / "articles.jsonl")
                      .read_text(encoding="utf-8"))["n_chars"] == len(text)
