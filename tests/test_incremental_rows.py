"""Level 2 of the build cache: an article's assembled rows are reused only while they hold.

An article's rows depend on other articles through the actor ids its names link to, and
through nothing else (the registries it feeds are replayed at its new position). Each case
builds into one output twice and checks which articles' rows were reused, then compares
the package with a build from scratch, byte for byte: a new article's full name relinks an
old article's surname (and removing it links the surname back), a new article becomes the
first article of shared names, a text-reuse pair appears, a stored rows entry is corrupt,
and the timeline figure is copied from the cache or drawn again. A name whose first
article says another kind of actor (another id) is the unit test of ``Assembler.holds``.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from newsgraph.builder.assemble import Assembler, _actor_id
from newsgraph.builder.cache.figures import FIGURES_DIR
from newsgraph.builder.cache.session import default_cache_dir
from newsgraph.builder.cache.store import ENTRIES_DIR, ROWS_SUFFIX
from newsgraph.builder.contribution import Contribution, NameUse
from newsgraph.rules.drafts import ActorDraft
from tests.conftest import RECIPE, run_cli
from tests.test_incremental import NEW, OLD, SEEDS, assert_same_as_scratch, built, folder, seeds

#: Runs the builder or the CLI end to end: left out of ``make test-fast``.
pytestmark = pytest.mark.slow


def test_a_relinked_surname_reassembles_only_the_article_that_writes_it(
        tmp_path: Path) -> None:
    src, out = folder(tmp_path, {**seeds(0), "01_old.txt": OLD}), tmp_path / "out"
    assert "rows of 0 reused, 2 assembled" in built(src, out)
    assert "rows of 2 reused, 0 assembled" in built(src, out)
    folder(tmp_path, {"02_new.txt": NEW})
    # "Kowalczyk" in 01_old now links to "Marta Ewa Kowalczyk": its rows are made again
    assert "rows of 1 reused, 2 assembled" in built(src, out)
    assert_same_as_scratch(src, out, tmp_path)
    (src / "02_new.txt").unlink()
    # and back: the surname is its own actor again
    assert "rows of 1 reused, 1 assembled" in built(src, out)
    assert_same_as_scratch(src, out, tmp_path)


def test_a_new_reuse_pair_keeps_the_old_rows(tmp_path: Path) -> None:
    src, out = folder(tmp_path, seeds(0, 1)), tmp_path / "out"
    built(src, out)
    folder(tmp_path, {"zz_copy.txt": "Wire copy\n\n" + SEEDS[0].read_text(encoding="utf-8")
                      .split("\n", 1)[1] + "\nThe report was updated on Friday.\n"})
    # the pair is made from the shingles; the old articles' rows do not change
    assert "rows of 2 reused, 1 assembled" in built(src, out)
    assert (out / "json/article_relations.jsonl").read_text(encoding="utf-8")
    assert_same_as_scratch(src, out, tmp_path)


def test_an_article_earlier_in_order_becomes_the_first_article_of_shared_names(
        tmp_path: Path) -> None:
    src, out = folder(tmp_path, {"50_" + SEEDS[0].name: SEEDS[0].read_bytes()}), \
        tmp_path / "out"
    built(src, out)
    # a new article sorted first is now the first article of the names they share
    folder(tmp_path, {"00_" + SEEDS[1].name: SEEDS[1].read_bytes()})
    assert "rows of 1 reused, 1 assembled" in built(src, out)
    assert_same_as_scratch(src, out, tmp_path)


def test_a_corrupt_rows_entry_is_reassembled_with_one_warning(tmp_path: Path) -> None:
    src, out = folder(tmp_path, seeds(0, 1)), tmp_path / "out"
    built(src, out)
    stored = sorted((default_cache_dir(out) / ENTRIES_DIR).rglob(f"*{ROWS_SUFFIX}"))
    assert len(stored) == 2
    raw = stored[0].read_bytes()
    stored[0].write_bytes(raw[:-10] + bytes(10))
    result = run_cli("build", src, "--out", out)
    assert result.returncode == 0
    warnings = [line for line in result.stderr.splitlines() if "warning" in line]
    assert len(warnings) == 1 and "1 corrupt entry ignored" in warnings[0]
    assert "build cache: 2 reused, 0 extracted, 0 pruned; rows of 1 reused, 1 assembled" \
        in result.stdout
    assert_same_as_scratch(src, out, tmp_path)


def test_omit_text_keeps_rows_of_its_own(tmp_path: Path) -> None:
    src, out = folder(tmp_path, seeds(0)), tmp_path / "out"
    built(src, out)
    assert "rows of 0 reused, 1 assembled" in built(src, out, "--omit-text")
    assert "rows of 0 reused, 1 assembled" in built(src, out)


def test_the_timeline_is_copied_or_drawn_again(tmp_path: Path) -> None:
    out = tmp_path / "out"
    built(RECIPE, out)
    figures = sorted((default_cache_dir(out) / FIGURES_DIR).iterdir())
    assert len(figures) == 1
    built(RECIPE, out)  # copied
    assert_same_as_scratch(RECIPE, out, tmp_path)
    raw = figures[0].read_bytes()
    figures[0].write_bytes(raw[:-20] + bytes(20))  # no longer its hash: drawn again
    built(RECIPE, out)
    assert_same_as_scratch(RECIPE, out, tmp_path)
    assert figures[0].read_bytes() == raw


def _contribution(*names: NameUse) -> Contribution:
    return Contribution("a.txt", "a.txt", -1, "art_1", list(names), {}, {}, [], [], [])


def test_holds_exactly_while_every_name_links_to_the_same_actor() -> None:
    person = ActorDraft("Kowalczyk", "person", method="rule:test")
    full = ActorDraft("Marta Ewa Kowalczyk", "person", method="rule:test")
    place = ActorDraft("Kowalczyk", "country", method="rule:test")
    used = _contribution(NameUse("Kowalczyk", "Kowalczyk", _actor_id(person)))
    assert Assembler({}, {"Kowalczyk": person}).holds(used)
    # a longer name now stands for the surname
    relinked = Assembler({"Kowalczyk": "Marta Ewa Kowalczyk"},
                         {"Kowalczyk": person, "Marta Ewa Kowalczyk": full})
    assert not relinked.holds(used)
    # the first article of the name says it is another kind of actor (another id)
    assert not Assembler({}, {"Kowalczyk": place}).holds(used)
    # no article of this build has the name at all
    assert not Assembler({}, {}).holds(used)
