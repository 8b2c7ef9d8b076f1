"""`newsgraph evaluate --gold-format brat` on invented brat gold (tests/brat_cases.py).

The cases hold '' quotation marks, a discontinuous Content (a quote interrupted by "X said"),
a nested attribution (Okafor reports what the minister told her), a Source after its Content
("..., the ferry operator said" / "according to its annual report") and an honorific speaker
("Ms. Okafor") named in full earlier.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from newsgraph.errors import InputError, UsageError
from newsgraph.evaluate.brat import evaluate_brat
from newsgraph.evaluate.brat_reader import quoted_segments, read_gold, source_head
from newsgraph.evaluate.report import check_bounds, parse_bounds
from tests.brat_cases import CASES, Case, Gold, write_articles, write_gold
from tests.conftest import run_cli

#: Runs the builder or the CLI end to end: left out of ``make test-fast``.
pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def brat_built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    root = tmp_path_factory.mktemp("brat")
    gold = write_gold(root / "gold")
    out = root / "pkg"
    result = run_cli("build", write_articles(root / "src"), "--out", out, "--no-curated")
    assert result.returncode == 0, result.stderr
    return gold, out


def test_both_layouts_read_the_same_gold(tmp_path: Path) -> None:
    split = read_gold(write_gold(tmp_path / "split", layout="split"))
    paired = read_gold(write_gold(tmp_path / "paired", layout="paired"))
    assert [(g.name, g.attributions) for g in split] == [(g.name, g.attributions) for g in paired]
    assert [g.name for g in split] == sorted(case.name for case in CASES)


def test_gold_quotes_follow_the_marks_and_the_innermost_attribution(tmp_path: Path) -> None:
    gold = {g.name: g for g in read_gold(write_gold(tmp_path))}
    harbour = gold["harbour_vote"]
    texts = [harbour.text[q.start:q.end] for q in harbour.quotes]
    # '' marks; the quote interrupted by 'Mr. Lindqvist said' is two quotes of one attribution
    assert texts == ["We won't abandon the islands,", "The budget is tight,",
                     "but the ferry is a lifeline."]
    assert harbour.quotes[1].attribution is harbour.quotes[2].attribution
    assert len(harbour.quotes[1].attribution.content) == 2  # a discontinuous span
    clinic = gold["clinic_funding"]
    nested = next(q for q in clinic.quotes if clinic.text[q.start:q.end] == "secure until 2029.")
    assert nested.attribution.source_text == "the health minister"


def test_quoted_segments_nest_and_run_to_the_paragraph_end() -> None:
    text = "“He said ‘no’ twice,” she said. ''Then it ends\nNext."
    assert [text[a:b] for a, b in quoted_segments(text)] == ["He said ‘no’ twice,", "Then it ends"]


@pytest.mark.parametrize(("source", "head"), [
    ("Okafor campaign manager Tomas Reyes", "Reyes"),
    ("Tomas Reyes, one of Ms. Okafor's advisers,", "Reyes"),
    ("Reyes, a spokesman for the Okafor campaign", "Reyes"),
    ("a spokesman for Okafor", None),
    ("the Okafor campaign", None),
    ("Okafor's aide", None),
    ("Former Secretary of State Madeleine Albright", "Albright"),
    ("Brent Bozell III, founder of the Media Research Center,", "Bozell"),
    ("Ms. Okafor", "Okafor"),
    ("The Courier", "Courier"),
    ("she", None),
])
def test_source_head(source: str, head: str | None) -> None:
    assert source_head(source) == head


def test_a_sentence_initial_common_noun_is_not_a_name() -> None:
    assert source_head("Democrats", "the democrats of the village said so") is None
    assert source_head("Democrats", "nobody else spoke") == "Democrats"
    assert source_head("Officials", "nobody else spoke") is None  # a role word, not a name


def test_rules_score_the_cases(brat_built: tuple[Path, Path]) -> None:
    gold, out = brat_built
    _, total = evaluate_brat(gold, out)
    metrics = total.metrics()
    assert metrics["quote_f1"] == 1.0, total.errors
    assert metrics["speaker_accuracy"] == 1.0, total.errors
    assert total.named == 4 and total.nominal == 1  # 'the health minister' is reported apart
    assert metrics["claim_recall"] == 1.0, total.errors
    assert metrics["claim_precision"] == 1.0, total.errors
    assert metrics["pronoun_coverage"] is None  # nothing to count: n/a, not 1.0


def test_a_wrong_speaker_and_a_missed_quote_count(tmp_path: Path) -> None:
    """Gold that disagrees with the rules: the lawyer's client as the Source of her words, and
    a quotation the rules reject as a title counted as a quote."""
    case = Case(
        "appeal",
        "Reyes loses first round\n\n"
        "\"We will appeal this ruling,\" said Ines Marlowe, a lawyer for Tomas Reyes, after "
        "the hearing.\n\n"
        "Reyes told reporters he had read the judge's ruling, titled \"On Standing,\" twice.\n",
        (Gold("\"We will appeal this ruling,\"", "said", "Tomas Reyes"),
         Gold("he had read the judge's ruling, titled \"On Standing,\" twice", "told",
              "Reyes")))
    gold = write_gold(tmp_path / "gold", cases=(case,))
    out = tmp_path / "pkg"
    result = run_cli("build", write_articles(tmp_path / "src", (case,)), "--out", out)
    assert result.returncode == 0, result.stderr
    per_article, total = evaluate_brat(gold, out)
    score = per_article["appeal"]
    assert (score.named, score.speaker_right) == (1, 0), score.errors
    assert score.quote_fn == 1 and any(e.startswith("missed quote") for e in score.errors)
    assert total.metrics()["speaker_accuracy"] == 0.0


def test_the_first_annotator_is_used(tmp_path: Path) -> None:
    gold = write_gold(tmp_path)
    first = gold / "attributions" / "harbour_vote_a1.ann"
    shutil.copy(first, gold / "attributions" / "harbour_vote_b2.ann")
    (gold / "attributions" / "harbour_vote_b2.ann").write_text("", encoding="utf-8")
    harbour = next(g for g in read_gold(gold) if g.name == "harbour_vote")
    assert len(harbour.attributions) == 3
    first.rename(gold / "attributions" / "harbour_vote_c3.ann")
    harbour = next(g for g in read_gold(gold) if g.name == "harbour_vote")
    assert harbour.attributions == ()  # b2, now first in sort order, is empty


def test_bad_gold_names_the_file_and_line(tmp_path: Path) -> None:
    gold = write_gold(tmp_path)
    ann = gold / "attributions" / "clinic_funding_a1.ann"
    ann.write_text("T1\tContent 10 99999\tx\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"clinic_funding_a1\.ann:1: span offsets"):
        read_gold(gold)
    with pytest.raises(InputError, match="no brat gold"):
        read_gold(tmp_path / "attributions")


def test_bounds() -> None:
    bounds = parse_bounds("quote_f1=0.95, speaker_accuracy=0.9")
    assert bounds == {"quote_f1": 0.95, "speaker_accuracy": 0.9}
    metrics = {"quote_f1": 0.96, "speaker_accuracy": None}
    assert check_bounds(metrics, bounds) == ["speaker_accuracy n/a < 0.9"]
    with pytest.raises(UsageError):
        parse_bounds("quote_f1")
    with pytest.raises(UsageError):
        check_bounds(metrics, {"nonsense": 1.0})


def test_cli_brat_mode(brat_built: tuple[Path, Path]) -> None:
    gold, out = brat_built
    result = run_cli("evaluate", "--gold-format", "brat", gold, out, "--errors")
    assert result.returncode == 0, result.stderr
    overall = next(line for line in result.stdout.splitlines() if line.startswith("overall"))
    assert overall.split()[1:4] == ["1.000", "1.000", "1.000"]
    short = run_cli("evaluate", "--gold-format", "brat", gold, out,
                    "--fail-under", "quote_f1=1.01")
    assert short.returncode == 1
    assert "quote_f1 1.000 < 1.01" in short.stderr
    usage = run_cli("evaluate", "--gold-format", "brat", gold, out, "--fail-under", "bogus=1")
    assert usage.returncode == 2
    assert usage.stderr.startswith("newsgraph: error:") and "Traceback" not in usage.stderr


def test_json_mode_says_n_a_when_nothing_is_counted(brat_built: tuple[Path, Path],
                                                    tmp_path: Path) -> None:
    _, out = brat_built
    gold = tmp_path / "gold"
    gold.mkdir()
    (gold / "x.json").write_text(json.dumps({"article": "harbour_vote.txt", "quotes": [],
                                             "actors": []}), encoding="utf-8")
    result = run_cli("evaluate", gold, out)
    assert result.returncode == 0, result.stderr
    overall = next(line for line in result.stdout.splitlines() if line.startswith("overall"))
    precision, recall, f1, speaker = overall.split()[1:5]
    assert (recall, f1, speaker) == ("n/a", "n/a", "n/a")
    assert precision == "0.000"  # the build found quotes the gold does not have


def test_explain_shows_every_decision(tmp_path: Path) -> None:
    from tests.conftest import REPO

    book = REPO / "tests" / "fixtures" / "articles" / "06_book_prize.txt"
    result = run_cli("explain", book)
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert out.splitlines()[0].startswith("06_book_prize.txt: 8 quotes, 6 rejected")
    assert "rejected (title) 'Glass Harbour'" in out
    assert "rejected (scare quote) 'issue'" in out
    assert "speaker 'Okafor' -> Ruth Okafor; cue said; rule:quotes.attribution_after@5" in out
    assert "claimant Harland & Byrne; cue said" in out
    assert "cue 'said': no claim (the cue of a quote)" in out
    # sorted by position in the article
    positions = [int(line[:6]) for line in out.splitlines()[1:] if line[:6].strip().isdigit()]
    assert positions == sorted(positions)


@pytest.mark.parametrize("name", ["missing.txt", "notes.pdf"])
def test_explain_refuses_what_it_cannot_read(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    if name.endswith(".pdf"):
        path.write_bytes(b"%PDF-1.7")
    result = run_cli("explain", path)
    assert result.returncode == 2
    assert result.stderr.startswith("newsgraph: error: ") and len(result.stderr.splitlines()) == 1


def test_readme_quotes_the_measured_quality() -> None:
    """The README's PolNeAR figures are the ones `make quality` wrote to docs/quality.md."""
    import re

    from tests.conftest import REPO

    readme = (REPO / "README.md").read_text(encoding="utf-8")
    page = (REPO / "docs" / "quality.md").read_text(encoding="utf-8")
    assert "Skipped: PolNeAR" not in page, "regenerate docs/quality.md where PolNeAR is"
    rows = {"quote F1": r"\| quotes: F1 \| ([0-9.]+)",
            "the speaker right for": r"\| speaker right, of matched[^|]*\| ([0-9.]+)",
            "a speaker given for": r"\| speaker given \(actor or words\)[^|]*\| ([0-9.]+)",
            "precision": r"\| reported claims: precision[^|]*\| ([0-9.]+)",
            "recall": r"\| reported claims: recall[^|]*\| ([0-9.]+)"}
    for words, row in rows.items():
        measured = re.search(row, page)
        assert measured is not None, row
        assert f"{words} {measured.group(1)}" in " ".join(readme.split()), words
