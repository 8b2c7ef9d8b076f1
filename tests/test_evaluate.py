"""`newsgraph evaluate` against the seed gold, with curated annotations switched off."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsgraph.evaluate.gold import evaluate, normalise_quote
from tests.conftest import GOLD, RECIPE, run_cli

#: Runs the builder or the CLI end to end: left out of ``make test-fast``.
pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def rules_only(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("rules") / "pkg"
    result = run_cli("build", RECIPE, "--out", out, "--no-curated")
    assert result.returncode == 0, result.stderr
    return out


def test_rules_alone_meet_the_quote_thresholds_on_the_seeds(rules_only: Path) -> None:
    _, total = evaluate(GOLD, rules_only)
    metrics = total.metrics()
    assert metrics["quote_f1"] >= 0.95, total.errors
    assert metrics["speaker_accuracy"] >= 0.9, total.errors


def test_evaluate_command_prints_overall_line(rules_only: Path) -> None:
    result = run_cli("evaluate", GOLD, rules_only)
    assert result.returncode == 0, result.stderr
    overall = next(line for line in result.stdout.splitlines() if line.startswith("overall"))
    assert len(overall.split()) == 8


def test_evaluate_counts_a_wrong_speaker(rules_only: Path, tmp_path: Path) -> None:
    import json

    gold = tmp_path / "gold"
    gold.mkdir()
    source = json.loads((GOLD / "004_8e9136e739b8f44d.json").read_text(encoding="utf-8"))
    for quote in source["quotes"]:
        quote["speaker"] = "Somebody Else"
    (gold / "004.json").write_text(json.dumps(source), encoding="utf-8")
    _, total = evaluate(gold, rules_only)
    assert total.metrics()["speaker_accuracy"] == 0.0


@pytest.mark.parametrize(("a", "b"), [("“We hope,”", '"we hope"'), ("no  movement.", "No movement"),
                                      ("„Wir hoffen“", '"wir hoffen"'), ("ＮＡＴＯ talks --", "NATO talks"),
                                      ("— we will —", "we will")])
def test_normalise_quote(a: str, b: str) -> None:
    assert normalise_quote(a) == normalise_quote(b)


@pytest.mark.parametrize(("a", "b"), [("we hope", "we hoped"), ("no-one", "no one")])
def test_normalise_quote_keeps_what_the_words_say(a: str, b: str) -> None:
    assert normalise_quote(a) != normalise_quote(b)
