"""Incremental builds (issue 14, item 1): a build that reuses the cache of an earlier one
writes the same bytes as a build from scratch of the same inputs.

Every case builds twice into one output (the second build reuses the first one's cache),
then builds the same inputs from scratch (``--no-cache``) into another output, and compares
every file of the two packages byte for byte. The cases are the ones that could go wrong:
articles added, changed and removed, a curated file changed, a cross-article link that a new
article creates ("Kowalczyk" in an old article becomes "Marta Ewa Kowalczyk"), a text-reuse
pair a new article creates; then a corrupt cache, a cache from another version, and where
the cache lives.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsgraph.builder.build import BuildOptions, build
from newsgraph.builder.cache.session import default_cache_dir
from newsgraph.builder.cache.store import ENTRIES_DIR, MANIFEST_FILE
from tests.conftest import RECIPE, examples, run_cli

#: Runs the builder or the CLI end to end: left out of ``make test-fast``.
pytestmark = pytest.mark.slow

SEEDS = sorted((RECIPE / "sources").glob("*.txt"))

OLD = """Council backs new harbour plan

The city council on Monday approved a plan to rebuild the old harbour, after months of debate.

"This is a good day for the port," Kowalczyk said after the vote. Kowalczyk added that work \
would start in spring.
"""
NEW = """Harbour plan wins final approval

Mayor Marta Ewa Kowalczyk welcomed the decision on Tuesday.

