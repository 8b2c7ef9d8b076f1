"""``newsgraph evaluate --gold-format timeml``: time expressions and event dates against TimeML.

Time expressions are scored the TempEval-3 way: a predicted ``time_mentions`` row and a
gold TIMEX3 match strictly when their spans are equal, loosely ("relaxed") when they
overlap (one to one, left to right); precision, recall and F1 of both; on relaxed matches,
the share whose TIMEX3 value is the gold value (value accuracy) and whose type is the gold
type (type accuracy).

Dated events: a gold EVENT that a TLINK ties to a DATE or TIME expression of the text
(``newsgraph.evaluate.timeml_reader``) is *found* when one of the package's event mentions of that article
contains the event's words, and *dated right* when that event's date interval equals or
contains the gold expression's interval (``PRESENT_REF``: the creation day). A found event
whose gold expression has no interval (``PAST_REF``, ``1989-WXX``) counts as found, and is
left out of the dated-right share (there is no date to compare; ``dated_vague`` counts them).

The articles are built from a collection this module writes (``python -m
newsgraph.evaluate.timeml GOLD OUT.jsonl``): one JSON line per TimeML file with its text,
its id as title and its creation date as ``published``, so relative expressions resolve
against the document creation time as in TimeML. Package articles are paired with gold
files by the SHA-256 of the text.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from newsgraph.errors import UsageError
from newsgraph.evaluate.report import f1, ratio
from newsgraph.evaluate.timeml_reader import GoldTimex, TimeMLDoc, read_corpus
from newsgraph.models.calendar_dates import calendar_date
from newsgraph.package.tables import jsonl_path
from newsgraph.rules.timex_values import value_interval


@dataclass(frozen=True)
class Predicted:
    """A predicted time expression, as the ``time_mentions`` table gives it."""

    char_start: int
    char_end: int
    text: str
    timex_type: str
    value: str


@dataclass
class TimeScore:
    """Counts over one or more documents (rates are ``None`` when nothing is counted)."""

    gold: int = 0
    predicted: int = 0
    strict: int = 0
    relaxed: int = 0
    value_right: int = 0
    type_right: int = 0
    dated_gold: int = 0
    dated_found: int = 0
    dated_right: int = 0
    #: Found events whose gold expression has no calendar interval (PAST_REF, 1989-WXX):
    #: not in ``dated_found``, since no date can be compared with them.
    dated_vague: int = 0
    #: (doc id, gold text, gold value, predicted text, predicted value) of value errors.
    value_errors: list[tuple[str, str, str, str, str]] = field(default_factory=list)
    missed: list[tuple[str, str]] = field(default_factory=list)
    spurious: list[tuple[str, str]] = field(default_factory=list)

    def add(self, other: TimeScore) -> None:
        for name in ("gold", "predicted", "strict", "relaxed", "value_right", "type_right",
                     "dated_gold", "dated_found", "dated_right", "dated_vague"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.value_errors += other.value_errors
        self.missed += other.missed
        self.spurious += other.spurious

    @property
    def errors(self) -> list[str]:
        """One line per miss, extra and wrong value (what ``--errors`` prints)."""
        return ([f"missed time {t!r}" for _, t in self.missed]
                + [f"extra time {t!r}" for _, t in self.spurious]
                + [f"value of {g!r}: gold {gv}, predicted {pv} ({p!r})"
                   for _, g, gv, p, pv in self.value_errors])

    def metrics(self) -> dict[str, float | None]:
        rp, rr = ratio(self.relaxed, self.predicted), ratio(self.relaxed, self.gold)
        sp, sr = ratio(self.strict, self.predicted), ratio(self.strict, self.gold)
        return {
            "strict_precision": sp, "strict_recall": sr, "strict_f1": f1(sp, sr),
            "relaxed_precision": rp, "relaxed_recall": rr, "relaxed_f1": f1(rp, rr),
            "value_accuracy": ratio(self.value_right, self.relaxed),
            "type_accuracy": ratio(self.type_right, self.relaxed),
            "events_found": ratio(self.dated_found + self.dated_vague, self.dated_gold),
            "events_dated_right": ratio(self.dated_right, self.dated_found),
            "events_dated_overall": ratio(self.dated_right, self.dated_gold),
        }


def score_times(doc: TimeMLDoc, predicted: Iterable[Predicted]) -> TimeScore:
    """Span, value and type agreement of one document's predictions with its gold."""
    gold = sorted(doc.timexes, key=lambda t: (t.char_start, t.char_end))
    pred = sorted(predicted, key=lambda p: (p.char_start, p.char_end))
    score = TimeScore(gold=len(gold), predicted=len(pred))
    used: set[int] = set()
    j = 0
    for g in gold:
        while j < len(pred) and pred[j].char_end <= g.char_start:
            j += 1
        hit = next((k for k in range(j, min(len(pred), j + 4))
                    if k not in used and pred[k].char_start < g.char_end
                    and g.char_start < pred[k].char_end), None)
        if hit is None:
            score.missed.append((doc.doc_id, g.text))
            continue
        used.add(hit)
        p = pred[hit]
        score.relaxed += 1
        score.strict += (p.char_start, p.char_end) == (g.char_start, g.char_end)
        score.type_right += p.timex_type == g.timex_type
        if p.value == g.value:
            score.value_right += 1
        else:
            score.value_errors.append((doc.doc_id, g.text, g.value, p.text, p.value))
    score.spurious = [(doc.doc_id, p.text) for k, p in enumerate(pred) if k not in used]
    return score


