"""`newsgraph evaluate --gold-format plover` on invented PLOVER-style records."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsgraph.evaluate.plover import evaluate_plover, matches
from tests.conftest import run_cli

#: Runs the builder or the CLI end to end: left out of ``make test-fast``.
pytestmark = pytest.mark.slow

RECORDS = [
    {"text": "Norway gave Kenya two million dollars for new clinics on Monday.",
     "event": "AID", "sources": ["Norway"], "targets": ["Kenya"]},
    {"text": "Chilean police arrested forty Peruvian fishermen near the border.",
     "event": "COERCE", "sources": ["Chilean police"], "targets": ["Peruvian fishermen"]},
    {"text": "Ghana has rejected a proposal by Nigeria to share the oil field.",
     "event": "REJECT", "sources": ["Ghana"], "targets": ["Nigeria"]},
    {"text": "Kenya threatened to close the border with Uganda over the cattle raids.",
     "event": "ASSAULT", "sources": ["Uganda"], "targets": []},
    {"text": "The weather stayed mild and quiet all week in the valley.",
     "event": "CONSULT", "sources": ["Norway"], "targets": ["Kenya"]},
]


@pytest.fixture(scope="module")
def plover_built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    root = tmp_path_factory.mktemp("plover")
    gold = root / "records.jsonl"
    gold.write_text("".join(json.dumps(r) + "\n" for r in RECORDS), encoding="utf-8")
    out = root / "pkg"
    result = run_cli("build", gold, "--out", out, "--no-curated")
    assert result.returncode == 0, result.stderr
    return gold, out


def test_the_figures_count_what_they_say(plover_built: tuple[Path, Path]) -> None:
    score = evaluate_plover(*plover_built)
    assert (score.records, score.detected) == (5, 4)
    assert score.type_right == 3  # the threat is not the ASSAULT the record claims
    assert (score.source_right, score.with_source) == (3, 4)  # Kenya threatened, not Uganda
    assert (score.target_right, score.with_target) == (3, 3)


def test_cli_plover_mode(plover_built: tuple[Path, Path]) -> None:
    gold, out = plover_built
    result = run_cli("evaluate", "--gold-format", "plover", gold, out, "--errors")
    assert result.returncode == 0, result.stderr
    assert "event_detection         0.800  (4 of 5)" in result.stdout
    assert "records.jsonl:5: no event (CONSULT)" in result.stdout
    short = run_cli("evaluate", "--gold-format", "plover", gold, out,
                    "--fail-under", "source_accuracy=0.8")
    assert short.returncode == 1 and "source_accuracy 0.750 < 0.8" in short.stderr
    missing = run_cli("evaluate", "--gold-format", "plover", out / "nothing.jsonl", out)
    assert missing.returncode == 2 and "Traceback" not in missing.stderr


@pytest.mark.parametrize(("mentions", "gold", "expected"), [
    ({"Turkish"}, "Turkish police", True),
    ({"Boris Yeltsin"}, "Russian President Boris Yeltsin", True),
    ({"the U.S."}, "U.S.", True),
    ({"Turk"}, "Turkish police", False),
    ({"Norway"}, "Sweden", False),
    (set(), "Sweden", False),
])
def test_the_matching_rule(mentions: set[str], gold: str, expected: bool) -> None:
    assert matches(mentions, gold) is expected
