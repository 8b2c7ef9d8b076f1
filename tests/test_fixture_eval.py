"""Issue 5 on the fixture articles: rules alone (``--no-curated``) meet the thresholds.

The thirteen hand-made articles in tests/fixtures/articles (gold in tests/gold/fixtures)
exercise the attribution, actor and boilerplate patterns the rules must handle; the build is a
plain folder of articles, so nothing curated can help.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from newsgraph.evaluate.gold import evaluate
from tests.conftest import REPO, run_cli

#: Runs the builder or the CLI end to end: left out of ``make test-fast``.
pytestmark = pytest.mark.slow

ARTICLES = REPO / "tests" / "fixtures" / "articles"
FIXTURE_GOLD = REPO / "tests" / "gold" / "fixtures"


@pytest.fixture(scope="module")
def fixtures_built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("fixtures") / "pkg"
    result = run_cli("build", ARTICLES, "--out", out, "--no-curated")
    assert result.returncode == 0, result.stderr
    return out


def test_rules_alone_meet_the_quote_thresholds_on_the_fixtures(fixtures_built: Path) -> None:
    per_article, total = evaluate(FIXTURE_GOLD, fixtures_built)
    metrics = total.metrics()
    assert len(per_article) == 15
    assert metrics["quote_f1"] >= 0.95, total.errors
    assert metrics["speaker_accuracy"] >= 0.9, total.errors


def test_every_fixture_article_meets_a_floor(fixtures_built: Path) -> None:
    """No single article is left behind by a good average."""
    per_article, _ = evaluate(FIXTURE_GOLD, fixtures_built)
    for article, score in per_article.items():
        metrics = score.metrics()
        assert metrics["quote_f1"] >= 0.85, (article, score.errors)
        assert metrics["speaker_accuracy"] >= 0.8, (article, score.errors)


def test_actors_are_found_without_a_curated_table(fixtures_built: Path) -> None:
    _, total = evaluate(FIXTURE_GOLD, fixtures_built)
    metrics = total.metrics()
    assert metrics["actor_precision"] >= 0.9, total.errors
    assert metrics["actor_recall"] >= 0.9, total.errors


def test_the_fixture_readme_is_not_read_as_an_article() -> None:
    assert not (ARTICLES / "README.md").exists()
    assert (ARTICLES.parent / "README.md").is_file()
