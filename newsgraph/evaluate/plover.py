"""Score a package's events against PLOVER gold-standard records (one coded sentence each).

The gold is a JSON Lines file (or a folder holding ``*.jsonl`` files): one record a line with
``text``, ``event`` (the PLOVER type), ``sources`` and ``targets`` (actors as written). The
package is the build of that same file as a collection (``newsgraph build GOLD.jsonl --out
PKG``): record ``line N`` of the gold is the article whose ``record_locator`` is ``line N``.

Figures:
- detection: share of records whose article has an event;
- type: of detected records, share whose event (the first by position) has the gold PLOVER type;
- source / target: of detected records with a gold source (target), share where an agent or
  participant (a target or recipient) of that event matches a gold source (target).

Matching rule: an actor matches a gold actor when one of its mention texts in the record's
article is the gold text, lies inside it as whole words ("Turkish" in "Turkish police",
"Boris Yeltsin" in "Russian President Boris Yeltsin"), or holds it as whole words, compared
case-folded.
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from newsgraph.errors import InputError, UsageError
from newsgraph.evaluate.report import fmt

_SOURCE_ROLES = frozenset({"agent", "participant"})
_TARGET_ROLES = frozenset({"target", "recipient"})


@dataclass
class PloverScore:
    """Counts of one evaluation; ``metrics`` gives the rates (None: nothing to count)."""

    records: int = 0
    detected: int = 0
    type_right: int = 0
    with_source: int = 0
    source_right: int = 0
    with_target: int = 0
    target_right: int = 0
    errors: list[str] = field(default_factory=list)

    def metrics(self) -> dict[str, float | None]:
        def rate(a: int, b: int) -> float | None:
            return a / b if b else None
        return {"event_detection": rate(self.detected, self.records),
                "plover_type_accuracy": rate(self.type_right, self.detected),
                "source_accuracy": rate(self.source_right, self.with_source),
                "target_accuracy": rate(self.target_right, self.with_target)}


def _words(text: str) -> str:
    return " " + " ".join(re.findall(r"\w+", text.casefold())) + " "


def matches(mention_texts: set[str], gold: str) -> bool:
    """The matching rule of the module docstring."""
    g = _words(gold)
    return g.strip() != "" and any(
        (m := _words(t)).strip() != "" and (m in g or g in m) for t in mention_texts)


def _table(package: Path, name: str) -> list[dict[str, object]]:
    path = package / "json" / f"{name}.jsonl"
    if not path.is_file():
        raise UsageError(f"{path}: table not found; build the PLOVER records first "
                         "(newsgraph build GOLD.jsonl --out PKG)")
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def read_gold(gold: Path) -> list[tuple[str, int, dict[str, object]]]:
    """(file name, line number, record) of every gold record."""
    files = sorted(gold.glob("*.jsonl")) if gold.is_dir() else [gold]
    if not files or not all(f.is_file() for f in files):
        raise InputError(f"{gold}: no PLOVER records (*.jsonl) found; give the records' "
                         "JSON Lines file")
    out = []
    for path in files:
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if line.strip():
                try:
                    out.append((path.name, number, json.loads(line)))
                except json.JSONDecodeError as exc:
                    raise InputError(f"not a JSON record ({exc.msg}); fix the line",
                                     file=path, line=number) from None
    return out


def evaluate_plover(gold: Path, package: Path) -> PloverScore:
    """Detection, PLOVER type, source and target accuracy of ``package`` on ``gold``."""
    articles = {(str(a["source_file"]), str(a["record_locator"])): str(a["article_id"])
                for a in _table(package, "articles")}
    events = {str(e["event_id"]): e for e in _table(package, "events")}
    first: dict[str, tuple[int, str]] = {}
    for m in _table(package, "event_mentions"):
        art, at = str(m["article_id"]), int(str(m["char_start"]))
        if art not in first or (at, str(m["event_id"])) < first[art]:
            first[art] = (at, str(m["event_id"]))
    texts: dict[tuple[str, str], set[str]] = defaultdict(set)
    for m in _table(package, "actor_mentions"):
        texts[(str(m["article_id"]), str(m["actor_id"]))].add(str(m["text"]))
    roles: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for p in _table(package, "event_participants"):
        roles[str(p["event_id"])].append((str(p["actor_id"]), str(p["role"])))
    score = PloverScore()
    for name, number, record in read_gold(gold):
        score.records += 1
        located = articles.get((name, f"line {number}"))
        hit = first.get(located) if located else None
        if located is None or hit is None:
            score.errors.append(f"{name}:{number}: no event ({record.get('event')})")
            continue
        art = located
        score.detected += 1
        event = events[hit[1]]
        if event["plover_type"] == record.get("event"):
            score.type_right += 1
        else:
            score.errors.append(f"{name}:{number}: type {event['plover_type']} "
                                f"({event['event_type']}), gold {record.get('event')}")
        for wanted, gold_key, counted in ((_SOURCE_ROLES, "sources", "source"),
                                          (_TARGET_ROLES, "targets", "target")):
            names = [str(g) for g in record.get(gold_key) or []]  # type: ignore[attr-defined]
            if not names:
                continue
            setattr(score, f"with_{counted}", getattr(score, f"with_{counted}") + 1)
            found = [texts[(art, actor)] for actor, role in roles[hit[1]] if role in wanted]
            if any(matches(t, g) for t in found for g in names):
                setattr(score, f"{counted}_right", getattr(score, f"{counted}_right") + 1)
            else:
                score.errors.append(f"{name}:{number}: {counted} {names} not among "
                                    f"{sorted(set().union(*found)) if found else []}")
    return score


def plover_report(score: PloverScore, show_errors: bool) -> Iterator[str]:
    """The figures with their counts, one a line (and every miss when asked)."""
    counts = {"event_detection": (score.detected, score.records),
              "plover_type_accuracy": (score.type_right, score.detected),
              "source_accuracy": (score.source_right, score.with_source),
              "target_accuracy": (score.target_right, score.with_target)}
    for name, value in score.metrics().items():
        right, of = counts[name]
        yield f"{name:<22} {fmt(value):>6}  ({right} of {of})"
    if show_errors:
        yield from score.errors
