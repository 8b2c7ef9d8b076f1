"""The TimeML section of ``make quality``: time expressions and event dates on TimeBank.

TimeBank (``../shared/timebank/``, TempEval-3 training data; texts never copied here) is
written as a collection with each document's creation time as its publication date
(``python -m newsgraph.evaluate.timeml``), built with rules alone, and scored by
``newsgraph evaluate --gold-format timeml``. Skipped, with a line, where it is absent.
"""

from __future__ import annotations

import collections
import re
from pathlib import Path

from newsgraph.evaluate.report import fmt
from newsgraph.evaluate.timeml import TimeScore, evaluate_timeml, write_collection

TARGETS = {"relaxed_f1": ">= 0.92", "value_accuracy": ">= 0.88", "events_found": ">= 0.5",
           "events_dated_right": ">= 0.85"}
LABELS = {
    "strict_precision": "time expressions: strict span precision",
    "strict_recall": "strict span recall",
    "strict_f1": "strict span F1",
    "relaxed_precision": "relaxed (overlapping) span precision",
    "relaxed_recall": "relaxed span recall",
    "relaxed_f1": "relaxed span F1",
    "value_accuracy": "TIMEX3 value right, of relaxed matches",
    "type_accuracy": "TIMEX3 type right, of relaxed matches",
    "events_found": "TimeML events linked to a date: found inside an event mention",
    "events_dated_right": "of those found (with a calendar value), the event's date covers "
                          "the linked expression",
    "events_dated_overall": "dated right, of all linked events",
}


def _pattern(value: str) -> str:
    return re.sub(r"\d", "9", value)


def timeml_section(gold: Path, root: Path, build: object) -> list[str]:
    """The lines of the section (``build`` is quality.build: SRC, OUT -> None)."""
    lines = ["## Time expressions and event dates: TimeBank (TempEval-3)", ""]
    if not (gold / "tml").is_dir():
        return [*lines, "Skipped: TimeBank was not found at `../shared/timebank/tml` (put the "
                "TempEval-3 TimeBank files there to measure).", ""]
    collection = root / "timebank.jsonl"
    n = write_collection(gold, collection)
    build(collection, root / "timebank-pkg")  # type: ignore[operator]
    _, total = evaluate_timeml(gold, root / "timebank-pkg")
    m = total.metrics()
    lines += [
        f"{n} news articles of TimeBank 1.2 as cleaned for TempEval-3 (UzZaman et al., "
        "SemEval 2013; `../shared/timebank/`, texts not in this repository), each built with "
        "its document creation time as the publication date (`python -m "
        "newsgraph.evaluate.timeml GOLD OUT.jsonl`, then `newsgraph build OUT.jsonl`). "
        f"Command: `newsgraph evaluate --gold-format timeml ../shared/timebank PACKAGE`. "
        f"{total.gold} gold expressions, {total.predicted} predicted; {total.dated_gold} "
        "events linked by TLINK (IS_INCLUDED, DURING, SIMULTANEOUS, IDENTITY, BEGINS, ENDS or "
        "their inverses) to a DATE or TIME expression of the text; "
        f"{total.dated_vague} of those found are linked to an expression without a calendar "
        "interval (PAST_REF, FUTURE_REF, values with X's) and are left out of the dated-right "
        "share. Event detection (which events have a mention) is the PLOVER events work of "
        "issue 15; the date linking is this page's.", "",
        "| measure | value | target (issue 15) |", "| --- | --- | --- |"]
    lines += [f"| {LABELS[k]} | {fmt(m[k])} | {TARGETS.get(k, '')} |" for k in LABELS]
    lines += ["", "Most frequent value errors (gold value -> predicted, digits as 9):", "",
              "| expression | gold | predicted | count |", "| --- | --- | --- | --- |"]
    lines += [f"| {g} | `{gv}` | `{pv}` | {c} |" for (g, gv, pv), c in _top(total)]
    return [*lines, ""]


def _top(total: TimeScore) -> list[tuple[tuple[str, str, str], int]]:
    """The ten commonest value errors, as the grammar's words (a few words each)."""
    errors = collections.Counter(
        (g.lower(), _pattern(gv), _pattern(pv)) for _, g, gv, _, pv in total.value_errors
        if len(g.split()) <= 4)
    return sorted(errors.items(), key=lambda kv: (-kv[1], kv[0]))[:10]
