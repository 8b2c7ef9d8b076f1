"""TimeML reading and ``newsgraph evaluate --gold-format timeml``, end to end in a tmp folder.

The fixtures (tests/fixtures/timeml/) are two made-up TimeML files; the TimeBank figures are
measured by ``make quality`` (docs/quality.md), never from texts copied here.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from newsgraph.evaluate.timeml import Predicted, score_times, write_collection
from newsgraph.evaluate.timeml_reader import read_corpus, read_timeml
from tests.conftest import DATASET, run_cli

#: Runs the builder or the CLI end to end: left out of ``make test-fast``.
pytestmark = pytest.mark.slow

GOLD = Path(__file__).parent / "fixtures" / "timeml"



@pytest.mark.parametrize(("value", "dct"), [
    ("2019-11-27T10:00:00", dt.date(2019, 11, 27)), ("2019-11-27T10:00", dt.date(2019, 11, 27)),
    ("2019-W48-3", None), ("20191127", None), ("2019-02-30", None), ("", None)])
def test_the_creation_date_is_a_calendar_day(tmp_path: Path, value: str,
                                             dct: dt.date | None) -> None:
    """The creation date is read by the package's one date parser: a timestamp gives its
    day; a week date or the basic format (which ``fromisoformat`` would read as some day)
    and a day the calendar lacks give none."""
    text = (GOLD / "made_up_1.tml").read_text(encoding="utf-8")
    path = tmp_path / "doc.tml"
    path.write_text(text.replace('value="2019-11-27"', f'value="{value}"', 1), encoding="utf-8")
    assert read_timeml(path).dct == dct

def test_text_offsets_and_links() -> None:
    doc = read_timeml(GOLD / "made_up_1.tml")
    assert doc.dct == dt.date(2019, 11, 27)
    assert "&" in doc.text and "<" not in doc.text
    for t in doc.timexes:
        assert doc.text[t.char_start:t.char_end] == t.text
    assert [t.value for t in doc.timexes] == ["2019-11-22", "P3Y", "2019-Q3"]
    assert doc.event_dates == {"e1": "t1"}
    # a link read from the time's side (t1 INCLUDES ei1) dates the event too
    assert read_timeml(GOLD / "made_up_2.tml").event_dates == {"e1": "t1"}


def test_strict_and_relaxed_matches() -> None:
    doc = read_timeml(GOLD / "made_up_1.tml")
    friday, years, _quarter = doc.timexes
    pred = [Predicted(friday.char_start, friday.char_end, "Friday", "DATE", "2019-11-22"),
            Predicted(years.char_start + 6, years.char_end, "years", "DURATION", "PXY"),
            Predicted(0, 3, "The", "DATE", "PRESENT_REF")]
    score = score_times(doc, pred)
    assert (score.gold, score.predicted, score.strict, score.relaxed) == (3, 3, 1, 2)
    assert (score.value_right, score.type_right) == (1, 2)
    assert score.metrics()["relaxed_recall"] == 2 / 3


def test_evaluate_cli_end_to_end(tmp_path: Path) -> None:
    collection = tmp_path / "gold.jsonl"
    assert write_collection(GOLD, collection) == 2
    rows = [json.loads(line) for line in collection.read_text().splitlines()]
    assert [r["published"] for r in rows] == ["2019-11-27", "1998-03-04"]
    out = tmp_path / "pkg"
    built = run_cli("build", collection, "--out", out)
    assert built.returncode == 0, built.stderr
    times = [json.loads(line) for line in (out / "json" / "time_mentions.jsonl").open()]
    assert {(t["text"], t["value"]) for t in times} >= {("Friday", "2019-11-22"),
                                                        ("yesterday", "1998-03-03")}
    result = run_cli("evaluate", GOLD, out, "--gold-format", "timeml",
                     "--fail-under", "relaxed_f1=0.99,value_accuracy=0.99")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "overall" in result.stdout
    short = run_cli("evaluate", GOLD, out, "--gold-format", "timeml",
                    "--fail-under", "events_found=1.01")
    assert short.returncode == 1
    assert len(read_corpus(GOLD)) == 2


@pytest.mark.parametrize(("content", "says"), [
    (b"<TimeML><DOCID>x</DOCID></TimeML>", "no <TEXT> element"),
    (b"<TimeML><TEXT>caf\xe9 <EVENT eid='e1'>opened</EVENT></TEXT></TimeML>", "not UTF-8"),
    (b"<TimeML><TEXT>it <EVENT eid=\"e1\">opened</TIMEX3></TEXT></TimeML>", "does not close"),
])
def test_a_bad_timeml_file_is_one_line_naming_it(tmp_path: Path, content: bytes,
                                                  says: str) -> None:
    gold = tmp_path / "gold"
    gold.mkdir()
    (gold / "bad.tml").write_bytes(content)
    result = run_cli("evaluate", gold, DATASET, "--gold-format", "timeml")
    assert result.returncode == 2, result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "bad.tml" in lines[0] and says in lines[0], result.stderr
    assert "Traceback" not in result.stderr