def _covers(outer: tuple[dt.date, dt.date] | None, inner: tuple[dt.date, dt.date] | None
            ) -> bool:
    return outer is not None and inner is not None and outer[0] <= inner[0] \
        and inner[1] <= outer[1]


def score_event_dates(doc: TimeMLDoc, mentions: list[tuple[int, int, str]],
                      event_dates: dict[str, tuple[dt.date, dt.date] | None]) -> TimeScore:
    """Gold events with a date: found inside an event mention, and dated right."""
    score = TimeScore()
    timex = {t.tid: t for t in doc.timexes}
    for event in doc.events:
        tid = doc.event_dates.get(event.eid)
        if tid is None:
            continue
        score.dated_gold += 1
        inside = [eid for start, end, eid in mentions
                  if start <= event.char_start and event.char_end <= end]
        if not inside:
            continue
        gold: GoldTimex = timex[tid]
        want = value_interval(gold.value)
        if gold.value == "PRESENT_REF" and doc.dct is not None:
            want = (doc.dct, doc.dct)
        if want is None:  # PAST_REF, FUTURE_REF, X's: no interval to compare a date with
            score.dated_vague += 1
            continue
        score.dated_found += 1
        if any(_covers(event_dates.get(eid), want) for eid in inside):
            score.dated_right += 1
    return score


def _rows(package: Path, table: str) -> Iterator[dict[str, Any]]:
    path = package / jsonl_path(table)
    if not path.is_file():
        raise UsageError(f"{path}: not found; is {package} a newsgraph package "
                         "built with time_mentions (schema 2.0.0 or later)?")
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                yield json.loads(line)


def _date(value: object) -> dt.date | None:
    return calendar_date(value) if isinstance(value, str) else None


def evaluate_timeml(gold_dir: Path, package: Path) -> tuple[dict[str, TimeScore], TimeScore]:
    """Per-document and total scores of ``package`` against the TimeML files of ``gold_dir``."""
    docs = read_corpus(gold_dir)
    if not docs:
        raise UsageError(f"{gold_dir}: no .tml files; give a folder of TimeML files")
    by_hash = {hashlib.sha256(d.text.encode("utf-8")).hexdigest(): d for d in docs}
    article_doc = {r["article_id"]: by_hash[r["sha256"]] for r in _rows(package, "articles")
                   if r["sha256"] in by_hash}
    times: dict[str, list[Predicted]] = {}
    for r in _rows(package, "time_mentions"):
        times.setdefault(r["article_id"], []).append(Predicted(
            r["char_start"], r["char_end"], r["text"], r["timex_type"], r["value"]))
    mentions: dict[str, list[tuple[int, int, str]]] = {}
    for r in _rows(package, "event_mentions"):
        mentions.setdefault(r["article_id"], []).append(
            (r["char_start"], r["char_end"], r["event_id"]))
    dates: dict[str, tuple[dt.date, dt.date] | None] = {}
    for r in _rows(package, "events"):
        start, end = _date(r.get("date_start")), _date(r.get("date_end"))
        dates[r["event_id"]] = (start, end) if start and end else None
    per_doc: dict[str, TimeScore] = {}
    total = TimeScore()
    found = {d.doc_id for d in article_doc.values()}
    for art, doc in article_doc.items():
        score = score_times(doc, times.get(art, []))
        score.add(score_event_dates(doc, mentions.get(art, []), dates))
        per_doc[doc.doc_id] = score
    for doc in docs:  # a gold file the package lacks counts as all missed
        if doc.doc_id not in found:
            per_doc[doc.doc_id] = score_times(doc, [])
    for score in per_doc.values():
        total.add(score)
    return per_doc, total


def write_collection(gold_dir: Path, out: Path) -> int:
    """Write the TimeML texts as a JSON Lines collection (published = creation date)."""
    docs = read_corpus(gold_dir)
    with out.open("w", encoding="utf-8", newline="\n") as handle:
        for doc in docs:
            handle.write(json.dumps({"text": doc.text, "title": doc.doc_id,
                                     "published": doc.dct.isoformat() if doc.dct else None},
                                    ensure_ascii=False, sort_keys=True) + "\n")
    return len(docs)


def main(argv: list[str] | None = None) -> int:
    """``python -m newsgraph.evaluate.timeml GOLD_DIR OUT.jsonl``: the gold as a collection."""
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 2:
        print("usage: python -m newsgraph.evaluate.timeml GOLD_DIR OUT.jsonl", file=sys.stderr)
        return 2
    n = write_collection(Path(args[0]), Path(args[1]))
    print(f"{n} TimeML articles written to {args[1]}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