"We have waited long enough," Marta Ewa Kowalczyk told reporters at the town hall.
"""


def snapshot(out: Path) -> dict[str, bytes]:
    return {str(p.relative_to(out)): p.read_bytes() for p in sorted(out.rglob("*"))
            if p.is_file()}


def built(src: Path, out: Path, *extra: str) -> str:
    result = run_cli("build", src, "--out", out, *extra)
    assert result.returncode == 0, result.stderr
    return result.stdout + result.stderr


def assert_same_as_scratch(src: Path, out: Path, tmp: Path) -> None:
    scratch = tmp / "scratch"
    built(src, scratch, "--no-cache")
    assert snapshot(out) == snapshot(scratch)
    shutil.rmtree(scratch)


def folder(tmp: Path, files: dict[str, str | bytes]) -> Path:
    src = tmp / "src"
    src.mkdir(exist_ok=True)
    for name, data in files.items():
        path = src / name
        if isinstance(data, bytes):
            path.write_bytes(data)
        else:
            path.write_text(data, encoding="utf-8", newline="")
    return src


def seeds(*indexes: int) -> dict[str, bytes]:
    return {SEEDS[i].name: SEEDS[i].read_bytes() for i in indexes}


def test_added_articles_reuse_the_rest_and_match_a_scratch_build(tmp_path: Path) -> None:
    src, out = folder(tmp_path, seeds(0, 1, 2)), tmp_path / "out"
    assert "build cache: 0 reused, 3 extracted, 0 pruned" in built(src, out)
    folder(tmp_path, seeds(3, 4))
    assert "build cache: 3 reused, 2 extracted, 0 pruned" in built(src, out)
    assert_same_as_scratch(src, out, tmp_path)


def test_changed_and_removed_articles_match_a_scratch_build(tmp_path: Path) -> None:
    src, out = folder(tmp_path, seeds(0, 1, 2, 3)), tmp_path / "out"
    built(src, out)
    changed = SEEDS[1].read_text(encoding="utf-8").replace("S-400", "S-500")
    folder(tmp_path, {SEEDS[1].name: changed})
    (src / SEEDS[3].name).unlink()
    # the changed article's old entry and the removed article's entry are pruned
    assert "build cache: 2 reused, 1 extracted, 2 pruned" in built(src, out)
    assert_same_as_scratch(src, out, tmp_path)
    entries = list((default_cache_dir(out) / ENTRIES_DIR).rglob("*.ngc"))
    assert len(entries) == 3


def test_a_new_article_relinks_an_old_one_as_a_scratch_build_does(tmp_path: Path) -> None:
    src, out = folder(tmp_path, {"01_old.txt": OLD}), tmp_path / "out"
    built(src, out)
    before = [json.loads(line) for line in (out / "json/actors.jsonl").open(encoding="utf-8")]
    assert [a["name"] for a in before] == ["Kowalczyk"]
    folder(tmp_path, {"02_new.txt": NEW})
    assert "build cache: 1 reused, 1 extracted, 0 pruned" in built(src, out)
    after = [json.loads(line) for line in (out / "json/actors.jsonl").open(encoding="utf-8")]
    assert [a["name"] for a in after] == ["Marta Ewa Kowalczyk"]
    mentions = (out / "json/actor_mentions.jsonl").read_text(encoding="utf-8").splitlines()
    assert {json.loads(m)["actor_id"] for m in mentions} == {after[0]["actor_id"]}
    assert_same_as_scratch(src, out, tmp_path)


def test_a_new_text_reuse_pair_matches_a_scratch_build(tmp_path: Path) -> None:
    src, out = folder(tmp_path, seeds(0, 1)), tmp_path / "out"
    built(src, out)
    relations = out / "json/article_relations.jsonl"
    before = len(relations.read_text(encoding="utf-8").splitlines())
    folder(tmp_path, {"zz_copy.txt": "Wire copy\n\n" + SEEDS[0].read_text(encoding="utf-8")
                      .split("\n", 1)[1] + "\nThe report was updated on Friday.\n"})
    built(src, out)
    after = relations.read_text(encoding="utf-8").splitlines()
    assert len(after) > before  # the copy shares text with both seeds
    assert_same_as_scratch(src, out, tmp_path)


def test_a_curated_change_re_extracts_the_articles_it_touches(tmp_path: Path) -> None:
    recipe = tmp_path / "recipe"
    shutil.copytree(RECIPE, recipe)
    out = tmp_path / "out"
    built(recipe, out)
    events = recipe / "curated" / "events.yml"
    text = events.read_text(encoding="utf-8")
    label = "Russia and Turkey sign the original $2.5 billion contract for four S-400 batteries"
    assert text.count(label) == 1
    events.write_text(text.replace(label, "Russia and Turkey sign the S-400 contract"),
                      encoding="utf-8")
    said = built(recipe, out)
    # the event has mentions in two of the five articles: only those two are extracted
    assert "build cache: 3 reused, 2 extracted, 2 pruned" in said
    assert "sign the S-400 contract" in (out / "json/events.jsonl").read_text(encoding="utf-8")
    assert_same_as_scratch(recipe, out, tmp_path)
    actors = recipe / "curated" / "actors.yml"
    actors.write_text(actors.read_text(encoding="utf-8").replace(
        "President of Turkey", "President of the Republic of Turkey"), encoding="utf-8")
    assert "build cache: 0 reused, 5 extracted" in built(recipe, out)  # gazetteer: all
    assert_same_as_scratch(recipe, out, tmp_path)


def test_a_corrupt_entry_is_ignored_with_one_warning(tmp_path: Path) -> None:
    src, out = folder(tmp_path, seeds(0, 1)), tmp_path / "out"
    built(src, out)
    entries = sorted((default_cache_dir(out) / ENTRIES_DIR).rglob("*.ngc"))
    raw = entries[0].read_bytes()
    entries[0].write_bytes(raw[:-10] + bytes(10))  # the payload no longer has its hash
    result = run_cli("build", src, "--out", out)
    assert result.returncode == 0
    warnings = [line for line in result.stderr.splitlines() if "warning" in line]
    assert len(warnings) == 1 and "1 corrupt entry ignored" in warnings[0]
    assert "build cache: 1 reused, 1 extracted, 0 pruned" in result.stdout
    assert_same_as_scratch(src, out, tmp_path)


@pytest.mark.parametrize("manifest", ['{"newsgraph_cache": 1, "fingerprint": "other"}',
                                      '{"newsgraph_cache": 999, "fingerprint": "x"}',
                                      "not json at all"])
def test_a_cache_from_another_version_is_ignored_with_one_warning(tmp_path: Path,
                                                                   manifest: str) -> None:
    src, out = folder(tmp_path, seeds(0)), tmp_path / "out"
    built(src, out)
    (default_cache_dir(out) / MANIFEST_FILE).write_text(manifest, encoding="utf-8")
    result = run_cli("build", src, "--out", out)
    assert result.returncode == 0
    warnings = [line for line in result.stderr.splitlines() if "warning" in line]
    assert len(warnings) == 1 and "ignored" in warnings[0]
    assert "build cache: 0 reused, 1 extracted" in result.stdout
    assert_same_as_scratch(src, out, tmp_path)


def test_the_cache_lives_beside_the_output_never_inside(tmp_path: Path) -> None:
    src, out = folder(tmp_path, seeds(0)), tmp_path / "out"
    built(src, out, "--no-cache")
    assert sorted(p.name for p in tmp_path.iterdir()) == [".out.lock", "out", "src"]
    built(src, out)
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        ".out.lock", ".out.newsgraph-cache", "out", "src"]
    elsewhere = tmp_path / "elsewhere"
    assert "build cache: 0 reused, 1 extracted" in built(src, out, "--cache", elsewhere)
    assert (elsewhere / MANIFEST_FILE).is_file()
    inside = run_cli("build", src, "--out", out, "--cache", out / "cache")
    assert inside.returncode == 2 and "outside the output folder" in inside.stderr
    assert not (out / "cache").exists()
    both = run_cli("build", src, "--out", out, "--cache", elsewhere, "--no-cache")
    assert both.returncode == 2


def test_a_busy_cache_is_skipped_with_a_warning(tmp_path: Path) -> None:
    import fcntl
    import os

    src, out = folder(tmp_path, seeds(0)), tmp_path / "out"
    built(src, out)
    fd = os.open(default_cache_dir(out) / "lock", os.O_RDWR)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        result = run_cli("build", src, "--out", out)
    finally:
        os.close(fd)
    assert result.returncode == 0
    assert "in use by another build; building without it" in result.stderr
    assert_same_as_scratch(src, out, tmp_path)


POOL = {**{s.name: s.read_bytes() for s in SEEDS[:3]}, "01_old.txt": OLD.encode(),
        "02_new.txt": NEW.encode(),
        "03_changed.txt": OLD.replace("Monday", "Friday").encode()}


@settings(max_examples=examples(4), deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.sets(st.sampled_from(sorted(POOL)), min_size=1), min_size=2, max_size=3))
def test_any_sequence_of_corpora_builds_the_same_as_from_scratch(
        tmp_path_factory: pytest.TempPathFactory, steps: list[set[str]]) -> None:
    tmp = tmp_path_factory.mktemp("steps")
    src, out, scratch = tmp / "src", tmp / "out", tmp / "scratch"
    for names in steps:
        shutil.rmtree(src, ignore_errors=True)
        src.mkdir()
        for name in sorted(names):
            (src / name).write_bytes(POOL[name])
        build(src, out)
        shutil.rmtree(scratch, ignore_errors=True)
        build(src, scratch, BuildOptions(use_cache=False))
        assert snapshot(out) == snapshot(scratch)


def test_a_collection_grows_like_a_folder(tmp_path: Path) -> None:
    texts = [s.read_text(encoding="utf-8") for s in SEEDS[:3]]
    collection = tmp_path / "news.jsonl"
    out = tmp_path / "out"

    def write(rows: list[str]) -> None:
        collection.write_text("".join(json.dumps({"text": t, "title": f"T{i}"}) + "\n"
                                      for i, t in enumerate(rows)), encoding="utf-8")

    write(texts[:2])
    built(collection, out)
    write(texts)
    assert "build cache: 2 reused, 1 extracted, 0 pruned" in built(collection, out)
    assert_same_as_scratch(collection, out, tmp_path)


def test_omit_text_reuses_the_drafts_and_matches_a_scratch_build(tmp_path: Path) -> None:
    src, out = folder(tmp_path, seeds(0, 1)), tmp_path / "out"
    built(src, out)
    assert "build cache: 2 reused, 0 extracted" in built(src, out, "--omit-text")
    scratch = tmp_path / "scratch"
    built(src, scratch, "--no-cache", "--omit-text")
    assert snapshot(out) == snapshot(scratch)
